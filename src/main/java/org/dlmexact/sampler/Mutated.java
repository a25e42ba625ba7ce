package org.dlmexact.sampler;

import java.math.BigInteger;
import java.util.Objects;
import org.dlmexact.exact.Rational;
import org.dlmexact.law.SequenceSpace;
import org.dlmexact.law.SplitMix64;

/**
 * A {@link Mutant} of a correct sampler: the sampler {@code inner} (the correct one modified, or the
 * correct one itself) run, when {@code rows} is set, on wrong rows: each step sees the state with the
 * rows of {@link WrongRows} instead of the predictor's. It names itself after the mutant and the
 * sampler it mutates. Sampled only: its exact law is what a validator compares against, never its
 * own. Immutable.
 */
final class Mutated implements Sampler {

    private final Mutant mutant;
    private final Sampler base;
    private final Sampler inner;
    private final /*@ nullable @*/ Mutant rows;
    private /*@ nullable @*/ PredictiveRows lastRows;
    private /*@ nullable @*/ PredictiveRows lastWrong;

    Mutated(Mutant mutant, Sampler base, Sampler inner, /*@ nullable @*/ Mutant rows) {
        this.mutant = Objects.requireNonNull(mutant);
        this.base = Objects.requireNonNull(base);
        this.inner = Objects.requireNonNull(inner);
        this.rows = rows;
    }

    @Override
    public String spec() {
        return "mutant " + mutant.id() + " of " + base.spec();
    }

    @Override
    public String name() {
        return base.name();
    }

    @Override
    public int length() {
        return inner.length();
    }

    @Override
    public int fixedSteps() {
        return inner.fixedSteps();
    }

    @Override
    public boolean revealsByState() {
        return inner.revealsByState();
    }

    /*@ also public normal_behavior
      @   ensures true;
      @ pure @*/
    @Override
    public boolean remasks() {
        return inner.remasks();
    }

    @Override
    public void step(State state, Moves moves) {
        if (rows == null) {
            inner.step(state, moves);
            return;
        }
        State wrong = state.withRows(wrong(state.rows()));
        Moves m = new Moves(wrong);
        inner.step(wrong, m);
        moves.addAll(m);
    }

    /** The wrong rows for {@code right} (kept for the last rows seen). */
    private synchronized PredictiveRows wrong(PredictiveRows right) {
        if (lastRows != right) {
            lastWrong = new PredictiveRows(right.lattice(), new WrongRows(rows, right));
            lastRows = right;
        }
        return lastWrong;
    }

    @Override
    public String tieBreak() {
        return inner.tieBreak();
    }

    @Override
    public BigInteger work(int v) {
        return inner.work(v);
    }

    /*@ also public normal_behavior
      @   ensures \result > 0;
      @ pure @*/
    @Override
    public long maxWork() {
        return inner.maxWork();
    }

    /** The inner sampler's plan, unless its rows are wrong (a plan draws from the right rows). */
    @Override
    public int /*@ nullable @*/ [] plan(SplitMix64 rng) {
        return rows == null ? inner.plan(rng) : null;
    }

    /*@ also public normal_behavior
      @   ensures \result.equals(spec());
      @ pure @*/
    @Override
    public String toString() {
        return spec();
    }

    /**
     * The rows a row mutant reads: {@link Mutant#TEMPERATURE_HALF} squares and renormalises the
     * right row; {@link Mutant#SHIFTED_LOGITS} gives position {@code i} the row of position
     * {@code i - 1} (position 0 its own; a visible {@code i - 1} the point mass at its token, what a
     * model returns at a visible position); {@link Mutant#OFF_BY_ONE_VISIBLE} reads the right row at
     * the visible set without its highest position.
     */
    static final class WrongRows implements Predictor {
        private final Mutant mutant;
        private final PredictiveRows right;
        private final SequenceSpace sp;

        WrongRows(Mutant mutant, PredictiveRows right) {
            this.mutant = mutant;
            this.right = right;
            this.sp = right.lattice().law().space();
        }

        /*@ also public normal_behavior
          @   requires mask >= 0 && values >= 0 && position >= 0 && (mask & (1 << position)) == 0;
          @   ensures \result != null && \result.length == sp.alphabetSize();
          @ pure @*/
        @Override
        public Rational[] row(int mask, int values, int position) {
            switch (mutant) {
                case TEMPERATURE_HALF:
                    return Rows.power(right.row(mask, values, position), 2);
                case SHIFTED_LOGITS: {
                    if (position == 0) {
                        return right.row(mask, values, 0);
                    }
                    if ((mask & (1 << (position - 1))) == 0) {
                        return right.row(mask, values, position - 1);
                    }
                    int[] x = new int[sp.length()];
                    Context.decode(sp, mask, values, x);
                    return Rows.pointMass(sp.alphabetSize(), x[position - 1]);
                }
                default: { // OFF_BY_ONE_VISIBLE
                    if (mask == 0) {
                        return right.row(0, 0, position);
                    }
                    int fewer = mask & ~Integer.highestOneBit(mask);
                    int[] x = new int[sp.length()];
                    Context.decode(sp, mask, values, x);
                    return right.row(fewer, Context.encode(sp, fewer, x), position);
                }
            }
        }

        @Override
        public boolean isOptimal() {
            return false;
        }

        @Override
        public String description() {
            return right.predictor().description() + " with mutant " + mutant.id();
        }
    }
}
