package org.dlmexact.law;

import java.math.BigInteger;
import java.util.Objects;
import org.dlmexact.exact.InvalidInputException;

/**
 * The marginals of a law on every subset of positions, computed through the subset lattice:
 * the marginal on {@code S} is summed from the marginal on {@code S + {j}}, {@code j} the lowest
 * position outside {@code S}, so the total work is {@code (V+1)^L} integer additions rather
 * than {@code 2^L} passes over the table. Marginals are integer weights over the law's
 * denominator {@code D}.
 */
public final class MarginalLattice {

    /** Largest lattice size {@code (V+1)^L} accepted. */
    public static final long MAX_CELLS = 5_000_000L;

    private final Law law;
    private final BigInteger[][] marginals;

    private MarginalLattice(Law law, BigInteger[][] marginals) {
        this.law = law;
        this.marginals = marginals;
    }

    /** {@code (V+1)^L}, the number of cells of all marginals together. */
    //@ requires v >= 1 && l >= 0;
    //@ pure
    public static BigInteger estimateCells(int v, int l) {
        return BigInteger.valueOf(v + 1L).pow(l);
    }

    /** Refuses, with the estimate, a law whose lattice exceeds {@link #MAX_CELLS}. */
    /*@ public normal_behavior
      @   requires estimateCells(v, l).compareTo(BigInteger.valueOf(MAX_CELLS)) <= 0;
      @ also public exceptional_behavior
      @   requires estimateCells(v, l).compareTo(BigInteger.valueOf(MAX_CELLS)) > 0;
      @   signals_only InvalidInputException;
      @ pure @*/
    public static void checkSize(int v, int l) {
        BigInteger cells = estimateCells(v, l);
        if (cells.compareTo(BigInteger.valueOf(MAX_CELLS)) > 0) {
            throw new InvalidInputException("law.too-large", "too large to compute: the marginals of all subsets of "
                    + l + " positions over " + v + " symbols need (V+1)^L = " + cells
                    + " exact cells; the limit is " + MAX_CELLS);
        }
    }

    /*@ public normal_behavior
      @   requires law != null && estimateCells(law.alphabetSize(), law.length()).compareTo(BigInteger.valueOf(MAX_CELLS)) <= 0;
      @   ensures \result.law() == law;
      @ also public exceptional_behavior
      @   requires law != null && estimateCells(law.alphabetSize(), law.length()).compareTo(BigInteger.valueOf(MAX_CELLS)) > 0;
      @   signals_only InvalidInputException;
      @ pure @*/
    public static MarginalLattice of(Law law) {
        Objects.requireNonNull(law, "law");
        SequenceSpace sp = law.space();
        int v = sp.alphabetSize();
        int l = sp.length();
        checkSize(v, l);
        int full = sp.fullMask();
        BigInteger[][] m = new BigInteger[full + 1][];
        m[full] = law.weights();
        for (int mask = full - 1; mask >= 0; mask--) {
            int j = Integer.numberOfTrailingZeros(~mask);
            int parent = mask | (1 << j);
            // r = number of positions of parent above j: they are the less significant digits
            int r = Integer.bitCount(parent >>> (j + 1));
            int low = sp.power(r);
            int k = Integer.bitCount(mask);
            BigInteger[] src = m[parent];
            BigInteger[] dst = new BigInteger[sp.power(k)];
            int highCount = dst.length / low;
            for (int hi = 0; hi < highCount; hi++) {
                for (int lo = 0; lo < low; lo++) {
                    BigInteger s = BigInteger.ZERO;
                    int base = hi * low * v + lo;
                    for (int a = 0; a < v; a++) {
                        BigInteger w = src[base + a * low];
                        if (w.signum() != 0) {
                            s = s.add(w);
                        }
                    }
                    dst[hi * low + lo] = s;
                }
            }
            m[mask] = dst;
        }
        return new MarginalLattice(law, m);
    }

    //@ pure
    public Law law() {
        return law;
    }

    /**
     * The marginal weights on {@code mask}: entry {@code y} is {@code D mu(X_S = y)}, {@code y}
     * indexed over the positions of the mask in increasing order. The array is shared: do not
     * modify it.
     */
    //@ requires 0 <= mask && mask <= law().space().fullMask();
    //@ ensures \result.length == law().space().power(Integer.bitCount(mask));
    //@ pure
    public BigInteger[] marginal(int mask) {
        return marginals[mask];
    }
}
