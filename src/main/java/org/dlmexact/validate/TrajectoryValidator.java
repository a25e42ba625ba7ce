package org.dlmexact.validate;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.dlmexact.exact.Echo;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.io.InputFiles;
import org.dlmexact.exact.Rational;
import org.dlmexact.law.SequenceSpace;
import org.dlmexact.sampler.Boundary;
import org.dlmexact.sampler.BoundaryLog;
import org.dlmexact.sampler.Context;
import org.dlmexact.sampler.PredictiveRows;
import org.dlmexact.sampler.ProcessLaw;
import org.dlmexact.sampler.Sampler;
import org.dlmexact.sampler.StepLaw;

/**
 * A step-by-step test of recorded runs of another sampler against the exact step kernels of a
 * {@link Sampler} (SPEC section 4, {@code validate trajectories}).
 *
 * <ol>
 *   <li><b>Structure, exactly.</b> Each run starts all masked ({@link Rule#START}); a sampler with a
 *       fixed number of steps {@code T} has exactly {@code T + 1} states, one that runs until every
 *       position is visible ends at the first state with every position visible
 *       ({@link Rule#ENTRIES}); no visible token changes ({@link Rule#TOKEN_CHANGED}); no visible
 *       position is masked again unless the sampler re-masks ({@link Rule#REMASKED}); each step
 *       reveals a number of positions the exact kernel can reveal there ({@link Rule#REVEAL_COUNT});
 *       and each step goes to a state of positive probability under the exact kernel
 *       ({@link Rule#UNREACHABLE}). Decided with exact rationals ({@link StepLaw}); the first
 *       violation ends the test (verdict: not consistent).</li>
 *   <li><b>G-tests.</b> For every visited context {@code (step, state)} whose kernel has more than one
 *       next state, the observed next states against the expected counts {@code n_c K(s, .)}, pooled
 *       as {@code validate samples} pools ({@link PooledGTest}). The contexts' statistics and degrees
 *       of freedom are summed into one statistic with one p-value (the verdict at level
 *       {@code alpha}); per step likewise. Each tested context's p-value is adjusted by Holm's method
 *       over all tested contexts; the worst contexts are reported with their counts and the positions
 *       and tokens that deviate.</li>
 * </ol>
 * Only the kernels of visited states are computed, so the output law is never needed. Memory is
 * bounded: lines of at most {@link #maxLineChars} characters, files of at most {@link #MAX_BYTES}
 * bytes, at most {@link #MAX_CONTEXTS} contexts and {@link #MAX_CELLS} distinct (context, next
 * state) pairs, a kernel cache of at most {@link #KERNEL_CACHE} entries. The p-values are floating
 * point by nature and decide only the statistical verdict; the structure is decided exactly.
 */
public final class TrajectoryValidator {

    /** Largest trajectories file, in bytes. */
    public static final long MAX_BYTES = 1L << 30;
    /** Largest number of distinct visited contexts with more than one possible next state. */
    public static final int MAX_CONTEXTS = 1_000_000;
    /** Largest number of distinct (context, next state) pairs counted. */
    public static final int MAX_CELLS = 4_000_000;
    /** Largest number of next states held in the cache of kernels (it starts afresh when full). */
    public static final int KERNEL_CACHE = 2_000_000;
    /** How many worst contexts are reported. */
    public static final int WORST = 5;
    /** How many cells and deviations of a worst context are reported. */
    public static final int DETAILS = 8;

    private TrajectoryValidator() {
    }

    /** The structural rules, each with its name in messages and JSON. */
    public enum Rule {
        /** A run must start with every position masked. */
        START("start"),
        /** The number of states of a run. */
        ENTRIES("entries"),
        /** A visible token changes into another. */
        TOKEN_CHANGED("token-changed"),
        /** A visible position is masked again by a sampler that never re-masks. */
        REMASKED("remasked"),
        /** A step reveals a number of positions the sampler cannot reveal there. */
        REVEAL_COUNT("reveal-count"),
        /** A step goes to a state of probability 0 under the exact kernel. */
        UNREACHABLE("unreachable");

        private final String text;

        Rule(String text) {
            this.text = text;
        }

