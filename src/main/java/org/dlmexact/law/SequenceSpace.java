package org.dlmexact.law;

import java.math.BigInteger;
import org.dlmexact.exact.InvalidInputException;

/**
 * The sequence space {@code [V]^L}. Positions are numbered {@code 0..L-1} in every file and
 * message. An outcome {@code x} has index {@code sum_i x_i V^(L-1-i)}: lexicographic order,
 * position 0 most significant. A subset of positions is a bit mask, bit {@code i} for position
 * {@code i}; a marginal on a subset is indexed the same way over the subset's positions in
 * increasing order.
 */
public final class SequenceSpace {

    /** Largest number of outcomes {@code V^L} accepted for a law. */
    public static final int MAX_OUTCOMES = 1 << 20;
    /** Largest alphabet size accepted. */
    public static final int MAX_ALPHABET = 16;

    //@ public invariant 2 <= v && v <= MAX_ALPHABET && 1 <= l && l <= 20 && 1 <= size && size <= MAX_OUTCOMES;
    //@ public invariant powers.length == l + 1 && powers[0] == 1 && powers[l] == size;
    //@ public invariant (\forall int k; 0 < k && k <= l; powers[k] == powers[k - 1] * v);
    //@ public invariant (\forall int k; 0 <= k && k <= l; 1 <= powers[k] && powers[k] <= size);
    private final /*@ spec_public @*/ int v;
    private final /*@ spec_public @*/ int l;
    private final /*@ spec_public @*/ int size;
    private final /*@ spec_public @*/ int[] powers;

    /*@ private normal_behavior
      @   requires 2 <= v && v <= MAX_ALPHABET && 1 <= l && l <= 20;
      @   requires powers != null && powers.length == l + 1 && powers[0] == 1 && powers[l] <= MAX_OUTCOMES;
      @   requires (\forall int k; 0 < k && k <= l; powers[k] == powers[k - 1] * v);
      @   requires (\forall int k; 0 <= k && k <= l; 1 <= powers[k] && powers[k] <= powers[l]);
      @ pure @*/
    private SequenceSpace(int v, int l, int[] powers) {
        this.v = v;
        this.l = l;
        this.size = powers[l];
        this.powers = powers;
    }

    /**
     * The table {@code V^0, ..., V^L}, or {@code null} as soon as some {@code V^i} exceeds
     * {@link #MAX_OUTCOMES} (then {@code V^L} does too, as {@code V >= 2}). Integer-only, so that
     * OpenJML's ESC proves the table properties the class invariant needs.
     */
    /*@ public normal_behavior
      @   requires 2 <= v && v <= MAX_ALPHABET && l >= 0;
      @   ensures \result != null ==> l <= 20 && \result.length == l + 1 && \result[0] == 1 && \result[l] <= MAX_OUTCOMES;
      @   ensures \result != null ==> (\forall int k; 0 < k && k <= l; \result[k] == \result[k - 1] * v);
      @   ensures \result != null ==> (\forall int k; 0 <= k && k <= l; 1 <= \result[k] && \result[k] <= \result[l]);
      @   ensures \result == null ==> l >= 1;
      @ pure @*/
    static /*@ nullable @*/ int[] powerTable(int v, int l) {
        if (v < 2 || v > MAX_ALPHABET || l < 0) {
            throw badPowerTableArguments(v, l);
        }
        if (l > 20) {
            return null; // V^L >= 2^L > 2^20 = MAX_OUTCOMES
        }
        int[] p = new int[l + 1];
        p[0] = 1;
        //@ maintaining 1 <= i && i <= l + 1 && p.length == l + 1 && p[0] == 1;
        //@ maintaining 1 <= p[i - 1] && p[i - 1] <= MAX_OUTCOMES;
        //@ maintaining (\forall int k; 0 < k && k < i; p[k] == p[k - 1] * v);
        //@ maintaining (\forall int k; 0 <= k && k < i; 1 <= p[k] && p[k] <= p[i - 1]);
        //@ decreasing l + 1 - i;
        for (int i = 1; i <= l; i++) {
            if (p[i - 1] > MAX_OUTCOMES / v) {
                return null;
            }
            //@ assert boundedProduct(p[i - 1], v, MAX_OUTCOMES);
            p[i] = p[i - 1] * v;
        }
        return p;
    }

