package org.dlmexact.info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.law.Families;
import org.dlmexact.law.LawDescription;
import org.dlmexact.law.SplitMix64;
import org.dlmexact.law.Structure;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The closed forms of the structured families equal enumeration exactly (as exact values, never to
 * a tolerance) at every length where both run: every {@code e_k}, {@code Z_j}, {@code TC},
 * {@code DTC}, {@code SumI}, and (for the shorter laws) the entropy of every subset. The expected
 * side is {@link InformationProfile} over the enumerated law: the subset lattice, a separate code
 * path that knows nothing of the families.
 */
class StructuredCurveProperties {

    /** Subsets are compared one by one up to this length ({@code 2^L} of them). */
    private static final int SUBSET_LENGTH = 7;

    /** The family specs checked at every length {@code l} they allow. */
    private static List<String> specs(int l) {
        List<String> s = new ArrayList<>();
        s.add("markov:" + l + ":3/4,1/4;1/3,2/3");
        s.add("markov:" + l + ":1/2,1/2;1/5,4/5:1,0");
        s.add("markov:" + l + ":0,1;1,0");                    // periodic: stationary start 1/2,1/2 given
        s.add("markov:" + l + ":1/3,2/3;1/3,2/3");            // identical rows: i.i.d.
        s.add("markov:" + l + ":0,1;1/2,1/2:1/3,2/3");        // a zero entry, non-stationary start
        s.add("exchangeable:" + l + ":1/2@1/4,3/4;1/2@3/4,1/4");
        s.add("exchangeable:" + l + ":1/3@1,0;2/3@0,1");      // point masses: all tokens equal
        s.add("exchangeable:" + l + ":1/5@1/2,1/2;4/5@1/2,1/2"); // one distinct component: i.i.d.
        s.add("repetition:2," + l);
        s.add("parity:" + l);
        s.add("product:" + l + ":1/3,2/3");
        s.add("uniform:2," + l);
        if (l % 2 == 0) {
            s.add("pairs:" + l);
        }
        if (l <= 7) {
            s.add("markov:" + l + ":1/2,1/4,1/4;0,1/3,2/3;1,0,0");
            s.add("markov:" + l + ":1/2,1/4,1/4;0,1/3,2/3;1,0,0:0,0,1");
            s.add("exchangeable:" + l + ":1/4@1/2,1/4,1/4;3/4@0,1/3,2/3");
            s.add("repetition:3," + l);
            StringBuilder per = new StringBuilder("product:");
            for (int i = 0; i < l; i++) {
                per.append(i == 0 ? "" : ";").append(1 + i).append('/').append(3 + 2 * i).append(',')
                        .append(2 + i).append('/').append(3 + 2 * i);
            }
            s.add(per.toString());
        }
        for (int q : new int[] {2, 3, 4, 5, 7, 8, 9, 16}) {
            for (int k = 1; k <= l && l <= q; k++) {
                if (Math.pow(q, l) <= 65536) {
                    s.add("rs:" + q + "," + l + "," + k);
                }
            }
        }
        return s;
    }

    @TestFactory
    Stream<DynamicTest> closedFormsEqualEnumeration() {
        List<DynamicTest> out = new ArrayList<>();
        for (int l = 1; l <= 12; l++) {
            for (String spec : specs(l)) {
                out.add(dynamicTest(spec, () -> check(spec)));
            }
        }
        return out.stream();
    }

    /** Seeded random chains and mixtures over 2 and 3 symbols (the seed is in the test name). */
    @TestFactory
    Stream<DynamicTest> seededRandomLawsEqualEnumeration() {
        List<DynamicTest> out = new ArrayList<>();
        for (long seed = 1; seed <= 12; seed++) {
            SplitMix64 rng = new SplitMix64(seed);
            int v = 2 + (int) rng.nextBelow(2);
            int l = 2 + (int) rng.nextBelow(v == 2 ? 9 : 5);
            String rows = randomRows(rng, v, v);
            String start = randomRows(rng, 1, v);
            String markov = "markov:" + l + ":" + rows + (seed % 2 == 0 ? ":" + start : "");
            String mix = "exchangeable:" + l + ":" + randomMixture(rng, v);
            long s = seed;
            out.add(dynamicTest("seed " + s + ": " + markov, () -> check(markov)));
            out.add(dynamicTest("seed " + s + ": " + mix, () -> check(mix)));
        }
        return out.stream();
    }

    private static String randomRows(SplitMix64 rng, int n, int v) {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < n; r++) {
            long[] w = new long[v];
            long total = 0;
            for (int a = 0; a < v; a++) {
                w[a] = rng.nextBelow(6);
                total += w[a];
            }
            if (total == 0) {
                w[(int) rng.nextBelow(v)] = 1;
                total = 1;
            }
            sb.append(r == 0 ? "" : ";");
            for (int a = 0; a < v; a++) {
                sb.append(a == 0 ? "" : ",").append(Rational.of(w[a], total));
            }
        }
        return sb.toString();
    }

    private static String randomMixture(SplitMix64 rng, int v) {
        int c = 2 + (int) rng.nextBelow(2);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < c; i++) {
            sb.append(i == 0 ? "" : ";").append(Rational.of(1, c)).append('@').append(randomRows(rng, 1, v));
        }
        return sb.toString();
    }

    private static void check(String spec) {
        LawDescription d = Families.describe(spec);
        Structure structure = d.structure();
        assertTrue(structure != null, spec + " is structured");
        StructuredCurve closed = StructuredCurve.of(structure);
        InformationProfile enumerated = InformationProfile.of(d.law());
        int l = closed.length();
        assertEquals(enumerated.length(), l);
        assertEquals(enumerated.alphabetSize(), closed.alphabetSize());
        for (int k = 0; k <= l; k++) {
            assertEquals(enumerated.averageEntropy(k), closed.averageEntropy(k), spec + ": e_" + k);
        }
        for (int j = 1; j <= l; j++) {
            assertEquals(enumerated.z(j), closed.z(j), spec + ": Z_" + j);
        }
        assertEquals(enumerated.totalCorrelation(), closed.totalCorrelation(), spec + ": TC");
        assertEquals(enumerated.dualTotalCorrelation(), closed.dualTotalCorrelation(), spec + ": DTC");
        assertEquals(enumerated.sumMutualInformation(), closed.sumMutualInformation(), spec + ": SumI");
        if (l <= SUBSET_LENGTH) {
            for (int mask = 0; mask < (1 << l); mask++) {
                int[] s = new int[Integer.bitCount(mask)];
                for (int i = 0, k = 0; i < l; i++) {
                    if ((mask >> i & 1) != 0) {
                        s[k++] = i;
                    }
                }
                ExactReal want = enumerated.entropies().entropy(mask);
                assertEquals(want, closed.subsetEntropy(s), spec + ": H(X_S), S = " + java.util.Arrays.toString(s));
            }
        }
    }
}
