package org.dlmexact.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hand-picked identities, construction, text form and parse errors of {@link ExactReal}. */
class ExactRealTest {

    private static ExactReal ln(long n) {
        return ExactReal.ln(n);
    }

    private static ExactReal q(long n, long d) {
        return ExactReal.of(Rational.of(n, d));
    }

    @Test
    void classicalIdentitiesAreExactZeros() {
        assertTrue(ln(3).multiply(2).subtract(ln(9)).isZero(), "2 ln 3 - ln 9");
        assertTrue(ln(6).subtract(ln(2)).subtract(ln(3)).isZero(), "ln 6 - ln 2 - ln 3");
        assertTrue(ln(8).divide(3).subtract(ln(2)).isZero(), "ln 8 / 3 - ln 2");
        assertTrue(ExactReal.ln(Rational.of(4, 9)).add(ln(3).multiply(2)).subtract(ln(2).multiply(2)).isZero());
        assertEquals(ExactReal.ZERO, ln(1));
        assertTrue(ln(1).isZero());
    }

    @Test
    void nonZeroValuesAreNotZero() {
        assertFalse(ln(2).subtract(ln(3)).isZero());
        assertFalse(ln(2).isZero());
        ExactReal almost = ln(2).subtract(ln(2)).add(Rational.of(BigInteger.ONE, BigInteger.TEN.pow(100)));
        assertFalse(almost.isZero());
        assertEquals(1, almost.signum());
        assertFalse(DecimalTest.tiny().isZero());
        assertNotEquals(ln(2), ln(3));
        assertNotEquals(ln(4), ln(2));
        assertNotEquals(ln(2), q(1, 2));
        assertNotEquals(ln(2), (Object) "ln(2)");
    }

    @Test
    void lnOfQuotientsExhaustively() {
        // ln(a/b) + ln(b) - ln(a) = 0 for all 1 <= a, b <= 40, smallest first
        for (int size = 1; size <= 40; size++) {
            for (int a = 1; a <= size; a++) {
                for (int b = 1; b <= size; b++) {
                    if (Math.max(a, b) != size) {
                        continue;
                    }
                    ExactReal x = ExactReal.ln(Rational.of(a, b)).add(ln(b)).subtract(ln(a));
                    if (!x.isZero()) {
                        fail("ln(" + a + "/" + b + ") + ln " + b + " - ln " + a + " = " + x);
                    }
                    // and ln a + ln b = ln(ab)
                    assertTrue(ln(a).add(ln(b)).subtract(ln((long) a * b)).isZero(), a + ", " + b);
                    // ln is increasing: the sign of ln(a/b) is the sign of a - b
                    assertEquals(Integer.signum(a - b), ExactReal.ln(Rational.of(a, b)).signum(), a + "/" + b);
                }
            }
        }
    }

    @Test
    void equalValuesHaveEqualHashCodes() {
        List<ExactReal[]> pairs = List.of(
                new ExactReal[] {ln(6), ln(2).add(ln(3))},
                new ExactReal[] {ExactReal.ln(Gen.P65537.multiply(Gen.P65539)), ExactReal.ln(Gen.P65537).add(ExactReal.ln(Gen.P65539))},
                new ExactReal[] {ln(8).divide(3), ln(2)},
                new ExactReal[] {ln(2).add(Rational.of(1, 3)), q(1, 3).add(ln(4).divide(2))},
                new ExactReal[] {ExactReal.parse("1/2*ln(4)"), ExactReal.parse("ln(2)")});
        for (ExactReal[] p : pairs) {
            assertEquals(p[0], p[1]);
            assertEquals(p[1], p[0]);
            assertEquals(p[0].hashCode(), p[1].hashCode(), p[0] + " vs " + p[1]);
            assertEquals(0, p[0].compareTo(p[1]));
        }
    }

    @Test
    void compositeCofactorsCompareByValueNotByText() {
        // 1000003^2 has no prime factor below 2^16, so ln of it keeps one composite atom; the text
        // differs from 2*ln(1000003) but the values, hash codes and order agree
        ExactReal a = ExactReal.ln(Gen.P1000003.pow(2));
        ExactReal b = ExactReal.ln(Gen.P1000003).multiply(2);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(0, a.compareTo(b));
        assertEquals(a, ExactReal.parse(a.toString()));
        assertEquals(b, ExactReal.parse(b.toString()));
        assertTrue(a.subtract(b).isZero());
        // a sum over both forms refines to the prime
        assertEquals(Map.of(Gen.P1000003, Rational.of(3)), a.add(ExactReal.ln(Gen.P1000003)).logCoefficients());
    }

