package org.dlmexact.law;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.Rational;

/**
 * A joint law {@code mu} on {@code [V]^L} with rational probabilities (zeros allowed), stored
 * as non-negative integer weights over one common denominator: {@code mu(x) = w(x) / D} with
 * {@code sum w = D} and {@code gcd(D, all w) = 1}. Immutable.
 */
public final class Law {

    //@ public invariant space() != null;
    //@ public invariant (\forall int i; 0 <= i && i < space().size(); weight(i).signum() >= 0);
    //@ public invariant denominator().signum() > 0;
    //@ public invariant (\sum int i; 0 <= i && i < space().size(); weight(i)).equals(denominator());
    private final SequenceSpace space;
    private final BigInteger[] weights;
    private final BigInteger denominator;

    private Law(SequenceSpace space, BigInteger[] weights, BigInteger denominator) {
        this.space = space;
        this.weights = weights;
        this.denominator = denominator;
    }

    /**
     * The law with {@code mu(x) = weights[index(x)] / sum(weights)}; weights non-negative, not all
     * zero. The weights are reduced by their common gcd.
     */
    /*@ public normal_behavior
      @   requires space != null && weights != null && weights.length == space.size();
      @   requires (\forall int i; 0 <= i && i < weights.length; weights[i] != null && weights[i].signum() >= 0);
      @   requires (\exists int i; 0 <= i && i < weights.length; weights[i].signum() > 0);
      @   ensures \result.space().equals(space);
      @ also public exceptional_behavior
      @   requires space != null && weights != null && (weights.length != space.size()
      @        || (\exists int i; 0 <= i && i < weights.length; weights[i].signum() < 0)
      @        || (\forall int i; 0 <= i && i < weights.length; weights[i].signum() == 0));
      @   signals_only InvalidInputException;
      @ pure @*/
    public static Law fromWeights(SequenceSpace space, BigInteger[] weights) {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(weights, "weights");
        if (weights.length != space.size()) {
            throw new InvalidInputException("law.size", "expected " + space.size() + " weights, got " + weights.length);
        }
        BigInteger total = BigInteger.ZERO;
        BigInteger g = BigInteger.ZERO;
        for (int i = 0; i < weights.length; i++) {
            BigInteger w = Objects.requireNonNull(weights[i], "weight");
            if (w.signum() < 0) {
                throw new InvalidInputException("law.negative-probability",
                        "weight of outcome " + space.format(i) + " is negative: " + w);
            }
            total = total.add(w);
            g = g.gcd(w);
        }
        if (total.signum() == 0) {
            throw new InvalidInputException("law.empty", "every outcome has weight 0; a law needs total mass 1");
        }
        BigInteger[] w = new BigInteger[weights.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = weights[i].signum() == 0 ? BigInteger.ZERO : weights[i].divide(g);
        }
        return new Law(space, w, total.divide(g));
    }

    /** The law with the given probabilities, which must lie in [0, 1] and sum to exactly 1. */
    /*@ public normal_behavior
      @   requires space != null && probabilities != null && probabilities.length == space.size();
      @   requires (\forall int i; 0 <= i && i < probabilities.length;
      @                probabilities[i].signum() >= 0 && probabilities[i].compareTo(Rational.ONE) <= 0);
      @   ensures (\forall int i; 0 <= i && i < probabilities.length; \result.probability(i).equals(probabilities[i]));
      @ pure @*/
    public static Law fromProbabilities(SequenceSpace space, Rational[] probabilities) {
        Objects.requireNonNull(space, "space");
        if (probabilities.length != space.size()) {
            throw new InvalidInputException("law.size",
                    "expected " + space.size() + " probabilities, got " + probabilities.length);
        }
        BigInteger lcm = BigInteger.ONE;
        for (int i = 0; i < probabilities.length; i++) {
            Rational p = Objects.requireNonNull(probabilities[i], "probability");
            if (p.signum() < 0 || p.numerator().compareTo(p.denominator()) > 0) {
                throw new InvalidInputException(p.signum() < 0 ? "law.negative-probability" : "law.probability-above-one",
                        "probability of outcome " + space.format(i) + " is " + p + ", outside [0, 1]");
            }
            BigInteger d = p.denominator();
            if (!d.equals(lcm)) {
                lcm = lcm.divide(lcm.gcd(d)).multiply(d);
            }
        }
        // the sum over the common denominator, in integers
        BigInteger[] w = new BigInteger[probabilities.length];
        BigInteger total = BigInteger.ZERO;
        for (int i = 0; i < w.length; i++) {
            Rational p = probabilities[i];
            w[i] = p.isZero() ? BigInteger.ZERO : p.numerator().multiply(lcm.divide(p.denominator()));
            total = total.add(w[i]);
        }
        if (!total.equals(lcm)) {
            throw new InvalidInputException("law.sum-not-one", "probabilities sum to " + Rational.of(total, lcm)
                    + ", not exactly 1");
        }
        return fromWeights(space, w);
    }

    //@ pure helper
    public SequenceSpace space() {
        return space;
    }

    //@ pure
    public int alphabetSize() {
        return space.alphabetSize();
    }

    //@ pure
    public int length() {
        return space.length();
    }

    /** The common denominator {@code D}. */
    //@ pure helper
    public BigInteger denominator() {
        return denominator;
    }

    /** The integer weight {@code w(x) = D mu(x)} of the outcome with index {@code idx}. */
    //@ requires 0 <= idx && idx < space().size();
    //@ pure helper
    public BigInteger weight(int idx) {
        return weights[idx];
    }

    /** A copy of all weights, indexed as {@link SequenceSpace}. */
    //@ pure
    public BigInteger[] weights() {
        return weights.clone();
    }

    /** {@code mu(x)} for the outcome with index {@code idx}. */
    //@ requires 0 <= idx && idx < space().size();
    //@ ensures \result.signum() >= 0;
    //@ pure
    public Rational probability(int idx) {
        return Rational.of(weights[idx], denominator);
    }

    /** {@code mu(x)}. */
    //@ requires x != null && x.length == length();
    //@ pure
    public Rational probability(int[] x) {
        return probability(space.index(x));
    }

    /** Number of outcomes with positive probability. */
    //@ pure
    public int supportSize() {
        int n = 0;
        for (BigInteger w : weights) {
            if (w.signum() > 0) {
                n++;
            }
        }
        return n;
    }

    /*@ also public normal_behavior
      @   ensures \result ==> o != null && o.getClass() == getClass();
      @ pure @*/
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Law)) {
            return false;
        }
        Law x = (Law) o;
        return space.equals(x.space) && denominator.equals(x.denominator) && Arrays.equals(weights, x.weights);
    }

    /*@ also public normal_behavior
      @   ensures true;
      @ pure @*/
    @Override
    public int hashCode() {
        return 31 * space.hashCode() + Arrays.hashCode(weights);
    }

    /*@ also public normal_behavior
      @   ensures \result != null;
      @ pure @*/
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Law" + space + "{");
        boolean first = true;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i].signum() > 0) {
                sb.append(first ? "" : ", ").append(space.format(i)).append('=').append(probability(i));
                first = false;
            }
        }
        return sb.append('}').toString();
    }
}
