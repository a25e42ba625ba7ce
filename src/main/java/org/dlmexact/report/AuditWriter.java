package org.dlmexact.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.law.LawJson;
import org.dlmexact.info.Divergence;
import org.dlmexact.theory.Audit;
import org.dlmexact.theory.ChenCongLiChain;
import org.dlmexact.theory.ChenCongLiOptimalSchedule;
import org.dlmexact.theory.Check;
import org.dlmexact.theory.LiCaiTheorem1;
import org.dlmexact.theory.Verdict;

/** The JSON, CSV and table forms of an audit. All values exact, decimals certified. */
public final class AuditWriter {

    private AuditWriter() {
    }

    /** The audit as a JSON tree (byte-stable for a fixed law, schedules, predictor and digits). */
    //@ requires audit != null && lawName != null && digits >= 0;
    //@ pure
    public static ObjectNode json(Audit audit, String lawName, int digits) {
        return json(audit, lawName, digits, false);
    }

    /**
     * The audit as a JSON tree; {@code exact} asks for the exact text of every value (otherwise long
     * symbolic values carry {@code "exact": null} and their atom count, {@link Values#json}).
     */
    //@ requires audit != null && lawName != null && digits >= 0;
    //@ pure
    public static ObjectNode json(Audit audit, String lawName, int digits, boolean exact) {
        ObjectNode root = LawJson.mapper().createObjectNode();
        root.put("schema", "dlm-exact/audit@1");
        root.put("lawName", lawName);
        if (audit.law() != null) {
            root.set("law", LawJson.toTree(audit.law()));
        } else {
            root.put("source", "closed-form");
            root.put("alphabetSize", audit.info().alphabetSize());
            root.put("length", audit.info().length());
        }
        root.put("predictor", audit.predictor());
        root.put("units", "nats");
        root.put("scheduleOrder", "reveal");
        ObjectNode info = root.putObject("information");
        info.set("totalCorrelation", Values.json(audit.info().totalCorrelation(), digits, exact));
        info.set("dualTotalCorrelation", Values.json(audit.info().dualTotalCorrelation(), digits, exact));
        info.set("sumMutualInformation", Values.json(audit.info().sumMutualInformation(), digits, exact));
        ArrayNode rows = root.putArray("rows");
        for (Audit.Row r : audit.rows()) {
            ObjectNode n = rows.addObject();
            ArrayNode order = n.putArray("revealOrder");
            for (int k : r.schedule().sizes()) {
                order.add(k);
            }
            n.put("steps", r.schedule().steps());
            n.set("pathAveragedKL", Values.json(r.pathAveragedKL(), digits, exact));
            if (r.error() != null) {
                n.set("outputKL", Values.json(r.error().outputKL(), digits, exact));
                n.set("idealError", Values.json(r.error().idealError(), digits, exact));
                n.set("predictorError", Values.json(r.error().predictorError(), digits, exact));
                ObjectNode tr = n.putObject("trainingError");
                tr.set("stepWeighted", Values.json(r.error().trainingErrorStepWeighted(), digits, exact));
                tr.set("uniformSteps", Values.json(r.error().trainingErrorUniformSteps(), digits, exact));
            } else {
                n.putNull("outputKL");
                n.set("idealError", Values.json(r.idealError(), digits, exact));
                n.set("predictorError", Values.json(ExactReal.ZERO, digits, exact));
                ObjectNode tr = n.putObject("trainingError");
                tr.set("stepWeighted", Values.json(ExactReal.ZERO, digits, exact));
                tr.set("uniformSteps", Values.json(ExactReal.ZERO, digits, exact));
            }
            ArrayNode checks = n.putArray("checks");
            for (Check c : r.checks()) {
                checks.add(check(c, digits, exact));
            }
        }
        ArrayNode law = root.putArray("lawChecks");
        for (Check c : audit.lawChecks()) {
            law.add(check(c, digits, exact));
        }
        ArrayNode skipped = root.putArray("skipped");
        for (Audit.Skipped k : audit.skipped()) {
            ObjectNode n = skipped.addObject();
            n.put("id", k.id());
            n.put("scope", k.scope());
            n.put("reason", k.reason());
        }
        ArrayNode opt = root.putArray("optimalSchedules");
        for (ChenCongLiOptimalSchedule.Optimum o : audit.optima()) {
            ObjectNode n = opt.addObject();
            n.put("steps", o.steps());
            ArrayNode order = n.putArray("revealOrder");
            for (int k : o.schedule().sizes()) {
                order.add(k);
            }
            n.set("idealError", Values.json(o.error(), digits, exact));
        }
        ObjectNode sum = root.putObject("summary");
        List<Check> all = audit.allChecks();
        sum.put("checks", all.size());
        sum.put("hold", all.stream().filter(c -> c.verdict().holds()).count());
        sum.put("equalities", all.stream().filter(c -> c.verdict() == Verdict.EQUALITY).count());
        sum.put("mustHoldFailures", audit.mustHoldFailures().size());
        sum.put("reconstructedFailures", audit.reconstructedFailures().size());
        ArrayNode eq = sum.putArray("theorem1Equality");
        audit.theorem1Equalities().forEach(eq::add);
        sum.put("message", summary(audit));
        return root;
    }

