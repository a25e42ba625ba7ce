package org.dlmexact.law;

import java.math.BigInteger;
import java.util.Objects;
import org.dlmexact.exact.InvalidInputException;

/**
 * The marginals of a law on every subset of positions, visited depth-first: the walk starts at
 * the whole sequence and removes positions in decreasing order, so every subset is reached
 * exactly once, from the parent that still holds its smallest removed position, by summing one
 * position out ({@link MarginalKernel}). Only one marginal per depth is alive at a time:
 * {@code V^L + V^(L-1) + ... + 1 < 2 V^L} integers, not the {@code (V+1)^L} cells of all marginals
 * together. The work is {@code V (V+1)^L} integer additions.
 *
 * <p>Marginals are integer weights over the law's denominator {@code D}, indexed as in
 * {@link SequenceSpace}. On machine integers ({@code long}) when {@code D <= 2^62 - 1}
 * ({@link #fitsLong}), otherwise on {@code BigInteger}; both give the same integers.
 */
public final class SubsetWalk {

    /**
     * Largest {@code (V+1)^L} (the number of marginal entries visited) accepted by the walk. Every
     * law within {@link SequenceSpace#MAX_OUTCOMES} meets it: the largest is
     * {@code 3^20 = 3,486,784,401} ({@code V = 2}, {@code L = 20}).
     */
    public static final long MAX_CELLS = 3_500_000_000L;

    /**
     * Receives the marginal weights of one subset (bit mask {@code mask}). The array belongs to
     * the walk: it is overwritten after {@code visit} returns, so a visitor that keeps it must copy it.
     */
    public interface Visitor<A> {
        //@ requires weights != null;
        void visit(int mask, A weights);
    }

    private SubsetWalk() {
    }

    /** Whether the law's weights fit the long kernel: {@code D <= 2^62 - 1}. */
    //@ requires law != null;
    //@ ensures \result <==> law.denominator().bitLength() <= 62;
    //@ pure
    public static boolean fitsLong(Law law) {
        return law.denominator().bitLength() <= 62;
    }

    /** {@code (V+1)^L}: the number of marginal entries over all subsets. */
    //@ requires v >= 1 && l >= 0;
    //@ pure
    public static BigInteger estimateCells(int v, int l) {
        return BigInteger.valueOf(v + 1L).pow(l);
    }

    /** Refuses, with the estimate, a walk over more than {@link #MAX_CELLS} marginal entries. */
    /*@ public normal_behavior
      @   requires v >= 1 && l >= 0 && estimateCells(v, l).compareTo(BigInteger.valueOf(MAX_CELLS)) <= 0;
      @ also public exceptional_behavior
      @   requires v >= 1 && l >= 0 && estimateCells(v, l).compareTo(BigInteger.valueOf(MAX_CELLS)) > 0;
      @   signals_only InvalidInputException;
      @ pure @*/
    public static void checkSize(int v, int l) {
        BigInteger cells = estimateCells(v, l);
        if (cells.compareTo(BigInteger.valueOf(MAX_CELLS)) > 0) {
            throw new InvalidInputException("law.too-large", "too large to compute: the entropies of all 2^" + l
                    + " subsets of " + l + " positions over " + v + " symbols visit (V+1)^L = " + cells
                    + " marginal entries; the limit is " + MAX_CELLS);
        }
    }

    /**
     * Visits every subset's marginal on machine integers, the whole sequence first. Subsets are
     * visited in depth-first order: after {@code S}, the subsets of {@code S} that keep every
     * position above the last one removed.
     */
    /*@ public normal_behavior
      @   requires law != null && visitor != null && fitsLong(law);
      @ also public exceptional_behavior
      @   requires law != null && visitor != null && !fitsLong(law);
      @   signals_only IllegalArgumentException;
      @*/
    public static void walkLong(Law law, Visitor<long[]> visitor) {
        Objects.requireNonNull(visitor, "visitor");
        if (!fitsLong(law)) {
            throw new IllegalArgumentException("the law's denominator " + law.denominator()
                    + " exceeds 2^62 - 1: use walkBig");
        }
        SequenceSpace sp = law.space();
        long bound = law.denominator().longValue();
        long[][] buffers = new long[sp.length() + 1][];
        for (int d = 0; d <= sp.length(); d++) {
            buffers[d] = new long[sp.power(sp.length() - d)];
        }
        for (int i = 0; i < sp.size(); i++) {
            buffers[0][i] = law.weight(i).longValue();
        }
        new Walk<long[]>(sp, buffers, visitor) {
            @Override
            void sumOut(long[] src, long[] dst, int low) {
                if (!MarginalKernel.sumOut(src, dst, sp.alphabetSize(), low, dst.length / low, bound)) {
                    throw new IllegalStateException("a marginal weight exceeds the law's denominator " + bound);
                }
            }
        }.run();
    }

    /** As {@link #walkLong}, on exact integers of any size. */
    /*@ public normal_behavior
      @   requires law != null && visitor != null;
      @*/
    public static void walkBig(Law law, Visitor<BigInteger[]> visitor) {
        Objects.requireNonNull(visitor, "visitor");
        SequenceSpace sp = law.space();
        BigInteger[][] buffers = new BigInteger[sp.length() + 1][];
        for (int d = 0; d <= sp.length(); d++) {
            buffers[d] = new BigInteger[sp.power(sp.length() - d)];
        }
        buffers[0] = law.weights();
        new Walk<BigInteger[]>(sp, buffers, visitor) {
            @Override
            void sumOut(BigInteger[] src, BigInteger[] dst, int low) {
                MarginalKernel.sumOutExact(src, dst, sp.alphabetSize(), low, dst.length / low);
            }
        }.run();
    }

    /** The depth-first recursion, once for both number types; {@code buffers[d]} holds the marginal at depth {@code d}. */
    private abstract static class Walk<A> {
        private final SequenceSpace sp;
        private final A[] buffers;
        private final Visitor<A> visitor;

        Walk(SequenceSpace sp, A[] buffers, Visitor<A> visitor) {
            this.sp = sp;
            this.buffers = buffers;
            this.visitor = visitor;
        }

        abstract void sumOut(A src, A dst, int low);

        void run() {
            visitor.visit(sp.fullMask(), buffers[0]);
            descend(sp.fullMask(), 0, sp.length());
        }

        /**
         * Visits the subsets of {@code mask} obtained by removing positions below {@code below},
         * largest first ({@code mask} holds every position below {@code below}). Removing the
         * largest positions first leaves many positions after the summed one in most steps, so
         * the kernel's inner loop is long.
         */
        private void descend(int mask, int depth, int below) {
            for (int j = below - 1; j >= 0; j--) {
                int child = mask & ~(1 << j);
                sumOut(buffers[depth], buffers[depth + 1], sp.power(Integer.bitCount(mask >>> (j + 1))));
                visitor.visit(child, buffers[depth + 1]);
                descend(child, depth + 1, j);
            }
        }
    }
}
