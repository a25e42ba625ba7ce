package org.dlmexact.law;

import static org.dlmexact.law.Invalid.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.dlmexact.exact.Rational;
import org.junit.jupiter.api.Test;

/** Structured law descriptions: parsed without enumeration, validated, and enumerated to the documented laws. */
class StructureTest {

    private static Rational r(String s) {
        return Rational.parse(s);
    }

    @Test
    void longFamiliesAreDescribedWithoutEnumeration() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            LawDescription m = Families.describe("markov:100000:3/4,1/4;1/3,2/3");
            Structure.Markov s = assertInstanceOf(Structure.Markov.class, m.structure());
            assertEquals(100000, s.length());
            assertEquals(2, s.alphabetSize());
            assertTrue(s.stationary());
            assertEquals(r("4/7"), s.start()[0], "the stationary law of the chain, found exactly");
            assertFalse(m.isEnumerable());
            assertInvalid("law.too-large", m::law, "V^L");
            LawDescription u = Families.describe("uniform:16,1000000");
            assertInstanceOf(Structure.Product.class, u.structure());
            assertFalse(u.isEnumerable());
            assertInstanceOf(Structure.ReedSolomon.class, Families.describe("rs:1031,1024,512").structure());
            assertInstanceOf(Structure.Exchangeable.class,
                    Families.describe("exchangeable:5000:1/2@1/4,3/4;1/2@3/4,1/4").structure());
            assertInstanceOf(Structure.Parity.class, Families.describe("parity:200000").structure());
            assertInstanceOf(Structure.Pairs.class, Families.describe("pairs:200000").structure());
            assertInstanceOf(Structure.Repetition.class, Families.describe("repetition:3,200000").structure());
        });
    }

    @Test
    void enumeratedFamiliesAreLaws() {
        LawDescription d = Families.describe("random:2,3,1");
        assertNull(d.structure());
        assertTrue(d.isEnumerable());
        assertSame(d.law(), d.law());
        assertEquals(Families.random(2, 3, 1), d.law());
        assertEquals("random:2,3,1", d.name());
        assertEquals(2, d.alphabetSize());
        assertEquals(3, d.length());
        LawDescription s = Families.describe("parity:3");
        assertSame(s.law(), s.law(), "a structure is enumerated once");
        assertEquals(Families.parity(3), s.law());
    }

    @Test
    void markovStationarityIsExact() {
        Rational[][] rows = {{r("1/2"), r("1/2")}, {r("1/5"), r("4/5")}};
        assertTrue(Structure.Markov.of(5, new Rational[] {r("2/7"), r("5/7")}, rows).stationary());
        assertFalse(Structure.Markov.of(5, new Rational[] {r("1"), r("0")}, rows).stationary());
        assertThrows(IllegalArgumentException.class,
                () -> new Structure.Markov(5, new Rational[] {r("1"), r("0")}, rows, true));
        assertEquals(Families.markov(4, new Rational[] {r("1"), r("0")}, rows),
                Families.parse("markov:4:1/2,1/2;1/5,4/5:1,0"));
        assertEquals("Markov chain with a non-stationary start law", Families.describe("markov:4:1/2,1/2;1/5,4/5:1,0")
                .structure().describe());
        assertEquals("stationary Markov chain", Families.describe("markov:4:1/2,1/2;1/5,4/5").structure().describe());
    }

    /** The exchangeable law by its definition: p(x) = sum_c w_c prod_i p_c(x_i). */
    @Test
    void exchangeableEnumeratesItsDefinition() {
        Law law = Families.parse("exchangeable:3:1/3@1/4,3/4;2/3@1,0");
        SequenceSpace sp = law.space();
        for (int idx = 0; idx < sp.size(); idx++) {
            int ones = Integer.bitCount(idx);
            Rational expected = r("1/3").multiply(r("1/4").pow(3 - ones).multiply(r("3/4").pow(ones)))
                    .add(ones == 0 ? r("2/3") : Rational.ZERO);
            assertEquals(expected, law.probability(idx), sp.format(idx));
        }
        assertEquals("exchangeable (a mixture of 2 i.i.d. laws)",
                Families.describe("exchangeable:3:1/3@1/4,3/4;2/3@1,0").structure().describe());
        assertEquals("exchangeable (a mixture of 1 i.i.d. law)",
                Families.describe("exchangeable:3:1@1/4,3/4").structure().describe());
    }

    @Test
    void exchangeableRefusals() {
        assertInvalid("family.args", () -> Families.describe("exchangeable:3:1/2@1/2,1/2"), "mixture weights", "1/2");
        assertInvalid("family.args", () -> Families.describe("exchangeable:3:1/2@1/2,1/2;1/2@1,0,0"), "component 1", "3");
        assertInvalid("family.args", () -> Families.describe("exchangeable:3:1/2@1/2,1/3;1/2@1,0"), "component 0",
                "5/6");
        assertInvalid("family.args", () -> Families.describe("exchangeable:3:1/2;1/2@1,0"), "component 0");
        assertInvalid("family.args", () -> Families.describe("exchangeable:3"), "exchangeable:L:W1@P1");
        assertInvalid("family.args", () -> Families.describe("exchangeable:3:1/2,1/2@1,0"), "one rational");
        assertInvalid("family.args", () -> Families.describe("exchangeable:3:-1/2@1,0;3/2@0,1"), "negative");
        assertInvalid("law.length", () -> Families.describe("exchangeable:0:1@1,0"), "got 0");
        assertInvalid("law.alphabet-size", () -> Families.describe("exchangeable:2:1@1"), "got 1");
    }

    @Test
    void reedSolomonRefusals() {
        assertInvalid("family.args", () -> Families.describe("rs:6,3,2"), "prime power", "6");
        assertInvalid("family.args", () -> Families.describe("rs:1,1,1"), "prime power");
        assertInvalid("family.args", () -> Families.describe("rs:5,6,2"), "n <= q");
        assertInvalid("family.args", () -> Families.describe("rs:5,4,5"), "k <= n");
        assertInvalid("family.args", () -> Families.describe("rs:5,4,0"), "1 <= k");
        assertInvalid("family.args", () -> Families.describe("rs:5,4"), "3 comma-separated");
        assertInvalid("law.alphabet-size", () -> Families.parse("rs:17,3,2"), "17");
        assertEquals("Reed-Solomon [4, 2] code over F_5", Families.describe("rs:5,4,2").structure().describe());
    }

    /** The code has q^k codewords, each equally likely, any k positions of which are all distinct (MDS). */
    @Test
    void reedSolomonIsUniformOnAnMdsCode() {
        for (int[] c : new int[][] {{2, 2, 1}, {3, 3, 2}, {4, 4, 2}, {5, 5, 3}, {7, 4, 2}, {8, 5, 2}, {9, 4, 3}, {16, 4, 2}}) {
            int q = c[0];
            int n = c[1];
            int k = c[2];
            Law law = Families.reedSolomon(q, n, k);
            int words = BigInteger.valueOf(q).pow(k).intValueExact();
            assertEquals(words, law.supportSize(), "rs:" + q + "," + n + "," + k);
            for (int i = 0; i < law.space().size(); i++) {
                assertTrue(law.weight(i).signum() == 0 || law.probability(i).equals(Rational.of(1, words)));
            }
            // MDS: the projection on the first k positions is a bijection of the codewords
            Set<Integer> heads = new HashSet<>();
            for (int i = 0; i < law.space().size(); i++) {
                if (law.weight(i).signum() > 0) {
                    heads.add(law.space().project(i, (1 << k) - 1));
                }
            }
            assertEquals(words, heads.size());
        }
    }

    /** Field axioms of F_q for the prime powers that fit the alphabet, exhaustively. */
    @Test
    void finiteFieldsAreFields() {
        for (int q : new int[] {2, 3, 4, 5, 7, 8, 9, 11, 13, 16}) {
            FiniteField f = FiniteField.of(q);
            assertEquals(q, f.size());
            for (int a = 0; a < q; a++) {
                assertEquals(a, f.add(a, 0));
                assertEquals(a, f.multiply(a, 1));
                assertEquals(0, f.multiply(a, 0));
                boolean inverse = a == 0;
                boolean opposite = false;
                for (int b = 0; b < q; b++) {
                    assertEquals(f.add(a, b), f.add(b, a));
                    assertEquals(f.multiply(a, b), f.multiply(b, a));
                    inverse |= f.multiply(a, b) == 1;
                    opposite |= f.add(a, b) == 0;
                    for (int c = 0; c < q; c++) {
                        assertEquals(f.multiply(f.multiply(a, b), c), f.multiply(a, f.multiply(b, c)));
                        assertEquals(f.add(f.add(a, b), c), f.add(a, f.add(b, c)));
                        assertEquals(f.multiply(a, f.add(b, c)), f.add(f.multiply(a, b), f.multiply(a, c)),
                                "F_" + q + ": distributivity at " + a + ", " + b + ", " + c);
                    }
                }
                assertTrue(inverse, "F_" + q + ": " + a + " has an inverse");
                assertTrue(opposite, "F_" + q + ": " + a + " has an opposite");
            }
        }
        assertEquals(0, FiniteField.primeOf(12));
        assertEquals(2, FiniteField.primeOf(1024));
        assertEquals(1031, FiniteField.primeOf(1031));
        assertEquals(3, FiniteField.primeOf(243));
        assertEquals(0, FiniteField.primeOf(1));
        assertInvalid("family.args", () -> FiniteField.of(10), "prime power");
        // GF(4) modulus t^2 + t + 1: t * t = t + 1, i.e. 2 * 2 = 3
        assertEquals(3, FiniteField.of(4).multiply(2, 2));
        assertEquals(new int[] {1, 1}.length, FiniteField.firstIrreducible(2, 2).length);
        assertEquals(1, FiniteField.firstIrreducible(2, 2)[0]);
        assertEquals(1, FiniteField.firstIrreducible(2, 2)[1]);
        // over F_3, t^2 + 1 is the first irreducible monic quadratic (t^2, t^2 + 2 = (t-1)(t+1) factor)
        assertEquals(1, FiniteField.firstIrreducible(3, 2)[0]);
        assertEquals(0, FiniteField.firstIrreducible(3, 2)[1]);
    }

    /** Every structure validates its own parameters, whoever builds it. */
    @Test
    void structuresRefuseBadParametersThemselves() {
        Rational[] half = {r("1/2"), r("1/2")};
        Rational[][] rows = {half, half};
        assertInvalid("law.length", () -> new Structure.Product(0, new Rational[][] {half}), "got 0");
        assertInvalid("family.args", () -> new Structure.Product(2, new Rational[][] {half, {r("1")}}), "position 1");
        assertInvalid("family.args", () -> new Structure.Product(1, new Rational[][] {{r("1/2"), r("1/3")}}),
                "marginal of position 0", "5/6");
        assertInvalid("law.alphabet-size", () -> new Structure.Product(1, new Rational[][] {{r("1")}}), "got 1");
        assertInvalid("law.alphabet-size", () -> Families.describe("repetition:1,3"), "got 1");
        assertInvalid("law.alphabet-size", () -> Families.describe("repetition:17,3"), "got 17");
        assertInvalid("law.length", () -> Families.describe("repetition:2,0"), "got 0");
        assertInvalid("law.length", () -> Families.describe("parity:0"), "got 0");
        assertInvalid("law.length", () -> Families.describe("markov:0:1/2,1/2;1/2,1/2"), "got 0");
        assertInvalid("law.alphabet-size", () -> Structure.Markov.of(3, new Rational[] {r("1")},
                new Rational[][] {{r("1")}}), "got 1");
        assertInvalid("family.args", () -> Families.describe("markov:3:1/2,1/2;1/2,1/2:1/2,1/3"), "start law", "5/6");
        assertInvalid("family.args", () -> Structure.Markov.of(3, half, new Rational[][] {half, {r("1/2"), r("1/4")}}),
                "transition row 1", "3/4");
        assertInvalid("family.args", () -> Structure.Markov.of(3, half, new Rational[][] {half, {r("1")}}),
                "transition row 1 has 1 entries, expected 2");
        assertInvalid("family.args", () -> Structure.Markov.of(3, half, new Rational[][] {half}), "1 transition rows");
        assertInvalid("family.args", () -> Families.product(new Rational[][] {{r("1/2"), r("1/3")}}), "5/6");
        assertInvalid("family.args", () -> Families.product(new Rational[][] {half, {r("2"), r("-1")}}), "negative");
        // the boundaries are accepted
        assertEquals(1, ((Structure.ReedSolomon) Families.describe("rs:5,4,1").structure()).k());
        assertEquals(4, Families.describe("rs:5,4,4").length());
        assertEquals(5, Families.describe("rs:5,5,2").alphabetSize());
        assertEquals(2, Families.describe("uniform:2,100000").alphabetSize());
        assertEquals(16, Families.describe("uniform:16,100000").alphabetSize());
        assertEquals(1, Families.describe("uniform:3,1").length());
    }

    @Test
    void enumerableExactlyWithinTheLimits() {
        assertTrue(Families.describe("uniform:16,5").isEnumerable(), "16^5 = 1048576 outcomes, the limit");
        assertFalse(Families.describe("uniform:16,6").isEnumerable());
        assertTrue(Families.describe("uniform:2,20").isEnumerable());
        assertFalse(Families.describe("uniform:2,21").isEnumerable());
        assertFalse(Families.describe("uniform:3,13").isEnumerable(), "3^13 = 1594323 outcomes");
        assertFalse(Families.describe("rs:17,2,1").isEnumerable(), "an alphabet of 17");
        assertFalse(Families.describe("parity:65").isEnumerable());
        assertTrue(Families.describe("parity:1").isEnumerable());
    }

    @Test
    void structuresDescribeThemselves() {
        Structure rs = Families.describe("rs:7,5,3").structure();
        assertEquals(7, rs.alphabetSize());
        assertEquals(5, rs.length());
        assertEquals(Families.reedSolomon(7, 5, 3), rs.enumerate());
        Structure pairs = Families.describe("pairs:6").structure();
        assertEquals(2, pairs.alphabetSize());
        assertEquals("disjoint equal bit pairs", pairs.describe());
        Structure parity = Families.describe("parity:5").structure();
        assertEquals(2, parity.alphabetSize());
        assertEquals("even-parity code", parity.describe());
        assertEquals("repetition code", Families.describe("repetition:3,4").structure().describe());
        assertEquals(3, Families.describe("repetition:3,4").structure().alphabetSize());
        Structure x = Families.describe("exchangeable:4:1/2@1/4,1/4,1/2;1/2@1,0,0").structure();
        assertEquals(3, x.alphabetSize());
        assertEquals(4, x.length());
        assertEquals(Families.exchangeable(4, new Rational[] {r("1/2"), r("1/2")},
                new Rational[][] {{r("1/4"), r("1/4"), r("1/2")}, {r("1"), r("0"), r("0")}}), x.enumerate());
    }

    @Test
    void productAndUniformKeepOneMarginalWhenIdentical() {
        Structure.Product p = (Structure.Product) Families.describe("product:4:1/3,2/3").structure();
        assertTrue(p.identical());
        assertEquals(1, p.marginals().length);
        assertEquals(r("2/3"), p.marginal(3)[1]);
        assertEquals("i.i.d. tokens", p.describe());
        Structure.Product q = (Structure.Product) Families.describe("product:1/3,2/3;1/2,1/2").structure();
        assertFalse(q.identical());
        assertEquals("independent tokens", q.describe());
        assertEquals(Families.uniform(3, 2), Families.parse("uniform:3,2"));
        assertInvalid("law.alphabet-size", () -> Families.describe("uniform:17,2"), "17");
        assertInvalid("law.length", () -> Families.describe("uniform:2,0"), "got 0");
        assertThrows(IllegalArgumentException.class, () -> new Structure.Product(3,
                new Rational[][] {{r("1")}, {r("1")}}));
    }
}
