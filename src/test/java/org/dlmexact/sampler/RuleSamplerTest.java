package org.dlmexact.sampler;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.law.SplitMix64;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class RuleSamplerTest {

    private static PredictiveRows rows(Law law, String predictor) {
        MarginalLattice lat = MarginalLattice.of(law);
        return new PredictiveRows(lat, Predictors.parse(predictor, lat));
    }

    @Test
    void sameSeedSameSamples() {
        Law law = Families.random(3, 4, 2);
        for (String r : new String[] {"entropy-sum:1", "top-probability:2,2", "low-confidence:1,2,1"}) {
            Rule rule = Rule.parse(r, 4, Schedule.Convention.REVEAL);
            ProcessSampler a = new ProcessSampler(rows(law, "smoothed:1/3"), rule);
            ProcessSampler b = new ProcessSampler(rows(law, "smoothed:1/3"), rule);
            SplitMix64 ra = new SplitMix64(42);
            SplitMix64 rb = new SplitMix64(42);
            SplitMix64 rc = new SplitMix64(43);
            boolean differ = false;
            for (int n = 0; n < 200; n++) {
                int[] x = a.sample(ra);
                assertArrayEquals(x, b.sample(rb), r);
                differ |= !Arrays.equals(x, a.sample(rc));
            }
            assertTrue(differ, r + ": seeds 42 and 43 gave the same 200 samples");
        }
    }

    /** With a point mass every rule reproduces it exactly. */
    @Test
    void pointMassIsReproduced() {
        Law law = Families.parse("product:1,0;0,1;0,1");
        for (String r : new String[] {"entropy-sum:0", "top-probability:1,2", "low-confidence:2,1"}) {
            ProcessSampler s = new ProcessSampler(rows(law, "optimal"), Rule.parse(r, 3, Schedule.Convention.REVEAL));
            SplitMix64 rng = new SplitMix64(0);
            for (int n = 0; n < 10; n++) {
                assertArrayEquals(new int[] {0, 1, 1}, s.sample(rng), r);
            }
        }
    }

    @Test
    void lengthMustMatch() {
        Law law = Families.uniform(2, 3);
        assertThrows(IllegalArgumentException.class, () -> new ProcessSampler(rows(law, "optimal"),
                Rule.parse("low-confidence:2,2", 4, Schedule.Convention.REVEAL)));
    }

    /**
     * Goodness of fit of N = 20 000 seeded samples to the exact rule law {@code Q_pi}, by the
     * G-test (cells with expected count below 5 pooled into one cell; a cell with {@code Q = 0}
     * must never be observed). If the sampler draws exactly from {@code Q_pi}, the p-value is
     * asymptotically uniform, so a fixed seed fails at the threshold 1e-4 with probability about
     * 1e-4 per case, about 6e-4 for the six cases together. The test is deterministic.
     */
    @TestFactory
    List<DynamicTest> samplesFitTheExactRuleLaw() {
        String[][] cases = {
            {"random:2,4,3", "entropy-sum:1/2", "optimal", "201"},
            {"random:3,3,4", "entropy-sum:2", "smoothed:1/3", "202"},
            {"markov:5:3/4,1/4;1/3,2/3", "top-probability:2,2,1", "optimal", "203"},
            {"random:2,4,5", "top-probability:1,3", "smoothed:1/2", "204"},
            {"random:2,4,6", "low-confidence:2,2", "optimal", "205"},
            {"random:3,3,7", "low-confidence:1,1,1", "smoothed:1/3", "206"},
        };
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] c : cases) {
            tests.add(DynamicTest.dynamicTest("law " + c[0] + ", rule " + c[1] + ", predictor " + c[2] + ", seed "
                    + c[3], () -> {
                Law law = Families.parse(c[0]);
                Rule rule = Rule.parse(c[1], law.length(), Schedule.Convention.REVEAL);
                PredictiveRows rows = rows(law, c[2]);
                Law q = ProcessLaw.compute(rows, rule).law();
                ProcessSampler sm = new ProcessSampler(rows, rule);
                GoodnessOfFit.assertConsistent(q, sm::sample, Long.parseLong(c[3]), 20_000,
                        GoodnessOfFit.Statistic.G);
            }));
        }
        return tests;
    }
    @Test
    void accessors() {
        Law law = Families.uniform(2, 3);
        MarginalLattice lat = MarginalLattice.of(law);
        PredictiveRows rows = new PredictiveRows(lat, Predictors.optimal(lat));
        Rule r = Rule.topProbability(Schedule.of(3, 1, 2));
        ProcessSampler s = new ProcessSampler(rows, r);
        assertSame(rows, s.rows());
        assertSame(r, s.sampler());
    }
}