    // The exceptions are built in helpers so that the string concatenation stays out of the
    // verification conditions of the integer kernels (it makes z3 time out).
    //@ private normal_behavior
    //@   ensures \result != null;
    //@ pure helper
    private static IllegalArgumentException badPowerTableArguments(int v, int l) {
        return new IllegalArgumentException("powerTable needs 2 <= v <= 16 and l >= 0, got v = " + v + ", l = " + l);
    }

    //@ private normal_behavior
    //@   ensures \result != null;
    //@ pure helper
    private static IllegalArgumentException tokenOutside(int token, int pos, int v) {
        return new IllegalArgumentException("token " + token + " at position " + pos + " is outside [0, " + v + ")");
    }

    //@ private normal_behavior
    //@   ensures \result != null;
    //@ pure helper
    private static IndexOutOfBoundsException indexOutside(int idx, int size) {
        return new IndexOutOfBoundsException("outcome index " + idx + " outside [0, " + size + ")");
    }

    /*@ private normal_behavior
      @   requires 1 <= w && 0 <= m && 1 <= a && a <= m / w;
      @   ensures \result && a * w <= m && a <= a * w;
      @ private static model pure helper boolean boundedProduct(int a, int w, int m) { return true; }
      @*/

    /*@ private normal_behavior
      @   requires 0 <= a && a < p && 0 <= x && x < w;
      @   ensures \result && a * w + x < p * w;
      @ private static model pure helper boolean hornerStep(int a, int p, int x, int w) { return true; }
      @*/

    /**
     * The space {@code [V]^L}, refused with the estimated size when {@code V^L} exceeds
     * {@link #MAX_OUTCOMES}.
     */
    /*@ public normal_behavior
      @   requires 2 <= v && v <= MAX_ALPHABET && l >= 1 && estimateOutcomes(v, l).compareTo(BigInteger.valueOf(MAX_OUTCOMES)) <= 0;
      @   ensures \result.alphabetSize() == v && \result.length() == l;
      @ also public exceptional_behavior
      @   requires !(2 <= v && v <= MAX_ALPHABET && l >= 1 && estimateOutcomes(v, l).compareTo(BigInteger.valueOf(MAX_OUTCOMES)) <= 0);
      @   signals_only InvalidInputException;
      @ pure @*/
    public static SequenceSpace of(int v, int l) {
        if (v < 2 || v > MAX_ALPHABET) {
            throw new InvalidInputException("law.alphabet-size",
                    "alphabetSize must be between 2 and " + MAX_ALPHABET + ", got " + v);
        }
        if (l < 1) {
            throw new InvalidInputException("law.length", "length must be at least 1, got " + l);
        }
        if (l > 64) {
            // V >= 2, so V^L > 2^64 > MAX_OUTCOMES; computing V^L exactly could take minutes
            throw new InvalidInputException("law.too-large", "too large to compute: alphabetSize " + v
                    + " and length " + l + " give V^L = " + v + "^" + l + " > 2^64 outcomes; the limit is "
                    + MAX_OUTCOMES);
        }
        int /*@ nullable @*/ [] table = powerTable(v, l);
        if (table == null) {
            throw new InvalidInputException("law.too-large", "too large to compute: alphabetSize " + v
                    + " and length " + l + " give V^L = " + estimateOutcomes(v, l) + " outcomes; the limit is "
                    + MAX_OUTCOMES);
        }
        return new SequenceSpace(v, l, table);
    }

    /** {@code V^L} as an exact integer. */
    //@ requires v >= 0 && l >= 0;
    //@ pure
    public static BigInteger estimateOutcomes(int v, int l) {
        return BigInteger.valueOf(v).pow(Math.max(l, 0));
    }

    //@ ensures \result == v;
    //@ pure helper
    public int alphabetSize() {
        return v;
    }

    //@ ensures \result == l;
    //@ pure helper
    public int length() {
        return l;
    }

