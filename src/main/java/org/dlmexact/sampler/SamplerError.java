package org.dlmexact.sampler;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dlmexact.law.Law;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.law.SequenceSpace;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.Divergence;
import org.dlmexact.info.InformationProfile;

/**
 * Every error of the random-order sampler for one law, schedule (reveal order) and predictor,
 * exact (theory.md sections 2 and 3). Immutable result of {@link #compute}.
 *
 * <ul>
 *   <li><b>pathAveragedKL</b> {@code E_B KL(mu || nu_B)} by brute force: with
 *       {@link Method#PARTITIONS} the literal average of {@link Divergence#kl} over every ordered
 *       partition; with {@link Method#CHAIN_RULE} the per-partition chain rule averaged per step,
 *       {@code sum_j avg_{C, B} E_mu[ln mu(X_B | X_C) - sum_{i in B} ln p̂_i(X_i | X_C)]} over
 *       {@code C} uniform of size {@code N_{j-1}} and {@code B} a uniform {@code k_j}-subset of the
 *       rest. {@link Method#AUTO} uses partitions when {@code L!/prod k_j! * V^L * L <=}
 *       {@value #PARTITIONS_LIMIT}.</li>
 *   <li><b>closed form</b> {@code Ideal(k)} ({@link IdealError}) plus the predictor term
 *       {@code sum_j (k_j/m_j) A(N_{j-1})}, where
 *       {@code A(c) = avg_{|C| = c} sum_{i not in C} E_mu[ln(p*_i(X_i|X_C) / p̂_i(X_i|X_C))]}
 *       {@code = avg_{|C|=c} sum_{i} E[KL(p*_i || p̂_i)(X_C)]}; {@code closedFormAgrees} is exact
 *       equality of the two (or both {@code +inf}).</li>
 *   <li><b>outputKL</b> {@code KL(mu || nu)} with {@code nu} from the dynamic programme of
 *       {@link ProcessLaw} ({@link RandomOrder}).</li>
 *   <li><b>training error</b> LC's {@code eps_train = sum_j P(j) (L/m_j) A(N_{j-1})} under
 *       {@code P(j) = k_j/L} (equal to the predictor term by definition) and under
 *       {@code P(j) = 1/T}.</li>
 *   <li><b>per-step terms</b> {@code E_{C,B} E_mu[TC(X_B | X_C = x_C)]} (brute) beside the
 *       closed-form term {@code sum_m (Z_{a+m} - Z_{a+1})}, and the expected predictor log-ratio
 *       of the batch beside {@code (k_j/m_j) A(N_{j-1})}.</li>
 * </ul>
 * An infinite error (the predictor gives probability 0 to a token the data can produce in a
 * context the schedule visits) is reported as {@code +inf} with the first offending context in
 * the order: visible-set size, visible mask, values index, position, token.
 *
 * <p>Cost: the chain rule and the output-law programme take {@link RandomOrder#work} exact terms
 * each; refused above {@value #MAX_WORK} ({@link #checkSize}). The closed form alone
 * ({@link IdealError#closedForm}) is cheap.
 */
public final class SamplerError {

    /** Largest {@link RandomOrder#work} accepted for brute force. */
    public static final long MAX_WORK = 1_000_000L;
    /** Largest total {@link OutputLaws#work} of the schedules of one run (error with several schedules, audit). */
    public static final long MAX_TOTAL_WORK = 5_000_000L;
    /** {@link Method#AUTO} averages over partitions when {@code partitions * V^L * L} is at most this. */
    public static final long PARTITIONS_LIMIT = 50_000L;

    /** How the path-averaged error is brute-forced. */
    public enum Method {
        /** Partitions when small enough, else the chain rule. */
        AUTO,
        /** The literal average of {@code KL(mu || nu_B)} over every ordered partition. */
        PARTITIONS,
        /** The per-partition chain rule, averaged per step. */
        CHAIN_RULE
    }

    /** The terms of one reverse step. Immutable. */
    public static final class StepTerms {
        //@ public invariant step() >= 1 && size() >= 1;
        private final int step;
        private final int size;
        private final int visibleBefore;
        private final ExactReal conditionalTC;
        private final ExactReal closedFormTerm;
        private final Divergence predictorLogRatio;
        private final Divergence predictorTerm;

