package org.dlmexact.info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.law.LawEnumerator;
import org.dlmexact.law.SplitMix64;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.junit.jupiter.api.Test;

/** Binomial coefficients, rational combinations of subset entropies, and profiles built from entropies. */
class CombinationsTest {

    @Test
    void binomialMatchesPascalsTriangle() {
        BigInteger[] row = {BigInteger.ONE};
        for (int n = 0; n <= 40; n++) {
            for (int k = 0; k <= n; k++) {
                assertEquals(row[k], InformationProfile.binomial(n, k), "C(" + n + ", " + k + ")");
            }
            BigInteger[] next = new BigInteger[n + 2];
            next[0] = BigInteger.ONE;
            next[n + 1] = BigInteger.ONE;
            for (int k = 1; k <= n; k++) {
                next[k] = row[k - 1].add(row[k]);
            }
            row = next;
        }
    }

    /** sum_S c_S H(X_S) with rational c_S, against the same sum of entropies computed one by one. */
    @Test
    void linearCombinationEqualsTheSumOfScaledEntropies() {
        for (long seed = 1; seed <= 12; seed++) {
            Law law = LawEnumerator.sparseRandom(2 + (int) (seed % 2), 3, seed);
            Entropies h = Entropies.of(law);
            SplitMix64 rng = new SplitMix64(seed);
            Map<Integer, Rational> coeff = new HashMap<>();
            ExactReal expected = ExactReal.ZERO;
            for (int mask = 0; mask <= law.space().fullMask(); mask++) {
                Rational c = Rational.of(rng.nextBelow(21) - 10, 1 + rng.nextBelow(6));
                coeff.put(mask, c);
                expected = expected.add(h.entropy(mask).multiply(c));
            }
            assertEquals(expected, h.linearCombination(coeff), "seed " + seed);
        }
    }

    @Test
    void profileFromEntropiesEqualsProfileFromTheLaw() {
        Law law = Families.parse("markov:4:1/3,2/3;3/4,1/4");
        Entropies h = Entropies.of(law);
        InformationProfile a = InformationProfile.of(h);
        InformationProfile b = InformationProfile.of(law);
        assertSame(h, a.entropies());
        assertSame(h.lattice(), a.entropies().lattice());
        assertEquals(b.totalCorrelation(), a.totalCorrelation());
        assertEquals(b.informationCurve(), a.informationCurve());
    }

    @Test
    void masksOutsideTheLatticeAreRefusedByName() {
        Law law = Families.parse("parity:3");
        Entropies e = Entropies.of(law);
        assertSame(law, e.lattice().law());
        for (int bad : new int[] {-1, 8, 1 << 20}) {
            IllegalArgumentException x = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> e.entropy(bad));
            assertTrue(x.getMessage().contains("subset mask " + bad), x.getMessage());
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> e.combination(new int[] {1, bad}, new long[] {1, 1}, Rational.ONE));
        }
    }

    @Test
    void divergenceTextIsTheExactValueOrInfinity() {
        ExactReal v = ExactReal.ln(2).divide(3);
        assertEquals(v.toString(), Divergence.finite(v).toString());
        assertEquals("+inf", Divergence.infinite(4).toString());
    }
}
