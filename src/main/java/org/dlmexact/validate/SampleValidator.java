package org.dlmexact.validate;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.commons.statistics.inference.GTest;
import org.dlmexact.law.Law;
import org.dlmexact.law.SequenceSpace;
import org.dlmexact.exact.Echo;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.Rational;
import org.dlmexact.io.InputFiles;

/**
 * A goodness-of-fit test of samples from another sampler against the exact output law {@code nu}.
 *
 * <ol>
 *   <li>Samples: one sequence per line, {@code L} tokens in {@code [0, V)} separated by spaces
 *       and/or commas; a final line end is allowed, any empty line (a blank last line too) or
 *       malformed line is an error ({@code samples.line}) naming its line number.</li>
 *   <li>An outcome with {@code nu(x) = 0} that occurs in the samples makes the test fail outright
 *       (no p-value is needed: the sampler produced something impossible).</li>
 *   <li>Cells: the outcomes with {@code nu(x) > 0}; expected count {@code n nu(x)}. Pooling rule:
 *       every cell with expected count below {@value #MIN_EXPECTED} goes into one pooled cell;
 *       while the pooled cell is non-empty and its expected count is still below
 *       {@value #MIN_EXPECTED}, the smallest remaining cell joins it. With fewer than two cells
 *       there is nothing to test (p-value 1).</li>
 *   <li>The G-test (likelihood-ratio test) of Commons Statistics with {@code cells - 1} degrees of
 *       freedom; consistent at level {@code alpha} when {@code p >= alpha}.</li>
 * </ol>
 * The p-value is a floating-point statistic by nature; it decides only this statistical verdict,
 * never an exact one.
 */
public final class SampleValidator {

    /** Cells with a smaller expected count are pooled. */
    public static final double MIN_EXPECTED = 5.0;
    /** How many outcomes the report lists as contributing most. */
    public static final int TOP = 5;

    private SampleValidator() {
    }

    /**
     * The count of each outcome (by index) in a samples file: a regular file of at most
     * {@link InputFiles#MAX_SAMPLES_BYTES} bytes, strict UTF-8, read line by line (lines of at most
     * {@link InputFiles#MAX_LINE_CHARS} characters), so memory does not grow with the file.
     */
    /*@ public behavior
      @   requires path != null && space != null;
      @   ensures \result.length == space.size();
      @   signals_only InvalidInputException;
      @*/
    public static long[] readCounts(Path path, SequenceSpace space) {
        Counter c = new Counter(space, Echo.of(path.toString()));
        InputFiles.forEachLine(path, "samples file", InputFiles.MAX_SAMPLES_BYTES, InputFiles.MAX_LINE_CHARS, c);
        return c.counts();
    }

    /**
     * The counts from a reader; {@code name} is used in error messages. Whether it returns depends
     * on what the reader yields, which a contract cannot name: one {@code behavior} case.
     */
    /*@ public behavior
      @   requires reader != null && space != null && name != null;
      @   ensures \result.length == space.size();
      @   signals_only InvalidInputException, IOException;
      @*/
    public static long[] readCounts(BufferedReader reader, SequenceSpace space, String name) throws IOException {
        Counter c = new Counter(space, Echo.of(name));
        InputFiles.forEachLine(reader, Echo.of(name), InputFiles.MAX_LINE_CHARS, c);
        return c.counts();
    }

    /**
     * Counts the outcomes of the lines it is given. Every line must hold one sequence: an empty line
     * anywhere (also a blank last line; a final line end alone makes no line) is refused.
     */
    private static final class Counter implements InputFiles.LineConsumer {
        private final SequenceSpace space;
        private final String name;
        private final long[] counts;
        private final int[] x;
        private long total;

        Counter(SequenceSpace space, String name) {
            this.space = space;
            this.name = name;
            this.counts = new long[space.size()];
            this.x = new int[space.length()];
        }

        /*@ also public normal_behavior
          @   requires lineNo >= 1 && line != null;
          @*/
        @Override
        public void accept(long lineNo, String line) {
            int l = space.length();
            int v = space.alphabetSize();
            String s = line.strip();
            if (s.isEmpty()) {
                throw new InvalidInputException("samples.line", name + ": line " + lineNo + " is empty; "
                        + "every line must hold one sequence of " + l + " tokens");
            }
            String[] parts = s.split("[\\s,]+");
            if (parts.length != l) {
                throw new InvalidInputException("samples.line", name + ": line " + lineNo + " has " + parts.length
                        + " tokens, expected " + l + " (tokens separated by spaces or commas): " + Echo.quoted(s));
            }
            for (int i = 0; i < l; i++) {
                int t;
                try {
                    t = Integer.parseInt(parts[i]);
                } catch (NumberFormatException e) {
                    t = -1;
                }
                if (t < 0 || t >= v) {
                    throw new InvalidInputException("samples.line", name + ": line " + lineNo + ", token " + (i + 1)
                            + " is " + Echo.quoted(parts[i]) + ", not an integer in [0, " + v + ")");
                }
                x[i] = t;
            }
            counts[space.index(x)]++;
            total++;
        }

        long[] counts() {
            if (total == 0) {
                throw new InvalidInputException("samples.empty", name + ": no samples");
            }
            return counts;
        }
    }

    /** One outcome's share of the discrepancy. */
    public static final class Contribution {
        //@ public invariant observed() >= 0;
        private final int index;
        private final long observed;
        private final double expected;
        private final Rational nu;

        Contribution(int index, long observed, double expected, Rational nu) {
            this.index = index;
            this.observed = observed;
            this.expected = expected;
            this.nu = nu;
        }

