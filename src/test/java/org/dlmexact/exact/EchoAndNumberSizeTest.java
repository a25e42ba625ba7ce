package org.dlmexact.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** {@link Echo} (how messages show user values) and {@link NumberSize} (the bound on input numbers). */
class EchoAndNumberSizeTest {

    @Test
    void shortTextIsEchoedWhole() {
        assertEquals("abc", Echo.of("abc"));
        assertEquals("'abc'", Echo.quoted("abc"));
        String eighty = "x".repeat(Echo.MAX_ECHO);
        assertEquals(eighty, Echo.of(eighty));
        assertEquals("'" + eighty + "'", Echo.quoted(eighty));
    }

    @Test
    void longTextKeepsItsFirstSixtyCharactersAndItsLength() {
        String t = "0123456789".repeat(9) + "!"; // 91 characters
        assertEquals("0123456789".repeat(6) + "... (91 characters)", Echo.of(t));
        assertEquals("'" + "0123456789".repeat(6) + "...' (91 characters)", Echo.quoted(t));
        String eightyOne = "y".repeat(Echo.MAX_ECHO + 1);
        assertEquals("y".repeat(60) + "... (81 characters)", Echo.of(eightyOne));
    }

    @Test
    void cutShowsAPrefixAndTheGivenSize() {
        assertEquals("[0,0]... (2 values)", Echo.cut("[0,0]", "2 values"));
        assertEquals("a".repeat(60) + "... (N)", Echo.cut("a".repeat(200), "N"));
    }

    @Test
    void controlCharactersAreEscaped() {
        assertEquals("a\\nb\\rc\\td\\u0000e\\u001bf\\u2028g\\u2029h\\u007f", Echo.escape("a\nb\rc\td\u0000e\u001bf\u2028g\u2029h\u007f"));
        String plain = "no controls: é ψ ∞";
        assertSame(plain, Echo.escape(plain), "nothing to escape: the same string");
        assertEquals("'\\n'", Echo.quoted("\n"));
    }

    /** Found by fuzzing: 79 NUL characters escaped to 474, twice in one message of 1038 characters. */
    @Test
    void escapingCountsTowardTheCut() {
        String nuls = "!" + "\u0000".repeat(78);
        assertEquals("!" + "\\u0000".repeat(9) + "... (79 characters)", Echo.of(nuls));
        assertEquals("'!" + "\\u0000".repeat(9) + "...' (79 characters)", Echo.quoted(nuls));
        assertEquals("\\u0000".repeat(13), Echo.of("\u0000".repeat(13)), "78 characters once escaped: whole");
        assertTrue(Echo.of("\u0000".repeat(14)).endsWith("... (14 characters)"));
        String line = Echo.line("\u0000".repeat(300));
        assertTrue(line.length() <= Echo.MAX_MESSAGE && line.endsWith("... (message of 300 characters)"), line);
    }

    @Test
    void aLineIsCutAtTheMessageLimit() {
        String m = "m".repeat(Echo.MAX_MESSAGE);
        assertEquals(m, Echo.line(m));
        String longer = "m".repeat(Echo.MAX_MESSAGE + 1);
        String cut = Echo.line(longer);
        assertEquals("m".repeat(Echo.MAX_MESSAGE - 40) + "... (message of 1001 characters)", cut);
        assertTrue(cut.length() <= Echo.MAX_MESSAGE);
        assertEquals("one\\ntwo", Echo.line("one\ntwo"));
    }

    @Test
    void invalidInputMessagesAreOneLine() {
        InvalidInputException e = new InvalidInputException("x.y", "first\nsecond " + "z".repeat(5000));
        assertEquals("x.y", e.code());
        assertTrue(e.getMessage().startsWith("first\\nsecond "), e.getMessage());
        assertTrue(e.getMessage().length() <= Echo.MAX_MESSAGE);
    }

    private static Rational bits(int numeratorBits, int denominatorBits) {
        return Rational.of(BigInteger.ONE.shiftLeft(numeratorBits - 1), BigInteger.ONE.shiftLeft(denominatorBits - 1)
                .add(BigInteger.ONE));
    }

    @Test
    void fitsUpToTheLimitInclusive() {
        assertTrue(NumberSize.fits(bits(NumberSize.MAX_BITS, NumberSize.MAX_BITS)));
        assertTrue(!NumberSize.fits(bits(NumberSize.MAX_BITS + 1, 2)));
        assertTrue(!NumberSize.fits(bits(2, NumberSize.MAX_BITS + 1)));
        Rational ok = bits(NumberSize.MAX_BITS, 3);
        assertSame(ok, NumberSize.check(ok, "w"));
    }

