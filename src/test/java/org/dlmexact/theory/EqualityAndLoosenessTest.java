package org.dlmexact.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.dlmexact.law.Families;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.Divergence;
import org.dlmexact.info.InformationProfile;
import org.dlmexact.sampler.IdealError;
import org.dlmexact.sampler.Schedule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Where Li-Cai Theorem 1 is attained, and how loose it is elsewhere. */
class EqualityAndLoosenessTest {

    private static boolean powerOfTwo(int s) {
        return Integer.bitCount(s) == 1;
    }

    /**
     * On the repetition code Ideal = (k_1 - 1) ln V and the bound is (2^ceil(log2 s_max) - 1) ln V,
     * so equality holds exactly when k_1 = s_max and s_max is a power of 2 (theory.md §4).
     */
    @TestFactory
    Stream<DynamicTest> theorem1AttainedExactlyOnRepetitionWithPowerOfTwoFirstBatch() {
        return Stream.of(new int[] {2, 3}, new int[] {2, 6}, new int[] {2, 8}, new int[] {3, 4}, new int[] {3, 5})
                .map(vl -> DynamicTest.dynamicTest("repetition:" + vl[0] + "," + vl[1], () -> {
                    InformationProfile info = InformationProfile.of(Families.repetition(vl[0], vl[1]));
                    for (Schedule k : Schedule.all(vl[1])) {
                        int sMax = k.maxSize();
                        Check c = LiCaiTheorem1.check(k, Divergence.finite(IdealError.closedForm(info, k)),
                                info.sumMutualInformation(), Divergence.finite(ExactReal.ZERO));
                        boolean expectEquality = k.size(1) == sMax && powerOfTwo(sMax);
                        assertEquals(expectEquality ? Verdict.EQUALITY : Verdict.HOLDS, c.verdict(),
                                () -> k + ": " + c);
                        if (expectEquality) {
                            assertTrue(c.slack().isZero());
                        }
                    }
                }));
    }

    /** Parity: one-shot error ln 2 against the bound (2^ceil(log2 L) - 1) ln 2: ratio 1/(2^c - 1). */
    @Test
    void parityShowsTheLoosenessFactor() {
        for (int l = 2; l <= 8; l++) {
            InformationProfile info = InformationProfile.of(Families.parity(l));
            Schedule oneShot = Schedule.of(l, l);
            Check c = LiCaiTheorem1.check(oneShot, Divergence.finite(IdealError.closedForm(info, oneShot)),
                    info.sumMutualInformation(), Divergence.finite(ExactReal.ZERO));
            long factor = (1L << LiCaiTheorem1.ceilLog2(l)) - 1;
            assertEquals(ExactReal.ln(2).multiply(factor), c.rhs().value(), "L = " + l);
            assertEquals(Rational.of(1, factor).round(6).toPlainString(), c.ratio(6), "L = " + l);
        }
    }

    /**
     * A plain c * s_max/L * SumI lower bound is false: on parity the worst schedule with any
     * s_max >= 2 has error ln 2 while s_max/L * SumI = s_max ln 2 grows without bound.
     */
    @TestFactory
    Stream<DynamicTest> plainLowerBoundFormIsFalseOnParity() {
        return IntStream.rangeClosed(3, 9).mapToObj(l -> DynamicTest.dynamicTest("parity:" + l, () -> {
            InformationProfile info = InformationProfile.of(Families.parity(l));
            assertEquals(ExactReal.ln(2).multiply(l), info.sumMutualInformation());
            java.util.List<ExactReal> eps = LiCaiRecursion.worstBySMax(info);
            for (int s = 2; s <= l; s++) {
                ExactReal worst = null;
                for (Schedule k : Schedule.all(l)) {
                    if (k.maxSize() == s) {
                        ExactReal v = IdealError.closedForm(info, k);
                        worst = worst == null ? v : worst.max(v);
                    }
                }
                assertEquals(ExactReal.ln(2), worst, "s_max = " + s);
                assertEquals(ExactReal.ln(2), eps.get(s - 1), "eps(" + s + ")");
            }
        }));
    }

    @Test
    void ceilLog2AndBalancedSchedules() {
        for (int s = 1; s <= 1000; s++) {
            int c = LiCaiTheorem1.ceilLog2(s);
            assertTrue((1L << c) >= s && (c == 0 || (1L << (c - 1)) < s), "s = " + s);
        }
        for (int l = 1; l <= 12; l++) {
            for (int t = 1; t <= l; t++) {
                Schedule k = Schedule.balanced(l, t);
                int[] sizes = k.sizes();
                assertTrue(IntStream.of(sizes).max().getAsInt() - IntStream.of(sizes).min().getAsInt() <= 1);
                assertTrue(LiCaiCorollary1.applies(k));
                // the derived constant: (2^ceil(log2 s_max) - 1)/L <= 3/T, for every s_max <= ceil(L/T)
                for (int s = 1; s <= (l + t - 1) / t; s++) {
                    assertTrue(LiCaiTheorem1.constant(l, s).compareTo(Rational.of(3, t)) <= 0,
                            "L = " + l + ", T = " + t + ", s_max = " + s);
                }
                assertTrue(LiCaiTheorem1.constant(l, k.maxSize()).compareTo(Rational.of(3, t)) <= 0,
                        "L = " + l + ", T = " + t);
            }
        }
    }
}
