package org.dlmexact.sampler;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dlmexact.law.Law;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.law.SequenceSpace;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.Divergence;

/**
 * The exact error of any {@link Sampler} for one law and predictor (theory.md section 5,
 * "Adaptive deterministic rules", generalised to every sampler). Immutable result of
 * {@link #compute}.
 *
 * <ul>
 *   <li><b>outputKL</b> {@code KL(mu || Q_pi)} with the exact output law of {@link ProcessLaw}.</li>
 *   <li><b>per-round contributions</b>: with {@code Q^(j)} the law of the output when the process
 *       is stopped after round {@code j} and the still masked positions are filled jointly from
 *       the data's conditional law {@code mu(. | x_S)} (oracle completion; {@code Q^(0) = mu},
 *       {@code Q^(rounds) = Q_pi}), round {@code j} contributes
 *       {@code KL(mu || Q^(j)) - KL(mu || Q^(j-1))}; the contributions add up to the output KL.
 *       A state with {@code mu(x_S) = 0} sends its mass only to outcomes outside the support of
 *       {@code mu}, so its completion does not matter and is not formed.</li>
 *   <li><b>the identity</b> (deterministic rules only): the path is a function of the output, so
 *       {@code KL(mu || Q_pi) = E_mu[ sum over rounds TC(X_B | X_S = x_S) ]
 *       + E_mu[ sum over rounds sum_{i in B} ln(p*_i(X_i | x_S) / p̂_i(X_i | x_S)) ]}, where
 *       {@code (S, B)} of each round follow the data's own values. The right-hand side is computed
 *       from the marginal lattice along the data path ({@link #roundTerms()}), independently of
 *       {@code Q_pi}; {@link #identityHolds()} is exact equality of the totals and of every
 *       round's contribution with its term (or both {@code +inf}).</li>
 *   <li><b>expected rounds</b> under the process ({@link ProcessLaw#expectedSteps}) and along the data
 *       path (the rounds the rule would take if every revealed token were the data's).</li>
 *   <li>for the fixed-size rules, the output KL of the random-order sampler with the same sizes
 *       as a schedule ({@link ProcessLaw} of {@link RandomOrder}), when its work is within
 *       {@link SamplerError#MAX_WORK}.</li>
 * </ul>
 */
public final class ProcessError {

    /** One round's terms. Immutable. */
    public static final class Round {
        //@ public invariant round() >= 1;
        private final int round;
        private final Divergence cumulativeKL;
        private final Divergence contribution;
        private final ExactReal conditionalTC;
        private final Divergence predictorLogRatio;
        private final Rational samplerProbability;
        private final Rational dataProbability;
        private final ExactReal entropyGap;

        Round(int round, Divergence cumulativeKL, Divergence contribution, ExactReal conditionalTC,
              Divergence predictorLogRatio, Rational samplerProbability, Rational dataProbability,
              ExactReal entropyGap) {
            this.round = round;
            this.cumulativeKL = cumulativeKL;
            this.contribution = contribution;
            this.conditionalTC = conditionalTC;
            this.predictorLogRatio = predictorLogRatio;
            this.samplerProbability = samplerProbability;
            this.dataProbability = dataProbability;
            this.entropyGap = entropyGap;
        }

        /**
         * {@code E_mu[sum_{i in B} H(X_i | x_S) - max_{i in B} H(X_i | x_S); round j happens]} along the
         * data path (samplers with an {@link Sampler#entropyBudget()}); it bounds
         * {@link #conditionalTC()} from above.
         */
        //@ pure
        public Optional<ExactReal> entropyGap() {
            return Optional.ofNullable(entropyGap);
        }

        /** {@code j}, from 1. */
        //@ pure helper
        public int round() {
            return round;
        }

        /** {@code KL(mu || Q^(j))}. */
        //@ pure
        public Divergence cumulativeKL() {
            return cumulativeKL;
        }

        /**
         * {@code KL(mu || Q^(j)) - KL(mu || Q^(j-1))}; {@code +inf} when only the later one is
         * infinite; empty when both are infinite.
         */
        //@ pure
        public Optional<Divergence> contribution() {
            return Optional.ofNullable(contribution);
        }

        /** {@code E_mu[TC(X_B | X_S = x_S); round j happens]} along the data path (deterministic rules). */
        //@ pure
        public Optional<ExactReal> conditionalTC() {
            return Optional.ofNullable(conditionalTC);
        }

