package org.dlmexact.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dlmexact.law.LawEnumerator.Named;
import org.dlmexact.exact.Rational;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shared law generator: counts, order, uniqueness, reproducibility. */
class LawEnumeratorTest {

    /** Laws of a grid = primitive non-zero vectors in {0..m}^n (inclusion-exclusion via Moebius over the gcd). */
    private static long primitiveCount(int n, int m) {
        long total = 0;
        for (int d = 1; d <= m; d++) {
            total += mobius(d) * (BigInteger.valueOf(m / d + 1).pow(n).longValueExact() - 1);
        }
        return total;
    }

    private static int mobius(int d) {
        int r = 1;
        for (int p = 2; p <= d; p++) {
            if (d % p == 0) {
                d /= p;
                if (d % p == 0) {
                    return 0;
                }
                r = -r;
            }
        }
        return r;
    }

    @ParameterizedTest(name = "grid V={0} L={1} maxWeight={2}")
    @CsvSource({"2,1,3", "3,1,3", "2,2,3", "2,3,2", "3,2,1", "2,2,1", "4,1,4"})
    void gridHasEveryLawOnceInIncreasingSize(int v, int l, int m) {
        List<Named> g = LawEnumerator.grid(v, l, m);
        int n = SequenceSpace.of(v, l).size();
        assertEquals(primitiveCount(n, m), g.size());
        Set<Law> seen = new HashSet<>();
        int prevSupport = 0;
        BigInteger prevTotal = BigInteger.ZERO;
        for (Named x : g) {
            assertTrue(seen.add(x.law()), "duplicate " + x);
            assertEquals(v, x.law().alphabetSize());
            assertEquals(l, x.law().length());
            int s = x.law().supportSize();
            assertTrue(s > prevSupport || (s == prevSupport && x.law().denominator().compareTo(prevTotal) >= 0),
                    "order at " + x);
            for (int i = 0; i < n; i++) {
                assertTrue(x.law().weight(i).compareTo(BigInteger.valueOf(m)) <= 0);
            }
            prevSupport = s;
            prevTotal = x.law().denominator();
        }
    }

    @Test
    void gridNamesRebuildTheLaw() {
        for (Named x : LawEnumerator.grid(2, 2, 2)) {
            String[] w = x.name().substring(x.name().lastIndexOf(':') + 1).split(",");
            BigInteger[] b = new BigInteger[w.length];
            for (int i = 0; i < w.length; i++) {
                b[i] = new BigInteger(w[i]);
            }
            assertEquals(x.law(), Law.fromWeights(SequenceSpace.of(2, 2), b), x.name());
        }
    }

