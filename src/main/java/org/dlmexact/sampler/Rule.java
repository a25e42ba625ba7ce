package org.dlmexact.sampler;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Echo;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.NumberSize;
import org.dlmexact.exact.Parsers;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.InformationProfile;

/**
 * An adaptive unmasking rule: which masked positions a round reveals, chosen from the
 * predictor's marginals at the current state (visible set {@code S}, visible values
 * {@code x_S}). Every decision is exact: entropies are compared with
 * {@link ExactReal#compareTo}, probabilities with {@link Rational#compareTo}. A rule is a
 * {@link Sampler} whose step is one round. Immutable.
 *
 * <ul>
 *   <li>{@code entropy-sum:THRESHOLD} ({@link #entropySum}): sort the masked positions by the
 *       entropy {@code H(p̂_i(. | x_S))} of the predictor's marginal (for the optimal predictor
 *       the true conditional entropy {@code H(X_i | X_S = x_S)}) ascending; take the longest prefix
 *       whose entropy sum is at most the threshold (a non-negative rational, in nats), and at least
 *       one position. The chosen tokens are drawn independently from the predictor. Threshold 0
 *       reveals one lowest-entropy position per round (several only when they have entropy exactly
 *       0); a threshold of at least {@code L ln V} reveals everything in the first round.</li>
 *   <li>{@code top-probability:k1,k2,...} ({@link #topProbability}): round {@code j} reveals
 *       the {@code k_j} masked positions whose predicted marginal has the largest maximum
 *       probability {@code max_a p̂_i(a | x_S)}; drawn independently.</li>
 *   <li>{@code low-confidence:k1,k2,...} ({@link #lowConfidence}), the remasking rule of LLaDA's
 *       reference {@code generate()} (one block, temperature 1): round {@code j} draws a token at
 *       EVERY masked position independently from its marginal, keeps the {@code k_j} positions
 *       whose drawn token has the highest predicted probability {@code p̂_i(y_i | x_S)}, and
 *       re-masks the rest. The kept set depends on the draws.</li>
 * </ul>
 * <b>Ties</b> (the {@code ties} key, {@link Ranking.Ties}): equal keys by lower position first
 * (the default), by higher position first, or in uniformly random order; every decision that
 * rests on an exact tie is reported as a {@link Boundary}, and for {@code entropy-sum} every
 * prefix whose entropy sum equals the threshold exactly ({@code boundary=inclusive}, the default,
 * takes it; {@code exclusive} does not). The first two rules with a deterministic tie-break are
 * deterministic in the revealed values ({@link #deterministic()}): the sampled output determines
 * the whole path. The sizes {@code k_j} of the last two are a schedule in the sense of
 * {@link Schedule} (they must sum to {@code L}); round {@code j} is step {@code j}.
 */
public abstract class Rule implements Sampler {

    /** The three rules. */
    public enum Kind {
        /** {@code entropy-sum:THRESHOLD}. */
        ENTROPY_SUM,
        /** {@code top-probability:k1,k2,...}. */
        TOP_PROBABILITY,
        /** {@code low-confidence:k1,k2,...}. */
        LOW_CONFIDENCE
    }

    /** Largest {@link #work} accepted. */
    public static final long MAX_WORK = 2_000_000L;

    //@ public invariant kind() != null && ties() != null && length() >= 1;
    private final Kind kind;
    private final int length;
    private final Ranking.Ties ties;

    private Rule(Kind kind, int length, Ranking.Ties ties) {
        this.kind = kind;
        this.length = length;
        this.ties = ties;
    }

    /**
     * {@code entropy-sum:THRESHOLD} for sequences of length {@code length}, ties by lower position,
     * inclusive threshold.
     *
     * @throws InvalidInputException {@code rule.negative-threshold} when the threshold is negative
     */
    /*@ public normal_behavior
      @   requires threshold != null && threshold.signum() >= 0 && length >= 1;
      @   ensures \result.kind() == Kind.ENTROPY_SUM && \result.deterministic();
      @ also public exceptional_behavior
      @   requires threshold != null && threshold.signum() < 0 && length >= 1;
      @   signals_only InvalidInputException;
      @ pure @*/
    public static Rule entropySum(Rational threshold, int length) {
        return entropySum(threshold, length, Ranking.Ties.LOWEST, Ranking.Inclusion.INCLUSIVE);
    }

