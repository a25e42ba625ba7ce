package org.dlmexact.info;

import static org.dlmexact.info.Corpus.assertExact;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.law.LawEnumerator;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The special cases of theory.md section 3 for the information curve. The expected values are
 * derived here from the definitions: each family's subset entropies {@code H(X_S)} follow from
 * its structure, {@code e_k} is their average (computed in the test by counting subsets) and
 * {@code Z_j = e_1 + e_{j-1} - e_j}; TC and DTC from {@code sum_i H(X_i) - H(X)} and
 * {@code H(X) - sum_i (H(X) - H(X_{-i}))}. None of it is read from the code under test.
 */
class SpecialCasesTest {

    /** Expected curve and correlations from a closed form {@code H(X_S) = f(S)}. */
    private static void checkAgainst(Law law, IntFunction<ExactReal> h) {
        int l = law.length();
        int full = (1 << l) - 1;
        ExactReal[] e = new ExactReal[l + 1];
        for (int k = 0; k <= l; k++) {
            ExactReal s = ExactReal.ZERO;
            int count = 0;
            for (int m = 0; m <= full; m++) {
                if (Integer.bitCount(m) == k) {
                    s = s.add(h.apply(m));
                    count++;
                }
            }
            e[k] = s.divide(count);
        }
        InformationProfile p = InformationProfile.of(law);
        for (int j = 1; j <= l; j++) {
            assertExact(e[1].add(e[j - 1]).subtract(e[j]), p.z(j), "Z_" + j);
        }
        ExactReal tc = h.apply(full).negate();
        ExactReal dtc = h.apply(full);
        for (int i = 0; i < l; i++) {
            tc = tc.add(h.apply(1 << i));
            dtc = dtc.subtract(h.apply(full).subtract(h.apply(full & ~(1 << i))));
        }
        assertExact(tc, p.totalCorrelation(), "TC");
        assertExact(dtc, p.dualTotalCorrelation(), "DTC");
        assertExact(h.apply(full), p.entropy(), "H(X)");
    }

    @TestFactory
    Stream<DynamicTest> repetition() {
        List<DynamicTest> out = new ArrayList<>();
        for (int v = 2; v <= 4; v++) {
            for (int l = 1; l <= (v == 2 ? 8 : 5); l++) {
                int vv = v;
                int ll = l;
                out.add(dynamicTest("repetition:" + v + "," + l, () -> {
                    // every non-empty S: X_S determined by one uniform symbol, H = ln V
                    Law law = Families.repetition(vv, ll);
                    checkAgainst(law, m -> m == 0 ? ExactReal.ZERO : ExactReal.ln(vv));
                    InformationProfile p = InformationProfile.of(law);
                    assertExact(ExactReal.ZERO, p.z(1), "Z_1");
                    for (int j = 2; j <= ll; j++) {
                        assertExact(ExactReal.ln(vv), p.z(j), "Z_" + j + " = ln V");
                    }
                    assertExact(ExactReal.ln(vv).multiply(ll - 1), p.totalCorrelation(), "TC = (L-1) ln V");
                    assertExact(ll == 1 ? ExactReal.ZERO : ExactReal.ln(vv), p.dualTotalCorrelation(), "DTC = ln V");
                }));
            }
        }
        return out.stream();
    }

    @TestFactory
    Stream<DynamicTest> parity() {
        List<DynamicTest> out = new ArrayList<>();
        for (int l = 1; l <= 9; l++) {
            int ll = l;
            out.add(dynamicTest("parity:" + l, () -> {
                // any L-1 bits are uniform; the last is their parity: H(X_S) = |S| ln 2 for |S| < L, (L-1) ln 2 for S = [L]
                int full = (1 << ll) - 1;
                Law law = Families.parity(ll);
                checkAgainst(law, m -> ExactReal.ln(2).multiply(m == full ? ll - 1 : Integer.bitCount(m)));
                InformationProfile p = InformationProfile.of(law);
                for (int j = 1; j < ll; j++) {
                    assertExact(ExactReal.ZERO, p.z(j), "Z_" + j + " = 0");
                }
                assertExact(ll == 1 ? ExactReal.ZERO : ExactReal.ln(2), p.z(ll), "Z_L = ln 2");
            }));
        }
        return out.stream();
    }