        /** {@code E_mu[sum_{i in B} ln(p*_i / p̂_i); round j happens]} along the data path (deterministic rules). */
        //@ pure
        public Optional<Divergence> predictorLogRatio() {
            return Optional.ofNullable(predictorLogRatio);
        }

        /** The probability that the process has a round {@code j}. */
        //@ pure
        public Rational samplerProbability() {
            return samplerProbability;
        }

        /** The probability under {@code mu} that the data path has a round {@code j} (deterministic rules). */
        //@ pure
        public Optional<Rational> dataProbability() {
            return Optional.ofNullable(dataProbability);
        }
    }

    //@ public invariant law() != null && sampler() != null && !rounds().isEmpty();
    private final Law law;
    private final Sampler sampler;
    private final String predictor;
    private final ProcessLaw processLaw;
    private final Divergence outputKL;
    private final List<Round> rounds;
    private final Divergence roundSum;
    private final Rational dataExpectedRounds;
    private final Divergence randomOrderKL;
    private final boolean identityHolds;

    private ProcessError(Law law, Sampler sampler, String predictor, ProcessLaw processLaw, Divergence outputKL,
                         List<Round> rounds, Divergence roundSum, Rational dataExpectedRounds, Divergence randomOrderKL,
                      boolean identityHolds) {
        this.law = law;
        this.sampler = sampler;
        this.predictor = predictor;
        this.processLaw = processLaw;
        this.outputKL = outputKL;
        this.rounds = Collections.unmodifiableList(rounds);
        this.roundSum = roundSum;
        this.dataExpectedRounds = dataExpectedRounds;
        this.randomOrderKL = randomOrderKL;
        this.identityHolds = identityHolds;
    }

    /**
     * Computes everything exactly.
     *
     * @throws IllegalArgumentException when the sampler was built for another length than the law
     * @throws InvalidInputException the sampler's size refusal, {@code law.too-large} or a predictor error
     */
    /*@ public behavior
      @   requires law != null && sampler != null && predictor != null;
      @   ensures \result.law() == law && \result.sampler() == sampler;
      @   signals_only InvalidInputException, IllegalArgumentException;
      @   signals (IllegalArgumentException) sampler.length() != law.length();
      @*/
    public static ProcessError compute(Law law, Sampler sampler, Predictor predictor) {
        return compute(law, sampler, predictor, null);
    }

