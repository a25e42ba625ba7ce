package org.dlmexact.validate;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;

/**
 * The non-central chi-square distribution with {@code k} degrees of freedom and non-centrality
 * {@code lambda}, as the Poisson mixture of central ones:
 * {@code P(X > x) = sum_{j >= 0} e^(-lambda/2) (lambda/2)^j / j! * P(chi2_{k+2j} > x)}
 * (Commons Statistics has no non-central chi-square; the central survival functions and the Poisson
 * probabilities are Commons Statistics' own).
 *
 * <p><b>Truncation.</b> The sum runs over the Poisson indices {@code j} from the
 * {@value #TAIL}-quantile to the {@code (1 - TAIL)}-quantile of Poisson({@code lambda/2}). Every
 * left-out term is a Poisson probability times a central survival probability in {@code [0, 1]}, so
 * the left-out part is at most the two Poisson tails, {@code 2 * TAIL = 2e-15}, besides the rounding
 * of the double arithmetic (about {@code 1e-15} relative per term). The sum has about
 * {@code 16 sqrt(lambda / 2)} terms, and Commons Statistics gives the Poisson quantiles as {@code int}s,
 * which saturate above {@code lambda / 2 = 2^31}; so non-centralities above
 * {@value #MAX_NONCENTRALITY} are refused (the power statements need a few thousand at most).
 * Floating point throughout: this serves power statements, which decide no verdict. Immutable.
 */
public final class NoncentralChiSquared {

    /** The Poisson mass left out on each side of the sum. */
    public static final double TAIL = 1e-15;
    /** The largest non-centrality accepted (about 360,000 terms, a few seconds). */
    public static final double MAX_NONCENTRALITY = 1e9;

    //@ public invariant degreesOfFreedom() > 0 && noncentrality() >= 0 && noncentrality() <= MAX_NONCENTRALITY;
    private final double k;
    private final double lambda;

    private NoncentralChiSquared(double k, double lambda) {
        this.k = k;
        this.lambda = lambda;
    }

    /**
     * The distribution with {@code k > 0} degrees of freedom and non-centrality
     * {@code 0 <= lambda <= }{@value #MAX_NONCENTRALITY}.
     *
     * @throws IllegalArgumentException otherwise (also for NaN or infinite arguments)
     */
    /*@ public normal_behavior
      @   requires k > 0 && lambda >= 0 && lambda <= MAX_NONCENTRALITY && !Double.isInfinite(k);
      @   ensures \result.degreesOfFreedom() == k && \result.noncentrality() == lambda;
      @ also public exceptional_behavior
      @   requires !(k > 0 && lambda >= 0 && lambda <= MAX_NONCENTRALITY && !Double.isInfinite(k));
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public static NoncentralChiSquared of(double k, double lambda) {
        if (!(k > 0) || !(lambda >= 0) || Double.isInfinite(k) || !(lambda <= MAX_NONCENTRALITY)) {
            throw new IllegalArgumentException("need k > 0, finite, and 0 <= lambda <= " + MAX_NONCENTRALITY
                    + "; got k = " + k + ", lambda = " + lambda);
        }
        return new NoncentralChiSquared(k, lambda);
    }

    //@ pure helper
    public double degreesOfFreedom() {
        return k;
    }

    //@ pure helper
    public double noncentrality() {
        return lambda;
    }

    /** {@code P(X > x)}. */
    /*@ public normal_behavior
      @   requires !Double.isNaN(x);
      @   ensures 0 <= \result && \result <= 1;
      @ pure @*/
    public double survivalProbability(double x) {
        if (x <= 0) {
            return 1;
        }
        if (lambda == 0) {
            return ChiSquaredDistribution.of(k).survivalProbability(x);
        }
        PoissonDistribution j = PoissonDistribution.of(lambda / 2);
        int lo = j.inverseCumulativeProbability(TAIL);
        int hi = j.inverseSurvivalProbability(TAIL);
        double sum = 0;
        for (int i = lo; i <= hi; i++) {
            sum += j.probability(i) * ChiSquaredDistribution.of(k + 2.0 * i).survivalProbability(x);
        }
        return Math.min(1, Math.max(0, sum));
    }

    /** {@code P(X <= x)}. */
    /*@ public normal_behavior
      @   requires !Double.isNaN(x);
      @   ensures 0 <= \result && \result <= 1;
      @ pure @*/
    public double cumulativeProbability(double x) {
        return 1 - survivalProbability(x);
    }
}
