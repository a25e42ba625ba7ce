package org.dlmexact.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Field axioms, order, floor/ceil and rounding of {@link Rational}: exhaustively over all
 * fractions of small height (smallest cases first), then on seeded random fractions.
 */
class RationalPropertiesTest {

    /** All p/q with |p|, q <= 3, smallest height first. */
    private static final List<Rational> SMALL3 = Gen.smallRationals(3);
    /** All p/q with |p|, q <= 4, smallest height first. */
    private static final List<Rational> SMALL4 = Gen.smallRationals(4);
    private static final long[] SEEDS = {1L, 20261127L, 0xDEADBEEFL};

    private interface Law3 {
        void check(Rational a, Rational b, Rational c);
    }

    /** Runs the law on every triple of xs, ordered by the largest index involved (smallest first). */
    private static void forAllTriples(List<Rational> xs, Law3 law) {
        int n = xs.size();
        for (int m = 0; m < n; m++) {
            for (int i = 0; i <= m; i++) {
                for (int j = 0; j <= m; j++) {
                    for (int k = 0; k <= m; k++) {
                        if (i == m || j == m || k == m) {
                            Rational a = xs.get(i);
                            Rational b = xs.get(j);
                            Rational c = xs.get(k);
                            try {
                                law.check(a, b, c);
                            } catch (AssertionError e) {
                                fail("smallest counterexample a=" + a + ", b=" + b + ", c=" + c + ": "
                                        + e.getMessage(), e);
                            }
                        }
                    }
                }
            }
        }
    }

