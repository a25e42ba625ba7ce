package org.dlmexact.theory;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.Divergence;
import org.dlmexact.law.Law;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.sampler.PredictiveRows;
import org.dlmexact.sampler.Predictor;
import org.dlmexact.sampler.ProcessError;
import org.dlmexact.sampler.ProcessLaw;
import org.dlmexact.sampler.SamplerError;
import org.dlmexact.sampler.SizeMixture;

/**
 * The exact theory of a sampler's profile, checked with verdicts (theory.md sections 5 and 7):
 * <ul>
 *   <li>{@code process-identity} (samplers that reveal by state): {@code KL(mu || law)} equals the
 *       expected sum of the steps' conditional total correlations plus log-ratio terms along the data
 *       path [derived];</li>
 *   <li>per-position samplers, from their {@link SizeMixture}: {@code size-mixture-law} (the output law
 *       is the mixture of the random-order laws of the per-step sizes, total variation 0),
 *       {@code size-mixture-convexity} ({@code KL(mu || law) <= E_sizes KL(mu || nu_sizes)}) and, when
 *       the tokens are the predictor's own rows and no batch is a final argmax,
 *       {@code size-mixture-closed-form} ({@code E_sizes} of the Chen-Cong-Li closed form equals
 *       {@code E_sizes} of the brute-force path-averaged error) [derived];</li>
 *   <li>samplers with an {@link org.dlmexact.sampler.Sampler#entropyBudget()} (EB), per step:
 *       {@code eb-tc-le-entropy-gap} ({@code E[TC(X_B | x_S)] <= E[sum_B H - max_B H]}) and, for the
 *       optimal predictor, {@code eb-entropy-gap-le-gamma}
 *       ({@code E[sum_B H - max_B H] <= gamma P(step j on the data path)}) [derived].</li>
 * </ul>
 * Checks whose programmes exceed their limits are listed as skipped with the reason. Immutable.
 */
public final class ProfileChecks {

    /** Largest total work of the size-mixture components' output laws accepted. */
    public static final long MAX_MIXTURE_WORK = 2_000_000L;
    /** Largest total work of the size-mixture components' brute-force path errors accepted. */
    public static final long MAX_CLOSED_FORM_WORK = 200_000L;
    /** Source of the derived statements. */
    static final String SOURCE = "theory.md sections 5 and 7 (derived)";

    //@ public invariant checks() != null && skipped() != null;
    private final List<Check> checks;
    private final List<String> skipped;

    private ProfileChecks(List<Check> checks, List<String> skipped) {
        this.checks = Collections.unmodifiableList(checks);
        this.skipped = Collections.unmodifiableList(skipped);
    }

    /** The checks of the sampler of {@code error} for its law and {@code predictor}. */
    /*@ public normal_behavior
      @   requires error != null && predictor != null;
      @ pure @*/
    public static ProfileChecks of(ProcessError error, Predictor predictor) {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(predictor, "predictor");
        List<Check> checks = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Law law = error.law();
        if (error.sampler().revealsByState()) {
            checks.add(Check.of("process-identity", SOURCE, Confidence.DERIVED, Relation.EQ, error.outputKL(),
                    error.roundSum().orElseThrow(), "KL(mu||law) = E_mu[sum over steps of TC(X_B|x_S) + log-ratios]"));
        }
        Optional<SizeMixture> mix = SizeMixture.of(error.sampler());
        if (mix.isPresent()) {
            mixture(law, predictor, error, mix.get(), checks, skipped);
        }
        Optional<Rational> gamma = error.sampler().entropyBudget();
        if (gamma.isPresent()) {
            for (ProcessError.Round r : error.rounds()) {
                if (r.entropyGap().isEmpty() || r.conditionalTC().isEmpty()) {
                    continue;
                }
                checks.add(Check.of("eb-tc-le-entropy-gap", SOURCE, Confidence.DERIVED, Relation.LE,
                        r.conditionalTC().get(), r.entropyGap().get(), "step " + r.round()
                                + ": E[TC(X_B|x_S)] <= E[sum_B H(X_i|x_S) - max_B H(X_i|x_S)]"));
                if (predictor.isOptimal()) {
                    checks.add(Check.of("eb-entropy-gap-le-gamma", SOURCE, Confidence.DERIVED, Relation.LE,
                            r.entropyGap().get(), ExactReal.of(gamma.get().multiply(r.dataProbability().orElseThrow())),
                            "step " + r.round() + ": E[sum_B H - max_B H] <= gamma P(step on the data path)"));
                }
            }
            if (!predictor.isOptimal()) {
                skipped.add("eb-entropy-gap-le-gamma: the rule ranks the predictor's entropies, which equal the"
                        + " data's conditional entropies only for the optimal predictor");
            }
        }
        return new ProfileChecks(checks, skipped);
    }

