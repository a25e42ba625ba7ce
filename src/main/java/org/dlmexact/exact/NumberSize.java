package org.dlmexact.exact;

import java.math.BigInteger;
import java.util.Objects;

/**
 * The bound on the size of the exact numbers a computation starts from (SPEC §3.3). Exact
 * arithmetic costs grow with the bit length of numerators and denominators, and sums of rationals
 * with unrelated denominators multiply them, so every input is measured before it is used:
 *
 * <ul>
 *   <li>a single number read from input (a smoothing weight, a threshold, a target, a submitted
 *       value) has a numerator and a denominator of at most {@value #MAX_BITS} bits each;</li>
 *   <li>a collection of probabilities that are added up (a law's support, a marginal, a Markov row or
 *       start law, a predictor table) is measured by its <em>common denominator</em>, the least common
 *       multiple of its denominators, tracked entry by entry while parsing
 *       ({@link CommonDenominator}): at most {@value #MAX_BITS} bits;</li>
 *   <li>a product of such collections (the laws of {@code product} and {@code markov}) is estimated
 *       before it is formed, as the sum of the factors' bit lengths ({@link #checkEstimate}).</li>
 * </ul>
 * Refusals are {@code number.too-large}, with the estimate and the limit.
 */
public final class NumberSize {

    /** Largest bit length of a numerator, a denominator or a common denominator read from input. */
    public static final int MAX_BITS = 4096;

    private NumberSize() {
    }

    /** Whether {@code q}'s numerator and denominator each have at most {@value #MAX_BITS} bits. */
    /*@ public normal_behavior
      @   requires q != null;
      @   ensures \result == (q.numerator().bitLength() <= MAX_BITS && q.denominator().bitLength() <= MAX_BITS);
      @ pure @*/
    public static boolean fits(Rational q) {
        return q.numerator().bitLength() <= MAX_BITS && q.denominator().bitLength() <= MAX_BITS;
    }

    /**
     * Parses a number read from input ({@link Rational#parse(String, int)} with the limit
     * {@value #MAX_BITS}): a part of more than that many bits is refused before any arithmetic.
     * {@code what} names the input in the refusal ({@code "support[3].p"}).
     *
     * @throws NumberFormatException when the text is not a rational number (callers add their code)
     * @throws InvalidInputException {@code number.too-large}
     */
    /*@ public behavior
      @   requires text != null && what != null;
      @   ensures fits(\result);
      @   signals_only NumberFormatException, InvalidInputException;
      @ pure @*/
    public static Rational parse(String text, String what) {
        try {
            return Rational.parse(text, MAX_BITS);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.code(), what + ": " + e.getMessage());
        }
    }

    /**
     * Returns {@code q} when it {@link #fits}; otherwise refuses it, naming {@code what}.
     *
     * @throws InvalidInputException {@code number.too-large}
     */
    /*@ public normal_behavior
      @   requires q != null && what != null && fits(q);
      @   ensures \result == q;
      @ also public exceptional_behavior
      @   requires q != null && what != null && !fits(q);
      @   signals_only InvalidInputException;
      @ pure @*/
    public static Rational check(Rational q, String what) {
        int bits = Math.max(q.numerator().bitLength(), q.denominator().bitLength());
        if (bits > MAX_BITS) {
            throw new InvalidInputException("number.too-large", "too large to compute: " + what + " has a "
                    + (q.numerator().bitLength() > MAX_BITS ? "numerator" : "denominator") + " of " + bits
                    + " bits; the limit is " + MAX_BITS + " bits");
        }
        return q;
    }

    /**
     * Refuses an estimated bit length above {@value #MAX_BITS}; {@code what} says which number the
     * estimate is of (for example {@code "the law's common denominator"}).
     *
     * @throws InvalidInputException {@code number.too-large}
     */
    /*@ public normal_behavior
      @   requires what != null && estimatedBits <= MAX_BITS;
      @ also public exceptional_behavior
      @   requires what != null && estimatedBits > MAX_BITS;
      @   signals_only InvalidInputException;
      @ pure @*/
    public static void checkEstimate(long estimatedBits, String what) {
        if (estimatedBits > MAX_BITS) {
            throw new InvalidInputException("number.too-large", "too large to compute: " + what + " would have up to "
                    + estimatedBits + " bits; the limit is " + MAX_BITS + " bits");
        }
    }

    /**
     * The least common multiple of the denominators seen so far, refused as soon as it passes
     * {@value #MAX_BITS} bits. Each step costs a gcd of numbers of at most that size (and of the new
     * denominator, itself refused first when larger), so tracking it is cheap even for hostile input.
     */
    public static final class CommonDenominator {
        //@ public invariant value().signum() > 0 && value().bitLength() <= MAX_BITS;
        private final String what;
        private BigInteger lcm = BigInteger.ONE;

        /** A tracker; {@code what} names the collection in messages ({@code "field 'support'"}). */
        /*@ public normal_behavior
          @   requires what != null;
          @   ensures value().equals(BigInteger.ONE);
          @ pure @*/
        public CommonDenominator(String what) {
            this.what = Objects.requireNonNull(what, "what");
        }

        /**
         * Adds {@code q}'s denominator; {@code where} names the entry (for example {@code support[3].p}).
         *
         * @throws InvalidInputException {@code number.too-large} when the common denominator passes the limit
         */
        /*@ public behavior
          @   requires q != null && where != null;
          @   assignable this.*;
          @   signals_only InvalidInputException;
          @*/
        public void add(Rational q, String where) {
            BigInteger d = q.denominator();
            if (d.bitLength() > MAX_BITS) {
                throw new InvalidInputException("number.too-large", "too large to compute: " + where
                        + " has a denominator of " + d.bitLength() + " bits; the limit is " + MAX_BITS + " bits");
            }
            if (!lcm.mod(d).equals(BigInteger.ZERO)) {
                BigInteger next = lcm.divide(lcm.gcd(d)).multiply(d);
                if (next.bitLength() > MAX_BITS) {
                    throw new InvalidInputException("number.too-large", "too large to compute: the common denominator "
                            + "of " + what + " up to " + where + " has " + next.bitLength() + " bits; the limit is "
                            + MAX_BITS + " bits");
                }
                lcm = next;
            }
        }

        /** The common denominator so far. */
        //@ pure
        public BigInteger value() {
            return lcm;
        }

        /** Its bit length. */
        //@ ensures \result == value().bitLength();
        //@ pure
        public int bits() {
            return lcm.bitLength();
        }
    }
}
