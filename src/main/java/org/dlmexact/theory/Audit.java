package org.dlmexact.theory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.dlmexact.law.Law;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.Divergence;
import org.dlmexact.info.InformationCurve;
import org.dlmexact.info.InformationProfile;
import org.dlmexact.sampler.IdealError;
import org.dlmexact.sampler.Predictor;
import org.dlmexact.sampler.SamplerError;
import org.dlmexact.sampler.Schedule;

/**
 * The theory audit of one law: for each schedule the sampler's exact errors next to every bound
 * that applies to it, and for the law the identities, the recursion, the lower bound under each
 * reading, the optimal schedules and the Theorem 9 schedules. Every verdict is exact. A failing
 * check is a finding in the report, never an exception.
 *
 * <p>Two kinds: {@link #run} enumerates the law (brute-force and output errors included);
 * {@link #runClosedForm} needs only an information curve (a structured law at any length), with the
 * optimal predictor: the path error is then the closed form {@code Ideal(k)} (Chen-Cong-Li
 * Theorem 4), and every check that needs the law itself is listed in {@link #skipped()} with the
 * reason.
 */
public final class Audit {

    public static final String ID_THEOREM_4 = "chen-cong-li-theorem-4";
    public static final String ID_OUTPUT_LE_PATH = "output-le-path";
    /** Largest L for the law-level checks that enumerate all compositions. */
    public static final int MAX_ENUMERATION_LENGTH = LiCaiRecursion.MAX_LENGTH;

    /** Receives progress reports (schedule {@code done} of {@code total}). */
    public interface Progress {
        //@ requires 0 <= done && done <= total;
        void report(int done, int total, Schedule schedule);
    }

    /** What to check besides the per-schedule bounds. */
    public static final class Options {
        private final List<LiCaiTheorem2.Reading> readings;
        private final List<Rational> targets;

        //@ requires readings != null && targets != null;
        public Options(List<LiCaiTheorem2.Reading> readings, List<Rational> targets) {
            this.readings = List.copyOf(readings);
            this.targets = List.copyOf(targets);
            for (Rational t : targets) {
                if (t.signum() <= 0) {
                    throw new org.dlmexact.exact.InvalidInputException("option.epsilon",
                            "--epsilon targets must be positive, got " + t);
                }
            }
        }

        /** All four readings, targets 1/4, 1/16, 1/64 nats. */
        //@ pure
        public static Options defaults() {
            return new Options(List.of(LiCaiTheorem2.Reading.values()),
                    List.of(Rational.of(1, 4), Rational.of(1, 16), Rational.of(1, 64)));
        }

        //@ pure
        public List<LiCaiTheorem2.Reading> readings() {
            return readings;
        }

        //@ pure
        public List<Rational> targets() {
            return targets;
        }
    }

    /** A check that was not run, and why. */
    public static final class Skipped {
        private final String id;
        private final String scope;
        private final String reason;

        Skipped(String id, String scope, String reason) {
            this.id = id;
            this.scope = scope;
            this.reason = reason;
        }

        /** The check's id. */
        //@ pure
        public String id() {
            return id;
        }

        /** {@code schedule} (skipped for every schedule) or {@code law}. */
        //@ pure
        public String scope() {
            return scope;
        }

        /** Why it was not run. */
        //@ pure
        public String reason() {
            return reason;
        }
    }

    /** One schedule: the sampler's errors (or, in a closed-form audit, only {@code Ideal(k)}) and the checks on them. */
    public static final class Row {
        private final Schedule schedule;
        private final /*@ nullable @*/ SamplerError error;
        private final ExactReal ideal;
        private final List<Check> checks;

        Row(SamplerError error, List<Check> checks) {
            this.schedule = error.schedule();
            this.error = error;
            this.ideal = error.idealError();
            this.checks = Collections.unmodifiableList(checks);
        }

        Row(Schedule schedule, ExactReal ideal, List<Check> checks) {
            this.schedule = schedule;
            this.error = null;
            this.ideal = ideal;
            this.checks = Collections.unmodifiableList(checks);
        }

        /** The sampler's errors by enumeration, or null in a closed-form audit. */
        //@ pure
        public /*@ nullable @*/ SamplerError error() {
            return error;
        }

