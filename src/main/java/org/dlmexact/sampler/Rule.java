package org.dlmexact.sampler;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Echo;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.NumberSize;
import org.dlmexact.exact.Rational;

/**
 * An adaptive unmasking rule: which masked positions a round reveals, chosen from the
 * predictor's marginals at the current state (visible set {@code S}, visible values
 * {@code x_S}). Every decision is exact: entropies are compared with
 * {@link ExactReal#compareTo}, probabilities with {@link Rational#compareTo}. Immutable.
 *
 * <ul>
 *   <li>{@code entropy-sum:THRESHOLD} ({@link #entropySum}): sort the masked positions by the
 *       entropy {@code H(p̂_i(. | x_S))} of the predictor's marginal (for the optimal predictor
 *       the true conditional entropy {@code H(X_i | X_S = x_S)}) ascending, <b>ties: lower
 *       position first</b>; take the longest prefix whose entropy sum is at most the threshold
 *       (a non-negative rational, in nats), and at least one position. The chosen tokens are
 *       drawn independently from the predictor. Threshold 0 reveals one lowest-entropy position
 *       per round (several only when they have entropy exactly 0); a threshold of at least
 *       {@code L ln V} reveals everything in the first round.</li>
 *   <li>{@code top-probability:k1,k2,...} ({@link #topProbability}): round {@code j} reveals
 *       the {@code k_j} masked positions whose predicted marginal has the largest maximum
 *       probability {@code max_a p̂_i(a | x_S)}, <b>ties: lower position first</b>; drawn
 *       independently.</li>
 *   <li>{@code low-confidence:k1,k2,...} ({@link #lowConfidence}), the remasking rule of LLaDA's
 *       reference {@code generate()} (one block, temperature 1): round {@code j} draws a token at
 *       EVERY masked position independently from its marginal, keeps the {@code k_j} positions
 *       whose drawn token has the highest predicted probability {@code p̂_i(y_i | x_S)}, <b>ties:
 *       lower position first</b>, and re-masks the rest. The kept set depends on the draws.
 *       LLaDA's per-step counts are {@code balanced:T}; at temperature 0 LLaDA would take argmax
 *       tokens, whose positions are those of {@code top-probability} (SPEC.md section 5.1).</li>
 * </ul>
 * The first two are deterministic in the revealed values ({@link #deterministic()}): the
 * sampled output determines the whole path. The sizes {@code k_j} of the last two are a
 * schedule in the sense of {@link Schedule} (they must sum to {@code L}); round {@code j} is
 * the round whose visible set has {@code N_{j-1}} positions.
 */
public abstract class Rule {

    /** The three rules. */
    public enum Kind {
        /** {@code entropy-sum:THRESHOLD}. */
        ENTROPY_SUM,
        /** {@code top-probability:k1,k2,...}. */
        TOP_PROBABILITY,
        /** {@code low-confidence:k1,k2,...}. */
        LOW_CONFIDENCE
    }

    //@ public invariant kind() != null;
    private final Kind kind;

    private Rule(Kind kind) {
        this.kind = kind;
    }

    /**
     * {@code entropy-sum:THRESHOLD}.
     *
     * @throws InvalidInputException {@code rule.negative-threshold} when the threshold is negative
     */
    /*@ public normal_behavior
      @   requires threshold != null && threshold.signum() >= 0;
      @   ensures \result.kind() == Kind.ENTROPY_SUM && \result.deterministic();
      @ also public exceptional_behavior
      @   requires threshold != null && threshold.signum() < 0;
      @   signals_only InvalidInputException;
      @ pure @*/
    public static Rule entropySum(Rational threshold) {
        Objects.requireNonNull(threshold, "threshold");
        if (threshold.signum() < 0) {
            throw new InvalidInputException("rule.negative-threshold", "entropy-sum:THRESHOLD needs a non-negative"
                    + " threshold (nats), got " + threshold);
        }
        return new EntropySum(threshold);
    }

