package org.dlmexact.law;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.dlmexact.law.LawEnumerator.Named;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The marginals of the subset lattice against a direct summation over the table. */
class MarginalLatticeProperties {

    /** Full grids (no symmetry reduction: indexing bugs are not symmetric) and seeded laws. */
    static List<Named> laws() {
        List<Named> out = new ArrayList<>();
        out.addAll(LawEnumerator.grid(2, 1, 3));
        out.addAll(LawEnumerator.grid(3, 1, 3));
        out.addAll(LawEnumerator.grid(2, 2, 3));
        out.addAll(LawEnumerator.grid(3, 2, 1));
        out.addAll(LawEnumerator.grid(2, 3, 2));
        int[][] spaces = {{2, 4}, {2, 5}, {2, 6}, {3, 3}, {3, 4}, {4, 2}, {4, 3}, {5, 2}};
        for (int[] s : spaces) {
            out.addAll(LawEnumerator.seeded("sparse", s[0], s[1], 1, 5));
        }
        return out;
    }

    /** {@code D mu(X_S = y)} by summing every outcome whose restriction to {@code S} is {@code y}. */
    static BigInteger[] directMarginal(Law law, int mask) {
        SequenceSpace sp = law.space();
        int k = Integer.bitCount(mask);
        BigInteger[] m = new BigInteger[sp.power(k)];
        Arrays.fill(m, BigInteger.ZERO);
        for (int idx = 0; idx < sp.size(); idx++) {
            int[] x = sp.outcome(idx);
            int y = 0;
            for (int i = 0; i < sp.length(); i++) {
                if ((mask & (1 << i)) != 0) {
                    y = y * sp.alphabetSize() + x[i];
                }
            }
            m[y] = m[y].add(law.weight(idx));
        }
        return m;
    }

    @TestFactory
    Stream<DynamicTest> latticeMarginalsEqualDirectSums() {
        return laws().stream().map(n -> dynamicTest(n.name(), () -> {
            Law law = n.law();
            MarginalLattice lattice = MarginalLattice.of(law);
            for (int mask = 0; mask <= law.space().fullMask(); mask++) {
                assertArrayEquals(directMarginal(law, mask), lattice.marginal(mask), "mask " + mask);
            }
            assertArrayEquals(new BigInteger[] {law.denominator()}, lattice.marginal(0), "empty marginal");
        }));
    }

    @TestFactory
    Stream<DynamicTest> projectMatchesOutcomeDigits() {
        return Stream.of(SequenceSpace.of(2, 4), SequenceSpace.of(3, 3), SequenceSpace.of(5, 2))
                .map(sp -> dynamicTest(sp.toString(), () -> {
                    for (int idx = 0; idx < sp.size(); idx++) {
                        int[] x = sp.outcome(idx);
                        assertEquals(idx, sp.index(x));
                        for (int mask = 0; mask <= sp.fullMask(); mask++) {
                            int y = 0;
                            for (int i = 0; i < sp.length(); i++) {
                                if ((mask & (1 << i)) != 0) {
                                    y = y * sp.alphabetSize() + x[i];
                                }
                            }
                            assertEquals(y, sp.project(idx, mask), "idx " + idx + " mask " + mask);
                        }
                    }
                }));
    }
}
