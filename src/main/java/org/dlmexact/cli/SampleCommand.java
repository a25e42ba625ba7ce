package org.dlmexact.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.dlmexact.law.Law;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.law.SplitMix64;
import org.dlmexact.exact.Echo;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.io.OutputFiles;
import org.dlmexact.sampler.Mutant;
import org.dlmexact.sampler.PredictiveRows;
import org.dlmexact.sampler.PredictorTable;
import org.dlmexact.sampler.Predictors;
import org.dlmexact.sampler.ProcessLaw;
import org.dlmexact.sampler.ProcessSampler;
import org.dlmexact.sampler.RandomOrder;
import org.dlmexact.sampler.Sampler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Exact, seeded samples of the random-order sampler or of an adaptive rule. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Draw sequences from the random-order masked diffusion sampler (--schedule), an adaptive "
                + "rule (--rule) or any sampler (--sampler), or a planted bug of one (--mutant), with integer "
                + "arithmetic only (SplitMix64; for a schedule a Fisher-Yates ordered partition; for a rule its exact choice of positions each round, low-confidence drawing every masked "
                + "position in increasing order; inverse-CDF over each row's common denominator). "
                + "The same seed gives the same output on every JVM. One sequence per line, tokens separated by "
                + "single spaces.")
final class SampleCommand implements Callable<Integer>, Main.Streaming {

    /** Largest --count accepted. */
    static final long MAX_COUNT = 10_000_000L;

    @Mixin
    LawOptions lawOptions = new LawOptions();

    @Mixin
    SamplerOptions sampler = new SamplerOptions();

    @Option(names = "--count", required = true, paramLabel = "N",
            description = "Number of sequences, 1.." + MAX_COUNT + ".")
    String count;

    @Option(names = "--seed", required = true, paramLabel = "SEED",
            description = "SplitMix64 seed: a signed 64-bit decimal integer.")
    String seed;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write to FILE (a temporary file in the same folder, then a move; an existing FILE "
                    + "must be a regular file) instead of standard output.")
    Path outFile;

    @Spec
    /*@ nullable @*/ CommandSpec spec; // injected by picocli after construction

    @Option(names = "--trajectories", paramLabel = "FILE",
            description = "Write every run's trajectory to FILE (atomically), JSON Lines as validate trajectories reads "
                    + "them: {\"states\": [[-1,...], ..., [...]]}, -1 masked, the state before the first step and after "
                    + "every step. Standard output then stays empty; --out still writes the samples (the last states).")
    /*@ nullable @*/ Path trajectories; // set by picocli

    @Option(names = "--mutant", paramLabel = "NAME|list", help = true,
            description = "Draw from a planted bug instead (a realistic wrong version of the sampler, for checking "
                    + "that a validation harness rejects it); 'list' prints the mutants, one per line.")
    /*@ nullable @*/ String mutant; // set by picocli

    @Override
    public Integer call() throws IOException {
        if (mutant != null && mutant.strip().equals("list")) {
            PrintWriter out = spec.commandLine().getOut();
            for (Mutant m : Mutant.values()) {
                out.println(m.line());
            }
            out.flush();
            return 0;
        }
        Mutant wrong = mutant == null ? null : Mutant.parse(mutant);
        if (wrong != null) {
            requireOptions();
        }
        long n = parseCount(count);
        long s = parseSeed(seed);
        Law law = lawOptions.resolve();
        Sampler smp = sampler.sampler(law.length());
        MarginalLattice lattice = MarginalLattice.of(law);
        PredictiveRows rows = new PredictiveRows(lattice, Predictors.parse(sampler.predictor, lattice));
        if (wrong != null) {
            smp = wrong.apply(smp);
        } else {
            noteBoundaries(smp, rows, law);
        }
        ProcessSampler ps = new ProcessSampler(rows, smp);
        if (trajectories != null) {
            try (OutputFiles files = OutputFiles.begin()) {
                Writer t = new BufferedWriter(files.writer(trajectories, "--trajectories"));
                Writer o = outFile == null ? null : new BufferedWriter(files.writer(outFile, "--out"));
                try {
                    writeTrajectories(t, o, ps, n, s);
                    t.flush();
                    if (o != null) {
                        o.flush();
                    }
                } catch (IOException e) {
                    throw OutputFiles.writeFailure(trajectories, "--trajectories", e);
                }
                files.commit();
            }
            return 0;
        }
        Function<SplitMix64, int[]> draw = ps::sample;
        if (outFile == null) {
            PrintWriter out = spec.commandLine().getOut();
            if (!(rows.predictor() instanceof PredictorTable)) {
                write(out, draw, n, s); // a built-in predictor has every row: nothing is refused once drawing starts
            } else {
                // a table may lack a row that only a late draw needs: draw all, then print
                try (OutputFiles files = OutputFiles.begin()) {
                    Path spool = files.scratch();
                    try (Writer w = Files.newBufferedWriter(spool)) {
                        write(w, draw, n, s);
                    }
                    try (Reader r = Files.newBufferedReader(spool)) {
                        r.transferTo(out);
                    }
                }
            }
            out.flush();
            return 0;
        }
        try (OutputFiles files = OutputFiles.begin()) {
            Writer w = new BufferedWriter(files.writer(outFile, "--out"));
            try {
                write(w, draw, n, s);
                w.flush();
            } catch (IOException e) {
                throw OutputFiles.writeFailure(outFile, "--out", e);
            }
            files.commit();
        }
        return 0;
    }

