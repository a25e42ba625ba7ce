package org.dlmexact.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dlmexact.law.Law;
import org.dlmexact.law.LawJson;
import org.dlmexact.law.SequenceSpace;
import org.dlmexact.exact.Echo;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.sampler.ProcessLaw;
import org.dlmexact.validate.SampleValidator;
import org.dlmexact.validate.ValuesValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code validate values} and {@code validate samples}: check another implementation. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check another implementation: its computed values against the golden vectors, or its samples "
                + "against the exact output law.",
        subcommands = {ValidateCommand.Values.class, ValidateCommand.Samples.class})
final class ValidateCommand implements Runnable {

    @Spec
    /*@ nullable @*/ CommandSpec spec; // injected by picocli after construction

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "values", mixinStandardHelpOptions = true,
            description = "Compare a dlm-exact/results@1 file with the exact vector values under each group's "
                    + "tolerance, decided exactly. Exit 0 when every value passes, 1 when any fails, 2 when the "
                    + "results file is malformed.")
    static final class Values implements Callable<Integer> {

        @Option(names = "--vectors", paramLabel = "DIR", defaultValue = VectorsCommand.DEFAULT_DIR,
                description = "Folder with the vector files (default ${DEFAULT-VALUE}).")
        Path vectors;

        @Option(names = "--results", required = true, paramLabel = "FILE",
                description = "The results file: {\"schema\":\"dlm-exact/results@1\",\"results\":[{\"file\":"
                        + "\"info.json\",\"tcId\":3,\"field\":\"entropy\",\"value\":0.69...}]}.")
        Path results;

        @Option(names = "--failures-only", description = "Print only the failing values and the summary.")
        boolean failuresOnly;

        @Spec
        /*@ nullable @*/ CommandSpec spec; // injected by picocli after construction

        @Override
        public Integer call() {
            if (!Files.isDirectory(vectors)) {
                throw new InvalidInputException("io.read", "--vectors " + Echo.quoted(vectors.toString())
                        + " is not a folder");
            }
            List<ValuesValidator.Outcome> out = ValuesValidator.validate(vectors, results);
            PrintWriter w = spec.commandLine().getOut();
            int failed = 0;
            for (ValuesValidator.Outcome o : out) {
                if (!o.pass()) {
                    failed++;
                }
                if (!failuresOnly || !o.pass()) {
                    w.println(o);
                }
            }
            w.println((failed == 0 ? "OK" : "FAILED") + ": " + out.size() + " values, " + (out.size() - failed)
                    + " passed, " + failed + " failed");
            w.flush();
            return failed == 0 ? 0 : 1;
        }
    }

    @Command(name = "samples", mixinStandardHelpOptions = true,
            description = "G-test of samples from another sampler against the exact output law nu of the sampler "
                    + "given by the options (cells with expected count < 5 pooled; an outcome with nu = 0 in the "
                    + "samples fails outright). Exit 0 when consistent at level ALPHA, 1 when not, 2 for bad input.")
    static final class Samples implements Callable<Integer> {

        @Mixin
        LawOptions lawOptions = new LawOptions();

        @Mixin
        SamplerOptions sampler = new SamplerOptions();

        @Option(names = "--samples", required = true, paramLabel = "FILE",
                description = "One sequence per line, tokens separated by spaces or commas.")
        Path samples;

        @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.001",
                description = "Significance level, 0 < A < 1 (default ${DEFAULT-VALUE}).")
        String alpha;

        @Option(names = "--json", description = "Print JSON instead of text.")
        boolean json;

        @Spec
        /*@ nullable @*/ CommandSpec spec; // injected by picocli after construction

        @Override
        public Integer call() throws JsonProcessingException {
            double a = parseAlpha(alpha);
            Law law = lawOptions.resolve();
            ProcessLaw q = sampler.processLaw(law);
            Law nu = q.law();
            long[] counts = SampleValidator.readCounts(samples, law.space());
            SampleValidator.Result r = SampleValidator.test(nu, counts, a);
            PrintWriter w = spec.commandLine().getOut();
            SequenceSpace sp = law.space();
            if (json) {
                ObjectNode root = toJson(r, sp);
                root.set("decisionBoundaries", ProcessOutput.boundaries(sp, q));
                root.put("decisionBoundaryCount", q.boundaryCount());
                w.println(LawJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root));
            } else {
                w.println("validate samples: law " + lawOptions.law + ", " + sampler.describe(law));
                if (!r.impossible().isEmpty()) {
                    w.println("samples " + r.samples() + ": " + r.impossible().size() + " outcome(s) the sampler "
                            + "cannot produce (nu(x) = 0) occur:");
                    for (SampleValidator.Contribution c : r.impossible()) {
                        w.println("  " + tokens(sp.outcome(c.index())) + " observed " + c.observed() + " times");
                    }
                } else if (Double.isNaN(r.statistic())) {
                    w.println(String.format(Locale.ROOT, "samples %d, cells %d (%d outcomes pooled: expected count "
                                    + "< 5): fewer than two cells, nothing to test (p-value 1)", r.samples(),
                            r.cells(), r.pooledOutcomes()));
                } else {
                    String p = r.pValue() == 0 ? "0 (below the smallest double)"
                            : String.format(Locale.ROOT, "%.4g", r.pValue());
                    w.println(String.format(Locale.ROOT, "samples %d, cells %d (%d outcomes pooled: expected count "
                                    + "< 5), G = %.4f, df = %d, p-value = %s", r.samples(), r.cells(),
                            r.pooledOutcomes(), r.statistic(), Math.max(0, r.cells() - 1), p));
                }
                w.println("verdict: " + (r.consistent() ? "consistent" : "NOT consistent") + " with nu at level "
                        + alpha.strip());
                w.println("outcomes contributing most (Pearson residual (observed - expected) / sqrt(expected)):");
                int nuWidth = 2;
                for (SampleValidator.Contribution c : r.top()) {
                    nuWidth = Math.max(nuWidth, c.nu().toString().length());
                }
                String head = "  %-" + Math.max(7, 2 * sp.length()) + "s %9s %10s  %-" + nuWidth + "s %9s";
                String row = "  %-" + Math.max(7, 2 * sp.length()) + "s %9d %10.1f  %-" + nuWidth + "s %+9.2f";
                w.println(String.format(Locale.ROOT, head, "outcome", "observed", "expected", "nu", "residual"));
                for (SampleValidator.Contribution c : r.top()) {
                    w.println(String.format(Locale.ROOT, row, tokens(sp.outcome(c.index())), c.observed(),
                            c.expected(), c.nu(), c.residual()));
                }
                if (q.boundaryCount() > 0) {
                    w.println("note: the exact law rests on " + q.boundaryCount() + " decision boundar"
                            + (q.boundaryCount() == 1 ? "y" : "ies") + " (exact ties or threshold equalities, e.g. "
                            + ProcessOutput.boundaryLine(sp, q.boundaries().first()) + "); the verdict holds only"
                            + " for an implementation that breaks ties and compares thresholds as this sampler's"
                            + " ties= and boundary= keys say; choose a law without ties (for example random:V,L,SEED)"
                            + " to test the sampler apart from them");
                }
            }
            w.flush();
            return r.consistent() ? 0 : 1;
        }

        private static ObjectNode toJson(SampleValidator.Result r, SequenceSpace sp) {
            ObjectNode n = LawJson.mapper().createObjectNode();
            n.put("samples", r.samples());
            n.put("cells", r.cells());
            n.put("pooledOutcomes", r.pooledOutcomes());
            if (Double.isNaN(r.statistic())) {
                n.putNull("statistic");
            } else {
                n.put("statistic", r.statistic());
            }
            n.put("degreesOfFreedom", Math.max(0, r.cells() - 1));
            if (Double.isNaN(r.pValue())) {
                n.putNull("pValue"); // no test was run: the samples hold an outcome nu gives probability 0
            } else {
                n.put("pValue", r.pValue());
            }
            n.put("alpha", r.alpha());
            n.put("consistent", r.consistent());
            ArrayNode imp = n.putArray("impossible");
            for (SampleValidator.Contribution c : r.impossible()) {
                ObjectNode e = imp.addObject();
                e.set("x", ErrorCommand.ints(sp.outcome(c.index())));
                e.put("observed", c.observed());
            }
            ArrayNode top = n.putArray("top");
            for (SampleValidator.Contribution c : r.top()) {
                ObjectNode e = top.addObject();
                e.set("x", ErrorCommand.ints(sp.outcome(c.index())));
                e.put("observed", c.observed());
                e.put("expected", c.expected());
                e.put("nu", c.nu().toString());
                e.put("residual", c.residual());
            }
            return n;
        }

        private static String tokens(int[] x) {
            StringBuilder sb = new StringBuilder();
            for (int t : x) {
                sb.append(sb.length() == 0 ? "" : " ").append(t);
            }
            return sb.toString();
        }

        static double parseAlpha(String text) {
            double a;
            try {
                a = Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                a = Double.NaN;
            }
            if (!(a > 0 && a < 1)) {
                throw new InvalidInputException("option.alpha", "--alpha must be a number strictly between 0 and 1, "
                        + "got " + Echo.quoted(text));
            }
            return a;
        }
    }
}
