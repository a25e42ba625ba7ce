package org.dlmexact.sampler;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dlmexact.exact.Rational;
import org.dlmexact.law.SequenceSpace;
import org.dlmexact.law.SplitMix64;

/**
 * Exact sampling from any {@link Sampler} with integer arithmetic only, reproducible bit for bit
 * from the seed on every JVM. All draws come from one SplitMix64 generator, in this order:
 * <ol>
 *   <li>if the sampler draws its positions up front ({@link Sampler#plan}), that plan (for the
 *       random-order sampler a Fisher-Yates permutation); then each step reveals the planned
 *       positions, tokens drawn in increasing position order from the predictor's rows;</li>
 *   <li>otherwise, for each step: the branch of the step's {@link Moves} (skipped when there is
 *       one), then a draw at every drawn position in increasing order, then the selector's kept
 *       set (skipped when it has one).</li>
 * </ol>
 * Every draw is the same inverse-CDF rule ({@link #draw}): a list of probabilities written over its
 * least common denominator {@code D}, {@code u} uniform in {@code [0, D)}
 * ({@link #uniformBelow}), the first entry {@code a} with {@code u < D (p_0 + ... + p_a)}. Optionally
 * the visited states are recorded (a trajectory: the sequence after every step, {@code -1} for
 * masked).
 */
public final class ProcessSampler {

    /** At most this many states' moves are cached; then the cache starts afresh. */
    static final int CACHE = 1 << 16;

    //@ public invariant rows() != null && sampler() != null;
    private final PredictiveRows rows;
    private final Sampler sampler;
    private final SequenceSpace space;
    private final Map<Long, Moves> cache = new HashMap<>();

    /*@ public normal_behavior
      @   requires rows != null && sampler != null && sampler.length() == rows.lattice().law().length();
      @   ensures rows() == rows && sampler() == sampler;
      @ also public exceptional_behavior
      @   requires rows != null && sampler != null && sampler.length() != rows.lattice().law().length();
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public ProcessSampler(PredictiveRows rows, Sampler sampler) {
        this.rows = Objects.requireNonNull(rows, "rows");
        this.sampler = Objects.requireNonNull(sampler, "sampler");
        this.space = rows.lattice().law().space();
        if (sampler.length() != space.length()) {
            throw new IllegalArgumentException("sampler " + sampler.spec() + " has length " + sampler.length()
                    + " but the law has length " + space.length());
        }
    }

    //@ pure helper
    public PredictiveRows rows() {
        return rows;
    }

    //@ pure helper
    public Sampler sampler() {
        return sampler;
    }

    /** One sample, drawn with {@code rng}. */
    /*@ public normal_behavior
      @   requires rng != null;
      @   ensures \result.length == sampler().length();
      @   assignable rng.*;
      @*/
    public int[] sample(SplitMix64 rng) {
        List<int[]> t = run(rng, false);
        return t.get(t.size() - 1);
    }

    /**
     * One run, drawn with {@code rng} exactly as {@link #sample} draws it: the sequence before the
     * first step (all {@code -1}) and after every step ({@code -1} for masked), one entry per step
     * the sampler takes (for a fixed number of steps, every step, including steps that change
     * nothing).
     */
    /*@ public normal_behavior
      @   requires rng != null;
      @   ensures \result.size() >= 2 && \result.get(0).length == sampler().length();
      @   assignable rng.*;
      @*/
    public List<int[]> trajectory(SplitMix64 rng) {
        return run(rng, true);
    }

    private List<int[]> run(SplitMix64 rng, boolean record) {
        Objects.requireNonNull(rng, "rng");
        int l = space.length();
        int full = space.fullMask();
        int[] x = new int[l];
        int visible = 0;
        List<int[]> out = new ArrayList<>();
        if (record) {
            out.add(tokens(x, visible));
        }
        int[] plan = sampler.plan(rng);
        int fixed = sampler.fixedSteps();
        for (int j = 1; fixed >= 0 ? j <= fixed : visible != full; j++) {
            if (visible == full && !sampler.remasks()) {
                if (record) {
                    out.add(tokens(x, visible));
                }
                continue;
            }
            int values = Context.encode(space, visible, x);
            if (plan != null) {
                for (int m = plan[j - 1]; m != 0; m &= m - 1) {
                    int i = Integer.numberOfTrailingZeros(m);
                    x[i] = draw(rng, rows.cumulative(visible, values, i));
                }
                visible |= plan[j - 1];
            } else {
                visible = step(rng, j, visible, values, x);
            }
            if (record) {
                out.add(tokens(x, visible));
            }
        }
        if (!record) {
            out.add(x);
        }
        return out;
    }