        StepTerms(int step, int size, int visibleBefore, ExactReal conditionalTC, ExactReal closedFormTerm,
                  Divergence predictorLogRatio, Divergence predictorTerm) {
            this.step = step;
            this.size = size;
            this.visibleBefore = visibleBefore;
            this.conditionalTC = conditionalTC;
            this.closedFormTerm = closedFormTerm;
            this.predictorLogRatio = predictorLogRatio;
            this.predictorTerm = predictorTerm;
        }

        /** {@code j}, from 1. */
        //@ pure helper
        public int step() {
            return step;
        }

        /** {@code k_j}. */
        //@ pure helper
        public int size() {
            return size;
        }

        /** {@code N_{j-1}}. */
        //@ pure
        public int visibleBefore() {
            return visibleBefore;
        }

        /** {@code E_{C,B} E_mu[TC(X_B | X_C = x_C)]}, brute force. */
        //@ pure
        public ExactReal conditionalTC() {
            return conditionalTC;
        }

        /** {@code sum_{m=1..k_j} (Z_{N_{j-1}+m} - Z_{N_{j-1}+1})}. */
        //@ pure
        public ExactReal closedFormTerm() {
            return closedFormTerm;
        }

        /** {@code E_{C,B} E_mu[sum_{i in B} ln(p*_i / p̂_i)]}, brute force. */
        //@ pure
        public Divergence predictorLogRatio() {
            return predictorLogRatio;
        }

        /** {@code (k_j/m_j) A(N_{j-1})}, the closed form of the predictor log-ratio. */
        //@ pure
        public Divergence predictorTerm() {
            return predictorTerm;
        }
    }

    //@ public invariant law() != null && schedule() != null && steps().size() == schedule().steps();
    private final Law law;
    private final Schedule schedule;
    private final String predictor;
    private final Method method;
    private final Divergence pathAveragedKL;
    private final Divergence chainRuleKL;
    private final Divergence outputKL;
    private final ExactReal idealError;
    private final Divergence predictorError;
    private final Divergence closedForm;
    private final Divergence trainingStepWeighted;
    private final Divergence trainingUniform;
    private final List<StepTerms> steps;
    private final Context infiniteContext;
    private final ProcessLaw samplerLaw;

    private SamplerError(Builder b) {
        this.law = b.law;
        this.schedule = b.schedule;
        this.predictor = b.predictor;
        this.method = b.method;
        this.pathAveragedKL = b.pathAveragedKL;
        this.chainRuleKL = b.chainRuleKL;
        this.outputKL = b.outputKL;
        this.idealError = b.idealError;
        this.predictorError = b.predictorError;
        this.closedForm = b.closedForm;
        this.trainingStepWeighted = b.trainingStepWeighted;
        this.trainingUniform = b.trainingUniform;
        this.steps = Collections.unmodifiableList(b.steps);
        this.infiniteContext = b.infiniteContext;
        this.samplerLaw = b.samplerLaw;
    }

    private static final class Builder {
        Law law;
        Schedule schedule;
        String predictor;
        Method method;
        Divergence pathAveragedKL;
        Divergence chainRuleKL;
        Divergence outputKL;
        ExactReal idealError;
        Divergence predictorError;
        Divergence closedForm;
        Divergence trainingStepWeighted;
        Divergence trainingUniform;
        List<StepTerms> steps = new ArrayList<>();
        Context infiniteContext;
        ProcessLaw samplerLaw;
    }

    /**
     * Refuses up front, with the estimate, a brute force whose work exceeds {@link #MAX_WORK}.
     *
     * @throws InvalidInputException {@code sampler.too-large}
     */
    /*@ public normal_behavior
      @   requires schedule != null && v >= 2 && RandomOrder.work(v, schedule).compareTo(BigInteger.valueOf(MAX_WORK)) <= 0;
      @ also public exceptional_behavior
      @   requires schedule != null && v >= 2 && RandomOrder.work(v, schedule).compareTo(BigInteger.valueOf(MAX_WORK)) > 0;
      @   signals_only InvalidInputException;
      @ pure @*/
    public static void checkSize(int v, Schedule schedule) {
        BigInteger w = RandomOrder.work(v, schedule);
        if (w.compareTo(BigInteger.valueOf(MAX_WORK)) > 0) {
            throw new InvalidInputException("sampler.too-large", "too large for brute force: alphabet size " + v
                    + ", length " + schedule.length() + " and schedule " + schedule + " need about " + w
                    + " exact terms (sum_j C(L,N_{j-1}) C(m_j,k_j) V^{N_j}); the limit is " + MAX_WORK
                    + "; the closed form alone is still available (error --closed-form-only)");
        }
    }

