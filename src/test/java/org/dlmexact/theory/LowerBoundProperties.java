package org.dlmexact.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.stream.Stream;
import org.dlmexact.law.LawEnumerator.Named;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.InformationProfile;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Li-Cai Theorem 2 under the four W_j readings (a sanity check, not a test of the paper). */
class LowerBoundProperties {

    /** For every reading and i, the weights sum_j 2^-j P_j(W) over all W sum to sum_j 2^-j = 2. */
    @Test
    void readingWeightsSumToTwo() {
        for (LiCaiTheorem2.Reading r : LiCaiTheorem2.Reading.values()) {
            for (int l = 2; l <= 10; l++) {
                for (int s = 2; s <= l; s++) {
                    Rational total = Rational.ZERO;
                    for (int a = 0; a <= l - 1; a++) {
                        Rational w = LiCaiTheorem2.weight(r, l, s, a);
                        assertTrue(w.signum() >= 0, r + " L=" + l + " s=" + s + " a=" + a);
                        total = total.add(w.multiply(InformationProfile.binomial(l - 1, a)));
                    }
                    assertEquals(Rational.of(2), total, r + " L=" + l + " s=" + s);
                }
            }
        }
    }

    /** Reading (c) at L = 2: the single other position is in W_j with probability 1 - 2^-j. */
    @Test
    void readingCWeightsMatchTheSeriesTermByTerm() {
        // sum_{j>=0} 2^-j (1 - 2^-j) = 2 - 4/3 = 2/3 for |W| = 1; sum_j 2^-j 2^-j = 4/3 for |W| = 0
        assertEquals(Rational.of(2, 3), LiCaiTheorem2.weight(LiCaiTheorem2.Reading.C, 2, 2, 1));
        assertEquals(Rational.of(4, 3), LiCaiTheorem2.weight(LiCaiTheorem2.Reading.C, 2, 2, 0));
        // reading (d) at L = 2, s_max = 2: probability 1 - 2^-j: the same as (c)
        assertEquals(Rational.of(2, 3), LiCaiTheorem2.weight(LiCaiTheorem2.Reading.D, 2, 2, 1));
        // reading (a) at L = 4, s_max = 2: size 2 at j = 0, then 3 = L-1 from j = 1 on (weight 2^(1-1) = 1)
        assertEquals(Rational.of(BigInteger.ONE, BigInteger.valueOf(3)), LiCaiTheorem2.weight(LiCaiTheorem2.Reading.A, 4, 2, 2));
        assertEquals(Rational.ONE, LiCaiTheorem2.weight(LiCaiTheorem2.Reading.A, 4, 2, 3));
    }

    @TestFactory
    Stream<DynamicTest> lowerBoundHoldsUnderEveryReadingOnSmallLaws() {
        return TheoryCorpus.laws().stream().filter(n -> n.law().length() >= 2 && n.law().length() <= 6)
                .map(law -> DynamicTest.dynamicTest(law.name(), () -> check(law)));
    }

    private static void check(Named law) {
        InformationProfile info = InformationProfile.of(law.law());
        for (LiCaiTheorem2.Reading r : LiCaiTheorem2.Reading.values()) {
            for (Check c : LiCaiTheorem2.checks(info, r)) {
                assertTrue(c.verdict().holds(), () -> law + ": " + c + " (" + c.note() + ")");
            }
        }
    }
}
