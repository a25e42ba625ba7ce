package org.dlmexact.sampler;

import java.util.Objects;
import java.util.function.Consumer;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.law.SequenceSpace;

/**
 * What a step kernel sees of one state of a sampler: the step index, the visible set {@code S}
 * (bit mask), the visible values {@code x_S} (index over the positions of {@code S}, position 0
 * most significant), the predictor's rows {@code p̂_i(. | x_S)} at the masked positions, and
 * exact derived quantities of those rows (entropy, maximum, margin), each computed once. A kernel
 * reports the decisions it takes on an exact tie or at an exact threshold with
 * {@link #boundary}. Not thread-safe; valid for the duration of one kernel call.
 */
public final class State {

    //@ public invariant step() >= 1 && visibleMask() >= 0 && valuesIndex() >= 0;
    private final PredictiveRows rows;
    private final SequenceSpace space;
    private final int step;
    private final int mask;
    private final int values;
    private final int[] x;
    private final Consumer<Boundary> boundaries;
    private final ExactReal[] entropy;
    private final Rational[] max;

    /**
     * The state {@code (visibleMask, valuesIndex)} before step {@code step}, with the rows of
     * {@code rows}; boundaries go to {@code boundaries}.
     */
    /*@ public normal_behavior
      @   requires rows != null && boundaries != null && step >= 1;
      @   requires 0 <= visibleMask && visibleMask <= rows.lattice().law().space().fullMask();
      @   requires 0 <= valuesIndex && valuesIndex < rows.lattice().law().space().power(Integer.bitCount(visibleMask));
      @   ensures \result.step() == step && \result.visibleMask() == visibleMask && \result.valuesIndex() == valuesIndex;
      @ also public exceptional_behavior
      @   requires rows != null && boundaries != null && !(step >= 1
      @        && 0 <= visibleMask && visibleMask <= rows.lattice().law().space().fullMask()
      @        && 0 <= valuesIndex && valuesIndex < rows.lattice().law().space().power(Integer.bitCount(visibleMask)));
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public static State of(PredictiveRows rows, int step, int visibleMask, int valuesIndex,
                           Consumer<Boundary> boundaries) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(boundaries, "boundaries");
        SequenceSpace sp = rows.lattice().law().space();
        if (step < 1 || visibleMask < 0 || visibleMask > sp.fullMask() || valuesIndex < 0
                || valuesIndex >= sp.power(Integer.bitCount(visibleMask))) {
            throw new IllegalArgumentException("bad state: step " + step + ", mask " + visibleMask + ", values "
                    + valuesIndex + " in " + sp);
        }
        return new State(rows, step, visibleMask, valuesIndex, boundaries);
    }

    private State(PredictiveRows rows, int step, int mask, int values, Consumer<Boundary> boundaries) {
        this.rows = rows;
        this.space = rows.lattice().law().space();
        this.step = step;
        this.mask = mask;
        this.values = values;
        this.x = new int[space.length()];
        Context.decode(space, mask, values, x);
        this.boundaries = boundaries;
        this.entropy = new ExactReal[space.length()];
        this.max = new Rational[space.length()];
    }

    /** The step (from 1) about to be taken. */
    //@ pure helper
    public int step() {
        return step;
    }

    //@ pure helper
    public int visibleMask() {
        return mask;
    }

    //@ pure helper
    public int valuesIndex() {
        return values;
    }

    //@ pure
    public int length() {
        return space.length();
    }

    //@ pure
    public int alphabetSize() {
        return space.alphabetSize();
    }

    /** The masked positions (bit mask). */
    //@ ensures (\result & visibleMask()) == 0;
    //@ pure
    public int maskedMask() {
        return space.fullMask() & ~mask;
    }

    /** The number of masked positions. */
    //@ ensures \result >= 0;
    //@ pure
    public int maskedCount() {
        return space.length() - Integer.bitCount(mask);
    }

    /** The token at a visible position. */
    /*@ public normal_behavior
      @   requires 0 <= position && position < length() && (visibleMask() & (1 << position)) != 0;
      @ pure @*/
    public int token(int position) {
        if (position < 0 || position >= space.length() || (mask & (1 << position)) == 0) {
            throw new IllegalArgumentException("position " + position + " is not visible in this state");
        }
        return x[position];
    }

    /**
     * The predictor's row {@code p̂_i(. | x_S)} at a masked position (shared: do not modify).
     *
     * @throws org.dlmexact.exact.InvalidInputException a predictor error ({@link PredictiveRows#row})
     */
    /*@ public normal_behavior
      @   requires 0 <= position && position < length() && (visibleMask() & (1 << position)) == 0;
      @   ensures \result.length == alphabetSize();
      @*/
    public Rational[] row(int position) {
        return rows.row(mask, values, position);
    }

    /** The entropy {@code H(p̂_i(. | x_S))} of a masked position's row, exact (nats). */
    /*@ public normal_behavior
      @   requires 0 <= position && position < length() && (visibleMask() & (1 << position)) == 0;
      @   ensures \result.signum() >= 0;
      @*/
    public ExactReal entropy(int position) {
        if (entropy[position] == null) {
            entropy[position] = Rows.entropy(row(position));
        }
        return entropy[position];
    }

    /** The largest probability {@code max_a p̂_i(a | x_S)} of a masked position's row. */
    /*@ public normal_behavior
      @   requires 0 <= position && position < length() && (visibleMask() & (1 << position)) == 0;
      @   ensures \result.signum() > 0;
      @*/
    public Rational maxProbability(int position) {
        if (max[position] == null) {
            max[position] = Rows.max(row(position));
        }
        return max[position];
    }

    /** Reports a decision boundary of this step at this state. */
    /*@ public normal_behavior
      @   requires kind != null && what != null && positions > 0;
      @*/
    public void boundary(Boundary.Kind kind, int positions, String what) {
        boundaries.accept(Boundary.of(step, mask, values, kind, positions, what));
    }

    /** This state's visible values as a sequence with {@code -1} at masked positions (a copy). */
    //@ ensures \result.length == length();
    //@ pure
    public int[] tokens() {
        int[] r = x.clone();
        for (int i = 0; i < r.length; i++) {
            if ((mask & (1 << i)) == 0) {
                r[i] = -1;
            }
        }
        return r;
    }
}
