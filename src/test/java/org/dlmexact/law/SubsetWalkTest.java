package org.dlmexact.law;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.law.LawEnumerator.Named;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The depth-first walk over all subsets ({@link SubsetWalk}) and its kernels
 * ({@link MarginalKernel}): every subset once, marginals equal to direct sums over the table, the
 * machine-integer walk equal to the {@code BigInteger} walk exactly, also for laws whose
 * denominator sits at the 62-bit boundary.
 */
public class SubsetWalkTest {

    private static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(62).subtract(BigInteger.ONE);

    /** The marginals of every subset, by the BigInteger walk (copied: the walk reuses its arrays). */
    static BigInteger[][] bigWalk(Law law) {
        BigInteger[][] m = new BigInteger[law.space().fullMask() + 1][];
        SubsetWalk.walkBig(law, (mask, w) -> {
            assertNull(m[mask], "mask " + mask + " visited twice");
            m[mask] = w.clone();
        });
        return m;
    }

    /** The marginals of every subset, by the machine-integer walk, as BigInteger. */
    static BigInteger[][] longWalk(Law law) {
        BigInteger[][] m = new BigInteger[law.space().fullMask() + 1][];
        SubsetWalk.walkLong(law, (mask, w) -> {
            assertNull(m[mask], "mask " + mask + " visited twice");
            m[mask] = new BigInteger[w.length];
            for (int i = 0; i < w.length; i++) {
                m[mask][i] = BigInteger.valueOf(w[i]);
            }
        });
        return m;
    }

    static void assertDirect(Law law, BigInteger[][] walked, String what) {
        for (int mask = 0; mask <= law.space().fullMask(); mask++) {
            assertNotNull(walked[mask], what + ": mask " + mask + " never visited");
            assertArrayEquals(MarginalLatticeProperties.directMarginal(law, mask), walked[mask], what + ": mask " + mask);
        }
    }

    @TestFactory
    Stream<DynamicTest> bothWalksVisitEverySubsetOnceWithItsMarginal() {
        return MarginalLatticeProperties.laws().stream().map(n -> dynamicTest(n.name(), () -> {
            assertTrue(SubsetWalk.fitsLong(n.law()));
            assertDirect(n.law(), longWalk(n.law()), "long");
            assertDirect(n.law(), bigWalk(n.law()), "BigInteger");
        }));
    }