    @Test
    void gridIsRefusedWhenTooLarge() {
        assertThrows(IllegalArgumentException.class, () -> LawEnumerator.grid(2, 4, 1));
        assertThrows(IllegalArgumentException.class, () -> LawEnumerator.grid(2, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> LawEnumerator.grid(1, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> LawEnumerator.grid(2, 0, 1));
    }

    @Test
    void supportsUpToSymmetryCountOrbits() {
        // orbits of non-empty subsets of the n-cube under the hyperoctahedral group: OEIS A000616 minus 1
        assertEquals(2, LawEnumerator.supportsUpToSymmetry(2, 1).size());
        assertEquals(5, LawEnumerator.supportsUpToSymmetry(2, 2).size());
        assertEquals(21, LawEnumerator.supportsUpToSymmetry(2, 3).size());
        assertEquals(401, LawEnumerator.supportsUpToSymmetry(2, 4).size());
        assertThrows(IllegalArgumentException.class, () -> LawEnumerator.supportsUpToSymmetry(3, 3));
    }

    @Test
    void symmetryReductionKeepsOneLawPerOrbit() {
        // every law of the full grid is a relabelling of exactly one representative: same multiset of
        // weights and same sorted profile of single-position marginals is a necessary condition
        List<Named> full = LawEnumerator.grid(2, 2, 3);
        List<Named> reps = LawEnumerator.gridUpToSymmetry(2, 2, 3);
        assertTrue(reps.size() < full.size());
        Set<Law> fullSet = new HashSet<>();
        full.forEach(x -> fullSet.add(x.law()));
        for (Named r : reps) {
            assertTrue(fullSet.contains(r.law()), r.name());
        }
        // swapping the two positions or relabelling symbols maps reps to non-reps unless fixed
        Set<Law> repSet = new HashSet<>();
        reps.forEach(x -> repSet.add(x.law()));
        int covered = 0;
        for (Named x : full) {
            BigInteger[] w = x.law().weights();
            boolean found = false;
            for (int perm = 0; perm < 8 && !found; perm++) {
                BigInteger[] y = new BigInteger[4];
                for (int idx = 0; idx < 4; idx++) {
                    int a = idx >> 1;
                    int b = idx & 1;
                    a ^= perm & 1;
                    b ^= (perm >> 1) & 1;
                    int j = (perm & 4) != 0 ? (b << 1 | a) : (a << 1 | b);
                    y[j] = w[idx];
                }
                found = repSet.contains(Law.fromWeights(SequenceSpace.of(2, 2), y));
            }
            covered += found ? 1 : 0;
        }
        assertEquals(full.size(), covered, "every law is a relabelling of a representative");
    }

    @Test
    void smallLawsAreInIncreasingSpaceSize() {
        List<Named> all = LawEnumerator.smallLaws();
        int prev = 0;
        for (Named x : all) {
            int size = x.law().space().size();
            assertTrue(size >= prev, x.name());
            prev = size;
        }
        assertTrue(all.size() > 1000 && all.size() < 5000, "size " + all.size());
    }

    @Test
    void sparseRandomFollowsItsJavadoc() {
        for (long seed = 0; seed < 20; seed++) {
            SequenceSpace sp = SequenceSpace.of(3, 3);
            SplitMix64 rng = new SplitMix64(seed);
            BigInteger[] w = new BigInteger[sp.size()];
            for (int i = 0; i < w.length; i++) {
                long z = rng.nextLong();
                w[i] = (z >>> 62) == 0 ? BigInteger.ZERO : BigInteger.valueOf(1 + ((z >>> 58) & 15));
            }
            assertEquals(Law.fromWeights(sp, w), LawEnumerator.sparseRandom(3, 3, seed), "seed " + seed);
        }
    }

    @Test
    void sparseRandomHasZerosAndIsReproducible() {
        int zeros = 0;
        for (long seed = 0; seed < 50; seed++) {
            Law a = LawEnumerator.sparseRandom(2, 5, seed);
            assertEquals(a, LawEnumerator.sparseRandom(2, 5, seed));
            zeros += 32 - a.supportSize();
        }
        assertTrue(zeros > 200 && zeros < 600, "about a quarter of 1600 weights are zero: " + zeros);
        for (long seed = 0; seed < 200; seed++) {
            assertTrue(LawEnumerator.sparseRandom(2, 1, seed).supportSize() >= 1);
        }
    }

    @Test
    void randomProductIsTheProductOfItsMarginals() {
        for (long seed = 0; seed < 10; seed++) {
            Rational[][] m = LawEnumerator.randomProductMarginals(3, 3, seed);
            Law law = LawEnumerator.randomProduct(3, 3, seed);
            for (int idx = 0; idx < 27; idx++) {
                int[] x = law.space().outcome(idx);
                assertEquals(m[0][x[0]].multiply(m[1][x[1]]).multiply(m[2][x[2]]), law.probability(idx));
            }
        }
    }

    @Test
    void randomMarkovDrawsStartThenRows() {
        for (long seed = 0; seed < 10; seed++) {
            SplitMix64 rng = new SplitMix64(seed);
            Rational[] start = LawEnumerator.randomDistribution(rng, 3, true);
            Rational[][] rows = {LawEnumerator.randomDistribution(rng, 3, true),
                    LawEnumerator.randomDistribution(rng, 3, true), LawEnumerator.randomDistribution(rng, 3, true)};
            assertEquals(Families.markov(4, start, rows), LawEnumerator.randomMarkov(3, 4, seed));
        }
    }

    @Test
    void randomDistributionWithoutZerosIsPositive() {
        SplitMix64 rng = new SplitMix64(9);
        for (int k = 0; k < 100; k++) {
            Rational sum = Rational.ZERO;
            for (Rational p : LawEnumerator.randomDistribution(rng, 4, false)) {
                assertTrue(p.signum() > 0);
                sum = sum.add(p);
            }
            assertEquals(Rational.ONE, sum);
        }
        assertThrows(IllegalArgumentException.class, () -> LawEnumerator.randomDistribution(rng, 0, true));
        assertThrows(NullPointerException.class, () -> LawEnumerator.randomDistribution(null, 2, true));
    }

    @Test
    void seededNamesAndKinds() {
        List<Named> s = LawEnumerator.seeded("sparse", 2, 3, 5, 3);
        assertEquals(List.of("sparse-random:2,3,5", "sparse-random:2,3,6", "sparse-random:2,3,7"),
                s.stream().map(Named::name).toList());
        assertEquals("random-product:2,3,5", LawEnumerator.seeded("product", 2, 3, 5, 1).get(0).name());
        assertEquals("random-markov:2,3,5", LawEnumerator.seeded("markov", 2, 3, 5, 1).get(0).name());
        assertThrows(IllegalArgumentException.class, () -> LawEnumerator.seeded("other", 2, 3, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> LawEnumerator.seeded("sparse", 2, 3, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> LawEnumerator.randomTransitions(1, 0, true));
    }

    @Test
    void everyGeneratorRefusesAnEmptyAlphabetOrLength() {
        assertThrows(IllegalArgumentException.class, () -> LawEnumerator.gridVectors(1, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> LawEnumerator.gridVectors(2, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> LawEnumerator.supportsUpToSymmetry(1, 2));
        assertThrows(IllegalArgumentException.class, () -> LawEnumerator.supportsUpToSymmetry(2, 0));
        assertThrows(IllegalArgumentException.class, () -> LawEnumerator.sparseRandom(1, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> LawEnumerator.randomProductMarginals(1, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> LawEnumerator.randomProductMarginals(2, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> LawEnumerator.randomMarkov(2, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> LawEnumerator.randomMarkov(1, 2, 0));
    }

    @Test
    void randomDistributionFollowsItsJavadoc() {
        for (long seed = 0; seed < 40; seed++) {
            for (boolean zeros : new boolean[] {false, true}) {
                SplitMix64 rng = new SplitMix64(seed);
                SplitMix64 twin = new SplitMix64(seed);
                long[] w = new long[3];
                long total;
                do {
                    total = 0;
                    for (int a = 0; a < 3; a++) {
                        long z = twin.nextLong();
                        w[a] = zeros && Long.compareUnsigned(z, 1L << 62) < 0 ? 0 : 1 + (z >>> 58) % 16;
                        total += w[a];
                    }
                } while (total == 0);
                Rational[] got = LawEnumerator.randomDistribution(rng, 3, zeros);
                for (int a = 0; a < 3; a++) {
                    assertEquals(Rational.of(w[a], total), got[a], "seed " + seed + ", symbol " + a);
                }
            }
        }
    }

    @Test
    void namedLawsPrintTheirNames() {
        for (Named n : LawEnumerator.seeded("product", 2, 2, 3, 2)) {
            assertEquals(n.name(), n.toString());
        }
    }

    /** All images of outcome {@code x} under position permutations and per-position symbol permutations. */
    private static Set<Integer> orbitOfSupport(SequenceSpace sp, int mask) {
        int v = sp.alphabetSize();
        int l = sp.length();
        List<int[]> pos = permutationsOf(l);
        List<int[]> sym = permutationsOf(v);
        Set<Integer> orbit = new HashSet<>();
        int combos = (int) Math.pow(sym.size(), l);
        for (int[] p : pos) {
            for (int c = 0; c < combos; c++) {
                int image = 0;
                for (int idx = 0; idx < sp.size(); idx++) {
                    if ((mask >> idx & 1) == 0) {
                        continue;
                    }
                    int[] x = sp.outcome(idx);
                    int[] y = new int[l];
                    int code = c;
                    for (int i = 0; i < l; i++) {
                        y[p[i]] = sym.get(code % sym.size())[x[i]];
                        code /= sym.size();
                    }
                    image |= 1 << sp.index(y);
                }
                orbit.add(image);
            }
        }
        return orbit;
    }

    private static List<int[]> permutationsOf(int n) {
        List<int[]> out = new java.util.ArrayList<>();
        permute(new int[n], new boolean[n], 0, out);
        return out;
    }

    private static void permute(int[] a, boolean[] used, int k, List<int[]> out) {
        if (k == a.length) {
            out.add(a.clone());
            return;
        }
        for (int x = 0; x < a.length; x++) {
            if (!used[x]) {
                used[x] = true;
                a[k] = x;
                permute(a, used, k + 1, out);
                used[x] = false;
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"2,1", "2,2", "3,1", "2,3", "3,2"})
    void supportsAreTheSmallestMemberOfEachOrbitInOrder(int v, int l) {
        SequenceSpace sp = SequenceSpace.of(v, l);
        List<Named> reps = LawEnumerator.supportsUpToSymmetry(v, l);
        // every non-empty support belongs to exactly one orbit; each orbit's minimum is listed once
        Set<Integer> expected = new HashSet<>();
        for (int mask = 1; mask < (1 << sp.size()); mask++) {
            expected.add(java.util.Collections.min(orbitOfSupport(sp, mask)));
        }
        List<Integer> got = new java.util.ArrayList<>();
        for (Named n : reps) {
            int mask = 0;
            StringBuilder listed = new StringBuilder();
            for (int idx = 0; idx < sp.size(); idx++) {
                if (n.law().weight(idx).signum() > 0) {
                    mask |= 1 << idx;
                    listed.append(listed.length() == 0 ? "" : ",").append(idx);
                }
            }
            assertEquals("support:" + v + "," + l + ":" + listed, n.name());
            assertEquals(n.law().supportSize(), Integer.bitCount(mask));
            for (int idx = 0; idx < sp.size(); idx++) {
                Rational p = (mask >> idx & 1) == 0 ? Rational.ZERO : Rational.of(1, Integer.bitCount(mask));
                assertEquals(p, n.law().probability(idx), "uniform on the support " + n.name());
            }
            got.add(mask);
        }
        assertEquals(expected, new HashSet<>(got), "orbit representatives of " + v + "^" + l);
        assertEquals(expected.size(), got.size(), "one law per orbit");
        for (int i = 1; i < got.size(); i++) {
            int a = got.get(i - 1);
            int b = got.get(i);
            assertTrue(Integer.bitCount(a) < Integer.bitCount(b) || (Integer.bitCount(a) == Integer.bitCount(b) && a < b),
                    "ordered by size, then bit set: " + a + " before " + b);
        }
    }

    @Test
    void generatorRefusalsNameTheArgument() {
        for (org.junit.jupiter.api.function.Executable call : List.<org.junit.jupiter.api.function.Executable>of(
                () -> LawEnumerator.supportsUpToSymmetry(1, 2), () -> LawEnumerator.sparseRandom(1, 2, 0),
                () -> LawEnumerator.randomMarkov(1, 2, 0))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
            assertEquals("alphabet size must be at least 2, got 1", e.getMessage());
        }
        assertEquals(List.of(), LawEnumerator.seeded("sparse", 2, 3, 0, 0));
        Rational[] one = LawEnumerator.randomDistribution(new SplitMix64(3), 1, true);
        assertEquals(1, one.length);
        assertEquals(Rational.ONE, one[0]);
    }
}
