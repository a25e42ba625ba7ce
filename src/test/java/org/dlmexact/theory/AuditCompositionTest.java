package org.dlmexact.theory;

import org.dlmexact.sampler.RandomOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.InformationProfile;
import org.dlmexact.sampler.Predictor;
import org.dlmexact.sampler.Predictors;
import org.dlmexact.sampler.SamplerError;
import org.dlmexact.sampler.Schedule;
import org.junit.jupiter.api.Test;

/**
 * What an audit contains: per schedule the checks of theory.md §4 in a fixed order, per law the
 * identities, recursion, Theorem 2 per reading, optimal schedules and Theorem 9 per version and
 * target; each the same check the statement's class builds on its own.
 */
class AuditCompositionTest {

    private static String key(Check c) {
        return c.id() + " | " + c.relation() + " | " + c.lhs() + " | " + c.rhs() + " | " + c.verdict();
    }

    private static List<String> keys(List<Check> checks) {
        List<String> out = new ArrayList<>();
        for (Check c : checks) {
            out.add(key(c));
        }
        return out;
    }

    private static void assertSameDivergence(org.dlmexact.info.Divergence expected, org.dlmexact.info.Divergence actual) {
        assertEquals(expected.isInfinite(), actual.isInfinite());
        if (!expected.isInfinite()) {
            assertEquals(expected.value(), actual.value());
        }
    }

    @Test
    void scheduleRowsAndLawChecksAreTheStatementsOwnChecks() {
        Law law = Families.parse("markov:4:1/3,2/3;3/4,1/4");
        Predictor predictor = Predictors.parse("smoothed:1/5", MarginalLattice.of(law));
        List<Schedule> schedules = Schedule.all(4);
        Audit.Options options = new Audit.Options(List.of(LiCaiTheorem2.Reading.B, LiCaiTheorem2.Reading.D),
                List.of(Rational.of(1, 3), Rational.of(1, 20)));
        List<String> progress = new ArrayList<>();
        Audit audit = Audit.run(law, schedules, predictor, options,
                (done, total, k) -> progress.add(done + "/" + total + " " + k));
        InformationProfile info = InformationProfile.of(law);
        assertEquals(law, audit.law());
        assertEquals(info.sumMutualInformation(), audit.info().sumMutualInformation());
        assertEquals(info.totalCorrelation(), audit.info().totalCorrelation());
        assertEquals(predictor.description(), audit.predictor());
        assertEquals(schedules.size(), audit.rows().size());
        List<String> expectedProgress = new ArrayList<>();
        for (int i = 0; i < schedules.size(); i++) {
            expectedProgress.add((i + 1) + "/" + schedules.size() + " " + schedules.get(i));
        }
        assertEquals(expectedProgress, progress);
        List<Check> all = new ArrayList<>();
        for (int i = 0; i < schedules.size(); i++) {
            Schedule k = schedules.get(i);
            Audit.Row row = audit.rows().get(i);
            assertEquals(k, row.schedule());
            SamplerError e = SamplerError.compute(law, k, predictor);
            List<Check> expected = new ArrayList<>();
            expected.add(LiCaiTheorem1.check(k, e.pathAveragedKL(), info.sumMutualInformation(), e.trainingErrorStepWeighted()));
            if (LiCaiCorollary1.applies(k)) {
                expected.add(LiCaiCorollary1.check(k, e.pathAveragedKL(), info.sumMutualInformation(),
                        e.trainingErrorStepWeighted()));
            }
            List<String> ids = new ArrayList<>();
            for (Check c : row.checks()) {
                ids.add(c.id());
            }
            List<String> expectedIds = new ArrayList<>();
            for (Check c : expected) {
                expectedIds.add(c.id());
            }
            expectedIds.addAll(List.of(Audit.ID_THEOREM_4, ChenCongLiChain.ID, ChenCongLiChain.ID_MAX, Audit.ID_OUTPUT_LE_PATH));
            assertEquals(expectedIds, ids, k.toString());
            assertEquals(keys(expected), keys(row.checks().subList(0, expected.size())), k.toString());
            Check t4 = row.checks().get(expected.size());
            assertSameDivergence(e.pathAveragedKL(), t4.lhs());
            assertSameDivergence(e.closedForm(), t4.rhs());
            assertEquals(Confidence.DERIVED, t4.confidence(), "a smoothed predictor: the identity is ours");
            assertEquals(keys(ChenCongLiChain.checks(info, k, e.idealError())),
                    keys(row.checks().subList(expected.size() + 1, expected.size() + 3)));
            Check out = row.checks().get(expected.size() + 3);
            assertSameDivergence(e.outputKL(), out.lhs());
            assertSameDivergence(e.pathAveragedKL(), out.rhs());
            all.addAll(row.checks());
        }
        List<Check> lawChecks = new ArrayList<>(InformationIdentities.all(info));
        lawChecks.addAll(LiCaiRecursion.checks(info));
        lawChecks.addAll(LiCaiTheorem2.checks(info, LiCaiTheorem2.Reading.B));
        lawChecks.addAll(LiCaiTheorem2.checks(info, LiCaiTheorem2.Reading.D));
        lawChecks.addAll(ChenCongLiOptimalSchedule.checks(info));
        for (ChenCongLiTheorem9.Version v : ChenCongLiTheorem9.Version.values()) {
            for (Rational eps : options.targets()) {
                lawChecks.addAll(ChenCongLiTheorem9.checks(info, v, eps));
            }
        }
        assertEquals(keys(lawChecks), keys(audit.lawChecks()));
        all.addAll(lawChecks);
        assertEquals(keys(all), keys(audit.allChecks()));
        assertEquals(ChenCongLiOptimalSchedule.optimise(info).size(), audit.optima().size());
        // failures split by confidence
        for (Check c : audit.mustHoldFailures()) {
            assertFalse(c.verdict().holds());
            assertTrue(c.confidence() != Confidence.RECONSTRUCTED);
        }
        for (Check c : audit.reconstructedFailures()) {
            assertFalse(c.verdict().holds());
            assertEquals(Confidence.RECONSTRUCTED, c.confidence());
        }
        // Theorem 1 equalities are listed by schedule
        List<String> eq = new ArrayList<>();
        for (Audit.Row r : audit.rows()) {
            if (r.checks().get(0).verdict() == Verdict.EQUALITY) {
                eq.add(r.schedule().toString());
            }
        }
        assertEquals(eq, audit.theorem1Equalities());
    }