    @Test
    void checkNamesThePartAndTheSize() {
        InvalidInputException n = assertThrows(InvalidInputException.class,
                () -> NumberSize.check(bits(5000, 2), "the value"));
        assertEquals("number.too-large", n.code());
        assertEquals("too large to compute: the value has a numerator of 5000 bits; the limit is 4096 bits",
                n.getMessage());
        assertEquals("too large to compute: the value has a denominator of 4097 bits; the limit is 4096 bits",
                assertThrows(InvalidInputException.class, () -> NumberSize.check(bits(4096, 4097), "the value"))
                        .getMessage(), "the numerator at the limit is not the part named");
        InvalidInputException d = assertThrows(InvalidInputException.class,
                () -> NumberSize.check(bits(3, 4097), "the value"));
        assertEquals("too large to compute: the value has a denominator of 4097 bits; the limit is 4096 bits",
                d.getMessage());
    }

    @Test
    void estimatesAreRefusedAboveTheLimitOnly() {
        NumberSize.checkEstimate(NumberSize.MAX_BITS, "x");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> NumberSize.checkEstimate(NumberSize.MAX_BITS + 1L, "the law"));
        assertEquals("number.too-large", e.code());
        assertEquals("too large to compute: the law would have up to 4097 bits; the limit is 4096 bits", e.getMessage());
    }

    @Test
    void parseRefusesALargePartBeforeReducingIt() {
        String big = BigInteger.TEN.pow(1300).toString(); // 4319 bits
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> NumberSize.parse(big + "/" + big, "p"));
        assertEquals("number.too-large", e.code());
        assertTrue(e.getMessage().startsWith("p: too large to compute: '1000"), e.getMessage());
        assertTrue(e.getMessage().endsWith("has a numerator of 4319 bits; the limit is 4096 bits"), e.getMessage());
        assertTrue(e.getMessage().contains("(2603 characters)"), e.getMessage());
        // the decimal forms: a denominator 10^1300 and a numerator 10^1300
        assertTrue(assertThrows(InvalidInputException.class, () -> NumberSize.parse("0." + "0".repeat(1299) + "1", "p"))
                .getMessage().contains("has a denominator of 4319 bits"));
        assertThrows(NumberFormatException.class, () -> NumberSize.parse("1e-1300", "p"),
                "the exponent limit of §2.1 comes first");
        assertTrue(assertThrows(InvalidInputException.class, () -> NumberSize.parse("0." + "1".repeat(1300), "p"))
                .getMessage().contains("numerator"));
        assertEquals(Rational.of(1, 3), NumberSize.parse("1/3", "p"));
        BigInteger atLimit = BigInteger.TWO.pow(NumberSize.MAX_BITS - 1); // 4096 bits
        assertEquals(Rational.of(atLimit, BigInteger.valueOf(3)), NumberSize.parse(atLimit + "/3", "p"));
        assertEquals(Rational.of(BigInteger.ONE, atLimit), NumberSize.parse("1/" + atLimit, "p"));
        assertEquals(Rational.of(BigInteger.TEN.pow(1000)), Rational.parse("1e1000"), "the exponent limit is inclusive");
        assertThrows(NumberFormatException.class, () -> NumberSize.parse("x", "p"));
    }

    @Test
    void commonDenominatorIsTheLeastCommonMultiple() {
        NumberSize.CommonDenominator d = new NumberSize.CommonDenominator("the row");
        assertEquals(BigInteger.ONE, d.value());
        d.add(Rational.of(1, 6), "a");
        d.add(Rational.of(1, 4), "b");
        d.add(Rational.of(5, 12), "c"); // divides already
        d.add(Rational.of(3), "d");
        assertEquals(BigInteger.valueOf(12), d.value());
        assertEquals(4, d.bits());
    }

    @Test
    void commonDenominatorIsRefusedAtTheEntryThatPassesTheLimit() {
        NumberSize.CommonDenominator d = new NumberSize.CommonDenominator("the support");
        BigInteger p = BigInteger.TWO.pow(2000).add(BigInteger.ONE);
        BigInteger q = BigInteger.TWO.pow(2100).add(BigInteger.ONE);
        d.add(Rational.of(BigInteger.ONE, p), "support[0].p");
        d.add(Rational.of(BigInteger.ONE, p), "support[1].p");
        assertEquals(p, d.value());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> d.add(Rational.of(BigInteger.ONE, q), "support[2].p"));
        assertEquals("number.too-large", e.code());
        BigInteger lcm = p.multiply(q).divide(p.gcd(q));
        assertEquals("too large to compute: the common denominator of the support up to support[2].p has "
                + lcm.bitLength() + " bits; the limit is 4096 bits", e.getMessage());
        assertEquals(p, d.value(), "a refused entry leaves the tracker as it was");
        InvalidInputException alone = assertThrows(InvalidInputException.class,
                () -> d.add(Rational.of(BigInteger.ONE, BigInteger.TWO.pow(4096)), "x"));
        assertEquals("too large to compute: x has a denominator of 4097 bits; the limit is 4096 bits",
                alone.getMessage());
        NumberSize.CommonDenominator exact = new NumberSize.CommonDenominator("w");
        exact.add(Rational.of(BigInteger.ONE, BigInteger.TWO.pow(4095)), "y");
        assertEquals(NumberSize.MAX_BITS, exact.bits(), "exactly the limit is accepted");
    }
}
