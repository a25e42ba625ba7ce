/**
 * The random-order masked diffusion sampler, exactly (theory.md sections 2 and 3).
 *
 * <p>Conventions: positions {@code 0..L-1}; visible sets are bit masks; the values of a visible
 * set are an index over its positions in increasing order, position 0 most significant (as in
 * {@link org.dlmexact.law.MarginalLattice}); schedules are in REVEAL order ({@link
 * org.dlmexact.sampler.Schedule}); logarithms are natural.
 *
 * <ul>
 *   <li>{@link org.dlmexact.sampler.Schedule}: compositions {@code k_1..k_T} of {@code L} and their text forms;</li>
 *   <li>{@link org.dlmexact.sampler.Predictor}, {@link org.dlmexact.sampler.Predictors},
 *       {@link org.dlmexact.sampler.PredictorTable}: predictive marginals as exact rationals;
 *       {@link org.dlmexact.sampler.PredictiveRows}: validation, the missing-context rule, caching;</li>
 *   <li>{@link org.dlmexact.sampler.OutputLaws}: {@code nu_B} and the sampler's law {@code nu} by a
 *       dynamic programme over (visible set, visible values);</li>
 *   <li>{@link org.dlmexact.sampler.IdealError}: the closed form {@code Ideal(k)} from the
 *       information curve; {@link org.dlmexact.sampler.SamplerError}: every error, brute force
 *       against closed form;</li>
 *   <li>{@link org.dlmexact.sampler.ExactSampler}: seeded sampling with integer arithmetic only.</li>
 *   <li>{@link org.dlmexact.sampler.Rule}: adaptive unmasking rules ({@code entropy-sum},
 *       {@code top-probability}, {@code low-confidence}) with exact decisions and stated tie-breaks;
 *       {@link org.dlmexact.sampler.RuleLaw}: their exact output laws;
 *       {@link org.dlmexact.sampler.RuleError}: output KL, per-round contributions and the identity
 *       {@code KL = E_mu[sum of round TC]} of the deterministic rules;
 *       {@link org.dlmexact.sampler.RuleSampler}: seeded sampling from a rule.</li>
 * </ul>
 * The package depends on {@code exact}, {@code law} and {@code info} only.
 */
package org.dlmexact.sampler;
