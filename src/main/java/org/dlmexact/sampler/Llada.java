package org.dlmexact.sampler;

import java.math.BigInteger;
import java.util.Objects;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.InformationProfile;

/**
 * LLaDA's reference {@code generate()} (ML-GSAI/LLaDA {@code generate.py}), semi-autoregressive:
 * the positions form blocks of {@code B} ({@code L} a multiple of {@code B}); the {@code N} steps
 * are split evenly across the blocks ({@code N} a multiple of {@code L/B}); within a block,
 * {@code get_num_transfer_tokens} front-loads the counts ({@code floor(B/S)} per step, the first
 * {@code B mod S} steps one more, {@code S = N/(L/B)}), so steps may reveal none. Positions of later
 * blocks are never revealed. At each step a token {@code x0} is drawn at every masked position of the
 * block from the row at temperature {@code T} ({@code p^n} renormalised for {@code T = 1/n}; the
 * argmax for {@code T = 0}) and the {@code k} positions with the largest confidence are revealed:
 * <ul>
 *   <li>{@code remasking=low_confidence}: the probability of {@code x0} under the UNtempered row;</li>
 *   <li>{@code remasking=random}: a uniform random number, i.e. a uniformly random {@code k}-subset.</li>
 * </ul>
 * With one block this is {@code low-confidence} (or the random-order sampler with LLaDA's counts).
 * One model call per step. Immutable.
 */
final class Llada extends Profile {

    private final int steps;
    private final int block;
    private final boolean random;
    private final TokenRule tokens;
    private final Ranking.Ties ties;

    Llada(String keys, int length, int steps, int block, boolean random, TokenRule tokens, Ranking.Ties ties) {
        super("llada", length, keys);
        this.steps = steps;
        this.block = block;
        this.random = random;
        this.tokens = Objects.requireNonNull(tokens);
        this.ties = Objects.requireNonNull(ties);
    }

    /** The steps per block. */
    int perBlock() {
        return steps / (length() / block);
    }

    /** The number of positions step {@code j} (from 1) reveals. */
    int count(int j) {
        int s = perBlock();
        int i = (j - 1) % s;
        return block / s + (i < block % s ? 1 : 0);
    }

    /** The positions of the block of step {@code j} (bit mask). */
    int blockMask(int j) {
        int b = (j - 1) / perBlock();
        return ((1 << block) - 1) << (b * block);
    }

    @Override
    public int fixedSteps() {
        return steps;
    }

    @Override
    public boolean revealsByState() {
        return !random && tokens.argmax() && ties != Ranking.Ties.UNIFORM;
    }

    @Override
    public void step(State state, Moves moves) {
        int k = count(state.step());
        int cand = state.maskedMask() & blockMask(state.step());
        if (k == 0) {
            moves.stay();
            return;
        }
        int[] pos = Context.positions(cand);
        Rational[][] rows = new Rational[state.length()][];
        for (int i : pos) {
            rows[i] = tokens.row(state, i);
        }
        if (random) {
            Rational w = Rational.of(BigInteger.ONE, InformationProfile.binomial(pos.length, k));
            for (int b = cand; b != 0; b = (b - 1) & cand) {
                if (Integer.bitCount(b) == k) {
                    moves.draw(w, b, rows, null);
                }
            }
            return;
        }
        if (tokens.argmax()) {
            Rational[] key = new Rational[pos.length];
            for (int n = 0; n < pos.length; n++) {
                key[n] = state.maxProbability(pos[n]);
            }
            Ranking.top(state, pos, key, k, ties, "equal maximum probability", (w, b) -> moves.draw(w, b, rows, null));
            return;
        }
        // the confidence is the untempered probability of the drawn token
        Rational[][] plain = new Rational[state.length()][];
        for (int i : pos) {
            plain[i] = state.row(i);
        }
        Ranking.drawThenKeep(state, moves, cand, rows, plain, k, ties);
    }

    @Override
    public String tieBreak() {
        return random ? "none: a uniformly random subset of the block's masked positions"
                : "the k masked positions of the block with the largest probability of their drawn token, equal "
                        + "probabilities " + ties.words()
                        + (tokens.argmax() ? "; the argmax token is the lowest among equal maxima" : "");
    }

    /*@ also public normal_behavior
      @   requires law != null && law.sampler() == this;
      @   ensures \result.signum() >= 0;
      @ pure @*/
    @Override
    public Rational expectedModelCalls(ProcessLaw law) {
        return Rational.of(steps);
    }

    /*@ also public normal_behavior
      @   ensures \result != null;
      @ pure @*/
    @Override
    public String modelCalls() {
        return "one call per step, also when a step reveals nothing";
    }
}