        /** The rule's name, e.g. {@code token-changed}. */
        /*@ also public normal_behavior
          @   ensures \result != null;
          @ pure @*/
        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * The longest line a run of {@code sampler} on sequences of length {@code length} can need:
     * {@code 4096 + E (8 L + 16)} characters, {@code E} the most states a run has (the fixed steps
     * plus one, or {@code L + 1}), generous for white space.
     */
    /*@ public normal_behavior
      @   requires sampler != null && length >= 1;
      @   ensures \result >= 4096;
      @ pure @*/
    public static int maxLineChars(Sampler sampler, int length) {
        long entries = sampler.fixedSteps() >= 1 ? sampler.fixedSteps() + 1L : length + 1L;
        long chars = 4096 + entries * (8L * length + 16);
        return (int) Math.min(Integer.MAX_VALUE - 16, chars);
    }

    /**
     * Tests the runs in the file {@code path} (JSON Lines) against {@code sampler} with the predictor
     * of {@code rows} at level {@code alpha}. Whether it returns depends on the file, which a contract
     * cannot name: one {@code behavior} case.
     *
     * @throws InvalidInputException a malformed file ({@code trajectories.line},
     *     {@code trajectories.empty}, {@code trajectories.too-large}, {@code io.*}) or a kernel too
     *     large to enumerate ({@code sampler.too-large}), or a predictor error
     */
    /*@ public behavior
      @   requires path != null && rows != null && sampler != null && 0 < alpha && alpha < 1;
      @   ensures \result.alpha() == alpha;
      @   signals_only InvalidInputException;
      @*/
    public static Result validate(Path path, PredictiveRows rows, Sampler sampler, double alpha) {
        Engine e = new Engine(rows, sampler, alpha, InputFiles.name(path), Limits.DEFAULT);
        try {
            InputFiles.forEachLine(path, "trajectories file", MAX_BYTES,
                    maxLineChars(sampler, e.sp.length()), e::line);
        } catch (Engine.Stop stop) {
            // the first structural violation ends the reading
        }
        return e.result();
    }

    /**
     * As {@link #validate(Path, PredictiveRows, Sampler, double)} for a reader; {@code name} names it in
     * messages. Whether it returns depends on what the reader yields: one {@code behavior} case.
     */
    /*@ public behavior
      @   requires reader != null && name != null && rows != null && sampler != null && 0 < alpha && alpha < 1;
      @   ensures \result.alpha() == alpha;
      @   signals_only InvalidInputException, IOException;
      @*/
    public static Result validate(Reader reader, String name, PredictiveRows rows, Sampler sampler, double alpha)
            throws IOException {
        return validate(reader, name, rows, sampler, alpha, Limits.DEFAULT);
    }

    /** The memory limits: distinct contexts, distinct (context, next state) pairs, next states cached. */
    record Limits(int contexts, int cells, int cache) {
        static final Limits DEFAULT = new Limits(MAX_CONTEXTS, MAX_CELLS, KERNEL_CACHE);
    }

    /** As {@link #validate(Reader, String, PredictiveRows, Sampler, double)} with other memory limits. */
    static Result validate(Reader reader, String name, PredictiveRows rows, Sampler sampler, double alpha,
                           Limits limits) throws IOException {
        Engine e = new Engine(rows, sampler, alpha, name, limits);
        try {
            InputFiles.forEachLine(reader, name, maxLineChars(sampler, e.sp.length()), e::line);
        } catch (Engine.Stop stop) {
            // the first structural violation ends the reading
        }
        return e.result();
    }

    /** The reading, the structural checks, the counts and the tests. */
    private static final class Engine {
        /** Thrown at the first violation to stop reading. */
        static final class Stop extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Stop() {
                super(null, null, false, false);
            }
        }

        final PredictiveRows rows;
        final Sampler sampler;
        final SequenceSpace sp;
        final double alpha;
        final String name;
        final Limits limits;
        final Map<Long, StepLaw> kernels = new HashMap<>();
        long cached;
        final BoundaryLog boundaries = BoundaryLog.keeping(ProcessLaw.MAX_BOUNDARIES);
        final LongIntMap contexts = new LongIntMap(1024);
        long[] contextKeys = new long[1024];
        int[] visits = new int[1024];
        final LongIntMap cells = new LongIntMap(4096);
        long runs;
        long transitions;
        int maxStep;
        /*@ nullable @*/ Violation violation;