    /** Takes step {@code j}: updates {@code x} and returns the new visible set. */
    private int step(SplitMix64 rng, int j, int visible, int values, int[] x) {
        long key = ((long) j << 48) ^ ((long) visible << 24) ^ values;
        Moves mv = cache.get(key);
        if (mv == null || mv.state().step() != j || mv.state().visibleMask() != visible
                || mv.state().valuesIndex() != values) {
            State st = State.of(rows, j, visible, values, b -> { });
            mv = new Moves(st);
            sampler.step(st, mv);
            if (cache.size() >= CACHE) {
                cache.clear();
            }
            cache.put(key, mv);
        }
        List<Moves.Branch> bs = mv.branches();
        Moves.Branch b = bs.get(0);
        if (bs.size() > 1) {
            Rational[] w = new Rational[bs.size()];
            for (int n = 0; n < w.length; n++) {
                w[n] = bs.get(n).weight;
            }
            b = bs.get(draw(rng, Rows.cumulative(w)));
        }
        int[] y = new int[x.length];
        Arrays.fill(y, -1);
        int v = space.alphabetSize();
        for (int m = b.drawn; m != 0; m &= m - 1) {
            int i = Integer.numberOfTrailingZeros(m);
            int a = draw(rng, Rows.cumulative(b.rows[i]));
            y[i] = a == v ? -1 : a;
        }
        int kept = 0;
        if (b.selector == null) {
            for (int m = b.drawn; m != 0; m &= m - 1) {
                int i = Integer.numberOfTrailingZeros(m);
                kept |= y[i] >= 0 ? 1 << i : 0;
            }
        } else {
            List<Rational> ws = new ArrayList<>();
            List<Integer> ks = new ArrayList<>();
            b.selector.select(y.clone(), (weight, k) -> {
                ws.add(weight);
                ks.add(k);
            });
            kept = ks.get(0);
            if (ks.size() > 1) {
                kept = ks.get(draw(rng, Rows.cumulative(ws.toArray(new Rational[0]))));
            }
        }
        int remasked = 0;
        for (int m = b.drawn & visible; m != 0; m &= m - 1) {
            int i = Integer.numberOfTrailingZeros(m);
            remasked |= y[i] < 0 ? 1 << i : 0;
        }
        for (int m = kept & ~visible; m != 0; m &= m - 1) {
            int i = Integer.numberOfTrailingZeros(m);
            x[i] = y[i];
        }
        return (visible & ~remasked) | (kept & ~visible);
    }

    private static int[] tokens(int[] x, int visible) {
        int[] r = x.clone();
        for (int i = 0; i < r.length; i++) {
            if ((visible & (1 << i)) == 0) {
                r[i] = -1;
            }
        }
        return r;
    }

    /**
     * The inverse-CDF draw: {@code cumulative} holds {@code D (p_0 + ... + p_a)} for each entry and
     * then {@code D}; returns the first {@code a} with {@code u < D (p_0 + ... + p_a)} for
     * {@code u = uniformBelow(rng, D)}.
     */
    /*@ public normal_behavior
      @   requires rng != null && cumulative != null && cumulative.length >= 2;
      @   requires cumulative[cumulative.length - 1].signum() > 0;
      @   ensures 0 <= \result && \result < cumulative.length - 1;
      @   assignable rng.*;
      @*/
    public static int draw(SplitMix64 rng, BigInteger[] cumulative) {
        BigInteger u = uniformBelow(rng, cumulative[cumulative.length - 1]);
        int a = 0;
        while (u.compareTo(cumulative[a]) >= 0) {
            a++;
        }
        return a;
    }

    /**
     * A uniform integer in {@code [0, bound)}: {@link SplitMix64#nextBelow} when
     * {@code bound < 2^63}, otherwise by rejection from {@code 64 * ceil(bitLength(bound)/64)} bits
     * assembled from successive outputs, most significant word first.
     */
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
