package org.dlmexact.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dlmexact.info.Curves;
import org.dlmexact.info.StructuredCurve;
import org.dlmexact.law.Law;
import org.dlmexact.law.LawDescription;
import org.dlmexact.report.Values;
import org.dlmexact.theory.ChenCongLiOptimalSchedule;
import org.dlmexact.law.LawJson;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.Rational;
import org.dlmexact.report.AuditPlot;
import org.dlmexact.report.AuditWriter;
import org.dlmexact.sampler.Predictor;
import org.dlmexact.sampler.Predictors;
import org.dlmexact.sampler.SamplerError;
import org.dlmexact.sampler.Schedule;
import org.dlmexact.theory.Audit;
import org.dlmexact.theory.LiCaiTheorem2;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

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
            for (Schedule s : list) {
                SamplerError.checkSize(law.alphabetSize(), s);
            }
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
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        long[] lastReport = {start};
        Audit.Progress progress = (done, total, s) -> {
            long now = System.nanoTime();
            if (now - start > 1_000_000_000L && (now - lastReport[0] > 1_000_000_000L || done == total)) {
                lastReport[0] = now;
                err.println("audit: " + done + " of " + total + " schedules done (last " + AuditWriter.scheduleText(s) + ")");
                err.flush();
            }
        };
        Audit audit;
        if (closedForm) {
            audit = Audit.runClosedForm(StructuredCurve.of(description.structure()), list, options, progress);
        } else {
            Predictor p = Predictors.parse(predictor, MarginalLattice.of(law));
            audit = Audit.run(law, list, p, options, progress);
        }
        if (json && exact) {
            List<org.dlmexact.exact.ExactReal> values = new ArrayList<>();
            for (Audit.Row r : audit.rows()) {
                values.add(r.idealError());
            }
            Options.checkExact(values);
        }
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
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(jsonText(audit));
        } else {
            AuditWriter.table(audit, lawOptions.law, out, digits);
        }
        out.flush();
        return audit.mustHoldFailures().isEmpty() ? 0 : 1;
    }

    private String jsonText(Audit audit) throws JsonProcessingException {
        return LawJson.mapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(AuditWriter.json(audit, lawOptions.law, digits, exact));
    }

    /** A closed-form audit takes the optimal predictor only, and a length the optimal-schedule programme accepts. */
    private void checkClosedForm(LawDescription law) {
        if (!"optimal".equals(predictor)) {
            throw new InvalidInputException("predictor.too-large", "--predictor " + predictor + " needs the law's"
                    + " conditional probabilities over its " + law.alphabetSize() + "^" + law.length() + " outcomes;"
                    + " for a structured law too long to enumerate the audit takes only the optimal predictor");
        }
        if (law.length() > ChenCongLiOptimalSchedule.MAX_LENGTH) {
            throw new InvalidInputException("law.too-large", "too large to compute: the audit's optimal-schedule programme"
                    + " visits about L^3/6 = " + java.math.BigInteger.valueOf(law.length()).pow(3).divide(
                            java.math.BigInteger.valueOf(6)) + " candidates for L = " + law.length() + "; the limit is L = "
                    + ChenCongLiOptimalSchedule.MAX_LENGTH);
        }
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