        Engine(PredictiveRows rows, Sampler sampler, double alpha, String name, Limits limits) {
            this.limits = limits;
            this.rows = Objects.requireNonNull(rows, "rows");
            this.sampler = Objects.requireNonNull(sampler, "sampler");
            this.sp = rows.lattice().law().space();
            if (sampler.length() != sp.length()) {
                throw new IllegalArgumentException("sampler " + sampler.spec() + " has length " + sampler.length()
                        + " but the law has length " + sp.length());
            }
            if (!(alpha > 0 && alpha < 1)) {
                throw new IllegalArgumentException("alpha must lie in (0, 1), got " + alpha);
            }
            this.alpha = alpha;
            this.name = name;
        }

        StepLaw kernel(int step, int mask, int values) {
            long key = contextKey(step, mask, values);
            StepLaw k = kernels.get(key);
            if (k == null) {
                k = StepLaw.of(rows, sampler, step, mask, values, boundaries);
                if (cached + k.size() > limits.cache()) {
                    kernels.clear();
                    cached = 0;
                }
                kernels.put(key, k);
                cached += k.size();
            }
            return k;
        }

        static long contextKey(int step, int mask, int values) {
            return (long) step << 32 | ((long) (mask << 16 | values) & 0xffffffffL);
        }

        void line(long lineNo, String text) {
            int[][] states = TrajectoryFile.parse(text, lineNo, name, sp.length(), sp.alphabetSize());
            check(lineNo, states);
            runs++;
        }

        void fail(Rule rule, long line, int step, int[] from, int[] to, String message) {
            violation = new Violation(rule, line, step, from, to, message);
            throw new Stop();
        }

        void check(long line, int[][] states) {
            int full = sp.fullMask();
            int fixed = sampler.fixedSteps();
            String who = sampler.spec();
            if (states.length == 0) {
                fail(Rule.ENTRIES, line, 0, null, null, "the run has no states; it has the start and one state per "
                        + "step");
            }
            int[] mask = new int[states.length];
            int[] values = new int[states.length];
            for (int k = 0; k < states.length; k++) {
                for (int i = 0; i < states[k].length; i++) {
                    mask[k] |= states[k][i] >= 0 ? 1 << i : 0;
                }
                values[k] = Context.encode(sp, mask[k], nonNegative(states[k]));
            }
            if (mask[0] != 0) {
                fail(Rule.START, line, 0, states[0], null, "states[0] is " + text(states[0])
                        + "; every run starts with every position masked");
            }
            if (fixed >= 1 && states.length != fixed + 1) {
                fail(Rule.ENTRIES, line, Math.min(states.length, fixed + 1), null, null, "the run has "
                        + states.length + " states, but " + who + " takes " + fixed + " steps, so a run has exactly "
                        + (fixed + 1) + " (the start and one state after every step, also steps that reveal nothing)");
            }
            for (int j = 1; j < states.length; j++) {
                int[] s = states[j - 1];
                int[] t = states[j];
                if (fixed < 1 && mask[j - 1] == full) {
                    fail(Rule.ENTRIES, line, j - 1, s, null, "every position is visible after step " + (j - 1)
                            + ", where " + who + " stops, but the run has " + (states.length - j) + " more state"
                            + (states.length - j == 1 ? "" : "s"));
                }
                for (int i = 0; i < s.length; i++) {
                    if (s[i] >= 0 && t[i] >= 0 && s[i] != t[i]) {
                        fail(Rule.TOKEN_CHANGED, line, j, s, t, "position " + i + " changes from token " + s[i]
                                + " to " + t[i] + "; a visible token never changes in one step");
                    }
                }
                for (int i = 0; i < s.length; i++) {
                    if (!sampler.remasks() && s[i] >= 0 && t[i] < 0) {
                        fail(Rule.REMASKED, line, j, s, t, "position " + i + " (token " + s[i]
                                + ") is masked again; " + who + " never re-masks a visible position");
                    }
                }
                StepLaw k = kernel(j, mask[j - 1], values[j - 1]);
                int count = Integer.bitCount(mask[j] & ~mask[j - 1]);
                if ((k.revealedCounts() >>> count & 1) == 0) {
                    fail(Rule.REVEAL_COUNT, line, j, s, t, count + " position" + (count == 1 ? " is" : "s are")
                            + " revealed, but at this step and state " + who + " reveals " + counts(k.revealedCounts()));
                }
                int idx = k.indexOf(mask[j], values[j]);
                if (idx < 0) {
                    fail(Rule.UNREACHABLE, line, j, s, t, who + " cannot go from this state to this one at step " + j
                            + " (probability 0 under the exact kernel)");
                }
                record(j, mask[j - 1], values[j - 1], k, idx);
            }
            if (fixed < 1 && mask[states.length - 1] != full) {
                int last = states.length - 1;
                fail(Rule.ENTRIES, line, last, states[last], null, "the run ends after step " + last
                        + " with masked positions, but " + who + " runs until every position is visible");
            }
        }

