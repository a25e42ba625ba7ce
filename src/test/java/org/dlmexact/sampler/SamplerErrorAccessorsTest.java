package org.dlmexact.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.InformationProfile;
import org.junit.jupiter.api.Test;

class SamplerErrorAccessorsTest {

    /** What was passed in, the step sizes and visible counts, and the closed-form step terms. */
    @Test
    void accessorsAndStepTerms() {
        Law law = Families.random(2, 3, 7);
        Schedule s = Schedule.of(3, 2, 1);
        Predictor p = Predictors.smoothed(MarginalLattice.of(law), Rational.of(1, 4));
        SamplerError e = SamplerError.compute(law, s, p);
        assertSame(law, e.law());
        assertSame(s, e.schedule());
        assertEquals("smoothed:1/4", e.predictor());
        assertArrayEquals(new int[] {2, 1}, e.revealOrder());
        assertSame(s, ((RandomOrder) e.samplerLaw().sampler()).schedule());
        assertEquals(e.outputLaw(), e.samplerLaw().law());
        InformationProfile info = InformationProfile.of(law);
        List<SamplerError.StepTerms> steps = e.steps();
        assertEquals(2, steps.size());
        int[] visibleBefore = {0, 2};
        for (int j = 1; j <= 2; j++) {
            SamplerError.StepTerms t = steps.get(j - 1);
            assertEquals(j, t.step());
            assertEquals(s.size(j), t.size());
            assertEquals(visibleBefore[j - 1], t.visibleBefore());
            assertEquals(IdealError.blockTerm(info, visibleBefore[j - 1], s.size(j)), t.closedFormTerm());
        }
        // 3 ordered partitions * 8 outcomes * 3 positions = 72 <= PARTITIONS_LIMIT
        assertEquals(SamplerError.Method.PARTITIONS, e.method());
    }

    /** ones on [2]^6: 6! partitions * 64 outcomes * 6 = 276480 > PARTITIONS_LIMIT, so AUTO uses the chain rule. */
    @Test
    void autoUsesTheChainRuleAboveThePartitionLimit() {
        Law law = Families.random(2, 6, 3);
        SamplerError e = SamplerError.compute(law, Schedule.parse("ones", 6, Schedule.Convention.REVEAL),
                Predictors.optimal(law));
        assertTrue(BigInteger.valueOf(720L * 64 * 6).compareTo(BigInteger.valueOf(SamplerError.PARTITIONS_LIMIT)) > 0);
        assertEquals(SamplerError.Method.CHAIN_RULE, e.method());
        assertFalse(e.pathAveragedKL().isInfinite());
        assertEquals(e.chainRuleKL().value(), e.pathAveragedKL().value());
    }

    /** On L = 1 the work is C(1,0) C(1,1) V = V: exactly MAX_WORK is accepted, one more refused. */
    @Test
    void workLimitIsInclusive() {
        Schedule one = Schedule.of(1, 1);
        int v = (int) SamplerError.MAX_WORK;
        assertEquals(BigInteger.valueOf(v), RandomOrder.work(v, one));
        SamplerError.checkSize(v, one);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SamplerError.checkSize(v + 1, one));
        assertEquals("sampler.too-large", e.code());
        assertTrue(e.getMessage().contains("need about " + (v + 1)), e.getMessage());
    }

    /** ones on [2]^12 (work 24 * 3^11 = 4251528) is refused before any row or profile is computed. */
    @Test
    void tooLargeIsRefusedBeforeAnythingIsComputed() {
        Predictor untouchable = new UntouchablePredictor();
        Law law = Families.uniform(2, 12);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SamplerError.compute(law,
                Schedule.parse("ones", 12, Schedule.Convention.REVEAL), untouchable));
        assertEquals("sampler.too-large", e.code());
        assertTrue(e.getMessage().contains("4251528"), e.getMessage());
    }
}
