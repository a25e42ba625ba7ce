package org.dlmexact.sampler;

import java.util.Objects;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;

/**
 * The EB-sampler (Ben-Hamu et al. 2025, "Accelerated Sampling from Masked Diffusion Models via
 * Entropy Bounded Unmasking"; the rule as in diffusers' {@code EntropyBoundScheduler.step}): sort the
 * masked positions by the entropy {@code H_i} of their row (after temperature {@code 1/n}; the
 * untempered row at temperature 0) ascending; the {@code k}-th is revealed iff the entropies of the
 * ones BEFORE it sum to at most {@code gamma} ({@code boundary=exclusive}: below), so the first always
 * is. Tokens are drawn from the tempered row (the argmax at temperature 0). Per round,
 * {@code sum_B H_i - max_B H_i <= gamma}, and for the optimal predictor
 * {@code TC(X_B | x_S) <= sum_B H_i - max_B H_i}. The step count varies; one model call per step.
 * Immutable.
 */
final class EntropyBounded extends Profile {

    private final Rational gamma;
    private final TokenRule tokens;
    private final Ranking.Inclusion inclusion;
    private final Ranking.Ties ties;

    EntropyBounded(String keys, int length, Rational gamma, TokenRule tokens, Ranking.Inclusion inclusion,
                   Ranking.Ties ties) {
        super("eb", length, keys);
        this.gamma = Objects.requireNonNull(gamma);
        this.tokens = Objects.requireNonNull(tokens);
        this.inclusion = Objects.requireNonNull(inclusion);
        this.ties = Objects.requireNonNull(ties);
    }

    /** {@code gamma}. */
    Rational gamma() {
        return gamma;
    }

    /** {@code gamma}, when the entropies ranked are the predicted rows' own (temperature 1, inclusive). */
    /*@ also public normal_behavior
      @   ensures \result != null;
      @ pure @*/
    @Override
    public java.util.Optional<Rational> entropyBudget() {
        return tokens.plain() && inclusion == Ranking.Inclusion.INCLUSIVE ? java.util.Optional.of(gamma)
                : java.util.Optional.empty();
    }

    @Override
    public int fixedSteps() {
        return -1;
    }

    @Override
    public boolean revealsByState() {
        return ties != Ranking.Ties.UNIFORM;
    }

    @Override
    public void step(State state, Moves moves) {
        int[] pos = Context.positions(state.maskedMask());
        ExactReal[] h = new ExactReal[pos.length];
        Rational[][] rows = new Rational[state.length()][];
        for (int n = 0; n < pos.length; n++) {
            h[n] = tokens.argmax() ? state.entropy(pos[n]) : Rows.entropy(tokens.filtered(state.row(pos[n])));
            rows[pos[n]] = tokens.row(state, pos[n]);
        }
        Ranking.entropyPrefix(state, pos, h, gamma, false, inclusion, ties, (w, b) -> moves.draw(w, b, rows, null));
    }

    @Override
    public String tieBreak() {
        return "masked positions sorted by entropy ascending, equal entropies " + ties.words() + "; the k-th revealed"
                + " iff the entropies before it sum to " + (inclusion == Ranking.Inclusion.INCLUSIVE ? "<=" : "<")
                + " gamma";
    }
}
