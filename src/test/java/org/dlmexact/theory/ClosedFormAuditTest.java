package org.dlmexact.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.InformationCurve;
import org.dlmexact.info.InformationProfile;
import org.dlmexact.info.StructuredCurve;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.sampler.IdealError;
import org.dlmexact.sampler.Predictors;
import org.dlmexact.sampler.Schedule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The audit and the optimal-schedule programme on closed-form curves: the same verdicts as the
 * enumerated audit where both run; the enclosure programme equal to an all-exact reference
 * programme written here; Li-Cai's functional equal to its definition over subsets.
 */
class ClosedFormAuditTest {

    private static StructuredCurve curve(String spec) {
        return StructuredCurve.of(Families.describe(spec).structure());
    }

    private static String key(Check c) {
        return c.id() + " | " + c.relation() + " | " + c.lhs() + " | " + c.rhs() + " | " + c.verdict() + " | " + c.note();
    }

    /** Where both run, the closed-form audit has the enumerated audit's curve-only checks, equal, and lists the rest as skipped. */
    @TestFactory
    Stream<DynamicTest> closedFormAuditAgreesWithTheEnumeratedAudit() {
        List<DynamicTest> out = new ArrayList<>();
        for (String spec : new String[] {"markov:6:3/4,1/4;1/3,2/3", "markov:5:1/2,1/2;1/5,4/5:1,0", "parity:5",
            "pairs:6", "exchangeable:5:1/2@1/4,3/4;1/2@3/4,1/4", "rs:4,4,2", "repetition:3,4"}) {
            out.add(dynamicTest(spec, () -> {
                Law law = Families.parse(spec);
                List<Schedule> schedules = Schedule.all(law.length());
                Audit.Options options = Audit.Options.defaults();
                Audit enumerated = Audit.run(law, schedules, Predictors.parse("optimal", law), options, null);
                Audit closed = Audit.runClosedForm(curve(spec), schedules, options, null);
                assertNull(closed.law());
                assertTrue(closed.closedForm());
                assertFalse(enumerated.closedForm());
                assertEquals("optimal", closed.predictor());
                for (int i = 0; i < schedules.size(); i++) {
                    Audit.Row e = enumerated.rows().get(i);
                    Audit.Row c = closed.rows().get(i);
                    assertEquals(e.schedule(), c.schedule());
                    assertEquals(e.idealError(), c.idealError());
                    assertEquals(e.pathAveragedKL().value(), c.pathAveragedKL().value(), "Theorem 4: brute force = closed form");
                    assertNull(c.outputKL());
                    assertNull(c.error());
                    assertTrue(c.trainingErrorStepWeighted().value().isZero());
                    Map<String, String> byId = new HashMap<>();
                    for (Check k : c.checks()) {
                        byId.put(k.id(), key(k));
                    }
                    for (Check k : e.checks()) {
                        if (!k.id().equals(Audit.ID_THEOREM_4) && !k.id().equals(Audit.ID_OUTPUT_LE_PATH)) {
                            assertEquals(key(k), byId.get(k.id()), spec + " " + e.schedule());
                        }
                    }
                    assertEquals(e.checks().size() - 2, c.checks().size());
                }
                List<String> lawChecksE = new ArrayList<>();
                enumerated.lawChecks().forEach(k -> lawChecksE.add(key(k)));
                List<String> lawChecksC = new ArrayList<>();
                closed.lawChecks().forEach(k -> lawChecksC.add(key(k)));
                assertEquals(lawChecksE, lawChecksC);
                for (int t = 0; t < law.length(); t++) {
                    assertEquals(enumerated.optima().get(t).schedule(), closed.optima().get(t).schedule());
                    assertEquals(enumerated.optima().get(t).error(), closed.optima().get(t).error());
                }
                assertEquals(List.of(Audit.ID_THEOREM_4, Audit.ID_OUTPUT_LE_PATH),
                        closed.skipped().stream().map(Audit.Skipped::id).toList());
                assertTrue(enumerated.skipped().isEmpty());
                assertTrue(closed.mustHoldFailures().isEmpty());
            }));
        }
        return out.stream();
    }

