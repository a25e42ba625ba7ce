package org.dlmexact.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Enclosures of {@code ln n}. Containment is proved independently of the implementation: with
 * certified bounds on {@code exp} (Taylor series with outward rounding and a tail bound, then
 * repeated squaring), all in exact integer arithmetic, the test shows
 * {@code exp(lo/2^bits) <= n <= exp(hi/2^bits)}.
 */
class CertifiedLogTest {

    /** Every test computes afresh: cached factorisations and enclosures would hide faults in the code. */
    @org.junit.jupiter.api.BeforeEach
    void clearCaches() {
        Atoms.clearCache();
        CertifiedLog.clearCache();
    }

    /**
     * Bounds on {@code exp(num / 2^bits) * 2^prec} for {@code num >= 0}: {@code {lower, upper}}.
     * exp(x) = exp(y)^(2^s) with y = x / 2^s <= 1/2; exp(y) = sum_{k<=K} y^k/k! + tail, with
     * 0 <= tail <= 2 y^(K+1)/(K+1)! because y <= 1/2. Every rounding goes outward.
     */
    static BigInteger[] expBounds(BigInteger num, int bits, int prec) {
        if (num.signum() < 0) {
            throw new IllegalArgumentException("only x >= 0 is supported");
        }
        int s = Math.max(0, num.bitLength() - bits + 1); // num / 2^(bits+s) < 1/2
        int den = bits + s;                                // y = num / 2^den
        BigInteger one = BigInteger.ONE.shiftLeft(prec);
        BigInteger termLo = one;
        BigInteger termHi = one;
        BigInteger sumLo = BigInteger.ZERO;
        BigInteger sumHi = BigInteger.ZERO;
        for (int k = 1; ; k++) {
            sumLo = sumLo.add(termLo);
            sumHi = sumHi.add(termHi);
            // term_k = term_{k-1} * y / k
            termLo = termLo.multiply(num).shiftRight(den).divide(BigInteger.valueOf(k));
            BigInteger t = termHi.multiply(num);
            BigInteger q = t.shiftRight(den);
            if (q.shiftLeft(den).compareTo(t) < 0) {
                q = q.add(BigInteger.ONE);
            }
            BigInteger[] qr = q.divideAndRemainder(BigInteger.valueOf(k));
            termHi = qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
            if (termHi.compareTo(BigInteger.ONE) <= 0) {
                // termHi bounds y^k/k! * 2^prec; the rest of the series is at most twice that
                sumHi = sumHi.add(termHi.shiftLeft(1));
                break;
            }
        }
        BigInteger lo = sumLo;
        BigInteger hi = sumHi;
        for (int i = 0; i < s; i++) {
            lo = lo.multiply(lo).shiftRight(prec);
            BigInteger h2 = hi.multiply(hi);
            BigInteger h = h2.shiftRight(prec);
            hi = h.shiftLeft(prec).compareTo(h2) < 0 ? h.add(BigInteger.ONE) : h;
        }
        return new BigInteger[] {lo, hi};
    }

    /** Proves lo/2^bits <= ln n <= hi/2^bits via exp(lo/2^bits) <= n <= exp(hi/2^bits). */
    static void assertEncloses(BigInteger n, int bits, BigInteger[] b) {
        String where = "ln(" + n + ") at " + bits + " bits: [" + b[0] + ", " + b[1] + "]";
        assertTrue(b[0].compareTo(b[1]) <= 0, where);
        assertTrue(b[0].signum() >= 0, where + " (ln n >= 0 for n >= 1, so lo >= 0 is expected)");
        int prec = bits + 64 + n.bitLength();
        BigInteger nScaled = n.shiftLeft(prec);
        BigInteger upperOfExpLo = expBounds(b[0], bits, prec)[1];
        assertTrue(upperOfExpLo.compareTo(nScaled) <= 0, where + ": exp(lo) <= n not proved");
        BigInteger lowerOfExpHi = expBounds(b[1], bits, prec)[0];
        assertTrue(lowerOfExpHi.compareTo(nScaled) >= 0, where + ": exp(hi) >= n not proved");
    }

    private static final int[] BITS = {1, 2, 3, 8, 31, 64, 127, 256};

    private static List<BigInteger> arguments() {
        List<BigInteger> ns = new ArrayList<>();
        for (int n = 2; n <= 40; n++) {
            ns.add(BigInteger.valueOf(n));
        }
        for (long n : new long[] {47, 48, 63, 64, 65, 95, 96, 97, 127, 128, 129, 1000, 1023, 1024, 1025, 65521, 65536,
                                  65537, 98303, 98304, 1_000_003, 2_147_483_647L, Long.MAX_VALUE}) {
            ns.add(BigInteger.valueOf(n));
        }
        ns.add(BigInteger.TEN.pow(17).add(BigInteger.ONE));
        ns.add(Gen.M89);
        ns.add(Gen.M61.multiply(Gen.M89));
        ns.add(BigInteger.ONE.shiftLeft(200));
        ns.add(BigInteger.ONE.shiftLeft(200).multiply(BigInteger.valueOf(3)).shiftRight(1)); // m exactly 3/2
        // far longer than the precision: truncated to bits + 64 bits before the series
        ns.add(BigInteger.valueOf(3).pow(1500));
        ns.add(BigInteger.ONE.shiftLeft(3000).subtract(BigInteger.ONE));
        ns.add(new BigInteger(2500, new java.util.Random(11)).setBit(2499));
        return ns;
    }

