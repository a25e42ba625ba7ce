package org.dlmexact.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.dlmexact.exact.Rational;
import org.dlmexact.law.Families;
import org.dlmexact.law.MarginalLattice;
import org.junit.jupiter.api.Test;

/**
 * The predicates that name the exceptional preconditions of {@link Partitions#forPartition} and
 * of the {@link PredictiveRows} constructor, against their definitions, and the exception each
 * method throws when its predicate is false.
 */
class ArgumentPredicatesTest {

    /**
     * Every array of one to three blocks over the masks of {@code L = 3}: an ordered partition of
     * {@code {0, 1, 2}} has non-empty blocks whose sizes add up to 3 and whose union is every position
     * (sizes adding up to the size of the union is disjointness).
     */
    @Test
    void isOrderedPartitionOnEveryArrayOfUpToThreeBlocksForLengthThree() {
        MarginalLattice lat = MarginalLattice.of(Families.uniform(2, 3));
        PredictiveRows rows = new PredictiveRows(lat, Predictors.optimal(lat));
        int partitions = 0;
        for (int n = 1; n <= 3; n++) {
            int[] blocks = new int[n];
            for (int code = 0; code < 1 << (4 * n); code++) {
                int union = 0;
                int sizes = 0;
                boolean nonEmpty = true;
                for (int b = 0; b < n; b++) {
                    blocks[b] = (code >> (4 * b)) & 0xF; // masks 0..15: some reach beyond position 2
                    union |= blocks[b];
                    sizes += Integer.bitCount(blocks[b]);
                    nonEmpty &= blocks[b] != 0;
                }
                boolean expected = nonEmpty && union == 0b111 && sizes == 3;
                int[] bs = blocks.clone();
                assertEquals(expected, Partitions.isOrderedPartition(bs, 0b111), Arrays.toString(bs));
                if (expected) {
                    partitions++;
                    assertEquals(lat.law().space(), Partitions.forPartition(rows, bs).space());
                } else {
                    assertThrows(IllegalArgumentException.class, () -> Partitions.forPartition(rows, bs),
                            Arrays.toString(bs));
                }
            }
        }
        // ordered set partitions of 3 elements: 1 + 6 + 6 (Fubini number 13)
        assertEquals(13, partitions);
    }

    @Test
    void aBuiltInPredictorFitsOnlyTheSpaceItWasBuiltFor() {
        MarginalLattice two = MarginalLattice.of(Families.uniform(2, 2));
        MarginalLattice three = MarginalLattice.of(Families.uniform(2, 3));
        MarginalLattice otherLaw = MarginalLattice.of(Families.parse("product:2:1/3,2/3"));
        Predictor optimal = Predictors.optimal(two);
        Predictor smoothed = Predictors.smoothed(two, Rational.of(1, 2));
        for (Predictor p : new Predictor[] {optimal, smoothed}) {
            assertTrue(PredictiveRows.fits(p, two.law().space()));
            assertTrue(PredictiveRows.fits(p, otherLaw.law().space())); // another law on the same space
            assertFalse(PredictiveRows.fits(p, three.law().space()));
            new PredictiveRows(otherLaw, p);
            assertThrows(IllegalArgumentException.class, () -> new PredictiveRows(three, p));
        }
    }

    @Test
    void aTableOrAnyOtherPredictorFitsEverySpace() {
        Predictor other = new UntouchablePredictor();
        MarginalLattice three = MarginalLattice.of(Families.uniform(2, 3));
        assertTrue(PredictiveRows.fits(other, three.law().space()));
        assertTrue(PredictiveRows.fits(other, MarginalLattice.of(Families.uniform(3, 2)).law().space()));
        new PredictiveRows(three, other);
    }
}
