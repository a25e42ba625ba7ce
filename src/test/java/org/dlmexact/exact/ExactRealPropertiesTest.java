package org.dlmexact.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Algebraic laws of {@link ExactReal} as exact identities (equals, isZero), exhaustively on a small
 * list of values (smallest first) and on seeded random values with large cofactors and negative
 * coefficients; the structural invariants of every result; parse(toString(x)) = x.
 */
class ExactRealPropertiesTest {

    private static final long[] SEEDS = {7L, 20261127L, 0x5EEDL};

    /** Small values, simplest first: rationals, single logs, then combinations sharing factors. */
    static List<ExactReal> smallValues() {
        List<ExactReal> xs = new ArrayList<>();
        xs.add(ExactReal.ZERO);
        xs.add(ExactReal.ONE);
        xs.add(ExactReal.of(Rational.of(-1, 2)));
        xs.add(ExactReal.ln(2));
        xs.add(ExactReal.ln(3).negate());
        xs.add(ExactReal.ln(4).divide(3));
        xs.add(ExactReal.ln(6).add(Rational.of(1, 3)));
        xs.add(ExactReal.ln(Gen.P65537));
        xs.add(ExactReal.ln(Gen.P65537.multiply(Gen.P65539)).multiply(Rational.of(-2, 5)));
        xs.add(ExactReal.ln(Gen.P65539.pow(2).multiply(BigInteger.valueOf(10))).add(Rational.of(-7, 4)));
        xs.add(ExactReal.ln(Gen.M61.multiply(Gen.M89)).divide(7));
        xs.add(ExactReal.ln(Gen.M89.multiply(Gen.P65537)).multiply(3).subtract(ExactReal.ln(12)));
        return xs;
    }

