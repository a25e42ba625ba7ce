package org.dlmexact.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.dlmexact.law.Families;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.InformationProfile;
import org.dlmexact.sampler.IdealError;
import org.dlmexact.sampler.Schedule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The optimal-schedule dynamic programme and the Theorem 9 schedules. */
class SchedulesProperties {

    @TestFactory
    Stream<DynamicTest> optimalScheduleDpEqualsEnumeration() {
        return TheoryCorpus.laws().stream().map(law -> DynamicTest.dynamicTest(law.name(), () -> {
            InformationProfile info = InformationProfile.of(law.law());
            List<ChenCongLiOptimalSchedule.Optimum> dp = ChenCongLiOptimalSchedule.optimise(info);
            for (Check c : ChenCongLiOptimalSchedule.checks(info)) {
                assertEquals(Verdict.EQUALITY, c.verdict(), () -> law + ": " + c + " " + c.note());
            }
            int l = law.law().length();
            for (ChenCongLiOptimalSchedule.Optimum o : dp) {
                Schedule k = o.schedule();
                assertEquals(o.steps(), k.steps());
                assertEquals(l, k.length());
                assertEquals(IdealError.closedForm(info, k), o.error(), law + " T = " + o.steps());
            }
            // T = L: all ones, error 0; T = 1: one shot, error TC
            assertTrue(dp.get(l - 1).error().isZero());
            assertEquals(info.totalCorrelation(), dp.get(0).error());
        }));
    }

    private static final List<Rational> TARGETS = List.of(Rational.of(1), Rational.of(1, 2), Rational.of(1, 4),
            Rational.of(1, 8), Rational.of(1, 16), Rational.of(1, 64), Rational.of(1, 1000));

    @TestFactory
    Stream<DynamicTest> theorem9SchedulesMeetTheirGuarantees() {
        return TheoryCorpus.laws().stream().map(law -> DynamicTest.dynamicTest(law.name(), () -> {
            InformationProfile info = InformationProfile.of(law.law());
            int l = law.law().length();
            for (ChenCongLiTheorem9.Version v : ChenCongLiTheorem9.Version.values()) {
                for (Rational eps : TARGETS) {
                    ExactReal est = v == ChenCongLiTheorem9.Version.TC ? info.totalCorrelation() : info.dualTotalCorrelation();
                    Schedule k = ChenCongLiTheorem9.schedule(l, v, est, eps);
                    assertEquals(l, k.length(), () -> k.toString());
                    for (Check c : ChenCongLiTheorem9.checks(info, v, eps)) {
                        assertTrue(c.verdict().holds(), () -> law + ": " + c + " (" + c.note() + ")");
                    }
                }
            }
        }));
    }

    @Test
    void theorem9DegenerateCases() {
        // TC = 0 (product law): zeta = 1, one shot
        InformationProfile prod = InformationProfile.of(Families.uniform(2, 5));
        assertEquals(List.of(5), box(ChenCongLiTheorem9.schedule(5, ChenCongLiTheorem9.Version.TC,
                prod.totalCorrelation(), Rational.of(1, 10))));
        // tiny target: zeta >= L + 1, all ones
        InformationProfile rep = InformationProfile.of(Families.repetition(2, 5));
        assertEquals(List.of(1, 1, 1, 1, 1), box(ChenCongLiTheorem9.schedule(5, ChenCongLiTheorem9.Version.DTC,
                rep.dualTotalCorrelation(), Rational.of(1, 1000))));
        // zeta is 1 + ceil(TC/eps), decided exactly: TC(repetition:2,5) = 4 ln 2 = 2.77..., eps = 1 -> zeta = 4
        assertEquals(java.math.BigInteger.valueOf(4), ChenCongLiTheorem9.zeta(rep.totalCorrelation(), Rational.ONE));
        // lambda(L, zeta) = floor(ln(L - zeta + 1)/ln(zeta/(zeta-1))) + 2: L = 10, zeta = 2: floor(ln 9/ln 2) + 2 = 5
        assertEquals(5, ChenCongLiTheorem9.lambda(10, 2));
        assertEquals(2, ChenCongLiTheorem9.lambda(4, 4));
    }

    private static List<Integer> box(Schedule k) {
        return IntStream.of(k.sizes()).boxed().toList();
    }
}
