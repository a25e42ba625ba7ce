package org.dlmexact.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.Rational;
import org.dlmexact.law.Law;
import org.dlmexact.law.LawJson;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.report.AuditPlot;
import org.dlmexact.report.AuditWriter;
import org.dlmexact.report.Values;
import org.dlmexact.sampler.Predictor;
import org.dlmexact.sampler.Predictors;
import org.dlmexact.sampler.ProcessError;
import org.dlmexact.sampler.Sampler;
import org.dlmexact.sampler.SamplerError;
import org.dlmexact.sampler.Samplers;
import org.dlmexact.sampler.Schedule;
import org.dlmexact.theory.Audit;
import org.dlmexact.theory.Check;
import org.dlmexact.theory.Confidence;
import org.dlmexact.theory.LiCaiTheorem2;
import org.dlmexact.theory.ProfileChecks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The theory audit: every bound next to the exact error, with exact verdicts. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Audit the theory on a law: for each schedule the exact path-averaged and output errors next to "
                + "Li-Cai Theorem 1 and Corollary 1, Chen-Cong-Li's closed form and F.1 chain; for the law the "
                + "information identities, Li-Cai's recursion and lower bound (four W_j readings), the optimal "
                + "schedules and the Theorem 9 schedules. Verdicts are exact. Exit 0 when every check of a paper or "
                + "derived statement holds, 1 when one fails (reconstructed checks are findings, not failures).")
final class AuditCommand implements Callable<Integer> {

    @Mixin
    LawOptions lawOptions = new LawOptions();

    @Option(names = "--schedules", paramLabel = "balanced|all|LIST", defaultValue = "balanced",
            description = "balanced (default: balanced:T for T = 1..L), all (every composition, L <= "
                    + Schedule.MAX_ALL_LENGTH + "), or schedules separated by ';' (e.g. '2,1,1;balanced:2').")
    String schedules;

    @Option(names = "--convention", paramLabel = "reveal|forward", defaultValue = "reveal",
            description = "How explicit sizes are read (default reveal order; forward = Li-Cai forward time).")
    String convention;

    @Option(names = "--predictor", paramLabel = "P", defaultValue = "optimal",
            description = "optimal (default), smoothed:LAMBDA, or a dlm-exact/predictor@1 file.")
    String predictor;

    @Option(names = "--epsilon", paramLabel = "Q[,Q...]", defaultValue = "1/4,1/16,1/64", split = ",",
            description = "Targets (rational, nats) for the Chen-Cong-Li Theorem 9 schedules (default ${DEFAULT-VALUE}).")
    List<String> epsilon;

    @Option(names = "--reading", paramLabel = "a|b|c|d|all", defaultValue = "all",
            description = "Which reading of the W_j law of Li-Cai Theorem 2 to check (default all four).")
    String reading;

    @Option(names = "--sampler", paramLabel = "NAME:ARGS",
            description = "Also audit the exact theory of these samplers (repeatable; SPEC.md section 10): the output KL, "
                    + "expected steps and model calls, the identity of samplers that reveal by state, the size-mixture "
                    + "checks of per-position samplers, the EB bounds.")
    List<String> samplers = new ArrayList<>();

    @Option(names = "--digits", paramLabel = "D", defaultValue = "10",
            description = "Certified digits after the decimal point (default ${DEFAULT-VALUE}; 0..1000).")
    int digits;

    @Option(names = "--json", description = "Print JSON instead of tables.")
    boolean json;

    @Option(names = "--plot", paramLabel = "FILE.svg", description = "Also write an SVG plot of error against T.")
    Path plot;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write every check as CSV.")
    Path csv;

    @Spec
    /*@ nullable @*/ CommandSpec spec; // injected by picocli after construction

