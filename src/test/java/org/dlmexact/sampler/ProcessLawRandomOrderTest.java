package org.dlmexact.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.exact.Rational;
import org.junit.jupiter.api.Test;

class ProcessLawRandomOrderTest {

    /**
     * uniform:2,5 with sizes 1,4 and the optimal predictor: step 1 reveals one of the 5 positions
     * uniformly and its token with probability 1/2, so each (position, token) has probability 1/10;
     * step 2 reveals the rest, giving the uniform law.
     */
    @Test
    void stateLawOfTheSampler() {
        Law law = Families.uniform(2, 5);
        MarginalLattice lat = MarginalLattice.of(law);
        Schedule s = Schedule.of(5, 1, 4);
        ProcessLaw nu = ProcessLaw.compute(new PredictiveRows(lat, Predictors.optimal(lat)), RandomOrder.of(s));
        assertSame(s, ((RandomOrder) nu.sampler()).schedule());
        assertEquals(law, nu.law());
        assertEquals(List.of(0), nu.visibleSets(0));
        assertEquals(List.of(1, 2, 4, 8, 16), nu.visibleSets(1));
        assertEquals(List.of(31), nu.visibleSets(2));
        assertEquals(Rational.ONE, nu.stateProbability(0, 0, 0));
        for (int i = 0; i < 5; i++) {
            for (int a = 0; a < 2; a++) {
                assertEquals(Rational.of(1, 10), nu.stateProbability(1, 1 << i, a), "position " + i + " token " + a);
            }
        }
        for (int idx = 0; idx < 32; idx++) {
            assertEquals(Rational.of(1, 32), nu.stateProbability(2, 31, idx));
        }
        // out-of-range values, other sizes and absent sets have probability 0
        assertEquals(Rational.ZERO, nu.stateProbability(1, 16, 2));
        assertEquals(Rational.ZERO, nu.stateProbability(1, 16, -1));
        assertEquals(Rational.ZERO, nu.stateProbability(0, 0, 1));
        assertEquals(Rational.ZERO, nu.stateProbability(1, 3, 0));
        assertEquals(Rational.ZERO, nu.stateProbability(2, 15, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> nu.stateProbability(-1, 0, 0));
        assertTrue(e.getMessage().contains("step must be non-negative, got -1"), e.getMessage());
        // after the last step the state stays put: step 3 is the state after step 2
        for (int idx = 0; idx < 32; idx++) {
            assertEquals(nu.stateProbability(2, 31, idx), nu.stateProbability(3, 31, idx));
        }
        // 5! / (1! 4!) ordered partitions
        assertEquals(BigInteger.valueOf(5), Partitions.partitionCount(s));
    }

    /** Equality is by schedule and per-step token rules; the text is the spec; no tie-break in positions. */
    @Test
    void equalityTextAndTieBreak() {
        RandomOrder a = RandomOrder.of(Schedule.of(3, 1, 2));
        RandomOrder b = RandomOrder.of(Schedule.of(3, 1, 2));
        assertTrue(a.equals(b) && b.equals(a));
        assertEquals(a.hashCode(), b.hashCode());
        assertTrue(!a.equals(RandomOrder.of(Schedule.of(3, 2, 1))));
        assertTrue(!a.equals(RandomOrder.withTokenRules(Schedule.of(3, 1, 2),
                new TokenRule[] {TokenRule.PLAIN, Profile.ARGMAX})));
        RandomOrder argmax = RandomOrder.withTokenRules(Schedule.of(3, 1, 2),
                new TokenRule[] {TokenRule.PLAIN, Profile.ARGMAX});
        assertTrue(argmax.equals(RandomOrder.withTokenRules(Schedule.of(3, 1, 2),
                new TokenRule[] {TokenRule.PLAIN, Profile.ARGMAX})));
        assertTrue(!a.equals("random-order:1,2"));
        assertEquals("random-order:" + Schedule.of(3, 1, 2), a.toString());
        assertEquals(a.spec(), a.toString());
        assertTrue(a.tieBreak().startsWith("none: each step's positions are a uniformly random subset"), a.tieBreak());
    }
}
