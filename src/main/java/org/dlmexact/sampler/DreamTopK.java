package org.dlmexact.sampler;

import java.util.Objects;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;

/**
 * Dream's confidence-ranked samplers ({@code generation_utils.py}, {@code _sample} with
 * {@code alg=maskgit_plus|topk_margin|entropy}), on the grid {@code t_i = 1 - i(1 - eps)/N}: step
 * {@code j < N} reveals {@code k = floor(M (1 - t_j / t_{j-1}))} positions, {@code M} the number of
 * masked positions before the step (so a step can reveal none), and the last step all that remain.
 * A token is drawn at every masked position from the row after temperature, top-p and top-k
 * ({@link TokenRule}; temperature 0: the argmax), and the {@code k} positions with the largest
 * confidence are revealed:
 * <ul>
 *   <li>{@code maskgit_plus}: the probability of the drawn token (at temperature 0 the maximum);</li>
 *   <li>{@code topk_margin}: the largest minus the second largest probability of the row;</li>
 *   <li>{@code entropy}: minus the row's entropy.</li>
 * </ul>
 * The last two do not depend on the drawn tokens, so the positions are a function of the state.
 * Ties: {@code ties=lowest|highest|uniform} ({@code torch.topk} documents none). One model call per
 * step. Immutable.
 */
final class DreamTopK extends Profile {

    /** The confidence. */
    enum Alg {
        /** The drawn token's probability. */
        MASKGIT_PLUS,
        /** Top-1 minus top-2 probability. */
        TOPK_MARGIN,
        /** Minus the entropy. */
        ENTROPY
    }

    private final Alg alg;
    private final Grid grid;
    private final TokenRule tokens;
    private final Ranking.Ties ties;

    DreamTopK(String keys, int length, Alg alg, Grid grid, TokenRule tokens, Ranking.Ties ties) {
        super("dream", length, keys);
        this.alg = Objects.requireNonNull(alg);
        this.grid = Objects.requireNonNull(grid);
        this.tokens = Objects.requireNonNull(tokens);
        this.ties = Objects.requireNonNull(ties);
    }

    /** The number of positions step {@code j} reveals from {@code masked} masked positions. */
    int count(int j, int masked) {
        if (j == grid.steps()) {
            return masked;
        }
        Rational frac = Rational.ONE.subtract(grid.time(j).divide(grid.time(j - 1)));
        return frac.multiply(masked).floor().intValueExact();
    }

    @Override
    public int fixedSteps() {
        return grid.steps();
    }

    @Override
    public boolean revealsByState() {
        return (alg != Alg.MASKGIT_PLUS || tokens.argmax()) && ties != Ranking.Ties.UNIFORM;
    }

    @Override
    public void step(State state, Moves moves) {
        int k = count(state.step(), state.maskedCount());
        if (k == 0) {
            moves.stay();
            return;
        }
        int free = state.maskedMask();
        int[] pos = Context.positions(free);
        Rational[][] rows = new Rational[state.length()][];
        for (int i : pos) {
            rows[i] = tokens.row(state, i);
        }
        if (alg == Alg.MASKGIT_PLUS && !tokens.argmax()) {
            Ranking.drawThenKeep(state, moves, free, rows, rows, k, ties);
            return;
        }
        ExactReal[] key = new ExactReal[pos.length];
        for (int n = 0; n < pos.length; n++) {
            Rational[] f = tokens.filtered(state.row(pos[n]));
            key[n] = alg == Alg.MASKGIT_PLUS ? ExactReal.of(Rows.max(f))
                    : alg == Alg.TOPK_MARGIN ? ExactReal.of(Rows.margin(f)) : Rows.entropy(f).negate();
        }
        String what = alg == Alg.MASKGIT_PLUS ? "equal maximum probability" : alg == Alg.TOPK_MARGIN
                ? "equal margin" : "equal entropy";
        Ranking.top(state, pos, key, k, ties, what, (w, b) -> moves.draw(w, b, rows, null));
    }

    @Override
    public String tieBreak() {
        return "the k masked positions with the largest confidence ("
                + (alg == Alg.MASKGIT_PLUS ? "probability of the drawn token" : alg == Alg.TOPK_MARGIN
                        ? "top-1 minus top-2 probability" : "minus the entropy")
                + "), equal confidences " + ties.words()
                + (tokens.argmax() ? "; the argmax token is the lowest among equal maxima" : "");
    }

    /*@ also public normal_behavior
      @   requires law != null && law.sampler() == this;
      @   ensures \result.signum() >= 0;
      @ pure @*/
    @Override
    public Rational expectedModelCalls(ProcessLaw law) {
        return Rational.of(grid.steps());
    }

    /*@ also public normal_behavior
      @   ensures \result != null;
      @ pure @*/
    @Override
    public String modelCalls() {
        return "one call per step, also when a step reveals nothing";
    }
}