    @TestFactory
    Stream<DynamicTest> enclosureContainsLnByCertifiedExp() {
        return arguments().stream().map(n -> dynamicTest("ln(" + n + ")", () -> {
            for (int bits : BITS) {
                assertEncloses(n, bits, CertifiedLog.lnBounds(n, bits));
            }
            // and again from the cache, in decreasing precision, after a high-precision call
            assertEncloses(n, 700, CertifiedLog.lnBounds(n, 700));
            for (int i = BITS.length - 1; i >= 0; i--) {
                assertEncloses(n, BITS[i], CertifiedLog.lnBounds(n, BITS[i]));
            }
        }));
    }

    @Test
    void expBoundsHelperIsItselfSound() {
        // exp(0) = 1 exactly; exp(1) lies in (2.718281828, 2.718281829); exp(k) grows: sanity of the reference
        BigInteger[] e0 = expBounds(BigInteger.ZERO, 10, 80);
        assertTrue(e0[0].compareTo(BigInteger.ONE.shiftLeft(80)) <= 0 && e0[1].compareTo(BigInteger.ONE.shiftLeft(80)) >= 0);
        BigInteger[] e1 = expBounds(BigInteger.ONE.shiftLeft(10), 10, 80);
        Rational lo = Rational.of(e1[0], BigInteger.ONE.shiftLeft(80));
        Rational hi = Rational.of(e1[1], BigInteger.ONE.shiftLeft(80));
        assertTrue(Rational.parse("2.718281828").compareTo(lo) < 0, lo.round(12).toPlainString());
        assertTrue(hi.compareTo(Rational.parse("2.718281829")) < 0, hi.round(12).toPlainString());
        assertTrue(hi.subtract(lo).compareTo(Rational.parse("1e-20")) < 0);
        // a wrong enclosure is caught: [ln 2 + 2^-40, ...] does not contain ln 2
        BigInteger[] b = CertifiedLog.lnBounds(BigInteger.TWO, 64);
        BigInteger wrongLo = b[1].add(BigInteger.ONE.shiftLeft(24));
        BigInteger prec = BigInteger.valueOf(64 + 64 + 2);
        assertTrue(expBounds(wrongLo, 64, prec.intValue())[0].compareTo(BigInteger.TWO.shiftLeft(prec.intValue())) > 0);
    }

    @Test
    void lnOfOneIsExactlyZero() {
        for (int bits : BITS) {
            BigInteger[] b = CertifiedLog.lnBounds(BigInteger.ONE, bits);
            assertEquals(BigInteger.ZERO, b[0]);
            assertEquals(BigInteger.ZERO, b[1]);
        }
    }

