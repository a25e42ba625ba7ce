package org.dlmexact.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.dlmexact.law.SplitMix64;
import org.junit.jupiter.api.Test;

/**
 * The non-central chi-square distribution against closed forms derived from its definition as the
 * law of {@code (Z_1 + sqrt(lambda))^2 + Z_2^2 + ... + Z_k^2} (normal CDFs only, a separate code path
 * from the Poisson mixture), the power statements against the closed form of the one-degree case,
 * the pooled G-test against the formula {@code G = 2 sum o ln(o/e)} worked by hand.
 */
class PowerTest {

    private static final NormalDistribution PHI = NormalDistribution.of(0, 1);

    /** k = 1: P(X <= x) = P(|Z + sqrt(l)| <= sqrt(x)) = Phi(sqrt x - sqrt l) - Phi(-sqrt x - sqrt l). */
    private static double cdf1(double x, double l) {
        return PHI.cumulativeProbability(Math.sqrt(x) - Math.sqrt(l)) - PHI.cumulativeProbability(-Math.sqrt(x) - Math.sqrt(l));
    }

    /**
     * k = 3: F_3 = F_1 - 2 f_3 (the central identity F_{k+2} = F_k - 2 f_{k+2}, mixed over the same Poisson
     * weights), with f_3(x; l) = e^{-(x+l)/2} sinh(sqrt(l x)) / sqrt(2 pi l) (the Bessel function I_{1/2}).
     */
    private static double cdf3(double x, double l) {
        return cdf1(x, l) - 2 * Math.exp(-(x + l) / 2) * Math.sinh(Math.sqrt(l * x)) / Math.sqrt(2 * Math.PI * l);
    }

    /**
     * k = 5: F_5 = F_3 - 2 f_5, f_5(x; l) = (1/2) e^{-(x+l)/2} (x/l)^{3/4} I_{3/2}(sqrt(l x)),
     * I_{3/2}(z) = sqrt(2/(pi z)) (cosh z - sinh z / z).
     */
    private static double cdf5(double x, double l) {
        double z = Math.sqrt(l * x);
        double i32 = Math.sqrt(2 / (Math.PI * z)) * (Math.cosh(z) - Math.sinh(z) / z);
        return cdf3(x, l) - Math.exp(-(x + l) / 2) * Math.pow(x / l, 0.75) * i32;
    }

    @Test
    void oddDegreesAgreeWithTheirClosedForms() {
        for (double l : new double[] {0.01, 0.5, 1, 3, 10, 25, 60}) {
            for (double x : new double[] {0.05, 0.5, 1, 2.7, 6, 11, 20, 45, 90}) {
                String at = "x = " + x + ", lambda = " + l;
                assertEquals(cdf1(x, l), NoncentralChiSquared.of(1, l).cumulativeProbability(x), 1e-12, "k = 1, " + at);
                assertEquals(cdf3(x, l), NoncentralChiSquared.of(3, l).cumulativeProbability(x), 1e-11, "k = 3, " + at);
                assertEquals(cdf5(x, l), NoncentralChiSquared.of(5, l).cumulativeProbability(x), 1e-10, "k = 5, " + at);
            }
        }
    }