        private static int[] nonNegative(int[] s) {
            int[] r = s.clone();
            for (int i = 0; i < r.length; i++) {
                r[i] = Math.max(0, r[i]);
            }
            return r;
        }

        private static String counts(int set) {
            StringBuilder b = new StringBuilder();
            for (int c = 0; c < 32; c++) {
                if ((set >>> c & 1) != 0) {
                    b.append(b.length() == 0 ? "" : " or ").append(c);
                }
            }
            return b.toString();
        }

        void record(int step, int mask, int values, StepLaw k, int idx) {
            transitions++;
            maxStep = Math.max(maxStep, step);
            if (k.size() == 1) {
                return; // one possible next state: nothing to test
            }
            long key = contextKey(step, mask, values);
            int id = contexts.get(key, -1);
            if (id < 0) {
                if (contexts.size() >= limits.contexts()) {
                    throw new InvalidInputException("trajectories.too-large", name + ": more than " + limits.contexts()
                            + " distinct (step, state) contexts; the limit keeps memory bounded (test fewer runs)");
                }
                id = contexts.size();
                contexts.put(key, id);
                if (id == contextKeys.length) {
                    contextKeys = Arrays.copyOf(contextKeys, id * 2);
                    visits = Arrays.copyOf(visits, id * 2);
                }
                contextKeys[id] = key;
            }
            visits[id]++;
            cells.add((long) id << 32 | idx, 1);
            if (cells.size() > limits.cells()) {
                throw new InvalidInputException("trajectories.too-large", name + ": more than " + limits.cells()
                        + " distinct (context, next state) pairs; the limit keeps memory bounded (test fewer runs)");
            }
        }

        Result result() {
            if (violation == null && runs == 0) {
                throw new InvalidInputException("trajectories.empty", name + ": no trajectories");
            }
            if (violation != null) {
                return new Result(sampler.spec(), runs, transitions, contexts.size(), 0, 0, Double.NaN, 0, Double.NaN,
                        alpha, violation, List.of(), List.of(), List.copyOf(boundaries.kept()), boundaries.count());
            }
            int m = contexts.size();
            double[] g = new double[m];
            int[] df = new int[m];
            double[] p = new double[m];
            long[] keys = cells.keys();
            Arrays.sort(keys);
            double[] stepG = new double[maxStep + 1];
            long[] stepDf = new long[maxStep + 1];
            int[] stepContexts = new int[maxStep + 1];
            int[] stepTested = new int[maxStep + 1];
            long testedTransitions = 0;
            int from = 0;
            while (from < keys.length) {
                int id = (int) (keys[from] >>> 32);
                int to = from;
                while (to < keys.length && (int) (keys[to] >>> 32) == id) {
                    to++;
                }
                long ctx = contextKeys[id];
                int step = (int) (ctx >>> 32);
                PooledGTest t = test(ctx, keys, from, to, visits[id]);
                g[id] = t.statistic();
                df[id] = t.degreesOfFreedom();
                p[id] = t.pValue();
                stepG[step] += g[id];
                stepDf[step] += df[id];
                stepContexts[step]++;
                stepTested[step] += df[id] > 0 ? 1 : 0;
                testedTransitions += df[id] > 0 ? visits[id] : 0;
                from = to;
            }
            double totalG = 0;
            long totalDf = 0;
            List<StepResult> steps = new ArrayList<>();
            for (int j = 1; j <= maxStep; j++) {
                totalG += stepG[j];
                totalDf += stepDf[j];
                steps.add(new StepResult(j, stepContexts[j], stepTested[j], stepG[j], stepDf[j], pValue(stepG[j],
                        stepDf[j])));
            }
            List<ContextResult> worst = worst(m, g, df, p, keys);
            return new Result(sampler.spec(), runs, transitions, m, count(df), testedTransitions, totalG, totalDf,
                    pValue(totalG, totalDf), alpha, null, steps, worst, List.copyOf(boundaries.kept()),
                    boundaries.count());
        }