    /** As {@link #entropySum(Rational, int)} with the given tie-break and threshold inclusion. */
    /*@ public normal_behavior
      @   requires threshold != null && threshold.signum() >= 0 && length >= 1 && ties != null && inclusion != null;
      @   ensures \result.kind() == Kind.ENTROPY_SUM;
      @ also public exceptional_behavior
      @   requires threshold != null && threshold.signum() < 0 && length >= 1 && ties != null && inclusion != null;
      @   signals_only InvalidInputException;
      @ pure @*/
    public static Rule entropySum(Rational threshold, int length, Ranking.Ties ties, Ranking.Inclusion inclusion) {
        Objects.requireNonNull(threshold, "threshold");
        if (length < 1) {
            throw new IllegalArgumentException("length must be at least 1, got " + length);
        }
        if (threshold.signum() < 0) {
            throw new InvalidInputException("rule.negative-threshold", "entropy-sum:THRESHOLD needs a non-negative"
                    + " threshold (nats), got " + threshold);
        }
        return new EntropySum(threshold, length, Objects.requireNonNull(ties, "ties"),
                Objects.requireNonNull(inclusion, "inclusion"));
    }

    /** {@code top-probability:k1,k2,...} with the sizes of {@code sizes}, ties by lower position. */
    /*@ public normal_behavior
      @   requires sizes != null;
      @   ensures \result.kind() == Kind.TOP_PROBABILITY && \result.deterministic();
      @ pure @*/
    public static Rule topProbability(Schedule sizes) {
        return topProbability(sizes, Ranking.Ties.LOWEST);
    }

    /** {@code top-probability:k1,k2,...} with the given tie-break. */
    /*@ public normal_behavior
      @   requires sizes != null && ties != null;
      @   ensures \result.kind() == Kind.TOP_PROBABILITY;
      @ pure @*/
    public static Rule topProbability(Schedule sizes, Ranking.Ties ties) {
        return new Fixed(Kind.TOP_PROBABILITY, Objects.requireNonNull(sizes, "sizes"), Objects.requireNonNull(ties));
    }

    /** {@code low-confidence:k1,k2,...} with the sizes of {@code sizes}, ties by lower position. */
    /*@ public normal_behavior
      @   requires sizes != null;
      @   ensures \result.kind() == Kind.LOW_CONFIDENCE && !\result.deterministic();
      @ pure @*/
    public static Rule lowConfidence(Schedule sizes) {
        return lowConfidence(sizes, Ranking.Ties.LOWEST);
    }

    /** {@code low-confidence:k1,k2,...} with the given tie-break. */
    /*@ public normal_behavior
      @   requires sizes != null && ties != null;
      @   ensures \result.kind() == Kind.LOW_CONFIDENCE && !\result.deterministic();
      @ pure @*/
    public static Rule lowConfidence(Schedule sizes, Ranking.Ties ties) {
        return new Fixed(Kind.LOW_CONFIDENCE, Objects.requireNonNull(sizes, "sizes"), Objects.requireNonNull(ties));
    }

    /**
     * Parses {@code entropy-sum:THRESHOLD} (THRESHOLD read by {@link Rational#parse}),
     * {@code top-probability:SIZES} or {@code low-confidence:SIZES}, where SIZES is any single
     * schedule form of {@link Schedule#parse} ({@code 2,1,1}, {@code balanced:T}, {@code ones},
     * {@code one-shot}) read in {@code convention}; optionally followed by the keys
     * {@code ties=lowest|highest|uniform} and, for {@code entropy-sum},
     * {@code boundary=inclusive|exclusive}.
     *
     * @throws InvalidInputException {@code rule.unknown}, {@code rule.syntax},
     *     {@code rule.threshold}, {@code rule.negative-threshold}, a {@code schedule.*} code
     *     for bad sizes (for example {@code schedule.bad-sum} when they do not sum to {@code L}),
     *     or a {@code sampler.*} code for a bad key
     */
    /*@ public normal_behavior
      @   requires isValidText(text, length, convention);
      @   ensures \result != null;
      @ also public exceptional_behavior
      @   requires !isValidText(text, length, convention);
      @   signals_only InvalidInputException;
      @ pure @*/
    public static Rule parse(String text, int length, Schedule.Convention convention) {
        return read("--rule", text, length, convention);
    }