    /**
     * Refuses up front, with the estimate, a run over {@code schedules} (for example {@code all})
     * when one of them exceeds {@link #MAX_WORK} ({@link #checkSize(int, Schedule)}) or all together
     * exceed {@link #MAX_TOTAL_WORK}.
     *
     * @throws InvalidInputException {@code sampler.too-large}
     */
    /*@ public behavior
      @   requires schedules != null && v >= 2;
      @   signals_only InvalidInputException;
      @ pure @*/
    public static void checkSize(int v, java.util.List<Schedule> schedules) {
        BigInteger total = BigInteger.ZERO;
        for (Schedule s : schedules) {
            checkSize(v, s);
            total = total.add(RandomOrder.work(v, s));
        }
        if (total.compareTo(BigInteger.valueOf(MAX_TOTAL_WORK)) > 0) {
            throw new InvalidInputException("sampler.too-large", "too large for brute force: the " + schedules.size()
                    + " schedules together need about " + total + " exact terms for alphabet size " + v + " and length "
                    + schedules.get(0).length() + "; the limit for one run is " + MAX_TOTAL_WORK
                    + "; give fewer schedules, or use --closed-form-only");
        }
    }

    /** As {@link #compute(Law, Schedule, Predictor, Method)} with {@link Method#AUTO}. */
    /*@ public behavior
      @   requires law != null && schedule != null && predictor != null && schedule.length() == law.length();
      @   ensures \result.law() == law && \result.schedule() == schedule;
      @   signals_only InvalidInputException, IllegalArgumentException;
      @ also public exceptional_behavior
      @   requires law != null && schedule != null && predictor != null && schedule.length() != law.length();
      @   signals_only IllegalArgumentException;
      @*/
    public static SamplerError compute(Law law, Schedule schedule, Predictor predictor) {
        return compute(law, schedule, predictor, Method.AUTO);
    }

