package org.dlmexact.sampler;

import org.dlmexact.exact.Rational;

/**
 * A predictor: the predictive marginal {@code p̂_i(. | x_C)} of a masked position {@code i}
 * given the visible positions {@code C} (a bit mask) and their values {@code x_C} (an index over
 * the positions of {@code C} in increasing order, position 0 most significant). Rows are exact
 * rationals. A predictor may have no row for a context ({@code null}): the optimal predictor at a
 * context the data never produces, a table without that entry. {@link PredictiveRows} resolves
 * such gaps by one documented rule and validates every row.
 */
public interface Predictor {

    /**
     * The row {@code p̂_i(a | x_C)}, {@code a = 0..V-1}, or {@code null} when this predictor has no
     * row for the context. The caller must not modify the array.
     */
    /*@ public normal_behavior
      @   requires visibleMask >= 0 && valuesIndex >= 0 && position >= 0 && (visibleMask & (1 << position)) == 0;
      @ pure @*/
    /*@ nullable @*/ Rational[] row(int visibleMask, int valuesIndex, int position);

    /** Whether this is the optimal predictor {@code p* } of the law it was built for. */
    //@ pure
    boolean isOptimal();

    /** A short description such as {@code optimal} or {@code smoothed:1/3}. */
    //@ pure
    String description();
}
