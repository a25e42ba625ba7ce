package org.dlmexact.validate;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The declared power of a G-test with {@code df} degrees of freedom at level {@code alpha}, by the
 * non-central chi-square approximation: under an alternative, the statistic is approximately
 * non-central chi-square with {@code df} degrees of freedom and non-centrality
 * {@code lambda = sum_c n_c chi2(q_c || p_c)} (the Pearson divergence of the alternative {@code q}
 * from the tested law {@code p} on the test's cells, times the counts; Cochran, Mitra). The test
 * rejects with probability at least {@value #PROBABILITY} when {@code lambda >= lambdaStar}, where
 * {@code P(chi2'_{df}(lambdaStar) > chi2_{df, 1 - alpha}) = 0.9} ({@link #noncentrality()}).
 *
 * <p>Effects, each turned into a bound on {@code lambda} by an inequality that holds for every
 * alternative (so the statements are "every alternative at least this far is detected"):
 * <ul>
 *   <li><b>Samples</b> ({@code n} samples of one law): Cauchy-Schwarz gives
 *       {@code chi2(q || p) >= (sum |q - p|)^2 = 4 TV^2}, and Jensen gives
 *       {@code KL(q || p) <= ln(1 + chi2(q || p))}. So every {@code q} with
 *       {@code TV >= sqrt(lambdaStar / (4 n))} ({@link #samplesTv}) or with
 *       {@code KL(q || p) >= ln(1 + lambdaStar / n)} ({@link #samplesKl}) is detected.</li>
 *   <li><b>Trajectories</b> ({@code n} runs, {@code N} transitions at tested contexts, {@code T' = N/n}):
 *       the path law's TV is at most {@code E_q sum_j TV_j} (coupling step by step), estimated by
 *       {@code (1/n) sum_c n_c TV_c}, and Cauchy-Schwarz gives
 *       {@code sum_c n_c TV_c^2 >= (sum_c n_c TV_c)^2 / N}, so {@code lambda >= 4 n TV_path^2 / T'}:
 *       detected from {@code TV_path >= sqrt(lambdaStar T' / (4 n))} ({@link #pathTv}). The chain
 *       rule gives {@code KL(Q || P) = E_Q sum_j KL(q_j || p_j)}, estimated by
 *       {@code (1/n) sum_c n_c KL_c <= lambda / n}: detected from {@code KL >= lambdaStar / n}
 *       ({@link #pathKl}).</li>
 * </ul>
 * Deviations inside a pooled cell or at a context with no degree of freedom are not seen; the
 * statements are about the cells actually tested. Floating point throughout; no verdict depends on
 * it. Immutable.
 */
public final class Power {

    /** The detection probability the statements are made for. */
    public static final double PROBABILITY = 0.9;

    //@ public invariant degreesOfFreedom() >= 1 && 0 < alpha() && alpha() < 1 && noncentrality() > 0;
    private final int df;
    private final double alpha;
    private final double critical;
    private final double lambda;

    private Power(int df, double alpha, double critical, double lambda) {
        this.df = df;
        this.alpha = alpha;
        this.critical = critical;
        this.lambda = lambda;
    }

    /**
     * The power statement of a test with {@code df >= 1} degrees of freedom at level
     * {@code 0 < alpha < 1}.
     *
     * @throws IllegalArgumentException otherwise
     */
    /*@ public normal_behavior
      @   requires df >= 1 && 0 < alpha && alpha < 1;
      @   ensures \result.degreesOfFreedom() == df && \result.alpha() == alpha;
      @ also public exceptional_behavior
      @   requires !(df >= 1 && 0 < alpha && alpha < 1);
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public static Power of(int df, double alpha) {
        if (df < 1 || !(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("need df >= 1 and 0 < alpha < 1, got df = " + df + ", alpha = " + alpha);
        }
        double crit = ChiSquaredDistribution.of(df).inverseSurvivalProbability(alpha);
        return new Power(df, alpha, crit, solve(df, crit));
    }

    /** The non-centrality at which the rejection probability is {@link #PROBABILITY}: doubling, then bisection. */
    private static double solve(int df, double crit) {
        double hi = 1;
        while (power(df, crit, hi) < PROBABILITY) {
            hi *= 2;
        }
        double lo = 0;
        for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
            double mid = (lo + hi) / 2;
            if (power(df, crit, mid) < PROBABILITY) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    private static double power(int df, double crit, double lambda) {
        return NoncentralChiSquared.of(df, lambda).survivalProbability(crit);
    }

    /**
     * The rejection probability at non-centrality {@code lambda}: {@code P(chi2'_{df}(lambda) > critical)}
     * ({@code lambda} at most {@link NoncentralChiSquared#MAX_NONCENTRALITY}).
     */
    /*@ public normal_behavior
      @   requires lambda >= 0 && lambda <= NoncentralChiSquared.MAX_NONCENTRALITY;
      @   ensures 0 <= \result && \result <= 1;
      @ pure @*/
    public double rejectionProbability(double lambda) {
        return power(df, critical, lambda);
    }

    //@ pure helper
    public int degreesOfFreedom() {
        return df;
    }

    //@ pure helper
    public double alpha() {
        return alpha;
    }

    /** The critical value {@code chi2_{df, 1 - alpha}}: the test rejects when its statistic exceeds it. */
    //@ ensures \result > 0;
    //@ pure helper
    public double criticalValue() {
        return critical;
    }

    /** {@code lambdaStar}: the non-centrality detected with probability {@link #PROBABILITY}. */
    //@ ensures \result > 0;
    //@ pure helper
    public double noncentrality() {
        return lambda;
    }

    /** The total-variation distance from which every alternative is detected with {@code n} samples. */
    /*@ public normal_behavior
      @   requires n >= 1;
      @   ensures \result > 0;
      @ pure @*/
    public double samplesTv(long n) {
        return Math.sqrt(lambda / (4.0 * positive(n)));
    }

    /** The {@code KL(q || p)} from which every alternative is detected with {@code n} samples. */
    /*@ public normal_behavior
      @   requires n >= 1;
      @   ensures \result > 0;
      @ pure @*/
    public double samplesKl(long n) {
        return Math.log1p(lambda / positive(n));
    }

    /** The samples needed to detect every alternative at total-variation distance {@code tv}. */
    /*@ public normal_behavior
      @   requires tv > 0 && tv <= 1;
      @   ensures \result >= 1;
      @ pure @*/
    public long samplesNeededTv(double tv) {
        return atLeastOne(Math.ceil(lambda / (4 * effect(tv, 1) * tv)));
    }

    /** The samples needed to detect every alternative at {@code KL(q || p) = kl}. */
    /*@ public normal_behavior
      @   requires kl > 0;
      @   ensures \result >= 1;
      @ pure @*/
    public long samplesNeededKl(double kl) {
        return atLeastOne(Math.ceil(lambda / Math.expm1(effect(kl, Double.MAX_VALUE))));
    }

    /**
     * The total-variation distance of the path law from which every alternative is detected with
     * {@code n} runs that have {@code stepsPerRun} tested transitions on average.
     */
    /*@ public normal_behavior
      @   requires n >= 1 && stepsPerRun > 0;
      @   ensures \result > 0;
      @ pure @*/
    public double pathTv(long n, double stepsPerRun) {
        return Math.sqrt(lambda * effect(stepsPerRun, Double.MAX_VALUE) / (4.0 * positive(n)));
    }

    /** The KL of the path law from which every alternative is detected with {@code n} runs. */
    /*@ public normal_behavior
      @   requires n >= 1;
      @   ensures \result > 0;
      @ pure @*/
    public double pathKl(long n) {
        return lambda / positive(n);
    }

    /** The runs needed to detect every alternative whose path law is at total-variation distance {@code tv}. */
    /*@ public normal_behavior
      @   requires tv > 0 && tv <= 1 && stepsPerRun > 0;
      @   ensures \result >= 1;
      @ pure @*/
    public long pathNeededTv(double tv, double stepsPerRun) {
        return atLeastOne(Math.ceil(lambda * effect(stepsPerRun, Double.MAX_VALUE) / (4 * effect(tv, 1) * tv)));
    }

    /** The runs needed to detect every alternative whose path law is at KL {@code kl}. */
    /*@ public normal_behavior
      @   requires kl > 0;
      @   ensures \result >= 1;
      @ pure @*/
    public long pathNeededKl(double kl) {
        return atLeastOne(Math.ceil(lambda / effect(kl, Double.MAX_VALUE)));
    }

    private static long positive(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("need n >= 1, got " + n);
        }
        return n;
    }

    private static double effect(double e, double max) {
        if (!(e > 0 && e <= max) || Double.isInfinite(e)) {
            throw new IllegalArgumentException("effect " + e + " outside (0, " + max + "]");
        }
        return e;
    }

    private static long atLeastOne(double n) {
        return n >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(1, (long) n);
    }
}