    /**
     * As {@link #compute(Law, Sampler, Predictor)}, and with {@code comparison} (a schedule of the
     * law's length, or {@code null}) also the output KL of the random-order sampler with that
     * schedule, when its programme is within {@link SamplerError#MAX_WORK}.
     *
     * @throws IllegalArgumentException when the sampler or the comparison schedule was built for
     *     another length than the law
     * @throws InvalidInputException the sampler's size refusal, {@code law.too-large} or a predictor error
     */
    /*@ public behavior
      @   requires law != null && sampler != null && predictor != null;
      @   ensures \result.law() == law && \result.sampler() == sampler;
      @   signals_only InvalidInputException, IllegalArgumentException;
      @*/
    public static ProcessError compute(Law law, Sampler sampler, Predictor predictor,
                                       /*@ nullable @*/ Schedule comparison) {
        Objects.requireNonNull(law, "law");
        Objects.requireNonNull(sampler, "sampler");
        Objects.requireNonNull(predictor, "predictor");
        if (sampler.length() != law.length()) {
            throw new IllegalArgumentException("sampler " + sampler.spec() + " has length " + sampler.length()
                    + " but the law has length " + law.length());
        }
        if (comparison != null && comparison.length() != law.length()) {
            throw new IllegalArgumentException("schedule " + comparison + " has length " + comparison.length()
                    + " but the law has length " + law.length());
        }
        MarginalLattice.checkSize(law.alphabetSize(), law.length());
        sampler.checkSize(law.alphabetSize());
        MarginalLattice lat = MarginalLattice.of(law);
        PredictiveRows rows = new PredictiveRows(lat, predictor);
        ProcessLaw q = ProcessLaw.compute(rows, sampler);
        Divergence output = Divergence.kl(law, q.law());

        DataPath data = sampler.revealsByState() ? dataPath(rows, sampler) : null;
        int n = Math.max(q.steps(), data == null ? 0 : data.tc.size());
        List<Round> rounds = new ArrayList<>();
        Divergence prev = Divergence.finite(ExactReal.ZERO);
        Rational[] gPrev = completionFactors(lat, q, 0);
        boolean holds = true;
        ExactReal sum = ExactReal.ZERO;
        Divergence sumInf = null;
        for (int j = 1; j <= n; j++) {
            // after the process's last round Q^(j) = Q_pi
            Rational[] g = completionFactors(lat, q, j);
            Divergence cum = j >= q.steps() ? output : completionKL(lat, g);
            Divergence contribution;
            if (!cum.isInfinite()) {
                // one log-sum of ln g_{j-1} - ln g_j, rather than a difference of two exact reals
                contribution = Divergence.finite(difference(lat.law(), gPrev, g));
            } else {
                contribution = prev.isInfinite() ? null : cum;
            }
            Rational reached = Rational.ZERO;
            Map<Integer, Rational[]> before = q.layer(j - 1);
            for (Map.Entry<Integer, Rational[]> e : before.entrySet()) {
                if (e.getKey() != law.space().fullMask()) {
                    for (Rational p : e.getValue()) {
                        reached = p == null ? reached : reached.add(p);
                    }
                }
            }
            ExactReal tc = null;
            Divergence lr = null;
            Rational dp = null;
            if (data != null) {
                boolean has = j <= data.tc.size();
                tc = has ? data.tc.get(j - 1) : ExactReal.ZERO;
                lr = has ? data.lr.get(j - 1) : Divergence.finite(ExactReal.ZERO);
                dp = has ? data.reached.get(j - 1) : Rational.ZERO;
                if (sumInf == null && lr.isInfinite()) {
                    sumInf = lr;
                }
                if (!lr.isInfinite()) {
                    sum = sum.add(tc).add(lr.value());
                }
                // round j's contribution equals its data-path term
                if (contribution == null) {
                    holds &= lr.isInfinite() || prev.isInfinite();
                } else if (contribution.isInfinite()) {
                    holds &= lr.isInfinite();
                } else {
                    holds &= !lr.isInfinite() && contribution.value().equals(tc.add(lr.value()));
                }
            }
            ExactReal gap = data != null && data.gap != null ? (j <= data.gap.size() ? data.gap.get(j - 1)
                    : ExactReal.ZERO) : null;
            rounds.add(new Round(j, cum, contribution, tc, lr, reached, dp, gap));
            prev = cum;
            gPrev = g;
        }
        Divergence roundSum = null;
        Rational dataRounds = null;
        if (data != null) {
            roundSum = sumInf != null ? sumInf : Divergence.finite(sum);
            holds &= output.isInfinite() ? roundSum.isInfinite()
                    : !roundSum.isInfinite() && output.value().equals(roundSum.value());
            dataRounds = data.expectedRounds;
        }
        Divergence randomOrder = null;
        if (comparison != null && RandomOrder.work(law.alphabetSize(), comparison)
                .compareTo(BigInteger.valueOf(SamplerError.MAX_WORK)) <= 0) {
            randomOrder = Divergence.kl(law, ProcessLaw.compute(rows, RandomOrder.of(comparison)).law());
        }
        return new ProcessError(law, sampler, predictor.description(), q, output, rounds, roundSum, dataRounds,
                randomOrder, data == null || holds);
    }

    /**
     * {@code g_j(x) = sum_S P_j(S, x_S) / w_S(x_S)} for every outcome with {@code mu(x) > 0} (else
     * null), so that {@code Q^(j)(x) = w(x) g_j(x)} there.
     */
    private static Rational[] completionFactors(MarginalLattice lat, ProcessLaw q, int j) {
        Law law = lat.law();
        SequenceSpace sp = law.space();
        Map<Integer, Rational[]> layer = q.layer(j);
        Rational[] out = new Rational[sp.size()];
        for (int idx = 0; idx < sp.size(); idx++) {
            if (law.weight(idx).signum() == 0) {
                continue;
            }
            Rational g = Rational.ZERO;
            for (Map.Entry<Integer, Rational[]> e : layer.entrySet()) {
                int s = e.getKey();
                int ys = sp.project(idx, s);
                Rational p = e.getValue()[ys];
                if (p != null && !p.isZero()) {
                    g = g.add(p.divide(Rational.of(lat.marginal(s)[ys])));
                }
            }
            out[idx] = g;
        }
        return out;
    }

    /** {@code KL(mu || Q^(j))}: {@code sum_x (w/D) ln(mu(x) / (w(x) g(x))) = sum_x (w/D)(-ln D - ln g(x))}. */
    private static Divergence completionKL(MarginalLattice lat, Rational[] g) {
        Law law = lat.law();
        LogSum terms = new LogSum();
        for (int idx = 0; idx < g.length; idx++) {
            if (g[idx] == null) {
                continue;
            }
            if (g[idx].isZero()) {
                return Divergence.infinite(idx);
            }
            BigInteger w = law.weight(idx);
            terms.add(law.denominator(), w.negate());
            terms.add(g[idx], w.negate());
        }
        return Divergence.finite(terms.value(Rational.of(BigInteger.ONE, law.denominator())));
    }

