package org.dlmexact.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Signs and comparisons decided exactly, including values within 10^-50 of zero, where double
 * arithmetic fails. Mathematical fact used as reference: for 0 < x <= 1 the partial sums of
 * ln(1+x) = x - x^2/2 + x^3/3 - ... alternate around ln(1+x) (alternating series with
 * decreasing terms), so S_2 = x - x^2/2 < ln(1+x) < x - x^2/2 + x^3/3 = S_3.
 */
class SignTest {

    /** ln(N+1) - ln(N) - 1/N + 1/(2N^2): positive, about 1/(3N^3). */
    private static ExactReal remainder2(BigInteger n) {
        return ExactReal.ln(n.add(BigInteger.ONE)).subtract(ExactReal.ln(n))
                .add(Rational.of(BigInteger.ONE, n).negate())
                .add(Rational.of(BigInteger.ONE, n.pow(2).shiftLeft(1)));
    }

    @Test
    void doubleGetsTheSignWrongExactGetsItRight() {
        // true value about 1/(3 * 10^51) > 0
        double viaDouble = StrictMath.log(1e17 + 1) - StrictMath.log(1e17) - 1e-17 + 5e-35;
        assertTrue(viaDouble <= 0, "double arithmetic was expected to lose the sign, got " + viaDouble);
        ExactReal x = remainder2(BigInteger.TEN.pow(17));
        assertEquals(1, x.signum());
        assertEquals(-1, x.negate().signum());
        assertTrue(x.compareTo(ExactReal.ZERO) > 0);
        // and it is about 1/(3N^3): between 1/(3N^3) - 1/(4N^4) and 1/(3N^3)
        BigInteger n3 = BigInteger.TEN.pow(51);
        Rational upper = Rational.of(BigInteger.ONE, n3.multiply(BigInteger.valueOf(3)));
        Rational lower = upper.subtract(Rational.of(BigInteger.ONE, BigInteger.TEN.pow(68).shiftLeft(2)));
        assertEquals(-1, x.subtract(ExactReal.of(upper)).signum());
        assertEquals(1, x.subtract(ExactReal.of(lower)).signum());
    }

    @TestFactory
    Stream<DynamicTest> alternatingSeriesBoundsDecideSigns() {
        List<BigInteger> ns = new ArrayList<>();
        for (int n = 1; n <= 30; n++) {
            ns.add(BigInteger.valueOf(n));
        }
        for (int k = 2; k <= 40; k += 3) {
            ns.add(BigInteger.TEN.pow(k));
            ns.add(BigInteger.TEN.pow(k).add(BigInteger.valueOf(7)));
        }
        ns.add(Gen.M61);
        ns.add(Gen.M89);
        return ns.stream().map(n -> dynamicTest("N = " + n, () -> {
            ExactReal r2 = remainder2(n);
            assertEquals(1, r2.signum(), "ln(1+1/N) - S_2 > 0");
            assertEquals(-1, r2.negate().signum());
            ExactReal r3 = r2.add(Rational.of(BigInteger.ONE, n.pow(3).multiply(BigInteger.valueOf(3))).negate());
            assertEquals(-1, r3.signum(), "ln(1+1/N) - S_3 < 0");
            assertEquals(1, r3.negate().signum());
            assertTrue(r3.compareTo(r2) < 0);
            assertEquals(r3, r2.min(r3));
            assertEquals(r2, r2.max(r3));
        }));
    }

    @Test
    void equalValuesCompareEqual() {
        ExactReal a = ExactReal.ln(8).divide(3);
        ExactReal b = ExactReal.ln(2);
        assertEquals(a, b);
        assertEquals(0, a.compareTo(b));
        assertEquals(0, a.subtract(b).signum());
        assertEquals(0, ExactReal.ZERO.signum());
        // ln 2 < 7/10 (e^7 > 2^10); 2 ln 3 > 3 ln 2 (9 > 8); 5 ln 2 > 3 ln 3 (32 > 27)
        assertTrue(ExactReal.ln(2).compareTo(ExactReal.of(Rational.of(7, 10))) < 0);
        assertTrue(ExactReal.ln(3).multiply(2).compareTo(ExactReal.ln(2).multiply(3)) > 0);
        assertTrue(ExactReal.ln(2).multiply(5).compareTo(ExactReal.ln(3).multiply(3)) > 0);
        assertEquals(1, ExactReal.of(Rational.of(1, 3)).signum());
        assertEquals(-1, ExactReal.of(Rational.of(-1, 3)).signum());
    }