    @Test
    void longAuditsSkipTheEnumeratingChecksWithReasons() {
        Audit a = Audit.runClosedForm(curve("markov:40:3/4,1/4;1/3,2/3"), List.of(Schedule.balanced(40, 7),
                Schedule.balanced(40, 40)), Audit.Options.defaults(), null);
        List<String> ids = a.skipped().stream().map(Audit.Skipped::id).toList();
        assertEquals(List.of(Audit.ID_THEOREM_4, Audit.ID_OUTPUT_LE_PATH, LiCaiRecursion.ID, LiCaiTheorem2.ID,
                LiCaiTheorem2.ID_FUNCTIONAL, ChenCongLiOptimalSchedule.ID), ids);
        for (Audit.Skipped s : a.skipped()) {
            assertFalse(s.reason().isBlank());
            assertTrue(s.scope().equals("law") || s.scope().equals("schedule"));
        }
        assertTrue(a.skipped().get(2).reason().contains("L <= 10"));
        assertTrue(Audit.enumerationSkips(10).isEmpty());
        assertEquals(4, Audit.enumerationSkips(11).size());
        List<String> progress = new ArrayList<>();
        Audit b = Audit.runClosedForm(curve("parity:12"), List.of(Schedule.balanced(12, 3), Schedule.balanced(12, 4)),
                Audit.Options.defaults(), (done, total, k) -> progress.add(done + "/" + total + " " + k));
        assertEquals(List.of("1/2 4,4,4", "2/2 3,3,3,3"), progress);
        assertEquals(IdealError.closedForm(b.info(), Schedule.balanced(12, 3)), b.rows().get(0).idealError());
        assertEquals(40, a.optima().size());
        assertTrue(a.mustHoldFailures().isEmpty());
        assertEquals(List.of(Schedule.balanced(40, 40)), a.theorem1EqualitySchedules());
        assertEquals(List.of(Schedule.balanced(40, 40).toString()), a.theorem1Equalities());
        assertThrows(IllegalArgumentException.class, () -> Audit.runClosedForm(curve("parity:4"), List.of(),
                Audit.Options.defaults(), null));
    }

    /** The optimum by a programme with exact comparisons everywhere (the definition, slow). */
    private static List<ExactReal> referenceOptima(InformationCurve info, List<Schedule> args) {
        int l = info.length();
        ExactReal[][] tail = new ExactReal[l + 1][l + 1];
        int[][] first = new int[l + 1][l + 1];
        tail[0][l] = ExactReal.ZERO;
        for (int t = 1; t <= l; t++) {
            for (int a = l - t; a >= 0; a--) {
                for (int s = 1; a + s <= l - (t - 1); s++) {
                    ExactReal rest = tail[t - 1][a + s];
                    if (rest == null) {
                        continue;
                    }
                    ExactReal v = IdealError.blockTerm(info, a, s).add(rest);
                    if (tail[t][a] == null || v.compareTo(tail[t][a]) < 0) {
                        tail[t][a] = v;
                        first[t][a] = s;
                    }
                }
            }
        }
        List<ExactReal> out = new ArrayList<>();
        for (int t = 1; t <= l; t++) {
            out.add(tail[t][0]);
            List<Integer> parts = new ArrayList<>();
            for (int u = t, a = 0; u >= 1; u--) {
                parts.add(first[u][a]);
                a += first[u][a];
            }
            args.add(Schedule.of(l, parts.stream().mapToInt(Integer::intValue).toArray()));
        }
        return out;
    }

    /** The enclosure programme equals the all-exact one: values and (lexicographically smallest) schedules. */
    @TestFactory
    Stream<DynamicTest> enclosureProgrammeEqualsTheExactOne() {
        List<DynamicTest> out = new ArrayList<>();
        for (String spec : new String[] {"markov:24:3/4,1/4;1/3,2/3", "markov:18:0,1;1/2,1/2:1/3,2/3",
            "exchangeable:16:1/2@1/4,3/4;1/2@3/4,1/4", "parity:20", "pairs:20", "rs:31,24,7", "repetition:2,16",
            "product:12:1/3,2/3", "markov:20:1/3,2/3;1/3,2/3", "markov:16:0,1;1,0", "random:2,8,3"}) {
            out.add(dynamicTest(spec, () -> {
                InformationCurve info = spec.startsWith("random") ? InformationProfile.of(Families.parse(spec)) : curve(spec);
                List<Schedule> want = new ArrayList<>();
                List<ExactReal> values = referenceOptima(info, want);
                List<ChenCongLiOptimalSchedule.Optimum> got = ChenCongLiOptimalSchedule.optimise(info);
                for (int t = 1; t <= info.length(); t++) {
                    assertEquals(want.get(t - 1), got.get(t - 1).schedule(), spec + ", T = " + t);
                    assertEquals(values.get(t - 1), got.get(t - 1).error(), spec + ", T = " + t);
                    assertEquals(t, got.get(t - 1).steps());
                }
            }));
        }
        return out.stream();
    }