    /** {@code KL(mu || Q^(j)) - KL(mu || Q^(j-1)) = sum_x (w/D)(ln g_{j-1}(x) - ln g_j(x))}, both finite. */
    private static ExactReal difference(Law law, Rational[] gPrev, Rational[] g) {
        LogSum terms = new LogSum();
        for (int idx = 0; idx < g.length; idx++) {
            if (g[idx] == null) {
                continue;
            }
            BigInteger w = law.weight(idx);
            terms.add(gPrev[idx], w);
            terms.add(g[idx], w.negate());
        }
        return terms.value(Rational.of(BigInteger.ONE, law.denominator()));
    }

    private static final class DataPath {
        final List<ExactReal> tc = new ArrayList<>();
        final List<Divergence> lr = new ArrayList<>();
        final List<Rational> reached = new ArrayList<>();
        /*@ nullable @*/ List<ExactReal> gap;
        Rational expectedRounds = Rational.ZERO;
    }

    /**
     * The one branch of a sampler that reveals by state: a batch of masked positions, tokens drawn
     * independently from the branch's rows.
     */
    private static Moves.Branch singleReveal(Sampler sampler, PredictiveRows rows, int j, int s, int values) {
        State st = State.of(rows, j, s, values, bd -> { });
        Moves mv = new Moves(st);
        sampler.step(st, mv);
        List<Moves.Branch> bs = mv.branches();
        Moves.Branch b = bs.get(0);
        int v = rows.lattice().law().alphabetSize();
        boolean tokens = true;
        for (int i : Context.positions(b.drawn)) {
            tokens &= b.rows[i].length == v;
        }
        if (bs.size() != 1 || b.selector != null || (b.drawn & s) != 0 || !tokens) {
            throw new IllegalStateException("the sampler " + sampler.spec() + " is declared to reveal by state, but"
                    + " its step " + j + " is not one batch of tokens");
        }
        return b;
    }

    /** {@code sum_{i in B} H(X_i | x_S) - max_{i in B} H(X_i | x_S)} at a data state, exact. */
    private static ExactReal entropyGap(MarginalLattice lat, int s, int values, int[] pos) {
        SequenceSpace sp = lat.law().space();
        BigInteger ws = lat.marginal(s)[values];
        ExactReal sum = ExactReal.ZERO;
        ExactReal max = null;
        for (int i : pos) {
            BigInteger[] wi = lat.marginal(s | (1 << i));
            Rational[] row = new Rational[sp.alphabetSize()];
            for (int a = 0; a < row.length; a++) {
                row[a] = Rational.of(wi[Context.extend(sp, s, values, i, a)], ws);
            }
            ExactReal h = Rows.entropy(row);
            sum = sum.add(h);
            max = max == null ? h : max.max(h);
        }
        return sum.subtract(max);
    }

