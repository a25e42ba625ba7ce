/**
 * The masked diffusion samplers, exactly (theory.md sections 2, 3, 5 and 7), on one engine.
 *
 * <p>Conventions: positions {@code 0..L-1}; visible sets are bit masks; the values of a visible
 * set are an index over its positions in increasing order, position 0 most significant (as in
 * {@link org.dlmexact.law.MarginalLattice}); schedules are in REVEAL order ({@link
 * org.dlmexact.sampler.Schedule}); logarithms are natural.
 *
 * <ul>
 *   <li>The engine: {@link org.dlmexact.sampler.Sampler} (a sequence of step kernels, each a
 *       {@link org.dlmexact.sampler.Moves} at a {@link org.dlmexact.sampler.State}),
 *       {@link org.dlmexact.sampler.ProcessLaw} (the exact output law and state laws by one forward
 *       programme), {@link org.dlmexact.sampler.ProcessSampler} (seeded sampling with integer
 *       arithmetic), {@link org.dlmexact.sampler.ProcessError} (errors and the identity),
 *       {@link org.dlmexact.sampler.Boundary} (decisions on exact ties and thresholds),
 *       {@link org.dlmexact.sampler.Ranking} (the one top-k mechanism), {@link org.dlmexact.sampler.Samplers}
 *       (the {@code --sampler} parser).</li>
 *   <li>The samplers: {@link org.dlmexact.sampler.RandomOrder} (theory.md section 2),
 *       {@link org.dlmexact.sampler.Rule} (adaptive rules) and the implementation profiles
 *       (package-private, SPEC.md section 10).</li>
 *   <li>{@link org.dlmexact.sampler.Schedule}: compositions {@code k_1..k_T} of {@code L};
 *       {@link org.dlmexact.sampler.Predictor}, {@link org.dlmexact.sampler.Predictors},
 *       {@link org.dlmexact.sampler.PredictorTable}: predictive marginals as exact rationals;
 *       {@link org.dlmexact.sampler.PredictiveRows}: validation, the missing-context rule, caching;</li>
 *   <li>{@link org.dlmexact.sampler.Partitions}: {@code nu_B} partition by partition (the brute
 *       force); {@link org.dlmexact.sampler.IdealError}: the closed form {@code Ideal(k)};
 *       {@link org.dlmexact.sampler.SamplerError}: every error of the random-order sampler, brute force
 *       against closed form.</li>
 * </ul>
 * The package depends on {@code exact}, {@code law} and {@code info} only.
 */
package org.dlmexact.sampler;
