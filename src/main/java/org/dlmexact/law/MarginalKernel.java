package org.dlmexact.law;

import java.math.BigInteger;

/**
 * One step of the subset lattice: the marginal on a set of positions summed over one of them.
 *
 * <p>A marginal on {@code k + 1} positions is indexed lexicographically over those positions
 * (SPEC section 1). Summing out the position that has {@code r} of the set's positions after it
 * reads the source as blocks of {@code v * low} entries, {@code low = V^r}: entry
 * {@code b * v * low + a * low + lo} of the source (symbol {@code a} at the summed position)
 * adds into entry {@code b * low + lo} of the result. The indices advance by fixed strides, so
 * the loop needs no multiplication.
 *
 * <p>Two kernels, with the same loop: one on machine integers ({@code long}) and one on
 * {@code BigInteger}. The long kernel is used when the law's denominator {@code D} is at most
 * {@link #LONG_LIMIT}: every marginal weight lies in {@code [0, D]}, and the sum of two numbers in
 * {@code [0, 2^62 - 1]} is at most {@code 2^63 - 2 < Long.MAX_VALUE}, so the addition cannot
 * overflow; the kernel checks after every addition that the partial sum is still at most the
 * bound, which keeps that argument local to one addition (it never fires for the marginals of a
 * law, whose entries sum to {@code D}).
 */
final class MarginalKernel {

    /** Largest bound (the law's denominator) for the long kernel: {@code 2^62 - 1}. */
    static final long LONG_LIMIT = (1L << 62) - 1;

    private MarginalKernel() {
    }

    /**
     * {@code dst[b * low + lo] = sum_a src[b * v * low + a * low + lo]}, on machine integers.
     * Every entry of {@code src} must lie in {@code [0, bound]}; then so does every entry of
     * {@code dst} that is filled, or the kernel throws (a marginal of a law never exceeds its
     * denominator). No addition can overflow: both operands are at most {@code bound < 2^62}.
     */
    /*@ normal_behavior
      @   requires src != null && dst != null && src != dst;
      @   requires 2 <= v && 1 <= low && 0 <= bound && bound <= LONG_LIMIT;
      @   requires dst.length % low == 0 && src.length / v == dst.length && src.length % v == 0;
      @   requires (\forall int i; 0 <= i && i < src.length; 0 <= src[i] && src[i] <= bound);
      @   assignable dst[*];
      @   ensures (\forall int i; 0 <= i && i < dst.length; 0 <= dst[i] && dst[i] <= bound);
      @ also exceptional_behavior
      @   requires src != null && dst != null && src != dst;
      @   requires 2 <= v && 1 <= low && 0 <= bound && bound <= LONG_LIMIT;
      @   requires dst.length % low == 0 && src.length / v == dst.length && src.length % v == 0;
      @   requires (\forall int i; 0 <= i && i < src.length; 0 <= src[i] && src[i] <= bound);
      @   assignable dst[*];
      @   signals_only IllegalStateException;
      @*/
    static void sumOut(long[] src, long[] dst, int v, int low, long bound) {
        int d = 0;
        int s = 0;
        //@ maintaining 0 <= d && d <= dst.length && d % low == 0 && s == d * v;
        //@ maintaining (\forall int i; 0 <= i && i < d; 0 <= dst[i] && dst[i] <= bound);
        //@ decreasing dst.length - d;
        while (d < dst.length) {
            //@ maintaining 0 <= lo && lo <= low;
            //@ maintaining (\forall int i; 0 <= i && i < d + lo; 0 <= dst[i] && dst[i] <= bound);
            //@ decreasing low - lo;
            for (int lo = 0; lo < low; lo++) {
                dst[d + lo] = src[s + lo];
            }
            s += low;
            //@ maintaining 1 <= a && a <= v && s == d * v + a * low;
            //@ maintaining (\forall int i; 0 <= i && i < d + low; 0 <= dst[i] && dst[i] <= bound);
            //@ decreasing v - a;
            for (int a = 1; a < v; a++) {
                //@ maintaining 0 <= lo && lo <= low;
                //@ maintaining (\forall int i; 0 <= i && i < d + low; 0 <= dst[i] && dst[i] <= bound);
                //@ decreasing low - lo;
                for (int lo = 0; lo < low; lo++) {
                    long t = dst[d + lo] + src[s + lo];
                    if (t > bound) {
                        throw aboveBound(t, bound);
                    }
                    dst[d + lo] = t;
                }
                s += low;
            }
            d += low;
        }
    }

    /** As {@link #sumOut(long[], long[], int, int, long)} on exact integers (any size, never overflows). */
    /*@ normal_behavior
      @   requires src != null && dst != null && src != dst && 2 <= v && 1 <= low;
      @   requires dst.length % low == 0 && src.length / v == dst.length && src.length % v == 0;
      @   requires (\forall int i; 0 <= i && i < src.length; src[i] != null);
      @   assignable dst[*];
      @   ensures (\forall int i; 0 <= i && i < dst.length; dst[i] != null);
      @*/
    static void sumOut(BigInteger[] src, BigInteger[] dst, int v, int low) {
        int d = 0;
        int s = 0;
        while (d < dst.length) {
            for (int lo = 0; lo < low; lo++) {
                dst[d + lo] = src[s + lo];
            }
            s += low;
            for (int a = 1; a < v; a++) {
                for (int lo = 0; lo < low; lo++) {
                    BigInteger w = src[s + lo];
                    if (w.signum() != 0) {
                        dst[d + lo] = dst[d + lo].add(w);
                    }
                }
                s += low;
            }
            d += low;
        }
    }

    // Built in a helper so that the string concatenation stays out of the kernel's verification conditions.
    //@ private normal_behavior
    //@   ensures \result != null;
    //@ pure helper
    private static IllegalStateException aboveBound(long t, long bound) {
        return new IllegalStateException("a marginal weight " + t + " exceeds the law's denominator " + bound);
    }
}