    /**
     * A curve made for ties: {@code e_k = k ln 2} up to {@code m}, then {@code m ln 2 + (k - m) ln 3}.
     * The averages are not multiples of one another, so the programme works on enclosures, but every
     * block inside either linear stretch costs exactly 0: many candidates tie exactly and must be
     * decided by the second level and the exact comparison, towards the smallest first part.
     */
    private static InformationCurve tiedCurve(int l, int m) {
        ExactReal ln2 = ExactReal.ln(2);
        ExactReal ln3 = ExactReal.ln(3);
        return new InformationCurve() {
            @Override
            public int length() {
                return l;
            }

            @Override
            public int alphabetSize() {
                return 6;
            }

            @Override
            public ExactReal averageEntropy(int k) {
                return k <= m ? ln2.multiply(k) : ln2.multiply(m).add(ln3.multiply(k - m));
            }

            @Override
            public ExactReal averageEntropyCombination(Rational[] c) {
                ExactReal s = ExactReal.ZERO;
                for (int k = 1; k < c.length; k++) {
                    if (c[k] != null) {
                        s = s.add(averageEntropy(k).multiply(c[k]));
                    }
                }
                return s;
            }

            @Override
            public ExactReal totalCorrelation() {
                return ExactReal.ZERO;
            }

            @Override
            public ExactReal dualTotalCorrelation() {
                return ExactReal.ZERO;
            }

            @Override
            public ExactReal sumMutualInformation() {
                return ExactReal.ZERO;
            }
        };
    }

    @Test
    void exactTiesGoThroughTheFinerLevelsToTheSmallestFirstPart() {
        for (int[] lm : new int[][] {{12, 5}, {16, 9}, {9, 1}}) {
            InformationCurve info = tiedCurve(lm[0], lm[1]);
            List<Schedule> want = new ArrayList<>();
            List<ExactReal> values = referenceOptima(info, want);
            List<ChenCongLiOptimalSchedule.Optimum> got = ChenCongLiOptimalSchedule.optimise(info);
            ChenCongLiOptimalSchedule.Statistics stats = ChenCongLiOptimalSchedule.lastStatistics();
            assertFalse(stats.exactPoints());
            assertTrue(stats.fineComparisons() + stats.exactComparisons() > 0, "overlaps happened");
            assertTrue(stats.exactComparisons() > 0, "exact ties reach the exact comparison");
            for (int t = 1; t <= lm[0]; t++) {
                assertEquals(want.get(t - 1), got.get(t - 1).schedule(), "L = " + lm[0] + ", T = " + t);
                assertEquals(values.get(t - 1), got.get(t - 1).error());
            }
        }
    }

    /** A law of entropy zero: every average is zero, every schedule is optimal, and the lexicographically smallest is kept. */
    @Test
    void aZeroCurveKeepsTheLexicographicallySmallestSchedules() {
        List<ChenCongLiOptimalSchedule.Optimum> got = ChenCongLiOptimalSchedule.optimise(curve("product:7:1,0"));
        assertTrue(ChenCongLiOptimalSchedule.lastStatistics().exactPoints());
        assertEquals(Schedule.of(7, 1, 6), got.get(1).schedule());
        assertEquals(Schedule.of(7, 1, 1, 5), got.get(2).schedule());
        assertTrue(got.get(3).error().isZero());
    }

