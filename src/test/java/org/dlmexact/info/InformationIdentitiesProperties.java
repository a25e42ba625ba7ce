package org.dlmexact.info;

import static org.dlmexact.info.Corpus.assertExact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.dlmexact.law.LawEnumerator.Named;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The identities of theory.md section 1, as exact equalities, on every small law (exhaustive,
 * smallest first) and on seeded random laws up to L = 6.
 */
class InformationIdentitiesProperties {

    private static Stream<DynamicNode> over(String property, BiConsumer<Named, InformationProfile> check) {
        return Stream.of(container(property + " [exhaustive]", Corpus.small(), check),
                container(property + " [seeded]", Corpus.seeded(), check));
    }

    private static DynamicContainer container(String name, List<Named> laws, BiConsumer<Named, InformationProfile> check) {
        return DynamicContainer.dynamicContainer(name, laws.stream()
                .map(n -> dynamicTest(n.name(), () -> check.accept(n, Corpus.profile(n)))));
    }

    @TestFactory
    Stream<DynamicNode> totalCorrelationIsSumOfCurve() {
        return over("TC = sum_j Z_j", (n, p) -> {
            ExactReal sum = ExactReal.ZERO;
            for (ExactReal z : p.informationCurve()) {
                sum = sum.add(z);
            }
            assertExact(p.totalCorrelation(), sum, "TC vs sum Z");
        });
    }

    @TestFactory
    Stream<DynamicNode> dualTotalCorrelationFromCurve() {
        return over("DTC = L Z_L - TC", (n, p) -> {
            int l = p.law().length();
            assertExact(p.dualTotalCorrelation(), p.z(l).multiply(l).subtract(p.totalCorrelation()), "DTC");
        });
    }

    @TestFactory
    Stream<DynamicNode> sumOfMutualInformations() {
        return over("SumI = TC + DTC = L Z_L = sum_i I(X_i; X_-i)", (n, p) -> {
            int l = p.law().length();
            int full = p.law().space().fullMask();
            assertExact(p.sumMutualInformation(), p.totalCorrelation().add(p.dualTotalCorrelation()), "SumI vs TC + DTC");
            assertExact(p.sumMutualInformation(), p.z(l).multiply(l), "SumI vs L Z_L");
            ExactReal direct = ExactReal.ZERO;
            for (int i = 0; i < l; i++) {
                direct = direct.add(p.entropies().mutualInformation(1 << i, full & ~(1 << i), 0));
            }
            assertExact(p.sumMutualInformation(), direct, "SumI vs sum of I(X_i; X_-i)");
        });
    }

    @TestFactory
    Stream<DynamicNode> totalCorrelationsFromDefinitions() {
        return over("TC and DTC from their definitions", (n, p) -> {
            Entropies h = p.entropies();
            int l = p.law().length();
            int full = p.law().space().fullMask();
            ExactReal tc = h.jointEntropy().negate();
            ExactReal dtc = h.jointEntropy();
            for (int i = 0; i < l; i++) {
                tc = tc.add(h.entropy(1 << i));
                dtc = dtc.subtract(h.conditionalEntropy(1 << i, full & ~(1 << i)));
            }
            assertExact(tc, p.totalCorrelation(), "TC = sum_i H(X_i) - H(X)");
            assertExact(dtc, p.dualTotalCorrelation(), "DTC = H(X) - sum_i H(X_i | X_-i)");
        });
    }

    @TestFactory
    Stream<DynamicNode> averageEntropiesAndCurve() {
        return over("e_k averages, Z_j = e_1 + e_{j-1} - e_j, Z_1 = 0", (n, p) -> {
            int l = p.law().length();
            int full = p.law().space().fullMask();
            assertTrue(p.averageEntropy(0).isZero(), "e_0 = 0");
            for (int k = 1; k <= l; k++) {
                ExactReal s = ExactReal.ZERO;
                int count = 0;
                for (int m = 0; m <= full; m++) {
                    if (Integer.bitCount(m) == k) {
                        s = s.add(p.entropies().entropy(m));
                        count++;
                    }
                }
                assertExact(s.divide(count), p.averageEntropy(k), "e_" + k);
            }
            assertExact(p.entropies().jointEntropy(), p.averageEntropy(l), "e_L = H(X)");
            assertEquals(l, p.informationCurve().size());
            assertTrue(p.z(1).isZero(), "Z_1 = 0, got " + p.z(1));
            for (int j = 1; j <= l; j++) {
                assertExact(p.averageEntropy(1).add(p.averageEntropy(j - 1)).subtract(p.averageEntropy(j)), p.z(j),
                        "Z_" + j);
            }
        });
    }

    @TestFactory
    Stream<DynamicNode> curveIsAverageOfMutualInformation() {
        return over("Z_j = avg over |S| = j-1, i not in S of I(X_i; X_S)", (n, p) -> {
            int l = p.law().length();
            int full = p.law().space().fullMask();
            for (int j = 1; j <= l; j++) {
                ExactReal s = ExactReal.ZERO;
                int count = 0;
                for (int m = 0; m <= full; m++) {
                    if (Integer.bitCount(m) != j - 1) {
                        continue;
                    }
                    for (int i = 0; i < l; i++) {
                        if ((m & (1 << i)) == 0) {
                            s = s.add(p.entropies().mutualInformation(1 << i, m, 0));
                            count++;
                        }
                    }
                }
                assertExact(s.divide(count), p.z(j), "Z_" + j);
            }
        });
    }

