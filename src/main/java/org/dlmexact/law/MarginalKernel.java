package org.dlmexact.law;

import java.math.BigInteger;

/**
 * One step of the subset lattice: the marginal on a set of positions summed over one of them.
 *
 * <p>A marginal on {@code k + 1} positions is indexed lexicographically over those positions
 * (SPEC section 1). Summing out the position that has {@code r} of the set's positions after it
 * reads the source as {@code blocks} blocks of {@code v * low} entries, {@code low = V^r}: entry
 * {@code (b v + a) low + lo} of the source (symbol {@code a} at the summed position) adds into
 * entry {@code b low + lo} of the result.
 *
 * <p>Two kernels with the same loops: one on machine integers ({@code long}), one on
 * {@code BigInteger}. The long kernel is used when the law's denominator {@code D} is at most
 * {@link #LONG_LIMIT}: every marginal weight lies in {@code [0, D]}, and the sum of two numbers in
 * {@code [0, 2^62 - 1]} is at most {@code 2^63 - 2 < Long.MAX_VALUE}, so no addition can overflow.
 * The kernel checks after every addition that the partial sum is still at most the bound and
 * returns {@code false} otherwise, which keeps that argument local to one addition (it never
 * happens for the marginals of a law, whose entries sum to {@code D}). OpenJML's ESC proves the
 * long kernel free of overflow and of out-of-range indices, with its postcondition
 * (proofs-notes/openjml.md); the index arithmetic rests on the lemma {@code inBlock}, proved too.
 */
final class MarginalKernel {

    /** Largest bound (the law's denominator) for the long kernel: {@code 2^62 - 1}. */
    static final long LONG_LIMIT = (1L << 62) - 1;

    private MarginalKernel() {
    }

    /*@ private normal_behavior
      @   requires 1 <= low && 2 <= v && 0 <= b && b < blocks && 0 <= a && a < v && 0 <= lo && lo < low;
      @   requires blocks * low * v <= Integer.MAX_VALUE;
      @   ensures \result && 0 <= b * low && b * low + lo < blocks * low && b * low + low <= blocks * low;
      @   ensures 0 <= (b * v + a) * low && (b * v + a) * low + lo < blocks * low * v
      @        && (b * v + a) * low + low <= blocks * low * v;
      @ private static model pure helper boolean inBlock(int b, int a, int lo, int blocks, int low, int v) { return true; }
      @*/

    /**
     * {@code dst[b low + lo] = sum_a src[(b v + a) low + lo]} for every block {@code b} and offset
     * {@code lo}, on machine integers. Every entry of {@code src} must lie in {@code [0, bound]}.
     * Returns {@code true} when every sum is at most {@code bound} (then every entry of {@code dst}
     * lies in {@code [0, bound]}); {@code false} as soon as one is not (a marginal of a law never
     * exceeds its denominator, so the caller treats it as a broken invariant). No addition can
     * overflow: both operands are at most {@code bound < 2^62}.
     */
    /*@ normal_behavior
      @   requires src != null && dst != null && src != dst;
      @   requires 2 <= v && 1 <= low && 1 <= blocks && 0 <= bound && bound <= LONG_LIMIT;
      @   requires dst.length == blocks * low && src.length == blocks * low * v;
      @   requires (\forall int i; 0 <= i && i < src.length; 0 <= src[i] && src[i] <= bound);
      @   assignable dst[*];
      @   ensures \result ==> (\forall int i; 0 <= i && i < dst.length; 0 <= dst[i] && dst[i] <= bound);
      @*/
    static boolean sumOut(long[] src, long[] dst, int v, int low, int blocks, long bound) {
        //@ maintaining 0 <= b && b <= blocks;
        //@ maintaining (\forall int i; 0 <= i && i < b * low; 0 <= dst[i] && dst[i] <= bound);
        //@ decreasing blocks - b;
        for (int b = 0; b < blocks; b++) {
            //@ assert inBlock(b, 0, 0, blocks, low, v);
            int d = b * low;
            int s = d * v;
            //@ maintaining 0 <= lo && lo <= low;
            //@ maintaining (\forall int i; 0 <= i && i < d + lo; 0 <= dst[i] && dst[i] <= bound);
            //@ decreasing low - lo;
            for (int lo = 0; lo < low; lo++) {
                //@ assert inBlock(b, 0, lo, blocks, low, v);
                dst[d + lo] = src[s + lo];
            }
            //@ maintaining 1 <= a && a <= v;
            //@ maintaining (\forall int i; 0 <= i && i < d + low; 0 <= dst[i] && dst[i] <= bound);
            //@ decreasing v - a;
            for (int a = 1; a < v; a++) {
                //@ assert inBlock(b, a, 0, blocks, low, v);
                int sa = (b * v + a) * low;
                //@ maintaining 0 <= lo && lo <= low;
                //@ maintaining (\forall int i; 0 <= i && i < d + low; 0 <= dst[i] && dst[i] <= bound);
                //@ decreasing low - lo;
                for (int lo = 0; lo < low; lo++) {
                    //@ assert inBlock(b, a, lo, blocks, low, v);
                    long t = dst[d + lo] + src[sa + lo];
                    if (t > bound) {
                        return false;
                    }
                    dst[d + lo] = t;
                }
            }
        }
        return true;
    }

    /** As {@link #sumOut} on exact integers (any size, nothing to overflow). */
    /*@ normal_behavior
      @   requires src != null && dst != null && src != dst && 2 <= v && 1 <= low && 1 <= blocks;
      @   requires dst.length == blocks * low && src.length == blocks * low * v;
      @   requires (\forall int i; 0 <= i && i < src.length; src[i] != null);
      @   assignable dst[*];
      @*/
    static void sumOutExact(BigInteger[] src, BigInteger[] dst, int v, int low, int blocks) {
        for (int b = 0; b < blocks; b++) {
            int d = b * low;
            int s = d * v;
            System.arraycopy(src, s, dst, d, low);
            for (int a = 1; a < v; a++) {
                int sa = (b * v + a) * low;
                for (int lo = 0; lo < low; lo++) {
                    BigInteger w = src[sa + lo];
                    if (w.signum() != 0) {
                        dst[d + lo] = dst[d + lo].add(w);
                    }
                }
            }
        }
    }
}
