package org.dlmexact.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.junit.jupiter.api.Test;

/**
 * The row transforms of the profiles (SPEC section 10.2), on rows whose results are worked out by
 * hand in each comment: temperature {@code 1/n}, top-k, Dream's top-p (mass strictly before a token),
 * ReMDM's nucleus (mass up to and including it), their tie order, and the helpers.
 */
class RowsTest {

    static Rational[] r(String... s) {
        Rational[] p = new Rational[s.length];
        for (int i = 0; i < s.length; i++) {
            p[i] = Rational.parse(s[i]);
        }
        return p;
    }

    @Test
    void temperatureOneOverN() {
        // (1/3, 2/3)^2 = (1/9, 4/9), sum 5/9: (1/5, 4/5); cubed: (1/27, 8/27) / (9/27) = (1/9, 8/9)
        assertArrayEquals(r("1/5", "4/5"), Rows.power(r("1/3", "2/3"), 2));
        assertArrayEquals(r("1/9", "8/9"), Rows.power(r("1/3", "2/3"), 3));
        Rational[] row = r("1/3", "2/3");
        assertSame(row, Rows.power(row, 1));
        assertThrows(IllegalArgumentException.class, () -> Rows.power(row, 0));
    }

    @Test
    void topKKeepsEveryTokenAtLeastAsProbableAsTheKth() {
        Rational[] row = r("1/2", "1/4", "1/4");
        assertArrayEquals(r("1", "0", "0"), Rows.topK(row, 1));
        // the 2nd largest is 1/4, shared by two tokens: both kept, the row unchanged
        assertArrayEquals(row, Rows.topK(row, 2));
        assertArrayEquals(r("2/3", "1/3", "0", "0"), Rows.topK(r("1/2", "1/4", "1/8", "1/8"), 2));
        assertSame(row, Rows.topK(row, 3));
        assertSame(row, Rows.topK(row, 4));
        assertThrows(IllegalArgumentException.class, () -> Rows.topK(row, 0));
    }

    @Test
    void dreamTopPCountsTheMassBeforeAToken() {
        Rational[] row = r("1/2", "3/10", "1/5");
        // p = 1/2: masses before: 0, 1/2 (<= 1/2, kept), 4/5 (removed): (1/2, 3/10) / (4/5) = (5/8, 3/8)
        assertArrayEquals(r("5/8", "3/8", "0"), Rows.topP(row, Rational.of(1, 2)));
        // p = 2/5: the second's mass before is 1/2 > 2/5: only the first
        assertArrayEquals(r("1", "0", "0"), Rows.topP(row, Rational.of(2, 5)));
        // p = 4/5: the third's mass before is exactly 4/5: kept
        assertArrayEquals(row, Rows.topP(row, Rational.of(4, 5)));
        assertSame(row, Rows.topP(row, Rational.ONE));
        assertSame(row, Rows.topP(row, Rational.of(3, 2)));
        assertThrows(IllegalArgumentException.class, () -> Rows.topP(row, Rational.ZERO));
        assertThrows(IllegalArgumentException.class, () -> Rows.topP(row, Rational.of(-1)));
    }

    @Test
    void remdmNucleusCountsTheMassUpToAndIncludingAToken() {
        Rational[] row = r("1/2", "3/10", "1/5");
        // p = 1/2: the first always; the second's mass up to it is 4/5 > 1/2: removed
        assertArrayEquals(r("1", "0", "0"), Rows.nucleus(row, Rational.of(1, 2)));
        // p = 4/5: the second's is exactly 4/5, kept; the third's 1 > 4/5: removed
        assertArrayEquals(r("5/8", "3/8", "0"), Rows.nucleus(row, Rational.of(4, 5)));
        // p = 1/4: below the first's own mass, the first is still kept
        assertArrayEquals(r("1", "0", "0"), Rows.nucleus(row, Rational.of(1, 4)));
        assertSame(row, Rows.nucleus(row, Rational.ONE));
        assertThrows(IllegalArgumentException.class, () -> Rows.nucleus(row, Rational.ZERO));
    }

    @Test
    void equalProbabilitiesAreSortedByLowerTokenFirst() {
        Rational[] row = r("1/4", "3/8", "3/8");
        // sorted: token 1 (3/8), token 2 (3/8), token 0 (1/4); p = 1/4: token 2's mass before is 3/8 > 1/4
        assertArrayEquals(r("0", "1", "0"), Rows.topP(row, Rational.of(1, 4)));
        assertArrayEquals(r("0", "1", "0"), Rows.nucleus(row, Rational.of(1, 2)));
        // p = 3/4: Dream keeps token 2 (3/8 before) and token 0 (3/4 before is not above 3/4)
        assertArrayEquals(row, Rows.topP(row, Rational.of(3, 4)));
        // ReMDM: token 2 reaches 3/4 <= 3/4 (kept), token 0 reaches 1 (removed)
        assertArrayEquals(r("0", "1/2", "1/2"), Rows.nucleus(row, Rational.of(3, 4)));
    }

