package org.dlmexact.info;

import static org.dlmexact.law.Invalid.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.law.Families;
import org.dlmexact.law.Structure;
import org.junit.jupiter.api.Test;

/**
 * Closed forms at lengths far beyond enumeration, against values derived here from the definitions
 * with plain rational arithmetic (matrix powers, mixtures of pair laws): no closed form of the code
 * is used on the expected side.
 */
class StructuredCurveLongTest {

    private static Rational r(String s) {
        return Rational.parse(s);
    }

    private static StructuredCurve curve(String spec) {
        return StructuredCurve.of(Families.describe(spec).structure());
    }

    /** {@code H(p) = -sum p ln p}, from the definition. */
    private static ExactReal h(Rational... p) {
        ExactReal s = ExactReal.ZERO;
        for (Rational x : p) {
            if (x.signum() > 0) {
                s = s.subtract(ExactReal.ln(x).multiply(x));
            }
        }
        return s;
    }

    private static Rational[][] times(Rational[][] a, Rational[][] b) {
        int v = a.length;
        Rational[][] c = new Rational[v][v];
        for (int i = 0; i < v; i++) {
            for (int j = 0; j < v; j++) {
                Rational s = Rational.ZERO;
                for (int k = 0; k < v; k++) {
                    s = s.add(a[i][k].multiply(b[k][j]));
                }
                c[i][j] = s;
            }
        }
        return c;
    }

    /**
     * A stationary chain: {@code H(X) = H(pi) + (L-1) h(1)}, {@code TC = (L-1)(H(pi) - h(1))}, and
     * {@code e_2 = H(pi) + sum_g h(g) (pairs at distance g) / C(L, 2)} with {@code L - g} pairs at
     * distance {@code g} and {@code h(g) = sum_a pi_a H(P^g(a, .))} from rational matrix powers.
     */
    @Test
    void stationaryChainAtLength60() {
        int l = 60;
        Rational[][] p = {{r("3/4"), r("1/4")}, {r("1/3"), r("2/3")}};
        Rational[] pi = {r("4/7"), r("3/7")};
        StructuredCurve c = curve("markov:" + l + ":3/4,1/4;1/3,2/3");
        assertTrue(c.averageEntropy(30).isSymbolic());
        ExactReal hPi = h(pi);
        Rational[][] power = p;
        ExactReal pairSum = ExactReal.ZERO;
        ExactReal h1 = null;
        for (int g = 1; g < l; g++) {
            ExactReal hg = h(power[0]).multiply(pi[0]).add(h(power[1]).multiply(pi[1]));
            if (g == 1) {
                h1 = hg;
            }
            pairSum = pairSum.add(hg.multiply(l - g));
            power = times(power, p);
        }
        assertEquals(hPi.add(h1.multiply(l - 1)), c.entropy());
        assertEquals(hPi.subtract(h1).multiply(l - 1), c.totalCorrelation());
        assertEquals(hPi, c.averageEntropy(1));
        assertEquals(hPi.add(pairSum.multiply(Rational.of(2, (long) l * (l - 1)))), c.averageEntropy(2));
        assertTrue(c.z(1).isZero());
    }

    /** A non-stationary start: {@code e_1 = (1/L) sum_s H(mu_s)}, {@code mu_{s+1} = mu_s P}. */
    @Test
    void nonStationaryChainAtLength40() {
        int l = 40;
        Rational[][] p = {{r("1/2"), r("1/2")}, {r("1/5"), r("4/5")}};
        Rational[] mu = {r("1"), r("0")};
        ExactReal sum = ExactReal.ZERO;
        ExactReal first = h(mu);
        for (int s = 0; s < l; s++) {
            sum = sum.add(h(mu));
            mu = Structure.Markov.step(mu, p);
        }
        StructuredCurve c = curve("markov:" + l + ":1/2,1/2;1/5,4/5:1,0");
        assertEquals(sum.divide(l), c.averageEntropy(1));
        assertEquals(sum.subtract(c.entropy()), c.totalCorrelation());
        assertEquals(first, c.subsetEntropy(new int[] {0}));
    }

