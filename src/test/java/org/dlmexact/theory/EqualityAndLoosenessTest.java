package org.dlmexact.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.dlmexact.dist.Families;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.Divergence;
import org.dlmexact.info.InformationProfile;
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
                    for (int[] k : Compositions.all(vl[1])) {
                        int sMax = Compositions.maxPart(k);
                        Check c = LiCaiTheorem1.check(k, Divergence.finite(ClosedForm.ideal(info, k)),
                                info.sumMutualInformation(), Divergence.finite(ExactReal.ZERO));
                        boolean expectEquality = k[0] == sMax && powerOfTwo(sMax);
                        assertEquals(expectEquality ? Verdict.EQUALITY : Verdict.HOLDS, c.verdict(),
                                () -> Arrays.toString(k) + ": " + c);
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
            int[] oneShot = {l};
            Check c = LiCaiTheorem1.check(oneShot, Divergence.finite(ClosedForm.ideal(info, oneShot)),
                    info.sumMutualInformation(), Divergence.finite(ExactReal.ZERO));
            long factor = (1L << Compositions.ceilLog2(l)) - 1;
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
                for (int[] k : Compositions.all(l)) {
                    if (Compositions.maxPart(k) == s) {
                        ExactReal v = ClosedForm.ideal(info, k);
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
            int c = Compositions.ceilLog2(s);
            assertTrue((1L << c) >= s && (c == 0 || (1L << (c - 1)) < s), "s = " + s);
        }
        for (int l = 1; l <= 12; l++) {
            for (int t = 1; t <= l; t++) {
                int[] k = Compositions.balanced(l, t);
                assertEquals(l, IntStream.of(k).sum());
                assertTrue(IntStream.of(k).max().getAsInt() - IntStream.of(k).min().getAsInt() <= 1);
                assertTrue(LiCaiCorollary1.applies(k));
                // the derived constant: (2^ceil(log2 s_max) - 1)/L <= 3/T
                assertTrue(LiCaiTheorem1.constant(l, Compositions.maxPart(k)).compareTo(Rational.of(3, t)) <= 0,
                        "L = " + l + ", T = " + t);
            }
        }
    }

    @Test
    void compositionsAreAllDistinctAndSumToL() {
        for (int l = 1; l <= 10; l++) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int[] k : Compositions.all(l)) {
                assertEquals(l, IntStream.of(k).sum());
                assertTrue(IntStream.of(k).allMatch(x -> x >= 1));
                assertTrue(seen.add(Arrays.toString(k)));
            }
            assertEquals(1 << (l - 1), seen.size());
        }
    }
}