    @Test
    void powersCloseToEachOther() {
        // 3^12 = 531441 > 2^19 = 524288 and 3^53 < 2^84 < 3^54: close comparisons decided by the integers
        for (int a = 1; a <= 60; a++) {
            for (int b = 1; b <= 95; b++) {
                int expected = BigInteger.valueOf(3).pow(a).compareTo(BigInteger.TWO.pow(b));
                ExactReal x = ExactReal.ln(3).multiply(a);
                ExactReal y = ExactReal.ln(2).multiply(b);
                assertEquals(expected, x.compareTo(y), a + " ln 3 vs " + b + " ln 2");
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> compareToIsATotalOrder() {
        return Stream.of(13L, 20261127L).map(seed -> dynamicTest("seed " + seed, () -> {
            List<ExactReal> xs = new ArrayList<>(ExactRealPropertiesTest.randomValues(seed, 30));
            xs.addAll(ExactRealPropertiesTest.smallValues());
            // values very close to each other and to zero
            xs.add(remainder2(BigInteger.TEN.pow(17)));
            xs.add(remainder2(BigInteger.TEN.pow(17)).negate());
            xs.add(remainder2(BigInteger.TEN.pow(10)));
            xs.add(ExactReal.ln(2).add(remainder2(BigInteger.TEN.pow(12))));
            xs.add(ExactReal.ln(8).divide(3));
            int n = xs.size();
            int[][] cmp = new int[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    cmp[i][j] = Integer.signum(xs.get(i).compareTo(xs.get(j)));
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    int ii = i;
                    int jj = j;
                    java.util.function.Supplier<String> where = () -> "seed " + seed + ": " + xs.get(ii) + " vs " + xs.get(jj);
                    assertEquals(-cmp[j][i], cmp[i][j], () -> "antisymmetric, " + where.get());
                    assertEquals(cmp[i][j] == 0, xs.get(i).equals(xs.get(j)), () -> "consistent with equals, " + where.get());
                    assertEquals(cmp[i][j], xs.get(i).subtract(xs.get(j)).signum(), () -> "agrees with signum, " + where.get());
                    ExactReal min = xs.get(i).min(xs.get(j));
                    ExactReal max = xs.get(i).max(xs.get(j));
                    assertEquals(cmp[i][j] <= 0 ? xs.get(i) : xs.get(j), min, () -> "min, " + where.get());
                    assertEquals(cmp[i][j] >= 0 ? xs.get(i) : xs.get(j), max, () -> "max, " + where.get());
                    for (int k = 0; k < n; k++) {
                        if (cmp[i][j] <= 0 && cmp[j][k] <= 0) {
                            int kk = k;
                            assertTrue(cmp[i][k] <= 0, () -> "transitive, " + where.get() + " vs " + xs.get(kk));
                        }
                    }
                }
            }
            // the order agrees with certified enclosures: if x < y, x's lower end is below y's upper end
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (cmp[i][j] < 0) {
                        assertTrue(xs.get(i).enclosure(128).lo().compareTo(xs.get(j).enclosure(128).hi()) <= 0);
                    }
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> enclosuresContainTheValue() {
        return Stream.of(21L, 31337L).map(seed -> dynamicTest("seed " + seed, () -> {
            List<ExactReal> xs = new ArrayList<>(ExactRealPropertiesTest.randomValues(seed, 60));
            xs.addAll(ExactRealPropertiesTest.smallValues());
            for (ExactReal x : xs) {
                if (x.isRational()) {
                    Interval p = x.enclosure(8);
                    assertEquals(x.rationalPart(), p.lo(), "point enclosure of " + x);
                    assertEquals(x.rationalPart(), p.hi(), "point enclosure of " + x);
                    continue;
                }
                // reference enclosure from the (separately verified) log enclosures, by interval arithmetic
                int bits = 80;
                Rational lo = x.rationalPart();
                Rational hi = x.rationalPart();
                for (java.util.Map.Entry<BigInteger, Rational> e : x.logCoefficients().entrySet()) {
                    Interval l = CertifiedLog.ln(e.getKey(), bits);
                    Rational a = l.lo().multiply(e.getValue());
                    Rational b = l.hi().multiply(e.getValue());
                    lo = lo.add(a.min(b));
                    hi = hi.add(a.max(b));
                }
                for (int b2 : new int[] {1, 20, 64, 200}) {
                    Interval enc = x.enclosure(b2);
                    assertTrue(enc.lo().compareTo(hi) <= 0 && lo.compareTo(enc.hi()) <= 0,
                            "seed " + seed + ": enclosure(" + b2 + ") of " + x + " misses the reference enclosure");
                }
                // a non-zero value's sign agrees with a sufficiently tight enclosure
                Interval tight = x.enclosure(400);
                if (tight.strictSign() != 0) {
                    assertEquals(tight.strictSign(), x.signum(), "seed " + seed + ": " + x);
                }
                // the sign of x - m for the midpoint m of a wide enclosure is decided exactly and consistently
                Interval wide = x.enclosure(16);
                Rational m = wide.lo().add(wide.hi()).divide(2);
                int s = x.subtract(ExactReal.of(m)).signum();
                assertTrue(s != 0, "an irrational value is not a rational: " + x);
                assertEquals(s, x.compareTo(ExactReal.of(m)));
            }
        }));
    }

    @Test
    void signOfSumsWithLargeCofactorsNearZero() {
        // ln(p+1) - ln(p) - 1/p + 1/(2p^2) for big primes p: positive, tiny, atoms need refinement
        for (BigInteger p : Gen.BIG_PRIMES) {
            ExactReal r = remainder2(p);
            assertEquals(1, r.signum(), p.toString());
            ExactReal y = r.add(ExactReal.ln(p.multiply(Gen.P65539))).subtract(ExactReal.ln(p)).subtract(ExactReal.ln(Gen.P65539));
            assertEquals(r, y, p.toString());
            assertEquals(1, y.signum());
        }
    }
}
