package org.dlmexact.law;

import java.util.Arrays;
import org.dlmexact.exact.Echo;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.NumberSize;
import org.dlmexact.exact.Rational;

/**
 * A law of a structured family given by its parameters, never by its table of {@code V^L}
 * probabilities: what the closed forms of the information curve need (SPEC.md §3.4). Building a
 * structure costs time and memory polynomial in its parameters, whatever {@code V^L} is; only
 * {@link #enumerate()} builds the table, and it refuses laws larger than {@link SequenceSpace}
 * allows with the usual size message. Parameters are validated when a structure is made (every
 * distribution non-negative and summing to exactly 1).
 */
public sealed interface Structure permits Structure.Product, Structure.Repetition, Structure.Parity, Structure.Pairs,
        Structure.Markov, Structure.Exchangeable, Structure.ReedSolomon {

    /** The alphabet size {@code V}. */
    //@ ensures \result >= 2;
    //@ pure
    int alphabetSize();

    /** The length {@code L}. */
    //@ ensures \result >= 1;
    //@ pure
    int length();

    /** The enumerated law, refused up front (law.too-large, law.alphabet-size) when {@code V^L} is too large. */
    /*@ public behavior
      @   ensures \result.alphabetSize() == alphabetSize() && \result.length() == length();
      @   signals_only InvalidInputException;
      @ pure @*/
    Law enumerate();

    /** What the law is, in a few words (for headers). */
    //@ ensures \result != null;
    //@ pure
    String describe();

    /**
     * Independent tokens: position {@code i} has marginal {@code marginals[i]}, or every position
     * has marginal {@code marginals[0]} when only one is given (i.i.d. tokens, stored once).
     */
    record Product(int length, Rational[][] marginals) implements Structure {
        //@ public invariant length >= 1 && (marginals.length == 1 || marginals.length == length);
        public Product {
            checkLength(length);
            if (marginals.length != 1 && marginals.length != length) {
                throw new IllegalArgumentException("a product law needs one marginal or one per position, got "
                        + marginals.length + " for length " + length);
            }
            int v = marginals[0].length;
            for (int i = 0; i < marginals.length; i++) {
                if (marginals[i].length != v) {
                    throw new InvalidInputException("family.args", "marginal of position " + i + " has "
                            + marginals[i].length + " entries, position 0 has " + v);
                }
                checkDistribution(marginals[i], "marginal of position " + i);
                commonDenominatorBits(marginals[i], "the marginal of position " + i);
            }
            checkAlphabet(v);
        }

        /** The marginal of position {@code i}. */
        //@ requires 0 <= i && i < length;
        //@ pure
        public Rational[] marginal(int i) {
            return marginals[marginals.length == 1 ? 0 : i];
        }

        /** Whether every position has the same marginal (given once). */
        //@ ensures \result == (marginals.length == 1);
        //@ pure
        public boolean identical() {
            return marginals.length == 1;
        }

        //@ also ensures \result == marginals[0].length;
        //@ pure
        @Override
        public int alphabetSize() {
            return marginals[0].length;
        }

        /*@ also public behavior
          @   signals_only InvalidInputException;
          @ pure @*/
        @Override
        public Law enumerate() {
            SequenceSpace.of(alphabetSize(), length); // refuses a long law before expanding the marginals
            Rational[][] all = new Rational[length][];
            for (int i = 0; i < length; i++) {
                all[i] = marginal(i);
            }
            return Families.product(all);
        }

        //@ also ensures \result != null;
        //@ pure
        @Override
        public String describe() {
            return identical() ? "i.i.d. tokens" : "independent tokens";
        }
    }

    /** All tokens equal, the common value uniform on {@code [V]}. */
    record Repetition(int alphabetSize, int length) implements Structure {
        //@ public invariant alphabetSize >= 2 && length >= 1;
        public Repetition {
            checkAlphabet(alphabetSize);
            checkLength(length);
        }

        /*@ also public behavior
          @   signals_only InvalidInputException;
          @ pure @*/
        @Override
        public Law enumerate() {
            return Families.repetition(alphabetSize, length);
        }

        //@ also ensures \result != null;
        //@ pure
        @Override
        public String describe() {
            return "repetition code";
        }
    }

    /** Uniform on even-parity bit strings. */
    record Parity(int length) implements Structure {
        //@ public invariant length >= 1;
        public Parity {
            checkLength(length);
        }

        //@ also ensures \result == 2;
        //@ pure
        @Override
        public int alphabetSize() {
            return 2;
        }

        /*@ also public behavior
          @   signals_only InvalidInputException;
          @ pure @*/
        @Override
        public Law enumerate() {
            return Families.parity(length);
        }

        //@ also ensures \result != null;
        //@ pure
        @Override
        public String describe() {
            return "even-parity code";
        }
    }

    /** Pairs of positions {@code (0,1), (2,3), ...} equal, each pair a uniform bit, pairs independent. */
    record Pairs(int length) implements Structure {
        //@ public invariant length >= 2 && length % 2 == 0;
        public Pairs {
            if (length < 2 || length % 2 != 0) {
                throw new InvalidInputException("family.args", "pairs:L needs an even L >= 2, got " + length);
            }
        }

        //@ also ensures \result == 2;
        //@ pure
        @Override
        public int alphabetSize() {
            return 2;
        }

        /*@ also public behavior
          @   signals_only InvalidInputException;
          @ pure @*/
        @Override
        public Law enumerate() {
            return Families.pairs(length);
        }

        //@ also ensures \result != null;
        //@ pure
        @Override
        public String describe() {
            return "disjoint equal bit pairs";
        }
    }

    /**
     * A Markov chain: {@code X_0 ~ start}, {@code X_{i+1} ~ rows[X_i]}. {@code stationary} is true
     * exactly when {@code start P = start} (then every position has law {@code start}).
     */
    record Markov(int length, Rational[] start, Rational[][] rows, boolean stationary) implements Structure {
        //@ public invariant length >= 1 && start.length == rows.length && start.length >= 2;
        public Markov {
            checkLength(length);
            int v = start.length;
            if (rows.length != v) {
                throw new InvalidInputException("family.args", "the chain has " + rows.length + " transition rows but the"
                        + " start law has " + v + " entries");
            }
            checkAlphabet(v);
            checkDistribution(start, "start law");
            for (int a = 0; a < v; a++) {
                if (rows[a].length != v) {
                    throw new InvalidInputException("family.args", "transition row " + a + " has " + rows[a].length
                            + " entries, expected " + v);
                }
                checkDistribution(rows[a], "transition row " + a);
            }
            commonDenominatorBits(start, "the start law");
            commonDenominatorBits(rows, "the transition rows", "transition row ");
            if (stationary != Arrays.equals(step(start, rows), start)) {
                throw new IllegalArgumentException("stationary must say whether start P = start");
            }
        }

        /** A chain with the given start law; {@code stationary} is computed. */
        /*@ public behavior
          @   requires l >= 1 && start != null && rows != null;
          @   signals_only InvalidInputException;
          @ pure @*/
        public static Markov of(int l, Rational[] start, Rational[][] rows) {
            if (rows.length != start.length) {
                throw new InvalidInputException("family.args", "the chain has " + rows.length + " transition rows but the"
                        + " start law has " + start.length + " entries");
            }
            for (int a = 0; a < rows.length; a++) {
                if (rows[a].length != start.length) {
                    throw new InvalidInputException("family.args", "transition row " + a + " has " + rows[a].length
                            + " entries, expected " + start.length);
                }
            }
            return new Markov(l, start, rows, Arrays.equals(step(start, rows), start));
        }

        /** The law {@code p P} of the next position when the current one has law {@code p}. */
        /*@ public normal_behavior
          @   requires p != null && rows != null && p.length == rows.length;
          @   ensures \result.length == p.length;
          @ pure @*/
        public static Rational[] step(Rational[] p, Rational[][] rows) {
            Rational[] q = new Rational[p.length];
            for (int b = 0; b < p.length; b++) {
                Rational s = Rational.ZERO;
                for (int a = 0; a < p.length; a++) {
                    s = s.add(p[a].multiply(rows[a][b]));
                }
                q[b] = s;
            }
            return q;
        }

        //@ also ensures \result == start.length;
        //@ pure
        @Override
        public int alphabetSize() {
            return start.length;
        }

        /*@ also public behavior
          @   signals_only InvalidInputException;
          @ pure @*/
        @Override
        public Law enumerate() {
            return Families.markov(length, start, rows);
        }

        //@ also ensures \result != null;
        //@ pure
        @Override
        public String describe() {
            return stationary ? "stationary Markov chain" : "Markov chain with a non-stationary start law";
        }
    }

    /**
     * An exchangeable law: with probability {@code weights[c]} every token is drawn independently
     * from {@code marginals[c]}.
     */
    record Exchangeable(int length, Rational[] weights, Rational[][] marginals) implements Structure {
        //@ public invariant length >= 1 && weights.length == marginals.length && weights.length >= 1;
        public Exchangeable {
            checkLength(length);
            if (weights.length < 1 || weights.length != marginals.length) {
                throw new InvalidInputException("family.args", "an exchangeable law needs at least one component, one"
                        + " weight per component");
            }
            checkDistribution(weights, "mixture weights");
            int v = marginals[0].length;
            for (int c = 0; c < marginals.length; c++) {
                if (marginals[c].length != v) {
                    throw new InvalidInputException("family.args", "component " + c + " has " + marginals[c].length
                            + " entries, component 0 has " + v);
                }
                checkDistribution(marginals[c], "marginal of component " + c);
            }
            commonDenominatorBits(weights, "the mixture weights");
            commonDenominatorBits(marginals, "the components' marginals", "marginal of component ");
            checkAlphabet(v);
        }

        //@ also ensures \result == marginals[0].length;
        //@ pure
        @Override
        public int alphabetSize() {
            return marginals[0].length;
        }

        /*@ also public behavior
          @   signals_only InvalidInputException;
          @ pure @*/
        @Override
        public Law enumerate() {
            return Families.exchangeable(length, weights, marginals);
        }

        //@ also ensures \result != null;
        //@ pure
        @Override
        public String describe() {
            return "exchangeable (a mixture of " + weights.length + " i.i.d. law" + (weights.length == 1 ? "" : "s") + ")";
        }
    }

    /**
     * A Reed-Solomon code over {@code F_q}: the uniform law on the evaluations
     * {@code (f(a_0), ..., f(a_{n-1}))} of the polynomials {@code f} of degree below {@code k}, at the
     * field elements {@code a_i} encoded {@code 0, ..., n-1} ({@link FiniteField}); {@code q} a prime
     * power, {@code 1 <= k <= n <= q}.
     */
    record ReedSolomon(int q, int n, int k) implements Structure {
        //@ public invariant 2 <= q && 1 <= k && k <= n && n <= q;
        public ReedSolomon {
            if (q < 2 || FiniteField.primeOf(q) == 0) {
                throw new InvalidInputException("family.args", "rs:q,n,k needs a prime power q, got " + q);
            }
            if (k < 1 || k > n || n > q) {
                throw new InvalidInputException("family.args", "rs:q,n,k needs 1 <= k <= n <= q, got q = " + q + ", n = "
                        + n + ", k = " + k);
            }
        }

        //@ also ensures \result == q;
        //@ pure
        @Override
        public int alphabetSize() {
            return q;
        }

        //@ also ensures \result == n;
        //@ pure
        @Override
        public int length() {
            return n;
        }

        /*@ also public behavior
          @   signals_only InvalidInputException;
          @ pure @*/
        @Override
        public Law enumerate() {
            return Families.reedSolomon(q, n, k);
        }

        //@ also ensures \result != null;
        //@ pure
        @Override
        public String describe() {
            return "Reed-Solomon [" + n + ", " + k + "] code over F_" + q;
        }
    }

    private static void checkLength(int l) {
        if (l < 1) {
            throw new InvalidInputException("law.length", "length must be at least 1, got " + l);
        }
    }

    private static void checkAlphabet(int v) {
        if (v < 2 || v > SequenceSpace.MAX_ALPHABET) {
            throw new InvalidInputException("law.alphabet-size",
                    "alphabetSize must be between 2 and " + SequenceSpace.MAX_ALPHABET + ", got " + v);
        }
    }

    /** Refuses ({@code family.args}, naming {@code what}) a distribution with a negative entry or a sum other than 1. */
    /*@ public behavior
      @   requires p != null && what != null;
      @   signals_only InvalidInputException;
      @ pure @*/
    static void checkDistribution(Rational[] p, String what) {
        Rational s = Rational.ZERO;
        for (int i = 0; i < p.length; i++) {
            if (p[i].signum() < 0) {
                throw new InvalidInputException("family.args", what + ": entry " + i + " is negative: "
                        + Echo.of(p[i].toString()));
            }
            s = s.add(p[i]);
        }
        if (!s.equals(Rational.ONE)) {
            throw new InvalidInputException("family.args", what + " sums to " + Echo.of(s.toString()) + ", not exactly 1");
        }
    }

    /** Bits of the common denominator of {@code p}, refused ({@code number.too-large}) above {@link NumberSize#MAX_BITS}. */
    /*@ public behavior
      @   requires p != null && what != null;
      @   ensures 1 <= \result && \result <= NumberSize.MAX_BITS;
      @   signals_only InvalidInputException;
      @ pure @*/
    static int commonDenominatorBits(Rational[] p, String what) {
        NumberSize.CommonDenominator d = new NumberSize.CommonDenominator(what);
        for (int i = 0; i < p.length; i++) {
            d.add(p[i], what + ", entry " + i);
        }
        return d.bits();
    }

    /**
     * Bits of the common denominator of all of {@code rows} together (entries named
     * {@code row + a + ", entry " + i}), refused ({@code number.too-large}) above {@link NumberSize#MAX_BITS}.
     */
    /*@ public behavior
      @   requires rows != null && what != null && row != null;
      @   ensures 1 <= \result && \result <= NumberSize.MAX_BITS;
      @   signals_only InvalidInputException;
      @ pure @*/
    static int commonDenominatorBits(Rational[][] rows, String what, String row) {
        NumberSize.CommonDenominator d = new NumberSize.CommonDenominator(what);
        for (int a = 0; a < rows.length; a++) {
            for (int i = 0; i < rows[a].length; i++) {
                d.add(rows[a][i], row + a + ", entry " + i);
            }
        }
        return d.bits();
    }
}
