package org.dlmexact.theory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.dlmexact.law.Law;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.Divergence;
import org.dlmexact.info.InformationProfile;
import org.dlmexact.sampler.Predictor;
import org.dlmexact.sampler.SamplerError;
import org.dlmexact.sampler.Schedule;

/**
 * The theory audit of one law: for each schedule the sampler's exact errors next to every bound
 * that applies to it, and for the law the identities, the recursion, the lower bound under each
 * reading, the optimal schedules and the Theorem 9 schedules. Every verdict is exact. A failing
 * check is a finding in the report, never an exception.
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

    /** One schedule: the sampler's errors and the checks on them. */
    public static final class Row {
        private final SamplerError error;
        private final List<Check> checks;

        Row(SamplerError error, List<Check> checks) {
            this.error = error;
            this.checks = Collections.unmodifiableList(checks);
        }

        //@ pure
        public SamplerError error() {
            return error;
        }

        //@ pure
        public Schedule schedule() {
            return error.schedule();
        }

        //@ pure
        public List<Check> checks() {
            return checks;
        }
    }

    //@ public invariant law() != null && rows() != null && lawChecks() != null;
    private final Law law;
    private final InformationProfile info;
    private final String predictor;
    private final List<Row> rows;
    private final List<Check> lawChecks;
    private final List<ChenCongLiOptimalSchedule.Optimum> optima;

    private Audit(Law law, InformationProfile info, String predictor, List<Row> rows, List<Check> lawChecks,
                  List<ChenCongLiOptimalSchedule.Optimum> optima) {
        this.law = law;
        this.info = info;
        this.predictor = predictor;
        this.rows = Collections.unmodifiableList(rows);
        this.lawChecks = Collections.unmodifiableList(lawChecks);
        this.optima = Collections.unmodifiableList(optima);
    }

    /** The checks of one schedule's exact errors. */
    /*@ public normal_behavior
      @   requires info != null && error != null;
      @ pure @*/
    public static List<Check> scheduleChecks(InformationProfile info, SamplerError error, boolean optimalPredictor) {
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

    /** The law-level checks (need {@code L <= MAX_ENUMERATION_LENGTH} for the enumerating ones). */
    /*@ public normal_behavior
      @   requires info != null && options != null;
      @ pure @*/
    public static List<Check> lawChecks(InformationProfile info, Options options) {
        List<Check> out = new ArrayList<>(InformationIdentities.all(info));
        if (info.law().length() <= MAX_ENUMERATION_LENGTH) {
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
        return new Audit(law, info, predictor.description(), rows, lawChecks(info, options), optima);
    }

    //@ pure
    public Law law() {
        return law;
    }

    //@ pure
    public InformationProfile info() {
        return info;
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

    /** Step counts {@code T} of the rows where Li-Cai Theorem 1 holds with equality. */
    //@ pure
    public List<String> theorem1Equalities() {
        List<String> out = new ArrayList<>();
        for (Row r : rows) {
            for (Check c : r.checks()) {
                if (c.id().equals(LiCaiTheorem1.ID) && c.verdict() == Verdict.EQUALITY) {
                    out.add(r.schedule().toString());
                }
            }
        }
        return out;
    }
}