    /** {@code n} runs as JSON Lines of states, and their last states as samples when {@code samples} is given. */
    private static void writeTrajectories(Writer w, /*@ nullable @*/ Writer samples, ProcessSampler ps, long n,
                                          long seed) throws IOException {
        SplitMix64 rng = new SplitMix64(seed);
        StringBuilder sb = new StringBuilder();
        for (long c = 0; c < n; c++) {
            List<int[]> run = ps.trajectory(rng);
            sb.setLength(0);
            sb.append("{\"states\":[");
            for (int k = 0; k < run.size(); k++) {
                sb.append(k == 0 ? "[" : ",[");
                int[] x = run.get(k);
                for (int i = 0; i < x.length; i++) {
                    sb.append(i == 0 ? "" : ",").append(x[i]);
                }
                sb.append(']');
            }
            sb.append("]}\n");
            w.write(sb.toString());
            if (samples != null) {
                int[] last = run.get(run.size() - 1);
                line(samples, new char[12 * last.length + 1], last);
            }
        }
    }

    /**
     * One sample as a line of tokens separated by spaces ({@code -1} for a position left masked, only
     * by a planted bug), written from {@code buf} (at least {@code 12 x.length + 1} characters):
     * streamed, nothing but this line is held.
     */
    private static void line(Writer w, char[] buf, int[] x) throws IOException {
        int len = 0;
        for (int i = 0; i < x.length; i++) {
            if (i > 0) {
                buf[len++] = ' ';
            }
            if (x[i] >= 0 && x[i] < 10) {
                buf[len++] = (char) ('0' + x[i]);
            } else {
                String t = Integer.toString(x[i]);
                t.getChars(0, t.length(), buf, len);
                len += t.length();
            }
        }
        buf[len++] = '\n';
        w.write(buf, 0, len);
    }

    /** The checks picocli skips when {@code --mutant} is given (it is a help option, so that {@code list} needs nothing else). */
    private void requireOptions() {
        SamplerOptions.Choice c = sampler.choice;
        int chosen = c == null ? 0 : (c.schedule != null ? 1 : 0) + (c.rule != null ? 1 : 0) + (c.sampler != null ? 1 : 0);
        if (lawOptions.law == null || count == null || seed == null || chosen != 1) {
            throw new InvalidInputException("option.missing", "--mutant NAME needs --law, --count, --seed and exactly "
                    + "one of --schedule, --rule, --sampler (the sampler it mutates)");
        }
    }

    /**
     * A note on standard error when the sampler's exact law rests on decision boundaries (when that
     * law is within its size limit; the random-order sampler has none).
     */
    private void noteBoundaries(Sampler smp, PredictiveRows rows, Law law) {
        if (smp instanceof RandomOrder || smp.work(law.alphabetSize()).compareTo(
                java.math.BigInteger.valueOf(smp.maxWork())) > 0) {
            return;
        }
        ProcessLaw q = ProcessLaw.compute(rows, smp);
        if (q.boundaryCount() > 0) {
            spec.commandLine().getErr().println("dlm-exact: note: the exact law of " + smp.spec() + " rests on "
                    + q.boundaryCount() + " decision boundar" + (q.boundaryCount() == 1 ? "y" : "ies")
                    + " (exact ties or threshold equalities; error --json lists them), decided here by its ties= and"
                    + " boundary= keys");
        }
    }

    private static void write(Writer w, Function<SplitMix64, int[]> sampler, long n, long seed) throws IOException {
        SplitMix64 rng = new SplitMix64(seed);
        char[] buf = null;
        for (long c = 0; c < n; c++) {
            int[] x = sampler.apply(rng);
            buf = buf != null ? buf : new char[12 * x.length + 1];
            line(w, buf, x);
        }
    }

    static long parseCount(String text) {
        long n;
        try {
            n = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("option.count", "--count must be an integer in 1.." + MAX_COUNT
                    + ", got " + Echo.quoted(text));
        }
        if (n <= 0 || n > MAX_COUNT) {
            throw new InvalidInputException("option.count", "--count must be in 1.." + MAX_COUNT + ", got " + n);
        }
        return n;
    }

    static long parseSeed(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("option.seed", "--seed must be a signed 64-bit decimal integer"
                    + " (-9223372036854775808..9223372036854775807), got " + Echo.quoted(text));
        }
    }
}
