package org.dlmexact.sampler;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.law.SplitMix64;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ProcessSamplerTest {

    private static ProcessSampler sampler(Law law, Schedule s, String predictor) {
        MarginalLattice lat = MarginalLattice.of(law);
        return new ProcessSampler(new PredictiveRows(lat, Predictors.parse(predictor, lat)), RandomOrder.of(s));
    }

    @Test
    void sameSeedSameSamples() {
        Law law = Families.random(3, 4, 2);
        ProcessSampler a = sampler(law, Schedule.of(4, 2, 2), "smoothed:1/3");
        ProcessSampler b = sampler(law, Schedule.of(4, 2, 2), "smoothed:1/3");
        SplitMix64 ra = new SplitMix64(42);
        SplitMix64 rb = new SplitMix64(42);
        SplitMix64 rc = new SplitMix64(43);
        List<int[]> xs = new ArrayList<>();
        List<int[]> zs = new ArrayList<>();
        for (int n = 0; n < 200; n++) {
            int[] x = a.sample(ra);
            assertArrayEquals(x, b.sample(rb));
            xs.add(x);
            zs.add(a.sample(rc));
        }
        boolean differ = false;
        for (int n = 0; n < xs.size(); n++) {
            differ |= !java.util.Arrays.equals(xs.get(n), zs.get(n));
        }
        assertTrue(differ, "seeds 42 and 43 gave the same 200 samples");
    }

    @Test
    void uniformBelowLargeBounds() {
        BigInteger bound = BigInteger.TEN.pow(30).add(BigInteger.valueOf(7));
        SplitMix64 r1 = new SplitMix64(5);
        SplitMix64 r2 = new SplitMix64(5);
        for (int n = 0; n < 100; n++) {
            BigInteger u = ProcessSampler.uniformBelow(r1, bound);
            assertTrue(u.signum() >= 0 && u.compareTo(bound) < 0);
            assertEquals(u, ProcessSampler.uniformBelow(r2, bound));
        }
        SplitMix64 r3 = new SplitMix64(5);
        assertEquals(BigInteger.valueOf(new SplitMix64(5).nextBelow(6)), ProcessSampler.uniformBelow(r3, BigInteger.valueOf(6)));
    }

    /** A sampler that always reveals with probability-1 rows reproduces a point mass exactly. */
    @Test
    void pointMassIsReproduced() {
        Law law = Families.parse("product:1,0;0,1;0,1");
        ProcessSampler s = sampler(law, Schedule.of(3, 1, 2), "optimal");
        SplitMix64 r = new SplitMix64(0);
        for (int n = 0; n < 20; n++) {
            assertArrayEquals(new int[] {0, 1, 1}, s.sample(r));
        }
    }

    /**
     * Goodness of fit of the empirical law of N samples to the exact output law nu, by Pearson's
     * chi-square test (cells with expected count below 5 pooled into one cell; a cell with
     * nu = 0 must never be observed). The test is seeded and deterministic. If the sampler draws
     * exactly from nu, the p-value is (asymptotically) uniform, so the chance that a fixed seed
     * gives a false failure at the threshold 1e-4 is about 1e-4 per case (about 4e-4 for the
     * four cases together).
     */
    @TestFactory
    List<DynamicTest> empiricalLawMatchesTheExactOutputLaw() {
        String[][] cases = {
            {"random:2,4,3", "2,1,1", "smoothed:1/3", "101"},
            {"random:3,3,4", "1,2", "optimal", "102"},
            {"repetition:2,4", "2,2", "optimal", "103"},
            {"markov:5:3/4,1/4;1/3,2/3", "balanced:2", "smoothed:1/2", "104"},
        };
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] c : cases) {
            tests.add(DynamicTest.dynamicTest("law " + c[0] + ", schedule " + c[1] + ", predictor " + c[2]
                    + ", seed " + c[3], () -> {
                Law law = Families.parse(c[0]);
                Schedule s = Schedule.parse(c[1], law.length(), Schedule.Convention.REVEAL);
                MarginalLattice lat = MarginalLattice.of(law);
                PredictiveRows rows = new PredictiveRows(lat, Predictors.parse(c[2], lat));
                Law nu = ProcessLaw.compute(rows, RandomOrder.of(s)).law();
                ProcessSampler sm = new ProcessSampler(rows, RandomOrder.of(s));
                GoodnessOfFit.assertConsistent(nu, sm::sample, Long.parseLong(c[3]), 20_000,
                        GoodnessOfFit.Statistic.CHI_SQUARE);
            }));
        }
        return tests;
    }

    @Test
    void samplerNeedsMatchingLength() {
        Law law = Families.uniform(2, 3);
        MarginalLattice lat = MarginalLattice.of(law);
        assertNotEquals(0, org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new ProcessSampler(new PredictiveRows(lat, Predictors.optimal(lat)), RandomOrder.of(Schedule.of(2, 2))))
                .getMessage().length());
    }
    @Test
    void accessors() {
        Law law = Families.uniform(2, 3);
        MarginalLattice lat = MarginalLattice.of(law);
        PredictiveRows rows = new PredictiveRows(lat, Predictors.optimal(lat));
        Schedule s = Schedule.of(3, 1, 2);
        ProcessSampler sampler = new ProcessSampler(rows, RandomOrder.of(s));
        assertSame(rows, sampler.rows());
        assertSame(s, ((RandomOrder) sampler.sampler()).schedule());
    }

    private static BigInteger unsigned(long w) {
        return new BigInteger(Long.toUnsignedString(w));
    }

    /**
     * D = 2^64 has 65 bits: two words, most significant first, and 2^128 mod D = 0 so nothing is
     * rejected; u = (w1 2^64 + w2) mod 2^64 = w2, the second output (seeds 1..20).
     */
    @Test
    void largeBoundsUseWholeWordsMostSignificantFirst() {
        BigInteger d = BigInteger.ONE.shiftLeft(64);
        for (long seed = 1; seed <= 20; seed++) {
            SplitMix64 g = new SplitMix64(seed);
            g.nextLong();
            assertEquals(unsigned(g.nextLong()), ProcessSampler.uniformBelow(new SplitMix64(seed), d), "seed " + seed);
        }
    }

    /**
     * A draw equal to the rejection limit {@code 2^128 - (2^128 mod D)} is rejected: for a seed whose
     * first two-word draw r1 is even with {@code r1 > 2^129 / 3}, take {@code D = r1 / 2}; then
     * {@code 2^128 mod D = 2^128 - r1} and the limit is r1 itself, so the second draw r2 (when below
     * r1) gives {@code u = r2 mod D}. The first three such seeds from 1 are checked.
     */
    @Test
    void aDrawAtTheRejectionLimitIsRejected() {
        BigInteger range = BigInteger.ONE.shiftLeft(128);
        int found = 0;
        for (long seed = 1; found < 3 && seed <= 10_000; seed++) {
            SplitMix64 g = new SplitMix64(seed);
            BigInteger r1 = unsigned(g.nextLong()).shiftLeft(64).or(unsigned(g.nextLong()));
            BigInteger r2 = unsigned(g.nextLong()).shiftLeft(64).or(unsigned(g.nextLong()));
            if (r1.testBit(0) || r1.multiply(BigInteger.valueOf(3)).compareTo(range.shiftLeft(1)) <= 0
                    || r2.compareTo(r1) >= 0) {
                continue;
            }
            BigInteger d = r1.shiftRight(1);
            assertEquals(r1, range.subtract(range.mod(d)), "seed " + seed);
            assertEquals(r2.mod(d), ProcessSampler.uniformBelow(new SplitMix64(seed), d), "seed " + seed);
            found++;
        }
        assertEquals(3, found);
    }
}