    @Test
    void xLnX() {
        assertTrue(ExactReal.xLnX(Rational.ZERO).isZero());
        assertTrue(ExactReal.xLnX(Rational.ONE).isZero());
        assertEquals(ln(2).multiply(Rational.of(-1, 2)), ExactReal.xLnX(Rational.of(1, 2)));
        // (2/3) ln(2/3) = 2/3 ln 2 - 2/3 ln 3
        assertEquals(ln(2).multiply(Rational.of(2, 3)).subtract(ln(3).multiply(Rational.of(2, 3))),
                ExactReal.xLnX(Rational.of(2, 3)));
        // (ab) ln(ab) = b (a ln a) + a (b ln b), over a small grid
        for (Rational a : Gen.smallRationals(6)) {
            for (Rational b : Gen.smallRationals(6)) {
                if (a.signum() < 0 || b.signum() < 0) {
                    continue;
                }
                ExactReal lhs = ExactReal.xLnX(a.multiply(b));
                ExactReal rhs = ExactReal.xLnX(a).multiply(b).add(ExactReal.xLnX(b).multiply(a));
                assertEquals(lhs, rhs, "a=" + a + ", b=" + b);
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExactReal.xLnX(Rational.of(-1, 2)));
        assertTrue(e.getMessage().contains("negative"), e.getMessage());
    }

    @Test
    void lnOfRationals() {
        for (Rational a : Gen.smallRationals(7)) {
            if (a.signum() <= 0) {
                continue;
            }
            assertEquals(ExactReal.ln(a).negate(), ExactReal.ln(a.reciprocal()), "ln(1/a), a=" + a);
            assertEquals(ExactReal.ln(a).multiply(5), ExactReal.ln(a.pow(5)), "ln(a^5), a=" + a);
            for (Rational b : Gen.smallRationals(5)) {
                if (b.signum() > 0) {
                    assertEquals(ExactReal.ln(a).add(ExactReal.ln(b)), ExactReal.ln(a.multiply(b)), a + ", " + b);
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> ExactReal.ln(Rational.ZERO));
        assertThrows(IllegalArgumentException.class, () -> ExactReal.ln(Rational.of(-1, 2)));
        assertThrows(IllegalArgumentException.class, () -> ExactReal.ln(0));
        assertThrows(IllegalArgumentException.class, () -> ExactReal.ln(BigInteger.valueOf(-7)));
    }

    @Test
    void structureIsCanonical() {
        ExactReal x = ExactReal.lnCombination(Rational.of(1, 2), Map.of(BigInteger.valueOf(12), Rational.of(1, 3),
                BigInteger.valueOf(18), Rational.of(-1, 3)));
        // 1/3 (ln 12 - ln 18) = 1/3 (ln 2 - ln 3)
        assertEquals(Rational.of(1, 2), x.rationalPart());
        assertEquals(Map.of(BigInteger.TWO, Rational.of(1, 3), BigInteger.valueOf(3), Rational.of(-1, 3)),
                x.logCoefficients());
        assertEquals(2, x.atomCount());
        assertEquals(2, x.coefficientCount());
        assertFalse(x.isRational());
        assertTrue(ExactReal.of(Rational.of(3, 7)).isRational());
        assertThrows(UnsupportedOperationException.class,
                () -> x.logCoefficients().put(BigInteger.TEN, Rational.ONE));
        assertThrows(ArithmeticException.class, () -> x.divide(Rational.ZERO));
        assertThrows(ArithmeticException.class, () -> x.divide(0));
        assertTrue(x.multiply(Rational.ZERO).isZero());
    }

    @Test
    void fromIntegerLogsScales() {
        Map<BigInteger, BigInteger> small = new TreeMap<>(Map.of(BigInteger.TWO, BigInteger.valueOf(3),
                BigInteger.valueOf(5), BigInteger.ZERO));
        Map<BigInteger, BigInteger> large = new TreeMap<>(Map.of(Gen.P65537.multiply(Gen.P65539), BigInteger.ONE,
                Gen.P65537, BigInteger.valueOf(-1)));
        ExactReal x = ExactReal.fromIntegerLogs(Rational.ONE, Rational.of(1, 6), small, large);
        ExactReal expected = ln(2).divide(2).add(ExactReal.ln(Gen.P65539).divide(6)).add(Rational.ONE);
        assertEquals(expected, x);
        assertEquals(Map.of(BigInteger.TWO, Rational.of(1, 2), Gen.P65539, Rational.of(1, 6)), x.logCoefficients());
    }

    // ---------------------------------------------------------------- text form

    @Test
    void canonicalTextFormRoundTrips() {
        String text = "2/9*ln(2) + 17/4*ln(3) - 25/36*ln(5)";
        ExactReal x = ExactReal.parse(text);
        assertEquals(text, x.toString());
        assertEquals(ExactReal.lnCombination(Rational.ZERO, Map.of(BigInteger.TWO, Rational.of(2, 9),
                BigInteger.valueOf(3), Rational.of(17, 4), BigInteger.valueOf(5), Rational.of(-25, 36))), x);
    }

    @Test
    void textFormOfSpecialValues() {
        assertEquals("0", ExactReal.ZERO.toString());
        assertEquals("1", ExactReal.ONE.toString());
        assertEquals("-1/2", q(-1, 2).toString());
        assertEquals("ln(2)", ln(2).toString());
        assertEquals("-ln(2)", ln(2).negate().toString());
        assertEquals("-1/2*ln(2)", ln(2).divide(-2).toString());
        assertEquals("-1/3 + ln(2) - 2*ln(3)", ln(2).subtract(ln(9)).subtract(q(1, 3)).toString());
        assertEquals("2*ln(2) + ln(3)", ln(12).toString());
    }

    @Test
    void parseAcceptsVariants() {
        assertEquals(ln(6), ExactReal.parse("ln(2)+ln(3)"));
        assertTrue(ExactReal.parse("-ln(4) + 2*ln(2)").isZero());
        assertEquals("0", ExactReal.parse("-ln(4) + 2*ln(2)").toString());
        assertEquals(ln(2), ExactReal.parse("0.5*ln(4)"));
        assertTrue(ExactReal.parse("ln(1)").isZero());
        assertEquals(q(3, 2), ExactReal.parse("1 + 1/2"));
        assertEquals(ln(2).add(Rational.of(-1, 2)), ExactReal.parse("  -1/2  +  ln( 2 )  "));
        assertEquals(ln(2).negate(), ExactReal.parse("+0 - ln(2)"));
        assertEquals(ExactReal.ln(Gen.M89).multiply(Rational.of(-7, 3)), ExactReal.parse("-7/3*ln(" + Gen.M89 + ")"));
    }

    private static String parseFailure(String text) {
        NumberFormatException e = assertThrows(NumberFormatException.class, () -> ExactReal.parse(text),
                "parse should refuse '" + text + "'");
        assertTrue(e.getMessage() != null && e.getMessage().startsWith("not an exact real"), e.getMessage());
        return e.getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String p : parts) {
            if (!message.contains(p)) {
                fail("message '" + message + "' does not mention '" + p + "'");
            }
        }
    }

    @Test
    void parseRejectsEmpty() {
        assertMentions(parseFailure(""), "empty");
        assertMentions(parseFailure("  \t "), "empty");
    }

    @Test
    void parseRejectsLnOfZero() {
        assertMentions(parseFailure("ln(0)"), "ln(0)");
        assertMentions(parseFailure("1 + 2*ln(000)"), "ln(0)");
    }

    @Test
    void parseRejectsLnOfNegative() {
        assertMentions(parseFailure("ln(-2)"), "'ln(-2)'", "negative", "character 4");
        assertMentions(parseFailure("1/2 - 3*ln(-7)"), "negative");
    }

    @Test
    void parseRejectsDanglingTimes() {
        assertMentions(parseFailure("2*"), "'2*'", "character 2");
    }

    @Test
    void parseRejectsUnclosedParenthesis() {
        assertMentions(parseFailure("ln(2"), "'ln(2'", "character 1");
    }

    @Test
    void parseRejectsSpaceInsideANumber() {
        assertMentions(parseFailure("1 2"), "'1 2'", "space inside a number", "character 2");
        assertMentions(parseFailure("l n(2)"), "space inside");
        assertMentions(parseFailure("1. 5"), "space inside");
        assertMentions(parseFailure("ln(1 2)"), "'ln(1 2)'");
        assertMentions(parseFailure("1/2 3*ln(2)"), "'1/2 3*ln(2)'");
    }

    @Test
    void parseRejectsDoubleSign() {
        assertMentions(parseFailure("+-1"), "'+-1'", "character 1");
        // positions count in the text with spaces removed, which the message quotes
        assertMentions(parseFailure("1 + -ln(2)"), "character 2 of '1+-ln(2)'");
    }

    @Test
    void parseRejectsMissingSignBetweenTerms() {
        assertMentions(parseFailure("ln(2)ln(3)"), "'ln(2)ln(3)'", "character 6");
        assertMentions(parseFailure("1/2 ln(3)"), "character 4");
    }

    @Test
    void parseRejectsZeroDenominatorAndOverlongText() {
        assertThrows(NumberFormatException.class, () -> ExactReal.parse("1/0*ln(2)"));
        assertMentions(parseFailure("1".repeat(Rational.MAX_TEXT_LENGTH + 1)), "longer than");
        assertThrows(NullPointerException.class, () -> ExactReal.parse(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ln2", "ln(2)*3", "2ln(2)", "log(2)", "ln(2.5)", "e", "1e3", "ln(())", "*ln(2)", "ln(2)+", "NaN"})
    void parseRejectsOtherGarbage(String text) {
        assertMentions(parseFailure(text), "'" + text + "'");
    }

    /** {@code floor(x) <= x < floor(x) + 1} and {@code ceil(x) - 1 < x <= ceil(x)}, decided exactly. */
    private static void assertFloorCeil(ExactReal x) {
        ExactReal f = ExactReal.of(Rational.of(x.floor()));
        ExactReal c = ExactReal.of(Rational.of(x.ceil()));
        assertTrue(f.compareTo(x) <= 0 && x.compareTo(f.add(ExactReal.ONE)) < 0, () -> "floor of " + x + " = " + f);
        assertTrue(c.subtract(ExactReal.ONE).compareTo(x) < 0 && x.compareTo(c) <= 0, () -> "ceil of " + x + " = " + c);
    }

    @Test
    void floorAndCeilOfIrrationalAndRationalValues() {
        assertEquals(BigInteger.ZERO, ln(2).floor());
        assertEquals(BigInteger.ONE, ln(2).ceil());
        assertEquals(BigInteger.valueOf(-1), ln(2).negate().floor());
        assertEquals(BigInteger.ZERO, ln(2).negate().ceil());
        assertEquals(BigInteger.valueOf(69), ln(2).multiply(100).floor()); // 69.31...
        assertEquals(BigInteger.valueOf(-3), q(-5, 2).floor());
        assertEquals(BigInteger.valueOf(-2), q(-5, 2).ceil());
        assertEquals(BigInteger.valueOf(4), q(4, 1).floor());
        assertEquals(BigInteger.valueOf(4), q(4, 1).ceil());
        // within 2e-31 of 0: ln 2 minus its 30-digit truncation needs enclosures far finer than 64 bits
        ExactReal tiny = ln(2).subtract(ExactReal.of(Rational.parse("0.693147180559945309417232121458")));
        assertEquals(BigInteger.ZERO, tiny.floor());
        assertEquals(BigInteger.ONE, tiny.ceil());
        assertEquals(BigInteger.valueOf(-1), tiny.negate().floor());
        assertEquals(BigInteger.ZERO, tiny.negate().ceil());
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
        for (int i = 0; i < 300; i++) {
            assertFloorCeil(Gen.exactReal(rnd));
        }
    }

    @Test
    void lnOfANonPositiveRationalIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ExactReal.ln(Rational.ZERO));
        assertThrows(IllegalArgumentException.class, () -> ExactReal.ln(Rational.of(-1, 2)));
    }

    @Test
    void parseAcceptsTextOfExactlyTheMaximumLength() {
        String longest = "1" + " ".repeat(Rational.MAX_TEXT_LENGTH - 1);
        assertEquals(ExactReal.ONE, ExactReal.parse(longest));
        assertThrows(NumberFormatException.class, () -> ExactReal.parse(longest + " "));
    }

    @Test
    void hashCodesDependOnTheRationalPart() {
        java.util.Set<Integer> hashes = new java.util.HashSet<>();
        for (int n = -20; n <= 20; n++) {
            hashes.add(q(n, 7).add(ln(2)).hashCode());
        }
        assertTrue(hashes.size() > 20, "41 values with distinct rational parts gave " + hashes.size() + " hash codes");
    }

    @Test
    void nearestDoubleNextToAMidpointBetweenTwoDoubles() {
        // 1 + 2^-53 is halfway between 1 and the next double; a third of 10^-70 decides the side
        Rational mid = Rational.ONE.add(Rational.of(BigInteger.ONE, BigInteger.TWO.pow(53)));
        Rational eps = Rational.of(BigInteger.ONE, BigInteger.valueOf(3).multiply(BigInteger.TEN.pow(70)));
        assertEquals(Math.nextUp(1.0), ExactReal.of(mid.add(eps)).toDouble());
        assertEquals(1.0, ExactReal.of(mid.subtract(eps)).toDouble());
        assertEquals(1.0, ExactReal.of(mid).toDouble(), "a tie rounds to even");
    }
}
