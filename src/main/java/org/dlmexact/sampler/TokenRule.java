package org.dlmexact.sampler;

import java.util.Objects;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.Rational;

/**
 * How a profile turns the predictor's row into the distribution it draws a token from: the
 * temperature ({@code 0}: the argmax, the lowest token among equal maxima as {@code torch.argmax};
 * {@code 1/n}: {@code p^n} renormalised, the softmax of the logits divided by {@code 1/n}), then
 * top-p, then top-k filtering (Dream's order). Temperatures other than {@code 0} and {@code 1/n}
 * make the probabilities irrational ({@code p^(1/T)}) and are refused. Immutable.
 */
public final class TokenRule {

    /** How top-p keeps tokens. */
    public enum TopP {
        /** Dream and Hugging Face: keep a token iff the mass strictly before it is at most {@code p}. */
        BEFORE,
        /** ReMDM's nucleus: keep a token iff the mass up to and including it is at most {@code p}; the first always. */
        INCLUDING
    }

    //@ public invariant power() >= 0;
    private final int power;
    private final /*@ nullable @*/ Rational topP;
    private final TopP topPRule;
    private final int topK;

    private TokenRule(int power, Rational topP, TopP topPRule, int topK) {
        this.power = power;
        this.topP = topP;
        this.topPRule = topPRule;
        this.topK = topK;
    }

    /** Temperature 1, no filtering: the predictor's row itself. */
    public static final TokenRule PLAIN = new TokenRule(1, null, TopP.BEFORE, 0);

    /** Temperature 1 and ReMDM's nucleus with mass {@code p} ({@link TopP#INCLUDING}). */
    /*@ normal_behavior
      @   requires p != null && p.signum() > 0;
      @   ensures \result.power() == 1;
      @ pure @*/
    static TokenRule nucleus(Rational p) {
        return new TokenRule(1, p, TopP.INCLUDING, 0);
    }

    /** Temperature 0, no filtering: the argmax of the predictor's row. */
    //@ ensures \result.argmax();
    //@ pure
    static TokenRule argmaxRule() {
        return new TokenRule(0, null, TopP.BEFORE, 0);
    }

    /**
     * Reads the keys {@code temperature} (default {@code fallback}), and, when {@code filters},
     * {@code top_p} and {@code top_k}, of {@code spec}.
     *
     * @throws InvalidInputException {@code sampler.value} for a temperature other than 0 or 1/n, a
     *     top_p outside (0, 1], a top_k below 1
     */
    /*@ public behavior
      @   requires spec != null && fallback != null && rule != null;
      @   ensures \result != null;
      @   signals_only InvalidInputException;
      @*/
    public static TokenRule read(SpecText spec, String fallback, boolean filters, TopP rule) {
        Rational t = spec.rationalValue("temperature", spec.string("temperature", fallback), Rational.ZERO, null);
        int power;
        if (t.isZero()) {
            power = 0;
        } else if (t.reciprocal().isInteger()) {
            power = t.reciprocal().numerator().intValueExact();
        } else {
            throw new InvalidInputException("sampler.value", "'" + spec.text() + "': temperature=" + t
                    + " makes the probabilities irrational (p^(1/T)); use 0 (argmax), 1, or 1/n for an integer n");
        }
        if (power > 64) {
            throw new InvalidInputException("sampler.value", "'" + spec.text() + "': temperature=" + t
                    + " is below the smallest supported 1/64");
        }
        Rational p = null;
        int k = 0;
        if (filters) {
            p = spec.rational("top_p", false, null, Rational.ZERO, Rational.ONE);
            if (p != null && p.isZero()) {
                throw new InvalidInputException("sampler.value", "'" + spec.text() + "': top_p must be positive");
            }
            k = spec.integer("top_k", false, 0, 1, 1 << 20);
        }
        return new TokenRule(power, p, Objects.requireNonNull(rule), k);
    }

    /** {@code n} for temperature {@code 1/n}; {@code 0} for temperature 0 (argmax). */
    //@ pure helper
    public int power() {
        return power;
    }

    /** Whether tokens are the argmax (temperature 0). */
    //@ ensures \result <==> power() == 0;
    //@ pure
    public boolean argmax() {
        return power == 0;
    }

    /** Whether the rule changes nothing (temperature 1, no filters). */
    //@ pure
    public boolean plain() {
        return power == 1 && topP == null && topK == 0;
    }

    /**
     * The distribution the profile draws from at {@code position}: temperature, then top-p, then
     * top-k. At temperature 0 the point mass at the argmax; an exact tie of the maximal
     * probability is reported as a {@link Boundary.Kind#TIE} at that position.
     */
    /*@ public normal_behavior
      @   requires state != null && 0 <= position && position < state.length();
      @   requires (state.visibleMask() & (1 << position)) == 0;
      @   ensures \result.length == state.alphabetSize();
      @*/
    public Rational[] row(State state, int position) {
        Rational[] r = filtered(state.row(position));
        if (power == 0) {
            if (Rows.maxCount(r) > 1) {
                state.boundary(Boundary.Kind.TIE, 1 << position, "equal maximal token probability (argmax)");
            }
            return Rows.pointMass(r.length, Rows.argmax(r));
        }
        return r;
    }

    /** The row after temperature {@code 1/n} ({@code n >= 1}) and the filters; at temperature 0 the filters only. */
    /*@ public normal_behavior
      @   requires row != null && row.length >= 1;
      @   ensures \result.length == row.length;
      @ pure @*/
    public Rational[] filtered(Rational[] row) {
        Rational[] r = power >= 1 ? Rows.power(row, power) : row;
        if (topP != null) {
            r = topPRule == TopP.BEFORE ? Rows.topP(r, topP) : Rows.nucleus(r, topP);
        }
        if (topK > 0) {
            r = Rows.topK(r, topK);
        }
        return r;
    }

    /** The keys in canonical form, e.g. {@code temperature=1} or {@code temperature=0,top_p=9/10,top_k=2}. */
    /*@ also public normal_behavior
      @   ensures \result != null;
      @ pure @*/
    @Override
    public String toString() {
        String t = power == 0 ? "0" : power == 1 ? "1" : "1/" + power;
        return "temperature=" + t + (topP == null ? "" : ",top_p=" + topP) + (topK == 0 ? "" : ",top_k=" + topK);
    }
}