    /**
     * Computes every error exactly.
     *
     * For a schedule of the law's length, one {@code behavior} case: the size limits and the
     * predictor's rows decide whether it returns.
     *
     * @throws IllegalArgumentException when the schedule's length differs from the law's, or the
     *     predictor was built for another space
     * @throws InvalidInputException {@code sampler.too-large}, {@code law.too-large}, or a
     *     predictor error ({@code predictor.missing-context}, {@code predictor.row-sum}, ...)
     */
    /*@ public behavior
      @   requires law != null && schedule != null && predictor != null && method != null;
      @   requires schedule.length() == law.length();
      @   ensures \result.law() == law && \result.schedule() == schedule;
      @   signals_only InvalidInputException, IllegalArgumentException;
      @ also public exceptional_behavior
      @   requires law != null && schedule != null && predictor != null && method != null;
      @   requires schedule.length() != law.length();
      @   signals_only IllegalArgumentException;
      @*/
    public static SamplerError compute(Law law, Schedule schedule, Predictor predictor, Method method) {
        Objects.requireNonNull(law, "law");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(predictor, "predictor");
        Objects.requireNonNull(method, "method");
        if (schedule.length() != law.length()) {
            throw new IllegalArgumentException("schedule " + schedule + " has length " + schedule.length()
                    + " but the law has length " + law.length());
        }
        checkSize(law.alphabetSize(), schedule);
        InformationProfile info = InformationProfile.of(law);
        MarginalLattice lattice = info.entropies().lattice();
        PredictiveRows rows = new PredictiveRows(lattice, predictor);
        SequenceSpace sp = law.space();
        int l = law.length();
        int t = schedule.steps();
        Builder b = new Builder();
        b.law = law;
        b.schedule = schedule;
        b.predictor = predictor.description();

        // closed form: Ideal(k) and the predictor term
        b.idealError = IdealError.closedForm(info, schedule);
        PredictorTerm pt = PredictorTerm.compute(rows, schedule);
        Context witness = pt.infiniteContext().orElse(null);
        b.infiniteContext = witness;
        Divergence infinite = witness == null ? null : pt.total();
        List<Divergence> stepPredictor = pt.stepTerms();
        b.predictorError = pt.total();
        b.trainingStepWeighted = pt.total();
        b.trainingUniform = pt.uniformSteps();
        b.closedForm = witness == null ? Divergence.finite(b.idealError.add(pt.total().value())) : infinite;

        // brute force, per step by the chain rule
        ExactReal chain = ExactReal.ZERO;
        boolean chainInfinite = false;
        for (int j = 1; j <= t; j++) {
            ExactReal[] st = stepChainRule(rows, schedule, j);
            ExactReal tc = st[0];
            Divergence lr = st[1] == null ? null : Divergence.finite(st[1]);
            if (st[1] == null) {
                chainInfinite = true;
            } else {
                chain = chain.add(tc).add(st[1]);
            }
            b.steps.add(new StepTerms(j, schedule.size(j), schedule.revealed(j - 1), tc,
                    IdealError.stepTerm(info, schedule, j), lr == null ? stepPredictor.get(j - 1) : lr,
                    stepPredictor.get(j - 1)));
            if (lr == null != stepPredictor.get(j - 1).isInfinite()) {
                throw new IllegalStateException("step " + j + ": chain rule and closed form disagree on infinity");
            }
        }
        if (chainInfinite && infinite == null) {
            throw new IllegalStateException("chain rule infinite but no offending context found");
        }
        b.chainRuleKL = chainInfinite ? infinite : Divergence.finite(chain);

        Method m = method;
        if (m == Method.AUTO) {
            BigInteger lit = Partitions.partitionCount(schedule).multiply(BigInteger.valueOf(sp.size()))
                    .multiply(BigInteger.valueOf(l));
            m = lit.compareTo(BigInteger.valueOf(PARTITIONS_LIMIT)) <= 0 ? Method.PARTITIONS : Method.CHAIN_RULE;
        }
        b.method = m;
        if (m == Method.PARTITIONS) {
            b.pathAveragedKL = partitionAverage(rows, schedule, law);
        } else {
            b.pathAveragedKL = b.chainRuleKL;
        }
        ProcessLaw nu = ProcessLaw.compute(rows, RandomOrder.of(schedule));
        b.samplerLaw = nu;
        b.outputKL = Divergence.kl(law, nu.law());
        return new SamplerError(b);
    }

    private static Divergence partitionAverage(PredictiveRows rows, Schedule schedule, Law law) {
        ExactReal[] sum = {ExactReal.ZERO};
        Divergence[] inf = {null};
        Partitions.forEachPartition(schedule, blocks -> {
            if (inf[0] != null) {
                return;
            }
            Divergence d = Divergence.kl(law, Partitions.forPartition(rows, blocks.clone()));
            if (d.isInfinite()) {
                inf[0] = d;
            } else {
                sum[0] = sum[0].add(d.value());
            }
        });
        if (inf[0] != null) {
            return inf[0];
        }
        return Divergence.finite(sum[0].divide(Rational.of(Partitions.partitionCount(schedule))));
    }

