package org.dlmexact.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.sampler.Predictor;
import org.dlmexact.sampler.Predictors;
import org.dlmexact.sampler.ProcessError;
import org.dlmexact.sampler.Samplers;
import org.dlmexact.sampler.Schedule;
import org.junit.jupiter.api.Test;

/**
 * {@link ProfileChecks} on laws of length 2 whose every value is derived by hand. The law is the
 * symmetric Markov chain {@code mu(00) = mu(11) = 9/20}, {@code mu(01) = mu(10) = 1/20} (uniform
 * marginals). Revealing both positions in one batch with the optimal predictor gives the product of
 * the marginals (1/4 each), with {@code KL(mu || product) = 2 (9/20) ln(9/5) + 2 (1/20) ln(1/5)
 * = (9/5) ln 3 - ln 5}; revealing them one at a time gives {@code mu} itself (KL 0).
 */
class ProfileChecksTest {

    static final String MARKOV = "markov:2:9/10,1/10;1/10,9/10";

    /** {@code (9/5) ln 3 - ln 5}: the total correlation of the chain. */
    static ExactReal tc() {
        return ExactReal.ln(3).multiply(Rational.of(9, 5)).subtract(ExactReal.ln(5));
    }

    static Law law() {
        Law law = Families.parse(MARKOV);
        // the law the hand derivations assume
        assertEquals(Rational.of(9, 20), law.probability(0));
        assertEquals(Rational.of(1, 20), law.probability(1));
        assertEquals(Rational.of(1, 20), law.probability(2));
        assertEquals(Rational.of(9, 20), law.probability(3));
        return law;
    }

    static ProfileChecks checks(String sampler, String predictor) {
        Law law = law();
        return checks(law, sampler, Predictors.parse(predictor, law));
    }

    static ProfileChecks checks(Law law, String sampler, Predictor p) {
        ProcessError e = ProcessError.compute(law, Samplers.parse(sampler, 2, Schedule.Convention.REVEAL), p);
        return ProfileChecks.of(e, p);
    }

    /** The three checks of a per-position sampler with plain tokens and no final argmax. */
    static final List<String> MIXTURE = List.of("size-mixture-law", "size-mixture-convexity",
            "size-mixture-closed-form");

    static List<String> ids(ProfileChecks c) {
        return c.checks().stream().map(Check::id).collect(Collectors.toList());
    }

    static Check check(ProfileChecks c, String id) {
        return c.checks().stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
    }

    static void allHold(ProfileChecks c) {
        for (Check k : c.checks()) {
            assertTrue(k.verdict().holds(), k.toString());
            assertEquals(Confidence.DERIVED, k.confidence(), k.id());
            assertEquals(ProfileChecks.SOURCE, k.source(), k.id());
        }
    }

    /**
     * {@code bernoulli:alphas=0;1/2;1}: step 1 reveals each position with probability 1/2, step 2
     * the rest. Sizes {@code (1,1)} with probability 1/2 (one position at step 1), {@code (2)} with
     * 1/2 (none or both at step 1). Output law {@code 1/2 mu + 1/2 product}: {@code 7/20} on 00 and 11,
     * {@code 3/20} on 01 and 10, so {@code KL(mu || law) = (9/10) ln(9/7) + (1/10) ln(1/3)
     * = (17/10) ln 3 - (9/10) ln 7}; {@code E_sizes KL(mu || nu_sizes) = 1/2 (0) + 1/2 tc}; the
     * closed form and the brute force both give {@code 1/2 tc}.
     */
    @Test
    void bernoulliMixtureOfTwoSizeSequences() {
        for (String spec : List.of("bernoulli:alphas=0;1/2;1", "bernoulli:alphas=0;1/2,final=sample")) {
            // with final=sample the leftover of step 1 is the final step's sampled batch: the same sizes, the
            // sequence (2) split into (2) at step 1 (1/4) and (2) at the final step (1/4)
            int sequences = spec.endsWith("final=sample") ? 3 : 2;
            ProfileChecks c = checks(spec, "optimal");
            assertEquals(MIXTURE, ids(c), spec);
            assertEquals(List.of(), c.skipped(), spec);
            allHold(c);
            Check law = check(c, "size-mixture-law");
            assertEquals(Relation.EQ, law.relation());
            assertEquals(ExactReal.ZERO, law.lhs().value(), spec);
            assertEquals(Verdict.EQUALITY, law.verdict(), spec);
            assertTrue(law.note().contains("over " + sequences + " size sequences"), law.note());
            Check convex = check(c, "size-mixture-convexity");
            assertEquals(Relation.LE, convex.relation());
            assertEquals(ExactReal.ln(3).multiply(Rational.of(17, 10)).subtract(ExactReal.ln(7).multiply(
                    Rational.of(9, 10))), convex.lhs().value(), spec);
            assertEquals(tc().multiply(Rational.of(1, 2)), convex.rhs().value(), spec);
            assertEquals(Verdict.HOLDS, convex.verdict(), spec);
            Check closed = check(c, "size-mixture-closed-form");
            assertEquals(Relation.EQ, closed.relation());
            assertEquals(tc().multiply(Rational.of(1, 2)), closed.lhs().value(), spec);
            assertEquals(tc().multiply(Rational.of(1, 2)), closed.rhs().value(), spec);
        }
    }

