package org.dlmexact.sampler;

import java.math.BigInteger;
import java.util.Objects;
import org.dlmexact.exact.Rational;

/**
 * What the implementation profiles share: the name, the length, the canonical text, a work
 * estimate and limit, the model-call counts, and the kernels' common building blocks (the rows of
 * a per-position step, the point rows of an argmax). Each profile is a small subclass that says
 * what one step does. Immutable.
 */
abstract class Profile implements Sampler {

    /** Largest {@link #work} a profile accepts. */
    static final long MAX_WORK = 20_000_000L;

    private final String name;
    private final int length;
    private final String spec;

    Profile(String name, int length, String keys) {
        this.name = Objects.requireNonNull(name);
        this.length = length;
        this.spec = name + ":" + keys;
    }

    @Override
    public final String spec() {
        return spec;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int length() {
        return length;
    }

    /*@ also public normal_behavior
      @   ensures \result == MAX_WORK;
      @ pure @*/
    @Override
    public long maxWork() {
        return MAX_WORK;
    }

    /**
     * The default estimate: steps times {@code sum_S V^|S| (V+1)^(L-|S|) = (2V+1)^L}, every state
     * with every outcome of a per-position draw at its masked positions.
     */
    /*@ also public normal_behavior
      @   requires v >= 2;
      @   ensures \result.signum() >= 0;
      @ pure @*/
    @Override
    public BigInteger work(int v) {
        int steps = fixedSteps() > 0 ? fixedSteps() : length;
        return BigInteger.valueOf(2L * v + 1).pow(length).multiply(BigInteger.valueOf(steps));
    }

    /*@ also public normal_behavior
      @   ensures \result.equals(spec());
      @ pure @*/
    @Override
    public String toString() {
        return spec;
    }

    /**
     * Model calls with MDLM's cache ({@code ddpm_cache}): a call at the first of the {@code n}
     * regular steps and at every step that follows a step that changed the state, plus one call
     * for a final step when {@code finalCall}.
     */
    static Rational cachedCalls(ProcessLaw law, int n, boolean finalCall) {
        Rational calls = Rational.ONE;
        for (int j = 2; j <= n; j++) {
            calls = calls.add(Rational.ONE.subtract(law.unchangedProbability(j - 1)));
        }
        return finalCall ? calls.add(Rational.ONE) : calls;
    }

    /**
     * The rows of a per-position step at the masked positions: each is revealed with probability
     * {@code reveal}, its token drawn from {@code tokens}; entry {@code V} (still masked) has the
     * rest. With {@code reveal = 1} the token rows themselves.
     */
    static Rational[][] perPosition(State state, Rational reveal, TokenRule tokens) {
        Rational[][] rows = new Rational[state.length()][];
        int v = state.alphabetSize();
        for (int m = state.maskedMask(); m != 0; m &= m - 1) {
            int i = Integer.numberOfTrailingZeros(m);
            Rational[] tok = tokens.row(state, i);
            if (reveal.equals(Rational.ONE)) {
                rows[i] = tok;
                continue;
            }
            Rational[] r = new Rational[v + 1];
            for (int a = 0; a < v; a++) {
                r[a] = tok[a].multiply(reveal);
            }
            r[v] = Rational.ONE.subtract(reveal);
            rows[i] = r;
        }
        return rows;
    }

    /** The argmax point rows of the predictor at the masked positions (ties reported). */
    static Rational[][] argmaxRows(State state) {
        Rational[][] rows = new Rational[state.length()][];
        for (int m = state.maskedMask(); m != 0; m &= m - 1) {
            int i = Integer.numberOfTrailingZeros(m);
            rows[i] = ARGMAX.row(state, i);
        }
        return rows;
    }

    /** Temperature 0, no filters. */
    static final TokenRule ARGMAX = TokenRule.argmaxRule();
}
