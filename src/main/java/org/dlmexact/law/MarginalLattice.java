package org.dlmexact.law;

import java.math.BigInteger;
import java.util.Objects;
import org.dlmexact.exact.InvalidInputException;

/**
 * The marginals of a law on every subset of positions, all kept: built by the depth-first
 * {@link SubsetWalk} (each subset's marginal summed from a parent's by one step of
 * {@link MarginalKernel}), so the total work is {@code V (V+1)^L} integer additions rather than
 * {@code 2^L} passes over the table. Marginals are integer weights over the law's denominator
 * {@code D}, stored as machine integers when {@code D <= 2^62 - 1} ({@link #fitsLong}) and as
 * {@code BigInteger} otherwise; {@link #marginal} gives {@code BigInteger}s in both cases.
 */
public final class MarginalLattice {

    /** Largest lattice size {@code (V+1)^L} accepted. */
    public static final long MAX_CELLS = 5_000_000L;

    private final Law law;
    /** Per mask, the weights as machine integers; null when {@code D > 2^62 - 1}. */
    private final long[][] longs;
    /** Per mask, the weights as exact integers (filled on first use when {@code longs} holds them). */
    private final BigInteger[][] marginals;

    private MarginalLattice(Law law, long[][] longs, BigInteger[][] marginals) {
        this.law = law;
        this.longs = longs;
        this.marginals = marginals;
    }

    /** {@code (V+1)^L}, the number of cells of all marginals together. */
    //@ requires v >= 1 && l >= 0;
    //@ pure
    public static BigInteger estimateCells(int v, int l) {
        return SubsetWalk.estimateCells(v, l);
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
        checkSize(sp.alphabetSize(), sp.length());
        BigInteger[][] big = new BigInteger[sp.fullMask() + 1][];
        if (SubsetWalk.fitsLong(law)) {
            long[][] m = new long[sp.fullMask() + 1][];
            SubsetWalk.walkLong(law, (mask, w) -> m[mask] = w.clone());
            return new MarginalLattice(law, m, big);
        }
        SubsetWalk.walkBig(law, (mask, w) -> big[mask] = w.clone());
        return new MarginalLattice(law, null, big);
    }

    //@ pure
    public Law law() {
        return law;
    }

    /** Whether the weights are held as machine integers ({@code D <= 2^62 - 1}); then {@link #longMarginal} is available. */
    //@ ensures \result <==> SubsetWalk.fitsLong(law());
    //@ pure
    public boolean fitsLong() {
        return longs != null;
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
        BigInteger[] m = marginals[mask];
        if (m == null) {
            long[] w = longs[mask];
            m = new BigInteger[w.length];
            for (int i = 0; i < w.length; i++) {
                m[i] = BigInteger.valueOf(w[i]);
            }
            marginals[mask] = m;
        }
        return m;
    }

    /** As {@link #marginal}, as machine integers (shared: do not modify). */
    /*@ public normal_behavior
      @   requires fitsLong() && 0 <= mask && mask <= law().space().fullMask();
      @   ensures \result.length == law().space().power(Integer.bitCount(mask));
      @ also public exceptional_behavior
      @   requires !fitsLong();
      @   signals_only IllegalStateException;
      @ pure @*/
    public long[] longMarginal(int mask) {
        if (longs == null) {
            throw new IllegalStateException("the law's denominator " + law.denominator()
                    + " exceeds 2^62 - 1: its marginals are held as BigInteger only");
        }
        return longs[mask];
    }
}