    /** {tc_j, logRatio_j} by the chain rule; logRatio_j null when infinite. */
    private static ExactReal[] stepChainRule(PredictiveRows rows, Schedule s, int j) {
        MarginalLattice lat = rows.lattice();
        SequenceSpace sp = lat.law().space();
        int c = s.revealed(j - 1);
        int k = s.size(j);
        LogSum tc = new LogSum();
        LogSum lr = new LogSum();
        boolean infinite = false;
        int[] x = new int[sp.length()];
        for (int mask = 0; mask <= sp.fullMask(); mask++) {
            if (Integer.bitCount(mask) != c) {
                continue;
            }
            BigInteger[] wc = lat.marginal(mask);
            int free = sp.fullMask() & ~mask;
            for (int bm = free; bm != 0; bm = (bm - 1) & free) {
                if (Integer.bitCount(bm) != k) {
                    continue;
                }
                int cb = mask | bm;
                BigInteger[] wcb = lat.marginal(cb);
                int[] pos = Context.positions(bm);
                for (int y = 0; y < wcb.length; y++) {
                    BigInteger w = wcb[y];
                    if (w.signum() == 0) {
                        continue;
                    }
                    Context.decode(sp, cb, y, x);
                    int yc = Context.encode(sp, mask, x);
                    BigInteger wC = wc[yc];
                    // ln mu(x_B | x_C) = ln w_CB - ln w_C
                    tc.add(w, w);
                    tc.add(wC, w.negate());
                    for (int i : pos) {
                        BigInteger wci = lat.marginal(mask | (1 << i))[Context.extend(sp, mask, yc, i, x[i])];
                        // - ln p*_i = -(ln w_Ci - ln w_C);  + ln p*_i - ln p̂_i
                        tc.add(wci, w.negate());
                        tc.add(wC, w);
                        if (!infinite) {
                            Rational p = rows.row(mask, yc, i)[x[i]];
                            if (p.isZero()) {
                                infinite = true;
                            } else {
                                lr.add(wci, w);
                                lr.add(wC, w.negate());
                                lr.add(p, w.negate());
                            }
                        }
                    }
                }
            }
        }
        BigInteger count = InformationProfile.binomial(sp.length(), c)
                .multiply(InformationProfile.binomial(s.masked(j), k));
        Rational scale = Rational.of(BigInteger.ONE, lat.law().denominator().multiply(count));
        return new ExactReal[] {tc.value(scale), infinite ? null : lr.value(scale)};
    }

    //@ pure helper
    public Law law() {
        return law;
    }

    //@ pure helper
    public Schedule schedule() {
        return schedule;
    }

    /** The predictor's description. */
    //@ pure
    public String predictor() {
        return predictor;
    }

    /** The reveal-order sizes {@code k_1..k_T}. */
    //@ pure
    public int[] revealOrder() {
        return schedule.sizes();
    }

    /** The brute-force method used for {@link #pathAveragedKL()} (never AUTO). */
    //@ pure
    public Method method() {
        return method;
    }

    /** {@code E_B KL(mu || nu_B)} by brute force. */
    //@ pure
    public Divergence pathAveragedKL() {
        return pathAveragedKL;
    }

    /** {@code E_B KL(mu || nu_B)} by the per-step chain rule (equal to the above when both are computed). */
    //@ pure
    public Divergence chainRuleKL() {
        return chainRuleKL;
    }

    /** {@code KL(mu || nu)}. */
    //@ pure
    public Divergence outputKL() {
        return outputKL;
    }

    /** {@code Ideal(k)}, the closed form with the optimal predictor. */
    //@ pure
    public ExactReal idealError() {
        return idealError;
    }

    /** The predictor term {@code sum_j (k_j/m_j) A(N_{j-1})}. */
    //@ pure
    public Divergence predictorError() {
        return predictorError;
    }

    /** {@code Ideal(k) +} the predictor term. */
    //@ pure
    public Divergence closedForm() {
        return closedForm;
    }

    /** Whether brute force and closed form are exactly equal (or both {@code +inf}). */
    //@ pure
    public boolean closedFormAgrees() {
        return agree(pathAveragedKL, closedForm) && agree(chainRuleKL, closedForm);
    }

    private static boolean agree(Divergence x, Divergence y) {
        return x.isInfinite() ? y.isInfinite() : !y.isInfinite() && x.value().equals(y.value());
    }

    /** LC's {@code eps_train} with {@code P(step j) = k_j / L}. */
    //@ pure
    public Divergence trainingErrorStepWeighted() {
        return trainingStepWeighted;
    }

    /** LC's {@code eps_train} with {@code P(step j) = 1 / T}. */
    //@ pure
    public Divergence trainingErrorUniformSteps() {
        return trainingUniform;
    }

    /** The terms of each reverse step, in order. */
    //@ pure helper
    public List<StepTerms> steps() {
        return steps;
    }

    /** The first offending context when the path error is infinite. */
    //@ pure
    public Optional<Context> infiniteContext() {
        return Optional.ofNullable(infiniteContext);
    }

    /** The sampler's output law {@code nu}. */
    //@ pure
    public Law outputLaw() {
        return samplerLaw.law();
    }

    /** The sampler's output law with the state law after every reverse step. */
    //@ pure
    public ProcessLaw samplerLaw() {
        return samplerLaw;
    }
}
