package org.dlmexact.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.Curves;
import org.dlmexact.info.StructuredCurve;
import org.dlmexact.law.Law;
import org.dlmexact.law.LawDescription;
import org.dlmexact.law.LawJson;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.exact.Echo;
import org.dlmexact.exact.NumberSize;
import org.dlmexact.io.OutputFiles;
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
import org.dlmexact.theory.ChenCongLiOptimalSchedule;
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

    @Option(names = "--exact", description = "In --json, print the exact text of every value, also of long symbolic "
            + "values of structured laws (otherwise omitted above " + Values.MAX_SHOWN_ATOMS + " atoms).")
    boolean exact;

    @Option(names = "--plot", paramLabel = "FILE.svg", description = "Also write an SVG plot of error against T.")
    Path plot;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write every check as CSV.")
    Path csv;

    @Spec
    /*@ nullable @*/ CommandSpec spec; // injected by picocli after construction

    @Override
    public Integer call() throws IOException {
        Options.checkDigits(digits);
        LawDescription description = lawOptions.describe();
        boolean closedForm = !Curves.enumerates(description);
        Law law = closedForm ? null : description.law();
        if (!closedForm) {
            MarginalLattice.checkSize(law.alphabetSize(), law.length());
        }
        List<Schedule> list = resolveSchedules(description.length());
        if (closedForm) {
            checkClosedForm(description);
        } else {
            SamplerError.checkSize(law.alphabetSize(), list);
        }
        List<Rational> targets = new ArrayList<>();
        for (String e : epsilon) {
            try {
                targets.add(NumberSize.parse(e, "--epsilon"));
            } catch (NumberFormatException ex) {
                throw new InvalidInputException("option.epsilon", "--epsilon: " + ex.getMessage());
            }
        }
        Audit.Options options = new Audit.Options(readings(), targets);
        Predictor p = closedForm ? null : Predictors.parse(predictor, MarginalLattice.of(law));
        List<Sampler> profiles = new ArrayList<>();
        for (String text : samplers) {
            Sampler smp = Samplers.parse(text, law.length(), Schedule.Convention.parse(convention));
            smp.checkSize(law.alphabetSize());
            profiles.add(smp);
        }
        try (OutputFiles files = OutputFiles.begin()) {
            // the output files are checked (and their temporaries made) before the long computation
            Writer plotWriter = plot == null ? null : files.writer(plot, "--plot");
            Writer csvWriter = csv == null ? null : files.writer(csv, "--csv");
            Audit audit = closedForm
                    ? Audit.runClosedForm(StructuredCurve.of(description.structure()), list, options, progress())
                    : Audit.run(law, list, p, options, progress());
            return report(audit, law, p, profiles, files, plotWriter, csvWriter);
        }
    }

    /** Progress on stderr once a run has taken more than a second, at most once a second. */
    private Audit.Progress progress() {
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        long[] lastReport = {start};
        return (done, total, s) -> {
            long now = System.nanoTime();
            if (now - start > 1_000_000_000L && (now - lastReport[0] > 1_000_000_000L || done == total)) {
                lastReport[0] = now;
                err.println("audit: " + done + " of " + total + " schedules done (last " + AuditWriter.scheduleText(s) + ")");
                err.flush();
            }
        };
    }

    private int report(Audit audit, /*@ nullable @*/ Law law, /*@ nullable @*/ Predictor p, List<Sampler> profiles,
                       OutputFiles files, /*@ nullable @*/ Writer plotWriter, /*@ nullable @*/ Writer csvWriter)
            throws IOException {
        if (json && exact) {
            List<ExactReal> values = new ArrayList<>();
            for (Audit.Row r : audit.rows()) {
                values.add(r.idealError());
            }
            Options.checkExact(values);
        }
        // into temporary files: moved into place only when both are complete
        try {
            if (plotWriter != null) {
                plotWriter.write(AuditPlot.svg(audit, "dlm-exact audit of " + lawOptions.law + " (predictor "
                        + audit.predictor() + ")"));
                plotWriter.flush();
            }
            if (csvWriter != null) {
                PrintWriter pw = new PrintWriter(csvWriter);
                AuditWriter.csv(audit, pw, digits);
                if (pw.checkError()) {
                    throw new IOException("the file system refused the data");
                }
            }
        } catch (IOException e) {
            throw OutputFiles.writeFailure(csv != null ? csv : plot, csv != null ? "--csv" : "--plot", e);
        }
        List<ProcessError> errors = new ArrayList<>();
        List<ProfileChecks> theories = new ArrayList<>();
        for (Sampler smp : profiles) {
            ProcessError e = ProcessError.compute(law, smp, p);
            errors.add(e);
            theories.add(ProfileChecks.of(e, p));
        }
        files.commit();
        PrintWriter out = spec.commandLine().getOut();
        boolean profilesHold = true;
        if (json) {
            ObjectNode root = AuditWriter.json(audit, lawOptions.law, digits, exact);
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

    /**
     * A closed-form audit takes the optimal predictor only, no sampler profiles, and a length the
     * optimal-schedule programme accepts.
     */
    private void checkClosedForm(LawDescription law) {
        String outcomes = law.alphabetSize() + "^" + law.length() + " outcomes";
        if (!"optimal".equals(predictor)) {
            throw new InvalidInputException("predictor.too-large", "--predictor " + Echo.quoted(predictor) + " needs"
                    + " the law's conditional probabilities over its " + outcomes + "; for a structured law too long"
                    + " to enumerate the audit takes only the optimal predictor");
        }
        if (!samplers.isEmpty()) {
            throw new InvalidInputException("law.too-large", "too large to compute: --sampler needs the sampler's"
                    + " output law over the law's " + outcomes + "; a structured law too long to enumerate is"
                    + " audited by closed forms, without --sampler");
        }
        if (law.length() > ChenCongLiOptimalSchedule.MAX_LENGTH) {
            throw new InvalidInputException("law.too-large", "too large to compute: the audit's optimal-schedule programme"
                    + " visits about L^3/6 = " + BigInteger.valueOf(law.length()).pow(3).divide(BigInteger.valueOf(6))
                    + " candidates for L = " + law.length() + "; the limit is L = " + ChenCongLiOptimalSchedule.MAX_LENGTH);
        }
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
                throw new InvalidInputException("schedule.syntax", "--schedules has an empty entry in " + Echo.quoted(schedules));
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
        throw new InvalidInputException("option.reading", "--reading must be a, b, c, d or all, got " + Echo.quoted(reading));
    }

}
