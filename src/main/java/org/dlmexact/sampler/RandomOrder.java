package org.dlmexact.sampler;

import java.math.BigInteger;
import java.util.Objects;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.InformationProfile;
import org.dlmexact.law.SplitMix64;

/**
 * The random-order sampler of Li and Cai and Chen, Cong and Li (theory.md section 2) with a
 * schedule {@code k_1, ..., k_T} in reveal order: step {@code j} reveals a uniformly random
 * {@code k_j}-subset of the masked positions, each token drawn independently from the predictor's
 * row at the current state. Given the history, the next batch is uniform over the
 * {@code C(m_j, k_j)} subsets of the masked positions, so the state is a Markov chain and the
 * output law is the average of {@code nu_B} over uniform ordered partitions {@code B}.
 *
 * <p>Sampling draws the ordered partition up front ({@link #plan}): a uniform permutation by
 * Fisher-Yates (for {@code n = L-1} down to 1, {@code r = nextBelow(n+1)}, swap entries {@code n}
 * and {@code r} of {@code [0, ..., L-1]}); the first {@code k_1} entries form {@code B_1}, the
 * next {@code k_2} form {@code B_2}, and so on (SPEC section 5.4). Immutable.
 */
public final class RandomOrder implements Sampler {

    //@ public invariant schedule() != null;
    private final Schedule schedule;
    private final /*@ nullable @*/ TokenRule[] tokens;

    private RandomOrder(Schedule schedule, TokenRule[] tokens) {
        this.schedule = schedule;
        this.tokens = tokens;
    }

    /**
     * The random-order sampler whose step {@code j} draws its tokens by {@code tokens[j-1]} (one rule
     * per step): the law of a per-position sampler given its per-step sizes ({@link SizeMixture}).
     */
    static RandomOrder withTokenRules(Schedule schedule, TokenRule[] tokens) {
        if (tokens.length != schedule.steps()) {
            throw new IllegalArgumentException("one token rule per step: " + tokens.length + " for " + schedule);
        }
        return new RandomOrder(schedule, tokens.clone());
    }

    /** The random-order sampler with the schedule {@code schedule} (reveal order). */
    /*@ public normal_behavior
      @   requires schedule != null;
      @   ensures \result.schedule() == schedule;
      @ pure @*/
    public static RandomOrder of(Schedule schedule) {
        return new RandomOrder(Objects.requireNonNull(schedule, "schedule"), null);
    }

    //@ pure helper
    public Schedule schedule() {
        return schedule;
    }

    /*@ also public normal_behavior
      @   ensures \result.equals("random-order:" + schedule());
      @ pure @*/
    @Override
    public String spec() {
        return "random-order:" + schedule;
    }

    @Override
    public String name() {
        return "random-order";
    }

    @Override
    public int length() {
        return schedule.length();
    }

    @Override
    public int fixedSteps() {
        return schedule.steps();
    }

    @Override
    public boolean revealsByState() {
        return false;
    }

    @Override
    public void step(State state, Moves moves) {
        int k = schedule.size(state.step());
        int free = state.maskedMask();
        Rational w = Rational.of(BigInteger.ONE, InformationProfile.binomial(Integer.bitCount(free), k));
        TokenRule rule = tokens == null ? null : tokens[state.step() - 1];
        Rational[][] rows = null;
        if (rule != null && !rule.plain()) {
            rows = new Rational[state.length()][];
            for (int i : Context.positions(free)) {
                rows[i] = rule.row(state, i);
            }
        }
        for (int b = free; b != 0; b = (b - 1) & free) {
            if (Integer.bitCount(b) == k) {
                if (rows == null) {
                    moves.reveal(w, b);
                } else {
                    moves.draw(w, b, rows, null);
                }
            }
        }
    }

    @Override
    public String tieBreak() {
        return "none: each step's positions are a uniformly random subset of the masked positions";
    }

    /** {@code sum_j C(L, N_{j-1}) C(m_j, k_j) V^{N_j}} rational multiply-adds. */
    @Override
    public BigInteger work(int v) {
        return work(v, schedule);
    }

    /** The work of the programme for {@code schedule}: {@code sum_j C(L, N_{j-1}) C(m_j, k_j) V^{N_j}}. */
    /*@ public normal_behavior
      @   requires v >= 2 && schedule != null;
      @   ensures \result.signum() >= 0;
      @ pure @*/
    public static BigInteger work(int v, Schedule schedule) {
        BigInteger w = BigInteger.ZERO;
        int l = schedule.length();
        for (int j = 1; j <= schedule.steps(); j++) {
            w = w.add(InformationProfile.binomial(l, schedule.revealed(j - 1))
                    .multiply(InformationProfile.binomial(schedule.masked(j), schedule.size(j)))
                    .multiply(BigInteger.valueOf(v).pow(schedule.revealed(j))));
        }
        return w;
    }

    /*@ also public normal_behavior
      @   ensures \result == SamplerError.MAX_WORK;
      @ pure @*/
    @Override
    public long maxWork() {
        return SamplerError.MAX_WORK;
    }

    /** Refuses a programme above {@link SamplerError#MAX_WORK} ({@code sampler.too-large}, with the estimate). */
    /*@ also public normal_behavior
      @   requires v >= 2 && work(v).compareTo(BigInteger.valueOf(maxWork())) <= 0;
      @ also public exceptional_behavior
      @   requires v >= 2 && work(v).compareTo(BigInteger.valueOf(maxWork())) > 0;
      @   signals_only InvalidInputException;
      @ pure @*/
    @Override
    public void checkSize(int v) {
        BigInteger w = work(v);
        if (w.compareTo(BigInteger.valueOf(maxWork())) > 0) {
            throw new InvalidInputException("sampler.too-large", "too large: the exact output law for alphabet size "
                    + v + ", length " + length() + " and schedule " + schedule + " needs about " + w
                    + " exact terms; the limit is " + maxWork());
        }
    }

    /** The Fisher-Yates ordered partition of the class comment: one block per step. */
    /*@ also public normal_behavior
      @   requires rng != null;
      @   ensures \result == null || \result.length == fixedSteps();
      @   assignable rng.*;
      @*/
    @Override
    public int /*@ nullable @*/ [] plan(SplitMix64 rng) {
        if (tokens != null) {
            return null;
        }
        int l = schedule.length();
        int[] perm = new int[l];
        for (int n = 0; n < l; n++) {
            perm[n] = n;
        }
        for (int n = l - 1; n >= 1; n--) {
            int r = (int) rng.nextBelow(n + 1);
            int t = perm[n];
            perm[n] = perm[r];
            perm[r] = t;
        }
        int[] blocks = new int[schedule.steps()];
        int next = 0;
        for (int j = 1; j <= schedule.steps(); j++) {
            for (int n = 0; n < schedule.size(j); n++) {
                blocks[j - 1] |= 1 << perm[next++];
            }
        }
        return blocks;
    }

    /*@ also public normal_behavior
      @   ensures \result ==> o instanceof RandomOrder;
      @ pure @*/
    @Override
    public boolean equals(Object o) {
        return o instanceof RandomOrder && ((RandomOrder) o).schedule.equals(schedule)
                && java.util.Arrays.equals(((RandomOrder) o).tokens, tokens);
    }

    /*@ also public normal_behavior
      @   ensures true;
      @ pure @*/
    @Override
    public int hashCode() {
        return schedule.hashCode();
    }

    /*@ also public normal_behavior
      @   ensures \result != null;
      @ pure @*/
    @Override
    public String toString() {
        return spec();
    }
}
