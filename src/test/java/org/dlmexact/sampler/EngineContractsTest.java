package org.dlmexact.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Map;
import java.util.function.BiConsumer;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.Rational;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.law.SplitMix64;
import org.junit.jupiter.api.Test;

/**
 * What the engine refuses in a sampler's step kernels (SPEC section 10.1: branch weights summing to
 * exactly 1, rows of {@code V} or {@code V + 1} entries summing to 1, a visible position only kept or
 * re-masked, selectors keeping drawn tokens with weights summing to 1, a sampler that runs until every
 * position is visible revealing at least one per step, every position visible after the last fixed
 * step), and the defaults of {@link Sampler}, on small stub samplers written here.
 */
class EngineContractsTest {

    /** A sampler for tests: length, fixed steps (or -1) and the step kernel given. */
    static final class Stub implements Sampler {
        final int length;
        final int fixed;
        final boolean remasks;
        final BiConsumer<State, Moves> kernel;
        long work = 1;
        boolean byState;

        Stub(int length, int fixed, boolean remasks, BiConsumer<State, Moves> kernel) {
            this.length = length;
            this.fixed = fixed;
            this.remasks = remasks;
            this.kernel = kernel;
        }

        @Override
        public String spec() {
            return "stub:" + length;
        }

        @Override
        public String name() {
            return "stub";
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public int fixedSteps() {
            return fixed;
        }

        @Override
        public boolean revealsByState() {
            return byState;
        }

        @Override
        public boolean remasks() {
            return remasks;
        }

        @Override
        public void step(State state, Moves moves) {
            kernel.accept(state, moves);
        }

        @Override
        public String tieBreak() {
            return "none";
        }

        @Override
        public BigInteger work(int v) {
            return BigInteger.valueOf(work);
        }
    }

    static final Law UNIFORM = Families.uniform(2, 2);

    static ProcessLaw law(Sampler s) {
        return ProcessLaw.compute(ProfileSamplingTest.rows(UNIFORM), s);
    }

    static Rational[] r(String... s) {
        return RowsTest.r(s);
    }

    /** Reveal every masked position with the predictor's rows (one branch). */
    static final BiConsumer<State, Moves> ALL = (st, mv) -> mv.reveal(st.maskedMask());

    @Test
    void theDefaultsOfASampler() {
        Stub s = new Stub(2, 1, false, ALL);
        ProcessLaw q = law(s);
        assertEquals(UNIFORM, q.law());
        assertEquals(Rational.ONE, q.expectedModelCalls());
        assertEquals(q.expectedSteps(), q.expectedModelCalls());
        assertTrue(s.modelCalls().contains("one call per step"));
        assertTrue(s.entropyBudget().isEmpty());
        assertNull(s.plan(new SplitMix64(1)));
        assertEquals(ProcessLaw.MAX_WORK, s.maxWork());
        Stub big = new Stub(2, 1, false, ALL);
        big.work = ProcessLaw.MAX_WORK + 1;
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> law(big));
        assertEquals("sampler.too-large", e.code());
        assertTrue(e.getMessage().contains(Long.toString(ProcessLaw.MAX_WORK + 1)), e.getMessage());
        big.work = ProcessLaw.MAX_WORK;
        assertEquals(UNIFORM, law(big).law());
        assertThrows(IllegalArgumentException.class, () -> ProcessLaw.compute(ProfileSamplingTest.rows(UNIFORM),
                new Stub(3, 1, false, ALL)));
        assertThrows(IllegalArgumentException.class, () -> new ProcessSampler(ProfileSamplingTest.rows(UNIFORM),
                new Stub(3, 1, false, ALL)));
    }

