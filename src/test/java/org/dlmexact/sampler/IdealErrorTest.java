package org.dlmexact.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.info.InformationProfile;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The closed form against its equivalent forms of theory.md section 3, exactly. */
class IdealErrorTest {

    /**
     * {@code Ideal(k) = sum_{k'} r(k') Delta Z_{k'}} with {@code r(k') = N_j - k'} in block {@code j},
     * and {@code Ideal(k) = sum_j [k_j e_{a+1} - (k_j - 1) e_a - e_{a+k_j}]}.
     */
    @TestFactory
    List<DynamicTest> equivalentForms() {
        List<DynamicTest> tests = new ArrayList<>();
        String[] laws = {"random:2,6,1", "random:2,7,2", "random:3,4,3", "markov:6:3/4,1/4;1/3,2/3", "parity:6"};
        for (String name : laws) {
            Law law = Families.parse(name);
            InformationProfile info = InformationProfile.of(law);
            int l = law.length();
            for (Schedule s : Schedule.all(l)) {
                tests.add(DynamicTest.dynamicTest("law " + name + ", schedule " + s, () -> {
                    ExactReal ideal = IdealError.closedForm(info, s);
                    ExactReal byIncrements = ExactReal.ZERO;
                    for (int j = 1; j <= s.steps(); j++) {
                        for (int kk = s.revealed(j - 1) + 1; kk <= s.revealed(j) && kk <= l - 1; kk++) {
                            byIncrements = byIncrements.add(info.increment(kk).multiply(s.revealed(j) - kk));
                        }
                    }
                    ExactReal byEntropies = ExactReal.ZERO;
                    for (int j = 1; j <= s.steps(); j++) {
                        int a = s.revealed(j - 1);
                        int k = s.size(j);
                        byEntropies = byEntropies.add(info.averageEntropy(a + 1).multiply(k))
                                .subtract(info.averageEntropy(a).multiply(k - 1))
                                .subtract(info.averageEntropy(a + k));
                    }
                    assertTrue(ideal.equals(byIncrements), "increment form");
                    assertTrue(ideal.equals(byEntropies), "entropy form");
                    assertTrue(ideal.signum() >= 0);
                    // each step's term is its block's sum_{m=1..k_j} (Z_{a+m} - Z_{a+1}), by the definition
                    for (int j = 1; j <= s.steps(); j++) {
                        int a = s.revealed(j - 1);
                        ExactReal block = ExactReal.ZERO;
                        for (int m = 1; m <= s.size(j); m++) {
                            block = block.add(info.z(a + m)).subtract(info.z(a + 1));
                        }
                        assertEquals(block, IdealError.stepTerm(info, s, j), "step " + j);
                        assertEquals(block, IdealError.blockTerm(info, a, s.size(j)), "block of step " + j);
                    }
                }));
            }
        }
        return tests;
    }

    /** The closed form needs no brute force: L = 12 over two symbols. */
    @Test
    void closedFormOnTwelvePositions() {
        Law law = Families.random(2, 12, 1);
        InformationProfile info = InformationProfile.of(law);
        Schedule ones = Schedule.parse("ones", 12, Schedule.Convention.REVEAL);
        assertTrue(IdealError.closedForm(info, ones).isZero());
        Schedule one = Schedule.parse("one-shot", 12, Schedule.Convention.REVEAL);
        assertTrue(IdealError.closedForm(info, one).equals(info.totalCorrelation()));
        assertTrue(IdealError.closedForm(info, Schedule.balanced(12, 3)).signum() > 0);
    }

    @Test
    void lengthMismatchIsRefused() {
        InformationProfile info = InformationProfile.of(Families.uniform(2, 3));
        assertThrows(IllegalArgumentException.class, () -> IdealError.closedForm(info, Schedule.of(2, 1, 1)));
        assertThrows(IllegalArgumentException.class, () -> IdealError.stepTerm(info, Schedule.of(3, 3), 2));
        Law law = Families.uniform(2, 3);
        assertThrows(IllegalArgumentException.class,
                () -> SamplerError.compute(law, Schedule.of(2, 2), Predictors.optimal(MarginalLattice.of(law))));
    }

    /** The brute-force work estimate and its refusal. */
    @Test
    void tooLargeForBruteForce() {
        Schedule ones = Schedule.parse("ones", 12, Schedule.Convention.REVEAL);
        // sum_c C(12, c) (12 - c) 2^(c+1) = 24 * 3^11
        assertEquals(java.math.BigInteger.valueOf(24L * 177147L), RandomOrder.work(2, ones));
        org.dlmexact.exact.InvalidInputException e = assertThrows(org.dlmexact.exact.InvalidInputException.class,
                () -> SamplerError.checkSize(2, ones));
        assertEquals("sampler.too-large", e.code());
        assertTrue(e.getMessage().contains("4251528"), e.getMessage());
    }
    /** A step of a schedule of the wrong length, and a block that does not fit, are refused by name. */
    @Test
    void misfitsAreNamed() {
        InformationProfile info = InformationProfile.of(Families.uniform(2, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IdealError.stepTerm(info, Schedule.of(2, 1, 1), 1));
        assertTrue(e.getMessage().contains("has length 2 but the law has length 3"), e.getMessage());
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class, () -> IdealError.blockTerm(info, 2, 2));
        assertTrue(f.getMessage().contains("block of 2 tokens after 2 visible ones does not fit in length 3"),
                f.getMessage());
        // the block that just fits: sum_{m=1..2} (Z_{1+m} - Z_2) = Z_3 - Z_2
        assertEquals(info.z(3).subtract(info.z(2)), IdealError.blockTerm(info, 1, 2));
    }
}