    /**
     * A predictor that always gives token 0 probability 1: with plain tokens every component's law is
     * the point mass on 00, so {@code KL(mu || nu_sizes)} is infinite (first witnessed at 01), the output
     * KL too, and the brute-force path error of every size sequence is infinite: the closed-form check
     * compares two infinite sides.
     */
    @Test
    void aPredictorWithZerosMakesEveryMixtureSideInfinite() {
        Law law = law();
        Predictor zeros = new Predictor() {
            @Override
            public Rational[] row(int visibleMask, int valuesIndex, int position) {
                return new Rational[] {Rational.ONE, Rational.ZERO};
            }

            @Override
            public boolean isOptimal() {
                return false;
            }

            @Override
            public String description() {
                return "always token 0";
            }
        };
        ProfileChecks c = checks(law, "bernoulli:alphas=0;1/2;1", zeros);
        assertEquals(MIXTURE, ids(c));
        allHold(c);
        Check convex = check(c, "size-mixture-convexity");
        assertTrue(convex.lhs().isInfinite());
        assertTrue(convex.rhs().isInfinite());
        assertEquals(1, convex.rhs().witness().getAsInt());
        Check closed = check(c, "size-mixture-closed-form");
        assertTrue(closed.lhs().isInfinite());
        assertTrue(closed.rhs().isInfinite());
        assertEquals(Verdict.EQUALITY, closed.verdict());
    }

    /**
     * A law with outcomes of probability 0 ({@code parity:2}: 00 and 11 with 1/2 each), under
     * {@code bernoulli:alphas=0;1/2;1}: sizes (1,1) give {@code mu}, sizes (2) the uniform product, so
     * {@code E_sizes KL(mu || nu_sizes) = 1/2 ln 2}; the output law is {@code 3/8} on 00 and 11 and
     * {@code 1/8} on 01 and 10, so {@code KL(mu || law) = ln(4/3)}; the closed form gives {@code 1/2 ln 2}.
     */
    @Test
    void outcomesOfProbabilityZeroAreLeftOut() {
        Law law = Families.parse("parity:2");
        assertEquals(Rational.ZERO, law.probability(1));
        ProfileChecks c = checks(law, "bernoulli:alphas=0;1/2;1", Predictors.parse("optimal", law));
        assertEquals(MIXTURE, ids(c));
        allHold(c);
        Check convex = check(c, "size-mixture-convexity");
        assertEquals(ExactReal.ln(Rational.of(4, 3)), convex.lhs().value());
        assertEquals(ExactReal.ln(2).multiply(Rational.of(1, 2)), convex.rhs().value());
        Check closed = check(c, "size-mixture-closed-form");
        assertEquals(ExactReal.ln(2).multiply(Rational.of(1, 2)), closed.lhs().value());
        assertEquals(ExactReal.ln(2).multiply(Rational.of(1, 2)), closed.rhs().value());
    }