        private static int count(int[] df) {
            int n = 0;
            for (int d : df) {
                n += d > 0 ? 1 : 0;
            }
            return n;
        }

        /** The chi-square tail of {@code g} with {@code df} degrees of freedom (NaN when nothing was tested). */
        private static double pValue(double g, long df) {
            return df == 0 ? Double.NaN : ChiSquaredDistribution.of(df).survivalProbability(g);
        }

        private PooledGTest test(long ctx, long[] keys, int from, int to, int n) {
            StepLaw k = kernel(ctx);
            long[] o = observed(k, keys, from, to);
            return PooledGTest.of(expected(k, n), o);
        }

        private StepLaw kernel(long ctx) {
            int step = (int) (ctx >>> 32);
            int mv = (int) ctx;
            return kernel(step, mv >>> 16, mv & 0xffff);
        }

        /** The counts of the next states of one context: its cells are {@code keys[from..to)}. */
        private long[] observed(StepLaw k, long[] keys, int from, int to) {
            long[] o = new long[k.size()];
            for (int i = from; i < to; i++) {
                o[(int) keys[i]] = cells.get(keys[i], 0);
            }
            return o;
        }

        private static double[] expected(StepLaw k, int n) {
            double[] e = new double[k.size()];
            for (int i = 0; i < e.length; i++) {
                e[i] = Math.max(Double.MIN_NORMAL, n * k.probability(i).toDouble());
            }
            return e;
        }

        private List<ContextResult> worst(int m, double[] g, int[] df, double[] p, long[] keys) {
            List<Integer> tested = new ArrayList<>();
            for (int id = 0; id < m; id++) {
                if (df[id] > 0) {
                    tested.add(id);
                }
            }
            tested.sort(Comparator.comparingDouble((Integer id) -> p[id]).thenComparingLong(id -> contextKeys[id]));
            int t = tested.size();
            List<ContextResult> out = new ArrayList<>();
            double running = 0;
            for (int r = 0; r < Math.min(WORST, t); r++) {
                int id = tested.get(r);
                running = Math.max(running, Math.min(1, (t - r) * p[id]));
                out.add(details(id, g[id], df[id], p[id], running, keys));
            }
            return Collections.unmodifiableList(out);
        }

        private ContextResult details(int id, double g, int df, double p, double adjusted, long[] keys) {
            long ctx = contextKeys[id];
            int step = (int) (ctx >>> 32);
            int mv = (int) ctx;
            int mask = mv >>> 16;
            int values = mv & 0xffff;
            StepLaw k = kernel(step, mask, values);
            int n = visits[id];
            int lo = lowerBound(keys, (long) id << 32);
            int hi = lo;
            while (hi < keys.length && (int) (keys[hi] >>> 32) == id) {
                hi++;
            }
            long[] o = observed(k, keys, lo, hi);
            double[] e = expected(k, n);
            PooledGTest t = PooledGTest.of(e, o);
            int[] from = tokens(mask, values);
            List<Cell> shown = new ArrayList<>();
            long pooledO = 0;
            double pooledE = 0;
            int v = sp.alphabetSize();
            int l = sp.length();
            long[][] devO = new long[l][v + 1];
            double[][] devE = new double[l][v + 1];
            for (int c = 0; c < o.length; c++) {
                int[] next = tokens(k.nextMask(c), k.nextValues(c));
                for (int i = 0; i < l; i++) {
                    devO[i][next[i] + 1] += o[c];
                    devE[i][next[i] + 1] += e[c];
                }
                if (t.pooled(c)) {
                    pooledO += o[c];
                    pooledE += e[c];
                } else {
                    shown.add(new Cell(next, o[c], e[c], k.probability(c)));
                }
            }
            shown.sort(Comparator.comparingDouble((Cell c) -> -Math.abs(c.residual())));
            List<Deviation> dev = new ArrayList<>();
            for (int i = 0; i < l; i++) {
                for (int a = -1; a < v; a++) {
                    long ob = devO[i][a + 1];
                    double ex = devE[i][a + 1];
                    if (ex > 0 && Math.abs(ob - ex) > 1e-9 * n) {
                        dev.add(new Deviation(i, a, ob, ex));
                    }
                }
            }
            dev.sort(Comparator.comparingDouble((Deviation d) -> -Math.abs(d.residual())));
            return new ContextResult(step, from, n, g, df, p, adjusted,
                    List.copyOf(shown.subList(0, Math.min(DETAILS, shown.size()))), t.pooledCells(), pooledO, pooledE,
                    List.copyOf(dev.subList(0, Math.min(DETAILS, dev.size()))));
        }