        /** The outcome's index (lexicographic order). */
        //@ pure
        public int index() {
            return index;
        }

        //@ pure
        public long observed() {
            return observed;
        }

        /** {@code n nu(x)}. */
        //@ pure
        public double expected() {
            return expected;
        }

        /** {@code nu(x)}, exact. */
        //@ pure
        public Rational nu() {
            return nu;
        }

        /** The Pearson residual {@code (observed - expected) / sqrt(expected)} (infinite when expected is 0). */
        //@ pure
        public double residual() {
            return expected == 0 ? Double.POSITIVE_INFINITY : (observed - expected) / Math.sqrt(expected);
        }
    }

    /** The outcome of the test. */
    public static final class Result {
        //@ public invariant samples() > 0;
        private final long samples;
        private final int cells;
        private final int pooledOutcomes;
        private final double statistic;
        private final double pValue;
        private final double alpha;
        private final List<Contribution> impossible;
        private final List<Contribution> top;

        Result(long samples, int cells, int pooledOutcomes, double statistic, double pValue, double alpha,
               List<Contribution> impossible, List<Contribution> top) {
            this.samples = samples;
            this.cells = cells;
            this.pooledOutcomes = pooledOutcomes;
            this.statistic = statistic;
            this.pValue = pValue;
            this.alpha = alpha;
            this.impossible = impossible;
            this.top = top;
        }

        //@ pure
        public long samples() {
            return samples;
        }

        /** Cells tested after pooling. */
        //@ pure
        public int cells() {
            return cells;
        }

        /** Outcomes merged into the pooled cell (0 when nothing was pooled). */
        //@ pure
        public int pooledOutcomes() {
            return pooledOutcomes;
        }

        /** The G statistic (NaN when fewer than two cells or an impossible outcome occurred). */
        //@ pure
        public double statistic() {
            return statistic;
        }

        /** The p-value (NaN when an impossible outcome occurred: then no test is run; 1 with fewer than two cells). */
        //@ pure
        public double pValue() {
            return pValue;
        }

        //@ pure
        public double alpha() {
            return alpha;
        }

        /** Outcomes with {@code nu(x) = 0} that occurred, in index order. */
        //@ pure
        public List<Contribution> impossible() {
            return impossible;
        }

        /** The outcomes with the largest absolute Pearson residuals, largest first. */
        //@ pure
        public List<Contribution> top() {
            return top;
        }

        /** Whether the samples are consistent with {@code nu} at level alpha. */
        //@ ensures \result == (impossible().isEmpty() && pValue() >= alpha());
        //@ pure
        public boolean consistent() {
            return impossible.isEmpty() && pValue >= alpha;
        }
    }

    /** The test of {@code counts} (indexed like {@code nu}'s space) against {@code nu} at level {@code alpha}. */
    /*@ public normal_behavior
      @   requires nu != null && counts != null && counts.length == nu.space().size() && 0 < alpha && alpha < 1;
      @ pure @*/
    public static Result test(Law nu, long[] counts, double alpha) {
        Objects.requireNonNull(nu, "nu");
        if (counts.length != nu.space().size()) {
            throw new IllegalArgumentException("expected " + nu.space().size() + " counts, got " + counts.length);
        }
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        if (n <= 0) {
            throw new InvalidInputException("samples.empty", "no samples");
        }
        List<Contribution> impossible = new ArrayList<>();
        List<Contribution> cells = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            Rational p = nu.probability(i);
            if (p.isZero()) {
                if (counts[i] > 0) {
                    impossible.add(new Contribution(i, counts[i], 0, p));
                }
            } else {
                cells.add(new Contribution(i, counts[i], n * p.toDouble(), p));
            }
        }
        List<Contribution> byResidual = new ArrayList<>(cells);
        byResidual.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.residual()))
                .thenComparingInt(Contribution::index));
        List<Contribution> top = Collections.unmodifiableList(new ArrayList<>(
                byResidual.subList(0, Math.min(TOP, byResidual.size()))));
        if (!impossible.isEmpty()) {
            return new Result(n, cells.size(), 0, Double.NaN, Double.NaN, alpha, Collections.unmodifiableList(impossible),
                    top);
        }
        // pooling
        List<Contribution> sorted = new ArrayList<>(cells);
        sorted.sort(Comparator.comparingDouble(Contribution::expected).thenComparingInt(Contribution::index));
        double pooledE = 0;
        long pooledO = 0;
        int pooled = 0;
        int next = 0;
        while (next < sorted.size() && sorted.get(next).expected() < MIN_EXPECTED) {
            pooledE += sorted.get(next).expected();
            pooledO += sorted.get(next).observed();
            pooled++;
            next++;
        }
        while (pooled > 0 && pooledE < MIN_EXPECTED && next < sorted.size()) {
            pooledE += sorted.get(next).expected();
            pooledO += sorted.get(next).observed();
            pooled++;
            next++;
        }
        int k = sorted.size() - next + (pooled > 0 ? 1 : 0);
        if (k < 2) {
            return new Result(n, k, pooled, Double.NaN, 1.0, alpha, List.of(), top);
        }
        double[] e = new double[k];
        long[] o = new long[k];
        int c = 0;
        for (int i = next; i < sorted.size(); i++) {
            e[c] = sorted.get(i).expected();
            o[c] = sorted.get(i).observed();
            c++;
        }
        if (pooled > 0) {
            e[c] = pooledE;
            o[c] = pooledO;
        }
        var r = GTest.withDefaults().test(e, o);
        return new Result(n, k, pooled, r.getStatistic(), r.getPValue(), alpha, List.of(), top);
    }
}
