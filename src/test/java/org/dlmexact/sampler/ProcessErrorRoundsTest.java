package org.dlmexact.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.Divergence;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.junit.jupiter.api.Test;

/**
 * The per-round terms of {@link ProcessError} for implementation profiles, on the symmetric Markov
 * chain of length 2 ({@code mu(00) = mu(11) = 9/20}, {@code mu(01) = mu(10) = 1/20}, uniform marginals),
 * every value derived by hand. Revealing both positions in one batch with the optimal predictor gives
 * the product of the marginals, {@code KL(mu || product) = (9/5) ln 3 - ln 5} ({@code tc}); revealing
 * them one at a time gives {@code mu} itself.
 */
class ProcessErrorRoundsTest {

    static final Law LAW = Families.parse("markov:2:9/10,1/10;1/10,9/10");

    static ExactReal tc() {
        return ExactReal.ln(3).multiply(Rational.of(9, 5)).subtract(ExactReal.ln(5));
    }

    static ProcessError error(String sampler, Schedule comparison) {
        return ProcessError.compute(LAW, Samplers.parse(sampler, 2, Schedule.Convention.REVEAL),
                Predictors.parse("optimal", LAW), comparison);
    }

    /** {@code d} is finite with the value {@code expected}. */
    static void finite(ExactReal expected, Divergence d, String what) {
        assertFalse(d.isInfinite(), what);
        assertEquals(expected, d.value(), what);
    }

    /**
     * {@code eb:gamma=1}: both entropies are {@code ln 2} and {@code 2 ln 2 - ln 2 <= 1}, so round 1
     * reveals both: its contribution, its data-path TC and the output KL are {@code tc}, the log-ratio
     * of the optimal predictor 0, the entropy gap {@code ln 2}; the process and the data path both take
     * round 1 with probability 1.
     */
    @Test
    void oneRoundOfEntropyBounded() {
        ProcessError e = error("eb:gamma=1", null);
        finite(tc(), e.outputKL(), "output KL");
        assertEquals(1, e.rounds().size());
        ProcessError.Round r = e.rounds().get(0);
        assertEquals(1, r.round());
        finite(tc(), r.cumulativeKL(), "cumulative");
        finite(tc(), r.contribution().orElseThrow(), "contribution");
        assertEquals(Optional.of(tc()), r.conditionalTC());
        finite(ExactReal.ZERO, r.predictorLogRatio().orElseThrow(), "log-ratio");
        assertEquals(Rational.ONE, r.samplerProbability());
        assertEquals(Optional.of(Rational.ONE), r.dataProbability());
        assertEquals(Optional.of(ExactReal.ln(2)), r.entropyGap());
        finite(tc(), e.roundSum().orElseThrow(), "round sum");
        assertEquals(Optional.of(Rational.ONE), e.dataExpectedRounds());
        assertEquals(Rational.ONE, e.expectedRounds());
        assertTrue(e.identityHolds());
        assertEquals(Optional.empty(), e.randomOrderOutputKL());
        assertSame(LAW, e.law());
        assertEquals("eb", e.sampler().name());
        assertEquals(Predictors.parse("optimal", LAW).description(), e.predictor());
        assertSame(e.processLaw().law(), e.outputLaw());
    }

    /**
     * {@code eb:gamma=1/3}: {@code ln 2 > 1/3}, so each round reveals one position: after round 1 the
     * completion with the optimal predictor is {@code mu} (KL 0), and so is the output; every term is 0
     * and both rounds are taken with probability 1 (two expected rounds).
     */
    @Test
    void twoRoundsOfEntropyBounded() {
        ProcessError e = error("eb:gamma=1/3", null);
        finite(ExactReal.ZERO, e.outputKL(), "output KL");
        assertEquals(2, e.rounds().size());
        for (ProcessError.Round r : e.rounds()) {
            finite(ExactReal.ZERO, r.cumulativeKL(), "round " + r.round());
            finite(ExactReal.ZERO, r.contribution().orElseThrow(), "round " + r.round());
            finite(ExactReal.ZERO, r.predictorLogRatio().orElseThrow(), "round " + r.round());
            assertEquals(Optional.of(ExactReal.ZERO), r.conditionalTC(), "round " + r.round());
            assertEquals(Optional.of(ExactReal.ZERO), r.entropyGap(), "round " + r.round());
            assertEquals(Rational.ONE, r.samplerProbability(), "round " + r.round());
            assertEquals(Optional.of(Rational.ONE), r.dataProbability(), "round " + r.round());
        }
        assertEquals(2, e.rounds().get(1).round());
        assertEquals(Optional.of(Rational.of(2)), e.dataExpectedRounds());
        assertEquals(Rational.of(2), e.expectedRounds());
        assertTrue(e.identityHolds());
    }