    @Test
    void normaliseAndCumulative() {
        Rational[] one = r("1/2", "1/2");
        assertSame(one, Rows.normalise(one));
        assertArrayEquals(r("1/4", "3/4"), Rows.normalise(r("1", "3")));
        assertThrows(IllegalArgumentException.class, () -> Rows.normalise(r("0", "0")));
        assertArrayEquals(new BigInteger[] {BigInteger.valueOf(3), BigInteger.valueOf(5), BigInteger.valueOf(6),
            BigInteger.valueOf(6)}, Rows.cumulative(r("1/2", "1/3", "1/6")));
        assertArrayEquals(new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE},
                Rows.cumulative(r("0", "1")));
    }

    @Test
    void maximaMarginsArgmaxAndEntropy() {
        assertEquals(0, Rows.argmax(r("1/3", "1/3", "1/3")));
        assertEquals(3, Rows.maxCount(r("1/3", "1/3", "1/3")));
        assertEquals(1, Rows.argmax(r("1/4", "1/2", "1/4")));
        assertEquals(2, Rows.argmax(r("1/4", "1/4", "1/2")));
        assertEquals(1, Rows.maxCount(r("1/4", "1/2", "1/4")));
        assertEquals(2, Rows.maxCount(r("2/5", "1/5", "2/5")));
        assertEquals(Rational.of(1, 2), Rows.max(r("1/4", "1/4", "1/2")));
        assertEquals(Rational.of(1, 4), Rows.margin(r("1/4", "1/2", "1/4")));
        assertEquals(Rational.ZERO, Rows.margin(r("2/5", "1/5", "2/5")));
        assertEquals(Rational.of(3, 5), Rows.margin(r("1/5", "4/5")));
        assertArrayEquals(r("0", "1", "0"), Rows.pointMass(3, 1));
        assertTrue(Rows.entropy(r("1/2", "1/2")).equals(ExactReal.ln(2)));
        assertTrue(Rows.entropy(r("1", "0")).isZero());
        // H(1/4, 3/4) = 2 ln 2 - (3/4) ln 3
        assertTrue(Rows.entropy(r("1/4", "3/4")).equals(ExactReal.ln(2).multiply(2)
                .subtract(ExactReal.ln(3).multiply(Rational.of(3, 4)))));
    }

    @Test
    void tokenRulesFilterInDreamsOrder() {
        SpecText spec = SpecText.parse("x:temperature=1/2,top_p=1/2,top_k=1");
        TokenRule t = TokenRule.read(spec, "1", true, TokenRule.TopP.BEFORE);
        assertEquals("temperature=1/2,top_p=1/2,top_k=1", t.toString());
        assertEquals(2, t.power());
        // (1/5, 3/10, 1/2) squared: (4, 9, 25)/38; top-p 1/2 by mass before: 25/38, then 9/38 (before 25/38 > 1/2:
        // removed): (0, 0, 1); top-k 1 keeps it
        assertArrayEquals(r("0", "0", "1"), t.filtered(r("1/5", "3/10", "1/2")));
        // temperature 1 first: top-p 1/2 keeps 1/2 and 3/10 (before 1/2 <= 1/2); top-k 1 keeps 1/2
        TokenRule u = TokenRule.read(SpecText.parse("x:top_p=1/2,top_k=2"), "1", true, TokenRule.TopP.BEFORE);
        assertArrayEquals(r("0", "3/8", "5/8"), u.filtered(r("1/5", "3/10", "1/2")));
        assertTrue(TokenRule.PLAIN.plain() && !u.plain() && !t.argmax());
        TokenRule z = TokenRule.read(SpecText.parse("x:temperature=0"), "1", false, TokenRule.TopP.BEFORE);
        assertTrue(z.argmax() && !z.plain());
        assertEquals("temperature=0", z.toString());
        assertEquals("temperature=1", TokenRule.PLAIN.toString());
        // temperature 0 applies no power: the filters only
        assertArrayEquals(r("1/5", "3/10", "1/2"), z.filtered(r("1/5", "3/10", "1/2")));
        TokenRule n = TokenRule.read(SpecText.parse("x:temperature=1,top_p=4/5"), "1", true, TokenRule.TopP.INCLUDING);
        assertArrayEquals(r("0", "3/8", "5/8"), n.filtered(r("1/5", "3/10", "1/2")));
    }
}
