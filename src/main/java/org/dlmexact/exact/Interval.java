package org.dlmexact.exact;

import java.util.Objects;

/**
 * A closed interval {@code [lo, hi]} with exact rational endpoints: a certified enclosure of a
 * real number.
 */
public final class Interval {

    //@ public invariant lo().compareTo(hi()) <= 0;
    private final Rational lo;
    private final Rational hi;

    private Interval(Rational lo, Rational hi) {
        this.lo = lo;
        this.hi = hi;
    }

    /*@ public normal_behavior
      @   requires lo != null && hi != null && lo.compareTo(hi) <= 0;
      @   ensures \result.lo().equals(lo) && \result.hi().equals(hi);
      @ also public exceptional_behavior
      @   requires lo != null && hi != null && lo.compareTo(hi) > 0;
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public static Interval of(Rational lo, Rational hi) {
        Objects.requireNonNull(lo, "lo");
        Objects.requireNonNull(hi, "hi");
        if (lo.compareTo(hi) > 0) {
            throw new IllegalArgumentException("empty interval [" + lo + ", " + hi + "]");
        }
        return new Interval(lo, hi);
    }

    //@ pure helper
    public Rational lo() {
        return lo;
    }

    //@ pure helper
    public Rational hi() {
        return hi;
    }

    //@ ensures \result.signum() >= 0;
    //@ pure
    public Rational width() {
        return hi.subtract(lo);
    }

    //@ requires x != null;
    //@ ensures \result == (lo().compareTo(x) <= 0 && x.compareTo(hi()) <= 0);
    //@ pure
    public boolean contains(Rational x) {
        return lo.compareTo(x) <= 0 && x.compareTo(hi) <= 0;
    }

    /** 1 if every point is positive, -1 if every point is negative, 0 if the interval meets zero. */
    //@ pure
    public int strictSign() {
        if (lo.signum() > 0) {
            return 1;
        }
        if (hi.signum() < 0) {
            return -1;
        }
        return 0;
    }

    /*@ also public normal_behavior
      @   ensures \result != null;
      @ pure @*/
    @Override
    public String toString() {
        return "[" + lo + ", " + hi + "]";
    }
}
