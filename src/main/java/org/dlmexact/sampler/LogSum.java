package org.dlmexact.sampler;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import org.dlmexact.exact.Atoms;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;

/**
 * An accumulator of {@code sum c_n ln(n)} with integer coefficients {@code c_n} and positive
 * integers {@code n}: coefficients are merged per distinct integer, and each distinct integer is
 * factored once when the exact value is formed. Package-private helper.
 */
final class LogSum {

    private final Map<BigInteger, BigInteger> terms = new HashMap<>();

    /** Adds {@code coefficient * ln(n)}. */
    void add(BigInteger n, BigInteger coefficient) {
        if (coefficient.signum() != 0 && !n.equals(BigInteger.ONE)) {
            terms.merge(n, coefficient, BigInteger::add);
        }
    }

    /** Adds {@code coefficient * ln(q)} for a rational {@code q > 0}. */
    void add(Rational q, BigInteger coefficient) {
        add(q.numerator(), coefficient);
        add(q.denominator(), coefficient.negate());
    }

    /** Adds {@code sign * other}. */
    void addAll(LogSum other, int sign) {
        BigInteger s = BigInteger.valueOf(sign);
        other.terms.forEach((n, c) -> add(n, c.multiply(s)));
    }

    /** {@code scale * sum c_n ln(n)}, exact. */
    ExactReal value(Rational scale) {
        Map<BigInteger, BigInteger> small = new HashMap<>();
        Map<BigInteger, BigInteger> large = new HashMap<>();
        for (Map.Entry<BigInteger, BigInteger> e : terms.entrySet()) {
            if (e.getValue().signum() != 0) {
                Atoms.addLnInteger(e.getKey(), e.getValue(), small, large);
            }
        }
        return ExactReal.fromIntegerLogs(Rational.ZERO, scale, small, large);
    }
}