        //@ pure
        public Schedule schedule() {
            return schedule;
        }

        /** {@code Ideal(k)}, the closed form of the optimal predictor's path error. */
        //@ pure
        public ExactReal idealError() {
            return ideal;
        }

        /** The path-averaged error: brute force when enumerated, else the closed form {@code Ideal(k)} (optimal predictor). */
        //@ pure
        public Divergence pathAveragedKL() {
            return error != null ? error.pathAveragedKL() : Divergence.finite(ideal);
        }

        /** The output error {@code KL(mu || nu)}, or null in a closed-form audit. */
        //@ pure
        public /*@ nullable @*/ Divergence outputKL() {
            return error != null ? error.outputKL() : null;
        }

        /** The step-weighted training error ({@code 0} for the optimal predictor of a closed-form audit). */
        //@ pure
        public Divergence trainingErrorStepWeighted() {
            return error != null ? error.trainingErrorStepWeighted() : Divergence.finite(ExactReal.ZERO);
        }

        //@ pure
        public List<Check> checks() {
            return checks;
        }
    }

    //@ public invariant info() != null && rows() != null && lawChecks() != null && skipped() != null;
    private final /*@ nullable @*/ Law law;
    private final InformationCurve info;
    private final String predictor;
    private final List<Row> rows;
    private final List<Check> lawChecks;
    private final List<ChenCongLiOptimalSchedule.Optimum> optima;
    private final List<Skipped> skipped;

    private Audit(/*@ nullable @*/ Law law, InformationCurve info, String predictor, List<Row> rows, List<Check> lawChecks,
                  List<ChenCongLiOptimalSchedule.Optimum> optima, List<Skipped> skipped) {
        this.law = law;
        this.info = info;
        this.predictor = predictor;
        this.rows = Collections.unmodifiableList(rows);
        this.lawChecks = Collections.unmodifiableList(lawChecks);
        this.optima = Collections.unmodifiableList(optima);
        this.skipped = Collections.unmodifiableList(skipped);
    }

    /** The checks of one schedule's exact errors. */
    /*@ public normal_behavior
      @   requires info != null && error != null;
      @ pure @*/
    public static List<Check> scheduleChecks(InformationCurve info, SamplerError error, boolean optimalPredictor) {
        Schedule k = error.schedule();
        ExactReal sumI = info.sumMutualInformation();
        Divergence eps = error.trainingErrorStepWeighted();
        List<Check> out = new ArrayList<>();
        out.add(LiCaiTheorem1.check(k, error.pathAveragedKL(), sumI, eps));
        if (LiCaiCorollary1.applies(k)) {
            out.add(LiCaiCorollary1.check(k, error.pathAveragedKL(), sumI, eps));
        }
        out.add(Check.of(ID_THEOREM_4, Sources.CHEN_CONG_LI + ", Theorem 4 / Theorem 16",
                optimalPredictor ? Confidence.PAPER : Confidence.DERIVED, Relation.EQ, error.pathAveragedKL(), error.closedForm(),
                "brute-force E_B KL (" + error.method().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                        + ") = closed form Ideal(k) + predictor term"));
        out.addAll(ChenCongLiChain.checks(info, k, error.idealError()));
        out.add(Check.of(ID_OUTPUT_LE_PATH, "convexity of KL (Li-Cai v1 metric vs v2 metric)", Confidence.DERIVED,
                Relation.LE, error.outputKL(), error.pathAveragedKL(), "KL(mu||nu) <= E_B KL(mu||nu_B)"));
        return out;
    }

    /**
     * The checks of one schedule from the information curve alone (closed-form audit, optimal
     * predictor): Li-Cai Theorem 1 and Corollary 1 with the path error {@code Ideal(k)} and
     * {@code eps_train = 0}, and both links of the F.1 chain.
     */
    /*@ public normal_behavior
      @   requires info != null && schedule != null && ideal != null;
      @ pure @*/
    public static List<Check> closedFormScheduleChecks(InformationCurve info, Schedule schedule, ExactReal ideal) {
        ExactReal sumI = info.sumMutualInformation();
        Divergence path = Divergence.finite(ideal);
        Divergence eps = Divergence.finite(ExactReal.ZERO);
        List<Check> out = new ArrayList<>();
        out.add(LiCaiTheorem1.check(schedule, path, sumI, eps));
        if (LiCaiCorollary1.applies(schedule)) {
            out.add(LiCaiCorollary1.check(schedule, path, sumI, eps));
        }
        out.addAll(ChenCongLiChain.checks(info, schedule, ideal));
        return out;
    }