        private int[] tokens(int mask, int values) {
            int[] x = new int[sp.length()];
            Arrays.fill(x, -1);
            Context.decode(sp, mask, values, x);
            return x;
        }

        /** The index of the first entry {@code >= key} of the sorted, distinct {@code a}. */
        private static int lowerBound(long[] a, long key) {
            int i = Arrays.binarySearch(a, key);
            return i >= 0 ? i : -i - 1;
        }
    }

    private static String text(int[] s) {
        return Arrays.toString(s);
    }

    /** The first structural violation: where, which rule, the two states, in words. */
    public static final class Violation {
        //@ public invariant line() >= 1 && step() >= 0 && rule() != null && message() != null;
        private final Rule rule;
        private final long line;
        private final int step;
        private final int /*@ nullable @*/ [] from;
        private final int /*@ nullable @*/ [] to;
        private final String message;

        Violation(Rule rule, long line, int step, int[] from, int[] to, String message) {
            this.rule = rule;
            this.line = line;
            this.step = Math.max(0, step);
            this.from = from == null ? null : from.clone();
            this.to = to == null ? null : to.clone();
            this.message = message;
        }

        //@ pure helper
        public Rule rule() {
            return rule;
        }

        /** The line of the file (from 1). */
        //@ pure helper
        public long line() {
            return line;
        }

        /** The step (from 1; 0 for the start state). */
        //@ pure helper
        public int step() {
            return step;
        }

        /** The state before the step ({@code -1} masked), or null when the rule concerns the whole run. */
        //@ pure
        public int /*@ nullable @*/ [] from() {
            return from == null ? null : from.clone();
        }

        /** The state after the step, or null when the rule concerns one state or the whole run. */
        //@ pure
        public int /*@ nullable @*/ [] to() {
            return to == null ? null : to.clone();
        }

        /** What is wrong, in words. */
        //@ pure helper
        public String message() {
            return message;
        }

        /** E.g. {@code line 3, step 2, [0, -1] -> [1, -1]: rule token-changed: position 0 changes ...}. */
        /*@ also public normal_behavior
          @   ensures \result != null;
          @ pure @*/
        @Override
        public String toString() {
            return "line " + line + ", step " + step + (from == null ? "" : ", " + text(from)
                    + (to == null ? "" : " -> " + text(to))) + ": rule " + rule + ": " + message;
        }
    }

    /** The combined test of one step: its contexts' statistics and degrees of freedom summed. */
    public static final class StepResult {
        //@ public invariant step() >= 1 && contexts() >= tested() && tested() >= 0 && degreesOfFreedom() >= 0;
        private final int step;
        private final int contexts;
        private final int tested;
        private final double g;
        private final long df;
        private final double p;

        StepResult(int step, int contexts, int tested, double g, long df, double p) {
            this.step = step;
            this.contexts = contexts;
            this.tested = tested;
            this.g = g;
            this.df = df;
            this.p = p;
        }

        //@ pure helper
        public int step() {
            return step;
        }

        /** The visited contexts of this step with more than one possible next state. */
        //@ pure helper
        public int contexts() {
            return contexts;
        }