    private static List<Rational> randomSet(long seed, int count) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Rational> xs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (i % 3 == 0) {
                xs.add(Rational.of(new BigInteger(100, new java.util.Random(rnd.nextLong())).subtract(BigInteger.ONE.shiftLeft(99)),
                        new BigInteger(80, new java.util.Random(rnd.nextLong())).add(BigInteger.ONE)));
            } else {
                xs.add(Gen.rational(rnd, 1000, 1000));
            }
        }
        return xs;
    }

    private static void fieldAxioms(Rational a, Rational b, Rational c) {
        assertEquals(a.add(b), b.add(a), "a+b = b+a");
        assertEquals(a.multiply(b), b.multiply(a), "ab = ba");
        assertEquals(a.add(b).add(c), a.add(b.add(c)), "(a+b)+c = a+(b+c)");
        assertEquals(a.multiply(b).multiply(c), a.multiply(b.multiply(c)), "(ab)c = a(bc)");
        assertEquals(a.multiply(b.add(c)), a.multiply(b).add(a.multiply(c)), "a(b+c) = ab+ac");
        assertEquals(a, a.add(Rational.ZERO), "a+0 = a");
        assertEquals(a, a.multiply(Rational.ONE), "a*1 = a");
        assertTrue(a.add(a.negate()).isZero(), "a + (-a) = 0");
        assertEquals(a.subtract(b), a.add(b.negate()), "a-b = a+(-b)");
        assertEquals(a, a.subtract(b).add(b), "(a-b)+b = a");
        if (!b.isZero()) {
            assertEquals(Rational.ONE, b.multiply(b.reciprocal()), "b * (1/b) = 1");
            assertEquals(a, a.divide(b).multiply(b), "(a/b)*b = a");
            assertEquals(a.multiply(b.reciprocal()), a.divide(b), "a/b = a*(1/b)");
        }
        // the result is canonical whatever the path
        for (Rational r : new Rational[] {a.add(b), a.subtract(b), a.multiply(b)}) {
            assertTrue(r.denominator().signum() > 0, "positive denominator of " + r);
            assertTrue(r.isZero() ? r.denominator().equals(BigInteger.ONE)
                    : r.numerator().gcd(r.denominator()).equals(BigInteger.ONE), "reduced " + r);
        }
    }

    private static void order(Rational a, Rational b, Rational c) {
        int cmp = a.compareTo(b);
        // independent reference: cross multiplication with positive denominators
        int cross = a.numerator().multiply(b.denominator()).compareTo(b.numerator().multiply(a.denominator()));
        assertEquals(cross, Integer.signum(cmp), "compareTo agrees with cross multiplication");
        assertEquals(a.subtract(b).signum(), Integer.signum(cmp), "compareTo agrees with (a-b).signum()");
        assertEquals(-Integer.signum(cmp), Integer.signum(b.compareTo(a)), "antisymmetric");
        assertEquals(cmp == 0, a.equals(b), "compareTo == 0 iff equals");
        if (cmp == 0) {
            assertEquals(a.hashCode(), b.hashCode(), "equal values, equal hash codes");
        }
        if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
            assertTrue(a.compareTo(c) <= 0, "transitive");
        }
        if (cmp < 0) {
            assertTrue(a.add(c).compareTo(b.add(c)) < 0, "a < b implies a+c < b+c");
            if (c.signum() > 0) {
                assertTrue(a.multiply(c).compareTo(b.multiply(c)) < 0, "a < b, c > 0 implies ac < bc");
            }
        }
        assertEquals(cmp <= 0 ? a : b, a.min(b), "min");
        assertEquals(cmp >= 0 ? a : b, a.max(b), "max");
    }

    private static void floorCeil(Rational a) {
        Rational f = Rational.of(a.floor());
        Rational c = Rational.of(a.ceil());
        assertTrue(f.compareTo(a) <= 0 && a.compareTo(f.add(Rational.ONE)) < 0, "floor(" + a + ") = " + f);
        assertTrue(c.subtract(Rational.ONE).compareTo(a) < 0 && a.compareTo(c) <= 0, "ceil(" + a + ") = " + c);
        assertEquals(a.negate().floor().negate(), a.ceil(), "ceil(a) = -floor(-a) for " + a);
        assertEquals(a.isInteger(), f.equals(c), "floor = ceil iff integer, " + a);
    }

    private static void rounding(Rational a, int digits) {
        BigDecimal r = a.round(digits);
        String where = a + " to " + digits + " digits = " + r.toPlainString();
        assertEquals(digits, r.scale(), where);
        Rational value = Gen.of(r);
        Rational err = value.subtract(a).abs();
        Rational half = Gen.halfUlp(digits);
        int c = err.compareTo(half);
        assertTrue(c <= 0, "within half a unit: " + where);
        if (c == 0) {
            // a tie: away from zero, so the rounded value has the larger magnitude
            assertTrue(value.abs().compareTo(a.abs()) > 0, "tie away from zero: " + where);
        }
        if (a.signum() != 0 && value.signum() != 0) {
            assertEquals(a.signum(), value.signum(), "sign kept: " + where);
        }
    }

    @TestFactory
    Stream<DynamicTest> exhaustiveSmallFractions() {
        return Stream.of(
                dynamicTest("field axioms, all triples of height <= 3 (" + SMALL3.size() + " values)",
                        () -> forAllTriples(SMALL3, RationalPropertiesTest::fieldAxioms)),
                dynamicTest("order laws, all triples of height <= 4 (" + SMALL4.size() + " values)",
                        () -> forAllTriples(SMALL4, RationalPropertiesTest::order)),
                dynamicTest("floor and ceil, height <= 12",
                        () -> Gen.smallRationals(12).forEach(RationalPropertiesTest::floorCeil)),
                dynamicTest("round(d) for d = 0..4, height <= 20 (includes every tie with denominator 2^i 5^j)",
                        () -> {
                            for (Rational a : Gen.smallRationals(20)) {
                                for (int d = 0; d <= 4; d++) {
                                    rounding(a, d);
                                }
                            }
                        }));
    }

    @TestFactory
    Stream<DynamicTest> seededRandomFractions() {
        List<DynamicTest> tests = new ArrayList<>();
        for (long seed : SEEDS) {
            tests.add(dynamicTest("field axioms, seed " + seed, () -> {
                List<Rational> xs = randomSet(seed, 12);
                forAllTriples(xs, RationalPropertiesTest::fieldAxioms);
            }));
            tests.add(dynamicTest("order laws, seed " + seed, () -> {
                List<Rational> xs = randomSet(seed, 20);
                forAllTriples(xs, RationalPropertiesTest::order);
            }));
            tests.add(dynamicTest("floor, ceil and rounding, seed " + seed, () -> {
                List<Rational> xs = randomSet(seed, 300);
                SplittableRandom rnd = new SplittableRandom(seed);
                for (Rational a : xs) {
                    floorCeil(a);
                    rounding(a, rnd.nextInt(0, 30));
                }
            }));
            tests.add(dynamicTest("parse(toString(x)) = x, seed " + seed, () -> {
                for (Rational a : randomSet(seed, 300)) {
                    assertEquals(a, Rational.parse(a.toString()), "seed " + seed);
                    // exact decimals: x / 10^k printed with k digits reads back
                    Rational dec = Rational.of(a.numerator(), BigInteger.TEN.pow(7));
                    assertEquals(dec, Rational.parse(dec.round(7).toPlainString()), "seed " + seed);
                }
            }));
        }
        return tests.stream();
    }
}