    @Test
    void rejectsBadArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CertifiedLog.lnBounds(BigInteger.ZERO, 10));
        assertTrue(e.getMessage().contains("non-positive"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CertifiedLog.lnBounds(BigInteger.valueOf(-5), 10));
        e = assertThrows(IllegalArgumentException.class, () -> CertifiedLog.lnBounds(BigInteger.TEN, 0));
        assertTrue(e.getMessage().contains("precision"), e.getMessage());
        assertThrows(NullPointerException.class, () -> CertifiedLog.lnBounds(null, 10));
    }

    @Test
    void widthsAreAtMostTwoUnitsAndShrink() {
        for (BigInteger n : arguments()) {
            Rational previous = null;
            for (int bits = 2; bits <= 1024; bits *= 2) {
                BigInteger[] b = CertifiedLog.lnBounds(n, bits);
                BigInteger units = b[1].subtract(b[0]);
                // ln n is irrational for n >= 2, so lo < ln n < hi strictly apart: at least one unit
                assertTrue(units.compareTo(BigInteger.ONE) >= 0 && units.compareTo(BigInteger.TWO) <= 0,
                        "ln(" + n + ") at " + bits + " bits is " + units + " units wide");
                Rational width = CertifiedLog.ln(n, bits).width();
                assertEquals(Rational.of(units, BigInteger.ONE.shiftLeft(bits)), width);
                if (previous != null) {
                    assertTrue(width.compareTo(previous) < 0, "ln(" + n + "): width did not shrink at " + bits + " bits");
                }
                previous = width;
            }
        }
    }

    private static boolean overlap(Interval a, Interval b) {
        return a.lo().compareTo(b.hi()) <= 0 && b.lo().compareTo(a.hi()) <= 0;
    }

    private static Interval sum(Interval a, Interval b) {
        return Interval.of(a.lo().add(b.lo()), a.hi().add(b.hi()));
    }

    private static Interval scale(Interval a, long k) {
        return Interval.of(a.lo().multiply(k), a.hi().multiply(k));
    }

    @Test
    void productsAndPowersAreConsistent() {
        int bits = 96;
        for (int a = 2; a <= 40; a++) {
            for (int b = a; b <= 40; b++) {
                Interval ab = CertifiedLog.ln(BigInteger.valueOf((long) a * b), bits);
                Interval s = sum(CertifiedLog.ln(BigInteger.valueOf(a), bits), CertifiedLog.ln(BigInteger.valueOf(b), bits));
                assertTrue(overlap(ab, s), "ln(" + a + "*" + b + ") " + ab + " vs ln a + ln b " + s);
            }
        }
        Interval ln2 = CertifiedLog.ln(BigInteger.TWO, bits);
        for (int k = 1; k <= 300; k++) {
            Interval p = CertifiedLog.ln(BigInteger.ONE.shiftLeft(k), bits);
            assertTrue(overlap(p, scale(ln2, k)), "ln(2^" + k + ") " + p + " vs k ln 2 " + scale(ln2, k));
        }
        BigInteger big = Gen.M61.multiply(Gen.M89);
        assertTrue(overlap(CertifiedLog.ln(big, 200),
                sum(CertifiedLog.ln(Gen.M61, 200), CertifiedLog.ln(Gen.M89, 200))));
    }

    @Test
    void lnOf2AndLnOf10AgainstPublishedDigits() {
        // ln 2 and ln 10 to 60 places (OEIS A002162, A002392): the enclosure must contain the
        // 60-digit truncation interval [d, d + 10^-60]
        Rational ulp = Rational.parse("1e-60");
        Rational ln2 = Rational.parse(DecimalTest.LN2.substring(0, 62));
        Rational ln10 = Rational.parse(DecimalTest.LN10.substring(0, 62));
        Interval i2 = CertifiedLog.ln(BigInteger.TWO, 220);
        Interval i10 = CertifiedLog.ln(BigInteger.TEN, 220);
        assertTrue(overlap(i2, Interval.of(ln2, ln2.add(ulp))), i2.toString());
        assertTrue(overlap(i10, Interval.of(ln10, ln10.add(ulp))), i10.toString());
        assertTrue(i2.width().compareTo(ulp) < 0);
    }

    /**
     * Bounds on {@code 2^p * ln((b+a)/(b-a)) = 2^p * sum_k x^k / k} with {@code x = 2a/(a+b)}: a
     * different series from the implementation's atanh series, rounded outward term by term, with
     * the tail bound {@code x^(K+1) / ((K+1)(1-x))}.
     */
    private static BigInteger[] lnRatioReference(long a, long b, int p) {
        BigInteger xn = BigInteger.valueOf(2 * a);
        BigInteger xd = BigInteger.valueOf(a + b);
        BigInteger one = BigInteger.ONE.shiftLeft(p);
        BigInteger lo = BigInteger.ZERO;
        BigInteger hi = BigInteger.ZERO;
        BigInteger num = BigInteger.ONE;
        BigInteger den = BigInteger.ONE;
        for (int k = 1; ; k++) {
            num = num.multiply(xn);
            den = den.multiply(xd);
            BigInteger[] qr = one.multiply(num).divideAndRemainder(den.multiply(BigInteger.valueOf(k)));
            lo = lo.add(qr[0]);
            hi = hi.add(qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE));
            // tail after k: x^(k+1) / ((k+1)(1-x)) = num*xn / (den * (k+1) * (xd - xn))
            BigInteger tn = one.multiply(num).multiply(xn);
            BigInteger td = den.multiply(BigInteger.valueOf(k + 1)).multiply(xd.subtract(xn));
            if (tn.compareTo(td) < 0) { // tail below one unit
                return new BigInteger[] {lo, hi.add(BigInteger.ONE)};
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> atanhSeriesEnclosesAtItsWorkingPrecision() {
        long[][] ratios = {{1, 3}, {1, 5}, {2, 7}, {3, 17}, {1, 2}, {7, 23}};
        int[] works = {40, 64, 200, 1000};
        List<DynamicTest> tests = new ArrayList<>();
        for (long[] r : ratios) {
            for (int w : works) {
                tests.add(dynamicTest("atanh(" + r[0] + "/" + r[1] + ") at " + w + " bits", () -> {
                    BigInteger[] got = CertifiedLog.atanh(BigInteger.valueOf(r[0]), BigInteger.valueOf(r[1]), w);
                    // atanh(t) * 2^w = (1/2) ln(...) * 2^w; compare 2 * got * 2^32 with the reference at w + 32 bits
                    BigInteger[] ref = lnRatioReference(r[0], r[1], w + 32);
                    assertTrue(got[0].shiftLeft(33).compareTo(ref[0]) <= 0, "lower bound above the value");
                    assertTrue(got[1].shiftLeft(33).compareTo(ref[1]) >= 0, "upper bound below the value");
                    assertTrue(got[1].subtract(got[0]).compareTo(BigInteger.valueOf(w)) <= 0,
                            "width " + got[1].subtract(got[0]) + " units");
                }));
            }
        }
        return tests.stream();
    }
}