        /** Those with at least one degree of freedom after pooling. */
        //@ pure helper
        public int tested() {
            return tested;
        }

        //@ pure helper
        public double statistic() {
            return g;
        }

        //@ pure helper
        public long degreesOfFreedom() {
            return df;
        }

        /** The p-value of the step's summed statistic (NaN when nothing was tested). */
        //@ pure helper
        public double pValue() {
            return p;
        }
    }

    /** An observed count beside its expected count. */
    public abstract static class Tally {
        //@ public invariant observed() >= 0 && expected() > 0;
        private final long observed;
        private final double expected;

        Tally(long observed, double expected) {
            this.observed = observed;
            this.expected = expected;
        }

        //@ pure helper
        public final long observed() {
            return observed;
        }

        //@ pure helper
        public final double expected() {
            return expected;
        }

        /** {@code (observed - expected) / sqrt(expected)}. */
        //@ pure
        public final double residual() {
            return (observed - expected) / Math.sqrt(expected);
        }
    }

    /** One next state of a reported context: observed and expected counts, exact probability. */
    public static final class Cell extends Tally {
        private final int[] next;
        private final Rational probability;

        Cell(int[] next, long observed, double expected, Rational probability) {
            super(observed, expected);
            this.next = next;
            this.probability = probability;
        }

        /** The next state ({@code -1} masked). */
        //@ pure
        public int[] next() {
            return next.clone();
        }

        /** Its exact probability under the kernel. */
        //@ pure helper
        public Rational probability() {
            return probability;
        }
    }

    /** How often one position ends a step with one token ({@code -1}: masked), observed and expected. */
    public static final class Deviation extends Tally {
        //@ public invariant position() >= 0 && token() >= -1;
        private final int position;
        private final int token;

        Deviation(int position, int token, long observed, double expected) {
            super(observed, expected);
            this.position = position;
            this.token = token;
        }

        //@ pure helper
        public int position() {
            return position;
        }

        /** The token, or {@code -1} for "masked after the step". */
        //@ pure helper
        public int token() {
            return token;
        }
    }

    /** A tested context among the worst: its test, Holm-adjusted p-value, counts and deviations. */
    public static final class ContextResult {
        //@ public invariant step() >= 1 && visits() >= 1 && degreesOfFreedom() >= 1;
        private final int step;
        private final int[] state;
        private final int visits;
        private final double g;
        private final int df;
        private final double p;
        private final double adjusted;
        private final List<Cell> cells;
        private final int pooledCells;
        private final long pooledObserved;
        private final double pooledExpected;
        private final List<Deviation> deviations;

        ContextResult(int step, int[] state, int visits, double g, int df, double p, double adjusted, List<Cell> cells,
                      int pooledCells, long pooledObserved, double pooledExpected, List<Deviation> deviations) {
            this.step = step;
            this.state = state;
            this.visits = visits;
            this.g = g;
            this.df = df;
            this.p = p;
            this.adjusted = adjusted;
            this.cells = cells;
            this.pooledCells = pooledCells;
            this.pooledObserved = pooledObserved;
            this.pooledExpected = pooledExpected;
            this.deviations = deviations;
        }

        //@ pure helper
        public int step() {
            return step;
        }

        /** The state before the step ({@code -1} masked). */
        //@ pure
        public int[] state() {
            return state.clone();
        }

        /** How many runs were in this state before this step. */
        //@ pure helper
        public int visits() {
            return visits;
        }

        //@ pure helper
        public double statistic() {
            return g;
        }

        //@ pure helper
        public int degreesOfFreedom() {
            return df;
        }

        /** The context's own p-value. */
        //@ pure helper
        public double pValue() {
            return p;
        }

        /** Holm's adjustment over all tested contexts. */
        //@ pure helper
        public double adjustedPValue() {
            return adjusted;
        }

        /** The unpooled next states with the largest absolute residuals, at most {@value TrajectoryValidator#DETAILS}. */
        //@ pure helper
        public List<Cell> cells() {
            return cells;
        }

        /** How many next states were pooled into one cell. */
        //@ pure helper
        public int pooledCells() {
            return pooledCells;
        }