    /** Codes and degenerate chains run on exact points (no exact comparison); a generic chain on enclosures. */
    @Test
    void exactPointsWhenEveryAverageIsAKnownMultiple() {
        for (String spec : new String[] {"rs:1031,300,40", "parity:300", "pairs:300", "repetition:5,300",
            "markov:300:1/3,2/3;1/3,2/3", "markov:300:0,1;1,0"}) {
            ChenCongLiOptimalSchedule.optimise(curve(spec));
            ChenCongLiOptimalSchedule.Statistics s = ChenCongLiOptimalSchedule.lastStatistics();
            assertTrue(s.exactPoints(), spec);
            assertEquals(0, s.exactComparisons(), spec);
            // T = 1: one candidate per start; T >= 2: L - a - T + 1 sizes from each start a <= L - T
            assertEquals(300L + 299L * 300 * 301 / 6, s.candidates(), spec);
        }
        ChenCongLiOptimalSchedule.optimise(curve("markov:60:3/4,1/4;1/3,2/3"));
        assertFalse(ChenCongLiOptimalSchedule.lastStatistics().exactPoints());
        assertThrows(IllegalArgumentException.class, () -> ChenCongLiOptimalSchedule.optimise(curve("parity:3000")));
    }

    /** The functional from the curve equals its definition over subsets {@code W} (the former computation). */
    @TestFactory
    Stream<DynamicTest> functionalEqualsItsDefinitionOverSubsets() {
        List<DynamicTest> out = new ArrayList<>();
        for (String spec : new String[] {"markov:5:1/3,2/3;3/4,1/4", "random:2,4,7", "random:3,3,2", "pairs:6",
            "parity:4"}) {
            for (LiCaiTheorem2.Reading r : LiCaiTheorem2.Reading.values()) {
                out.add(dynamicTest(spec + " " + r.label(), () -> {
                    InformationProfile info = InformationProfile.of(Families.parse(spec));
                    int l = info.length();
                    for (int sMax = 2; sMax <= l; sMax++) {
                        Map<Integer, Rational> coeff = new HashMap<>();
                        int full = (1 << l) - 1;
                        for (int i = 0; i < l; i++) {
                            int others = full & ~(1 << i);
                            for (int sub = others; ; sub = (sub - 1) & others) {
                                Rational c = LiCaiTheorem2.weight(r, l, sMax, Integer.bitCount(sub));
                                coeff.merge(1 << i, c, Rational::add);
                                coeff.merge(sub, c, Rational::add);
                                coeff.merge(sub | (1 << i), c.negate(), Rational::add);
                                if (sub == 0) {
                                    break;
                                }
                            }
                        }
                        coeff.remove(0);
                        coeff.values().removeIf(Rational::isZero);
                        assertEquals(info.entropies().linearCombination(coeff), LiCaiTheorem2.functional(info, r, sMax),
                                "s_max = " + sMax);
                    }
                }));
            }
        }
        return out.stream();
    }

    @Test
    void scheduleTextIsPlainWhenShort() {
        assertEquals("2,1,1", ScheduleText.of(Schedule.of(4, 2, 1, 1)));
        assertEquals("2x512", ScheduleText.of(Schedule.balanced(1024, 512)));
        assertEquals("2x12,1x40", ScheduleText.of(Schedule.of(64, concat(12, 2, 40, 1))));
        assertEquals("3,1x40", ScheduleText.of(Schedule.of(43, concat(1, 3, 40, 1))));
        String plain = Schedule.balanced(20, 20).toString();
        assertEquals(plain, ScheduleText.of(Schedule.balanced(20, 20)), "39 characters stay plain");
        assertEquals("1x21", ScheduleText.of(Schedule.balanced(21, 21)), "41 characters are encoded");
        int[] forty = new int[20];
        java.util.Arrays.fill(forty, 1);
        forty[0] = 10;
        assertEquals(Schedule.of(29, forty).toString(), ScheduleText.of(Schedule.of(29, forty)), "40 characters stay plain");
        int[] middle = new int[41];
        java.util.Arrays.fill(middle, 1);
        middle[20] = 3;
        assertEquals("1x20,3,1x20", ScheduleText.of(Schedule.of(43, middle)), "a single step has no count");
    }

    private static int[] concat(int n1, int v1, int n2, int v2) {
        int[] k = new int[n1 + n2];
        for (int i = 0; i < k.length; i++) {
            k[i] = i < n1 ? v1 : v2;
        }
        return k;
    }
}