    @Test
    void runsThatCannotEndAreRefused() {
        assertThrows(IllegalStateException.class, () -> law(new Stub(2, -1, true, ALL)), "re-masking needs fixed steps");
        IllegalStateException left = assertThrows(IllegalStateException.class, () -> law(new Stub(2, 1, false,
                (st, mv) -> mv.stay())));
        assertTrue(left.getMessage().contains("leaves masked positions"), left.getMessage());
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> law(new Stub(2, -1, false,
                (st, mv) -> mv.stay())));
        assertTrue(none.getMessage().contains("can reveal nothing"), none.getMessage());
        // a branch that reveals nothing beside one that does: still refused
        assertThrows(IllegalStateException.class, () -> law(new Stub(2, -1, false, (st, mv) -> {
            mv.reveal(Rational.of(1, 2), st.maskedMask());
            mv.reveal(Rational.of(1, 2), 0);
        })));
    }

    @Test
    void branchWeightsMustBePositiveAndSumToOne() {
        IllegalStateException half = assertThrows(IllegalStateException.class, () -> law(new Stub(2, 1, false,
                (st, mv) -> mv.reveal(Rational.of(1, 2), st.maskedMask()))));
        assertTrue(half.getMessage().contains("sum to 1/2"), half.getMessage());
        assertThrows(IllegalArgumentException.class, () -> law(new Stub(2, 1, false,
                (st, mv) -> mv.reveal(Rational.ZERO, st.maskedMask()))));
        assertThrows(IllegalArgumentException.class, () -> law(new Stub(2, 1, false,
                (st, mv) -> mv.reveal(Rational.of(-1), st.maskedMask()))));
    }

    @Test
    void rowsMustFitTheirPositions() {
        // drawn outside the sequence
        assertThrows(IllegalArgumentException.class, () -> law(new Stub(2, 1, false,
                (st, mv) -> mv.draw(Rational.ONE, 4, new Rational[2][], null))));
        assertThrows(IllegalArgumentException.class, () -> law(new Stub(2, 1, false,
                (st, mv) -> mv.draw(Rational.ONE, -1, new Rational[2][], null))));
        // rows array of the wrong length, a drawn position without a row, a row of V + 2 entries
        assertThrows(IllegalArgumentException.class, () -> law(new Stub(2, 1, false,
                (st, mv) -> mv.draw(Rational.ONE, 3, new Rational[3][], null))));
        assertThrows(IllegalArgumentException.class, () -> law(new Stub(2, 1, false,
                (st, mv) -> mv.draw(Rational.ONE, 3, new Rational[][] {r("1/2", "1/2"), null}, null))));
        assertThrows(IllegalArgumentException.class, () -> law(new Stub(2, 1, false,
                (st, mv) -> mv.draw(Rational.ONE, 3, new Rational[][] {r("1/2", "1/2"), r("1/2", "1/4", "1/4", "0")},
                        null))));
        // a visible position drawn with a row of V entries
        assertThrows(IllegalArgumentException.class, () -> law(new Stub(2, 2, true, (st, mv) -> {
            if (st.step() == 1) {
                mv.reveal(st.maskedMask());
            } else {
                mv.draw(Rational.ONE, 1, new Rational[][] {r("1/2", "1/2"), null}, null);
            }
        })));
        // rows not summing to 1, a negative entry, a visible row giving another token
        IllegalStateException sum = assertThrows(IllegalStateException.class, () -> law(new Stub(2, 1, false,
                (st, mv) -> mv.draw(Rational.ONE, 3, new Rational[][] {r("1/2", "1/4"), r("1/2", "1/2")}, null))));
        assertTrue(sum.getMessage().contains("sums to 3/4"), sum.getMessage());
        assertThrows(IllegalStateException.class, () -> law(new Stub(2, 1, false,
                (st, mv) -> mv.draw(Rational.ONE, 3, new Rational[][] {r("3/2", "-1/2"), r("1/2", "1/2")}, null))));
        assertThrows(IllegalStateException.class, () -> law(new Stub(2, 2, true, (st, mv) -> {
            if (st.step() == 1) {
                mv.reveal(st.maskedMask());
            } else {
                Rational[] other = r("0", "0", "0");
                other[1 - st.token(0)] = Rational.ONE;
                mv.draw(Rational.ONE, 1, new Rational[][] {other, null}, null);
            }
        })));
    }

    @Test
    void selectorsKeepDrawnTokensWithWeightsSummingToOne() {
        BiConsumer<State, Moves> undrawn = (st, mv) -> mv.draw(Rational.ONE, 1, new Rational[][] {r("1/2", "1/2"), null},
                (y, out) -> out.keep(Rational.ONE, 3));
        assertThrows(IllegalStateException.class, () -> law(new Stub(2, -1, false, undrawn)));
        BiConsumer<State, Moves> maskedKept = (st, mv) -> mv.draw(Rational.ONE, st.maskedMask(),
                new Rational[][] {r("1/4", "1/4", "1/2"), r("1/4", "1/4", "1/2")}, (y, out) -> out.keep(Rational.ONE,
                        st.maskedMask()));
        assertThrows(IllegalStateException.class, () -> law(new Stub(2, -1, false, maskedKept)));
        BiConsumer<State, Moves> light = (st, mv) -> mv.draw(Rational.ONE, st.maskedMask(),
                new Rational[][] {r("1/2", "1/2"), r("1/2", "1/2")}, (y, out) -> out.keep(Rational.of(1, 2),
                        st.maskedMask()));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> law(new Stub(2, 1, false, light)));
        assertTrue(e.getMessage().contains("sum to 1/2"), e.getMessage());
    }

    /**
     * A selector that keeps the same set twice with weights 1/3 and 2/3, and one that keeps position
     * 0 or 1 with probability 1/2 each: the first is the one-shot law; the second reveals one position
     * with the drawn token and leaves the other for step 2 (each state after step 1 has probability
     * 1/4: two positions times two tokens).
     */
    @Test
    void weightedKeptSetsAddUp() {
        Stub twice = new Stub(2, 1, false, (st, mv) -> mv.draw(Rational.ONE, st.maskedMask(),
                new Rational[][] {r("1/2", "1/2"), r("1/2", "1/2")}, (y, out) -> {
                    out.keep(Rational.of(1, 3), st.maskedMask());
                    out.keep(Rational.of(2, 3), st.maskedMask());
                }));
        assertEquals(UNIFORM, law(twice).law());
        Stub either = new Stub(2, -1, false, (st, mv) -> {
            int m = st.maskedMask();
            Rational[][] rows = new Rational[2][];
            for (int i : Context.positions(m)) {
                rows[i] = st.row(i);
            }
            mv.draw(Rational.ONE, m, rows, (y, out) -> {
                if (m == 3) {
                    out.keep(Rational.of(1, 2), 1);
                    out.keep(Rational.of(1, 2), 2);
                } else {
                    out.keep(Rational.ONE, m);
                }
            });
        });
        ProcessLaw q = law(either);
        assertEquals(UNIFORM, q.law());
        assertEquals(2, q.steps());
        for (int mask : new int[] {1, 2}) {
            for (int v = 0; v < 2; v++) {
                assertEquals(Rational.of(1, 4), q.stateProbability(1, mask, v));
            }
        }
        assertEquals(Map.of(1, Rational.ONE), q.revealedLaw(1));
        assertEquals(Rational.of(2), q.expectedSteps());
        // the sampler draws the kept set after the tokens: both positions end visible
        ProcessSampler ps = new ProcessSampler(ProfileSamplingTest.rows(UNIFORM), either);
        SplitMix64 rng = new SplitMix64(5);
        for (int n = 0; n < 50; n++) {
            java.util.List<int[]> t = ps.trajectory(rng);
            assertEquals(3, t.size());
            int[] first = t.get(1);
            assertTrue((first[0] < 0) != (first[1] < 0), "step 1 reveals exactly one position");
        }
        assertThrows(IllegalArgumentException.class, () -> q.stateProbability(-1, 0, 0));
        assertEquals(Rational.ZERO, q.stateProbability(1, 3, 0));
        assertEquals(Rational.ZERO, q.stateProbability(1, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> q.activeProbability(3));
        assertThrows(IllegalArgumentException.class, () -> q.unchangedProbability(0));
        assertEquals(java.util.List.of(1, 2), q.visibleSets(1));
        assertEquals(java.util.List.of(3), q.visibleSets(9));
    }

    /**
     * The checks of a drawn row at position 1 (not only 0): a visible position 1 needs a row of
     * {@code V + 1} entries and may give only its own token or "masked"; a masked position 1 takes
     * {@code V} or {@code V + 1} entries (the message names both).
     */
    @Test
    void rowsAreCheckedAtEveryPosition() {
        IllegalArgumentException shortRow = assertThrows(IllegalArgumentException.class, () -> law(new Stub(2, 2, true,
                (st, mv) -> {
                    if (st.step() == 1) {
                        mv.reveal(st.maskedMask());
                    } else {
                        mv.draw(Rational.ONE, 2, new Rational[][] {null, r("1/2", "1/2")}, null);
                    }
                })));
        assertEquals("position 1 is drawn without a row of 2 + 1 entries (a visible position can only be kept or"
                + " re-masked) entries", shortRow.getMessage());
        IllegalArgumentException masked = assertThrows(IllegalArgumentException.class, () -> law(new Stub(2, 1, false,
                (st, mv) -> mv.draw(Rational.ONE, 3, new Rational[][] {r("1/2", "1/2"), r("1")}, null))));
        assertEquals("position 1 is drawn without a row of 2 or 3 entries", masked.getMessage());
        IllegalStateException other = assertThrows(IllegalStateException.class, () -> law(new Stub(2, 2, true,
                (st, mv) -> {
                    if (st.step() == 1) {
                        mv.reveal(st.maskedMask());
                    } else {
                        Rational[] row = r("0", "0", "0");
                        row[1 - st.token(1)] = Rational.ONE;
                        mv.draw(Rational.ONE, 2, new Rational[][] {null, row}, null);
                    }
                })));
        assertTrue(other.getMessage().contains("row of position 1 gives token"), other.getMessage());
        // keeping or re-masking visible position 1 is fine: re-mask it with probability 1/2, then reveal it
        Stub keepOrRemask = new Stub(2, 3, true, (st, mv) -> {
            if (st.step() == 2) {
                Rational[] row = r("0", "0", "1/2");
                row[st.token(1)] = Rational.of(1, 2);
                mv.draw(Rational.ONE, 2, new Rational[][] {null, row}, null);
            } else {
                mv.reveal(st.maskedMask());
            }
        });
        ProcessLaw q = law(keepOrRemask);
        assertEquals(UNIFORM, q.law());
        for (int v = 0; v < 2; v++) {
            // after step 2: position 1 re-masked with probability 1/2 (position 0 uniform)
            assertEquals(Rational.of(1, 4), q.stateProbability(2, 1, v));
        }
    }

    /** A re-masking sampler with a single fixed step is accepted (fixed steps {@code >= 1}). */
    @Test
    void aRemaskingSamplerMayHaveOneStep() {
        assertEquals(UNIFORM, law(new Stub(2, 1, true, ALL)).law());
    }

    /** The state's own argument checks and views, at position 1 and at the edge of the values index. */
    @Test
    void stateChecksAndViews() {
        PredictiveRows rows = ProfileSamplingTest.rows(UNIFORM);
        // one visible position: values 0 and 1 exist, 2 does not; the full mask is a state (re-masking)
        assertThrows(IllegalArgumentException.class, () -> State.of(rows, 1, 1, 2, b -> { }));
        assertThrows(IllegalArgumentException.class, () -> State.of(rows, 1, 4, 0, b -> { }));
        assertThrows(IllegalArgumentException.class, () -> State.of(rows, 0, 1, 0, b -> { }));
        State full = State.of(rows, 1, 3, 3, b -> { });
        assertEquals(0, full.maskedCount());
        assertEquals(1, full.token(0));
        assertEquals(1, full.token(1));
        // position 1 visible with token 1 (values index 1), position 0 masked
        State s = State.of(rows, 1, 2, 1, b -> { });
        assertEquals(1, s.token(1));
        assertArrayEquals(new int[] {-1, 1}, s.tokens());
        assertThrows(IllegalArgumentException.class, () -> s.token(0));
        assertThrows(IllegalArgumentException.class, () -> s.token(2));
        assertThrows(IllegalArgumentException.class, () -> s.token(-1));
        State t = State.of(rows, 1, 1, 0, b -> { });
        assertArrayEquals(new int[] {0, -1}, t.tokens());
        assertEquals(1, t.maskedCount());
        assertEquals(2, t.maskedMask());
    }
}