    @TestFactory
    Stream<DynamicNode> curveIsNonDecreasing() {
        return over("Z non-decreasing (Han)", (n, p) -> {
            for (int k = 1; k < p.law().length(); k++) {
                assertTrue(p.z(k + 1).compareTo(p.z(k)) >= 0, "Z_" + (k + 1) + " < Z_" + k + ": " + p.z(k + 1)
                        + " < " + p.z(k));
                assertTrue(p.increment(k).signum() >= 0, "Delta Z_" + k + " < 0");
            }
        });
    }

    @TestFactory
    Stream<DynamicNode> incrementIsAverageConditionalMutualInformation() {
        return over("Delta Z_k = avg over |S| = k-1, i != j not in S of I(X_i; X_j | X_S)", (n, p) -> {
            int l = p.law().length();
            int full = p.law().space().fullMask();
            for (int k = 1; k < l; k++) {
                ExactReal s = ExactReal.ZERO;
                int count = 0;
                for (int m = 0; m <= full; m++) {
                    if (Integer.bitCount(m) != k - 1) {
                        continue;
                    }
                    for (int i = 0; i < l; i++) {
                        for (int j = i + 1; j < l; j++) {
                            if ((m & (1 << i)) == 0 && (m & (1 << j)) == 0) {
                                s = s.add(p.entropies().mutualInformation(1 << i, 1 << j, m));
                                count++;
                            }
                        }
                    }
                }
                assertExact(s.divide(count), p.increment(k), "Delta Z_" + k);
            }
        });
    }

    @TestFactory
    Stream<DynamicNode> mutualInformationSymmetricAndNonNegative() {
        return over("I(A;B) = I(B;A) >= 0 and I(A;B|C) = I(B;A|C) for disjoint A, B, C", (n, p) -> {
            Entropies h = p.entropies();
            int l = p.law().length();
            int full = p.law().space().fullMask();
            for (int a = 1; a <= full; a++) {
                for (int b = a + 1; b <= full; b++) {
                    if ((a & b) != 0) {
                        continue;
                    }
                    ExactReal ab = h.mutualInformation(a, b, 0);
                    assertExact(ab, h.mutualInformation(b, a, 0), "I(" + a + ";" + b + ") symmetric");
                    assertTrue(ab.signum() >= 0, "I(" + a + ";" + b + ") = " + ab + " < 0");
                    if (l <= 4) {
                        int c = full & ~(a | b);
                        ExactReal abc = h.mutualInformation(a, b, c);
                        assertExact(abc, h.mutualInformation(b, a, c), "I(" + a + ";" + b + "|" + c + ") symmetric");
                    }
                }
            }
        });
    }

    /**
     * Chain rule {@code H(X_A, X_B) = H(X_A) + H(X_B | X_A)}, with the conditional entropy
     * computed independently as {@code -sum_{a,b} p(a,b) ln(p(a,b) / p(a))} from the table.
     */
    @TestFactory
    Stream<DynamicNode> chainRule() {
        return over("H(X_A, X_B) = H(X_A) + H(X_B | X_A)", (n, p) -> {
            var law = p.law();
            var sp = law.space();
            int full = sp.fullMask();
            for (int a = 0; a <= full; a++) {
                int rest = full & ~a;
                // every B inside the complement of A, by sub-mask enumeration
                for (int b = rest; ; b = (b - 1) & rest) {
                    if (b != 0) {
                        java.util.Map<java.math.BigInteger, Rational> terms = new java.util.HashMap<>();
                        java.util.Map<Integer, java.math.BigInteger> wab = new java.util.HashMap<>();
                        java.util.Map<Integer, java.math.BigInteger> wa = new java.util.HashMap<>();
                        for (int idx = 0; idx < sp.size(); idx++) {
                            java.math.BigInteger w = law.weight(idx);
                            if (w.signum() > 0) {
                                wab.merge(sp.project(idx, a | b), w, java.math.BigInteger::add);
                                wa.merge(sp.project(idx, a), w, java.math.BigInteger::add);
                            }
                        }
                        // p(a,b) ln(p(a,b)/p(a)) = (w_ab/D) (ln w_ab - ln w_a); sum over (a,b) cells
                        for (int idx = 0; idx < sp.size(); idx++) {
                            // visit each (a,b) cell once: at its smallest outcome index
                            int cell = sp.project(idx, a | b);
                            java.math.BigInteger w = wab.get(cell);
                            if (w == null || !isFirst(sp, idx, a | b)) {
                                continue;
                            }
                            Rational q = Rational.of(w, law.denominator());
                            terms.merge(w, q.negate(), Rational::add);
                            terms.merge(wa.get(sp.project(idx, a)), q, Rational::add);
                        }
                        ExactReal condDirect = ExactReal.lnCombination(Rational.ZERO, terms);
                        Entropies h = p.entropies();
                        assertExact(h.entropy(a | b), h.entropy(a).add(condDirect), "A=" + a + " B=" + b);
                        assertExact(h.conditionalEntropy(b, a), condDirect, "H(B|A) A=" + a + " B=" + b);
                    }
                    if (b == 0) {
                        break;
                    }
                }
            }
        });
    }

    /** Whether {@code idx} is the smallest index whose restriction to {@code mask} is its own. */
    private static boolean isFirst(org.dlmexact.law.SequenceSpace sp, int idx, int mask) {
        for (int i = 0; i < sp.length(); i++) {
            if ((mask & (1 << i)) == 0 && sp.token(idx, i) != 0) {
                return false;
            }
        }
        return true;
    }
}
