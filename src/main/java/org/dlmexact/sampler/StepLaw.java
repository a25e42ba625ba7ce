package org.dlmexact.sampler;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.Rational;
import org.dlmexact.law.SequenceSpace;

/**
 * The exact law of the state after step {@code j} of a {@link Sampler}, given the state
 * {@code (S, x_S)} before it: one state's kernel, the same enumeration of the sampler's
 * {@link Moves} that {@link ProcessLaw} runs at every reached state (so the two agree by
 * construction). A state with every position visible stays put unless the sampler re-masks, as in
 * {@link ProcessLaw}. This is what a step-by-step test of another implementation needs: the law of
 * the next state at each visited state only, also where the output law is too large to enumerate.
 * The next states with positive probability are kept in increasing order of (visible mask, values
 * index). Immutable.
 */
public final class StepLaw {

    /** The largest number of outcomes of the draws of one state's moves that {@link #of} enumerates. */
    public static final long MAX_OUTCOMES = 4_000_000L;

    //@ public invariant step() >= 1 && visibleMask() >= 0 && valuesIndex() >= 0 && size() >= 1;
    private final int step;
    private final int mask;
    private final int values;
    private final long[] keys;
    private final Rational[] p;

    private StepLaw(int step, int mask, int values, long[] keys, Rational[] p) {
        this.step = step;
        this.mask = mask;
        this.values = values;
        this.keys = keys;
        this.p = p;
    }

    /**
     * The law of the state after step {@code step} of {@code sampler}, from the state
     * {@code (visibleMask, valuesIndex)}, with the predictor of {@code rows}; the decision
     * boundaries of this state's step go to {@code boundaries}.
     *
     * @throws IllegalArgumentException a step outside the sampler's steps, a state outside the
     *     sequence space, a sampler of another length, or a finished state of a sampler that runs
     *     until every position is visible (it takes no further step)
     * @throws InvalidInputException {@code sampler.too-large} when the draws of this state have more
     *     than {@link #MAX_OUTCOMES} outcomes, or a predictor error at this state
     */
    /*@ public behavior
      @   requires rows != null && sampler != null && boundaries != null;
      @   ensures \result.step() == step && \result.visibleMask() == visibleMask && \result.valuesIndex() == valuesIndex;
      @   ensures \result.size() >= 1;
      @   signals_only IllegalArgumentException, InvalidInputException;
      @*/
    public static StepLaw of(PredictiveRows rows, Sampler sampler, int step, int visibleMask, int valuesIndex,
                             Consumer<Boundary> boundaries) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(sampler, "sampler");
        Objects.requireNonNull(boundaries, "boundaries");
        SequenceSpace sp = rows.lattice().law().space();
        if (sampler.length() != sp.length()) {
            throw new IllegalArgumentException("sampler " + sampler.spec() + " has length " + sampler.length()
                    + " but the law has length " + sp.length());
        }
        int fixed = sampler.fixedSteps();
        if (step < 1 || (fixed >= 1 && step > fixed)) {
            throw new IllegalArgumentException("step " + step + " is not a step of " + sampler.spec());
        }
        // validates the state (IllegalArgumentException)
        State.of(rows, step, visibleMask, valuesIndex, boundaries);
        int full = sp.fullMask();
        if (visibleMask == full && !sampler.remasks()) {
            if (fixed < 1) {
                throw new IllegalArgumentException("every position is visible: " + sampler.spec()
                        + " takes no further step");
            }
            return new StepLaw(step, visibleMask, valuesIndex, new long[] {key(visibleMask, valuesIndex)},
                    new Rational[] {Rational.ONE});
        }
        Map<Long, Rational> t = ProcessLaw.Kernels.at(rows, sampler, step, visibleMask, valuesIndex, boundaries,
                MAX_OUTCOMES);
        long[] k = new long[t.size()];
        int n = 0;
        for (Long key : t.keySet()) {
            k[n++] = key;
        }
        Arrays.sort(k);
        Rational[] q = new Rational[k.length];
        for (int i = 0; i < k.length; i++) {
            q[i] = t.get(k[i]);
        }
        return new StepLaw(step, visibleMask, valuesIndex, k, q);
    }

    private static long key(int mask, int values) {
        return (long) mask << 32 | values;
    }

    /** The step (from 1). */
    //@ pure helper
    public int step() {
        return step;
    }

    /** The visible set of the state before the step (bit mask). */
    //@ pure helper
    public int visibleMask() {
        return mask;
    }

    /** The visible values of the state before the step. */
    //@ pure helper
    public int valuesIndex() {
        return values;
    }

    /** The number of next states with positive probability. */
    //@ ensures \result >= 1;
    //@ pure helper
    public int size() {
        return keys.length;
    }

    /** The visible set of the {@code n}-th next state (increasing order of mask, then values). */
    /*@ public normal_behavior
      @   requires 0 <= n && n < size();
      @ pure @*/
    public int nextMask(int n) {
        return (int) (keys[n] >>> 32);
    }

    /** The values index of the {@code n}-th next state. */
    /*@ public normal_behavior
      @   requires 0 <= n && n < size();
      @ pure @*/
    public int nextValues(int n) {
        return (int) keys[n];
    }

    /** The probability of the {@code n}-th next state (positive). */
    /*@ public normal_behavior
      @   requires 0 <= n && n < size();
      @   ensures \result.signum() > 0;
      @ pure @*/
    public Rational probability(int n) {
        return p[n];
    }

    /** The index {@code n} of the next state {@code (nextMask, nextValues)}, or {@code -1} when its probability is 0. */
    /*@ public normal_behavior
      @   ensures -1 <= \result && \result < size();
      @   ensures \result >= 0 ==> nextMask(\result) == nextMask && nextValues(\result) == nextValues;
      @ pure @*/
    public int indexOf(int nextMask, int nextValues) {
        int i = Arrays.binarySearch(keys, key(nextMask, nextValues));
        return i >= 0 ? i : -1;
    }

    /** The probability of the next state {@code (nextMask, nextValues)}, exact; 0 outside the support. */
    /*@ public normal_behavior
      @   ensures \result.signum() >= 0;
      @ pure @*/
    public Rational probability(int nextMask, int nextValues) {
        int i = indexOf(nextMask, nextValues);
        return i < 0 ? Rational.ZERO : p[i];
    }

    /**
     * The numbers of positions the step can newly reveal (visible after it, masked before), as a bit
     * set: bit {@code k} when some next state of positive probability reveals exactly {@code k}.
     */
    /*@ public normal_behavior
      @   ensures \result != 0;
      @ pure @*/
    public int revealedCounts() {
        int r = 0;
        for (long k : keys) {
            r |= 1 << Integer.bitCount((int) (k >>> 32) & ~mask);
        }
        return r;
    }
}
