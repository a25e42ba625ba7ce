package org.dlmexact.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dlmexact.dist.Families;
import org.dlmexact.dist.LawEnumerator;
import org.dlmexact.dist.LawEnumerator.Named;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.Divergence;
import org.dlmexact.info.InformationProfile;
import org.dlmexact.sampler.IdealError;
import org.dlmexact.sampler.Schedule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The two sides of each check are the quantities theory.md states, recomputed here from the
 * statement's formula (not from the class under test), on every composition of small laws. The
 * "bound holds" properties alone would not notice a bound computed too large.
 */
class CheckSidesProperties {

    /** A few laws with dependence of every kind, L = 3..5. */
    private static List<Named> laws() {
        List<Named> out = new ArrayList<>();
        for (String spec : List.of("pairs:4", "parity:4", "repetition:3,3", "markov:5:1/3,2/3;3/4,1/4", "uniform:2,3")) {
            out.add(new Named(spec, Families.parse(spec)));
        }
        out.addAll(LawEnumerator.seeded("sparse", 2, 4, 31, 2));
        out.addAll(LawEnumerator.seeded("markov", 3, 3, 17, 1));
        return out;
    }

    /** The least {@code c} with {@code 2^c >= s}, by counting. */
    private static int ceilLog2(int s) {
        int c = 0;
        long p = 1;
        while (p < s) {
            p *= 2;
            c++;
        }
        return c;
    }

    /** The number of positions revealed after step {@code j}, from the sizes. */
    private static int revealed(Schedule k, int j) {
        int n = 0;
        for (int i = 1; i <= j; i++) {
            n += k.sizes()[i - 1];
        }
        return n;
    }

    private static int maxSize(Schedule k) {
        int m = 0;
        for (int s : k.sizes()) {
            m = Math.max(m, s);
        }
        return m;
    }

    private static ExactReal z(InformationProfile info, int n) {
        return n == 0 ? ExactReal.ZERO : info.z(n);
    }

    private static Stream<DynamicTest> perLaw(java.util.function.Consumer<Named> body) {
        return laws().stream().map(law -> DynamicTest.dynamicTest(law.name(), () -> body.accept(law)));
    }

    @TestFactory
    Stream<DynamicTest> liCaiTheorem1AndCorollary1Sides() {
        ExactReal eps = ExactReal.ln(3).divide(7);
        return perLaw(law -> {
            InformationProfile info = InformationProfile.of(law.law());
            int l = law.law().length();
            ExactReal sumI = info.sumMutualInformation();
            for (Schedule k : Schedule.all(l)) {
                ExactReal ideal = IdealError.closedForm(info, k);
                Check t1 = LiCaiTheorem1.check(k, Divergence.finite(ideal), sumI, Divergence.finite(eps));
                Rational c = Rational.of((1L << ceilLog2(maxSize(k))) - 1, l);
                assertEquals(ideal, t1.lhs().value(), k.toString());
                assertEquals(sumI.multiply(c).add(eps), t1.rhs().value(), k + ": (2^ceil(log2 s_max) - 1)/L SumI + eps");
                assertEquals(Relation.LE, t1.relation());
                assertTrue(LiCaiTheorem1.check(k, Divergence.finite(ideal), sumI, Divergence.infinite(0)).rhs().isInfinite());
                // balanced in the corollary's sense: s_max <= ceil(L/T), ceil by counting
                int t = k.steps();
                int ceil = 0;
                while (ceil * t < l) {
                    ceil++;
                }
                boolean balanced = maxSize(k) <= ceil;
                assertEquals(balanced, LiCaiCorollary1.applies(k), k.toString());
                if (balanced) {
                    Check c1 = LiCaiCorollary1.check(k, Divergence.finite(ideal), sumI, Divergence.finite(eps));
                    assertEquals(sumI.multiply(Rational.of(3, t)).add(eps), c1.rhs().value(), k + ": 3/T SumI + eps");
                    assertEquals(ideal, c1.lhs().value());
                    assertTrue(LiCaiCorollary1.check(k, Divergence.finite(ideal), sumI, Divergence.infinite(1)).rhs()
                            .isInfinite());
                } else {
                    assertThrows(IllegalArgumentException.class,
                            () -> LiCaiCorollary1.check(k, Divergence.finite(ideal), sumI, Divergence.finite(eps)));
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> chenCongLiChainSides() {
        return perLaw(law -> {
            InformationProfile info = InformationProfile.of(law.law());
            int l = law.law().length();
            for (Schedule k : Schedule.all(l)) {
                ExactReal ideal = IdealError.closedForm(info, k);
                ExactReal middle = ExactReal.ZERO;
                for (int j = 1; j <= k.steps(); j++) {
                    ExactReal dz = z(info, revealed(k, j)).subtract(z(info, revealed(k, j - 1)));
                    middle = middle.add(dz.multiply(k.sizes()[j - 1] - 1));
                }
                assertEquals(middle, ChenCongLiChain.middle(info, k), k.toString());
                List<Check> checks = ChenCongLiChain.checks(info, k, ideal);
                assertEquals(ChenCongLiChain.ID, checks.get(0).id());
                assertEquals(ideal, checks.get(0).lhs().value());
                assertEquals(middle, checks.get(0).rhs().value());
                assertEquals(ChenCongLiChain.ID_MAX, checks.get(1).id());
                assertEquals(middle, checks.get(1).lhs().value());
                assertEquals(info.sumMutualInformation().multiply(Rational.of(maxSize(k) - 1, l)),
                        checks.get(1).rhs().value(), k + ": (s_max - 1)/L SumI");
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> liCaiRecursionSides() {
        return perLaw(law -> {
            InformationProfile info = InformationProfile.of(law.law());
            int l = law.law().length();
            List<Schedule> all = Schedule.all(l);
            // eps(s) = the largest Ideal over schedules with s_max <= s, by direct search
            List<ExactReal> eps = new ArrayList<>();
            for (int s = 1; s <= l; s++) {
                ExactReal worst = null;
                for (Schedule k : all) {
                    if (maxSize(k) <= s) {
                        ExactReal v = IdealError.closedForm(info, k);
                        worst = worst == null || v.compareTo(worst) > 0 ? v : worst;
                    }
                }
                eps.add(worst);
            }
            assertEquals(eps, LiCaiRecursion.worstBySMax(info));
            List<Check> checks = LiCaiRecursion.checks(info);
            assertEquals(l, checks.size());
            assertEquals(Relation.EQ, checks.get(0).relation());
            assertEquals(eps.get(0), checks.get(0).lhs().value());
            assertTrue(checks.get(0).rhs().value().isZero());
            for (int s = 2; s <= l; s++) {
                Check c = checks.get(s - 1);
                int half = s / 2 + s % 2;
                assertEquals(eps.get(s - 1), c.lhs().value(), "eps(" + s + ")");
                assertEquals(eps.get(half - 1).add(info.sumMutualInformation().multiply(Rational.of(s, 2L * l))),
                        c.rhs().value(), "eps(ceil(s/2)) + s/(2L) SumI at s = " + s);
            }
        });
    }
}
