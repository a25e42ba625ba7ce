package org.dlmexact.sampler;

import org.dlmexact.exact.Rational;

/** A predictor that fails the test if it is consulted: for checks that refuse work up front. */
final class UntouchablePredictor implements Predictor {

    @Override
    public Rational[] row(int visibleMask, int valuesIndex, int position) {
        throw new AssertionError("the predictor was asked before the size check");
    }

    @Override
    public boolean isOptimal() {
        return false;
    }

    @Override
    public String description() {
        return "untouchable";
    }
}
