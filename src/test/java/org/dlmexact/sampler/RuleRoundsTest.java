package org.dlmexact.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.law.SequenceSpace;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.Rational;
import org.junit.jupiter.api.Test;

/**
 * The round-by-round state laws of {@link ProcessLaw} and the per-round terms of {@link ProcessError}
 * on a process whose number of rounds depends on the draws, with every value derived by hand.
 */
class RuleRoundsTest {

    private static final SequenceSpace S25 = SequenceSpace.of(2, 5);
    private static final Rational HALF = Rational.of(1, 2);
    private static final Rational QUARTER = Rational.of(1, 4);

    /**
     * On [2]^5: with only position 0 visible, x_0 = 0 makes positions 1, 2, 3 certain (row (1, 0))
     * and x_0 = 1 makes position 4 certain; every other row is (1/2, 1/2).
     *
     * <p>With {@code entropy-sum:0} (reveal the zero-entropy positions, else the lowest one):
     * round 1 reveals {0} (all entropies ln 2); then x_0 = 0 reveals {1,2,3} (visible 15) and
     * x_0 = 1 reveals {4} with x_4 = 0 (visible 17); then 15 reveals {4} (full), while 17 reveals
     * {1} (19), {2} (23), {3} (full). So the process takes 3 rounds with probability 1/2 and 5
     * rounds with probability 1/2: expected rounds 4, and
     * {@code Q(00000) = Q(00001) = 1/4}, {@code Q(1 x_1 x_2 x_3 0) = 1/16}.
     */
    static final class Branching implements Predictor {
        @Override
        public Rational[] row(int visibleMask, int valuesIndex, int position) {
            boolean certain = visibleMask == 1
                    && (valuesIndex == 0 ? position >= 1 && position <= 3 : position == 4);
            return certain ? new Rational[] {Rational.ONE, Rational.ZERO} : new Rational[] {HALF, HALF};
        }

        @Override
        public boolean isOptimal() {
            return false;
        }

        @Override
        public String description() {
            return "branching";
        }
    }

    /** The index of the digits {@code d} (position order, most significant first). */
    private static int index(int... d) {
        int r = 0;
        for (int x : d) {
            r = 2 * r + x;
        }
        return r;
    }

    @Test
    void stateLawsRoundByRound() {
        Rule rule = Rule.entropySum(Rational.ZERO, 5);
        MarginalLattice lat = MarginalLattice.of(Families.uniform(2, 5));
        ProcessLaw q = ProcessLaw.compute(new PredictiveRows(lat, new Branching()), rule);
        assertSame(rule, q.sampler());
        assertEquals(5, q.steps());
        assertEquals(Rational.of(4), q.expectedSteps());

        assertEquals(List.of(0), q.visibleSets(0));
        assertEquals(List.of(1), q.visibleSets(1));
        assertEquals(List.of(15, 17), q.visibleSets(2));
        assertEquals(List.of(19, 31), q.visibleSets(3));
        assertEquals(List.of(23, 31), q.visibleSets(4));
        assertEquals(List.of(31), q.visibleSets(5));
        // after the last round the state stays put
        assertEquals(List.of(31), q.visibleSets(9));

        assertEquals(Rational.ONE, q.stateProbability(0, 0, 0));
        assertEquals(HALF, q.stateProbability(1, 1, 0));
        assertEquals(HALF, q.stateProbability(1, 1, 1));
        // visible 15 = {0,1,2,3} with values 0000; visible 17 = {0,4} with values (1, 0)
        assertEquals(HALF, q.stateProbability(2, 15, index(0, 0, 0, 0)));
        assertEquals(HALF, q.stateProbability(2, 17, index(1, 0)));
        assertEquals(Rational.ZERO, q.stateProbability(2, 17, index(1, 1)));
        assertEquals(Rational.ZERO, q.stateProbability(2, 17, index(0, 0)));
        assertEquals(Rational.ZERO, q.stateProbability(2, 15, index(0, 0, 0, 1)));
        // out-of-range values and absent visible sets have probability 0
        assertEquals(Rational.ZERO, q.stateProbability(2, 17, 4));
        assertEquals(Rational.ZERO, q.stateProbability(2, 17, -1));
        assertEquals(Rational.ZERO, q.stateProbability(2, 3, 0));
        // round 3: the x_0 = 0 branch is done, x_4 drawn uniformly; the other reveals position 1
        assertEquals(QUARTER, q.stateProbability(3, 31, index(0, 0, 0, 0, 0)));
        assertEquals(QUARTER, q.stateProbability(3, 31, index(0, 0, 0, 0, 1)));
        assertEquals(QUARTER, q.stateProbability(3, 19, index(1, 0, 0)));
        assertEquals(QUARTER, q.stateProbability(3, 19, index(1, 1, 0)));
        assertEquals(Rational.of(1, 8), q.stateProbability(4, 23, index(1, 1, 0, 0)));
        for (int round : new int[] {5, 6, 100}) {
            assertEquals(QUARTER, q.stateProbability(round, 31, index(0, 0, 0, 0, 1)));
            assertEquals(Rational.of(1, 16), q.stateProbability(round, 31, index(1, 0, 1, 1, 0)));
            assertEquals(Rational.ZERO, q.stateProbability(round, 31, index(1, 0, 1, 1, 1)));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> q.stateProbability(-1, 0, 0));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());

