package org.dlmexact.sampler;

import java.util.Arrays;
import org.dlmexact.law.SequenceSpace;

/**
 * A predictive context: the visible positions {@code C} (bit mask), their values {@code x_C}
 * (index over the positions of {@code C} in increasing order, position 0 most significant, as in
 * {@link org.dlmexact.law.MarginalLattice}), a masked position {@code i} and, when it names an
 * offending prediction, a token {@code a} (else {@code -1}). Also the digit helpers shared by the
 * sampler classes. Immutable.
 */
public final class Context {

    //@ public invariant visibleMask() >= 0 && valuesIndex() >= 0 && position() >= 0 && token() >= -1;
    //@ public invariant (visibleMask() & (1 << position())) == 0;
    private final int mask;
    private final int values;
    private final int position;
    private final int token;
    private final int[] visiblePositions;
    private final int[] visibleValues;

    /*@ public normal_behavior
      @   requires space != null && 0 <= mask && mask <= space.fullMask();
      @   requires 0 <= values && values < space.power(Integer.bitCount(mask));
      @   requires 0 <= position && position < space.length() && (mask & (1 << position)) == 0;
      @   requires -1 <= token && token < space.alphabetSize();
      @   ensures \result.visibleMask() == mask && \result.position() == position && \result.token() == token;
      @ also public exceptional_behavior
      @   requires space != null && !(0 <= mask && mask <= space.fullMask()
      @        && 0 <= values && values < space.power(Integer.bitCount(mask))
      @        && 0 <= position && position < space.length() && (mask & (1 << position)) == 0
      @        && -1 <= token && token < space.alphabetSize());
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public static Context of(SequenceSpace space, int mask, int values, int position, int token) {
        if (mask < 0 || mask > space.fullMask() || values < 0 || values >= space.power(Integer.bitCount(mask))
                || position < 0 || position >= space.length() || (mask & (1 << position)) != 0
                || token < -1 || token >= space.alphabetSize()) {
            throw new IllegalArgumentException("bad context: mask " + mask + ", values " + values + ", position "
                    + position + ", token " + token + " in " + space);
        }
        int[] x = new int[space.length()];
        decode(space, mask, values, x);
        int[] pos = positions(mask);
        int[] val = new int[pos.length];
        for (int n = 0; n < pos.length; n++) {
            val[n] = x[pos[n]];
        }
        return new Context(mask, values, position, token, pos, val);
    }

    private Context(int mask, int values, int position, int token, int[] pos, int[] val) {
        this.mask = mask;
        this.values = values;
        this.position = position;
        this.token = token;
        this.visiblePositions = pos;
        this.visibleValues = val;
    }

    //@ pure helper
    public int visibleMask() {
        return mask;
    }

    //@ pure helper
    public int valuesIndex() {
        return values;
    }

    //@ pure helper
    public int position() {
        return position;
    }

    /** The offending token, or -1 when the context names no token. */
    //@ pure helper
    public int token() {
        return token;
    }

    /** The visible positions in increasing order (a copy). */
    //@ pure
    public int[] visiblePositions() {
        return visiblePositions.clone();
    }

    /** The visible values, aligned with {@link #visiblePositions()} (a copy). */
    //@ pure
    public int[] visibleValues() {
        return visibleValues.clone();
    }

    /** E.g. {@code visible [0, 2] = [1, 0], position 1, token 1}. */
    /*@ also public normal_behavior
      @   ensures \result != null;
      @ pure @*/
    @Override
    public String toString() {
        return "visible " + Arrays.toString(visiblePositions) + " = " + Arrays.toString(visibleValues) + ", position "
                + position + (token >= 0 ? ", token " + token : "");
    }

    /*@ also public normal_behavior
      @   ensures \result ==> o != null && o.getClass() == getClass();
      @ pure @*/
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Context)) {
            return false;
        }
        Context c = (Context) o;
        return c.mask == mask && c.values == values && c.position == position && c.token == token;
    }

    /*@ also public normal_behavior
      @   ensures true;
      @ pure @*/
    @Override
    public int hashCode() {
        return ((mask * 31 + values) * 31 + position) * 31 + token;
    }

    /** The positions of {@code mask} in increasing order. */
    //@ requires mask >= 0;
    //@ ensures \result.length == Integer.bitCount(mask);
    //@ pure
    public static int[] positions(int mask) {
        int[] r = new int[Integer.bitCount(mask)];
        int n = 0;
        for (int m = mask; m != 0; m &= m - 1) {
            r[n++] = Integer.numberOfTrailingZeros(m);
        }
        return r;
    }

    /**
     * Writes the digits of {@code values} (an index over the positions of {@code mask}) into
     * {@code x} at those positions; other entries of {@code x} are left alone.
     */
    /*@ public normal_behavior
      @   requires space != null && x != null && x.length == space.length();
      @   requires 0 <= mask && mask <= space.fullMask() && 0 <= values && values < space.power(Integer.bitCount(mask));
      @   assignable x[*];
      @*/
    public static void decode(SequenceSpace space, int mask, int values, int[] x) {
        int v = space.alphabetSize();
        int r = values;
        for (int i = space.length() - 1; i >= 0; i--) {
            if ((mask & (1 << i)) != 0) {
                x[i] = r % v;
                r /= v;
            }
        }
    }

    /** The index over the positions of {@code mask} of the values {@code x} there. */
    /*@ public normal_behavior
      @   requires space != null && x != null && x.length == space.length() && 0 <= mask && mask <= space.fullMask();
      @   requires (\forall int i; 0 <= i && i < x.length; 0 <= x[i] && x[i] < space.alphabetSize());
      @   ensures 0 <= \result && \result < space.power(Integer.bitCount(mask));
      @ pure @*/
    public static int encode(SequenceSpace space, int mask, int[] x) {
        int v = space.alphabetSize();
        int r = 0;
        for (int i = 0; i < space.length(); i++) {
            if ((mask & (1 << i)) != 0) {
                r = r * v + x[i];
            }
        }
        return r;
    }

    /**
     * The index over {@code mask + {position}} of the values {@code values} on {@code mask}
     * extended by {@code token} at {@code position} (which must not be in {@code mask}).
     */
    /*@ public normal_behavior
      @   requires space != null && 0 <= mask && mask <= space.fullMask() && 0 <= position && position < space.length();
      @   requires (mask & (1 << position)) == 0 && 0 <= token && token < space.alphabetSize();
      @   ensures 0 <= \result && \result < space.power(Integer.bitCount(mask) + 1);
      @ pure @*/
    public static int extend(SequenceSpace space, int mask, int values, int position, int token) {
        int low = space.power(Integer.bitCount(mask >>> (position + 1)));
        return (values / low) * low * space.alphabetSize() + token * low + values % low;
    }
}