    /** One check as JSON. */
    //@ requires c != null && digits >= 0;
    //@ pure
    public static ObjectNode check(Check c, int digits) {
        return check(c, digits, false);
    }

    /** One check as JSON, with every exact text when {@code exact} (see {@link Values#json}). */
    //@ requires c != null && digits >= 0;
    //@ pure
    public static ObjectNode check(Check c, int digits, boolean exact) {
        ObjectNode n = LawJson.mapper().createObjectNode();
        n.put("id", c.id());
        n.put("source", c.source());
        n.put("confidence", c.confidence().label());
        n.put("relation", c.relation().symbol());
        n.set("lhs", Values.json(c.lhs(), digits, exact));
        n.set("rhs", Values.json(c.rhs(), digits, exact));
        n.put("holds", c.verdict().holds());
        n.put("equality", c.verdict() == Verdict.EQUALITY);
        n.put("verdict", c.verdict().label());
        if (c.slack() == null) {
            n.putNull("slack");
        } else {
            n.set("slack", Values.json(c.slack(), digits, exact));
        }
        String ratio = c.ratio(digits);
        if (ratio == null) {
            n.putNull("ratio");
        } else {
            n.put("ratio", ratio);
        }
        n.put("note", c.note());
        return n;
    }

    /** One line saying what the audit found. */
    //@ requires audit != null;
    //@ pure
    public static String summary(Audit audit) {
        List<Check> all = audit.allChecks();
        List<Check> bad = audit.mustHoldFailures();
        StringBuilder sb = new StringBuilder();
        long firm = all.stream().filter(c -> c.confidence() != org.dlmexact.theory.Confidence.RECONSTRUCTED).count();
        if (bad.isEmpty()) {
            sb.append("all ").append(firm).append(" checks of paper and derived statements hold");
        } else {
            sb.append(bad.size()).append(" of ").append(firm).append(" checks of paper or derived statements FAIL: ");
            List<String> ids = new ArrayList<>();
            bad.forEach(c -> ids.add(c.id()));
            sb.append(String.join(", ", ids));
        }
        long reconstructed = all.size() - firm;
        if (reconstructed > 0 && audit.reconstructedFailures().isEmpty()) {
            sb.append("; all ").append(reconstructed).append(" reconstructed checks hold");
        }
        if (!audit.reconstructedFailures().isEmpty()) {
            sb.append("; ").append(audit.reconstructedFailures().size())
                    .append(" reconstructed check(s) fail (findings about the reconstruction)");
        }
        List<String> eq = new ArrayList<>();
        audit.theorem1EqualitySchedules().forEach(k -> eq.add(scheduleText(k)));
        sb.append(eq.isEmpty() ? "; Li-Cai Theorem 1 is strict on every schedule audited"
                : "; Li-Cai Theorem 1 attained with equality at [" + String.join("], [", eq) + "]");
        return sb.toString();
    }

    /** The CSV form: one line per check, per-schedule checks first. */
    //@ requires audit != null && out != null && digits >= 0;
    public static void csv(Audit audit, PrintWriter out, int digits) {
        out.println("steps,revealOrder,check,source,confidence,relation,lhs,rhs,verdict,slack,ratio");
        for (Audit.Row r : audit.rows()) {
            for (Check c : r.checks()) {
                csvLine(out, String.valueOf(r.schedule().steps()), r.schedule().toString(), c, digits);
            }
        }
        for (Check c : audit.lawChecks()) {
            csvLine(out, "", "", c, digits);
        }
    }