    /**
     * Whether {@link #parse} accepts {@code text} for length {@code length} (by the parser's own
     * code, {@link Parsers}); the tests hold it against the forms and errors of SPEC §7.1.
     */
    /*@ public normal_behavior
      @   ensures true;
      @ pure @*/
    public static boolean isValidText(String text, int length, Schedule.Convention convention) {
        return Parsers.accepts(() -> read("--rule", text, length, convention), InvalidInputException.class);
    }

    /** As {@link #parse(String, int, Schedule.Convention)}, messages naming the option {@code option}. */
    static Rule read(String option, String text, int length, Schedule.Convention convention) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(convention, "convention");
        String s = text.strip();
        int colon = s.indexOf(':');
        if (colon < 0) {
            throw new InvalidInputException(s.isEmpty() ? "rule.syntax" : "rule.unknown", option + " " + Echo.quoted(text)
                    + ": expected entropy-sum:THRESHOLD, top-probability:k1,k2,... or low-confidence:k1,k2,...");
        }
        String name = s.substring(0, colon).strip();
        if (!name.equals("entropy-sum") && !name.equals("top-probability") && !name.equals("low-confidence")) {
            throw new InvalidInputException("rule.unknown", option + " " + Echo.quoted(text) + ": unknown rule " + Echo.quoted(name)
                    + "; expected entropy-sum, top-probability or low-confidence");
        }
        SpecText spec = SpecText.parse(s);
        String arg = spec.positional();
        Ranking.Ties ties = Ranking.Ties.parse(spec.string("ties", "lowest"));
        if (name.equals("entropy-sum")) {
            Ranking.Inclusion inc = Ranking.Inclusion.parse(spec.string("boundary", "inclusive"));
            spec.finish();
            Rational t;
            try {
                t = NumberSize.parse(arg, option + " " + Echo.quoted(text));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("rule.threshold", option + " " + Echo.quoted(text)
                        + ": the threshold must be a non-negative rational (nats): " + e.getMessage());
            }
            if (t.signum() < 0) {
                throw new InvalidInputException("rule.negative-threshold", option + " " + Echo.quoted(text)
                        + ": the threshold must be a non-negative rational (nats), got " + Echo.of(t.toString()));
            }
            return entropySum(t, length, ties, inc);
        }
        spec.finish();
        if (arg.equals("all")) {
            throw new InvalidInputException("rule.syntax", option + " " + Echo.quoted(text) + ": a rule takes one list of"
                    + " sizes, not 'all'");
        }
        Schedule sizes;
        try {
            sizes = Schedule.parse(arg, length, convention);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.code(), option + " " + Echo.quoted(text) + ": " + e.getMessage());
        }
        return name.equals("top-probability") ? topProbability(sizes, ties) : lowConfidence(sizes, ties);
    }

    //@ pure helper
    public Kind kind() {
        return kind;
    }

    /** The tie-break ({@code ties} key). */
    //@ pure helper
    public Ranking.Ties ties() {
        return ties;
    }

    /** Whether the revealed set is a function of the state (so the output determines the path). */
    //@ ensures \result <==> kind() != Kind.LOW_CONFIDENCE && ties() != Ranking.Ties.UNIFORM;
    //@ pure
    public boolean deterministic() {
        return kind != Kind.LOW_CONFIDENCE && ties != Ranking.Ties.UNIFORM;
    }

    /*@ also public normal_behavior
      @   ensures \result == deterministic();
      @ pure @*/
    @Override
    public boolean revealsByState() {
        return deterministic();
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

    /*@ also public normal_behavior
      @   ensures \result.equals(toString());
      @ pure @*/
    @Override
    public String spec() {
        return toString();
    }

    /*@ also public normal_behavior
      @   ensures \result != null;
      @ pure @*/
    @Override
    public String name() {
        return kind == Kind.ENTROPY_SUM ? "entropy-sum" : kind == Kind.TOP_PROBABILITY ? "top-probability"
                : "low-confidence";
    }

    /*@ also public normal_behavior
      @   ensures \result == length;
      @ pure @*/
    @Override
    public int length() {
        return length;
    }

    /**
     * The work of the programme: for {@code low-confidence} {@code V^L sum_j C(L, N_{j-1})} draws
     * (every state of round {@code j} and every draw of its masked positions, an upper bound); for
     * the other rules {@code (V+1)^L L} (every state and every masked position).
     */
    /*@ also public normal_behavior
      @   requires v >= 2;
      @   ensures \result.signum() > 0;
      @ pure @*/
    @Override
    public BigInteger work(int v) {
        if (v < 2) {
            throw new IllegalArgumentException("need an alphabet size >= 2, got " + v);
        }
        if (kind != Kind.LOW_CONFIDENCE) {
            return BigInteger.valueOf(v + 1L).pow(length).multiply(BigInteger.valueOf(length));
        }
        Schedule s = sizes().orElseThrow();
        BigInteger w = BigInteger.ZERO;
        for (int j = 1; j <= s.steps(); j++) {
            w = w.add(InformationProfile.binomial(length, s.revealed(j - 1)));
        }
        return w.multiply(BigInteger.valueOf(v).pow(length));
    }

    /*@ also public normal_behavior
      @   ensures \result == MAX_WORK;
      @ pure @*/
    @Override
    public long maxWork() {
        return MAX_WORK;
    }

    /**
     * Refuses up front, with the estimate, a programme whose {@link #work} exceeds {@link #MAX_WORK}.
     *
     * @throws InvalidInputException {@code rule.too-large}
     */
    /*@ also public normal_behavior
      @   requires v >= 2 && work(v).compareTo(BigInteger.valueOf(MAX_WORK)) <= 0;
      @ also public exceptional_behavior
      @   requires v >= 2 && work(v).compareTo(BigInteger.valueOf(MAX_WORK)) > 0;
      @   signals_only InvalidInputException;
      @ pure @*/
    @Override
    public void checkSize(int v) {
        BigInteger w = work(v);
        if (w.compareTo(BigInteger.valueOf(MAX_WORK)) > 0) {
            throw new InvalidInputException("rule.too-large", "too large for the exact law of the rule " + this
                    + ": alphabet size " + v + " and length " + length + " need about " + w
                    + (kind != Kind.LOW_CONFIDENCE ? " state-position visits ((V+1)^L L)"
                            : " enumerated draws (V^L sum_j C(L,N_{j-1}))")
                    + "; the limit is " + MAX_WORK);
        }
    }

    /**
     * The set revealed at the state {@code (visibleMask, valuesIndex)} by a deterministic rule
     * (a non-empty bit mask of masked positions); for fixed sizes the round is the one whose
     * visible set has {@code |S|} positions.
     *
     * @throws IllegalStateException for {@code low-confidence}, whose kept set depends on the draws
     * @throws IllegalArgumentException when the state is not one the rule can reach (a full
     *     visible set, or for fixed sizes a visible set whose size is no partial sum {@code N_j})
     */
    /*@ public behavior
      @   requires rows != null;
      @   ensures \result != 0 && (\result & visibleMask) == 0 && (\result & ~rows.lattice().law().space().fullMask()) == 0;
      @   signals_only IllegalStateException, IllegalArgumentException, InvalidInputException;
      @   signals (IllegalStateException) !deterministic();
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
    /*@ public behavior
      @   requires rows != null && drawn != null;
      @   ensures \result != 0 && (\result & visibleMask) == 0;
      @   signals_only IllegalStateException, IllegalArgumentException, InvalidInputException;
      @   signals (IllegalStateException) kind() != Kind.LOW_CONFIDENCE;
      @*/
    public int kept(PredictiveRows rows, int visibleMask, int valuesIndex, int[] drawn) {
        throw new IllegalStateException(this + " reveals a set that depends on the state only; use batch()");
    }

    /** The canonical text, e.g. {@code entropy-sum:1/2} or {@code low-confidence:2,2,2,2,ties=highest}. */
    /*@ also public normal_behavior
      @   ensures \result != null;
      @ pure @*/
    @Override
    public abstract String toString();

    /** The entropy {@code -sum_a p_a ln p_a} of a row, exact ({@link Rows#entropy}). */
    /*@ public normal_behavior
      @   requires row != null;
      @   ensures \result.signum() >= 0;
      @ pure @*/
    public static ExactReal entropy(Rational[] row) {
        return Rows.entropy(row);
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

    /** A state for the convenience methods {@link #batch} and {@link #kept}, whose decisions are not recorded. */
    State state(PredictiveRows rows, int mask, int values) {
        int full = rows.lattice().law().space().fullMask();
        if (mask < 0 || mask >= full) {
            throw new IllegalArgumentException("visible mask " + mask + " is not a state with masked positions");
        }
        if (rows.lattice().law().length() != length) {
            throw new IllegalArgumentException("rule " + this + " has length " + length + " but the law has length "
                    + rows.lattice().law().length());
        }
        int step = sizes().isPresent() ? round(sizes().get(), Integer.bitCount(mask)) : 1;
        return State.of(rows, step, mask, values, b -> { });
    }

    /** The single kept set of a deterministic selection. */
    static int only(List<Rational> weights, List<Integer> sets) {
        if (sets.size() != 1) {
            throw new IllegalStateException("the selection is random (ties=uniform)");
        }
        return sets.get(0);
    }

    /** The key suffix of the canonical text: {@code ,ties=...} unless the default. */
    String keys() {
        return ties == Ranking.Ties.LOWEST ? "" : ",ties=" + ties;
    }

    private static final class EntropySum extends Rule {
        private final Rational threshold;
        private final Ranking.Inclusion inclusion;

        EntropySum(Rational threshold, int length, Ranking.Ties ties, Ranking.Inclusion inclusion) {
            super(Kind.ENTROPY_SUM, length, ties);
            this.threshold = threshold;
            this.inclusion = inclusion;
        }

        /*@ also public normal_behavior
          @   ensures \result != null;
          @ pure @*/
        @Override
        public Optional<Rational> threshold() {
            return Optional.of(threshold);
        }

        /*@ also public normal_behavior
          @   ensures \result == -1;
          @ pure @*/
        @Override
        public int fixedSteps() {
            return -1;
        }

        /*@ also public normal_behavior
          @   ensures \result != null;
          @ pure @*/
        @Override
        public String tieBreak() {
            return "masked positions sorted by the entropy of the predicted marginal, ascending, equal entropies "
                    + ties().words() + "; the longest prefix with entropy sum "
                    + (inclusion == Ranking.Inclusion.INCLUSIVE ? "<=" : "<") + " threshold, at least one";
        }

        /*@ also public normal_behavior
          @   requires state != null && moves != null;
          @*/
        @Override
        public void step(State state, Moves moves) {
            select(state, (w, b) -> moves.reveal(w, b));
        }

        private void select(State state, Moves.Selection out) {
            int[] pos = Context.positions(state.maskedMask());
            ExactReal[] h = new ExactReal[pos.length];
            for (int n = 0; n < pos.length; n++) {
                h[n] = state.entropy(pos[n]);
            }
            Ranking.entropyPrefix(state, pos, h, threshold, true, inclusion, ties(), out);
        }

        /*@ also public normal_behavior
          @   requires rows != null;
          @*/
        @Override
        public int batch(PredictiveRows rows, int visibleMask, int valuesIndex) {
            List<Rational> w = new ArrayList<>();
            List<Integer> b = new ArrayList<>();
            select(state(rows, visibleMask, valuesIndex), (x, y) -> {
                w.add(x);
                b.add(y);
            });
            return only(w, b);
        }

        /*@ also public normal_behavior
          @   ensures \result != null;
          @ pure @*/
        @Override
        public String toString() {
            return "entropy-sum:" + threshold + keys()
                    + (inclusion == Ranking.Inclusion.INCLUSIVE ? "" : ",boundary=" + inclusion);
        }
    }

    private static final class Fixed extends Rule {
        private final Schedule sizes;

        Fixed(Kind kind, Schedule sizes, Ranking.Ties ties) {
            super(kind, sizes.length(), ties);
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
          @   ensures \result == sizes().get().steps();
          @ pure @*/
        @Override
        public int fixedSteps() {
            return sizes.steps();
        }

        /*@ also public normal_behavior
          @   ensures \result != null;
          @ pure @*/
        @Override
        public String tieBreak() {
            return kind() == Kind.TOP_PROBABILITY
                    ? "the k_j masked positions with the largest maximum predicted probability, equal maxima "
                            + ties().words()
                    : "the k_j masked positions whose drawn token has the largest predicted probability, equal"
                            + " probabilities " + ties().words() + "; the others are re-masked";
        }

        /*@ also public normal_behavior
          @   requires state != null && moves != null;
          @*/
        @Override
        public void step(State state, Moves moves) {
            int k = sizes.size(state.step());
            if (kind() == Kind.TOP_PROBABILITY) {
                top(state, k, (w, b) -> moves.reveal(w, b));
                return;
            }
            int free = state.maskedMask();
            Rational[][] rows = new Rational[state.length()][];
            for (int i : Context.positions(free)) {
                rows[i] = state.row(i);
            }
            Ranking.drawThenKeep(state, moves, free, rows, rows, k, ties());
        }

        private void top(State state, int k, Moves.Selection out) {
            int[] pos = Context.positions(state.maskedMask());
            Rational[] key = new Rational[pos.length];
            for (int n = 0; n < pos.length; n++) {
                key[n] = state.maxProbability(pos[n]);
            }
            Ranking.top(state, pos, key, k, ties(), "equal maximum probability", out);
        }

        /*@ also public normal_behavior
          @   requires rows != null;
          @*/
        @Override
        public int batch(PredictiveRows rows, int visibleMask, int valuesIndex) {
            if (kind() != Kind.TOP_PROBABILITY) {
                return super.batch(rows, visibleMask, valuesIndex);
            }
            State st = state(rows, visibleMask, valuesIndex);
            List<Rational> w = new ArrayList<>();
            List<Integer> b = new ArrayList<>();
            top(st, sizes.size(st.step()), (x, y) -> {
                w.add(x);
                b.add(y);
            });
            return only(w, b);
        }

        /*@ also public normal_behavior
          @   requires rows != null;
          @*/
        @Override
        public int kept(PredictiveRows rows, int visibleMask, int valuesIndex, int[] drawn) {
            if (kind() != Kind.LOW_CONFIDENCE) {
                return super.kept(rows, visibleMask, valuesIndex, drawn);
            }
            State st = state(rows, visibleMask, valuesIndex);
            if (drawn.length != sizes.length()) {
                throw new IllegalArgumentException("drawn has " + drawn.length + " entries, expected " + sizes.length());
            }
            int v = rows.lattice().law().alphabetSize();
            int[] pos = Context.positions(st.maskedMask());
            Rational[] key = new Rational[pos.length];
            for (int n = 0; n < pos.length; n++) {
                int i = pos[n];
                if (drawn[i] < 0 || drawn[i] >= v) {
                    throw new IllegalArgumentException("drawn token " + drawn[i] + " at masked position " + i
                            + " is outside 0.." + (v - 1));
                }
                key[n] = st.row(i)[drawn[i]];
            }
            List<Rational> w = new ArrayList<>();
            List<Integer> b = new ArrayList<>();
            Ranking.top(st, pos, key, sizes.size(st.step()), ties(), "equal probability of the drawn tokens",
                    (x, y) -> {
                        w.add(x);
                        b.add(y);
                    });
            return only(w, b);
        }

        /*@ also public normal_behavior
          @   ensures \result != null;
          @ pure @*/
        @Override
        public String toString() {
            return (kind() == Kind.TOP_PROBABILITY ? "top-probability:" : "low-confidence:") + sizes + keys();
        }
    }
}
