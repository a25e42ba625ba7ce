package org.dlmexact.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.law.SequenceSpace;
import org.dlmexact.exact.Rational;
import org.junit.jupiter.api.Test;

class PredictiveRowsTest {

    /** A predictor with the row (1/2, 1/2) for every context it is asked about, counting the questions. */
    private static final class Counting implements Predictor {
        int asked;

        @Override
        public Rational[] row(int visibleMask, int valuesIndex, int position) {
            asked++;
            return new Rational[] {Rational.of(1, 2), Rational.of(1, 2)};
        }

        @Override
        public boolean isOptimal() {
            return false;
        }

        @Override
        public String description() {
            return "counting";
        }
    }

    /** A context outside the space is refused (naming it) before the predictor is asked about it. */
    @Test
    void contextsOutsideTheSpaceAreRefusedBeforeThePredictorIsAsked() {
        MarginalLattice lat = MarginalLattice.of(Families.uniform(2, 3));
        Counting p = new Counting();
        PredictiveRows rows = new PredictiveRows(lat, p);
        assertSame(lat, rows.lattice());
        assertSame(p, rows.predictor());
        int[][] bad = {
            {Integer.MIN_VALUE, 0, 0}, // negative mask, no other argument out of range
            {8, 0, 0},                 // mask beyond the 3 positions
            {0, 0, -1},
            {0, 0, 3},                 // position L
            {0b010, 0, 1},             // visible position
            {0b100, 0, 2},
            {0, -1, 0},
            {0b001, 2, 1},             // values index V^1 with one visible position
            {0b011, 4, 2},
        };
        for (int[] b : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> rows.row(b[0], b[1], b[2]), Arrays.toString(b));
            String want = "bad context: mask " + b[0] + ", values " + b[1] + ", position " + b[2];
            assertTrue(e.getMessage().contains(want), e.getMessage());
        }
        assertEquals(0, p.asked);
        // in range, the predictor is asked once per context (the row is cached)
        Rational[] half = {Rational.of(1, 2), Rational.of(1, 2)};
        assertArrayEquals(half, rows.row(0b101, 3, 1));
        assertArrayEquals(half, rows.row(0b101, 3, 1));
        assertArrayEquals(half, rows.row(0, 0, 2));
        assertEquals(2, p.asked);
    }

    /**
     * {@link PredictorTerm#firstOutcome}: the least outcome index with positive mass that agrees
     * with the context's visible values and token, by a direct scan of the outcomes; none when no
     * supported outcome extends the context.
     */
    @Test
    void firstOutcomeIsTheLeastSupportedExtension() {
        for (String spec : List.of("repetition:2,3", "parity:3", "repetition:3,2", "random:2,3,4")) {
            Law law = Families.parse(spec);
            MarginalLattice lat = MarginalLattice.of(law);
            SequenceSpace sp = law.space();
            for (int mask = 0; mask < sp.fullMask(); mask++) {
                for (int values = 0; values < sp.power(Integer.bitCount(mask)); values++) {
                    for (int i = 0; i < sp.length(); i++) {
                        if ((mask & (1 << i)) != 0) {
                            continue;
                        }
                        for (int token = 0; token < sp.alphabetSize(); token++) {
                            Context ctx = Context.of(sp, mask, values, i, token);
                            int[] pos = ctx.visiblePositions();
                            int[] val = ctx.visibleValues();
                            int want = -1;
                            for (int idx = 0; idx < sp.size() && want < 0; idx++) {
                                int[] x = sp.outcome(idx);
                                boolean agrees = law.weight(idx).signum() > 0 && x[i] == token;
                                for (int n = 0; n < pos.length; n++) {
                                    agrees &= x[pos[n]] == val[n];
                                }
                                if (agrees) {
                                    want = idx;
                                }
                            }
                            if (want < 0) {
                                IllegalStateException e = assertThrows(IllegalStateException.class,
                                        () -> PredictorTerm.firstOutcome(lat, ctx), spec + " " + ctx);
                                assertTrue(e.getMessage().contains(ctx.toString()), e.getMessage());
                            } else {
                                assertEquals(want, PredictorTerm.firstOutcome(lat, ctx), spec + " " + ctx);
                            }
                        }
                    }
                }
            }
        }
    }
}