    /** {@code V^L}. */
    //@ ensures \result == size;
    //@ pure helper
    public int size() {
        return size;
    }

    /** {@code V^k} for {@code 0 <= k <= L}. */
    //@ requires 0 <= k && k <= length();
    //@ pure
    public int power(int k) {
        return powers[k];
    }

    /** The mask of all positions. */
    //@ ensures \result == (1 << length()) - 1;
    //@ pure
    public int fullMask() {
        return (1 << l) - 1;
    }

    /** The index of outcome {@code x}. */
    /*@ public normal_behavior
      @   requires x != null && x.length == length();
      @   requires (\forall int i; 0 <= i && i < x.length; 0 <= x[i] && x[i] < alphabetSize());
      @   ensures 0 <= \result && \result < size();
      @ pure @*/
    public int index(int[] x) {
        if (x.length != l) {
            throw new IllegalArgumentException("outcome has length " + x.length + ", expected " + l);
        }
        int idx = 0;
        //@ maintaining 0 <= i && i <= l;
        //@ maintaining 0 <= idx && idx < powers[i];
        //@ decreasing l - i;
        for (int i = 0; i < l; i++) {
            if (x[i] < 0 || x[i] >= v) {
                throw tokenOutside(x[i], i, v);
            }
            //@ assert hornerStep(idx, powers[i], x[i], v) && powers[i + 1] == powers[i] * v;
            idx = idx * v + x[i];
        }
        return idx;
    }

    /** The outcome with index {@code idx}. */
    /*@ public normal_behavior
      @   requires 0 <= idx && idx < size();
      @   ensures \result.length == length();
      @   ensures (\forall int i; 0 <= i && i < \result.length; 0 <= \result[i] && \result[i] < alphabetSize());
      @   ensures index(\result) == idx;
      @ pure @*/
    public int[] outcome(int idx) {
        if (idx < 0 || idx >= size) {
            throw indexOutside(idx, size);
        }
        int[] x = new int[l];
        int r = idx;
        //@ maintaining -1 <= i && i < l && 0 <= r && x.length == l;
        //@ maintaining (\forall int j; i < j && j < l; 0 <= x[j] && x[j] < v);
        //@ decreasing i + 1;
        for (int i = l - 1; i >= 0; i--) {
            x[i] = r % v;
            r /= v;
        }
        return x;
    }

    /** The token at position {@code pos} of the outcome with index {@code idx}. */
    //@ requires 0 <= idx && idx < size() && 0 <= pos && pos < length();
    //@ ensures 0 <= \result && \result < alphabetSize();
    //@ pure
    public int token(int idx, int pos) {
        return (idx / powers[l - 1 - pos]) % v;
    }

    /** The index within the marginal on {@code mask} of the restriction of outcome {@code idx}. */
    //@ requires 0 <= idx && idx < size() && 0 <= mask && mask <= fullMask();
    //@ ensures 0 <= \result && \result < power(Integer.bitCount(mask));
    //@ pure
    public int project(int idx, int mask) {
        int r = 0;
        for (int i = 0; i < l; i++) {
            if ((mask & (1 << i)) != 0) {
                r = r * v + token(idx, i);
            }
        }
        return r;
    }

    /** The outcome as text {@code [x0, x1, ...]}. */
    //@ requires 0 <= idx && idx < size();
    //@ pure
    public String format(int idx) {
        return java.util.Arrays.toString(outcome(idx));
    }

    /*@ also public normal_behavior
      @   ensures \result ==> o != null && o.getClass() == getClass();
      @ pure @*/
    @Override
    public boolean equals(Object o) {
        return o instanceof SequenceSpace && ((SequenceSpace) o).v == v && ((SequenceSpace) o).l == l;
    }

    /*@ also public normal_behavior
      @   ensures true;
      @ pure @*/
    @Override
    public int hashCode() {
        return 31 * v + l;
    }

    /*@ also public normal_behavior
      @   ensures \result != null;
      @ pure @*/
    @Override
    public String toString() {
        return "[" + v + "]^" + l;
    }
}