    /** Exchangeable: {@code e_1 = H(sum_c w_c p_c)} and {@code e_2 = H(sum_c w_c p_c(a) p_c(b))}. */
    @Test
    void exchangeableAtLength300() {
        StructuredCurve c = curve("exchangeable:300:1/3@1/4,3/4;2/3@2/3,1/3");
        Rational[] w = {r("1/3"), r("2/3")};
        Rational[][] comp = {{r("1/4"), r("3/4")}, {r("2/3"), r("1/3")}};
        Rational[] single = new Rational[2];
        Rational[] pair = new Rational[4];
        for (int a = 0; a < 2; a++) {
            single[a] = w[0].multiply(comp[0][a]).add(w[1].multiply(comp[1][a]));
            for (int b = 0; b < 2; b++) {
                pair[2 * a + b] = w[0].multiply(comp[0][a]).multiply(comp[0][b])
                        .add(w[1].multiply(comp[1][a]).multiply(comp[1][b]));
            }
        }
        assertEquals(h(single), c.averageEntropy(1));
        assertEquals(h(pair), c.averageEntropy(2));
        assertEquals(h(pair), c.subsetEntropy(new int[] {7, 250}));
        assertEquals(h(single).multiply(300).subtract(c.entropy()), c.totalCorrelation());
        assertTrue(c.averageEntropy(150).isSymbolic());
    }

    /** Reed-Solomon at n = 1024: {@code Z_j = 0} up to {@code j = k}, {@code ln q} after (any k symbols are free). */
    @Test
    void reedSolomonCurveAtLength1024() {
        StructuredCurve c = curve("rs:1031,1024,300");
        ExactReal lnq = ExactReal.ln(1031);
        for (int j : new int[] {1, 2, 299, 300}) {
            assertTrue(c.z(j).isZero(), "Z_" + j);
        }
        for (int j : new int[] {301, 302, 700, 1024}) {
            assertEquals(lnq, c.z(j), "Z_" + j);
        }
        assertEquals(lnq.multiply(300), c.entropy());
        assertEquals(lnq.multiply(1024 - 300), c.totalCorrelation());
        assertFalse(c.entropy().isSymbolic());
    }

    /** Even parity and pairs at length 2000, from their definitions. */
    @Test
    void parityAndPairsAtLength2000() {
        ExactReal ln2 = ExactReal.ln(2);
        StructuredCurve parity = curve("parity:2000");
        assertEquals(ln2, parity.z(2000));
        assertTrue(parity.z(1999).isZero());
        assertEquals(ln2, parity.totalCorrelation());
        assertEquals(ln2.multiply(1999), parity.dualTotalCorrelation());
        StructuredCurve pairs = curve("pairs:2000");
        // two given positions: the same pair with probability 1/(L-1), so e_2 = (2 - 1/(L-1)) ln 2
        assertEquals(ln2.multiply(Rational.of(2).subtract(Rational.of(1, 1999))), pairs.averageEntropy(2));
        assertEquals(ln2.multiply(1000), pairs.totalCorrelation());
        assertEquals(ln2.multiply(1000), pairs.dualTotalCorrelation());
        assertEquals(ln2.multiply(2), pairs.subsetEntropy(new int[] {0, 1, 3}));
    }

    @Test
    void sizeLimitsAreRefusedWithTheEstimate() {
        assertInvalid("law.too-large", () -> curve("markov:4096:" + uniformRows(16)), "V L^2 = 268435456",
                String.valueOf(StructuredCurve.MAX_MARKOV_WORK));
        assertInvalid("law.too-large", () -> curve("exchangeable:200:1/2@1/3,1/3,1/3;1/2@1/2,1/4,1/4"),
                "C(L+V, V) - 1 = 1373700", "600000");
        assertInvalid("law.too-large", () -> curve("parity:2000000"), "length 2000000", "1048576");
    }

