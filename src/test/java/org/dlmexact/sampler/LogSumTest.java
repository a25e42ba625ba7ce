package org.dlmexact.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.junit.jupiter.api.Test;

class LogSumTest {

    /** addAll(other, sign) adds sign times the other sum: ln 6 -+ ln(18/5). */
    @Test
    void addAllAddsTheOtherSumWithItsSign() {
        for (int sign : new int[] {1, -1, 2}) {
            LogSum other = new LogSum();
            other.add(BigInteger.valueOf(2), BigInteger.ONE);
            other.add(Rational.of(9, 5), BigInteger.ONE);
            LogSum sum = new LogSum();
            sum.add(BigInteger.valueOf(6), BigInteger.ONE);
            sum.addAll(other, sign);
            // ln 6 + sign ln(18/5) = ln(6 (18/5)^sign)
            Rational r = Rational.of(18, 5);
            Rational arg = Rational.of(6).multiply(sign > 0 ? r.pow(sign) : Rational.ONE.divide(r.pow(-sign)));
            assertEquals(ExactReal.ln(arg), sum.value(Rational.ONE), "sign " + sign);
            // the other sum is left as it was
            assertEquals(ExactReal.ln(Rational.of(18, 5)), other.value(Rational.ONE), "sign " + sign);
        }
    }
}