    /** A final argmax batch (the default {@code final=argmax} with positions left) is not a predictor step. */
    @Test
    void finalArgmaxSkipsTheClosedForm() {
        ProfileChecks c = checks("bernoulli:alphas=0;1/2", "optimal");
        assertEquals(List.of("size-mixture-law", "size-mixture-convexity"), ids(c));
        allHold(c);
        assertEquals(1, c.skipped().size());
        assertTrue(c.skipped().get(0).startsWith("size-mixture-closed-form: a final argmax batch is not"),
                c.skipped().get(0));
        // sizes (1,1) 1/2, (2) by step 1 alone 1/4, (2) by the final argmax 1/4: 3 sequences
        assertTrue(check(c, "size-mixture-law").note().contains("over 3 size sequences"));
    }

    /**
     * {@code dream:alg=origin,steps=2,top_k=1} (eps 1/1000): step 1 reveals each position with probability
     * {@code r = (1 - 1/1000)/2}, step 2 the rest. Top-1 keeps both tied tokens of a uniform marginal and only
     * the likelier token (9/10) of a conditional. Sizes (1,1) (one position at step 1) put mass 1/2 on 00 and 11, none on 01 and 10, so {@code KL(mu || nu_(1,1))} is
     * infinite, witnessed first at 01; sizes (2) give the uniform product. With {@code P((1,1)) = 2 r (1 - r)
     * = 999999/2000000} the output law is {@code 2999999/8000000} on 00 and 11 and {@code 1000001/8000000} on
     * 01 and 10, so {@code KL(mu || law) = (9/10) ln(3600000/2999999) + (1/10) ln(400000/1000001)}, finite.
     * Filtered tokens skip the closed form.
     */
    @Test
    void filteredTokensGiveAnInfiniteMixtureBoundAndSkipTheClosedForm() {
        ProfileChecks c = checks("dream:alg=origin,steps=2,top_k=1", "optimal");
        assertEquals(List.of("size-mixture-law", "size-mixture-convexity"), ids(c));
        allHold(c);
        Check convex = check(c, "size-mixture-convexity");
        assertEquals(ExactReal.ln(Rational.of(3600000, 2999999)).multiply(Rational.of(9, 10))
                .add(ExactReal.ln(Rational.of(400000, 1000001)).multiply(Rational.of(1, 10))), convex.lhs().value());
        assertTrue(convex.rhs().isInfinite());
        assertEquals(1, convex.rhs().witness().getAsInt());
        assertEquals(Verdict.HOLDS, convex.verdict());
        assertEquals(ExactReal.ZERO, check(c, "size-mixture-law").lhs().value());
        assertEquals(List.of("size-mixture-closed-form: filtered or tempered tokens is not a predictor step of the"
                + " random-order sampler, so the closed form does not apply"), c.skipped());
    }

    /**
     * {@code eb:gamma=1}: at the start both entropies are {@code ln 2} and {@code 2 ln 2 - ln 2 = ln 2 <= 1},
     * so one step reveals both: output KL {@code tc}, data-path TC {@code tc}, entropy gap {@code ln 2}
     * and {@code gamma P(step 1) = 1}.
     */
    @Test
    void entropyBoundedOneStep() {
        ProfileChecks c = checks("eb:gamma=1", "optimal");
        assertEquals(List.of("process-identity", "eb-tc-le-entropy-gap", "eb-entropy-gap-le-gamma"), ids(c));
        assertEquals(List.of(), c.skipped());
        allHold(c);
        Check id = check(c, "process-identity");
        assertEquals(Relation.EQ, id.relation());
        assertEquals(tc(), id.lhs().value());
        assertEquals(tc(), id.rhs().value());
        Check gap = check(c, "eb-tc-le-entropy-gap");
        assertEquals(Relation.LE, gap.relation());
        assertEquals(tc(), gap.lhs().value());
        assertEquals(ExactReal.ln(2), gap.rhs().value());
        assertTrue(gap.note().startsWith("step 1: "), gap.note());
        Check gamma = check(c, "eb-entropy-gap-le-gamma");
        assertEquals(Relation.LE, gamma.relation());
        assertEquals(ExactReal.ln(2), gamma.lhs().value());
        assertEquals(ExactReal.ONE, gamma.rhs().value());
        assertTrue(gamma.note().startsWith("step 1: "), gamma.note());
    }

