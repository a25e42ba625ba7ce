package org.dlmexact.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.dlmexact.law.LawEnumerator.Named;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.info.Divergence;
import org.dlmexact.info.InformationProfile;
import org.dlmexact.sampler.IdealError;
import org.dlmexact.sampler.Schedule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The upper bounds of theory.md §4 hold, decided exactly, for every composition of L on the
 * exhaustive small laws and seeded laws up to L = 7 (optimal predictor, eps_train = 0).
 */
class UpperBoundsProperties {

    private static void forEveryComposition(Named law, java.util.function.BiConsumer<InformationProfile, Schedule> body) {
        InformationProfile info = InformationProfile.of(law.law());
        for (Schedule k : Schedule.all(law.law().length())) {
            body.accept(info, k);
        }
    }

    private static void assertHolds(Check c, Named law, Schedule k) {
        assertTrue(c.verdict().holds(), () -> law + " schedule " + k + ": " + c + " (" + c.note() + ")");
    }

    @TestFactory
    Stream<DynamicTest> liCaiTheorem1HoldsForEverySchedule() {
        return TheoryCorpus.laws().stream().map(law -> DynamicTest.dynamicTest(law.name(), () ->
                forEveryComposition(law, (info, k) -> {
                    ExactReal ideal = IdealError.closedForm(info, k);
                    assertHolds(LiCaiTheorem1.check(k, Divergence.finite(ideal), info.sumMutualInformation(),
                            Divergence.finite(ExactReal.ZERO)), law, k);
                    if (LiCaiCorollary1.applies(k)) {
                        assertHolds(LiCaiCorollary1.check(k, Divergence.finite(ideal), info.sumMutualInformation(),
                                Divergence.finite(ExactReal.ZERO)), law, k);
                    }
                })));
    }

    @TestFactory
    Stream<DynamicTest> chenCongLiChainHoldsForEverySchedule() {
        return TheoryCorpus.laws().stream().map(law -> DynamicTest.dynamicTest(law.name(), () ->
                forEveryComposition(law, (info, k) -> {
                    for (Check c : ChenCongLiChain.checks(info, k, IdealError.closedForm(info, k))) {
                        assertHolds(c, law, k);
                    }
                    // the chain's right end is (s_max - 1)/L SumI exactly
                    int l = law.law().length();
                    assertEquals(info.z(l).multiply(k.maxSize() - 1),
                            info.sumMutualInformation().multiply(org.dlmexact.exact.Rational.of(k.maxSize() - 1, l)));
                })));
    }

    @TestFactory
    Stream<DynamicTest> liCaiRecursionHolds() {
        return TheoryCorpus.laws().stream().map(law -> DynamicTest.dynamicTest(law.name(), () -> {
            for (Check c : LiCaiRecursion.checks(InformationProfile.of(law.law()))) {
                assertTrue(c.verdict().holds(), () -> law + ": " + c + " (" + c.note() + ")");
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> informationIdentityChecksHold() {
        return TheoryCorpus.laws().stream().map(law -> DynamicTest.dynamicTest(law.name(), () -> {
            for (Check c : InformationIdentities.all(InformationProfile.of(law.law()))) {
                assertTrue(c.verdict().holds(), () -> law + ": " + c + " (" + c.note() + ")");
                if (c.relation() == Relation.EQ) {
                    assertEquals(Verdict.EQUALITY, c.verdict(), () -> law + ": " + c);
                }
            }
        }));
    }
}
