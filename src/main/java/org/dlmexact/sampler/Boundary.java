package org.dlmexact.sampler;

import java.util.Arrays;
import java.util.Objects;

/**
 * A decision boundary: a ranking or threshold decision, on a state the sampler reaches with
 * positive probability, whose outcome rests on an exact tie or on exact equality with a
 * threshold. There exact arithmetic and a floating-point implementation can part (a float may
 * break the tie either way, or round a probability of exactly {@code 9/10} below {@code 0.9}), so
 * the sampler's law is the law of an implementation only if that implementation decides these
 * cases as the sampler's {@code ties} and {@code boundary} keys say. Immutable.
 *
 * <ul>
 *   <li>{@link Kind#TIE}: positions with exactly equal ranking keys straddle the cut of a
 *       ranking (which of them are chosen depends on the tie-break), or tokens with exactly
 *       equal maximal probability (an argmax); {@link #positions()} are the tied positions.</li>
 *   <li>{@link Kind#THRESHOLD}: a key exactly equal to a threshold (whether the position is
 *       taken depends on {@code >=} against {@code >}); {@link #positions()} are the positions
 *       whose key equals the threshold.</li>
 * </ul>
 */
public final class Boundary implements Comparable<Boundary> {

    /** The kind of decision. */
    public enum Kind {
        /** An exact tie of ranking keys across a cut, or of maximal token probabilities. */
        TIE("tie"),
        /** A key exactly equal to a threshold. */
        THRESHOLD("threshold");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        /** {@code tie} or {@code threshold}. */
        /*@ also public normal_behavior
          @   ensures \result != null;
          @ pure @*/
        @Override
        public String toString() {
            return text;
        }
    }

    //@ public invariant step() >= 1 && visibleMask() >= 0 && valuesIndex() >= 0 && positions() != 0;
    private final int step;
    private final int mask;
    private final int values;
    private final Kind kind;
    private final int positions;
    private final String what;

    /*@ public normal_behavior
      @   requires step >= 1 && visibleMask >= 0 && valuesIndex >= 0 && positions > 0 && kind != null && what != null;
      @   ensures \result.step() == step && \result.visibleMask() == visibleMask && \result.kind() == kind;
      @ also public exceptional_behavior
      @   requires kind != null && what != null && !(step >= 1 && visibleMask >= 0 && valuesIndex >= 0 && positions > 0);
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public static Boundary of(int step, int visibleMask, int valuesIndex, Kind kind, int positions, String what) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(what, "what");
        if (step < 1 || visibleMask < 0 || valuesIndex < 0 || positions <= 0) {
            throw new IllegalArgumentException("bad boundary: step " + step + ", mask " + visibleMask + ", values "
                    + valuesIndex + ", positions " + positions);
        }
        return new Boundary(step, visibleMask, valuesIndex, kind, positions, what);
    }

    private Boundary(int step, int mask, int values, Kind kind, int positions, String what) {
        this.step = step;
        this.mask = mask;
        this.values = values;
        this.kind = kind;
        this.positions = positions;
        this.what = what;
    }

    /** The step (from 1) whose decision it is. */
    //@ pure helper
    public int step() {
        return step;
    }

    /** The visible set of the state before the step (bit mask). */
    //@ pure helper
    public int visibleMask() {
        return mask;
    }

    /** The visible values of the state (index over the visible positions). */
    //@ pure helper
    public int valuesIndex() {
        return values;
    }

    //@ pure helper
    public Kind kind() {
        return kind;
    }

    /** The positions involved (bit mask). */
    //@ pure helper
    public int positions() {
        return positions;
    }

    /** What is tied or at the threshold, in words (e.g. {@code equal entropy} or {@code confidence = 9/10}). */
    //@ pure helper
    public String what() {
        return what;
    }

    /** Order: step, visible mask, values, kind, positions, text. */
    /*@ also public normal_behavior
      @   requires o != null;
      @ pure @*/
    @Override
    public int compareTo(Boundary o) {
        int c = Integer.compare(step, o.step);
        c = c != 0 ? c : Integer.compare(mask, o.mask);
        c = c != 0 ? c : Integer.compare(values, o.values);
        c = c != 0 ? c : kind.compareTo(o.kind);
        c = c != 0 ? c : Integer.compare(positions, o.positions);
        return c != 0 ? c : what.compareTo(o.what);
    }

    /*@ also public normal_behavior
      @   ensures \result ==> o instanceof Boundary;
      @ pure @*/
    @Override
    public boolean equals(Object o) {
        return o instanceof Boundary && compareTo((Boundary) o) == 0;
    }

    /*@ also public normal_behavior
      @   ensures true;
      @ pure @*/
    @Override
    public int hashCode() {
        return Objects.hash(step, mask, values, kind, positions, what);
    }

    /** E.g. {@code step 2, visible [0] = [1]: tie of positions [2, 3] (equal entropy)}. */
    /*@ also public normal_behavior
      @   ensures \result != null;
      @ pure @*/
    @Override
    public String toString() {
        return "step " + step + ", visible " + Arrays.toString(Context.positions(mask)) + " = values index " + values
                + ": " + kind + " of positions " + Arrays.toString(Context.positions(positions)) + " (" + what + ")";
    }
}
