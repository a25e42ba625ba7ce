package org.dlmexact.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dlmexact.law.Law;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.Divergence;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Exhaustive small-scope properties: for every composition of L <= 5 and the small laws of
 * {@link SamplerCases}, with the optimal predictor and the smoothed predictors (λ = 1/3, 1/2),
 * brute force equals the closed form exactly, the per-step terms match, the step-weighted
 * training error equals the predictor term, and KL(mu||nu) <= E_B KL(mu||nu_B) with equality for
 * one-shot. Cases are ordered by size, so the first failure is a smallest one.
 */
class SamplerErrorPropertiesTest {

    private static final String[] PREDICTORS = {"optimal", "smoothed:1/3", "smoothed:1/2"};

    @TestFactory
    List<DynamicTest> bruteForceEqualsClosedFormV2() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int l = 1; l <= 5; l++) {
            addCases(tests, 2, l, l <= 4 ? 3 : 2, l <= 4 ? PREDICTORS : new String[] {"optimal", "smoothed:1/3"});
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> bruteForceEqualsClosedFormV3() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int l = 1; l <= 4; l++) {
            addCases(tests, 3, l, 2, PREDICTORS);
        }
        // L = 5 over three symbols: random laws and the Markov chain, optimal and smoothed:1/2
        Map<String, Law> laws = SamplerCases.laws(3, 5, 1);
        for (String name : new String[] {"random:3,5,1", "markov:5:1/2,1/4,1/4;0,1/2,1/2;1/3,1/3,1/3"}) {
            for (String p : new String[] {"optimal", "smoothed:1/2"}) {
                for (Schedule s : Schedule.all(5)) {
                    Law law = laws.get(name);
                    tests.add(DynamicTest.dynamicTest("law " + name + ", schedule " + s + ", predictor " + p,
                            () -> check(law, s, p, SamplerError.Method.CHAIN_RULE)));
                }
            }
        }
        return tests;
    }

    private static void addCases(List<DynamicTest> tests, int v, int l, int seeds, String[] predictors) {
        for (Map.Entry<String, Law> e : SamplerCases.laws(v, l, seeds).entrySet()) {
            for (String p : predictors) {
                for (Schedule s : Schedule.all(l)) {
                    tests.add(DynamicTest.dynamicTest("law " + e.getKey() + ", schedule " + s + ", predictor " + p,
                            () -> check(e.getValue(), s, p, SamplerError.Method.PARTITIONS)));
                }
            }
        }
    }

    static void check(Law law, Schedule s, String predictorSpec, SamplerError.Method method) {
        Predictor p = Predictors.parse(predictorSpec, MarginalLattice.of(law));
        SamplerError e = SamplerError.compute(law, s, p, method);
        assertEquals(method, e.method());
        assertTrue(e.closedFormAgrees(), () -> "brute " + e.pathAveragedKL() + " / chain " + e.chainRuleKL()
                + " vs closed " + e.closedForm());
        // both brute-force routes agree with each other
        assertEquals(e.pathAveragedKL().isInfinite(), e.chainRuleKL().isInfinite());
        // smoothed predictors never give probability 0 unless λ = 0: everything finite here
        assertFalse(e.pathAveragedKL().isInfinite());
        assertTrue(e.pathAveragedKL().value().equals(e.chainRuleKL().value()));
        assertTrue(e.closedForm().value().equals(e.idealError().add(e.predictorError().value())));
        // per-step identities
        ExactReal tcSum = ExactReal.ZERO;
        for (SamplerError.StepTerms t : e.steps()) {
            assertTrue(t.conditionalTC().equals(t.closedFormTerm()), "step " + t.step());
            assertTrue(t.predictorLogRatio().value().equals(t.predictorTerm().value()), "step " + t.step());
            tcSum = tcSum.add(t.conditionalTC());
        }
        assertTrue(tcSum.equals(e.idealError()));
        assertTrue(e.trainingErrorStepWeighted().value().equals(e.predictorError().value()));
        if (p.isOptimal()) {
            assertTrue(e.predictorError().value().isZero());
            assertTrue(e.trainingErrorUniformSteps().value().isZero());
        } else {
            assertTrue(e.predictorError().value().signum() >= 0);
        }
        // convexity: KL(mu||nu) <= E_B KL(mu||nu_B), equality for one step
        Divergence out = e.outputKL();
        assertFalse(out.isInfinite());
        assertTrue(out.value().compareTo(e.pathAveragedKL().value()) <= 0);
        if (s.steps() == 1) {
            assertTrue(out.value().equals(e.pathAveragedKL().value()));
        }
        assertTrue(out.value().signum() >= 0);
    }

    /** The dynamic programme's law equals the literal average of nu_B over every ordered partition. */
    @TestFactory
    List<DynamicTest> outputLawEqualsAverageOfPartitionLaws() {
        List<DynamicTest> tests = new ArrayList<>();
        int[][] sizes = {{2, 3}, {3, 3}, {2, 4}, {3, 4}, {2, 5}};
        for (int[] vl : sizes) {
            for (Map.Entry<String, Law> e : SamplerCases.laws(vl[0], vl[1], 1).entrySet()) {
                for (String p : new String[] {"optimal", "smoothed:1/3"}) {
                    for (Schedule s : Schedule.all(vl[1])) {
                        tests.add(DynamicTest.dynamicTest("law " + e.getKey() + ", schedule " + s + ", predictor " + p,
                                () -> {
                                    Law law = e.getValue();
                                    MarginalLattice lat = MarginalLattice.of(law);
                                    PredictiveRows rows = new PredictiveRows(lat, Predictors.parse(p, lat));
                                    Law dp = ProcessLaw.compute(rows, RandomOrder.of(s)).law();
                                    Law avg = Partitions.averageOverPartitions(rows, s);
                                    assertEquals(avg, dp);
                                }));
                    }
                }
            }
        }
        return tests;
    }

    /** The state law after each step is a probability law on the states with |C| = N_j. */
    @TestFactory
    List<DynamicTest> stateLawsSumToOne() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, Law> e : SamplerCases.laws(2, 4, 2).entrySet()) {
            for (Schedule s : Schedule.all(4)) {
                tests.add(DynamicTest.dynamicTest("law " + e.getKey() + ", schedule " + s, () -> {
                    MarginalLattice lat = MarginalLattice.of(e.getValue());
                    ProcessLaw nu = ProcessLaw.compute(new PredictiveRows(lat, Predictors.optimal(lat)), RandomOrder.of(s));
                    for (int j = 0; j <= s.steps(); j++) {
                        Rational total = Rational.ZERO;
                        for (int mask : nu.visibleSets(j)) {
                            assertEquals(s.revealed(j), Integer.bitCount(mask));
                            for (int y = 0; y < (1 << Integer.bitCount(mask)); y++) {
                                total = total.add(nu.stateProbability(j, mask, y));
                            }
                        }
                        assertEquals(Rational.ONE, total, "step " + j);
                    }
                }));
            }
        }
        return tests;
    }

    /** Seeded random laws beyond the exhaustive scope: L = 6 and 7 over two symbols, chain rule. */
    @TestFactory
    List<DynamicTest> seededRandomLargerLaws() {
        List<DynamicTest> tests = new ArrayList<>();
        long[] seeds = {11, 12, 13};
        for (long seed : seeds) {
            for (int l = 6; l <= 7; l++) {
                Law law = org.dlmexact.law.Families.random(2, l, seed);
                org.dlmexact.law.SplitMix64 rng = new org.dlmexact.law.SplitMix64(seed);
                List<Schedule> all = Schedule.all(l);
                Schedule s = all.get((int) rng.nextBelow(all.size()));
                String p = seed % 2 == 0 ? "optimal" : "smoothed:1/3";
                tests.add(DynamicTest.dynamicTest("law random:2," + l + "," + seed + ", schedule " + s
                        + ", predictor " + p, () -> check(law, s, p, SamplerError.Method.CHAIN_RULE)));
            }
        }
        return tests;
    }
}