    /** The round terms along the data's own path, from the lattice (independent of Q_pi). */
    private static DataPath dataPath(PredictiveRows rows, Sampler sampler) {
        MarginalLattice lat = rows.lattice();
        SequenceSpace sp = lat.law().space();
        BigInteger d = lat.law().denominator();
        Rational scale = Rational.of(BigInteger.ONE, d);
        int full = sp.fullMask();
        DataPath out = new DataPath();
        java.util.TreeMap<Integer, java.util.BitSet> cur = new java.util.TreeMap<>();
        java.util.BitSet start = new java.util.BitSet();
        start.set(0);
        cur.put(0, start);
        int[] x = new int[sp.length()];
        int fixed = sampler.fixedSteps();
        boolean gaps = sampler.entropyBudget().isPresent();
        if (gaps) {
            out.gap = new ArrayList<>();
        }
        for (int j = 1; !cur.isEmpty() && (fixed < 0 || j <= fixed); j++) {
            java.util.TreeMap<Integer, java.util.BitSet> next = new java.util.TreeMap<>();
            LogSum tc = new LogSum();
            LogSum lr = new LogSum();
            ExactReal gap = ExactReal.ZERO;
            Context offending = null;
            BigInteger reached = BigInteger.ZERO;
            for (Map.Entry<Integer, java.util.BitSet> e : cur.entrySet()) {
                int s = e.getKey();
                BigInteger[] ws = lat.marginal(s);
                for (int values = e.getValue().nextSetBit(0); values >= 0; values = e.getValue().nextSetBit(values + 1)) {
                    reached = reached.add(ws[values]);
                    Moves.Branch br = singleReveal(sampler, rows, j, s, values);
                    int b = br.drawn;
                    int t = s | b;
                    BigInteger[] wt = lat.marginal(t);
                    Context.decode(sp, s, values, x);
                    int[] pos = Context.positions(b);
                    Rational[][] r = br.rows;
                    if (gaps && pos.length > 0) {
                        gap = gap.add(entropyGap(lat, s, values, pos).multiply(Rational.of(ws[values], d)));
                    }
                    java.util.BitSet dst = t == full ? null : next.computeIfAbsent(t, k -> new java.util.BitSet());
                    int count = sp.power(pos.length);
                    for (int y = 0; y < count; y++) {
                        int rest = y;
                        for (int n = pos.length - 1; n >= 0; n--) {
                            x[pos[n]] = rest % sp.alphabetSize();
                            rest /= sp.alphabetSize();
                        }
                        int yt = Context.encode(sp, t, x);
                        BigInteger w = wt[yt];
                        if (w.signum() == 0) {
                            continue;
                        }
                        if (dst != null) {
                            dst.set(yt);
                        }
                        // ln mu(x_B | x_S) - sum_i ln mu(x_i | x_S), and sum_i ln(p*_i / p̂_i)
                        tc.add(w, w);
                        tc.add(ws[values], w.negate());
                        for (int i : pos) {
                            BigInteger wi = lat.marginal(s | (1 << i))[Context.extend(sp, s, values, i, x[i])];
                            tc.add(wi, w.negate());
                            tc.add(ws[values], w);
                            Rational p = r[i][x[i]];
                            if (p.isZero()) {
                                if (offending == null) {
                                    offending = Context.of(sp, s, values, i, x[i]);
                                }
                            } else if (offending == null) {
                                lr.add(wi, w);
                                lr.add(ws[values], w.negate());
                                lr.add(p, w.negate());
                            }
                        }
                    }
                }
            }
            Rational pr = Rational.of(reached, d);
            out.reached.add(pr);
            out.expectedRounds = out.expectedRounds.add(pr);
            out.tc.add(tc.value(scale));
            if (gaps) {
                out.gap.add(gap);
            }
            out.lr.add(offending != null ? Divergence.infinite(PredictorTerm.firstOutcome(lat, offending))
                    : Divergence.finite(lr.value(scale)));
            cur = next;
        }
        return out;
    }

    //@ pure helper
    public Law law() {
        return law;
    }

    //@ pure helper
    public Sampler sampler() {
        return sampler;
    }

    /** The predictor's description. */
    //@ pure
    public String predictor() {
        return predictor;
    }

    /** The exact output law and state laws. */
    //@ pure
    public ProcessLaw processLaw() {
        return processLaw;
    }

    /** {@code Q_pi}. */
    //@ pure
    public Law outputLaw() {
        return processLaw.law();
    }

    /** {@code KL(mu || Q_pi)}. */
    //@ pure
    public Divergence outputKL() {
        return outputKL;
    }

    /** The rounds, {@code 1..max(rounds of the process, rounds of the data path)}. */
    //@ pure helper
    public List<Round> rounds() {
        return rounds;
    }

    /** The right-hand side of the identity (deterministic rules): the sum of the round terms. */
    //@ ensures \result.isPresent() == sampler().revealsByState();
    //@ pure
    public Optional<Divergence> roundSum() {
        return Optional.ofNullable(roundSum);
    }

    /** The expected number of rounds of the process. */
    //@ pure
    public Rational expectedRounds() {
        return processLaw.expectedSteps();
    }

    /** The expected number of rounds along the data path (deterministic rules). */
    //@ ensures \result.isPresent() == sampler().revealsByState();
    //@ pure
    public Optional<Rational> dataExpectedRounds() {
        return Optional.ofNullable(dataExpectedRounds);
    }

    /** {@code KL(mu || nu)} of the random-order sampler with the rule's sizes (fixed-size rules within the work limit). */
    //@ pure
    public Optional<Divergence> randomOrderOutputKL() {
        return Optional.ofNullable(randomOrderKL);
    }

    /**
     * Whether the identity holds exactly, in total and per round (deterministic rules); always
     * {@code true} for {@code low-confidence}, where it is not claimed.
     */
    //@ pure
    public boolean identityHolds() {
        return identityHolds;
    }
}
