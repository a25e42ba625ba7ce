package org.dlmexact.info;

import static org.dlmexact.info.Corpus.assertExact;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dlmexact.law.Law;
import org.dlmexact.law.LawEnumerator;
import org.dlmexact.law.LawEnumerator.Named;
import org.dlmexact.law.SequenceSpace;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** {@link Entropies#entropy} against {@code -sum p ln p} summed directly from rational probabilities. */
class EntropyBruteForceProperties {

    static List<Named> laws() {
        List<Named> out = new ArrayList<>();
        out.addAll(LawEnumerator.grid(2, 1, 3));
        out.addAll(LawEnumerator.grid(3, 1, 3));
        out.addAll(LawEnumerator.grid(2, 2, 3));
        out.addAll(LawEnumerator.grid(3, 2, 1));
        out.addAll(LawEnumerator.grid(2, 3, 2));
        out.addAll(LawEnumerator.supportsUpToSymmetry(2, 4));
        int[][] spaces = {{2, 4}, {2, 5}, {2, 6}, {3, 3}, {3, 4}, {4, 2}, {4, 3}};
        for (int[] s : spaces) {
            out.addAll(LawEnumerator.seeded("sparse", s[0], s[1], 1, 4));
            out.addAll(LawEnumerator.seeded("markov", s[0], s[1], 1, 1));
        }
        return out;
    }

    /** {@code H(X_S) = -sum_y P(X_S = y) ln P(X_S = y)}, the marginal summed from Rational probabilities. */
    static ExactReal directEntropy(Law law, int mask) {
        SequenceSpace sp = law.space();
        Map<String, Rational> marginal = new HashMap<>();
        for (int idx = 0; idx < sp.size(); idx++) {
            StringBuilder key = new StringBuilder();
            int[] x = sp.outcome(idx);
            for (int i = 0; i < sp.length(); i++) {
                if ((mask & (1 << i)) != 0) {
                    key.append(x[i]).append(',');
                }
            }
            marginal.merge(key.toString(), law.probability(idx), Rational::add);
        }
        ExactReal h = ExactReal.ZERO;
        for (Rational p : marginal.values()) {
            h = h.subtract(ExactReal.xLnX(p));
        }
        return h;
    }

    @TestFactory
    Stream<DynamicTest> entropyOfEverySubset() {
        return laws().stream().map(n -> dynamicTest(n.name(), () -> {
            Entropies h = Entropies.of(n.law());
            for (int mask = 0; mask <= n.law().space().fullMask(); mask++) {
                assertExact(directEntropy(n.law(), mask), h.entropy(mask), "H(X_S), S = mask " + mask);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> entropyOfUniformAndPointMass() {
        List<DynamicTest> out = new ArrayList<>();
        for (int v = 2; v <= 4; v++) {
            for (int l = 1; l <= 4; l++) {
                int vv = v;
                int ll = l;
                out.add(dynamicTest("uniform:" + v + "," + l + " has H(X_S) = |S| ln V", () -> {
                    Entropies h = Entropies.of(org.dlmexact.law.Families.uniform(vv, ll));
                    for (int mask = 0; mask < (1 << ll); mask++) {
                        assertExact(ExactReal.ln(vv).multiply(Integer.bitCount(mask)), h.entropy(mask), "mask " + mask);
                    }
                }));
                out.add(dynamicTest("point mass on [V-1,...] in [" + v + "]^" + l + " has H = 0", () -> {
                    SequenceSpace sp = SequenceSpace.of(vv, ll);
                    BigInteger[] w = new BigInteger[sp.size()];
                    java.util.Arrays.fill(w, BigInteger.ZERO);
                    w[sp.size() - 1] = BigInteger.valueOf(7);
                    Entropies h = Entropies.of(Law.fromWeights(sp, w));
                    for (int mask = 0; mask < (1 << ll); mask++) {
                        assertExact(ExactReal.ZERO, h.entropy(mask), "mask " + mask);
                    }
                }));
            }
        }
        return out.stream();
    }
}
