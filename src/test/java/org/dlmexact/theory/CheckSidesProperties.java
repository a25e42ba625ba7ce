package org.dlmexact.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dlmexact.law.Families;
import org.dlmexact.law.LawEnumerator;
import org.dlmexact.law.LawEnumerator.Named;
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

    /** lambda - 2 is the largest n with (zeta/(zeta-1))^n <= L - zeta + 1: exact rational powers. */
    private static int lambdaByPowers(int l, int zeta) {
        Rational ratio = Rational.of(zeta, zeta - 1);
        Rational bound = Rational.of(l - zeta + 1);
        int n = 0;
        while (ratio.pow(n + 1).compareTo(bound) <= 0) {
            n++;
        }
        return n + 2;
    }

    /** The Theorem 9 reveal sizes from the formulas in ChenCongLiTheorem9's documentation. */
    private static List<Integer> theorem9Sizes(int l, boolean tc, int zeta) {
        List<Integer> parts = new ArrayList<>();
        if (zeta >= l + 1) {
            for (int i = 0; i < l; i++) {
                parts.add(1);
            }
            return parts;
        }
        if (zeta == 1) {
            parts.add(l);
            return parts;
        }
        int lambda = lambdaByPowers(l, zeta);
        if (tc) {
            // N_i = N_{i-1} + floor((L - N_{i-1})/zeta), i <= lambda, then single tokens
            int n = 0;
            for (int i = 1; i <= lambda; i++) {
                int next = n + Math.floorDiv(l - n, zeta);
                if (next > n) {
                    parts.add(next - n);
                }
                n = next;
            }
            while (n++ < l) {
                parts.add(1);
            }
        } else {
            // N'_0 = L, N'_i = ceil(N'_{i-1} (1 - 1/zeta)); single tokens first, then the batches in reverse
            List<Integer> batches = new ArrayList<>();
            int n = l;
            for (int i = 1; i <= lambda; i++) {
                Rational exact = Rational.of(n).multiply(Rational.ONE.subtract(Rational.of(1, zeta)));
                int next = exact.ceil().intValueExact();
                if (next < n) {
                    batches.add(0, n - next);
                }
                n = next;
            }
            for (int i = 0; i < n; i++) {
                parts.add(1);
            }
            parts.addAll(batches);
        }
        return parts;
    }

    @TestFactory
    Stream<DynamicTest> chenCongLiTheorem9Sides() {
        // a sweep of targets, so that zeta takes every value from 1 to beyond L + 1 (incl. L - 1, L, L + 1)
        List<Rational> targets = new ArrayList<>(List.of(Rational.of(2), Rational.ONE));
        for (int n = 2; n <= 60; n++) {
            targets.add(Rational.of(1, n));
        }
        return perLaw(law -> {
            InformationProfile info = InformationProfile.of(law.law());
            int l = law.law().length();
            for (ChenCongLiTheorem9.Version v : ChenCongLiTheorem9.Version.values()) {
                boolean tc = v == ChenCongLiTheorem9.Version.TC;
                ExactReal est = tc ? info.totalCorrelation() : info.dualTotalCorrelation();
                for (Rational eps : targets) {
                    // zeta - 1 = ceil(est/eps): zeta - 2 < est/eps <= zeta - 1, decided exactly
                    java.math.BigInteger zeta = ChenCongLiTheorem9.zeta(est, eps);
                    ExactReal q = est.divide(eps);
                    assertTrue(q.compareTo(ExactReal.of(Rational.of(zeta.subtract(java.math.BigInteger.ONE)))) <= 0
                            && q.compareTo(ExactReal.of(Rational.of(zeta.subtract(java.math.BigInteger.TWO)))) > 0,
                            "zeta = " + zeta + " for " + est + " / " + eps);
                    Schedule k = ChenCongLiTheorem9.schedule(l, v, est, eps);
                    int z = zeta.min(java.math.BigInteger.valueOf(l + 1L)).intValueExact();
                    List<Integer> sizes = new ArrayList<>();
                    for (int s : k.sizes()) {
                        sizes.add(s);
                    }
                    assertEquals(theorem9Sizes(l, tc, z), sizes, v + " eps = " + eps + " zeta = " + zeta);
                    List<Check> checks = ChenCongLiTheorem9.checks(info, v, eps);
                    assertEquals(ChenCongLiTheorem9.ID_STEPS, checks.get(0).id());
                    assertEquals(ExactReal.of(Rational.of(k.steps())), checks.get(0).lhs().value());
                    assertEquals(ExactReal.ln(l).add(ExactReal.ONE).multiply(Rational.of(zeta)).add(ExactReal.of(Rational.of(2))),
                            checks.get(0).rhs().value(), "2 + (1 + ln L) zeta");
                    assertEquals(ChenCongLiTheorem9.ID_ERROR, checks.get(1).id());
                    assertEquals(IdealError.closedForm(info, k), checks.get(1).lhs().value());
                    assertEquals(ExactReal.of(eps), checks.get(1).rhs().value());
                }
            }
            for (int zeta = 2; zeta <= l; zeta++) {
                assertEquals(lambdaByPowers(l, zeta), ChenCongLiTheorem9.lambda(l, zeta), "lambda(" + l + ", " + zeta + ")");
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> optimalScheduleIsTheLexicographicallySmallestMinimiser() {
        return perLaw(law -> {
            InformationProfile info = InformationProfile.of(law.law());
            int l = law.law().length();
            List<ChenCongLiOptimalSchedule.Optimum> dp = ChenCongLiOptimalSchedule.optimise(info);
            assertEquals(l, dp.size());
            for (int t = 1; t <= l; t++) {
                ExactReal best = null;
                int[] bestSizes = null;
                for (Schedule k : Schedule.all(l)) {
                    if (k.steps() != t) {
                        continue;
                    }
                    ExactReal v = IdealError.closedForm(info, k);
                    int cmp = best == null ? -1 : v.compareTo(best);
                    if (cmp < 0 || (cmp == 0 && java.util.Arrays.compare(k.sizes(), bestSizes) < 0)) {
                        best = v;
                        bestSizes = k.sizes();
                    }
                }
                ChenCongLiOptimalSchedule.Optimum o = dp.get(t - 1);
                assertEquals(t, o.steps());
                assertEquals(best, o.error(), "T = " + t);
                assertEquals(java.util.Arrays.toString(bestSizes), java.util.Arrays.toString(o.schedule().sizes()),
                        "T = " + t + ": ties go to the lexicographically smallest sizes");
                assertEquals(best, ChenCongLiOptimalSchedule.enumerate(info).get(t - 1));
            }
        });
    }

    /** Readings (a) and (b) from their definitions: the size of W_j, j = 0..199, then the rest of the series. */
    private static Rational weightBySizes(LiCaiTheorem2.Reading r, int l, int sMax, int a) {
        Rational w = Rational.ZERO;
        java.math.BigInteger choose = org.dlmexact.info.InformationProfile.binomial(l - 1, a);
        for (int j = 0; j < 200; j++) {
            java.math.BigInteger twoJ = java.math.BigInteger.ONE.shiftLeft(j);
            java.math.BigInteger size = r == LiCaiTheorem2.Reading.A
                    ? twoJ.multiply(java.math.BigInteger.valueOf(sMax)).min(java.math.BigInteger.valueOf(l - 1))
                    : java.math.BigInteger.valueOf(l).subtract(Rational.of(java.math.BigInteger.valueOf(sMax), twoJ).ceil());
            if (size.intValueExact() == a) {
                w = w.add(Rational.of(java.math.BigInteger.ONE, twoJ.multiply(choose)));
            }
        }
        if (a == l - 1) {
            w = w.add(Rational.of(java.math.BigInteger.ONE, java.math.BigInteger.ONE.shiftLeft(199))); // sum_{j >= 200} 2^-j
        }
        return w;
    }

    @TestFactory
    Stream<DynamicTest> liCaiTheorem2Sides() {
        return perLaw(law -> {
            InformationProfile info = InformationProfile.of(law.law());
            int l = law.law().length();
            org.dlmexact.info.Entropies h = info.entropies();
            int full = law.law().space().fullMask();
            for (LiCaiTheorem2.Reading r : LiCaiTheorem2.Reading.values()) {
                for (int s = 2; s <= l; s++) {
                    if (r == LiCaiTheorem2.Reading.A || r == LiCaiTheorem2.Reading.B) {
                        for (int a = 0; a < l; a++) {
                            assertEquals(weightBySizes(r, l, s, a), LiCaiTheorem2.weight(r, l, s, a),
                                    r + " L = " + l + " s_max = " + s + " |W| = " + a);
                        }
                    }
                    // F = sum_i sum_{W subset of the others} w(|W|) I(X_i ; X_W), I from subset entropies
                    ExactReal f = ExactReal.ZERO;
                    for (int i = 0; i < l; i++) {
                        int others = full & ~(1 << i);
                        for (int w = 0; w <= full; w++) {
                            if ((w & ~others) != 0) {
                                continue;
                            }
                            ExactReal mi = h.entropy(1 << i).add(h.entropy(w)).subtract(h.entropy(w | 1 << i));
                            f = f.add(mi.multiply(LiCaiTheorem2.weight(r, l, s, Integer.bitCount(w))));
                        }
                    }
                    assertEquals(f, LiCaiTheorem2.functional(info, r, s), r + " s_max = " + s);
                }
                List<Check> checks = LiCaiTheorem2.checks(info, r);
                assertEquals(2 * (l - 1), checks.size());
                for (int s = 2; s <= l; s++) {
                    ExactReal worst = null;
                    for (Schedule k : Schedule.all(l)) {
                        if (maxSize(k) == s) {
                            ExactReal v = IdealError.closedForm(info, k);
                            worst = worst == null || v.compareTo(worst) > 0 ? v : worst;
                        }
                    }
                    ExactReal f = LiCaiTheorem2.functional(info, r, s);
                    Check lower = checks.get(2 * (s - 2));
                    assertEquals(LiCaiTheorem2.ID, lower.id());
                    assertEquals(Relation.GE, lower.relation());
                    assertEquals(worst, lower.lhs().value(), "worst schedule with s_max = " + s);
                    assertEquals(f.multiply(Rational.of(s, 16L * l)), lower.rhs().value(), "s_max/(16 L) F");
                    Check cap = checks.get(2 * (s - 2) + 1);
                    assertEquals(LiCaiTheorem2.ID_FUNCTIONAL, cap.id());
                    assertEquals(f, cap.lhs().value());
                    assertEquals(info.sumMutualInformation().multiply(2), cap.rhs().value());
                }
            }
        });
    }

    /** Readings (c) and (d): the closed form lies within the series truncated after 60 terms and its tail bound. */
    @TestFactory
    Stream<DynamicTest> liCaiTheorem2IndependentReadingsAgainstTheirSeries() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int l = 2; l <= 6; l++) {
            for (int s = 2; s <= l; s++) {
                int fl = l;
                int fs = s;
                tests.add(DynamicTest.dynamicTest("L = " + l + ", s_max = " + s, () -> {
                    for (LiCaiTheorem2.Reading r : List.of(LiCaiTheorem2.Reading.C, LiCaiTheorem2.Reading.D)) {
                        Rational c = r == LiCaiTheorem2.Reading.C ? Rational.ONE : Rational.of(fs, fl);
                        for (int a = 0; a < fl; a++) {
                            int b = fl - 1 - a;
                            Rational partial = Rational.ZERO;
                            int terms = 60;
                            for (int j = 0; j < terms; j++) {
                                Rational two = Rational.of(java.math.BigInteger.ONE, java.math.BigInteger.ONE.shiftLeft(j));
                                Rational miss = c.multiply(two); // 1 - q_j
                                Rational q = Rational.ONE.subtract(miss);
                                partial = partial.add(two.multiply(q.pow(a)).multiply(miss.pow(b)));
                            }
                            // every term is in [0, 2^-j], so the tail after 60 terms is at most 2^-59
                            Rational tail = Rational.of(java.math.BigInteger.ONE, java.math.BigInteger.ONE.shiftLeft(terms - 1));
                            Rational w = LiCaiTheorem2.weight(r, fl, fs, a);
                            assertTrue(partial.compareTo(w) <= 0 && w.compareTo(partial.add(tail)) <= 0,
                                    r + " |W| = " + a + ": " + w + " outside the series bracket");
                        }
                    }
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> identityAndOptimumCheckCounts() {
        return perLaw(law -> {
            InformationProfile info = InformationProfile.of(law.law());
            int l = law.law().length();
            List<String> ids = new ArrayList<>();
            for (Check c : InformationIdentities.all(info)) {
                ids.add(c.id());
                assertEquals(Verdict.EQUALITY == c.verdict() || c.relation() == Relation.LE, true, c.toString());
            }
            assertEquals(List.of(InformationIdentities.ID_LEMMA_8, InformationIdentities.ID_LEMMA_8,
                    InformationIdentities.ID_LEMMA_8, InformationIdentities.ID_WAINWRIGHT, InformationIdentities.ID_WAINWRIGHT,
                    InformationIdentities.ID_WAINWRIGHT, InformationIdentities.ID_DMITRIEV, InformationIdentities.ID_DMITRIEV), ids);
            // Lemma 8 sides: TC and sum_j Z_j, by direct summation
            Check tc = InformationIdentities.chenCongLiLemma8(info).get(0);
            ExactReal sumZ = ExactReal.ZERO;
            for (int j = 1; j <= l; j++) {
                sumZ = sumZ.add(info.z(j));
            }
            assertEquals(info.totalCorrelation(), tc.lhs().value());
            assertEquals(sumZ, tc.rhs().value());
            List<Check> optimum = ChenCongLiOptimalSchedule.checks(info);
            assertEquals(l, optimum.size());
            for (Check c : optimum) {
                assertEquals(Verdict.EQUALITY, c.verdict(), c.toString());
            }
        });
    }
}
