package org.dlmexact.info;

import static org.dlmexact.law.Invalid.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Interval;
import org.dlmexact.exact.Rational;
import org.dlmexact.law.Families;
import org.dlmexact.law.Structure;
import org.junit.jupiter.api.Test;

/**
 * The machinery behind the closed forms: which values are canonical or symbolic, how the Markov
 * distributions are shared, the atom counts that size exact texts, how tight the enclosures are, and
 * the size limits at their exact boundaries.
 */
class StructuredFormsTest {

    private static StructuredCurve curve(String spec) {
        return StructuredCurve.of(Families.describe(spec).structure());
    }

    private static MarkovForms markov(String spec) {
        return new MarkovForms((Structure.Markov) Families.describe(spec).structure());
    }

    /** Degenerate laws get values that are known multiples of one another (or canonical ones). */
    @Test
    void degenerateLawsHaveSmallForms() {
        // identical rows: e_k = k H(row), over one shared term
        StructuredCurve iid = curve("markov:30:1/3,2/3;1/3,2/3");
        assertEquals(Rational.of(1, 6), iid.averageEntropy(5).knownRatio(iid.averageEntropy(30)));
        // a permutation chain: every e_k = H(pi), the rows (point masses) carry no term
        StructuredCurve swap = curve("markov:30:0,1;1,0");
        assertEquals(Rational.ONE, swap.averageEntropy(5).knownRatio(swap.averageEntropy(30)));
        assertEquals(ExactReal.ln(2), swap.averageEntropy(5));
        // a generic chain: no formal ratio
        StructuredCurve chain = curve("markov:30:3/4,1/4;1/3,2/3");
        assertNull(chain.averageEntropy(5).knownRatio(chain.averageEntropy(30)));
        // exchangeable laws that are i.i.d. or all-equal are canonical
        assertFalse(curve("exchangeable:9:1@1/3,2/3;0@1/2,1/2").averageEntropy(3).isSymbolic(),
                "a zero-weight component is dropped: i.i.d.");
        assertFalse(curve("exchangeable:9:1/3@1,0,0;2/3@0,1,0").averageEntropy(3).isSymbolic());
        assertEquals(SimpleForms.entropy(new Rational[] {Rational.of(1, 3), Rational.of(2, 3), Rational.ZERO}),
                curve("exchangeable:9:1/3@1,0,0;2/3@0,1,0").averageEntropy(7));
        assertTrue(curve("exchangeable:9:1/3@1,0,0;2/3@1/2,1/2,0").averageEntropy(3).isSymbolic());
    }

    /** Distributions are shared by their multiset of probabilities, confirmed exactly behind a residue fingerprint. */
    @Test
    void markovDistributionsAreSharedExactly() {
        List<EntropyBasis.Weights> terms = new ArrayList<>();
        Map<List<Long>, List<Integer>> index = new HashMap<>();
        BigInteger p = BigInteger.ONE.shiftLeft(61).subtract(BigInteger.ONE);
        int half = MarkovForms.termOfForTest(new BigInteger[] {BigInteger.ONE, BigInteger.ONE}, terms, index);
        assertEquals(0, half);
        assertEquals(half, MarkovForms.termOfForTest(new BigInteger[] {BigInteger.valueOf(5), BigInteger.valueOf(5)},
                terms, index), "proportional: the same distribution");
        // 1/(p+2) and (p+1)/(p+2) have the residues of 1/2 and 1/2 modulo p = 2^61 - 1: a collision, told apart exactly
        int skew = MarkovForms.termOfForTest(new BigInteger[] {BigInteger.ONE, p.add(BigInteger.ONE)}, terms, index);
        assertNotEquals(half, skew);
        // a total divisible by p has no inverse modulo p
        int divisible = MarkovForms.termOfForTest(new BigInteger[] {BigInteger.ONE, p.subtract(BigInteger.ONE)}, terms,
                index);
        assertEquals(3, terms.size() + 0 * divisible);
        assertEquals(skew, MarkovForms.termOfForTest(new BigInteger[] {p.add(BigInteger.ONE), BigInteger.ONE}, terms,
                index), "the order of the probabilities does not matter");
        assertEquals(-1, MarkovForms.termOfForTest(new BigInteger[] {BigInteger.ZERO, BigInteger.TEN}, terms, index),
                "a point mass has entropy 0 and no term");
        assertEquals(-1, MarkovForms.termOfForTest(new BigInteger[] {BigInteger.TEN}, terms, index));
    }

    /**
     * The atoms of a value are the integers under a logarithm in its symbolic form: for an entropy
     * term its total and its weights above 1. A symmetric chain's rows are permutations of each
     * other, so each distance {@code g} has one term: {@code H(pi)} (total 2, weights 1: one atom),
     * {@code r(1)} (total 3, weights 1 and 2: two atoms), {@code r(g >= 2)} (three atoms each).
     */
    @Test
    void atomCountsOfSymbolicValues() {
        StructuredCurve c = curve("markov:10:1/3,2/3;2/3,1/3");
        assertEquals(1 + 2 + 3 * 8, c.averageEntropy(2).symbolicAtomCount());
        assertEquals(1 + 2 + 3 * 7, c.averageEntropy(3).symbolicAtomCount(), "e_3 has no pair at distance 9");
        assertEquals(1, c.averageEntropy(1).symbolicAtomCount());
        // every e_k of a long chain: the fast count equals the count of its expansion over the primitive terms
        MarkovForms m = markov("markov:20:3/4,1/4;1/3,2/3");
        StructuredCurve long20 = curve("markov:20:3/4,1/4;1/3,2/3");
        for (int k = 1; k <= 20; k++) {
            assertEquals(m.expansion(k).symbolicAtomCount(), long20.averageEntropy(k).symbolicAtomCount(), "e_" + k);
        }
        // exchangeable: f(k) has the total and one weight per type (all above 1 here: 3^n1 + 3^n0)
        StructuredCurve x = curve("exchangeable:12:1/2@1/4,3/4;1/2@3/4,1/4");
        for (int k = 1; k <= 12; k++) {
            assertEquals(k + 2, x.averageEntropy(k).symbolicAtomCount(), "f(" + k + ")");
        }
        assertEquals(3 + 4, x.averageEntropy(1).add(x.averageEntropy(2)).symbolicAtomCount());
    }