    /**
     * {@code eb:gamma=1/3}: {@code ln 2 > 1/3}, so the steps reveal one position each: the output is
     * {@code mu} (KL 0), every gap and TC is 0, and {@code gamma P(step) = 1/3} at both steps.
     */
    @Test
    void entropyBoundedOnePositionPerStep() {
        ProfileChecks c = checks("eb:gamma=1/3", "optimal");
        assertEquals(List.of("process-identity", "eb-tc-le-entropy-gap", "eb-entropy-gap-le-gamma",
                "eb-tc-le-entropy-gap", "eb-entropy-gap-le-gamma"), ids(c));
        allHold(c);
        for (Check k : c.checks()) {
            assertEquals(ExactReal.ZERO, k.lhs().value(), k.id());
            assertEquals(k.id().equals("eb-entropy-gap-le-gamma") ? ExactReal.of(Rational.of(1, 3)) : ExactReal.ZERO,
                    k.rhs().value(), k.id());
        }
        assertTrue(c.checks().get(3).note().startsWith("step 2: "));
    }

    /** Only the optimal predictor's entropies are the data's, so the gamma bound is skipped otherwise. */
    @Test
    void entropyBoundedWithASmoothedPredictorSkipsTheGammaBound() {
        ProfileChecks c = checks("eb:gamma=1", "smoothed:1/2");
        assertEquals(List.of("process-identity", "eb-tc-le-entropy-gap"), ids(c));
        allHold(c);
        assertEquals(1, c.skipped().size());
        assertTrue(c.skipped().get(0).startsWith("eb-entropy-gap-le-gamma: "), c.skipped().get(0));
    }

    /**
     * {@code dream:alg=entropy,steps=2} (eps 1/1000) reveals by state and is neither per-position nor EB.
     * Step 1 reveals {@code floor(2 (1 - t_1/t_0)) = floor(1 - 1/1000) = 0} positions, step 2 both in one
     * batch: the output is the product of the marginals, so both sides of the identity are {@code tc}.
     */
    @Test
    void stateSamplerHasOnlyTheIdentity() {
        ProfileChecks c = checks("dream:alg=entropy,steps=2", "optimal");
        assertEquals(List.of("process-identity"), ids(c));
        assertEquals(List.of(), c.skipped());
        allHold(c);
        assertEquals(tc(), c.checks().get(0).lhs().value());
        assertEquals(tc(), c.checks().get(0).rhs().value());
    }

    /**
     * The identity compares infinite sides too: {@code llada:steps=2,temperature=0} reveals by state, and
     * its argmax tokens (the lower of the tied marginal's, then the likelier conditional) give all mass to 00.
     */
    @Test
    void stateSamplerWithInfiniteOutputKL() {
        ProfileChecks c = checks("llada:steps=2,temperature=0", "optimal");
        assertEquals(List.of("process-identity"), ids(c));
        allHold(c);
        Check id = c.checks().get(0);
        assertTrue(id.lhs().isInfinite());
        assertTrue(id.rhs().isInfinite());
        assertEquals(Verdict.EQUALITY, id.verdict());
    }

    @Test
    void nullArgumentsAreRefused() {
        Law law = law();
        Predictor p = Predictors.parse("optimal", law);
        ProcessError e = ProcessError.compute(law, Samplers.parse("eb:gamma=1", 2, Schedule.Convention.REVEAL), p);
        assertThrows(NullPointerException.class, () -> ProfileChecks.of(null, p));
        assertThrows(NullPointerException.class, () -> ProfileChecks.of(e, null));
        assertFalse(ProfileChecks.of(e, p).checks().isEmpty());
        assertThrows(UnsupportedOperationException.class, () -> ProfileChecks.of(e, p).checks().clear());
        assertThrows(UnsupportedOperationException.class, () -> ProfileChecks.of(e, p).skipped().clear());
    }
}