        //@ pure helper
        public long pooledObserved() {
            return pooledObserved;
        }

        //@ pure helper
        public double pooledExpected() {
            return pooledExpected;
        }

        /** The positions and tokens whose counts after the step deviate most, at most {@value TrajectoryValidator#DETAILS}. */
        //@ pure helper
        public List<Deviation> deviations() {
            return deviations;
        }
    }

    /** The outcome of the test. */
    public static final class Result {
        //@ public invariant runs() >= 0 && transitions() >= 0 && contexts() >= testedContexts();
        private final String sampler;
        private final long runs;
        private final long transitions;
        private final int contexts;
        private final int tested;
        private final long testedTransitions;
        private final double g;
        private final long df;
        private final double p;
        private final double alpha;
        private final /*@ nullable @*/ Violation violation;
        private final List<StepResult> steps;
        private final List<ContextResult> worst;
        private final List<Boundary> boundaries;
        private final long boundaryCount;

        Result(String sampler, long runs, long transitions, int contexts, int tested, long testedTransitions,
               double g, long df, double p, double alpha, Violation violation, List<StepResult> steps,
               List<ContextResult> worst, List<Boundary> boundaries, long boundaryCount) {
            this.sampler = sampler;
            this.runs = runs;
            this.transitions = transitions;
            this.contexts = contexts;
            this.tested = tested;
            this.testedTransitions = testedTransitions;
            this.g = g;
            this.df = df;
            this.p = p;
            this.alpha = alpha;
            this.violation = violation;
            this.steps = List.copyOf(steps);
            this.worst = worst;
            this.boundaries = boundaries;
            this.boundaryCount = boundaryCount;
        }

        /** The canonical text of the sampler tested against. */
        //@ pure helper
        public String sampler() {
            return sampler;
        }

        /** The runs read (up to the violation, if any). */
        //@ pure helper
        public long runs() {
            return runs;
        }

        /** The steps read. */
        //@ pure helper
        public long transitions() {
            return transitions;
        }

        /** The visited contexts with more than one possible next state. */
        //@ pure helper
        public int contexts() {
            return contexts;
        }

        /** Those with at least one degree of freedom after pooling. */
        //@ pure helper
        public int testedContexts() {
            return tested;
        }

        /** The steps taken at tested contexts. */
        //@ pure helper
        public long testedTransitions() {
            return testedTransitions;
        }

        /** The summed G statistic (NaN after a structural violation). */
        //@ pure helper
        public double statistic() {
            return g;
        }

        /** The summed degrees of freedom. */
        //@ pure helper
        public long degreesOfFreedom() {
            return df;
        }

        /** The p-value of the summed statistic (NaN when nothing was tested or after a violation). */
        //@ pure helper
        public double pValue() {
            return p;
        }

        //@ pure helper
        public double alpha() {
            return alpha;
        }

        /** The first structural violation, if any. */
        //@ pure helper
        public /*@ nullable @*/ Violation violation() {
            return violation;
        }

        /** Per step, from step 1 to the last step read. */
        //@ pure helper
        public List<StepResult> steps() {
            return steps;
        }

        /** The most significant tested contexts, at most {@value TrajectoryValidator#WORST}, by adjusted p-value. */
        //@ pure helper
        public List<ContextResult> worstContexts() {
            return worst;
        }

        /** The decision boundaries of the visited states' kernels (at most {@link ProcessLaw#MAX_BOUNDARIES}). */
        //@ pure helper
        public List<Boundary> boundaries() {
            return boundaries;
        }

        //@ pure helper
        public long boundaryCount() {
            return boundaryCount;
        }

        /**
         * Whether the runs are consistent with the exact kernels at level alpha: no structural violation
         * and the summed test's p-value at least alpha (nothing tested counts as consistent).
         */
        //@ ensures \result == (violation() == null && (degreesOfFreedom() == 0 || pValue() >= alpha()));
        //@ pure
        public boolean consistent() {
            return violation == null && (df == 0 || p >= alpha);
        }

        /** The declared power of the summed test, or null when nothing was tested. */
        //@ pure
        public /*@ nullable @*/ Power power() {
            return df == 0 || df > Integer.MAX_VALUE ? null : Power.of((int) df, alpha);
        }
    }
}
