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

    /**
     * How many positions the rule reveals for the confidences {@code conf} of the positions
     * {@code pos}. An exact equality with a threshold is reported as a boundary only when it decides
     * the count (the inclusive and the exclusive rule reveal different numbers), naming the positions
     * whose confidence equals a threshold it was compared with.
     */
    int count(State state, int[] pos, Rational[] conf) {
        Rational[] c = conf.clone();
        Arrays.sort(c, java.util.Collections.reverseOrder());
        int in = count(c, Ranking.Inclusion.INCLUSIVE);
        int ex = count(c, Ranking.Inclusion.EXCLUSIVE);
        if (in != ex) {
            int at = 0;
            int first = -1;
            for (int n = threshold != null ? 0 : 1; n < c.length; n++) {
                int cmp = c[n].compareTo(threshold(n));
                if (cmp == 0) {
                    first = first < 0 ? n : first;
                    for (int q = 0; q < conf.length; q++) {
                        at |= conf[q].equals(c[n]) ? 1 << pos[q] : 0;
                    }
                } else if (cmp < 0 && threshold == null) {
                    break; // the factor rule stops here with either inclusion: later ones are not compared
                }
            }
            state.boundary(Boundary.Kind.THRESHOLD, at, threshold != null ? "confidence = threshold " + threshold
                    : "confidence = 1 - factor/" + (first + 2) + " = " + threshold(first));
        }
        return inclusion == Ranking.Inclusion.INCLUSIVE ? in : ex;
    }

    /** The threshold the {@code n}-th (0-based) largest confidence is compared with. */
    private Rational threshold(int n) {
        return threshold != null ? threshold : Rational.ONE.subtract(factor.divide(Rational.of(n + 2)));
    }

    /** The count of the rule with the inclusion {@code inc} for the confidences {@code c}, sorted descending. */
    private int count(Rational[] c, Ranking.Inclusion inc) {
        int m = c.length;
        if (threshold != null) {
            int pass = 0;
            for (Rational x : c) {
                pass += inc.passes(x.compareTo(threshold)) ? 1 : 0;
            }
            return Math.max(1, pass);
        }
        int f = -1;
        for (int n = 1; n < m && f < 0; n++) {
            if (!inc.passes(c[n].compareTo(threshold(n)))) {
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
