package org.dlmexact.sampler;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.dlmexact.law.SequenceSpace;
import org.dlmexact.law.SplitMix64;

/**
 * Exact sampling from an adaptive {@link Rule} with integer arithmetic only, reproducible bit for
 * bit from the seed. Starting from the all-mask state, each round:
 * <ul>
 *   <li>deterministic rules: the batch {@code B = rule.batch(S, x_S)} is decided exactly (cached
 *       per state); for the positions of {@code B} in increasing order a token is drawn from the
 *       row {@code p̂_i(. | x_S)};</li>
 *   <li>{@code low-confidence}: a token is drawn at EVERY masked position, in increasing position
 *       order, from {@code p̂_i(. | x_S)}; the kept set {@code rule.kept(S, x_S, y)} is revealed
 *       and the other draws are discarded (re-masked).</li>
 * </ul>
 * A token is drawn as in {@link ExactSampler}: with the row over its least common denominator
 * {@code D} ({@link PredictiveRows#cumulative}), {@code u = }{@link ExactSampler#uniformBelow}
 * {@code (rng, D)} and the smallest token {@code a} with {@code u < D (p_0 + ... + p_a)}. There is
 * no permutation step: the rule, not a random partition, chooses the positions.
 */
public final class RuleSampler {

    //@ public invariant rows() != null && rule() != null;
    private final PredictiveRows rows;
    private final Rule rule;
    private final SequenceSpace space;
    private final Map<Long, Integer> batches = new HashMap<>();

    /*@ public normal_behavior
      @   requires rows != null && rule != null;
      @   requires rule.sizes().isEmpty() || rule.sizes().get().length() == rows.lattice().law().length();
      @   ensures rows() == rows && rule() == rule;
      @ also public exceptional_behavior
      @   requires rows != null && rule != null;
      @   requires !(rule.sizes().isEmpty() || rule.sizes().get().length() == rows.lattice().law().length());
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public RuleSampler(PredictiveRows rows, Rule rule) {
        this.rows = Objects.requireNonNull(rows, "rows");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.space = rows.lattice().law().space();
        if (rule.sizes().isPresent() && rule.sizes().get().length() != space.length()) {
            throw new IllegalArgumentException("rule " + rule + " has length " + rule.sizes().get().length()
                    + " but the law has length " + space.length());
        }
    }

    //@ pure helper
    public PredictiveRows rows() {
        return rows;
    }

    //@ pure helper
    public Rule rule() {
        return rule;
    }

    /** One sample, drawn with {@code rng}. */
    /*@ public normal_behavior
      @   requires rng != null;
      @   ensures \result.length == rows().lattice().law().length();
      @   ensures (\forall int i; 0 <= i && i < \result.length; 0 <= \result[i] && \result[i] < rows().lattice().law().alphabetSize());
      @   assignable rng.*;
      @*/
    public int[] sample(SplitMix64 rng) {
        Objects.requireNonNull(rng, "rng");
        int l = space.length();
        int full = space.fullMask();
        int[] x = new int[l];
        int visible = 0;
        while (visible != full) {
            int values = Context.encode(space, visible, x);
            if (rule.deterministic()) {
                long key = (long) visible << 32 | values;
                Integer b = batches.get(key);
                if (b == null) {
                    b = rule.batch(rows, visible, values);
                    batches.put(key, b);
                }
                for (int m = b; m != 0; m &= m - 1) {
                    int i = Integer.numberOfTrailingZeros(m);
                    x[i] = draw(rng, visible, values, i);
                }
                visible |= b;
            } else {
                int[] y = x.clone();
                for (int m = full & ~visible; m != 0; m &= m - 1) {
                    int i = Integer.numberOfTrailingZeros(m);
                    y[i] = draw(rng, visible, values, i);
                }
                int kept = rule.kept(rows, visible, values, y);
                for (int m = kept; m != 0; m &= m - 1) {
                    int i = Integer.numberOfTrailingZeros(m);
                    x[i] = y[i];
                }
                visible |= kept;
            }
        }
        return x;
    }

    private int draw(SplitMix64 rng, int visible, int values, int i) {
        BigInteger[] c = rows.cumulative(visible, values, i);
        BigInteger u = ExactSampler.uniformBelow(rng, c[c.length - 1]);
        int a = 0;
        while (u.compareTo(c[a]) >= 0) {
            a++;
        }
        return a;
    }
}
