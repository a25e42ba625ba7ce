package org.dlmexact.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Coprime-base refinement ({@link Atoms#refine}) and the splitting of integers into atoms. The
 * value of {@code sum q_b ln b} is checked through {@code prod b^(D q_b)} as an exact rational,
 * with {@code D} a common denominator of the coefficients.
 */
class AtomsTest {

    /** Every test computes afresh: cached factorisations and enclosures would hide faults in the code. */
    @org.junit.jupiter.api.BeforeEach
    void clearCaches() {
        Atoms.clearCache();
        CertifiedLog.clearCache();
    }

    private static final BigInteger A = Gen.P65537;
    private static final BigInteger B = Gen.P65539;
    private static final BigInteger C = Gen.P1000003;
    private static final BigInteger P31 = Gen.P2147483647;

    /** Checks refine(terms): pairwise coprime atoms >= 2, non-zero coefficients, same value, no new primes. */
    static void assertRefinesCorrectly(Map<BigInteger, Rational> terms, String where) {
        TreeMap<BigInteger, Rational> out = Atoms.refine(terms);
        List<BigInteger> atoms = new ArrayList<>(out.keySet());
        for (int i = 0; i < atoms.size(); i++) {
            BigInteger ai = atoms.get(i);
            assertTrue(ai.compareTo(BigInteger.TWO) >= 0, () -> where + ": atom " + ai + " >= 2");
            assertFalse(out.get(ai).isZero(), () -> where + ": zero coefficient kept for " + ai);
            for (int j = i + 1; j < atoms.size(); j++) {
                BigInteger aj = atoms.get(j);
                assertEquals(BigInteger.ONE, ai.gcd(aj), () -> where + ": atoms " + ai + " and " + aj + " not coprime in " + out);
            }
        }
        // D clears every input denominator; the output coefficients are integer combinations of the
        // inputs, so D clears them too (exponentiated() refuses a non-integer exponent)
        BigInteger d = Gen.commonDenominator(terms.values());
        assertEquals(Gen.exponentiated(terms, d), Gen.exponentiated(out, d),
                () -> where + ": value changed, " + terms + " -> " + out);
        BigInteger inputProduct = BigInteger.ONE;
        for (BigInteger b : terms.keySet()) {
            inputProduct = inputProduct.multiply(b);
        }
        for (BigInteger a : atoms) {
            assertEquals(BigInteger.ZERO, inputProduct.mod(a), () -> where + ": atom " + a + " is not made of the input atoms");
        }
    }

    private static Map<BigInteger, Rational> map(Object... kv) {
        Map<BigInteger, Rational> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            BigInteger k = kv[i] instanceof BigInteger ? (BigInteger) kv[i] : BigInteger.valueOf(((Number) kv[i]).longValue());
            Rational v = kv[i + 1] instanceof Rational ? (Rational) kv[i + 1] : Rational.of(((Number) kv[i + 1]).longValue());
            m.merge(k, v, Rational::add);
        }
        return m;
    }

    @Test
    void refineSplitsProductOfBigPrimes() {
        // ln(A*B) - ln(A) - ln(B) has value 0: every coefficient must cancel
        Map<BigInteger, Rational> m = map(A.multiply(B), 1, A, -1, B, -1);
        assertRefinesCorrectly(m, "AB, A, B");
        assertTrue(Atoms.refine(m).isEmpty(), "ln(AB) - ln A - ln B refines to nothing: " + Atoms.refine(m));
    }

    @Test
    void refineFindsTheCommonFactorWithoutFactoring() {
        // A*B and A*C share A: refinement must produce A, B, C with coefficients 3, 2, 1
        Map<BigInteger, Rational> m = map(A.multiply(B), 2, A.multiply(C), 1);
        TreeMap<BigInteger, Rational> out = Atoms.refine(m);
        assertRefinesCorrectly(m, "AB, AC");
        assertEquals(Map.of(A, Rational.of(3), B, Rational.of(2), C, Rational.of(1)), out);
    }

    @Test
    void refineSquaresAndMixedPowers() {
        // ln(A^2 B) with 1/2, ln(A B^3) with -1/3, ln(A) with 5/7: non-trivial gcd chains
        Map<BigInteger, Rational> m = map(A.pow(2).multiply(B), Rational.of(1, 2), A.multiply(B.pow(3)), Rational.of(-1, 3),
                A, Rational.of(5, 7));
        assertRefinesCorrectly(m, "A^2 B, A B^3, A");
        Map<BigInteger, Rational> out = Atoms.refine(m);
        // coefficient of ln A: 2*(1/2) - 1/3 + 5/7 ; of ln B: 1/2 - 1
        assertEquals(Map.of(A, Rational.of(1).subtract(Rational.of(1, 3)).add(Rational.of(5, 7)),
                B, Rational.of(1, 2).subtract(Rational.ONE)), out);
    }

    @Test
    void refineAboveTwoToThe63() {
        BigInteger x = Gen.M61.multiply(Gen.M89);           // about 2^150
        BigInteger y = Gen.M89.multiply(P31).multiply(A);   // about 2^136
        BigInteger z = Gen.M61.pow(2).multiply(A);
        Map<BigInteger, Rational> m = map(x, Rational.of(3, 4), y, Rational.of(-2, 5), z, Rational.of(1, 6), P31, 1);
        assertRefinesCorrectly(m, "M61*M89, M89*P31*A, M61^2*A, P31");
        assertEquals(4, Atoms.refine(m).size(), Atoms.refine(m).toString());
    }

    /** Products of two or three of the big primes (seeded): many atoms, some sharing a factor, some not. */
    private static Map<BigInteger, Rational> manyProducts(long seed, int count, boolean shareFactors) {
        SplitMix64Like rng = new SplitMix64Like(seed);
        List<BigInteger> primes = new ArrayList<>();
        // distinct primes above 2^32: next primes after random 40..160-bit numbers
        for (int i = 0; i < 3 * count; i++) {
            primes.add(BigInteger.ONE.shiftLeft(40 + (int) rng.below(120)).add(BigInteger.valueOf(rng.below(1 << 30))).nextProbablePrime());
        }
        Map<BigInteger, Rational> m = new HashMap<>();
        for (int i = 0; i < count; i++) {
            BigInteger a = primes.get(3 * i);
            BigInteger b = shareFactors && rng.below(3) == 0 ? primes.get((int) rng.below(3 * count)) : primes.get(3 * i + 1);
            m.merge(a.multiply(b), Rational.of(rng.below(7) - 3, 1 + rng.below(4)), Rational::add);
        }
        return m;
    }

    /** A seeded generator for the tests (SplitMix64 steps). */
    private static final class SplitMix64Like {
        private long state;

        SplitMix64Like(long seed) {
            state = seed;
        }

        long below(long bound) {
            state += 0x9E3779B97F4A7C15L;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return Long.remainderUnsigned(z ^ (z >>> 31), bound);
        }
    }

    @Test
    void batchScreeningFindsExactlyTheAtomsCoprimeToAllOthers() {
        for (long seed = 1; seed <= 12; seed++) {
            List<BigInteger> atoms = new ArrayList<>(manyProducts(seed, 6 + (int) seed * 3, seed % 2 == 0).keySet());
            atoms.add(BigInteger.ONE);
            if (seed % 3 == 0) {
                atoms.add(atoms.get(0).multiply(BigInteger.valueOf(7)));
            }
            java.util.Set<BigInteger> expected = new java.util.HashSet<>();
            for (BigInteger a : atoms) {
                boolean alone = a.compareTo(BigInteger.ONE) > 0;
                for (BigInteger b : atoms) {
                    if (b != a && !a.gcd(b).equals(BigInteger.ONE)) {
                        alone = false;
                    }
                }
                if (alone) {
                    expected.add(a);
                }
            }
            assertEquals(expected, Atoms.coprimeToTheOthers(atoms), "seed " + seed);
        }
        assertEquals(java.util.Set.of(A), Atoms.coprimeToTheOthers(List.of(A)));
        assertTrue(Atoms.coprimeToTheOthers(List.of(BigInteger.ONE)).isEmpty());
        assertEquals(java.util.Set.of(C), Atoms.coprimeToTheOthers(List.of(A.multiply(B), B, C)));
    }

    @Test
    void refineWithManyAtomsScreensAndStillSplits() {
        for (long seed = 1; seed <= 10; seed++) {
            Map<BigInteger, Rational> m = manyProducts(seed, 20 + (int) seed, seed % 2 == 1);
            assertRefinesCorrectly(m, "seed " + seed + ", " + m.size() + " atoms");
            // the cofactor path gives the same base
            assertEquals(Atoms.refine(m), Atoms.refineCofactors(m), "seed " + seed);
        }
    }

    @Test
    void refineMergesEqualAtomsAndDropsOne() {
        Map<BigInteger, Rational> m = map(BigInteger.ONE, 5, A, 2);
        assertEquals(Map.of(A, Rational.of(2)), Atoms.refine(m));
        assertTrue(Atoms.refine(map(A, 0)).isEmpty());
        assertTrue(Atoms.refine(Map.of()).isEmpty());
    }

    @Test
    void refineRejectsNonPositiveAtoms() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Atoms.refine(map(BigInteger.ZERO, 1)));
        assertTrue(e.getMessage().contains("positive"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Atoms.refine(map(-6, 1)));
    }

    /** Exhaustive: all pairs and triples of products of {A, B, C} (exponents 0..2) with coefficients in {-1, 1, 2}. */
    @TestFactory
    Stream<DynamicTest> refineExhaustiveOverSmallProductsOfBigPrimes() {
        List<BigInteger> products = new ArrayList<>();
        for (int total = 1; total <= 6; total++) {
            for (int i = 0; i <= 2; i++) {
                for (int j = 0; j <= 2; j++) {
                    int k = total - i - j;
                    if (k >= 0 && k <= 2) {
                        products.add(A.pow(i).multiply(B.pow(j)).multiply(C.pow(k)));
                    }
                }
            }
        }
        int[] coeffs = {-1, 1, 2};
        return Stream.of(dynamicTest("pairs (" + products.size() + " products)", () -> {
            for (int m = 0; m < products.size(); m++) {
                for (int i = 0; i <= m; i++) {
                    for (int ci : coeffs) {
                        for (int cm : coeffs) {
                            Map<BigInteger, Rational> t = map(products.get(i), ci, products.get(m), cm);
                            assertRefinesCorrectly(t, "pair");
                        }
                    }
                }
            }
        }), dynamicTest("triples with unit coefficients", () -> {
            int n = Math.min(products.size(), 14);
            for (int m = 0; m < n; m++) {
                for (int i = 0; i <= m; i++) {
                    for (int j = 0; j <= i; j++) {
                        Map<BigInteger, Rational> t = map(products.get(j), 1, products.get(i), -1, products.get(m), 2);
                        assertRefinesCorrectly(t, "triple");
                    }
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> refineSeededRandom() {
        return Stream.of(3L, 77L, 20261127L).map(seed -> dynamicTest("seed " + seed, () -> {
            SplittableRandom rnd = new SplittableRandom(seed);
            for (int round = 0; round < 150; round++) {
                Map<BigInteger, Rational> t = new HashMap<>();
                int k = rnd.nextInt(1, 6);
                for (int i = 0; i < k; i++) {
                    // products of big primes and small factors, so that atoms share large factors
                    BigInteger a = BigInteger.valueOf(rnd.nextInt(1, 30));
                    for (int f = rnd.nextInt(1, 4); f > 0; f--) {
                        a = a.multiply(Gen.BIG_PRIMES.get(rnd.nextInt(Gen.BIG_PRIMES.size())));
                    }
                    t.merge(a, Gen.nonZeroRational(rnd, 6, 6), Rational::add);
                }
                assertRefinesCorrectly(t, "seed " + seed + ", round " + round);
            }
        }));
    }

    @Test
    void lnOfProductsOfBigPrimesCancelsExactly() {
        assertTrue(ExactReal.ln(A.multiply(B)).subtract(ExactReal.ln(A)).subtract(ExactReal.ln(B)).isZero());
        // ln(A^2 B) with mixed inputs
        ExactReal x = ExactReal.ln(A.pow(2).multiply(B));
        ExactReal y = ExactReal.ln(A.multiply(B)).add(ExactReal.ln(A));
        assertEquals(x, y);
        assertTrue(x.subtract(ExactReal.ln(A).multiply(2)).subtract(ExactReal.ln(B)).isZero());
        // the largest small prime and the smallest big prime
        ExactReal s = ExactReal.ln(Gen.P65521.multiply(A).multiply(BigInteger.valueOf(12)));
        assertTrue(s.subtract(ExactReal.ln(Gen.P65521)).subtract(ExactReal.ln(A)).subtract(ExactReal.ln(12)).isZero());
        // above 2^63: ln(M61 M89 P31) - ln(M61 P31) - ln(M89) = 0
        ExactReal big = ExactReal.ln(Gen.M61.multiply(Gen.M89).multiply(P31))
                .subtract(ExactReal.ln(Gen.M61.multiply(P31))).subtract(ExactReal.ln(Gen.M89));
        assertTrue(big.isZero(), big.toString());
        // numbers in [2^62, 2^63), the boundary of the long fast path
        BigInteger n62 = BigInteger.ONE.shiftLeft(62).add(BigInteger.valueOf(3 * 5 * 7));
        BigInteger n63 = BigInteger.ONE.shiftLeft(63).subtract(BigInteger.ONE); // 7^2 * 73 * 127 * 337 * 92737 * 649657
        assertTrue(ExactReal.ln(n62.multiply(n63)).subtract(ExactReal.ln(n62)).subtract(ExactReal.ln(n63)).isZero());
        assertEquals(ExactReal.ln(n63), ExactReal.lnCombination(Rational.ZERO,
                map(7, 2, 73, 1, 127, 1, 337, 1, 92737, 1, 649657, 1)));
    }

    @Test
    void smallPrimesAreSplitOffByTrialDivision() {
        // 2^10 3^4 65521^2 is entirely small primes: atoms 2, 3, 65521 with exponents as coefficients
        BigInteger n = BigInteger.valueOf(1024 * 81).multiply(Gen.P65521.pow(2));
        assertEquals(Map.of(BigInteger.TWO, Rational.of(10), BigInteger.valueOf(3), Rational.of(4), Gen.P65521, Rational.of(2)),
                ExactReal.ln(n).logCoefficients());
        assertTrue(Atoms.isSmallPrime(Gen.P65521));
        assertFalse(Atoms.isSmallPrime(A));
    }

    @Test
    void addLnAndAddLnIntegerAgree() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int round = 0; round < 200; round++) {
            BigInteger n = Gen.atom(rnd);
            long c = rnd.nextInt(-20, 21);
            Map<BigInteger, Rational> small = new HashMap<>();
            Map<BigInteger, Rational> large = new HashMap<>();
            Atoms.addLn(n, Rational.of(c), small, large);
            Map<BigInteger, BigInteger> smallI = new HashMap<>();
            Map<BigInteger, BigInteger> largeI = new HashMap<>();
            Atoms.addLnInteger(n, BigInteger.valueOf(c), smallI, largeI);
            ExactReal viaRational = ExactReal.lnCombination(Rational.ZERO, merged(small, large));
            ExactReal viaInteger = ExactReal.fromIntegerLogs(Rational.ZERO, Rational.ONE, smallI, largeI);
            ExactReal direct = ExactReal.ln(n).multiply(c);
            assertEquals(direct, viaRational, "seed 5, n=" + n + ", c=" + c);
            assertEquals(direct, viaInteger, "seed 5, n=" + n + ", c=" + c);
            // value check independent of ExactReal: prod p^e over the split equals n^c
            Map<BigInteger, Rational> all = merged(small, large);
            assertEquals(Gen.product(Map.of(n, BigInteger.valueOf(c))), Gen.exponentiated(all, BigInteger.ONE),
                    "split of " + n);
            for (BigInteger p : small.keySet()) {
                assertTrue(Atoms.isSmallPrime(p) && p.isProbablePrime(50), "small atom " + p + " of " + n);
            }
            for (BigInteger q : large.keySet()) {
                assertFalse(Atoms.isSmallPrime(q), "cofactor " + q + " of " + n);
            }
        }
        assertThrows(IllegalArgumentException.class,
                () -> Atoms.addLn(BigInteger.ZERO, Rational.ONE, new HashMap<>(), new HashMap<>()));
        assertThrows(IllegalArgumentException.class,
                () -> Atoms.addLnInteger(BigInteger.valueOf(-3), BigInteger.ONE, new HashMap<>(), new HashMap<>()));
    }

    /** The split of {@code n} by {@link Atoms#addLn} and {@link Atoms#addLnInteger}: small primes and cofactor apart. */
    private static void assertSplit(BigInteger n, Map<BigInteger, Integer> smallPrimes, BigInteger cofactor) {
        Map<BigInteger, Rational> small = new HashMap<>();
        Map<BigInteger, Rational> large = new HashMap<>();
        Atoms.addLn(n, Rational.ONE, small, large);
        Map<BigInteger, Rational> expectSmall = new HashMap<>();
        smallPrimes.forEach((p, e) -> expectSmall.put(p, Rational.of(e)));
        Map<BigInteger, Rational> expectLarge = cofactor.equals(BigInteger.ONE) ? Map.of() : Map.of(cofactor, Rational.ONE);
        assertEquals(expectSmall, small, "small primes of " + n);
        assertEquals(expectLarge, large, "cofactor of " + n);
        Atoms.clearCache();
        Map<BigInteger, BigInteger> smallI = new HashMap<>();
        Map<BigInteger, BigInteger> largeI = new HashMap<>();
        Atoms.addLnInteger(n, BigInteger.valueOf(3), smallI, largeI);
        Map<BigInteger, BigInteger> expectSmallI = new HashMap<>();
        smallPrimes.forEach((p, e) -> expectSmallI.put(p, BigInteger.valueOf(3L * e)));
        assertEquals(expectSmallI, smallI, "small primes of " + n + " (integer path)");
        assertEquals(cofactor.equals(BigInteger.ONE) ? Map.of() : Map.of(cofactor, BigInteger.valueOf(3)), largeI,
                "cofactor of " + n + " (integer path)");
        Atoms.clearCache();
    }

    /** The first {@code k} primes. */
    private static List<BigInteger> firstPrimes(int k) {
        List<BigInteger> out = new ArrayList<>();
        for (BigInteger p = BigInteger.TWO; out.size() < k; p = p.nextProbablePrime()) {
            out.add(p);
        }
        return out;
    }

    @Test
    void numbersAboveTwoToThe63SplitIntoSmallPrimesAndOneCofactor() {
        BigInteger m89 = Gen.M89;
        // a small prime of the first group, and of the last group (65521 is the largest prime below 2^16)
        assertSplit(m89.multiply(BigInteger.valueOf(3)), Map.of(BigInteger.valueOf(3), 1), m89);
        assertSplit(m89.multiply(Gen.P65521), Map.of(Gen.P65521, 1), m89);
        assertSplit(m89.multiply(Gen.P65521.pow(3)).multiply(BigInteger.valueOf(49)),
                Map.of(Gen.P65521, 3, BigInteger.valueOf(7), 2), m89);
        // 65521^4 has 64 bits: every factor is found only in the last group, leaving 1
        assertSplit(Gen.P65521.pow(4), Map.of(Gen.P65521, 4), BigInteger.ONE);
        assertSplit(BigInteger.TWO.pow(70), Map.of(BigInteger.TWO, 70), BigInteger.ONE);
        // a composite cofactor above 2^63 is kept whole (refinement, not factoring, splits it later)
        BigInteger composite = Gen.M61.multiply(m89);
        assertSplit(composite.multiply(BigInteger.valueOf(45)), Map.of(BigInteger.valueOf(3), 2, BigInteger.valueOf(5), 1),
                composite);
        // 40 distinct small primes (more than the initial buffer holds), with and without a cofactor
        BigInteger primorial = BigInteger.ONE;
        Map<BigInteger, Integer> ones = new HashMap<>();
        for (BigInteger p : firstPrimes(40)) {
            primorial = primorial.multiply(p);
            ones.put(p, 1);
        }
        assertSplit(primorial, ones, BigInteger.ONE);
        assertSplit(primorial.multiply(m89), ones, m89);
        // 15 distinct primes is the most a number below 2^63 can have
        BigInteger fifteen = BigInteger.ONE;
        Map<BigInteger, Integer> fifteenOnes = new HashMap<>();
        for (BigInteger p : firstPrimes(15)) {
            fifteen = fifteen.multiply(p);
            fifteenOnes.put(p, 1);
        }
        assertTrue(fifteen.bitLength() < 63);
        assertSplit(fifteen, fifteenOnes, BigInteger.ONE);
    }

    @Test
    void smallPrimeMeansBelowTwoToTheSixteen() {
        // the contract is "below 2^16"; atoms are primes, so the boundary itself is never an atom
        assertTrue(Atoms.isSmallPrime(Gen.P65521));
        assertFalse(Atoms.isSmallPrime(BigInteger.valueOf(65536)));
        assertFalse(Atoms.isSmallPrime(Gen.P65537));
        assertThrows(IllegalArgumentException.class,
                () -> Atoms.addLnInteger(BigInteger.ZERO, BigInteger.ONE, new HashMap<>(), new HashMap<>()));
    }

    private static Map<BigInteger, Rational> merged(Map<BigInteger, Rational> a, Map<BigInteger, Rational> b) {
        Map<BigInteger, Rational> m = new HashMap<>(a);
        b.forEach((k, v) -> m.merge(k, v, Rational::add));
        return m;
    }
}