        // every layer is a probability law over the states
        for (int round = 0; round <= 6; round++) {
            Rational sum = Rational.ZERO;
            for (int s : q.visibleSets(round)) {
                for (int values = 0; values < S25.power(Integer.bitCount(s)); values++) {
                    sum = sum.add(q.stateProbability(round, s, values));
                }
            }
            assertEquals(Rational.ONE, sum, "round " + round);
        }
        for (int idx = 0; idx < S25.size(); idx++) {
            int[] x = S25.outcome(idx);
            Rational want = x[0] == 0 ? (x[1] + x[2] + x[3] == 0 ? QUARTER : Rational.ZERO)
                    : (x[4] == 0 ? Rational.of(1, 16) : Rational.ZERO);
            assertEquals(want, q.law().probability(idx), S25.format(idx));
        }
    }

    /**
     * The per-round terms of the error of the same process for the uniform law: the data path
     * also takes 3 rounds when x_0 = 0 and 5 when x_0 = 1. Q^(1) = mu (x_0 is drawn from its true
     * marginal and the rest completed from mu), so round 1 contributes 0; after round 2 the
     * predictor has fixed x_1 = x_2 = x_3 = 0 or x_4 = 0, so KL(mu || Q^(2)) = +inf; the later
     * rounds contribute nothing defined.
     */
    @Test
    void roundTermsOfAProcessWithVariableRounds() {
        Law law = Families.uniform(2, 5);
        Rule rule = Rule.entropySum(Rational.ZERO, 5);
        ProcessError e = ProcessError.compute(law, rule, new Branching());
        assertSame(law, e.law());
        assertSame(rule, e.sampler());
        assertEquals("branching", e.predictor());
        assertTrue(e.outputKL().isInfinite());
        assertTrue(e.roundSum().orElseThrow().isInfinite());
        assertTrue(e.identityHolds());
        assertEquals(Rational.of(4), e.expectedRounds());
        assertEquals(Rational.of(4), e.dataExpectedRounds().orElseThrow());

        List<ProcessError.Round> rounds = e.rounds();
        assertEquals(5, rounds.size());
        Rational[] happens = {Rational.ONE, Rational.ONE, Rational.ONE, HALF, HALF};
        Rational total = Rational.ZERO;
        for (int j = 1; j <= 5; j++) {
            ProcessError.Round r = rounds.get(j - 1);
            assertEquals(j, r.round());
            assertEquals(happens[j - 1], r.samplerProbability(), "round " + j);
            assertEquals(happens[j - 1], r.dataProbability().orElseThrow(), "round " + j);
            total = total.add(r.samplerProbability());
        }
        // E[rounds] = sum_j P(round j happens)
        assertEquals(e.expectedRounds(), total);

        ProcessError.Round first = rounds.get(0);
        assertFalse(first.cumulativeKL().isInfinite());
        assertTrue(first.cumulativeKL().value().isZero());
        assertTrue(first.contribution().orElseThrow().value().isZero());
        assertTrue(first.predictorLogRatio().orElseThrow().value().isZero());
        ProcessError.Round second = rounds.get(1);
        assertTrue(second.cumulativeKL().isInfinite());
        assertTrue(second.contribution().orElseThrow().isInfinite());
        assertTrue(second.predictorLogRatio().orElseThrow().isInfinite());
        for (int j = 3; j <= 5; j++) {
            ProcessError.Round r = rounds.get(j - 1);
            assertTrue(r.cumulativeKL().isInfinite(), "round " + j);
            assertTrue(r.contribution().isEmpty(), "round " + j);
            // no data path meets a zero-probability prediction after round 2
            assertFalse(r.predictorLogRatio().orElseThrow().isInfinite(), "round " + j);
        }
    }

    /** The work estimates of the class comment: (V+1)^L L, and V^L sum_j C(L, N_{j-1}). */
    @Test
    void workEstimates() {
        assertEquals(BigInteger.valueOf(81), Rule.entropySum(Rational.ZERO, 3).work(2)); // 3^3 * 3
        assertEquals(BigInteger.valueOf(32), Rule.topProbability(Schedule.of(2, 2)).work(3)); // 4^2 * 2
        // 2^3 (C(3,0) + C(3,1) + C(3,2)) = 8 * 7
        assertEquals(BigInteger.valueOf(56), Rule.lowConfidence(Schedule.of(3, 1, 1, 1)).work(2));
        // 2^3 (C(3,0) + C(3,2)) = 8 * 4
        assertEquals(BigInteger.valueOf(32), Rule.lowConfidence(Schedule.of(3, 2, 1)).work(2));
        assertEquals(BigInteger.valueOf(8), Rule.lowConfidence(Schedule.of(3, 3)).work(2));
    }

    /** {@link Rule#checkSize} accepts a work of exactly {@link Rule#MAX_WORK} and refuses one more. */
    @Test
    void sizeLimitIsInclusive() {
        Rule det = Rule.entropySum(Rational.ONE, 1);
        // L = 1: (V+1)^1 * 1 = V + 1
        det.checkSize((int) Rule.MAX_WORK - 1);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> det.checkSize((int) Rule.MAX_WORK));
        assertEquals("rule.too-large", e.code());
        assertTrue(e.getMessage().contains((Rule.MAX_WORK + 1) + " state-position visits ((V+1)^L L)"),
                e.getMessage());
        Rule low = Rule.lowConfidence(Schedule.of(1, 1));
        // L = 1, sizes 1: V^1 C(1, 0) = V
        low.checkSize((int) Rule.MAX_WORK);
        InvalidInputException f = assertThrows(InvalidInputException.class,
                () -> low.checkSize((int) Rule.MAX_WORK + 1));
        assertEquals("rule.too-large", f.code());
        assertTrue(f.getMessage().contains((Rule.MAX_WORK + 1) + " enumerated draws (V^L sum_j C(L,N_{j-1}))"),
                f.getMessage());
    }

    /** A predictor that must not be consulted. */
    private static Predictor untouchable() {
        return new UntouchablePredictor();
    }

    /**
     * low-confidence:ones on [2]^11 needs 2^11 (2^11 - 1) = 4192256 draws, above the limit: refused
     * up front, before any row is asked for (and, in ProcessError, before the predictor's space is checked).
     */
    @Test
    void tooLargeRulesAreRefusedUpFront() {
        Law law = Families.uniform(2, 11);
        Rule rule = Rule.lowConfidence(Schedule.parse("ones", 11, Schedule.Convention.REVEAL));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ProcessError.compute(law, rule, Predictors.optimal(Families.uniform(2, 3))));
        assertEquals("rule.too-large", e.code());
        assertTrue(e.getMessage().contains("4192256"), e.getMessage());
        PredictiveRows rows = new PredictiveRows(MarginalLattice.of(law), untouchable());
        InvalidInputException f = assertThrows(InvalidInputException.class, () -> ProcessLaw.compute(rows, rule));
        assertEquals("rule.too-large", f.code());
        assertTrue(f.getMessage().contains("4192256"), f.getMessage());
    }
    /**
     * On [2]^15 the marginal lattice alone needs 3^15 = 14348907 cells, above its limit: that is
     * what is reported, before the rule's own estimate (which is also too large).
     */
    @Test
    void aLawTooLargeForTheLatticeIsReportedFirst() {
        Law law = Families.uniform(2, 15);
        Rule rule = Rule.entropySum(Rational.ZERO, 15);
        assertTrue(rule.work(2).compareTo(BigInteger.valueOf(Rule.MAX_WORK)) > 0);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ProcessError.compute(law, rule, untouchable()));
        assertEquals("law.too-large", e.code());
        assertTrue(e.getMessage().contains("14348907"), e.getMessage());
    }
}
