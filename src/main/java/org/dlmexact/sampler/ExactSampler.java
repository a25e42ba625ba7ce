package org.dlmexact.sampler;

import java.math.BigInteger;
import java.util.Objects;
import org.dlmexact.law.SequenceSpace;
import org.dlmexact.law.SplitMix64;

/**
 * Exact sampling from the random-order sampler with integer arithmetic only, reproducible bit
 * for bit from the seed on every JVM. One sample:
 * <ol>
 *   <li>a uniformly random permutation of the positions by Fisher-Yates: for
 *       {@code n = L-1} down to {@code 1}, {@code r = nextBelow(n + 1)}, swap entries {@code n}
 *       and {@code r} of {@code [0, 1, ..., L-1]}; the first {@code k_1} entries form {@code B_1},
 *       the next {@code k_2} form {@code B_2}, and so on (a uniform ordered partition);</li>
 *   <li>for {@code j = 1..T}, the positions of {@code B_j} in increasing order: with the row
 *       {@code p̂_i(. | x_{C_j})} written over its least common denominator {@code D}
 *       ({@link PredictiveRows#cumulative}), draw {@code u} uniform in {@code [0, D)} and take the
 *       smallest token {@code a} with {@code u < D (p_0 + ... + p_a)}.</li>
 * </ol>
 * A uniform integer below {@code D < 2^63} is {@link SplitMix64#nextBelow}; for larger {@code D}
 * it is drawn by rejection from {@code 64 * ceil(bitLength(D)/64)} bits assembled from successive
 * outputs, most significant word first. All draws come from one generator in the order above.
 */
public final class ExactSampler {

    //@ public invariant rows() != null && schedule() != null;
    private final PredictiveRows rows;
    private final Schedule schedule;
    private final SequenceSpace space;

    /*@ public normal_behavior
      @   requires rows != null && schedule != null && schedule.length() == rows.lattice().law().length();
      @   ensures rows() == rows && schedule() == schedule;
      @ also public exceptional_behavior
      @   requires rows != null && schedule != null && schedule.length() != rows.lattice().law().length();
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public ExactSampler(PredictiveRows rows, Schedule schedule) {
        this.rows = Objects.requireNonNull(rows, "rows");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.space = rows.lattice().law().space();
        if (schedule.length() != space.length()) {
            throw new IllegalArgumentException("schedule " + schedule + " has length " + schedule.length()
                    + " but the law has length " + space.length());
        }
    }

    //@ pure helper
    public PredictiveRows rows() {
        return rows;
    }

    //@ pure helper
    public Schedule schedule() {
        return schedule;
    }

    /** One sample, drawn with {@code rng}. */
    /*@ public normal_behavior
      @   requires rng != null;
      @   ensures \result.length == schedule().length();
      @   ensures (\forall int i; 0 <= i && i < \result.length; 0 <= \result[i] && \result[i] < rows().lattice().law().alphabetSize());
      @   assignable rng.*;
      @*/
    public int[] sample(SplitMix64 rng) {
        int l = space.length();
        int[] perm = new int[l];
        for (int n = 0; n < l; n++) {
            perm[n] = n;
        }
        for (int n = l - 1; n >= 1; n--) {
            int r = (int) rng.nextBelow(n + 1);
            int t = perm[n];
            perm[n] = perm[r];
            perm[r] = t;
        }
        int[] x = new int[l];
        int visible = 0;
        int next = 0;
        for (int j = 1; j <= schedule.steps(); j++) {
            int block = 0;
            for (int n = 0; n < schedule.size(j); n++) {
                block |= 1 << perm[next++];
            }
            int values = Context.encode(space, visible, x);
            for (int m = block; m != 0; m &= m - 1) {
                int i = Integer.numberOfTrailingZeros(m);
                BigInteger[] c = rows.cumulative(visible, values, i);
                BigInteger u = uniformBelow(rng, c[c.length - 1]);
                int a = 0;
                while (u.compareTo(c[a]) >= 0) {
                    a++;
                }
                x[i] = a;
            }
            visible |= block;
        }
        return x;
    }

    /** A uniform integer in {@code [0, bound)}, as documented in the class comment. */
    /*@ public normal_behavior
      @   requires rng != null && bound != null && bound.signum() > 0;
      @   ensures \result.signum() >= 0 && \result.compareTo(bound) < 0;
      @   assignable rng.*;
      @*/
    public static BigInteger uniformBelow(SplitMix64 rng, BigInteger bound) {
        if (bound.signum() <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        if (bound.bitLength() <= 63) {
            return BigInteger.valueOf(rng.nextBelow(bound.longValueExact()));
        }
        int words = (bound.bitLength() + 63) / 64;
        BigInteger range = BigInteger.ONE.shiftLeft(64 * words);
        BigInteger limit = range.subtract(range.mod(bound));
        while (true) {
            BigInteger r = BigInteger.ZERO;
            for (int w = 0; w < words; w++) {
                r = r.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(rng.nextLong())));
            }
            if (r.compareTo(limit) < 0) {
                return r.mod(bound);
            }
        }
    }
}