    @TestFactory
    Stream<DynamicTest> pairs() {
        List<DynamicTest> out = new ArrayList<>();
        for (int l = 2; l <= 10; l += 2) {
            int ll = l;
            out.add(dynamicTest("pairs:" + l, () -> {
                // H(X_S) = (number of pairs {2t, 2t+1} that S touches) ln 2
                Law law = Families.pairs(ll);
                checkAgainst(law, m -> {
                    int touched = 0;
                    for (int t = 0; t < ll; t += 2) {
                        touched += (m & (3 << t)) != 0 ? 1 : 0;
                    }
                    return ExactReal.ln(2).multiply(touched);
                });
                InformationProfile p = InformationProfile.of(law);
                for (int j = 1; j <= ll; j++) {
                    assertExact(ExactReal.ln(2).multiply(Rational.of(j - 1, ll - 1)), p.z(j), "Z_" + j + " = (j-1)/(L-1) ln 2");
                }
                ExactReal half = ExactReal.ln(2).multiply(Rational.of(ll, 2));
                assertExact(half, p.totalCorrelation(), "TC = L/2 ln 2");
                assertExact(half, p.dualTotalCorrelation(), "DTC = L/2 ln 2");
                assertExact(ExactReal.ln(2).multiply(ll), p.sumMutualInformation(), "SumI = L ln 2");
            }));
        }
        return out.stream();
    }

    @TestFactory
    Stream<DynamicTest> productLaws() {
        List<DynamicTest> out = new ArrayList<>();
        int[][] spaces = {{2, 2}, {2, 3}, {2, 5}, {2, 7}, {3, 2}, {3, 4}, {4, 3}, {5, 2}};
        for (int[] s : spaces) {
            for (long seed = 1; seed <= 4; seed++) {
                int v = s[0];
                int l = s[1];
                long sd = seed;
                out.add(dynamicTest("random-product:" + v + "," + l + "," + seed, () -> {
                    // H(X_S) = sum_{i in S} H(p_i), from the marginals themselves
                    Rational[][] marg = LawEnumerator.randomProductMarginals(v, l, sd);
                    ExactReal[] hi = new ExactReal[l];
                    for (int i = 0; i < l; i++) {
                        hi[i] = ExactReal.ZERO;
                        for (Rational q : marg[i]) {
                            hi[i] = hi[i].subtract(ExactReal.xLnX(q));
                        }
                    }
                    Law law = Families.product(marg);
                    checkAgainst(law, m -> {
                        ExactReal r = ExactReal.ZERO;
                        for (int i = 0; i < l; i++) {
                            if ((m & (1 << i)) != 0) {
                                r = r.add(hi[i]);
                            }
                        }
                        return r;
                    });
                    InformationProfile p = InformationProfile.of(law);
                    for (int j = 1; j <= l; j++) {
                        assertExact(ExactReal.ZERO, p.z(j), "Z_" + j);
                    }
                    assertExact(ExactReal.ZERO, p.totalCorrelation(), "TC");
                    assertExact(ExactReal.ZERO, p.dualTotalCorrelation(), "DTC");
                    assertExact(ExactReal.ZERO, p.sumMutualInformation(), "SumI");
                }));
            }
        }
        return out.stream();
    }

    @TestFactory
    Stream<DynamicTest> uniform() {
        List<DynamicTest> out = new ArrayList<>();
        for (int v = 2; v <= 5; v++) {
            for (int l = 1; l <= 4; l++) {
                int vv = v;
                int ll = l;
                out.add(dynamicTest("uniform:" + v + "," + l, () -> {
                    Law law = Families.uniform(vv, ll);
                    checkAgainst(law, m -> ExactReal.ln(vv).multiply(Integer.bitCount(m)));
                    InformationProfile p = InformationProfile.of(law);
                    for (int j = 1; j <= ll; j++) {
                        assertExact(ExactReal.ZERO, p.z(j), "Z_" + j);
                    }
                    assertExact(ExactReal.ZERO, p.totalCorrelation(), "TC");
                    assertExact(ExactReal.ZERO, p.dualTotalCorrelation(), "DTC");
                    assertExact(ExactReal.ZERO, p.sumMutualInformation(), "SumI");
                    assertExact(ExactReal.ln(vv).multiply(ll), p.entropy(), "H = L ln V");
                }));
            }
        }
        return out.stream();
    }
}
