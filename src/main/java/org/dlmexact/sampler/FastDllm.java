package org.dlmexact.sampler;

import java.util.Arrays;
import java.util.Objects;
import org.dlmexact.exact.Rational;

/**
 * Fast-dLLM's parallel decoding for LLaDA (NVlabs/Fast-dLLM {@code llada/generate.py},
 * {@code get_transfer_index} and {@code get_transfer_index_dynamic}), without its KV caches: the
 * positions form blocks of {@code B} (default {@code L}); the current block is the first with a
 * masked position; each step draws a token {@code x0} at every masked position of the block
 * (temperature {@code 1/n}, or the argmax at 0) with confidence its UNtempered probability, sorts
 * the confidences descending {@code c_1 >= c_2 >= ...} and reveals
 * <ul>
 *   <li>{@code threshold=TAU}: the most confident position, and every position with confidence
 *       {@code >= TAU} ({@code boundary=exclusive}: {@code > TAU});</li>
 *   <li>{@code factor=F}: the {@code n} most confident, {@code n} the first {@code f} (0-based) with
 *       {@code c_{f+1} < 1 - F/(f+2)}, except that {@code f = m-1} (only the last of the {@code m}
 *       masked positions fails) or no failure reveals all {@code m}: the code's {@code top_i += 1}
 *       when {@code top_i == m-1}, reproduced as is.</li>
 * </ul>
 * The step count varies; one model call per step. Immutable.
 */
final class FastDllm extends Profile {

    private final /*@ nullable @*/ Rational threshold;
    private final /*@ nullable @*/ Rational factor;
    private final int block;
    private final TokenRule tokens;
    private final Ranking.Inclusion inclusion;
    private final Ranking.Ties ties;

    FastDllm(String keys, int length, Rational threshold, Rational factor, int block, TokenRule tokens,
             Ranking.Inclusion inclusion, Ranking.Ties ties) {
        super("fast-dllm", length, keys);
        if ((threshold == null) == (factor == null)) {
            throw new IllegalArgumentException("exactly one of threshold and factor");
        }
        this.threshold = threshold;
        this.factor = factor;
        this.block = block;
        this.tokens = Objects.requireNonNull(tokens);
        this.inclusion = Objects.requireNonNull(inclusion);
        this.ties = Objects.requireNonNull(ties);
    }

    @Override
    public int fixedSteps() {
        return -1;
    }

    @Override
    public boolean revealsByState() {
        return tokens.argmax() && ties != Ranking.Ties.UNIFORM;
    }

    /** The masked positions of the current block: the first block with a masked position. */
    int candidates(State state) {
        int masked = state.maskedMask();
        int b = Integer.numberOfTrailingZeros(masked) / block;
        return masked & (((1 << block) - 1) << (b * block));
    }

    /** How many of the sorted confidences {@code c} (descending) the rule reveals; boundaries reported. */
    int count(State state, int[] pos, Rational[] conf) {
        Rational[] c = conf.clone();
        Arrays.sort(c, java.util.Collections.reverseOrder());
        int m = c.length;
        if (threshold != null) {
            int pass = 0;
            int at = 0;
            for (int n = 0; n < m; n++) {
                int cmp = conf[n].compareTo(threshold);
                pass += inclusion.passes(cmp) ? 1 : 0;
                at |= cmp == 0 ? 1 << pos[n] : 0;
            }
            if (at != 0) {
                state.boundary(Boundary.Kind.THRESHOLD, at, "confidence = threshold " + threshold);
            }
            return Math.max(1, pass);
        }
        int f = -1;
        for (int n = 1; n < m && f < 0; n++) {
            Rational th = Rational.ONE.subtract(factor.divide(Rational.of(n + 2)));
            int cmp = c[n].compareTo(th);
            if (cmp == 0) {
                int at = 0;
                for (int q = 0; q < m; q++) {
                    at |= conf[q].equals(c[n]) ? 1 << pos[q] : 0;
                }
                state.boundary(Boundary.Kind.THRESHOLD, at, "confidence = 1 - factor/" + (n + 2) + " = " + th);
            }
            if (!inclusion.passes(cmp)) {
                f = n;
            }
        }
        return f >= 1 && f <= m - 2 ? f : m;
    }

    @Override
    public void step(State state, Moves moves) {
        int cand = candidates(state);
        int[] pos = Context.positions(cand);
        Rational[][] rows = new Rational[state.length()][];
        for (int i : pos) {
            rows[i] = tokens.row(state, i);
        }
        if (tokens.argmax()) {
            Rational[] conf = new Rational[pos.length];
            for (int n = 0; n < pos.length; n++) {
                conf[n] = state.maxProbability(pos[n]);
            }
            Ranking.top(state, pos, conf, count(state, pos, conf), ties, "equal maximum probability",
                    (w, b) -> moves.draw(w, b, rows, null));
            return;
        }
        moves.draw(Rational.ONE, cand, rows, (y, out) -> {
            Rational[] conf = new Rational[pos.length];
            for (int n = 0; n < pos.length; n++) {
                conf[n] = state.row(pos[n])[y[pos[n]]];
            }
            Ranking.top(state, pos, conf, count(state, pos, conf), ties, "equal probability of the drawn tokens", out);
        });
    }

    @Override
    public String tieBreak() {
        return (threshold != null ? "the most confident masked position of the block and every one with confidence "
                + (inclusion == Ranking.Inclusion.INCLUSIVE ? ">=" : ">") + " " + threshold
                : "the n most confident, n from the factor rule (" + (inclusion == Ranking.Inclusion.INCLUSIVE
                        ? "c >= " : "c > ") + "1 - F/(i+1))")
                + "; equal confidences " + ties.words();
    }
}