    static List<ExactReal> randomValues(long seed, int count) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<ExactReal> xs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            xs.add(Gen.exactReal(rnd));
        }
        return xs;
    }

    /** The documented invariants: atoms >= 2, increasing, pairwise coprime, coefficients non-zero. */
    static void assertWellFormed(ExactReal x) {
        // messages are built lazily: toString of large values is costly
        List<BigInteger> atoms = new ArrayList<>(x.logCoefficients().keySet());
        assertEquals(x.atomCount(), atoms.size());
        for (int i = 0; i < atoms.size(); i++) {
            BigInteger ai = atoms.get(i);
            assertTrue(ai.compareTo(BigInteger.TWO) >= 0, () -> x + ": atom " + ai);
            assertTrue(!x.logCoefficients().get(ai).isZero(), () -> x + ": zero coefficient");
            for (int j = i + 1; j < atoms.size(); j++) {
                BigInteger aj = atoms.get(j);
                assertEquals(BigInteger.ONE, ai.gcd(aj), () -> x + ": atoms not coprime");
            }
        }
        assertEquals(x.isZero(), x.isRational() && x.rationalPart().isZero(), x::toString);
    }

    private interface Law {
        void check(ExactReal a, ExactReal b, ExactReal c, boolean cIsA);
    }

    private static void forAllTriples(List<ExactReal> xs, String where, Law law) {
        int n = xs.size();
        for (int m = 0; m < n; m++) {
            for (int i = 0; i <= m; i++) {
                for (int j = 0; j <= m; j++) {
                    for (int k = 0; k <= m; k++) {
                        if (i != m && j != m && k != m) {
                            continue;
                        }
                        try {
                            law.check(xs.get(i), xs.get(j), xs.get(k), k == i);
                        } catch (AssertionError e) {
                            fail(where + ": smallest counterexample a=" + xs.get(i) + ", b=" + xs.get(j) + ", c="
                                    + xs.get(k) + ": " + e.getMessage(), e);
                        }
                    }
                }
            }
        }
    }

    private static void assertSame(ExactReal x, ExactReal y, String law) {
        assertWellFormed(x);
        assertWellFormed(y);
        assertEquals(x, y, law);
        assertTrue(x.subtract(y).isZero(), law + " (difference not zero)");
        assertEquals(x.hashCode(), y.hashCode(), law + " (hash codes)");
    }

    /** Laws of two values and a rational, checked on every pair with every rational of the list. */
    private static void pairLaws(ExactReal a, ExactReal b, Rational q) {
        assertSame(a.add(b), b.add(a), "a+b = b+a");
        assertSame(a.subtract(b).add(b), a, "(a-b)+b = a");
        assertSame(a.subtract(b), b.subtract(a).negate(), "a-b = -(b-a)");
        assertSame(a.add(b).multiply(q), a.multiply(q).add(b.multiply(q)), "(a+b)q = aq+bq");
        assertSame(a.add(ExactReal.ZERO), a, "a+0 = a");
        assertSame(a.negate().negate(), a, "--a = a");
        assertTrue(a.subtract(a).isZero(), "a-a = 0");
        assertSame(a.add(q), a.add(ExactReal.of(q)), "a + q as Rational or as ExactReal");
        if (!q.isZero()) {
            assertSame(a.divide(q).multiply(q), a, "(a/q)q = a");
            assertSame(a.multiply(q).multiply(q.reciprocal()), a, "(aq)(1/q) = a");
        }
    }

    /** Laws of three values. */
    private static void tripleLaws(ExactReal a, ExactReal b, ExactReal c) {
        assertSame(a.add(b).add(c), a.add(b.add(c)), "(a+b)+c = a+(b+c)");
        assertSame(a.subtract(b.add(c)), a.subtract(b).subtract(c), "a-(b+c) = a-b-c");
    }

    private static void laws(ExactReal a, ExactReal b, ExactReal c, List<Rational> qs, boolean cIsA) {
        tripleLaws(a, b, c);
        if (cIsA) {
            // every pair (a, b) is met once with c = a; run the pair laws with every rational then
            for (Rational r : qs) {
                pairLaws(a, b, r);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> algebraicLaws() {
        List<Rational> qs = List.of(Rational.of(2), Rational.of(-1, 3), Rational.ZERO, Rational.of(7, 5));
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(dynamicTest("all triples of " + smallValues().size() + " small values", () -> {
            forAllTriples(smallValues(), "small values", (a, b, c, cIsA) -> laws(a, b, c, qs, cIsA));
        }));
        for (long seed : SEEDS) {
            tests.add(dynamicTest("all triples of 10 random values, seed " + seed, () -> {
                SplittableRandom rnd = new SplittableRandom(seed);
                List<Rational> rq = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    rq.add(Gen.rational(rnd, 50, 30));
                }
                forAllTriples(randomValues(seed, 10), "seed " + seed, (a, b, c, cIsA) -> laws(a, b, c, rq, cIsA));
            }));
        }
        return tests.stream();
    }

    /** sum q_b ln b over random, non-coprime atoms: the value is checked by exponentiating, exactly. */
    @TestFactory
    Stream<DynamicTest> constructionPreservesTheValue() {
        return java.util.Arrays.stream(SEEDS).mapToObj(seed -> dynamicTest("seed " + seed, () -> {
            SplittableRandom rnd = new SplittableRandom(seed);
            for (int round = 0; round < 200; round++) {
                Map<BigInteger, Rational> terms = Gen.terms(rnd, 5);
                ExactReal x = ExactReal.lnCombination(Rational.ZERO, terms);
                assertWellFormed(x);
                BigInteger d = Gen.commonDenominator(terms.values());
                assertEquals(Gen.exponentiated(terms, d), Gen.exponentiated(x.logCoefficients(), d),
                        "seed " + seed + ", round " + round + ": " + terms + " -> " + x);
                // the same value built term by term
                ExactReal y = ExactReal.ZERO;
                for (Map.Entry<BigInteger, Rational> e : terms.entrySet()) {
                    y = y.add(ExactReal.ln(e.getKey()).multiply(e.getValue()));
                }
                assertEquals(x, y, "seed " + seed + ", round " + round);
                assertWellFormed(y);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> quotientIdentityOnBigArguments() {
        return java.util.Arrays.stream(SEEDS).mapToObj(seed -> dynamicTest("seed " + seed, () -> {
            SplittableRandom rnd = new SplittableRandom(seed);
            for (int round = 0; round < 200; round++) {
                BigInteger a = Gen.atom(rnd);
                BigInteger b = Gen.atom(rnd);
                ExactReal x = ExactReal.ln(Rational.of(a, b)).add(ExactReal.ln(b)).subtract(ExactReal.ln(a));
                assertTrue(x.isZero(), "seed " + seed + ": ln(a/b) + ln b - ln a = " + x + " for a=" + a + ", b=" + b);
                ExactReal y = ExactReal.ln(a.multiply(b)).subtract(ExactReal.ln(a)).subtract(ExactReal.ln(b));
                assertTrue(y.isZero(), "seed " + seed + ": ln(ab) - ln a - ln b for a=" + a + ", b=" + b);
                assertEquals(a.compareTo(b), ExactReal.ln(a).compareTo(ExactReal.ln(b)),
                        "seed " + seed + ": ln is increasing, a=" + a + ", b=" + b);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> parseOfToStringIsIdentity() {
        return java.util.Arrays.stream(SEEDS).mapToObj(seed -> dynamicTest("seed " + seed, () -> {
            List<ExactReal> xs = new ArrayList<>(smallValues());
            xs.addAll(randomValues(seed, 300));
            for (ExactReal x : xs) {
                String s = x.toString();
                ExactReal back = ExactReal.parse(s);
                assertEquals(x, back, "seed " + seed + ": " + s);
                assertEquals(s, back.toString(), "seed " + seed + ": text form is stable");
                assertWellFormed(back);
            }
        }));
    }
}