    /** Laws with denominators {@code 2^62 - 1 + offset} around the limit of the long kernel. */
    public static List<Named> boundaryLaws() {
        List<Named> out = new ArrayList<>();
        int[][] spaces = {{2, 1}, {2, 3}, {2, 5}, {3, 3}, {5, 2}};
        long[] offsets = {-1_000_000, -1, 0, 1, 2, 1_000_000};
        long seed = 1;
        for (int[] s : spaces) {
            for (long offset : offsets) {
                BigInteger d = LIMIT.add(BigInteger.valueOf(offset));
                Law law = LawEnumerator.withDenominator(s[0], s[1], d, seed);
                assertEquals(d, law.denominator(), "a weight 1 keeps the weights coprime");
                out.add(new Named("D = 2^62 - 1 " + (offset < 0 ? "- " + -offset : "+ " + offset) + ", V = " + s[0]
                        + ", L = " + s[1] + ", seed " + seed, law));
                seed++;
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> nearTheBoundaryTheLongWalkEqualsTheBigIntegerWalkExactly() {
        return boundaryLaws().stream().map(n -> dynamicTest(n.name(), () -> {
            Law law = n.law();
            BigInteger[][] big = bigWalk(law);
            assertDirect(law, big, "BigInteger");
            boolean fits = law.denominator().compareTo(LIMIT) <= 0;
            assertEquals(fits, SubsetWalk.fitsLong(law));
            MarginalLattice lattice = MarginalLattice.of(law);
            assertEquals(fits, lattice.fitsLong());
            for (int mask = 0; mask <= law.space().fullMask(); mask++) {
                assertArrayEquals(big[mask], lattice.marginal(mask), "lattice, mask " + mask);
            }
            if (fits) {
                BigInteger[][] lo = longWalk(law);
                for (int mask = 0; mask <= law.space().fullMask(); mask++) {
                    assertArrayEquals(big[mask], lo[mask], "mask " + mask);
                    long[] lm = lattice.longMarginal(mask);
                    for (int i = 0; i < lm.length; i++) {
                        assertEquals(big[mask][i], BigInteger.valueOf(lm[i]), "long lattice, mask " + mask);
                    }
                }
            } else {
                assertThrows(IllegalArgumentException.class, () -> SubsetWalk.walkLong(law, (m, w) -> { }));
                assertThrows(IllegalStateException.class, () -> lattice.longMarginal(0));
            }
        }));
    }

    @Test
    void theLongKernelSumsAtTheBoundWithoutOverflow() {
        long b = MarginalKernel.LONG_LIMIT;
        long[] dst = new long[2];
        // V = 3, low = 1, two blocks: entries 0..2 sum into dst[0], 3..5 into dst[1]; each sum is exactly the bound
        assertTrue(MarginalKernel.sumOut(new long[] {b - 5, 2, 3, 0, b, 0}, dst, 3, 1, 2, b));
        assertArrayEquals(new long[] {b, b}, dst);
        // V = 2, low = 2, one block: dst[lo] = src[lo] + src[2 + lo]
        long[] d2 = new long[2];
        assertTrue(MarginalKernel.sumOut(new long[] {b - 1, 7, 1, b - 7}, d2, 2, 2, 1, b));
        assertArrayEquals(new long[] {b, b}, d2);
        // V = 2, low = 2, two blocks: the second block starts at source entry 4
        long[] d3 = new long[4];
        assertTrue(MarginalKernel.sumOut(new long[] {1, 2, 3, 4, 5, 6, 7, 8}, d3, 2, 2, 2, 100));
        assertArrayEquals(new long[] {4, 6, 12, 14}, d3);
        BigInteger[] e3 = new BigInteger[4];
        MarginalKernel.sumOutExact(big(1, 2, 3, 4, 5, 6, 7, 8), e3, 2, 2, 2);
        assertArrayEquals(big(4, 6, 12, 14), e3);
    }

    private static BigInteger[] big(long... values) {
        return java.util.Arrays.stream(values).mapToObj(BigInteger::valueOf).toArray(BigInteger[]::new);
    }

    @Test
    void theLongKernelReportsASumAboveTheBound() {
        long b = MarginalKernel.LONG_LIMIT;
        // each entry is at most the bound, their sum 2^63 - 2 is not (and would overflow as 2^63 at 2^62)
        assertFalse(MarginalKernel.sumOut(new long[] {b, b}, new long[1], 2, 1, 1, b));
        // V = 2, low = 2: dst[0] = 3 + 1 = 4 exceeds the bound 3
        assertFalse(MarginalKernel.sumOut(new long[] {3, 1, 1, 0}, new long[2], 2, 2, 1, 3));
        // at the bound itself the sum is accepted
        long[] dst = new long[2];
        assertTrue(MarginalKernel.sumOut(new long[] {3, 1, 1, 0}, dst, 2, 2, 1, 4));
        assertArrayEquals(new long[] {4, 1}, dst);
    }

    @Test
    void sizeRefusalNamesTheEstimateAndTheLimit() {
        SubsetWalk.checkSize(2, 20); // 3^20 = 3,486,784,401 entries: accepted
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SubsetWalk.checkSize(2, 21));
        assertEquals("law.too-large", e.code());
        assertTrue(e.getMessage().contains("10460353203") && e.getMessage().contains("3500000000")
                && e.getMessage().contains("21 positions"), e.getMessage());
        InvalidInputException f = assertThrows(InvalidInputException.class, () -> SubsetWalk.checkSize(3, 16));
        assertTrue(f.getMessage().contains("4294967296"), f.getMessage());
        assertFalse(SubsetWalk.estimateCells(2, 20).compareTo(BigInteger.valueOf(SubsetWalk.MAX_CELLS)) > 0);
    }
}