    @Test
    void zeroNoncentralityIsTheCentralLawAndTheTailIsMonotone() {
        for (int k : new int[] {1, 2, 7, 40}) {
            for (double x : new double[] {0.5, 3, 30}) {
                assertEquals(ChiSquaredDistribution.of(k).survivalProbability(x),
                        NoncentralChiSquared.of(k, 0).survivalProbability(x), 0);
                double prev = -1;
                for (double l = 0; l < 100; l += 7) {
                    double s = NoncentralChiSquared.of(k, l).survivalProbability(x);
                    assertTrue(s >= prev - 1e-14, "P(X > x) grows (up to the truncation, 2e-15, and rounding) with lambda: k " + k + ", x " + x + ", lambda " + l);
                    prev = s;
                }
            }
        }
        assertEquals(1, NoncentralChiSquared.of(3, 2).survivalProbability(0));
        assertEquals(0, NoncentralChiSquared.of(3, 2).cumulativeProbability(-1));
        assertEquals(4.0, NoncentralChiSquared.of(4, 2.5).degreesOfFreedom());
        assertEquals(2.5, NoncentralChiSquared.of(4, 2.5).noncentrality());
        assertThrows(IllegalArgumentException.class, () -> NoncentralChiSquared.of(0, 1));
        assertThrows(IllegalArgumentException.class, () -> NoncentralChiSquared.of(1, -1));
        assertThrows(IllegalArgumentException.class, () -> NoncentralChiSquared.of(Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> NoncentralChiSquared.of(1, Double.POSITIVE_INFINITY));
    }

    /**
     * A non-centrality so small that the Poisson weights beyond index 0 are below the truncated tail
     * ({@code lambda / 2 <= 1e-15}): the sum is the single term {@code e^{-lambda/2} P(chi2_2 > x)}, and
     * {@code |P(X > x) - P(chi2_2 > x)| <= 1 - e^{-lambda/2} <= lambda / 2}; with two degrees of freedom
     * the central tail is {@code e^{-x/2}}.
     */
    @Test
    void aTinyNoncentralityGivesTheCentralTwoDegreeTail() {
        for (double l : new double[] {1e-300, 1e-16, 1e-15, 1e-13}) {
            for (double x : new double[] {0.01, 1, 4, 20}) {
                assertEquals(Math.exp(-x / 2), NoncentralChiSquared.of(2, l).survivalProbability(x), l / 2 + 1e-15,
                        "x = " + x + ", lambda = " + l);
            }
        }
    }

    /**
     * Commons Statistics' Poisson quantiles are {@code int}s: from {@code lambda / 2} near {@code 2^31} they
     * saturate at {@code Integer.MAX_VALUE}, and the sum's index overflowed (a {@code DistributionException}
     * for a negative number of degrees of freedom, from {@code survivalProbability}, which promises a
     * probability). Such non-centralities are refused when the distribution is made.
     */
    @Test
    void noncentralitiesBeyondTheLimitAreRefusedUpFront() {
        double max = NoncentralChiSquared.MAX_NONCENTRALITY;
        assertEquals(max, NoncentralChiSquared.of(1, max).noncentrality());
        for (double l : new double[] {Math.nextUp(max), 5e9, 1e300, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> NoncentralChiSquared.of(1, l), "lambda = " + l);
            assertTrue(e.getMessage().contains("0 <= lambda <= " + max), e.getMessage());
        }
    }

    @Test
    void powerRefusalsNameTheirArgument() {
        for (double alpha : new double[] {0, -0.5, 1, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Power.of(3, alpha));
            assertEquals("need df >= 1 and 0 < alpha < 1, got df = 3, alpha = " + alpha, e.getMessage());
        }
        assertEquals("need df >= 1 and 0 < alpha < 1, got df = 0, alpha = 0.5",
                assertThrows(IllegalArgumentException.class, () -> Power.of(0, 0.5)).getMessage());
    }

    @Test
    void largeNoncentralityAndDegreesStayAccurate() {
        // mean k + lambda, variance 2(k + 2 lambda): far above the mean nearly nothing, far below nearly all
        NoncentralChiSquared d = NoncentralChiSquared.of(300, 2000);
        double sd = Math.sqrt(2 * (300 + 4000));
        assertTrue(d.survivalProbability(2300 + 8 * sd) < 1e-9);
        assertTrue(d.survivalProbability(2300 - 8 * sd) > 1 - 1e-9);
        double mid = d.survivalProbability(2300);
        assertTrue(mid > 0.4 && mid < 0.6, "near the mean: " + mid);
    }

    /** Power of the one-degree test by the closed form: P(|Z + sqrt l| > z_{alpha/2}). */
    private static double power1(double l, double alpha) {
        double z = PHI.inverseSurvivalProbability(alpha / 2);
        return PHI.survivalProbability(z - Math.sqrt(l)) + PHI.cumulativeProbability(-z - Math.sqrt(l));
    }

    @Test
    void theNoncentralityForPower09MatchesTheOneDegreeClosedForm() {
        for (double alpha : new double[] {0.05, 0.01, 0.001}) {
            double lo = 0;
            double hi = 100;
            for (int i = 0; i < 200; i++) {
                double mid = (lo + hi) / 2;
                if (power1(mid, alpha) < 0.9) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            Power p = Power.of(1, alpha);
            assertEquals(hi, p.noncentrality(), 1e-6, "alpha " + alpha);
            assertEquals(0.9, p.rejectionProbability(p.noncentrality()), 1e-9);
            assertEquals(alpha, p.rejectionProbability(0), 1e-12, "the level");
        }
        // Cohen (1988), Table 9.4.2: lambda = 10.51 (alpha .05) and 14.88 (alpha .01) for u = 1 and power .90
        assertEquals(10.51, Power.of(1, 0.05).noncentrality(), 0.005);
        assertEquals(14.88, Power.of(1, 0.01).noncentrality(), 0.005);
    }

    @Test
    void effectsFollowTheStatedBounds() {
        Power p = Power.of(5, 0.01);
        double l = p.noncentrality();
        assertEquals(ChiSquaredDistribution.of(5).inverseSurvivalProbability(0.01), p.criticalValue(), 0);
        assertEquals(Math.sqrt(l / 4000), p.samplesTv(1000), 1e-15);
        assertEquals(Math.log1p(l / 1000), p.samplesKl(1000), 1e-15);
        assertEquals((long) Math.ceil(l / (4 * 0.01 * 0.01)), p.samplesNeededTv(0.01));
        assertEquals((long) Math.ceil(l / Math.expm1(0.001)), p.samplesNeededKl(0.001));
        assertTrue(p.samplesTv(p.samplesNeededTv(0.02)) <= 0.02);
        assertEquals(Math.sqrt(l * 3 / 4000), p.pathTv(1000, 3), 1e-15);
        assertEquals(l / 1000, p.pathKl(1000), 1e-15);
        assertEquals((long) Math.ceil(l * 3 / (4 * 0.01 * 0.01)), p.pathNeededTv(0.01, 3));
        assertEquals((long) Math.ceil(l / 0.001), p.pathNeededKl(0.001));
        assertEquals(5, p.degreesOfFreedom());
        assertEquals(0.01, p.alpha());
        assertEquals(Math.sqrt(l / 4), p.samplesTv(1), 1e-15, "one sample");
        assertEquals(l / 1, p.pathKl(1), 1e-15);
        assertEquals((long) Math.ceil(l / 4), p.samplesNeededTv(1));
        assertThrows(IllegalArgumentException.class, () -> p.samplesTv(0));
        assertThrows(IllegalArgumentException.class, () -> p.samplesNeededTv(0));
        assertThrows(IllegalArgumentException.class, () -> p.samplesNeededTv(1.5));
        assertThrows(IllegalArgumentException.class, () -> p.pathNeededKl(-1));
        assertThrows(IllegalArgumentException.class, () -> p.pathTv(10, 0));
        assertThrows(IllegalArgumentException.class, () -> Power.of(0, 0.01));
        assertThrows(IllegalArgumentException.class, () -> Power.of(1, 1));
        assertThrows(IllegalArgumentException.class, () -> Power.of(1, 0));
    }

    /**
     * The statement in practice: samples from the hardest alternative at the declared TV (mass moved
     * between two halves of equal probability, chi2 = 4 TV^2) are rejected in about 90% of 400 seeds.
     */
    @Test
    void theHardestAlternativeAtTheDeclaredDistanceIsRejectedAboutNineTimesInTen() {
        int cells = 8;
        long n = 4000;
        Power p = Power.of(cells - 1, 0.01);
        double tv = p.samplesTv(n);
        double[] q = new double[cells];
        for (int c = 0; c < cells; c++) {
            q[c] = (1.0 + (c < cells / 2 ? 2 * tv : -2 * tv)) / cells;
        }
        double[] expected = new double[cells];
        java.util.Arrays.fill(expected, (double) n / cells);
        int rejected = 0;
        for (long seed = 1; seed <= 400; seed++) {
            SplitMix64 rng = new SplitMix64(seed);
            long[] o = new long[cells];
            for (long s = 0; s < n; s++) {
                double u = (rng.nextLong() >>> 11) * 0x1.0p-53;
                int c = 0;
                while (c < cells - 1 && u >= q[c]) {
                    u -= q[c++];
                }
                o[c]++;
            }
            rejected += PooledGTest.of(expected, o).pValue() < 0.01 ? 1 : 0;
        }
        assertTrue(rejected >= 340 && rejected <= 380, "rejected in " + rejected + " of 400 seeds");
    }

    @Test
    void pooledGTestPoolsAsValidateSamplesDoes() {
        // expected 2, 4 are pooled (6 >= 5); 10 and 10 stay: three cells, G = 2 sum o ln(o/e)
        PooledGTest g = PooledGTest.of(new double[] {10, 2, 10, 4}, new long[] {12, 1, 8, 5});
        assertEquals(3, g.cells());
        assertEquals(2, g.pooledCells());
        assertEquals(2, g.degreesOfFreedom());
        assertTrue(g.tested());
        assertTrue(g.pooled(1) && g.pooled(3) && !g.pooled(0) && !g.pooled(2));
        double expectedG = 2 * (12 * Math.log(12 / 10.0) + 8 * Math.log(8 / 10.0) + 6 * Math.log(6 / 6.0));
        assertEquals(expectedG, g.statistic(), 1e-12);
        assertEquals(ChiSquaredDistribution.of(2).survivalProbability(expectedG), g.pValue(), 1e-12);
        // 1, 1, 1 pooled (3 < 5), then the smallest remaining (3) joins: 6; then one big cell
        PooledGTest h = PooledGTest.of(new double[] {1, 3, 1, 1, 20}, new long[] {0, 5, 1, 0, 20});
        assertEquals(2, h.cells());
        assertEquals(4, h.pooledCells());
        assertEquals(2 * (6 * Math.log(6 / 6.0) + 20 * Math.log(20 / 20.0)), h.statistic(), 1e-12);
        // everything pooled: nothing to test
        PooledGTest none = PooledGTest.of(new double[] {1, 1, 1}, new long[] {1, 1, 1});
        assertFalse(none.tested());
        assertEquals(1, none.cells());
        assertEquals(0, none.degreesOfFreedom());
        assertEquals(1.0, none.pValue());
        assertEquals(0.0, none.statistic());
        // expected counts of exactly 5 are not pooled; a pool that reaches exactly 5 stops growing
        assertEquals(3, PooledGTest.of(new double[] {5, 5, 10}, new long[] {5, 5, 10}).cells());
        PooledGTest five = PooledGTest.of(new double[] {2, 3, 10}, new long[] {2, 3, 10});
        assertEquals(2, five.cells());
        assertEquals(2, five.pooledCells());
        PooledGTest grown = PooledGTest.of(new double[] {4, 5, 10}, new long[] {4, 5, 10});
        assertEquals(2, grown.cells(), "4 < 5 pooled, then the 5 joins");
        assertEquals(2, grown.pooledCells());
        assertTrue(grown.tested(), "two cells are tested");
        PooledGTest empty = PooledGTest.of(new double[0], new long[0]);
        assertEquals(0, empty.cells());
        assertThrows(IllegalArgumentException.class, () -> PooledGTest.of(new double[] {1}, new long[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> PooledGTest.of(new double[] {0, 6}, new long[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> PooledGTest.of(new double[] {6, 6}, new long[] {-1, 2}));
        assertThrows(IllegalArgumentException.class,
                () -> PooledGTest.of(new double[] {Double.POSITIVE_INFINITY, 6}, new long[] {1, 2}));
    }
}