    /**
     * {@code llada:steps=2,temperature=0} reveals position 0 at its argmax (the lower of two tied
     * tokens, 0), then position 1 at the likelier token given 0, so the output is the point mass on 00.
     * After round 1 the completion is {@code 2 mu(x)} on {@code x_0 = 0} and 0 on {@code x_0 = 1}: its KL
     * is infinite, first witnessed at 10 (index 2), and so is round 1's contribution; round 2 adds nothing
     * new (no contribution). On the data path the argmax row gives the data's token 1 probability 0, so
     * the log-ratio of round 1 is infinite and the round sum too; the identity holds with both sides infinite.
     */
    @Test
    void argmaxTokensMakeTheTermsInfinite() {
        ProcessError e = error("llada:steps=2,temperature=0", null);
        assertTrue(e.outputKL().isInfinite());
        assertEquals(2, e.rounds().size());
        ProcessError.Round first = e.rounds().get(0);
        assertTrue(first.cumulativeKL().isInfinite());
        assertEquals(2, first.cumulativeKL().witness().getAsInt());
        assertTrue(first.contribution().orElseThrow().isInfinite());
        assertTrue(first.predictorLogRatio().orElseThrow().isInfinite());
        ProcessError.Round second = e.rounds().get(1);
        assertTrue(second.cumulativeKL().isInfinite());
        assertEquals(Optional.empty(), second.contribution());
        assertTrue(e.roundSum().orElseThrow().isInfinite());
        assertTrue(e.identityHolds());
        assertEquals(Optional.empty(), first.entropyGap());
    }

    /**
     * A sampler that does not reveal by state has no data-path terms; the comparison schedule's
     * random-order KL is {@code tc} for one batch of 2 and 0 for two single tokens.
     */
    @Test
    void perPositionSamplerHasNoDataPathAndComparesWithRandomOrder() {
        ProcessError e = error("bernoulli:alphas=0;1/2;1", Schedule.of(2, 2));
        assertFalse(e.roundSum().isPresent());
        assertFalse(e.dataExpectedRounds().isPresent());
        assertTrue(e.identityHolds());
        for (ProcessError.Round r : e.rounds()) {
            assertFalse(r.conditionalTC().isPresent());
            assertFalse(r.predictorLogRatio().isPresent());
            assertFalse(r.dataProbability().isPresent());
            assertFalse(r.entropyGap().isPresent());
        }
        finite(tc(), e.randomOrderOutputKL().orElseThrow(), "random order, one batch");
        finite(ExactReal.ZERO, error("bernoulli:alphas=0;1/2;1", Schedule.of(2, 1, 1)).randomOrderOutputKL()
                .orElseThrow(), "random order, one at a time");
        // the rounds: 3 fixed steps (the final step finds nothing masked); P(a masked position before
        // step 1) = 1, before step 2 = P(not both at step 1) = 3/4, before step 3 = 0
        List<ProcessError.Round> rs = e.rounds();
        assertEquals(3, rs.size());
        assertEquals(Rational.ONE, rs.get(0).samplerProbability());
        assertEquals(Rational.of(3, 4), rs.get(1).samplerProbability());
        assertEquals(Rational.ZERO, rs.get(2).samplerProbability());
        // the output law is 1/2 mu + 1/2 product, so the last cumulative KL is (17/10) ln 3 - (9/10) ln 7
        ExactReal out = ExactReal.ln(3).multiply(Rational.of(17, 10)).subtract(ExactReal.ln(7).multiply(
                Rational.of(9, 10)));
        finite(out, rs.get(2).cumulativeKL(), "last round");
        finite(out, e.outputKL(), "output KL");
    }

    @Test
    void lengthsMustMatch() {
        Sampler three = Samplers.parse("eb:gamma=1", 3, Schedule.Convention.REVEAL);
        Predictor p = Predictors.parse("optimal", LAW);
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class,
                () -> ProcessError.compute(LAW, three, p));
        assertTrue(a.getMessage().contains("has length 3 but the law has length 2"), a.getMessage());
        Sampler two = Samplers.parse("eb:gamma=1", 2, Schedule.Convention.REVEAL);
        IllegalArgumentException b = assertThrows(IllegalArgumentException.class,
                () -> ProcessError.compute(LAW, two, p, Schedule.of(3, 3)));
        assertTrue(b.getMessage().contains("has length 3 but the law has length 2"), b.getMessage());
    }

    /**
     * A sampler declared to reveal by state must reveal one batch of tokens per step: a row of
     * {@code V + 1} entries (even one that never draws "masked") is refused when the data path is
     * computed, after the exact law itself was accepted.
     */
    @Test
    void aStateSamplerMustDrawTokenRows() {
        EngineContractsTest.Stub byState = new EngineContractsTest.Stub(2, 2, false, (st, mv) -> {
            int i = Integer.numberOfTrailingZeros(st.maskedMask());
            Rational[][] rows = new Rational[2][];
            rows[i] = new Rational[] {Rational.of(1, 2), Rational.of(1, 2), Rational.ZERO};
            mv.draw(Rational.ONE, 1 << i, rows, null);
        });
        byState.byState = true;
        PredictiveRows rows = new PredictiveRows(org.dlmexact.law.MarginalLattice.of(LAW), Predictors.parse("optimal",
                LAW));
        // the exact law is fine: position 0 then position 1, tokens uniform
        assertEquals(Families.uniform(2, 2), ProcessLaw.compute(rows, byState).law());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ProcessError.compute(LAW, byState, Predictors.parse("optimal", LAW)));
        assertTrue(e.getMessage().contains("is declared to reveal by state"), e.getMessage());
    }
}
