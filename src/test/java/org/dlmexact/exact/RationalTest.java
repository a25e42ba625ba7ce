package org.dlmexact.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Canonical form, parsing, rounding and the other hand-picked cases of {@link Rational}. */
class RationalTest {

    @Test
    void signMovesToNumerator() {
        Rational r = Rational.of(1, -2);
        assertEquals("-1/2", r.toString());
        assertEquals(BigInteger.valueOf(-1), r.numerator());
        assertEquals(BigInteger.TWO, r.denominator());
        assertEquals(-1, r.signum());
    }

    @Test
    void reducedAndCanonicalForSmallInputs() {
        // every n/d with |n|, |d| <= 15, in increasing size order
        for (int size = 0; size <= 15; size++) {
            for (int n = -size; n <= size; n++) {
                for (int d = -size; d <= size; d++) {
                    if (d == 0 || Math.max(Math.abs(n), Math.abs(d)) != size) {
                        continue;
                    }
                    Rational r = Rational.of(n, d);
                    String where = n + "/" + d + " -> " + r;
                    assertTrue(r.denominator().signum() > 0, where);
                    if (n != 0) {
                        assertEquals(BigInteger.ONE, r.numerator().gcd(r.denominator()), where);
                    }
                    if (n == 0) {
                        assertEquals(BigInteger.ONE, r.denominator(), where);
                    }
                    // same value: num * d == n * den
                    assertEquals(r.numerator().multiply(BigInteger.valueOf(d)),
                            BigInteger.valueOf(n).multiply(r.denominator()), where);
                    assertEquals(Integer.signum(n) * Integer.signum(d), r.signum(), where);
                    String s = r.toString();
                    assertFalse(s.contains("/-"), where);
                    assertEquals(r.isInteger(), !s.contains("/"), where);
                    assertEquals(r, Rational.parse(s), where);
                    // equal values built differently are equal with equal hash codes
                    Rational twice = Rational.of(2L * n, 2L * d);
                    assertEquals(r, twice, where);
                    assertEquals(r.hashCode(), twice.hashCode(), where);
                    assertEquals(r, Rational.of(BigInteger.valueOf(-n), BigInteger.valueOf(-d)), where);
                }
            }
        }
    }

    @Test
    void zeroIsCanonical() {
        Rational z = Rational.of(0, -7);
        assertEquals("0", z.toString());
        assertEquals(BigInteger.ONE, z.denominator());
        assertTrue(z.isZero());
        assertEquals(Rational.ZERO, z);
        assertEquals(Rational.ZERO.hashCode(), z.hashCode());
    }

