package org.dlmexact.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.List;
import java.util.stream.Stream;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.sampler.Mutant;
import org.dlmexact.sampler.PredictiveRows;
import org.dlmexact.sampler.Sampler;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every mutant is rejected by {@code validate trajectories}, and the report points at the step where
 * the mutant first differs from the sampler it mutates: a structural violation at that step, or the
 * worst context there (contexts with equal p-values, such as several below the smallest double, are
 * ordered by step). One fixed seed and 2000 runs each (deterministic); the step is derived by hand in
 * each case's {@code why}.
 */
class MutantRejectionTest {

    /** A mutant, the law and sampler it is run on, the step where it first differs, and why. */
    record Case(Mutant mutant, String law, String sampler, int step, String why) {
    }

    static final List<Case> CASES = List.of(
            new Case(Mutant.REVERSED_SCHEDULE, "random:2,4,7", "random-order:3,1", 1,
                    "step 1 reveals 1 position instead of 3"),
            new Case(Mutant.JOINT_BATCH, "pairs:4", "random-order:2,2", 1,
                    "a first batch that is a pair is drawn equal, where independent draws differ half the time"),
            new Case(Mutant.OFF_BY_ONE_VISIBLE, "random:2,4,7", "random-order:1,3", 2,
                    "step 1 conditions on nothing either way; step 2 forgets the one visible position"),
            new Case(Mutant.TEMPERATURE_HALF, "random:2,4,7", "random-order:2,2", 1,
                    "the first rows are squared"),
            new Case(Mutant.ENTROPY_REVERSED, "random:2,4,7", "dream:alg=entropy,steps=3", 1,
                    "step 1 reveals the position of largest entropy instead of smallest"),
            new Case(Mutant.STRICT_THRESHOLD, "pairs:4", "fast-dllm:threshold=1/2", 1,
                    "every first confidence is exactly 1/2: all pass >=, none passes >"),
            new Case(Mutant.TIES_HIGHEST, "pairs:4", "top-probability:1,3", 1,
                    "the four positions tie at step 1"),
            new Case(Mutant.DREAM_ROUND, "random:2,4,7", "dream:alg=entropy,steps=2", 1,
                    "4 (1 - t_1) = 1.998: floor 1, round 2"),
            new Case(Mutant.MDLM_NO_FINAL, "random:2,4,7", "mdlm:steps=3", 4,
                    "the final step (step 4) is missing"),
            new Case(Mutant.SHIFTED_LOGITS, "product:1/10,9/10;9/10,1/10;1/2,1/2;1/10,9/10", "random-order:2,2", 1,
                    "the first rows are the neighbours' marginals, far from the positions' own"));

    @TestFactory
    Stream<DynamicTest> everyMutantIsRejectedAtTheStepWhereItFirstDiffers() {
        assertEquals(Mutant.values().length, CASES.size(), "one case per mutant");
        return CASES.stream().map(c -> dynamicTest(c.mutant().id() + " of " + c.sampler() + " on " + c.law()
                + " (seed 3, 2000 runs): step " + c.step(), () -> {
                    Law law = Families.parse(c.law());
                    PredictiveRows rows = TrajectoryValidatorTest.rows(law);
                    Sampler right = TrajectoryValidatorTest.sampler(c.sampler(), law.length());
                    Sampler wrong = c.mutant().apply(right);
                    String runs = TrajectoryValidatorTest.runs(rows, wrong, 2000, 3);
                    TrajectoryValidator.Result r = TrajectoryValidatorTest.validate(runs, rows, right, 0.001);
                    assertFalse(r.consistent(), c.why() + ": p = " + r.pValue());
                    int at = r.violation() != null ? r.violation().step() : r.worstContexts().get(0).step();
                    assertEquals(c.step(), at, c.why() + "; " + (r.violation() != null ? r.violation()
                            : "worst context at step " + at));
                    if (r.violation() == null) {
                        assertTrue(r.worstContexts().get(0).adjustedPValue() < 0.001, "the worst context alone rejects");
                    }
                }));
    }
}