    private static void csvLine(PrintWriter out, String steps, String order, Check c, int digits) {
        String ratio = c.ratio(digits);
        out.println(String.join(",", steps, quote(order), c.id(), quote(c.source()), c.confidence().label(),
                c.relation().symbol(), Values.decimal(c.lhs(), digits), Values.decimal(c.rhs(), digits),
                quote(c.verdict().label()), c.slack() == null ? "" : c.slack().toDecimal(digits),
                ratio == null ? "" : ratio));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /** The human-readable tables. */
    //@ requires audit != null && lawName != null && out != null && digits >= 0;
    public static void table(Audit audit, String lawName, PrintWriter out, int digits) {
        out.println("audit of " + lawName + ": alphabetSize " + audit.info().alphabetSize() + ", length "
                + audit.info().length() + "; predictor " + audit.predictor() + "; nats; schedules in reveal order"
                + (audit.closedForm() ? "; closed forms (no enumeration): path error = Ideal(k)" : ""));
        out.println("SumI = " + audit.info().sumMutualInformation().toDecimal(digits) + "   TC = "
                + audit.info().totalCorrelation().toDecimal(digits) + "   DTC = "
                + audit.info().dualTotalCorrelation().toDecimal(digits));
        out.println();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"T", "schedule", "path E_B KL", "output KL", "Li-Cai Thm 1 bound", "path/bound",
            "F.1 chain", "verdicts"});
        for (Audit.Row r : audit.rows()) {
            Check t1 = r.checks().stream().filter(c -> c.id().equals(LiCaiTheorem1.ID)).findFirst().orElseThrow();
            String ratio = t1.ratio(4);
            rows.add(new String[] {String.valueOf(r.schedule().steps()), scheduleText(r.schedule()),
                Values.decimal(r.pathAveragedKL(), digits),
                r.outputKL() == null ? "skipped" : Values.decimal(r.outputKL(), digits),
                Values.decimal(t1.rhs(), digits), ratio == null ? "-" : ratio,
                Values.decimal(Divergence.finite(ChenCongLiChain.middle(audit.info(), r.schedule())), digits),
                verdicts(r.checks())});
        }
        printColumns(out, rows);
        out.println();
        out.println("law-level checks:");
        List<String[]> law = new ArrayList<>();
        law.add(new String[] {"check", "lhs", "rel", "rhs", "verdict", "confidence", "note"});
        for (Check c : audit.lawChecks()) {
            law.add(new String[] {c.id(), Values.decimal(c.lhs(), digits), c.relation().symbol(),
                Values.decimal(c.rhs(), digits), c.verdict().label(), c.confidence().label(), c.note()});
        }
        printColumns(out, law);
        if (!audit.skipped().isEmpty()) {
            out.println();
            out.println("skipped checks:");
            for (Audit.Skipped k : audit.skipped()) {
                out.println("  " + k.id() + " (" + k.scope() + "): " + k.reason());
            }
        }
        out.println();
        out.println("optimal schedules (Chen-Cong-Li Thm 4, exact dynamic programme):");
        List<String[]> opt = new ArrayList<>();
        opt.add(new String[] {"T", "schedule", "ideal error"});
        for (ChenCongLiOptimalSchedule.Optimum o : audit.optima()) {
            opt.add(new String[] {String.valueOf(o.steps()), scheduleText(o.schedule()), o.error().toDecimal(digits)});
        }
        printColumns(out, opt);
        out.println();
        out.println(summary(audit) + ".");
    }

    /** A schedule as text for reports ({@link ScheduleText#of}). */
    //@ requires s != null;
    //@ pure
    public static String scheduleText(org.dlmexact.sampler.Schedule s) {
        return org.dlmexact.theory.ScheduleText.of(s);
    }

    private static String verdicts(List<Check> checks) {
        long fails = checks.stream().filter(c -> !c.verdict().holds()).count();
        List<String> eq = new ArrayList<>();
        for (Check c : checks) {
            if (c.verdict() == Verdict.EQUALITY && c.relation() != org.dlmexact.theory.Relation.EQ) {
                eq.add(c.id());
            }
        }
        String base = fails == 0 ? "all " + checks.size() + " hold" : fails + " FAIL";
        return eq.isEmpty() ? base : base + "; equality: " + String.join(", ", eq);
    }

    private static void printColumns(PrintWriter out, List<String[]> rows) {
        int cols = rows.get(0).length;
        int[] w = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols - 1; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                sb.append(i == cols - 1 ? r[i] : String.format(Locale.ROOT, "%-" + w[i] + "s  ", r[i]));
            }
            out.println(sb.toString().stripTrailing());
        }
    }
}