    @Test
    void zeroDenominatorRefused() {
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> Rational.of(3, 0));
        assertTrue(e.getMessage().contains("zero denominator"), e.getMessage());
        assertThrows(ArithmeticException.class, () -> Rational.of(BigInteger.ONE, BigInteger.ZERO));
        assertThrows(ArithmeticException.class, () -> Rational.ONE.divide(Rational.ZERO));
        assertThrows(ArithmeticException.class, () -> Rational.ONE.divide(0));
        assertThrows(ArithmeticException.class, () -> Rational.ZERO.reciprocal());
        assertThrows(IllegalArgumentException.class, () -> Rational.ONE.pow(-1));
        assertThrows(IllegalArgumentException.class, () -> Rational.ONE.round(-1));
    }

    @ParameterizedTest(name = "parse(\"{0}\") = {1}/{2}")
    @CsvSource(delimiter = ';', value = {
        "7; 7; 1",
        "-3; -3; 1",
        "+4; 4; 1",
        "0; 0; 1",
        "-0; 0; 1",
        "3/4; 3; 4",
        "-6/8; -3; 4",
        "+10/4; 5; 2",
        "0/5; 0; 1",
        "0.125; 1; 8",
        "-.5; -1; 2",
        ".25; 1; 4",
        "1.5e-3; 3; 2000",
        "2E3; 2000; 1",
        "-1.25E+1; -25; 2",
        "'  5  '; 5; 1",
        "000012.5000; 25; 2",
    })
    void parseAccepts(String text, long num, long den) {
        Rational r = Rational.parse(text);
        assertEquals(BigInteger.valueOf(num), r.numerator(), text);
        assertEquals(BigInteger.valueOf(den), r.denominator(), text);
    }

    @Test
    void parseAcceptsExponentAtTheLimit() {
        assertEquals(Rational.of(BigInteger.TEN.pow(1000)), Rational.parse("1e1000"));
        assertEquals(Rational.of(BigInteger.ONE, BigInteger.TEN.pow(1000)), Rational.parse("1e-1000"));
        assertEquals(Rational.of(BigInteger.TEN.pow(10), BigInteger.ONE), Rational.parse("0.00001e15"));
    }

    private static String parseFailure(String text) {
        NumberFormatException e = assertThrows(NumberFormatException.class, () -> Rational.parse(text),
                "parse should refuse '" + text + "'");
        assertTrue(e.getMessage() != null && e.getMessage().startsWith("not a rational number"), e.getMessage());
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
    void parseRejectsEmptyText() {
        assertMentions(parseFailure(""), "empty");
        assertMentions(parseFailure("   "), "empty");
    }

    @Test
    void parseRejectsNaN() {
        assertMentions(parseFailure("NaN"), "'NaN'", "expected");
    }

    @Test
    void parseRejectsInfinity() {
        assertMentions(parseFailure("Infinity"), "'Infinity'", "expected");
        assertMentions(parseFailure("-Infinity"), "'-Infinity'");
    }

    @Test
    void parseRejectsZeroDenominator() {
        assertMentions(parseFailure("1/0"), "'1/0'", "zero denominator");
        assertMentions(parseFailure("-5/000"), "zero denominator");
    }

    @Test
    void parseRejectsEmptyDenominator() {
        assertMentions(parseFailure("1/"), "'1/'", "p/q");
    }

    @Test
    void parseRejectsEmptyNumerator() {
        assertMentions(parseFailure("/2"), "'/2'", "p/q");
    }

    @Test
    void parseRejectsSignOnDenominator() {
        assertMentions(parseFailure("1/-2"), "'1/-2'", "q > 0");
    }

    @Test
    void parseRejectsTwoDecimalPoints() {
        assertMentions(parseFailure("1.2.3"), "'1.2.3'", "decimal");
    }

    @Test
    void parseRejectsExponentBeyondLimit() {
        assertMentions(parseFailure("1e1001"), "exponent 1001", "1000");
        assertMentions(parseFailure("1e-1001"), "exponent -1001", "1000");
        assertMentions(parseFailure("1e99999999999999999999"), "exponent", "1000");
    }

    @Test
    void parseRejectsOverlongText() {
        String text = "1".repeat(Rational.MAX_TEXT_LENGTH + 1);
        assertMentions(parseFailure(text), "longer than " + Rational.MAX_TEXT_LENGTH);
        // exactly at the limit is fine
        assertEquals(new BigInteger("1".repeat(Rational.MAX_TEXT_LENGTH)),
                Rational.parse("1".repeat(Rational.MAX_TEXT_LENGTH)).numerator());
    }

    @Test
    void parseRejectsHexAndGarbage() {
        assertMentions(parseFailure("0x10"), "'0x10'", "expected");
        for (String bad : new String[] {".", "-", "+", "e5", "1e", "1/2/3", "1 2", "--1", "1,5", "½", "1/2.0", "ln(2)"}) {
            assertMentions(parseFailure(bad), "'" + bad.strip() + "'");
        }
    }

    @Test
    void parseRejectsNull() {
        assertThrows(NullPointerException.class, () -> Rational.parse(null));
    }

    @ParameterizedTest(name = "{0} rounded to {1} digits = {2}")
    @CsvSource({
        "1/8, 2, 0.13",
        "-1/8, 2, -0.13",
        "1/3, 5, 0.33333",
        "2/3, 5, 0.66667",
        "5/2, 0, 3",
        "-5/2, 0, -3",
        "7/2, 0, 4",
        "1/2, 0, 1",
        "-1/2, 0, -1",
        "1/4, 1, 0.3",
        "-1/4, 1, -0.3",
        "1/7, 0, 0",
        "-1/7, 1, -0.1",
        "3, 2, 3.00",
        "0, 3, 0.000",
        "-1/1000, 2, 0.00",
    })
    void roundTiesAwayFromZero(String value, int digits, String expected) {
        BigDecimal r = Rational.parse(value).round(digits);
        assertEquals(expected, r.toPlainString());
        assertEquals(digits, r.scale());
    }

    @Test
    void floorAndCeilOfHandPickedValues() {
        assertEquals(BigInteger.valueOf(-2), Rational.of(-3, 2).floor());
        assertEquals(BigInteger.valueOf(-1), Rational.of(-3, 2).ceil());
        assertEquals(BigInteger.valueOf(1), Rational.of(3, 2).floor());
        assertEquals(BigInteger.valueOf(2), Rational.of(3, 2).ceil());
        assertEquals(BigInteger.valueOf(-4), Rational.of(-4).floor());
        assertEquals(BigInteger.valueOf(-4), Rational.of(-4).ceil());
        assertEquals(BigInteger.ZERO, Rational.ZERO.ceil());
        assertEquals(BigInteger.valueOf(-1), Rational.of(-1, 1000).floor());
        assertEquals(BigInteger.ZERO, Rational.of(-1, 1000).ceil());
    }

    @Test
    void minMaxAbsNegate() {
        Rational a = Rational.of(-2, 3);
        Rational b = Rational.of(1, 5);
        assertEquals(a, a.min(b));
        assertEquals(b, a.max(b));
        assertEquals(Rational.of(2, 3), a.abs());
        assertEquals(b, b.abs());
        assertEquals(Rational.of(2, 3), a.negate());
        assertEquals(Rational.of(8, 27).negate(), a.pow(3));
        assertEquals(Rational.ONE, a.pow(0));
        assertEquals(Rational.of(-3, 2), a.reciprocal());
    }

    @Test
    void extremeLongArguments() {
        BigInteger two63 = BigInteger.ONE.shiftLeft(63);
        assertEquals(Rational.of(two63), Rational.of(Long.MIN_VALUE, -1));
        assertEquals(Rational.of(BigInteger.ONE, two63).negate(), Rational.of(1, Long.MIN_VALUE));
        assertEquals("-1/9223372036854775808", Rational.of(1, Long.MIN_VALUE).toString());
        assertEquals(Rational.of(two63), Rational.of(Long.MIN_VALUE).negate());
        assertEquals(Rational.of(BigInteger.ONE, two63).negate(), Rational.ONE.divide(Long.MIN_VALUE));
        assertEquals(Rational.of(two63.negate().multiply(BigInteger.valueOf(3)), BigInteger.TWO),
                Rational.of(3, 2).multiply(Long.MIN_VALUE));
        assertEquals(Rational.of(BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.valueOf(Long.MAX_VALUE))),
                Rational.of(Long.MAX_VALUE).multiply(Long.MAX_VALUE));
        assertEquals(Rational.of(BigInteger.ONE, two63.multiply(BigInteger.valueOf(7))).negate(),
                Rational.of(1, 7).divide(Long.MIN_VALUE));
    }

    @Test
    void toDoubleIsNearest() {
        // IEEE division is correctly rounded, so 1.0/3.0 is the double nearest to 1/3
        assertEquals(1.0 / 3.0, Rational.of(1, 3).toDouble());
        assertEquals(0.1, Rational.of(1, 10).toDouble());
        assertEquals(-2.5, Rational.of(-5, 2).toDouble());
    }

    @Test
    void slashFirstIsReportedAsABadFraction() {
        NumberFormatException e = assertThrows(NumberFormatException.class, () -> Rational.parse("/2"));
        assertTrue(e.getMessage().contains("expected p/q"), e.getMessage());
    }

    @Test
    void toBigFractionIsTheSameValue() {
        assertEquals(org.apache.commons.numbers.fraction.BigFraction.of(-3, 4), Rational.of(6, -8).toBigFraction());
    }

    @Test
    void hashCodesSpreadOverDistinctValues() {
        java.util.Set<Integer> hashes = new java.util.HashSet<>();
        for (int n = -20; n <= 20; n++) {
            hashes.add(Rational.of(n, 7).hashCode());
        }
        assertTrue(hashes.size() > 20, "41 distinct rationals gave " + hashes.size() + " hash codes");
    }

    @Test
    void invalidInputCarriesItsCodeAndMessage() {
        InvalidInputException e = new InvalidInputException("law.sum-not-one", "weights sum to 3/4");
        assertEquals("law.sum-not-one", e.code());
        assertEquals("weights sum to 3/4", e.getMessage());
        assertThrows(NullPointerException.class, () -> new InvalidInputException(null, "m"));
    }
}