    @Override
    public Integer call() throws IOException {
        Options.checkDigits(digits);
        Law law = lawOptions.resolve();
        MarginalLattice.checkSize(law.alphabetSize(), law.length());
        List<Schedule> list = resolveSchedules(law.length());
        for (Schedule s : list) {
            SamplerError.checkSize(law.alphabetSize(), s);
        }
        List<Rational> targets = new ArrayList<>();
        for (String e : epsilon) {
            try {
                targets.add(Rational.parse(e));
            } catch (NumberFormatException ex) {
                throw new InvalidInputException("option.epsilon", "--epsilon: " + ex.getMessage());
            }
        }
        Audit.Options options = new Audit.Options(readings(), targets);
        Predictor p = Predictors.parse(predictor, MarginalLattice.of(law));
        List<Sampler> profiles = new ArrayList<>();
        for (String text : samplers) {
            Sampler smp = Samplers.parse(text, law.length(), Schedule.Convention.parse(convention));
            smp.checkSize(law.alphabetSize());
            profiles.add(smp);
        }
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        Audit audit = Audit.run(law, list, p, options, (done, total, s) -> {
            if (System.nanoTime() - start > 1_000_000_000L) {
                err.println("audit: " + done + " of " + total + " schedules done (last " + s + ")");
                err.flush();
            }
        });
        // render everything before writing anything, so that an error leaves no partial file
        String svg = plot == null ? null : AuditPlot.svg(audit, "dlm-exact audit of " + lawOptions.law
                + " (predictor " + audit.predictor() + ")");
        String csvText = null;
        if (csv != null) {
            StringWriter sw = new StringWriter();
            try (PrintWriter pw = new PrintWriter(sw)) {
                AuditWriter.csv(audit, pw, digits);
            }
            csvText = sw.toString();
        }
        if (svg != null) {
            writeAtomically(plot, svg);
        }
        if (csvText != null) {
            writeAtomically(csv, csvText);
        }
        List<ProcessError> errors = new ArrayList<>();
        List<ProfileChecks> theories = new ArrayList<>();
        for (Sampler smp : profiles) {
            ProcessError e = ProcessError.compute(law, smp, p);
            errors.add(e);
            theories.add(ProfileChecks.of(e, p));
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean profilesHold = true;
        if (json) {
            ObjectNode root = AuditWriter.json(audit, lawOptions.law, digits);
            if (!profiles.isEmpty()) {
                ArrayNode arr = root.putArray("samplers");
                for (int n = 0; n < profiles.size(); n++) {
                    arr.add(profileJson(errors.get(n), theories.get(n)));
                }
            }
            out.println(LawJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            AuditWriter.table(audit, lawOptions.law, out, digits);
            for (int n = 0; n < profiles.size(); n++) {
                ProcessError e = errors.get(n);
                out.println();
                out.println("sampler " + e.sampler().spec() + ": KL(mu||law) = "
                        + (e.outputKL().isInfinite() ? "+inf" : e.outputKL().value().toDecimal(digits))
                        + ", expected steps " + ExactReal.of(e.expectedRounds()).toDecimal(digits)
                        + ", expected model calls " + ExactReal.of(e.processLaw().expectedModelCalls()).toDecimal(digits)
                        + ", decision boundaries " + e.processLaw().boundaryCount());
                for (Check c : theories.get(n).checks()) {
                    out.println("  " + c.id() + " (" + c.confidence().label() + "): " + c.note() + ": "
                            + c.verdict().label());
                }
                for (String sk : theories.get(n).skipped()) {
                    out.println("  skipped " + sk);
                }
            }
        }
        for (ProfileChecks t : theories) {
            profilesHold &= t.checks().stream().allMatch(c -> c.verdict().holds()
                    || c.confidence() == Confidence.RECONSTRUCTED);
        }
        out.flush();
        return audit.mustHoldFailures().isEmpty() && profilesHold ? 0 : 1;
    }

    private ObjectNode profileJson(ProcessError e, ProfileChecks t) {
        ObjectNode n = LawJson.mapper().createObjectNode();
        n.put("sampler", e.sampler().spec());
        n.set("outputKL", Values.json(e.outputKL(), digits));
        n.set("expectedSteps", Values.json(org.dlmexact.info.Divergence.finite(ExactReal.of(e.expectedRounds())),
                digits));
        n.set("expectedModelCalls", Values.json(org.dlmexact.info.Divergence.finite(
                ExactReal.of(e.processLaw().expectedModelCalls())), digits));
        n.put("decisionBoundaryCount", e.processLaw().boundaryCount());
        ArrayNode cs = n.putArray("checks");
        t.checks().forEach(c -> cs.add(AuditWriter.check(c, digits)));
        ArrayNode sk = n.putArray("skipped");
        t.skipped().forEach(sk::add);
        return n;
    }

    private List<Schedule> resolveSchedules(int l) {
        Schedule.Convention conv = Schedule.Convention.parse(convention);
        if ("balanced".equals(schedules.strip())) {
            List<Schedule> out = new ArrayList<>();
            for (int t = 1; t <= l; t++) {
                out.add(Schedule.balanced(l, t));
            }
            return out;
        }
        List<Schedule> out = new ArrayList<>();
        for (String part : schedules.split(";", -1)) {
            if (part.isBlank()) {
                throw new InvalidInputException("schedule.syntax", "--schedules has an empty entry in '" + schedules + "'");
            }
            out.addAll(Schedule.parseAll(part.strip(), l, conv));
        }
        return out;
    }

    private List<LiCaiTheorem2.Reading> readings() {
        if ("all".equals(reading)) {
            return List.of(LiCaiTheorem2.Reading.values());
        }
        for (LiCaiTheorem2.Reading r : LiCaiTheorem2.Reading.values()) {
            if (r.label().equals(reading)) {
                return List.of(r);
            }
        }
        throw new InvalidInputException("option.reading", "--reading must be a, b, c, d or all, got '" + reading + "'");
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InvalidInputException("io.write", "cannot write '" + target + "': no such directory");
        }
        Path tmp = Files.createTempFile(dir, ".dlm-exact-", ".tmp");
        try {
            Files.writeString(tmp, text);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