    @Test
    void theorem1EqualitiesOfTheRepetitionCodeAreReported() {
        Law law = Families.repetition(2, 4);
        Predictor optimal = Predictors.parse("optimal", MarginalLattice.of(law));
        Audit audit = Audit.run(law, Schedule.all(4), optimal, Audit.Options.defaults(), null);
        // attained iff k_1 = s_max = 2^c: (1,1,1,1) with s_max 1, (2,1,1), (2,2), (4)
        assertEquals(List.of("1,1,1,1", "2,1,1", "2,2", "4").size(), audit.theorem1Equalities().size(),
                audit.theorem1Equalities().toString());
        assertTrue(audit.mustHoldFailures().isEmpty());
        assertEquals(Confidence.PAPER, audit.rows().get(0).checks().stream()
                .filter(c -> c.id().equals(Audit.ID_THEOREM_4)).findFirst().orElseThrow().confidence());
    }

    @Test
    void optionsAndArgumentsAreChecked() {
        assertEquals(List.of(LiCaiTheorem2.Reading.values()), Audit.Options.defaults().readings());
        assertEquals(List.of(Rational.of(1, 4), Rational.of(1, 16), Rational.of(1, 64)), Audit.Options.defaults().targets());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new Audit.Options(List.of(), List.of(Rational.ONE, Rational.ZERO)));
        assertEquals("option.epsilon", e.code());
        Law law = Families.parity(3);
        Predictor optimal = Predictors.parse("optimal", MarginalLattice.of(law));
        assertThrows(IllegalArgumentException.class, () -> Audit.run(law, List.of(), optimal, Audit.Options.defaults(), null));
        // L = 10 is the largest length whose compositions are enumerated: the enumeration checks are there
        InformationProfile ten = InformationProfile.of(Families.parity(10));
        List<String> ids = new ArrayList<>();
        for (Check c : Audit.lawChecks(ten, new Audit.Options(List.of(LiCaiTheorem2.Reading.A), List.of(Rational.ONE)))) {
            ids.add(c.id());
        }
        assertTrue(ids.contains(LiCaiRecursion.ID) && ids.contains(LiCaiTheorem2.ID)
                && ids.contains(ChenCongLiOptimalSchedule.ID), ids.toString());
        org.dlmexact.exact.ExactReal est = ten.totalCorrelation();
        assertThrows(IllegalArgumentException.class, () -> ChenCongLiTheorem9.zeta(est, Rational.ZERO));
        Check noted = Check.of("x", "s", Confidence.PAPER, Relation.LE, est, est, "a note");
        assertEquals("a note", noted.note());
    }

    @Test
    void aScheduleTooLargeForBruteForceIsRefusedBeforeAnyWork() {
        Law law = Families.parity(12);
        Predictor optimal = Predictors.parse("optimal", MarginalLattice.of(law));
        int[] ones = new int[12];
        java.util.Arrays.fill(ones, 1);
        Schedule small = Schedule.of(12, 12);
        Schedule large = Schedule.of(12, ones);
        assertTrue(org.dlmexact.sampler.RandomOrder.work(2, large).compareTo(java.math.BigInteger.valueOf(SamplerError.MAX_WORK)) > 0);
        List<String> progress = new ArrayList<>();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Audit.run(law, List.of(small, large),
                optimal, Audit.Options.defaults(), (done, total, k) -> progress.add(k.toString())));
        assertEquals("sampler.too-large", e.code());
        assertEquals(List.of(), progress, "nothing computed before the refusal");
    }

    @Test
    void labelsAreTheWordsOfTheReports() {
        assertEquals(List.of("holds", "holds with equality", "fails"),
                java.util.Arrays.stream(Verdict.values()).map(Verdict::label).toList());
        assertEquals(List.of(true, true, false), java.util.Arrays.stream(Verdict.values()).map(Verdict::holds).toList());
        assertEquals(List.of("<=", ">=", "="), java.util.Arrays.stream(Relation.values()).map(Relation::symbol).toList());
        assertEquals(List.of("paper", "derived", "reconstructed"),
                java.util.Arrays.stream(Confidence.values()).map(Confidence::label).toList());
        assertEquals(List.of("tc", "dtc"),
                java.util.Arrays.stream(ChenCongLiTheorem9.Version.values()).map(ChenCongLiTheorem9.Version::label).toList());
        assertEquals(List.of("a", "b", "c", "d"),
                java.util.Arrays.stream(LiCaiTheorem2.Reading.values()).map(LiCaiTheorem2.Reading::label).toList());
        for (LiCaiTheorem2.Reading r : LiCaiTheorem2.Reading.values()) {
            assertTrue(r.description().contains("2^j") || r.description().contains("2^-j"), r.description());
        }
        Law law = Families.parity(3);
        Audit audit = Audit.run(law, List.of(Schedule.of(3, 2, 1)), Predictors.parse("optimal", MarginalLattice.of(law)),
                Audit.Options.defaults(), null);
        assertEquals(Schedule.of(3, 2, 1), audit.rows().get(0).error().schedule());
    }
}