    /** {@code top-probability:k1,k2,...} with the sizes of {@code sizes}. */
    /*@ public normal_behavior
      @   requires sizes != null;
      @   ensures \result.kind() == Kind.TOP_PROBABILITY && \result.deterministic();
      @ pure @*/
    public static Rule topProbability(Schedule sizes) {
        return new Fixed(Kind.TOP_PROBABILITY, Objects.requireNonNull(sizes, "sizes"));
    }

    /** {@code low-confidence:k1,k2,...} with the sizes of {@code sizes}. */
    /*@ public normal_behavior
      @   requires sizes != null;
      @   ensures \result.kind() == Kind.LOW_CONFIDENCE && !\result.deterministic();
      @ pure @*/
    public static Rule lowConfidence(Schedule sizes) {
        return new Fixed(Kind.LOW_CONFIDENCE, Objects.requireNonNull(sizes, "sizes"));
    }

    /**
     * Parses {@code entropy-sum:THRESHOLD} (THRESHOLD read by {@link Rational#parse}),
     * {@code top-probability:SIZES} or {@code low-confidence:SIZES}, where SIZES is any single
     * schedule form of {@link Schedule#parse} ({@code 2,1,1}, {@code balanced:T}, {@code ones},
     * {@code one-shot}) read in {@code convention}.
     *
     * @throws InvalidInputException {@code rule.unknown}, {@code rule.syntax},
     *     {@code rule.threshold}, {@code rule.negative-threshold}, or a {@code schedule.*} code
     *     for bad sizes (for example {@code schedule.bad-sum} when they do not sum to {@code L})
     */
    /*@ public normal_behavior
      @   requires text != null && convention != null && length >= 1;
      @   ensures \result != null;
      @ also public exceptional_behavior
      @   requires text != null && convention != null;
      @   signals_only InvalidInputException;
      @ pure @*/
    public static Rule parse(String text, int length, Schedule.Convention convention) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(convention, "convention");
        String s = text.strip();
        int colon = s.indexOf(':');
        if (colon < 0) {
            throw new InvalidInputException(s.isEmpty() ? "rule.syntax" : "rule.unknown", "--rule " + Echo.quoted(text)
                    + ": expected entropy-sum:THRESHOLD, top-probability:k1,k2,... or low-confidence:k1,k2,...");
        }
        String name = s.substring(0, colon).strip();
        String arg = s.substring(colon + 1).strip();
        switch (name) {
            case "entropy-sum": {
                Rational t;
                try {
                    t = NumberSize.parse(arg, "--rule " + Echo.quoted(text));
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("rule.threshold", "--rule " + Echo.quoted(text)
                            + ": the threshold must be a non-negative rational (nats): " + e.getMessage());
                }
                if (t.signum() < 0) {
                    throw new InvalidInputException("rule.negative-threshold", "--rule " + Echo.quoted(text)
                            + ": the threshold must be a non-negative rational (nats), got " + Echo.of(t.toString()));
                }
                return entropySum(t);
            }
            case "top-probability":
            case "low-confidence": {
                if (arg.equals("all")) {
                    throw new InvalidInputException("rule.syntax", "--rule " + Echo.quoted(text) + ": a rule takes one list of"
                            + " sizes, not 'all'");
                }
                Schedule sizes;
                try {
                    sizes = Schedule.parse(arg, length, convention);
                } catch (InvalidInputException e) {
                    throw new InvalidInputException(e.code(), "--rule " + Echo.quoted(text) + ": " + e.getMessage());
                }
                return name.equals("top-probability") ? topProbability(sizes) : lowConfidence(sizes);
            }
            default:
                throw new InvalidInputException("rule.unknown", "--rule " + Echo.quoted(text) + ": unknown rule " + Echo.quoted(name)
                        + "; expected entropy-sum, top-probability or low-confidence");
        }
    }

    //@ pure helper
    public Kind kind() {
        return kind;
    }

    /** Whether the revealed set is a function of the state (so the output determines the path). */
    //@ ensures \result <==> kind() != Kind.LOW_CONFIDENCE;
    //@ pure
    public boolean deterministic() {
        return kind != Kind.LOW_CONFIDENCE;
    }

    /** The sizes {@code k_j} of the fixed-size rules; empty for {@code entropy-sum}. */
    //@ ensures \result.isPresent() <==> kind() != Kind.ENTROPY_SUM;
    //@ pure
    public Optional<Schedule> sizes() {
        return Optional.empty();
    }

    /** The threshold of {@code entropy-sum}; empty for the other rules. */
    //@ ensures \result.isPresent() <==> kind() == Kind.ENTROPY_SUM;
    //@ pure
    public Optional<Rational> threshold() {
        return Optional.empty();
    }

    /** The tie-break, in words (for documentation and output). */
    //@ ensures \result != null;
    //@ pure
    public abstract String tieBreak();

    /**
     * The set revealed at the state {@code (visibleMask, valuesIndex)} by a deterministic rule
     * (a non-empty bit mask of masked positions).
     *
     * @throws IllegalStateException for {@code low-confidence}, whose kept set depends on the draws
     * @throws IllegalArgumentException when the state is not one the rule can reach (a full
     *     visible set, or for fixed sizes a visible set whose size is no partial sum {@code N_j})
     */
    /*@ public normal_behavior
      @   requires rows != null && deterministic() && 0 <= visibleMask && visibleMask < rows.lattice().law().space().fullMask();
      @   ensures \result != 0 && (\result & visibleMask) == 0 && (\result & ~rows.lattice().law().space().fullMask()) == 0;
      @ also public exceptional_behavior
      @   requires rows != null && (!deterministic() || visibleMask < 0 || visibleMask >= rows.lattice().law().space().fullMask());
      @   signals_only IllegalStateException, IllegalArgumentException;
      @*/
    public int batch(PredictiveRows rows, int visibleMask, int valuesIndex) {
        throw new IllegalStateException(this + " keeps a set that depends on the draws; use kept()");
    }

    /**
     * The kept set of {@code low-confidence} at the state {@code (visibleMask, valuesIndex)} when
     * {@code drawn[i]} is the token drawn at every masked position {@code i} (entries at visible
     * positions are ignored).
     *
     * @throws IllegalStateException for the deterministic rules
     */
    /*@ public normal_behavior
      @   requires rows != null && drawn != null && !deterministic() && drawn.length == rows.lattice().law().length();
      @   requires 0 <= visibleMask && visibleMask < rows.lattice().law().space().fullMask();
      @   ensures \result != 0 && (\result & visibleMask) == 0;
      @ also public exceptional_behavior
      @   requires rows != null && drawn != null && deterministic();
      @   signals_only IllegalStateException, IllegalArgumentException;
      @*/
    public int kept(PredictiveRows rows, int visibleMask, int valuesIndex, int[] drawn) {
        throw new IllegalStateException(this + " reveals a set that depends on the state only; use batch()");
    }

    /** The canonical text, e.g. {@code entropy-sum:1/2} or {@code low-confidence:2,2,2,2}. */
    /*@ also public normal_behavior
      @   ensures \result != null;
      @ pure @*/
    @Override
    public abstract String toString();

    /** The entropy {@code -sum_a p_a ln p_a} of a row, exact. */
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

    /** The round {@code j} whose visible set has {@code N_{j-1} = visibleCount} positions. */
    /*@ public behavior
      @   requires s != null;
      @   ensures 1 <= \result && \result <= s.steps() && s.revealed(\result - 1) == visibleCount;
      @   signals_only IllegalArgumentException;
      @   signals (IllegalArgumentException) (\forall int j; 1 <= j && j <= s.steps(); s.revealed(j - 1) != visibleCount);
      @ pure @*/
    static int round(Schedule s, int visibleCount) {
        //@ maintaining 1 <= j && j <= s.steps() + 1;
        //@ maintaining (\forall int i; 1 <= i && i < j; s.revealed(i - 1) != visibleCount);
        //@ decreasing s.steps() + 1 - j;
        for (int j = 1; j <= s.steps(); j++) {
            if (s.revealed(j - 1) == visibleCount) {
                return j;
            }
        }
        throw noRound(s, visibleCount);
    }

    //@ private normal_behavior
    //@   ensures \result != null;
    //@ pure helper
    private static IllegalArgumentException noRound(Schedule s, int visibleCount) {
        return new IllegalArgumentException("no round of the sizes " + s + " starts with " + visibleCount
                + " visible positions");
    }

    private static void checkState(PredictiveRows rows, int mask) {
        int full = rows.lattice().law().space().fullMask();
        if (mask < 0 || mask >= full) {
            throw new IllegalArgumentException("visible mask " + mask + " is not a state with masked positions");
        }
    }

    private static final class EntropySum extends Rule {
        private final Rational threshold;
        private final ExactReal limit;

        EntropySum(Rational threshold) {
            super(Kind.ENTROPY_SUM);
            this.threshold = threshold;
            this.limit = ExactReal.of(threshold);
        }

        /*@ also public normal_behavior
          @   ensures \result != null;
          @ pure @*/
        @Override
        public Optional<Rational> threshold() {
            return Optional.of(threshold);
        }

        /*@ also public normal_behavior
          @   ensures \result != null;
          @ pure @*/
        @Override
        public String tieBreak() {
            return "masked positions sorted by the entropy of the predicted marginal, ascending, equal entropies"
                    + " by lower position first; the longest prefix with entropy sum <= threshold, at least one";
        }

        /*@ also public normal_behavior
          @   requires rows != null;
          @*/
        @Override
        public int batch(PredictiveRows rows, int visibleMask, int valuesIndex) {
            checkState(rows, visibleMask);
            int free = rows.lattice().law().space().fullMask() & ~visibleMask;
            List<Integer> pos = new ArrayList<>();
            List<ExactReal> h = new ArrayList<>();
            for (int m = free; m != 0; m &= m - 1) {
                int i = Integer.numberOfTrailingZeros(m);
                pos.add(i);
                h.add(entropy(rows.row(visibleMask, valuesIndex, i)));
            }
            Integer[] order = new Integer[pos.size()];
            for (int n = 0; n < order.length; n++) {
                order[n] = n;
            }
            // stable sort: positions are listed in increasing order, so ties keep the lower position first
            java.util.Arrays.sort(order, (a, b) -> h.get(a).compareTo(h.get(b)));
            int batch = 1 << pos.get(order[0]);
            ExactReal sum = h.get(order[0]);
            for (int n = 1; n < order.length; n++) {
                sum = sum.add(h.get(order[n]));
                if (sum.compareTo(limit) > 0) {
                    break;
                }
                batch |= 1 << pos.get(order[n]);
            }
            return batch;
        }

        /*@ also public normal_behavior
          @   ensures \result != null;
          @ pure @*/
        @Override
        public String toString() {
            return "entropy-sum:" + threshold;
        }
    }

    private static final class Fixed extends Rule {
        private final Schedule sizes;

        Fixed(Kind kind, Schedule sizes) {
            super(kind);
            this.sizes = sizes;
        }

        /*@ also public normal_behavior
          @   ensures \result != null;
          @ pure @*/
        @Override
        public Optional<Schedule> sizes() {
            return Optional.of(sizes);
        }

        /*@ also public normal_behavior
          @   ensures \result != null;
          @ pure @*/
        @Override
        public String tieBreak() {
            return kind() == Kind.TOP_PROBABILITY
                    ? "the k_j masked positions with the largest maximum predicted probability, equal maxima by lower"
                            + " position first"
                    : "the k_j masked positions whose drawn token has the largest predicted probability, equal"
                            + " probabilities by lower position first; the others are re-masked";
        }

        private void checkLength(PredictiveRows rows) {
            if (sizes.length() != rows.lattice().law().length()) {
                throw new IllegalArgumentException("rule " + this + " has length " + sizes.length()
                        + " but the law has length " + rows.lattice().law().length());
            }
        }

        /*@ also public normal_behavior
          @   requires rows != null;
          @*/
        @Override
        public int batch(PredictiveRows rows, int visibleMask, int valuesIndex) {
            if (kind() != Kind.TOP_PROBABILITY) {
                return super.batch(rows, visibleMask, valuesIndex);
            }
            checkState(rows, visibleMask);
            checkLength(rows);
            int k = sizes.size(round(sizes, Integer.bitCount(visibleMask)));
            int free = rows.lattice().law().space().fullMask() & ~visibleMask;
            int[] pos = Context.positions(free);
            Rational[] key = new Rational[pos.length];
            for (int n = 0; n < pos.length; n++) {
                Rational best = Rational.ZERO;
                for (Rational p : rows.row(visibleMask, valuesIndex, pos[n])) {
                    best = best.max(p);
                }
                key[n] = best;
            }
            return top(pos, key, k);
        }

        /*@ also public normal_behavior
          @   requires rows != null;
          @*/
        @Override
        public int kept(PredictiveRows rows, int visibleMask, int valuesIndex, int[] drawn) {
            if (kind() != Kind.LOW_CONFIDENCE) {
                return super.kept(rows, visibleMask, valuesIndex, drawn);
            }
            checkState(rows, visibleMask);
            checkLength(rows);
            if (drawn.length != sizes.length()) {
                throw new IllegalArgumentException("drawn has " + drawn.length + " entries, expected " + sizes.length());
            }
            int v = rows.lattice().law().alphabetSize();
            for (int m = rows.lattice().law().space().fullMask() & ~visibleMask; m != 0; m &= m - 1) {
                int i = Integer.numberOfTrailingZeros(m);
                if (drawn[i] < 0 || drawn[i] >= v) {
                    throw new IllegalArgumentException("drawn token " + drawn[i] + " at masked position " + i
                            + " is outside 0.." + (v - 1));
                }
            }
            int k = sizes.size(round(sizes, Integer.bitCount(visibleMask)));
            int free = rows.lattice().law().space().fullMask() & ~visibleMask;
            int[] pos = Context.positions(free);
            Rational[] key = new Rational[pos.length];
            for (int n = 0; n < pos.length; n++) {
                key[n] = rows.row(visibleMask, valuesIndex, pos[n])[drawn[pos[n]]];
            }
            return top(pos, key, k);
        }

        /*@ also public normal_behavior
          @   ensures \result != null;
          @ pure @*/
        @Override
        public String toString() {
            return (kind() == Kind.TOP_PROBABILITY ? "top-probability:" : "low-confidence:") + sizes;
        }
    }

    /** The {@code k} positions with the largest keys, equal keys by lower position (pos increasing). */
    static int top(int[] pos, Rational[] key, int k) {
        boolean[] taken = new boolean[pos.length];
        int mask = 0;
        for (int c = 0; c < k; c++) {
            int best = -1;
            for (int n = 0; n < pos.length; n++) {
                if (!taken[n] && (best < 0 || key[n].compareTo(key[best]) > 0)) {
                    best = n;
                }
            }
            taken[best] = true;
            mask |= 1 << pos[best];
        }
        return mask;
    }

    /** As {@link #top} with integer keys (ranks). */
    static int topRanks(int[] pos, int[] key, int k) {
        boolean[] taken = new boolean[pos.length];
        int mask = 0;
        for (int c = 0; c < k; c++) {
            int best = -1;
            for (int n = 0; n < pos.length; n++) {
                if (!taken[n] && (best < 0 || key[n] > key[best])) {
                    best = n;
                }
            }
            taken[best] = true;
            mask |= 1 << pos[best];
        }
        return mask;
    }
}
