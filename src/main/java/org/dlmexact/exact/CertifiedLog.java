package org.dlmexact.exact;

import java.math.BigInteger;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Certified enclosures of natural logarithms of positive integers.
 *
 * <p>{@code ln n = k ln 2 + 2 atanh(t)} with {@code n = 2^k m}, {@code m} in {@code [3/4, 3/2)},
 * {@code t = (m-1)/(m+1)}, {@code |t| <= 1/5}; {@code ln 2 = 2 atanh(1/3)}. The series
 * {@code atanh(t) = sum t^(2i+1)/(2i+1)} is summed in fixed point with every term rounded
 * outward (down for the lower bound, up for the upper bound) and the tail after the last
 * term bounded by {@code t^(2N+1) / (1 - t^2)}. The returned integers {@code lo, hi} satisfy
 * {@code lo / 2^bits <= ln n <= hi / 2^bits}. Enclosures are cached per argument at the
 * highest precision computed so far. An argument much longer than the precision is truncated
 * first: {@code m 2^e <= n < (m + 1) 2^e} gives {@code ln m + e ln 2 <= ln n <= ln(m + 1) + e ln 2}.
 */
public final class CertifiedLog {

    private static final ConcurrentHashMap<BigInteger, BigInteger[]> CACHE = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 200_000;
    /**
     * An argument longer than the precision plus this many bits is truncated to that length first
     * (the logarithm of a huge integer costs as much as that of a short one); such arguments are
     * not cached.
     */
    static final int TRUNCATION_MARGIN = 64;
    /** {@code {lo, hi, work}}: the most precise bounds on {@code atanh(1/3) * 2^work} computed so far. */
    private static volatile BigInteger[] halfLn2;

    private CertifiedLog() {
    }

    /** Empties the enclosure cache (tests use it so that every case exercises the code, not the cache). */
    static void clearCache() {
        CACHE.clear();
        halfLn2 = null;
    }

    /**
     * Bounds {@code {lo, hi}} with {@code lo/2^bits <= ln(n) <= hi/2^bits}; the width
     * {@code hi - lo} is a few units (the guard bits absorb the rounding of the series).
     */
    /*@ public normal_behavior
      @   requires n != null && n.signum() > 0 && bits >= 1;
      @   ensures \result.length == 2 && \result[0].compareTo(\result[1]) <= 0;
      @ also public exceptional_behavior
      @   requires n != null && (n.signum() <= 0 || bits < 1);
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public static BigInteger[] lnBounds(BigInteger n, int bits) {
        Objects.requireNonNull(n, "n");
        if (n.signum() <= 0) {
            throw new IllegalArgumentException("logarithm of non-positive integer " + n);
        }
        if (bits < 1) {
            throw new IllegalArgumentException("precision must be at least 1 bit, got " + bits);
        }
        if (n.equals(BigInteger.ONE)) {
            return new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO};
        }
        int excess = n.bitLength() - (bits + TRUNCATION_MARGIN);
        if (excess > 0) {
            // n far longer than the precision asks: with m = floor(n / 2^excess),
            // ln(m) + excess ln 2 <= ln(n) < ln(m + 1) + excess ln 2, and ln(m + 1) - ln(m) < 2^-(bits + 63)
            // (ln 2 is taken 32 bits finer, so that multiplying by excess < 2^31 keeps the width small)
            // and ln(m + 1) <= ln(m) + 1/m
            BigInteger m = n.shiftRight(excess);
            int fine = bits + 32;
            BigInteger[] lnm = compute(m, fine);
            BigInteger[] two = ln2(fine);
            BigInteger e = BigInteger.valueOf(excess);
            BigInteger step = ceilDiv(BigInteger.ONE.shiftLeft(fine), m);
            return new BigInteger[] {floorShift(lnm[0].add(two[0].multiply(e)), 32),
                ceilShift(lnm[1].add(step).add(two[1].multiply(e)), 32)};
        }
        BigInteger[] cached = CACHE.get(n);
        if (cached == null || cached[2].intValueExact() < bits) {
            BigInteger[] fresh = compute(n, bits);
            BigInteger[] entry = {fresh[0], fresh[1], BigInteger.valueOf(bits)};
            if (CACHE.size() > CACHE_LIMIT) {
                CACHE.clear();
            }
            // keep whichever entry is more precise when threads race
            cached = CACHE.merge(n, entry, (old, neu) -> old[2].compareTo(neu[2]) >= 0 ? old : neu);
        }
        int shift = cached[2].intValueExact() - bits;
        return new BigInteger[] {floorShift(cached[0], shift), ceilShift(cached[1], shift)};
    }

    /** The enclosure of {@code ln(n)} as an interval of rationals. */
    //@ requires n != null && n.signum() > 0 && bits >= 1;
    //@ pure
    public static Interval ln(BigInteger n, int bits) {
        BigInteger[] b = lnBounds(n, bits);
        BigInteger den = BigInteger.ONE.shiftLeft(bits);
        return Interval.of(Rational.of(b[0], den), Rational.of(b[1], den));
    }