    /** The per-schedule checks a closed-form audit cannot run, and why. */
    /*@ public normal_behavior
      @   ensures \result.size() == 2;
      @ pure @*/
    public static List<Skipped> closedFormSkips() {
        return List.of(
                new Skipped(ID_THEOREM_4, "schedule", "needs the brute-force path error, an average over the V^L outcomes"
                        + " of the law; the closed form Ideal(k) is reported as the path error instead"),
                new Skipped(ID_OUTPUT_LE_PATH, "schedule", "needs the output law nu of the sampler over the V^L"
                        + " outcomes"));
    }

    /** The law-level checks that enumerate compositions, skipped above {@code MAX_ENUMERATION_LENGTH}. */
    /*@ public normal_behavior
      @   requires l >= 1;
      @ pure @*/
    public static List<Skipped> enumerationSkips(int l) {
        if (l <= MAX_ENUMERATION_LENGTH) {
            return List.of();
        }
        String why = "enumerates all 2^(L-1) compositions of L, limited to L <= " + MAX_ENUMERATION_LENGTH
                + " (L = " + l + ")";
        return List.of(new Skipped(LiCaiRecursion.ID, "law", why),
                new Skipped(LiCaiTheorem2.ID, "law", why),
                new Skipped(LiCaiTheorem2.ID_FUNCTIONAL, "law", "reported with " + LiCaiTheorem2.ID + ", which " + why),
                new Skipped(ChenCongLiOptimalSchedule.ID, "law", "compares the dynamic programme with the minimum over"
                        + " all compositions, which " + why + "; the programme's optima are still listed"));
    }

    /** The law-level checks (need {@code L <= MAX_ENUMERATION_LENGTH} for the enumerating ones). */
    /*@ public normal_behavior
      @   requires info != null && options != null;
      @ pure @*/
    public static List<Check> lawChecks(InformationCurve info, Options options) {
        List<Check> out = new ArrayList<>(InformationIdentities.all(info));
        if (info.length() <= MAX_ENUMERATION_LENGTH) {
            out.addAll(LiCaiRecursion.checks(info));
            for (LiCaiTheorem2.Reading r : options.readings()) {
                out.addAll(LiCaiTheorem2.checks(info, r));
            }
            out.addAll(ChenCongLiOptimalSchedule.checks(info));
        }
        for (ChenCongLiTheorem9.Version v : ChenCongLiTheorem9.Version.values()) {
            for (Rational eps : options.targets()) {
                out.addAll(ChenCongLiTheorem9.checks(info, v, eps));
            }
        }
        return out;
    }

