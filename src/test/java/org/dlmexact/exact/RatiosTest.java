package org.dlmexact.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Certified decimals of ratios, and the exact detection of rational ratios. */
class RatiosTest {

    /** log_3 2 = ln 2 / ln 3 = 0.63092975357145743709952711434276085429958565... (published). */
    private static final String LOG3_OF_2 = "0.63092975357145743709952711434276085429958565";

    @Test
    void irrationalRatioIsCorrectlyRounded() {
        ExactReal ln2 = ExactReal.ln(2);
        ExactReal ln3 = ExactReal.ln(3);
        for (int d = 0; d <= 40; d++) {
            java.math.BigDecimal expected = new java.math.BigDecimal(LOG3_OF_2).setScale(d, java.math.RoundingMode.HALF_UP);
            assertEquals(expected.toPlainString(), Ratios.decimal(ln2, ln3, d), "digits " + d);
        }
        // negative ratio, and a denominator with a rational part
        assertEquals("-0.6309297536", Ratios.decimal(ln2.negate(), ln3, 10));
        // (1 + ln 2) / 2 = 0.84657359027997265470861606072908828403775006...
        assertEquals("0.8465735903", Ratios.decimal(ExactReal.ONE.add(ln2), ExactReal.of(2), 10));
    }

    @Test
    void rationalRatiosAreDetectedExactly() {
        ExactReal ln8 = ExactReal.ln(8);
        ExactReal ln2 = ExactReal.ln(2);
        assertEquals(Rational.of(3), ln8.rationalRatio(ln2));
        assertEquals("3.000", Ratios.decimal(ln8, ln2, 3));
        // ln 4 / ln 8 = 2/3 exactly; a tie at 1/8 rounds away from zero: ln 2 / (8 ln 2) = 0.125 -> 0.13
        assertEquals("0.67", Ratios.decimal(ExactReal.ln(4), ln8, 2));
        assertEquals("0.13", Ratios.decimal(ln2, ln2.multiply(8), 2));
        // with large coprime atoms refined together: ln(p q) / (ln p + ln q) = 1
        ExactReal pq = ExactReal.ln(java.math.BigInteger.valueOf(65537L * 65539L));
        ExactReal sum = ExactReal.ln(65537).add(ExactReal.ln(65539));
        assertEquals(Rational.ONE, pq.rationalRatio(sum));
        assertNull(ln2.rationalRatio(ExactReal.ln(3)));
        assertNull(ln2.rationalRatio(ExactReal.ONE));
        assertEquals(Rational.of(1, 2), ExactReal.of(1).rationalRatio(ExactReal.of(2)));
        assertEquals(Rational.ZERO, ExactReal.ZERO.rationalRatio(ln2));
    }

    @Test
    void zeroDenominatorIsRefused() {
        assertThrows(ArithmeticException.class, () -> Ratios.decimal(ExactReal.ONE, ExactReal.ZERO, 3));
        assertThrows(IllegalArgumentException.class, () -> Ratios.decimal(ExactReal.ONE, ExactReal.ONE, -1));
    }
}