    private static BigInteger[] compute(BigInteger n, int bits) {
        int k = n.bitLength() - 1;
        // choose k so that m = n / 2^k lies in [3/4, 3/2): then |t| <= 1/5
        BigInteger pow = BigInteger.ONE.shiftLeft(k);
        if (n.multiply(BigInteger.TWO).compareTo(pow.multiply(BigInteger.valueOf(3))) >= 0) {
            k = k + 1;
            pow = pow.shiftLeft(1);
        }
        int work = bits + 24 + 32 - Integer.numberOfLeadingZeros(Math.max(k, 1));
        BigInteger[] ln2 = halfLn2(work);
        BigInteger a = n.subtract(pow);
        BigInteger b = n.add(pow);
        BigInteger[] lnm;
        if (a.signum() >= 0) {
            lnm = atanh(a, b, work);
        } else {
            BigInteger[] pos = atanh(a.negate(), b, work);
            lnm = new BigInteger[] {pos[1].negate(), pos[0].negate()};
        }
        BigInteger kk = BigInteger.valueOf(k);
        BigInteger lo = ln2[0].multiply(kk).add(lnm[0]).shiftLeft(1);
        BigInteger hi = ln2[1].multiply(kk).add(lnm[1]).shiftLeft(1);
        int shift = work - bits;
        return new BigInteger[] {floorShift(lo, shift), ceilShift(hi, shift)};
    }

    /**
     * Bounds on {@code atanh(1/3) * 2^work = (ln 2 / 2) * 2^work}, from the most precise bounds
     * computed so far when they are at least as precise (shifted outward: still bounds).
     */
    private static BigInteger[] halfLn2(int work) {
        BigInteger[] c = halfLn2;
        if (c == null || c[2].intValue() < work) {
            BigInteger[] b = atanh(BigInteger.ONE, BigInteger.valueOf(3), work);
            c = new BigInteger[] {b[0], b[1], BigInteger.valueOf(work)};
            halfLn2 = c;
        }
        int shift = c[2].intValue() - work;
        return new BigInteger[] {floorShift(c[0], shift), ceilShift(c[1], shift)};
    }

    /** Bounds on {@code ln(2) 2^bits}. */
    private static BigInteger[] ln2(int bits) {
        BigInteger[] t = halfLn2(bits + 2);
        return new BigInteger[] {floorShift(t[0], 1), ceilShift(t[1], 1)};
    }

    /** Bounds on {@code atanh(a/b) * 2^work} for {@code 0 <= a < b} (package-private for its own tests). */
    static BigInteger[] atanh(BigInteger a, BigInteger b, int work) {
        // t and t^2 in fixed point with 2^work as one, each rounded outward: tLo <= t 2^work <= tHi and
        // t2Lo <= t^2 2^work <= t2Hi; the powers pLo <= t^(2i+1) 2^work <= pHi follow by
        // multiplying and rounding outward, so no division by b is needed inside the loop
        BigInteger scaled = a.shiftLeft(work);
        BigInteger tLo = scaled.divide(b);
        BigInteger tHi = ceilDiv(scaled, b);
        BigInteger t2Lo = tLo.multiply(tLo).shiftRight(work);
        BigInteger t2Hi = ceilShift(tHi.multiply(tHi), work);
        BigInteger pLo = tLo;
        BigInteger pHi = tHi;
        BigInteger sumLo = BigInteger.ZERO;
        BigInteger sumHi = BigInteger.ZERO;
        for (long i = 0; ; i++) {
            BigInteger d = BigInteger.valueOf(2 * i + 1);
            sumLo = sumLo.add(pLo.divide(d));
            sumHi = sumHi.add(ceilDiv(pHi, d));
            pLo = pLo.multiply(t2Lo).shiftRight(work);
            pHi = ceilShift(pHi.multiply(t2Hi), work);
            if (pHi.compareTo(BigInteger.ONE) <= 0) {
                break;
            }
        }
        // tail: sum_{i >= N} t^(2i+1)/(2i+1) <= t^(2N+1) / (1 - t^2), and 1 - t^2 >= 1 - t2Hi / 2^work > 0
        sumHi = sumHi.add(ceilDiv(pHi.shiftLeft(work), BigInteger.ONE.shiftLeft(work).subtract(t2Hi)));
        return new BigInteger[] {sumLo, sumHi};
    }

    private static BigInteger ceilDiv(BigInteger x, BigInteger d) {
        BigInteger[] qr = x.divideAndRemainder(d);
        return qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    }

    private static BigInteger floorShift(BigInteger x, int shift) {
        return x.shiftRight(shift);
    }

    private static BigInteger ceilShift(BigInteger x, int shift) {
        return x.negate().shiftRight(shift).negate();
    }
}
