package org.dlmexact.exact;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/** Shared generators for the exact-arithmetic tests: small exhaustive sets and seeded random values. */
final class Gen {

    static final BigInteger P65537 = BigInteger.valueOf(65537);
    static final BigInteger P65539 = BigInteger.valueOf(65539);
    static final BigInteger P1000003 = BigInteger.valueOf(1_000_003);
    static final BigInteger P2147483647 = BigInteger.valueOf(2_147_483_647L);
    /** 2^61 - 1, a Mersenne prime. */
    static final BigInteger M61 = BigInteger.ONE.shiftLeft(61).subtract(BigInteger.ONE);
    /** 2^89 - 1, a Mersenne prime above 2^63. */
    static final BigInteger M89 = BigInteger.ONE.shiftLeft(89).subtract(BigInteger.ONE);
    /** The largest prime below 2^16 (a "small" prime for Atoms). */
    static final BigInteger P65521 = BigInteger.valueOf(65521);

    /** Primes above 2^16, so that their products are cofactors that only gcd refinement can split. */
    static final List<BigInteger> BIG_PRIMES = List.of(P65537, P65539, P1000003, P2147483647, M61, M89);

    private Gen() {
    }

    static BigInteger big(long v) {
        return BigInteger.valueOf(v);
    }

    /**
     * All distinct rationals p/q with |p| <= h and 1 <= q <= h, ordered by height max(|p|, q)
     * and then by value, so that exhaustive loops meet small cases first.
     */
    static List<Rational> smallRationals(int h) {
        Set<Rational> seen = new LinkedHashSet<>();
        for (int height = 0; height <= h; height++) {
            List<Rational> level = new ArrayList<>();
            for (int q = 1; q <= Math.max(1, height); q++) {
                for (int p = -height; p <= height; p++) {
                    if (Math.max(Math.abs(p), q) == height || (height == 0 && p == 0)) {
                        Rational r = Rational.of(p, q);
                        if (!seen.contains(r)) {
                            level.add(r);
                        }
                    }
                }
            }
            level.sort(Comparator.naturalOrder());
            seen.addAll(level);
        }
        return new ArrayList<>(seen);
    }

    /** A random rational with numerator in [-maxNum, maxNum] and denominator in [1, maxDen]. */
    static Rational rational(SplittableRandom rnd, int maxNum, int maxDen) {
        return Rational.of(rnd.nextInt(-maxNum, maxNum + 1), rnd.nextInt(1, maxDen + 1));
    }

    /** A random non-zero rational. */
    static Rational nonZeroRational(SplittableRandom rnd, int maxNum, int maxDen) {
        Rational r;
        do {
            r = rational(rnd, maxNum, maxDen);
        } while (r.isZero());
        return r;
    }

    /**
     * A random atom argument: a small integer, a big prime, a product of big primes and small
     * factors, a power, or a random big integer.
     */
    static BigInteger atom(SplittableRandom rnd) {
        switch (rnd.nextInt(6)) {
            case 0:
            case 1:
                return big(rnd.nextInt(2, 60));
            case 2:
                return BIG_PRIMES.get(rnd.nextInt(BIG_PRIMES.size()));
            case 3: {
                BigInteger a = BIG_PRIMES.get(rnd.nextInt(BIG_PRIMES.size()));
                BigInteger b = BIG_PRIMES.get(rnd.nextInt(BIG_PRIMES.size()));
                return a.multiply(b).multiply(big(rnd.nextInt(1, 13)));
            }
            case 4:
                return BIG_PRIMES.get(rnd.nextInt(BIG_PRIMES.size())).pow(rnd.nextInt(1, 4));
            default:
                return new BigInteger(rnd.nextInt(2, 100), new java.util.Random(rnd.nextLong())).add(BigInteger.TWO);
        }
    }

    /** Random terms for {@link ExactReal#lnCombination}: up to {@code maxTerms} atoms, non-coprime allowed. */
    static Map<BigInteger, Rational> terms(SplittableRandom rnd, int maxTerms) {
        Map<BigInteger, Rational> m = new TreeMap<>();
        int k = rnd.nextInt(maxTerms + 1);
        for (int i = 0; i < k; i++) {
            m.merge(atom(rnd), nonZeroRational(rnd, 9, 8), Rational::add);
        }
        return m;
    }

    /** A random exact real (possibly zero, possibly rational). */
    static ExactReal exactReal(SplittableRandom rnd) {
        Rational q0 = rnd.nextInt(3) == 0 ? Rational.ZERO : rational(rnd, 20, 12);
        return ExactReal.lnCombination(q0, terms(rnd, 4));
    }

    /** {@code prod b^e} as a rational, for integer exponents {@code e} (negative allowed). */
    static Rational product(Map<BigInteger, BigInteger> powers) {
        BigInteger num = BigInteger.ONE;
        BigInteger den = BigInteger.ONE;
        for (Map.Entry<BigInteger, BigInteger> e : powers.entrySet()) {
            int k = e.getValue().intValueExact();
            if (k >= 0) {
                num = num.multiply(e.getKey().pow(k));
            } else {
                den = den.multiply(e.getKey().pow(-k));
            }
        }
        return Rational.of(num, den);
    }

    /** The least common multiple of the coefficient denominators. */
    static BigInteger commonDenominator(Iterable<Rational> qs) {
        BigInteger l = BigInteger.ONE;
        for (Rational q : qs) {
            BigInteger d = q.denominator();
            l = l.divide(l.gcd(d)).multiply(d);
        }
        return l;
    }

    /**
     * {@code exp(sum q_b ln b)^D} as an exact rational, with {@code D} the given multiple of every
     * coefficient denominator: the "value" of a logarithmic part, exactly.
     */
    static Rational exponentiated(Map<BigInteger, Rational> terms, BigInteger d) {
        Map<BigInteger, BigInteger> powers = new TreeMap<>();
        for (Map.Entry<BigInteger, Rational> e : terms.entrySet()) {
            Rational scaled = e.getValue().multiply(d);
            if (!scaled.isInteger()) {
                throw new IllegalArgumentException("D is not a common denominator");
            }
            powers.merge(e.getKey(), scaled.numerator(), BigInteger::add);
        }
        return product(powers);
    }

    /** Rational value of a BigDecimal, exactly. */
    static Rational of(java.math.BigDecimal d) {
        if (d.scale() >= 0) {
            return Rational.of(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
        }
        return Rational.of(d.unscaledValue().multiply(BigInteger.TEN.pow(-d.scale())));
    }

    /** 10^-digits / 2 as a rational. */
    static Rational halfUlp(int digits) {
        return Rational.of(BigInteger.ONE, BigInteger.TEN.pow(digits).shiftLeft(1));
    }
}
