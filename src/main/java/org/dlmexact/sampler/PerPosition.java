package org.dlmexact.sampler;

import java.util.Objects;
import org.dlmexact.exact.Rational;

/**
 * The per-position (Bernoulli) kernel of MDLM's {@code _ddpm_caching_update}, SEDD's and MD4's
 * analytic steps and Dream's {@code alg=origin} (theory.md section 7): on a grid with unmasked
 * probabilities {@code alpha_0 <= ... <= alpha_N}, step {@code j} reveals every masked position
 * independently with probability {@code (alpha_j - alpha_{j-1}) / (1 - alpha_{j-1})}, its token drawn
 * from the (filtered) predicted row at the state before the step; all positions are drawn from the
 * same state and revealed tokens never change. Then, optionally, a final step fills every position
 * still masked with the argmax of its predicted row ({@code final=argmax}, MDLM, MD4) or a draw from
 * it ({@code final=sample}, SEDD's denoiser, MDLM's analytic sampler). The output law is a mixture
 * over the per-step numbers of revealed positions.
 *
 * <ul>
 *   <li>{@code bernoulli:alphas=A0;A1;...;AN[,final=argmax|sample][,cache=false|true]}: any rational
 *       grid;</li>
 *   <li>{@code mdlm:steps=N[,eps=1/100000][,final=argmax|sample][,cache=true|false]}: MDLM's grid
 *       {@code t_i = 1 - i(1 - eps)/N}, {@code alpha_i = 1 - t_i};</li>
 *   <li>{@code dream:alg=origin,steps=N[,eps=1/1000][,temperature=T][,top_p=P][,top_k=K]}: Dream's grid,
 *       reveal probability {@code 1 - s/t} and 1 at the last step, no final step; tokens from the
 *       row after temperature, top-p and top-k.</li>
 * </ul>
 * Model calls: with {@code cache=true} (MDLM's {@code ddpm_cache}) one at the first step and at each
 * step after a step that changed the state; otherwise one per regular step; plus one for the final
 * step. Immutable.
 */
final class PerPosition extends Profile {

    /** The final step. */
    enum Final {
        /** The argmax of the predicted row at every position still masked. */
        ARGMAX,
        /** A draw from the predicted row at every position still masked. */
        SAMPLE,
        /** None: the last regular step reveals everything. */
        NONE
    }

    private final Grid grid;
    private final Final last;
    private final boolean lastRevealsAll;
    private final boolean cache;
    private final TokenRule tokens;

    PerPosition(String name, String keys, int length, Grid grid, Final last, boolean lastRevealsAll, boolean cache,
                TokenRule tokens) {
        super(name, length, keys);
        this.grid = Objects.requireNonNull(grid);
        this.last = Objects.requireNonNull(last);
        this.lastRevealsAll = lastRevealsAll;
        this.cache = cache;
        this.tokens = Objects.requireNonNull(tokens);
    }

    /** The grid. */
    Grid grid() {
        return grid;
    }

    /** The final step. */
    Final last() {
        return last;
    }

    /** The probability that a masked position is revealed at regular step {@code j}. */
    Rational reveal(int j) {
        return lastRevealsAll && j == grid.steps() ? Rational.ONE : grid.reveal(j);
    }

    /** The rule that turns rows into token distributions. */
    TokenRule tokens() {
        return tokens;
    }

    @Override
    public int fixedSteps() {
        return grid.steps() + (last == Final.NONE ? 0 : 1);
    }

    @Override
    public boolean revealsByState() {
        return false;
    }

    @Override
    public void step(State state, Moves moves) {
        int j = state.step();
        if (j <= grid.steps()) {
            Rational r = reveal(j);
            if (r.isZero()) {
                moves.stay();
            } else {
                moves.draw(Rational.ONE, state.maskedMask(), perPosition(state, r, tokens), null);
            }
        } else if (last == Final.ARGMAX) {
            moves.draw(Rational.ONE, state.maskedMask(), argmaxRows(state), null);
        } else {
            moves.reveal(state.maskedMask());
        }
    }

    @Override
    public String tieBreak() {
        return "none in choosing positions (each masked position is revealed independently)"
                + (tokens.argmax() || last == Final.ARGMAX ? "; an argmax takes the lowest token among equal maxima"
                        : "");
    }

    /*@ also public normal_behavior
      @   requires law != null && law.sampler() == this;
      @   ensures \result.signum() >= 0;
      @ pure @*/
    @Override
    public Rational expectedModelCalls(ProcessLaw law) {
        boolean fin = last != Final.NONE;
        if (cache) {
            return cachedCalls(law, grid.steps(), fin);
        }
        return Rational.of(grid.steps() + (fin ? 1 : 0));
    }

    /*@ also public normal_behavior
      @   ensures \result != null;
      @ pure @*/
    @Override
    public String modelCalls() {
        return (cache ? "one call at the first step and at each step after a step that changed the state (MDLM's"
                + " cache)" : "one call per regular step, also when nothing changes")
                + (last == Final.NONE ? "" : ", plus one for the final step");
    }

}
