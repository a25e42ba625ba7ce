package org.dlmexact.validate;

import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.statistics.inference.GTest;

/**
 * The G-test (likelihood ratio) of observed counts against expected counts with the pooling rule of
 * {@code validate samples} and {@code validate trajectories} (SPEC section 4): every cell with
 * expected count below {@value #MIN_EXPECTED} goes into one pooled cell; while the pooled cell is
 * non-empty and its expected count is still below {@value #MIN_EXPECTED}, the cell with the smallest
 * expected count joins it (equal expected counts: the earlier cell first). The test runs on the
 * remaining cells and the pooled cell with {@code cells - 1} degrees of freedom (Commons Statistics
 * {@link GTest}); with fewer than two cells there is nothing to test (statistic 0, no degrees of
 * freedom, p-value 1). Floating point by nature: it decides only statistical verdicts. Immutable.
 */
public final class PooledGTest {

    /** Cells with a smaller expected count are pooled. */
    public static final double MIN_EXPECTED = 5.0;

    //@ public invariant cells() >= 0 && pooledCells() >= 0 && degreesOfFreedom() >= 0;
    private final int cells;
    private final int pooled;
    private final double statistic;
    private final double pValue;
    private final boolean[] inPool;

    private PooledGTest(int cells, int pooled, double statistic, double pValue, boolean[] inPool) {
        this.cells = cells;
        this.pooled = pooled;
        this.statistic = statistic;
        this.pValue = pValue;
        this.inPool = inPool;
    }

    /**
     * The test of {@code observed} against {@code expected} (same length, expected counts positive).
     *
     * @throws IllegalArgumentException for arrays of different lengths, a non-positive or non-finite
     *     expected count or a negative observed count
     */
    /*@ public normal_behavior
      @   requires expected != null && observed != null && expected.length == observed.length;
      @   requires (\forall int i; 0 <= i && i < expected.length; expected[i] > 0 && observed[i] >= 0);
      @   ensures \result.cells() <= expected.length;
      @ also public exceptional_behavior
      @   requires expected != null && observed != null && !(expected.length == observed.length
      @        && (\forall int i; 0 <= i && i < expected.length; expected[i] > 0 && observed[i] >= 0));
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public static PooledGTest of(double[] expected, long[] observed) {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(observed, "observed");
        if (expected.length != observed.length) {
            throw new IllegalArgumentException(expected.length + " expected counts for " + observed.length + " observed");
        }
        int n = expected.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            if (!(expected[i] > 0) || Double.isInfinite(expected[i]) || observed[i] < 0) {
                throw new IllegalArgumentException("cell " + i + ": expected " + expected[i] + ", observed "
                        + observed[i]);
            }
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(expected[a], expected[b]));
        boolean[] inPool = new boolean[n];
        double pooledE = 0;
        long pooledO = 0;
        int pooled = 0;
        while (pooled < n && expected[order[pooled]] < MIN_EXPECTED) {
            pooledE += expected[order[pooled]];
            pooledO += observed[order[pooled]];
            inPool[order[pooled++]] = true;
        }
        while (pooled > 0 && pooledE < MIN_EXPECTED && pooled < n) {
            pooledE += expected[order[pooled]];
            pooledO += observed[order[pooled]];
            inPool[order[pooled++]] = true;
        }
        int k = n - pooled + (pooled > 0 ? 1 : 0);
        if (k < 2) {
            return new PooledGTest(k, pooled, 0, 1.0, inPool);
        }
        double[] e = new double[k];
        long[] o = new long[k];
        int c = 0;
        for (int i = pooled; i < n; i++) {
            e[c] = expected[order[i]];
            o[c++] = observed[order[i]];
        }
        if (pooled > 0) {
            e[c] = pooledE;
            o[c] = pooledO;
        }
        var r = GTest.withDefaults().test(e, o);
        return new PooledGTest(k, pooled, r.getStatistic(), r.getPValue(), inPool);
    }

    /** The cells tested after pooling (the pooled cell counts as one). */
    //@ pure helper
    public int cells() {
        return cells;
    }

    /** How many of the given cells were pooled (0 when none). */
    //@ pure helper
    public int pooledCells() {
        return pooled;
    }

    /** Whether the {@code i}-th given cell went into the pooled cell. */
    /*@ public normal_behavior
      @   requires 0 <= i;
      @ pure @*/
    public boolean pooled(int i) {
        return inPool[i];
    }

    /** {@code cells() - 1}, at least 0. */
    //@ ensures \result == Math.max(0, cells() - 1);
    //@ pure
    public int degreesOfFreedom() {
        return Math.max(0, cells - 1);
    }

    /** Whether a test ran (at least two cells). */
    //@ ensures \result <==> cells() >= 2;
    //@ pure
    public boolean tested() {
        return cells >= 2;
    }

    /** The G statistic ({@code 0} when nothing was tested). */
    //@ pure helper
    public double statistic() {
        return statistic;
    }

    /** The p-value ({@code 1} when nothing was tested). */
    //@ pure helper
    public double pValue() {
        return pValue;
    }
}
