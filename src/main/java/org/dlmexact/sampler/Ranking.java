package org.dlmexact.sampler;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.InformationProfile;

/**
 * The one ranking mechanism of every sampler that reveals "the {@code k} best" positions, with the
 * tie-break as a parameter and every decision that rests on an exact tie reported as a
 * {@link Boundary}. Keys are exact ({@link Rational} or {@link org.dlmexact.exact.ExactReal}) and
 * compared exactly.
 */
public final class Ranking {

    private Ranking() {
    }

    /** How equal keys are ordered ({@code ties=} key of a sampler). */
    public enum Ties {
        /** The lower position first (the default; our rules' documented order). */
        LOWEST,
        /** The higher position first. */
        HIGHEST,
        /** Uniformly at random among the tied positions. */
        UNIFORM;

        /**
         * {@code lowest}, {@code highest} or {@code uniform}.
         *
         * @throws InvalidInputException {@code sampler.value} for anything else
         */
        /*@ public normal_behavior
          @   requires text != null && (text.equals("lowest") || text.equals("highest") || text.equals("uniform"));
          @   ensures \result != null;
          @ also public exceptional_behavior
          @   requires text != null && !(text.equals("lowest") || text.equals("highest") || text.equals("uniform"));
          @   signals_only InvalidInputException;
          @ pure @*/
        public static Ties parse(String text) {
            switch (text) {
                case "lowest":
                    return LOWEST;
                case "highest":
                    return HIGHEST;
                case "uniform":
                    return UNIFORM;
                default:
                    throw new InvalidInputException("sampler.value", "ties=" + text
                            + ": expected lowest, highest or uniform");
            }
        }

        /** {@code lowest}, {@code highest} or {@code uniform}. */
        /*@ also public normal_behavior
          @   ensures \result != null;
          @ pure @*/
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The tie-break in words: {@code by lower position first}, {@code by higher position first} or {@code in uniformly random order}. */
        //@ ensures \result != null;
        //@ pure
        public String words() {
            return this == LOWEST ? "by lower position first" : this == HIGHEST ? "by higher position first"
                    : "in uniformly random order";
        }
    }

    /** Whether a key equal to a threshold passes it ({@code boundary=} key of a sampler). */
    public enum Inclusion {
        /** {@code key >= threshold} (or {@code sum <= threshold}): equality passes. */
        INCLUSIVE,
        /** {@code key > threshold} (or {@code sum < threshold}): equality fails. */
        EXCLUSIVE;

        /**
         * {@code inclusive} or {@code exclusive}.
         *
         * @throws InvalidInputException {@code sampler.value} for anything else
         */
        /*@ public normal_behavior
          @   requires text != null && (text.equals("inclusive") || text.equals("exclusive"));
          @   ensures \result != null;
          @ also public exceptional_behavior
          @   requires text != null && !(text.equals("inclusive") || text.equals("exclusive"));
          @   signals_only InvalidInputException;
          @ pure @*/
        public static Inclusion parse(String text) {
            switch (text) {
                case "inclusive":
                    return INCLUSIVE;
                case "exclusive":
                    return EXCLUSIVE;
                default:
                    throw new InvalidInputException("sampler.value", "boundary=" + text
                            + ": expected inclusive or exclusive");
            }
        }

        /** Whether {@code comparison} ({@code key.compareTo(threshold)}) passes. */
        //@ ensures \result <==> (this == INCLUSIVE ? comparison >= 0 : comparison > 0);
        //@ pure
        public boolean passes(int comparison) {
            return this == INCLUSIVE ? comparison >= 0 : comparison > 0;
        }

        /** {@code inclusive} or {@code exclusive}. */
        /*@ also public normal_behavior
          @   ensures \result != null;
          @ pure @*/
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Keeps the {@code k} positions of {@code positions} (increasing) with the LARGEST keys;
     * equal keys ordered by {@code ties}. When positions with keys equal to the {@code k}-th
     * largest lie on both sides of the cut, reports a {@link Boundary.Kind#TIE} of those
     * positions ({@code what} names the key) and, for {@link Ties#UNIFORM}, keeps each way of
     * completing the set from the tied positions with equal probability.
     */
    /*@ public normal_behavior
      @   requires state != null && positions != null && keys != null && keys.length == positions.length;
      @   requires 0 <= k && k <= positions.length && ties != null && what != null && out != null;
      @*/
    public static <K extends Comparable<K>> void top(State state, int[] positions, K[] keys, int k, Ties ties,
                                                     String what, Moves.Selection out) {
        int n = positions.length;
        if (keys.length != n || k < 0 || k > n) {
            throw new IllegalArgumentException("need one key per position and 0 <= k <= " + n + ", got k = " + k);
        }
        Integer[] order = new Integer[n];
        for (int m = 0; m < n; m++) {
            order[m] = m;
        }
        Comparator<Integer> byKey = (a, b) -> keys[b].compareTo(keys[a]);
        Arrays.sort(order, byKey.thenComparing(ties == Ties.HIGHEST ? Comparator.reverseOrder()
                : Comparator.naturalOrder()));
        int kept = 0;
        for (int m = 0; m < k; m++) {
            kept |= 1 << positions[order[m]];
        }
        if (k == 0 || k == n || keys[order[k - 1]].compareTo(keys[order[k]]) != 0) {
            out.keep(Rational.ONE, kept);
            return;
        }
        K cut = keys[order[k - 1]];
        int tied = 0;
        int above = 0;
        int inside = 0;
        for (int m = 0; m < n; m++) {
            int c = keys[m].compareTo(cut);
            if (c == 0) {
                tied |= 1 << positions[m];
            } else if (c > 0) {
                above |= 1 << positions[m];
            }
        }
        inside = Integer.bitCount(kept & tied);
        state.boundary(Boundary.Kind.TIE, tied, what);
        if (ties != Ties.UNIFORM) {
            out.keep(Rational.ONE, kept);
            return;
        }
        List<Integer> subsets = new ArrayList<>();
        for (int s = tied; s != 0; s = (s - 1) & tied) {
            if (Integer.bitCount(s) == inside) {
                subsets.add(s);
            }
        }
        BigInteger count = InformationProfile.binomial(Integer.bitCount(tied), inside);
        Rational w = Rational.of(BigInteger.ONE, count);
        for (int s : subsets) {
            out.keep(w, above | s);
        }
    }

    /** The positions of {@code mask} in increasing order (a convenience for kernels). */
    //@ requires mask >= 0;
    //@ ensures \result.length == Integer.bitCount(mask);
    //@ pure
    public static int[] positions(int mask) {
        return Context.positions(mask);
    }
}
