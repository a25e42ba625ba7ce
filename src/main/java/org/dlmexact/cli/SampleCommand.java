package org.dlmexact.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.dlmexact.law.Law;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.law.SplitMix64;
import org.dlmexact.exact.Echo;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.io.OutputFiles;
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
        description = "Draw sequences from the random-order masked diffusion sampler (--schedule) or an adaptive "
                + "rule (--rule) with integer arithmetic only (SplitMix64; for a schedule a Fisher-Yates ordered "
                + "partition; for a rule its exact choice of positions each round, low-confidence drawing every masked "
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

    @Override
    public Integer call() throws IOException {
        long n = parseCount(count);
        long s = parseSeed(seed);
        Law law = lawOptions.resolve();
        Sampler smp = sampler.sampler(law.length());
        MarginalLattice lattice = MarginalLattice.of(law);
        PredictiveRows rows = new PredictiveRows(lattice, Predictors.parse(sampler.predictor, lattice));
        Function<SplitMix64, int[]> draw = new ProcessSampler(rows, smp)::sample;
        noteBoundaries(smp, rows, law);
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
        char[] line = new char[64];
        for (long c = 0; c < n; c++) {
            int[] x = sampler.apply(rng);
            int len = 0;
            for (int i = 0; i < x.length; i++) {
                if (i > 0) {
                    line[len++] = ' ';
                }
                if (x[i] >= 10) {
                    line[len++] = (char) ('0' + x[i] / 10);
                }
                line[len++] = (char) ('0' + x[i] % 10);
            }
            line[len++] = '\n';
            w.write(line, 0, len); // streamed: nothing but this line is held
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