    /** Two components with marginals over {@code P = 2^4095 + 1} (4096 bits), weights over 2 (2 bits). */
    private static String hugeExchangeable(int l) {
        java.math.BigInteger p = java.math.BigInteger.ONE.shiftLeft(4095).add(java.math.BigInteger.ONE);
        return "exchangeable:" + l + ":1/2@1/" + p + "," + p.subtract(java.math.BigInteger.ONE) + "/" + p
                + ";1/2@2/" + p + "," + p.subtract(java.math.BigInteger.TWO) + "/" + p;
    }

    @Test
    void exchangeableLawsAreRefusedByTheSizeOfTheirIntegers() {
        // the estimate (C(L+2, 2) - 1) * 2 components * (L * 4096 + 2) bits, by hand: L = 127 gives
        // 8255 * 2 * 520194 = 8588402940 <= 2^33, L = 128 gives 8384 * 2 * 524290 = 8791294720 > 2^33
        StructuredCurve.checkSize(Families.describe(hugeExchangeable(127)).structure());
        assertInvalid("law.too-large", () -> StructuredCurve.checkSize(Families.describe(hugeExchangeable(128))
                .structure()), "8791294720", String.valueOf(1L << 33), "8384 types");
        // a normal law of the same length is far below it
        StructuredCurve.checkSize(Families.describe("exchangeable:1024:1/2@1/4,3/4;1/2@3/4,1/4").structure());
    }

    private static String uniformRows(int v) {
        StringBuilder sb = new StringBuilder();
        for (int a = 0; a < v; a++) {
            sb.append(a == 0 ? "" : ";");
            for (int b = 0; b < v; b++) {
                sb.append(b == 0 ? "" : ",").append(a == b ? "1/2" : "1/30");
            }
        }
        return sb.toString();
    }

    @Test
    void curvesChooseEnumerationWhenItFits() {
        assertInstanceOf(InformationProfile.class, Curves.of(Families.describe("markov:8:3/4,1/4;1/3,2/3")));
        assertInstanceOf(StructuredCurve.class, Curves.of(Families.describe("markov:15:3/4,1/4;1/3,2/3")));
        assertInstanceOf(InformationProfile.class, Curves.of(Families.describe("random:2,4,1")));
        assertInvalid("law.too-large", () -> Curves.of(Families.describe("random:2,21,1")), "2097152");
        // a structured law within the outcome limit but beyond the lattice limit (3^15 cells) is not enumerated
        assertFalse(Curves.enumerates(Families.describe("uniform:2,20")));
        assertTrue(Curves.enumerates(Families.describe("uniform:2,14")), "3^14 = 4782969 cells");
        assertTrue(Curves.enumerates(Families.describe("parity:10")));
        assertFalse(Curves.enumerates(Families.describe("rs:17,3,2")), "an alphabet of 17 is not enumerated");
    }

    @Test
    void badArgumentsAreRefused() {
        StructuredCurve c = curve("markov:10:3/4,1/4;1/3,2/3");
        assertThrows(IllegalArgumentException.class, () -> c.averageEntropy(11));
        assertThrows(IllegalArgumentException.class, () -> c.averageEntropy(-1));
        assertThrows(IllegalArgumentException.class, () -> c.averageEntropyCombination(new Rational[3]));
        assertThrows(IllegalArgumentException.class, () -> c.subsetEntropy(new int[] {3, 3}));
        assertThrows(IllegalArgumentException.class, () -> c.subsetEntropy(new int[] {10}));
        assertThrows(IllegalArgumentException.class, () -> c.z(0));
        assertThrows(IllegalArgumentException.class, () -> c.increment(10));
        assertTrue(c.subsetEntropy(new int[0]).isZero());
        assertEquals(c.z(4).subtract(c.z(3)), c.increment(3));
        assertEquals(10, c.informationCurve().size());
    }
}
