package org.dlmexact.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Certified decimal output ({@link ExactReal#toDecimal}) and {@link ExactReal#toDouble}, checked
 * against published digits of ln 2, ln 3 and ln 10 and against exact rounding of rationals.
 */
class DecimalTest {

    /** ln 2 truncated to 105 places (OEIS A002162). */
    static final String LN2 =
            "0.693147180559945309417232121458176568075500134360255254120680009493393621969694715605863326996418687542001";
    /** ln 3 truncated to 105 places (OEIS A002391). */
    static final String LN3 =
            "1.098612288668109691395245236922525704647490557822749451734694333637494293218608966873615754813732088787970";
    /** ln 10 truncated to 105 places (OEIS A002392). */
    static final String LN10 =
            "2.302585092994045684017991454684364207601101488628772976033327900967572609677352480235997205089598298341967";

    private static final Rational TRUNC_ULP = Rational.parse("1e-105");

    /** The interval [t, t + 10^-105] that contains the constant whose 105-place truncation is t. */
    private static Interval published(String truncated) {
        Rational t = Rational.parse(truncated);
        return Interval.of(t, t.add(TRUNC_ULP));
    }

    /** Interval arithmetic on rationals: sum of q_i * I_i plus q0. */
    private static Interval combination(Rational q0, Rational[] qs, Interval[] is) {
        Rational lo = q0;
        Rational hi = q0;
        for (int i = 0; i < qs.length; i++) {
            Rational a = is[i].lo().multiply(qs[i]);
            Rational b = is[i].hi().multiply(qs[i]);
            lo = lo.add(a.min(b));
            hi = hi.add(a.max(b));
        }
        return Interval.of(lo, hi);
    }

    /** The correctly rounded D-place decimal of any value inside iv, or null when iv straddles a rounding boundary. */
    private static String roundingOf(Interval iv, int digits) {
        BigDecimal lo = iv.lo().round(digits);
        BigDecimal hi = iv.hi().round(digits);
        return lo.equals(hi) ? lo.toPlainString() : null;
    }

    @TestFactory
    Stream<DynamicTest> publishedConstantsToEveryPrecision() {
        List<DynamicTest> tests = new ArrayList<>();
        Object[][] cases = {
            {"ln 2", ExactReal.ln(2), published(LN2)},
            {"ln 3", ExactReal.ln(3), published(LN3)},
            {"ln 10", ExactReal.ln(10), published(LN10)},
            {"-ln 2 = ln(1/2)", ExactReal.ln(Rational.of(1, 2)), combination(Rational.ZERO,
                    new Rational[] {Rational.ONE.negate()}, new Interval[] {published(LN2)})},
            {"-ln 3", ExactReal.ln(3).negate(), combination(Rational.ZERO,
                    new Rational[] {Rational.ONE.negate()}, new Interval[] {published(LN3)})},
        };
        for (Object[] c : cases) {
            ExactReal x = (ExactReal) c[1];
            Interval ref = (Interval) c[2];
            tests.add(dynamicTest(c[0] + " to 0..100 places", () -> {
                for (int d = 0; d <= 100; d++) {
                    String expected = roundingOf(ref, d);
                    assertTrue(expected != null, c[0] + ": the reference cannot decide " + d + " places");
                    assertEquals(expected, x.toDecimal(d), c[0] + " to " + d + " places");
                }
            }));
        }
        return tests.stream();
    }

    @Test
    void fiftyPlacesAsPublished() {
        // the 50-place strings, correctly rounded by hand from the published digits
        assertEquals("0.69314718055994530941723212145817656807550013436026", ExactReal.ln(2).toDecimal(50));
        assertEquals("1.09861228866810969139524523692252570464749055782275", ExactReal.ln(3).toDecimal(50));
        assertEquals("2.30258509299404568401799145468436420760110148862877", ExactReal.ln(10).toDecimal(50));
        assertEquals("-2.30258509299404568401799145468436420760110148862877", ExactReal.ln(10).negate().toDecimal(50));
    }

    /** Combinations a ln 2 + b ln 3 + c ln 5 + q0 (ln 5 = ln 10 - ln 2) against the published digits. */
    @TestFactory
    Stream<DynamicTest> combinationsAgainstPublishedDigits() {
        return Stream.of(11L, 4242L).map(seed -> dynamicTest("seed " + seed, () -> {
            SplittableRandom rnd = new SplittableRandom(seed);
            Interval ln5 = combination(Rational.ZERO, new Rational[] {Rational.ONE, Rational.ONE.negate()},
                    new Interval[] {published(LN10), published(LN2)});
            for (int round = 0; round < 60; round++) {
                Rational q0 = Gen.rational(rnd, 30, 7);
                Rational[] qs = {Gen.rational(rnd, 12, 9), Gen.rational(rnd, 12, 9), Gen.rational(rnd, 12, 9)};
                ExactReal x = ExactReal.lnCombination(q0, java.util.Map.of(BigInteger.TWO, qs[0],
                        BigInteger.valueOf(3), qs[1], BigInteger.valueOf(5), qs[2]));
                Interval ref = combination(q0, qs, new Interval[] {published(LN2), published(LN3), ln5});
                int d = rnd.nextInt(0, 90);
                String expected = roundingOf(ref, d);
                if (expected != null) {
                    assertEquals(expected, x.toDecimal(d), "seed " + seed + ": " + x + " to " + d + " places");
                }
            }
        }));
    }

    @ParameterizedTest(name = "{0} to {1} places = {2}")
    @CsvSource({
        "1/8, 2, 0.13",
        "-1/8, 2, -0.13",
        "1/3, 10, 0.3333333333",
        "-2/3, 10, -0.6666666667",
        "5/2, 0, 3",
        "-5/2, 0, -3",
        "1/2, 0, 1",
        "0, 4, 0.0000",
        "7, 3, 7.000",
        "-1/1000, 2, 0.00",
        "1/200, 2, 0.01",
        "-1/200, 2, -0.01",
        "12345/100, 1, 123.5",
    })
    void rationalValuesRoundExactlyTiesAwayFromZero(String q, int digits, String expected) {
        ExactReal x = ExactReal.of(Rational.parse(q));
        assertEquals(expected, x.toDecimal(digits));
        assertEquals(digits, x.roundedDecimal(digits).scale());
    }

    @Test
    void negativeDigitsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ExactReal.ln(2).toDecimal(-1));
        assertThrows(IllegalArgumentException.class, () -> ExactReal.ONE.toDecimal(-1));
    }

    @Test
    void zeroDigits() {
        assertEquals("1", ExactReal.ln(2).toDecimal(0));   // 0.693...
        assertEquals("1", ExactReal.ln(3).toDecimal(0));   // 1.098...
        assertEquals("2", ExactReal.ln(10).toDecimal(0));  // 2.302...
        assertEquals("-2", ExactReal.ln(10).negate().toDecimal(0));
        assertEquals("0", ExactReal.ln(2).subtract(ExactReal.of(Rational.of(1, 2))).toDecimal(0)); // 0.193...
        assertEquals("0", ExactReal.ZERO.toDecimal(0));
    }

    /** tiny = ln(N+1) - ln N - 1/N + 1/(2N^2), N = 10^17: 1/(3N^3) - 1/(4N^4) < tiny < 1/(3N^3). */
    static ExactReal tiny() {
        BigInteger n = BigInteger.TEN.pow(17);
        return ExactReal.ln(n.add(BigInteger.ONE)).subtract(ExactReal.ln(n))
                .add(Rational.of(BigInteger.ONE, n).negate())
                .add(Rational.of(BigInteger.ONE, n.pow(2).shiftLeft(1)));
    }

    @Test
    void roundingJustBelowAndAboveATie() {
        ExactReal below = ExactReal.of(Rational.of(1, 8)).subtract(tiny());
        ExactReal above = ExactReal.of(Rational.of(1, 8)).add(tiny());
        assertEquals("0.12", below.toDecimal(2));
        assertEquals("0.13", above.toDecimal(2));
        assertEquals("-0.12", below.negate().toDecimal(2));
        assertEquals("-0.13", above.negate().toDecimal(2));
        assertEquals("0.125", below.toDecimal(3));
        assertEquals("0." + "125" + "0".repeat(48), below.toDecimal(51));
        // tiny is in (3.3e-52, 3.34e-52): at 52 places 1/8 - tiny rounds to 1/8 - 3e-52
        BigDecimal expected52 = new BigDecimal("0.125").subtract(new BigDecimal("3e-52"));
        assertEquals(expected52.toPlainString(), below.toDecimal(52));
        assertEquals(new BigDecimal("0.125").add(new BigDecimal("3e-52")).toPlainString(), above.toDecimal(52));
    }

    /** For D = 0..60: rounding the (D+5)-place string to D places gives the D-place string, except at a tie. */
    @TestFactory
    Stream<DynamicTest> precisionsAreConsistent() {
        return Stream.of(8L, 99L).map(seed -> dynamicTest("seed " + seed, () -> {
            SplittableRandom rnd = new SplittableRandom(seed);
            List<ExactReal> xs = new ArrayList<>(List.of(ExactReal.ln(2), ExactReal.ln(3).negate(), tiny(),
                    ExactReal.of(Rational.of(1, 8)).subtract(tiny())));
            for (int i = 0; i < 8; i++) {
                xs.add(Gen.exactReal(rnd));
            }
            for (ExactReal x : xs) {
                Interval enc = x.enclosure(400);
                for (int d = 0; d <= 60; d++) {
                    String s = x.toDecimal(d);
                    BigDecimal finer = new BigDecimal(x.toDecimal(d + 5));
                    String tail = finer.unscaledValue().abs().toString();
                    boolean tie = tail.endsWith("50000");
                    if (!tie) {
                        assertEquals(finer.setScale(d, RoundingMode.HALF_UP).toPlainString(), s,
                                "seed " + seed + ": " + x + " at " + d + " vs " + (d + 5) + " places");
                    }
                    // certified: the decimal lies within half a unit of the enclosure
                    Rational dec = Gen.of(new BigDecimal(s));
                    Rational h = Gen.halfUlp(d);
                    assertTrue(dec.subtract(h).compareTo(enc.hi()) <= 0 && enc.lo().compareTo(dec.add(h)) <= 0,
                            "seed " + seed + ": " + s + " is not within 10^-" + d + "/2 of " + x);
                }
            }
        }));
    }

    @Test
    void toDoubleIsTheNearestDouble() {
        assertEquals(new BigDecimal(LN2).doubleValue(), ExactReal.ln(2).toDouble());
        assertEquals(new BigDecimal(LN3).doubleValue(), ExactReal.ln(3).toDouble());
        assertEquals(new BigDecimal(LN10).doubleValue(), ExactReal.ln(10).toDouble());
        assertEquals(-new BigDecimal(LN2).doubleValue(), ExactReal.ln(Rational.of(1, 2)).toDouble());
        assertEquals(new BigDecimal(LN2).divide(BigDecimal.valueOf(3), 100, RoundingMode.HALF_EVEN).doubleValue(),
                ExactReal.ln(2).divide(3).toDouble());
        // rationals: IEEE division is correctly rounded
        assertEquals(1.0 / 3.0, ExactReal.of(Rational.of(1, 3)).toDouble());
        assertEquals(0.1, ExactReal.of(Rational.of(1, 10)).toDouble());
        assertEquals(0.0, ExactReal.ZERO.toDouble());
        // a value far below one ulp of 1/8 prints as 1/8 exactly
        assertEquals(0.125, ExactReal.of(Rational.of(1, 8)).add(tiny()).toDouble());
    }

    @Test
    void toDoubleAtAndNearAMidpointBetweenDoubles() {
        // 1 + 2^-53 is the midpoint of 1 and the next double 1 + 2^-52
        Rational mid = Rational.ONE.add(Rational.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(53)));
        double next = Math.nextUp(1.0);
        assertEquals(1.0, ExactReal.of(mid).toDouble(), "a tie goes to the even neighbour");
        assertEquals(next, ExactReal.of(mid.add(Rational.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(300)))).toDouble());
        assertEquals(1.0, ExactReal.of(mid.subtract(Rational.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(300)))).toDouble());
        // irrational values within 1e-51 of the midpoint
        assertEquals(next, ExactReal.of(mid).add(tiny()).toDouble());
        assertEquals(1.0, ExactReal.of(mid).subtract(tiny()).toDouble());
    }

    @Test
    void smallNegativeValuesRoundToZeroWithoutASign() {
        // -ln(3/2) = -0.405...: zero places give 0 (BigDecimal has no negative zero)
        assertEquals("0", ExactReal.ln(Rational.of(3, 2)).negate().toDecimal(0));
        assertEquals("-0.4", ExactReal.ln(Rational.of(3, 2)).negate().toDecimal(1));
        assertEquals("0.000", tiny().negate().toDecimal(3));
    }
}
