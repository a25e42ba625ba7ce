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

    /**
     * The entropy-prefix rule of {@code entropy-sum} and the EB-sampler: sort {@code positions}
     * by entropy {@code h} ascending (equal entropies by {@code ties}) and keep a prefix. With
     * {@code includeSelf} the longest prefix whose entropy sum (up to and including its last
     * position) passes {@code limit}; without it (EB), every position whose PRECEDING entropies
     * sum to a value passing {@code limit}. "Passing" is {@code <=} ({@link Inclusion#INCLUSIVE})
     * or {@code <}. At least one position is kept. A sum exactly equal to the limit is reported as
     * a {@link Boundary.Kind#THRESHOLD} of the positions whose inclusion it decides, and a tie
     * straddling the cut as a {@link Boundary.Kind#TIE} ({@link #top}).
     */
    /*@ public normal_behavior
      @   requires state != null && positions != null && h != null && h.length == positions.length && positions.length >= 1;
      @   requires limit != null && inclusion != null && ties != null && out != null;
      @*/
    public static void entropyPrefix(State state, int[] positions, org.dlmexact.exact.ExactReal[] h,
                                     Rational limit, boolean includeSelf, Inclusion inclusion, Ties ties,
                                     Moves.Selection out) {
        org.dlmexact.exact.ExactReal[] sorted = h.clone();
        Arrays.sort(sorted);
        org.dlmexact.exact.ExactReal lim = org.dlmexact.exact.ExactReal.of(limit);
        int take = 1;
        org.dlmexact.exact.ExactReal sum = includeSelf ? sorted[0] : org.dlmexact.exact.ExactReal.ZERO;
        for (int n = 1; n < sorted.length; n++) {
            sum = includeSelf ? sum.add(sorted[n]) : sum.add(sorted[n - 1]);
            int c = sum.compareTo(lim);
            if (c == 0) {
                int at = 0;
                for (int m = 0; m < positions.length; m++) {
                    at |= h[m].equals(sorted[n]) ? 1 << positions[m] : 0;
                }
                state.boundary(Boundary.Kind.THRESHOLD, at, "entropy sum = threshold " + limit);
            }
            if (!inclusion.passes(-c)) {
                break;
            }
            take++;
        }
        org.dlmexact.exact.ExactReal[] neg = new org.dlmexact.exact.ExactReal[h.length];
        for (int m = 0; m < h.length; m++) {
            neg[m] = h[m].negate();
        }
        top(state, positions, neg, take, ties, "equal entropy", out);
    }

    /**
     * The draw-then-rank step of LLaDA's low-confidence remasking and Dream's {@code maskgit_plus}:
     * one branch that draws a token at every position of {@code drawn} from {@code drawRows} and
     * keeps the {@code k} positions whose drawn token has the largest probability under
     * {@code confidenceRows} (which may differ from the rows drawn from, as LLaDA's untempered
     * confidence does), equal confidences by {@code ties}. The confidences are compared through
     * integer ranks of the distinct probabilities, which order them exactly as the rationals.
     */
    /*@ public normal_behavior
      @   requires state != null && moves != null && drawRows != null && confidenceRows != null && ties != null;
      @   requires drawn >= 0 && 0 <= k && k <= Integer.bitCount(drawn);
      @   assignable \everything;
      @*/
    public static void drawThenKeep(State state, Moves moves, int drawn, Rational[][] drawRows,
                                    Rational[][] confidenceRows, int k, Ties ties) {
        int[] pos = Context.positions(drawn);
        java.util.TreeSet<Rational> distinct = new java.util.TreeSet<>();
        for (int i : pos) {
            java.util.Collections.addAll(distinct, confidenceRows[i]);
        }
        List<Rational> sorted = new ArrayList<>(distinct);
        Integer[][] rank = new Integer[state.length()][];
        for (int i : pos) {
            rank[i] = new Integer[state.alphabetSize()];
            for (int a = 0; a < rank[i].length; a++) {
                rank[i][a] = java.util.Collections.binarySearch(sorted, confidenceRows[i][a]);
            }
        }
        moves.draw(Rational.ONE, drawn, drawRows, (y, out) -> {
            Integer[] key = new Integer[pos.length];
            for (int n = 0; n < pos.length; n++) {
                key[n] = rank[pos[n]][y[pos[n]]];
            }
            top(state, pos, key, k, ties, "equal probability of the drawn tokens", out);
        });
    }

    /** The positions of {@code mask} in increasing order (a convenience for kernels). */
    //@ requires mask >= 0;
    //@ ensures \result.length == Integer.bitCount(mask);
    //@ pure
    public static int[] positions(int mask) {
        return Context.positions(mask);
    }
}