    /** Runs the audit. */
    /*@ public normal_behavior
      @   requires law != null && schedules != null && !schedules.isEmpty() && predictor != null && options != null;
      @   ensures \result.rows().size() == schedules.size();
      @*/
    public static Audit run(Law law, List<Schedule> schedules, Predictor predictor, Options options, Progress progress) {
        Objects.requireNonNull(law, "law");
        Objects.requireNonNull(predictor, "predictor");
        Objects.requireNonNull(options, "options");
        if (schedules.isEmpty()) {
            throw new IllegalArgumentException("no schedule to audit");
        }
        SamplerError.checkSize(law.alphabetSize(), schedules);
        InformationProfile info = InformationProfile.of(law);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < schedules.size(); i++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.util.concurrent.CancellationException("audit interrupted");
            }
            SamplerError e = SamplerError.compute(law, schedules.get(i), predictor);
            rows.add(new Row(e, scheduleChecks(info, e, predictor.isOptimal())));
            if (progress != null) {
                progress.report(i + 1, schedules.size(), schedules.get(i));
            }
        }
        List<ChenCongLiOptimalSchedule.Optimum> optima = ChenCongLiOptimalSchedule.optimise(info);
        return new Audit(law, info, predictor.description(), rows, lawChecks(info, options), optima,
                enumerationSkips(law.length()));
    }

    /**
     * The audit from an information curve alone, with the optimal predictor: per schedule
     * {@link #closedFormScheduleChecks}; the law-level checks; the optimal schedules; and the skipped
     * checks with their reasons.
     */
    /*@ public normal_behavior
      @   requires info != null && schedules != null && !schedules.isEmpty() && options != null;
      @   requires info.length() <= ChenCongLiOptimalSchedule.MAX_LENGTH;
      @   ensures \result.rows().size() == schedules.size() && \result.law() == null;
      @*/
    public static Audit runClosedForm(InformationCurve info, List<Schedule> schedules, Options options, Progress progress) {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(options, "options");
        if (schedules.isEmpty()) {
            throw new IllegalArgumentException("no schedule to audit");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < schedules.size(); i++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.util.concurrent.CancellationException("audit interrupted");
            }
            Schedule s = schedules.get(i);
            ExactReal ideal = IdealError.closedForm(info, s);
            rows.add(new Row(s, ideal, closedFormScheduleChecks(info, s, ideal)));
            if (progress != null) {
                progress.report(i + 1, schedules.size(), s);
            }
        }
        List<ChenCongLiOptimalSchedule.Optimum> optima = ChenCongLiOptimalSchedule.optimise(info);
        List<Skipped> skipped = new ArrayList<>(closedFormSkips());
        skipped.addAll(enumerationSkips(info.length()));
        return new Audit(null, info, "optimal", rows, lawChecks(info, options), optima, skipped);
    }

    /** The enumerated law, or null for a closed-form audit. */
    //@ pure
    public /*@ nullable @*/ Law law() {
        return law;
    }

    //@ pure
    public InformationCurve info() {
        return info;
    }

    /** Whether this audit ran from the information curve alone ({@link #runClosedForm}). */
    //@ ensures \result == (law() == null);
    //@ pure
    public boolean closedForm() {
        return law == null;
    }

    /** The checks that were not run, with the reason for each. */
    //@ pure
    public List<Skipped> skipped() {
        return skipped;
    }

    //@ pure
    public String predictor() {
        return predictor;
    }

    //@ pure
    public List<Row> rows() {
        return rows;
    }

    //@ pure
    public List<Check> lawChecks() {
        return lawChecks;
    }

    /** The optimal schedule for each {@code T = 1..L}. */
    //@ pure
    public List<ChenCongLiOptimalSchedule.Optimum> optima() {
        return optima;
    }

    /** Every check, per-schedule ones first. */
    //@ pure
    public List<Check> allChecks() {
        List<Check> all = new ArrayList<>();
        for (Row r : rows) {
            all.addAll(r.checks());
        }
        all.addAll(lawChecks);
        return all;
    }

    /** Checks that must hold (confidence paper or derived) but do not: each is a finding against us or the paper. */
    //@ pure
    public List<Check> mustHoldFailures() {
        List<Check> out = new ArrayList<>();
        for (Check c : allChecks()) {
            if (!c.verdict().holds() && c.confidence() != Confidence.RECONSTRUCTED) {
                out.add(c);
            }
        }
        return out;
    }

    /** Failures of checks resting on a reconstructed statement (findings about the reconstruction). */
    //@ pure
    public List<Check> reconstructedFailures() {
        List<Check> out = new ArrayList<>();
        for (Check c : allChecks()) {
            if (!c.verdict().holds() && c.confidence() == Confidence.RECONSTRUCTED) {
                out.add(c);
            }
        }
        return out;
    }

    /** The schedules (as text) of the rows where Li-Cai Theorem 1 holds with equality. */
    //@ pure
    public List<String> theorem1Equalities() {
        List<String> out = new ArrayList<>();
        for (Schedule s : theorem1EqualitySchedules()) {
            out.add(s.toString());
        }
        return out;
    }

    /** The schedules of the rows where Li-Cai Theorem 1 holds with equality. */
    //@ pure
    public List<Schedule> theorem1EqualitySchedules() {
        List<Schedule> out = new ArrayList<>();
        for (Row r : rows) {
            for (Check c : r.checks()) {
                if (c.id().equals(LiCaiTheorem1.ID) && c.verdict() == Verdict.EQUALITY) {
                    out.add(r.schedule());
                }
            }
        }
        return out;
    }
}
