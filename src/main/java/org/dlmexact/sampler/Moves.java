package org.dlmexact.sampler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.dlmexact.exact.Rational;

/**
 * What one step of a sampler does at one state: a finite mixture of <em>branches</em>, with exact
 * rational weights summing to 1. A branch
 * <ol>
 *   <li>draws, independently at every position {@code i} of a set {@code D} (the <em>drawn</em>
 *       positions, increasing order), an outcome from a row {@code r_i}: a row of {@code V}
 *       entries draws a token; a row of {@code V + 1} entries may also draw "masked" (entry
 *       {@code V}), which at a visible position re-masks it;</li>
 *   <li>then, if it has a {@link Selector}, keeps a subset of the drawn tokens chosen from all
 *       the draws (possibly at random, with rational weights); the drawn tokens that are not kept
 *       are discarded (their positions stay masked). Without a selector every drawn token is
 *       kept.</li>
 * </ol>
 * The next state has the kept tokens revealed and the positions that drew "masked" masked.
 * {@link #stay()} is the branch that draws nothing. This one form covers the random-order
 * sampler (a uniform mixture over the {@code k_j}-subsets), the deterministic rules (one branch),
 * LLaDA's low-confidence remasking (draw every masked position, keep the most confident), the
 * per-position (Bernoulli) kernels (rows of {@code V + 1} entries) and remasking samplers.
 */
public final class Moves {

    /** Chooses which drawn tokens a branch keeps. */
    @FunctionalInterface
    public interface Selector {
        /**
         * Reports through {@code out} the kept sets (bit masks of drawn positions with a token)
         * and their probabilities, summing to exactly 1, for the draws {@code drawn}
         * ({@code drawn[i]} is the token drawn at a drawn position {@code i}, {@code -1} for
         * "masked"; entries at other positions are meaningless).
         */
        void select(int[] drawn, Selection out);
    }

    /** Receives a selector's kept sets. */
    @FunctionalInterface
    public interface Selection {
        /** The set {@code kept} is kept with probability {@code weight} (given the draws). */
        void keep(Rational weight, int kept);
    }

    /** One branch. Immutable. */
    static final class Branch {
        final Rational weight;
        final int drawn;
        final Rational[][] rows;
        final /*@ nullable @*/ Selector selector;

        Branch(Rational weight, int drawn, Rational[][] rows, Selector selector) {
            this.weight = weight;
            this.drawn = drawn;
            this.rows = rows;
            this.selector = selector;
        }
    }

    private final State state;
    private final List<Branch> branches = new ArrayList<>();

    Moves(State state) {
        this.state = state;
    }

    /** The branch that changes nothing, with probability 1. */
    /*@ public normal_behavior
      @   assignable \everything;
      @*/
    public void stay() {
        add(Rational.ONE, 0, new Rational[state.length()][], null);
    }

    /**
     * With probability 1, reveal the masked positions {@code batch}, each token drawn
     * independently from the predictor's row at this state.
     */
    /*@ public normal_behavior
      @   requires batch >= 0;
      @   assignable \everything;
      @*/
    public void reveal(int batch) {
        reveal(Rational.ONE, batch);
    }

    /** As {@link #reveal(int)}, as a branch of probability {@code weight}. */
    /*@ public normal_behavior
      @   requires weight != null && weight.signum() > 0 && batch >= 0;
      @   assignable \everything;
      @*/
    public void reveal(Rational weight, int batch) {
        Rational[][] rows = new Rational[state.length()][];
        for (int m = batch; m != 0; m &= m - 1) {
            int i = Integer.numberOfTrailingZeros(m);
            rows[i] = state.row(i);
        }
        add(weight, batch, rows, null);
    }

    /**
     * A branch of probability {@code weight}: draw at the positions {@code drawn} from
     * {@code rows[i]} ({@code V} entries, or {@code V + 1} with entry {@code V} "masked"), then keep
     * what {@code selector} chooses ({@code null}: keep every drawn token).
     */
    /*@ public normal_behavior
      @   requires weight != null && weight.signum() > 0 && drawn >= 0 && rows != null;
      @   assignable \everything;
      @*/
    public void draw(Rational weight, int drawn, Rational[][] rows, /*@ nullable @*/ Selector selector) {
        add(weight, drawn, rows.clone(), selector);
    }

    private void add(Rational weight, int drawn, Rational[][] rows, Selector selector) {
        Objects.requireNonNull(weight, "weight");
        if (weight.signum() <= 0) {
            throw new IllegalArgumentException("a branch needs a positive weight, got " + weight);
        }
        if (drawn < 0 || (drawn & ~(state.maskedMask() | state.visibleMask())) != 0 || rows.length != state.length()) {
            throw new IllegalArgumentException("drawn positions " + drawn + " outside the sequence");
        }
        int v = state.alphabetSize();
        for (int m = drawn; m != 0; m &= m - 1) {
            int i = Integer.numberOfTrailingZeros(m);
            Rational[] r = rows[i];
            boolean visible = (state.visibleMask() & (1 << i)) != 0;
            if (r == null || (r.length != v && r.length != v + 1) || (visible && r.length != v + 1)) {
                throw new IllegalArgumentException("position " + i + " is drawn without a row of " + v + (visible
                        ? " + 1 entries (a visible position can only be kept or re-masked)" : " or " + (v + 1))
                        + " entries");
            }
        }
        branches.add(new Branch(weight, drawn, rows, selector));
    }

    /** The branches, in the order given. */
    List<Branch> branches() {
        return Collections.unmodifiableList(branches);
    }

    /** The state these moves leave. */
    State state() {
        return state;
    }
}