    private static void mixture(Law law, Predictor predictor, ProcessError error, SizeMixture mix, List<Check> checks,
                                List<String> skipped) {
        BigInteger w = mix.work(law.alphabetSize());
        if (w.compareTo(BigInteger.valueOf(MAX_MIXTURE_WORK)) > 0) {
            skipped.add("size-mixture checks: the " + mix.components().size() + " component laws need about " + w
                    + " exact terms; the limit is " + MAX_MIXTURE_WORK);
            return;
        }
        PredictiveRows rows = new PredictiveRows(MarginalLattice.of(law), predictor);
        Rational[] mixed = new Rational[law.space().size()];
        java.util.Arrays.fill(mixed, Rational.ZERO);
        // E_sizes KL(mu || nu_sizes) = sum_x mu(x) ln mu(x) - sum_sizes P(sizes) sum_x mu(x) ln nu_sizes(x),
        // gathered as one combination of logarithms (one coprime refinement, not one per component)
        java.util.Map<BigInteger, Rational> terms = new java.util.HashMap<>();
        for (int x = 0; x < mixed.length; x++) {
            Rational m = law.probability(x);
            if (m.signum() > 0) {
                terms.merge(m.numerator(), m, Rational::add);
                terms.merge(m.denominator(), m.negate(), Rational::add);
            }
        }
        Divergence infinite = null;
        for (SizeMixture.Component c : mix.components()) {
            Law nu = ProcessLaw.compute(rows, c.sampler()).law();
            for (int x = 0; x < mixed.length; x++) {
                Rational q = nu.probability(x);
                mixed[x] = mixed[x].add(c.probability().multiply(q));
                Rational m = law.probability(x);
                if (m.signum() == 0) {
                    continue;
                }
                if (q.isZero()) {
                    infinite = infinite == null ? Divergence.infinite(x) : infinite;
                    continue;
                }
                Rational mp = m.multiply(c.probability());
                terms.merge(q.numerator(), mp.negate(), Rational::add);
                terms.merge(q.denominator(), mp, Rational::add);
            }
        }
        ExactReal kl = infinite != null ? ExactReal.ZERO : ExactReal.lnCombination(Rational.ZERO, terms);
        Rational tv = Rational.ZERO;
        Law out = error.outputLaw();
        for (int x = 0; x < mixed.length; x++) {
            tv = tv.add(out.probability(x).subtract(mixed[x]).abs());
        }
        checks.add(Check.of("size-mixture-law", SOURCE, Confidence.DERIVED, Relation.EQ, ExactReal.of(tv),
                ExactReal.ZERO, "sum_x |law(x) - sum_sizes P(sizes) nu_sizes(x)| over " + mix.components().size()
                        + " size sequences"));
        checks.add(Check.of("size-mixture-convexity", SOURCE, Confidence.DERIVED, Relation.LE, error.outputKL(),
                infinite != null ? infinite : Divergence.finite(kl), "KL(mu||law) <= E_sizes KL(mu||nu_sizes)"));
        boolean argmax = mix.components().stream().anyMatch(SizeMixture.Component::finalArgmax);
        if (!mix.plainTokens() || argmax) {
            skipped.add("size-mixture-closed-form: " + (argmax ? "a final argmax batch" : "filtered or tempered tokens")
                    + " is not a predictor step of the random-order sampler, so the closed form does not apply");
            return;
        }
        if (w.compareTo(BigInteger.valueOf(MAX_CLOSED_FORM_WORK)) > 0) {
            skipped.add("size-mixture-closed-form: the brute-force path errors of the " + mix.components().size()
                    + " size sequences need about " + w + " exact terms; the limit is " + MAX_CLOSED_FORM_WORK);
            return;
        }
        ExactReal brute = ExactReal.ZERO;
        ExactReal closed = ExactReal.ZERO;
        Divergence inf = null;
        for (SizeMixture.Component c : mix.components()) {
            if (tooLargeForBruteForce(law, c)) {
                skipped.add("size-mixture-closed-form: the brute force of schedule " + c.schedule()
                        + " exceeds its limit " + SamplerError.MAX_WORK);
                return;
            }
            SamplerError e = SamplerError.compute(law, c.schedule(), predictor);
            if (e.pathAveragedKL().isInfinite() || e.closedForm().isInfinite()) {
                inf = e.pathAveragedKL().isInfinite() ? e.pathAveragedKL() : e.closedForm();
                continue;
            }
            brute = brute.add(e.pathAveragedKL().value().multiply(c.probability()));
            closed = closed.add(e.closedForm().value().multiply(c.probability()));
        }
        checks.add(Check.of("size-mixture-closed-form", SOURCE, Confidence.DERIVED, Relation.EQ,
                inf != null ? inf : Divergence.finite(brute), inf != null ? inf : Divergence.finite(closed),
                "E_sizes[path-averaged KL, brute force] = E_sizes[Ideal(k) + predictor term]"));
    }

    private static boolean tooLargeForBruteForce(Law law, SizeMixture.Component c) {
        return org.dlmexact.sampler.RandomOrder.work(law.alphabetSize(), c.schedule())
                .compareTo(BigInteger.valueOf(SamplerError.MAX_WORK)) > 0;
    }

    /** The checks, in order. */
    //@ pure helper
    public List<Check> checks() {
        return checks;
    }

    /** The checks not run, each with its reason. */
    //@ pure helper
    public List<String> skipped() {
        return skipped;
    }
}