    /** Enclosures of a long chain's averages are as tight as asked (a loose but sound bound would pass every equality test). */
    @Test
    void enclosuresAreTight() {
        StructuredCurve c = curve("markov:200:3/4,1/4;1/3,2/3");
        Rational width = Rational.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(60));
        for (int k : new int[] {1, 2, 3, 100, 199, 200}) {
            Interval iv = c.averageEntropy(k).enclosure(64);
            assertTrue(iv.width().compareTo(width) < 0, "e_" + k + ": " + iv.width().round(30));
        }
        StructuredCurve x = curve("markov:60:1/2,1/4,1/4;1/3,1/3,1/3;0,1/2,1/2:1,0,0");
        for (int k : new int[] {1, 2, 30, 60}) {
            assertTrue(x.averageEntropy(k).enclosure(64).width().compareTo(width) < 0, "non-stationary e_" + k);
        }
    }

    @Test
    void storedBitsFollowTheDocumentedEstimate() {
        // (V^2 + 2V) L^2 bits(d) / 2: V = 2, L = 100, d = 12 (4 bits)
        assertEquals(BigInteger.valueOf(8L * 100 * 100 * 4 / 2),
                MarkovForms.storedBits((Structure.Markov) Families.describe("markov:100:3/4,1/4;1/3,2/3").structure()));
        assertEquals(BigInteger.valueOf(15L * 7 * 7 * 2 / 2),
                MarkovForms.storedBits((Structure.Markov) Families.describe("markov:7:0,1,0;0,0,1;1/2,0,1/2").structure()));
    }

    /** Each limit accepts its exact value and refuses one more. */
    @Test
    void sizeLimitsAtTheirBoundaries() {
        StructuredCurve.checkSize(Families.describe("parity:" + StructuredCurve.MAX_LENGTH).structure());
        assertInvalid("law.too-large", () -> StructuredCurve.checkSize(Families.describe("parity:"
                + (StructuredCurve.MAX_LENGTH + 1)).structure()), "1048577");
        // V L^2 = 4 * 4096^2 = 2^26 exactly
        String four = "markov:4096:1/2,1/2,0,0;0,1/2,1/2,0;0,0,1/2,1/2;1/2,0,0,1/2";
        StructuredCurve.checkSize(Families.describe(four).structure());
        assertInvalid("law.too-large", () -> StructuredCurve.checkSize(Families.describe(four.replace("4096", "4097"))
                .structure()), "V L^2 = 67141636");
        // stored bits (4 + 4) 4096^2 32 / 2 = 2^31 exactly, with a 32-bit denominator
        String wide = "markov:4096:1/2147483648,2147483647/2147483648;1/2,1/2";
        StructuredCurve.checkSize(Families.describe(wide).structure());
        assertInvalid("law.too-large", () -> StructuredCurve.checkSize(Families.describe(wide.replace("4096", "4097"))
                .structure()), "2148532352 bits");
    }

    @Test
    void coefficientCountsAndIncrementsAreChecked() {
        StructuredCurve c = curve("markov:10:3/4,1/4;1/3,2/3");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> c.averageEntropyCombination(new Rational[5]));
        assertEquals("expected 11 coefficients on e_0..e_L, got 5", e.getMessage());
        IllegalArgumentException inc = assertThrows(IllegalArgumentException.class, () -> c.increment(10));
        assertEquals("Delta Z_10 outside 1..9", inc.getMessage());
        assertEquals(c.z(10).subtract(c.z(9)), c.increment(9));
        assertThrows(IllegalArgumentException.class, () -> c.increment(0));
        assertEquals(Families.describe("markov:10:3/4,1/4;1/3,2/3").length(), c.structure().length());
    }

    /** The enumerated profile's combination is the sum of its e_k. */
    @Test
    void enumeratedCombinationIsTheSum() {
        InformationProfile p = InformationProfile.of(Families.parse("random:2,5,3"));
        Rational[] c = {Rational.of(7), Rational.of(1, 2), null, Rational.ZERO, Rational.of(-3), Rational.of(2, 3)};
        ExactReal want = p.averageEntropy(1).multiply(Rational.of(1, 2)).add(p.averageEntropy(4).multiply(-3))
                .add(p.averageEntropy(5).multiply(Rational.of(2, 3)));
        assertEquals(want, p.averageEntropyCombination(c));
        assertThrows(IllegalArgumentException.class, () -> p.averageEntropyCombination(new Rational[3]));
        assertEquals(5, p.length());
        assertEquals(2, p.alphabetSize());
    }
}
