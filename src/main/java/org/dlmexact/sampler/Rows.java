package org.dlmexact.sampler;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;

/**
 * Exact functions of one predicted row {@code p = (p_0, ..., p_{V-1})} (non-negative rationals
 * summing to 1): its entropy, maximum, margin, argmax, and the transforms samplers apply before
 * drawing (temperature {@code 1/n}, argmax, top-k and top-p filtering), each renormalised exactly.
 * Rows are never modified; results are new arrays.
 */
public final class Rows {

    private Rows() {
    }

    /** The entropy {@code -sum_a p_a ln p_a}, exact. */
    /*@ public normal_behavior
      @   requires row != null;
      @   ensures \result.signum() >= 0;
      @ pure @*/
    public static ExactReal entropy(Rational[] row) {
        ExactReal h = ExactReal.ZERO;
        for (Rational p : row) {
            h = h.subtract(ExactReal.xLnX(p));
        }
        return h;
    }

    /** The largest entry. */
    /*@ public normal_behavior
      @   requires row != null && row.length >= 1;
      @ pure @*/
    public static Rational max(Rational[] row) {
        Rational best = row[0];
        for (Rational p : row) {
            best = best.max(p);
        }
        return best;
    }

    /** The largest entry minus the second largest (0 when the two largest are equal). */
    /*@ public normal_behavior
      @   requires row != null && row.length >= 2;
      @   ensures \result.signum() >= 0;
      @ pure @*/
    public static Rational margin(Rational[] row) {
        Rational[] s = row.clone();
        Arrays.sort(s);
        return s[s.length - 1].subtract(s[s.length - 2]);
    }

    /** The smallest token with the largest probability ({@code torch.argmax} takes the first maximum). */
    /*@ public normal_behavior
      @   requires row != null && row.length >= 1;
      @   ensures 0 <= \result && \result < row.length;
      @ pure @*/
    public static int argmax(Rational[] row) {
        int best = 0;
        for (int a = 1; a < row.length; a++) {
            if (row[a].compareTo(row[best]) > 0) {
                best = a;
            }
        }
        return best;
    }

    /** The number of tokens that attain the maximum (a tie when more than one). */
    /*@ public normal_behavior
      @   requires row != null && row.length >= 1;
      @   ensures \result >= 1;
      @ pure @*/
    public static int maxCount(Rational[] row) {
        Rational m = max(row);
        int n = 0;
        for (Rational p : row) {
            n += p.equals(m) ? 1 : 0;
        }
        return n;
    }

    /** The point mass at {@code token}: {@code V} entries. */
    /*@ public normal_behavior
      @   requires 0 <= token && token < v;
      @   ensures \result.length == v && \result[token].equals(Rational.ONE);
      @ pure @*/
    public static Rational[] pointMass(int v, int token) {
        Rational[] r = new Rational[v];
        Arrays.fill(r, Rational.ZERO);
        r[token] = Rational.ONE;
        return r;
    }

