package org.dlmexact.sampler;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Collects the decision boundaries a sampler's kernels report ({@link State#boundary}): the distinct
 * ones, sorted, at most a given number kept, every new one counted (a boundary reported again while
 * kept is not counted twice). Shared by {@link ProcessLaw} and the step-by-step validation. Not
 * thread-safe.
 */
public final class BoundaryLog implements Consumer<Boundary> {

    //@ public invariant count() >= kept().size();
    private final int max;
    private final SortedSet<Boundary> kept = new TreeSet<>();
    private long count;

    /** A log keeping at most {@code max} boundaries. */
    /*@ public normal_behavior
      @   requires max >= 0;
      @   ensures \result.count() == 0;
      @ also public exceptional_behavior
      @   requires max < 0;
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public static BoundaryLog keeping(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must be non-negative, got " + max);
        }
        return new BoundaryLog(max);
    }

    private BoundaryLog(int max) {
        this.max = max;
    }

    /** Records {@code b}. */
    /*@ also public normal_behavior
      @   requires b != null;
      @   assignable \everything;
      @*/
    @Override
    public void accept(Boundary b) {
        Objects.requireNonNull(b, "boundary");
        if (kept.contains(b)) {
            return;
        }
        count++;
        if (kept.size() < max) {
            kept.add(b);
        }
    }

    /** The kept boundaries, sorted (a read-only view). */
    //@ ensures \result != null;
    //@ pure
    public SortedSet<Boundary> kept() {
        return Collections.unmodifiableSortedSet(kept);
    }

    /** How many distinct boundaries were recorded (may exceed the kept ones). */
    //@ ensures \result >= 0;
    //@ pure helper
    public long count() {
        return count;
    }
}
