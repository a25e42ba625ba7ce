package org.dlmexact.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.GTest;
import org.dlmexact.law.Law;
import org.dlmexact.law.SplitMix64;
import org.dlmexact.exact.Rational;

/**
 * Draws seeded samples and tests them against an exact law: cells with expected count below 5 are
 * pooled into one cell; an outcome of probability 0 must never occur. The false-failure
 * probability of one call is the p-value threshold, 1e-4.
 */
final class GoodnessOfFit {

    /** Which statistic to use. */
    enum Statistic { CHI_SQUARE, G }

    private GoodnessOfFit() {
    }

    /** Asserts that {@code n} samples from {@code sampler} are consistent with {@code law}. */
    static void assertConsistent(Law law, Function<SplitMix64, int[]> sampler, long seed, int n, Statistic statistic) {
        long[] counts = new long[law.space().size()];
        SplitMix64 rng = new SplitMix64(seed);
        for (int i = 0; i < n; i++) {
            counts[law.space().index(sampler.apply(rng))]++;
        }
        List<Double> expected = new ArrayList<>();
        List<Long> observed = new ArrayList<>();
        double pooledE = 0;
        long pooledO = 0;
        for (int i = 0; i < counts.length; i++) {
            Rational e = law.probability(i).multiply(n);
            if (e.isZero()) {
                assertEquals(0, counts[i], "outcome " + law.space().format(i) + " has probability 0");
            } else if (e.compareTo(Rational.of(5)) < 0) {
                pooledE += e.toDouble();
                pooledO += counts[i];
            } else {
                expected.add(e.toDouble());
                observed.add(counts[i]);
            }
        }
        if (pooledE > 0) {
            expected.add(pooledE);
            observed.add(pooledO);
        }
        double[] ex = expected.stream().mapToDouble(Double::doubleValue).toArray();
        long[] ob = observed.stream().mapToLong(Long::longValue).toArray();
        double p = statistic == Statistic.G ? GTest.withDefaults().test(ex, ob).getPValue()
                : ChiSquareTest.withDefaults().test(ex, ob).getPValue();
        assertTrue(p > 1e-4, statistic + " p-value " + p + " over " + ex.length + " cells");
    }
}