    /**
     * Temperature {@code 1/n}: {@code p_a^n / sum_b p_b^n} (the softmax of the logits divided by
     * {@code 1/n}); {@code n = 1} returns the row itself.
     */
    /*@ public normal_behavior
      @   requires row != null && n >= 1;
      @   ensures \result.length == row.length;
      @ pure @*/
    public static Rational[] power(Rational[] row, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("the power must be at least 1, got " + n);
        }
        if (n == 1) {
            return row;
        }
        Rational[] r = new Rational[row.length];
        Rational sum = Rational.ZERO;
        for (int a = 0; a < row.length; a++) {
            r[a] = row[a].pow(n);
            sum = sum.add(r[a]);
        }
        for (int a = 0; a < row.length; a++) {
            r[a] = r[a].divide(sum);
        }
        return r;
    }

    /**
     * Top-k filtering: the entries below the {@code k}-th largest are set to 0 and the rest
     * renormalised. Entries equal to the {@code k}-th largest are all kept (as a filter
     * {@code p < kth} does); {@code k >= V} returns the row itself.
     */
    /*@ public normal_behavior
      @   requires row != null && k >= 1;
      @   ensures \result.length == row.length;
      @ pure @*/
    public static Rational[] topK(Rational[] row, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("top_k must be at least 1, got " + k);
        }
        if (k >= row.length) {
            return row;
        }
        Rational[] s = row.clone();
        Arrays.sort(s);
        Rational kth = s[s.length - k];
        Rational[] r = new Rational[row.length];
        for (int a = 0; a < row.length; a++) {
            r[a] = row[a].compareTo(kth) < 0 ? Rational.ZERO : row[a];
        }
        return normalise(r);
    }

    /**
     * Top-p (nucleus) filtering as Hugging Face's and Dream's {@code top_p_logits}: sort the tokens
     * by probability descending (equal probabilities by lower token first, a stable sort), remove
     * every token whose cumulative probability BEFORE it already exceeds {@code topP} (the first
     * token is always kept), renormalise. {@code topP >= 1} returns the row itself.
     */
    /*@ public normal_behavior
      @   requires row != null && topP != null && topP.signum() > 0;
      @   ensures \result.length == row.length;
      @ pure @*/
    public static Rational[] topP(Rational[] row, Rational topP) {
        Objects.requireNonNull(topP, "topP");
        if (topP.signum() <= 0) {
            throw new IllegalArgumentException("top_p must be positive, got " + topP);
        }
        if (topP.compareTo(Rational.ONE) >= 0) {
            return row;
        }
        Integer[] order = new Integer[row.length];
        for (int a = 0; a < order.length; a++) {
            order[a] = a;
        }
        Arrays.sort(order, (a, b) -> row[b].compareTo(row[a]));
        Rational[] r = row.clone();
        Rational before = Rational.ZERO;
        for (int n = 0; n < order.length; n++) {
            if (n > 0 && before.compareTo(topP) > 0) {
                r[order[n]] = Rational.ZERO;
            }
            before = before.add(row[order[n]]);
        }
        return normalise(r);
    }

    /**
     * ReMDM's nucleus: sort the tokens by probability descending (equal probabilities by lower
     * token first), keep a token iff the cumulative probability up to AND including it is at most
     * {@code p}, and always the first; renormalise. A smaller set than {@link #topP}'s.
     */
    /*@ public normal_behavior
      @   requires row != null && p != null && p.signum() > 0;
      @   ensures \result.length == row.length;
      @ pure @*/
    public static Rational[] nucleus(Rational[] row, Rational p) {
        Objects.requireNonNull(p, "p");
        if (p.signum() <= 0) {
            throw new IllegalArgumentException("the nucleus mass must be positive, got " + p);
        }
        if (p.compareTo(Rational.ONE) >= 0) {
            return row;
        }
        Integer[] order = new Integer[row.length];
        for (int a = 0; a < order.length; a++) {
            order[a] = a;
        }
        Arrays.sort(order, (a, b) -> row[b].compareTo(row[a]));
        Rational[] r = row.clone();
        Rational upTo = Rational.ZERO;
        for (int n = 0; n < order.length; n++) {
            upTo = upTo.add(row[order[n]]);
            if (n > 0 && upTo.compareTo(p) > 0) {
                r[order[n]] = Rational.ZERO;
            }
        }
        return normalise(r);
    }

    /** The row divided by its sum (which must be positive). */
    /*@ public normal_behavior
      @   requires row != null;
      @   ensures \result.length == row.length;
      @ pure @*/
    public static Rational[] normalise(Rational[] row) {
        Rational sum = Rational.ZERO;
        for (Rational p : row) {
            sum = sum.add(p);
        }
        if (sum.signum() <= 0) {
            throw new IllegalArgumentException("a row with zero sum cannot be normalised");
        }
        if (sum.equals(Rational.ONE)) {
            return row;
        }
        Rational[] r = new Rational[row.length];
        for (int a = 0; a < row.length; a++) {
            r[a] = row[a].divide(sum);
        }
        return r;
    }

    /**
     * The row as integers over its least common denominator {@code D}: entries {@code 0..n-1} are
     * the cumulative numerators {@code D (p_0 + ... + p_a)} and entry {@code n} is {@code D}.
     */
    /*@ public normal_behavior
      @   requires row != null && row.length >= 1;
      @   ensures \result.length == row.length + 1;
      @ pure @*/
    public static BigInteger[] cumulative(Rational[] row) {
        BigInteger d = BigInteger.ONE;
        for (Rational q : row) {
            d = d.divide(d.gcd(q.denominator())).multiply(q.denominator());
        }
        BigInteger[] c = new BigInteger[row.length + 1];
        BigInteger run = BigInteger.ZERO;
        for (int a = 0; a < row.length; a++) {
            run = run.add(q(row[a], d));
            c[a] = run;
        }
        c[row.length] = d;
        return c;
    }

    private static BigInteger q(Rational p, BigInteger d) {
        return p.numerator().multiply(d.divide(p.denominator()));
    }
}
