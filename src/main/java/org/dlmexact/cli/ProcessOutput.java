package org.dlmexact.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Map;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.Divergence;
import org.dlmexact.law.Law;
import org.dlmexact.law.LawJson;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.law.SequenceSpace;
import org.dlmexact.report.AuditWriter;
import org.dlmexact.sampler.Boundary;
import org.dlmexact.sampler.Context;
import org.dlmexact.sampler.Predictor;
import org.dlmexact.sampler.Predictors;
import org.dlmexact.sampler.ProcessError;
import org.dlmexact.sampler.ProcessLaw;
import org.dlmexact.sampler.Rule;
import org.dlmexact.sampler.Sampler;
import org.dlmexact.theory.Check;
import org.dlmexact.theory.Confidence;
import org.dlmexact.theory.ProfileChecks;

/**
 * The branch of {@code error} for every sampler but the random-order one: the exact output law and
 * its error step by step ({@link ProcessError}), the identity of the samplers that reveal by state,
 * the profile's theory ({@link ProfileChecks}) and the decision boundaries. Adaptive rules keep the
 * format of {@code --rule} (SPEC.md section 7.3); the other samplers use the {@code sampler} format
 * (section 7.6).
 */
final class ProcessOutput {

    private ProcessOutput() {
    }

    static int error(ErrorCommand cmd, Law law, Sampler sampler) throws JsonProcessingException {
        if (cmd.closedFormOnly) {
            throw new InvalidInputException("option.conflict", "--closed-form-only applies to the random-order sampler"
                    + " only; " + sampler.name() + " has no closed form");
        }
        MarginalLattice.checkSize(law.alphabetSize(), law.length());
        sampler.checkSize(law.alphabetSize());
        Predictor p = Predictors.parse(cmd.sampler.predictor, MarginalLattice.of(law));
        boolean rule = sampler instanceof Rule;
        ProcessError e = ProcessError.compute(law, sampler, p, rule ? ((Rule) sampler).sizes().orElse(null) : null);
        ProfileChecks theory = rule ? null : ProfileChecks.of(e, p);
        PrintWriter out = cmd.spec.commandLine().getOut();
        int digits = cmd.output.digits;
        if (cmd.output.json) {
            ObjectNode root = rule ? ruleHeader((Rule) sampler) : samplerHeader(sampler, e, digits);
            root.put("predictor", p.description());
            root.set("outputKL", cmd.divergence(e.outputKL(), law, null));
            ObjectNode counts = root.putObject(rule ? "expectedRounds" : "expectedSteps");
            counts.set("sampler", Quantities.json(ExactReal.of(e.expectedRounds()), digits));
            e.dataExpectedRounds().ifPresent(r -> counts.set("dataPath", Quantities.json(ExactReal.of(r), digits)));
            if (!rule) {
                root.set("expectedModelCalls", Quantities.json(ExactReal.of(e.processLaw().expectedModelCalls()),
                        digits));
            }
            ArrayNode arr = root.putArray(rule ? "rounds" : "steps");
            for (ProcessError.Round r : e.rounds()) {
                step(cmd, law, rule, e.processLaw(), r, arr.addObject(), digits);
            }
            if (sampler.revealsByState()) {
                ObjectNode id = root.putObject("identity");
                id.set("roundSum", cmd.divergence(e.roundSum().orElseThrow(), law, null));
                id.put("holds", e.identityHolds());
            }
            if (rule && ((Rule) sampler).sizes().isPresent()) {
                ObjectNode ro = root.putObject("randomOrder");
                ro.set("revealOrder", ErrorCommand.ints(((Rule) sampler).sizes().get().sizes()));
                if (e.randomOrderOutputKL().isPresent()) {
                    ro.set("outputKL", cmd.divergence(e.randomOrderOutputKL().get(), law, null));
                } else {
                    ro.put("outputKL", "skipped (too large)");
                }
            }
            if (theory != null) {
                ArrayNode cs = root.putArray("checks");
                theory.checks().forEach(c -> cs.add(AuditWriter.check(c, digits)));
                ArrayNode sk = root.putArray("skipped");
                theory.skipped().forEach(sk::add);
            }
            root.set("decisionBoundaries", boundaries(law.space(), e.processLaw()));
            root.put("decisionBoundaryCount", e.processLaw().boundaryCount());
            out.println(LawJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            human(cmd, law, sampler, p, e, theory, out, digits);
        }
        out.flush();
        boolean ok = e.identityHolds() && (theory == null || theory.checks().stream()
                .allMatch(c -> c.verdict().holds() || c.confidence() == Confidence.RECONSTRUCTED));
        return ok ? 0 : 1;
    }

    private static ObjectNode ruleHeader(Rule rule) {
        ObjectNode root = LawJson.mapper().createObjectNode();
        root.put("rule", rule.toString());
        root.put("kind", rule.name());
        rule.threshold().ifPresent(t -> root.put("threshold", t.toString()));
        rule.sizes().ifPresent(s -> root.set("revealOrder", ErrorCommand.ints(s.sizes())));
        root.put("tieBreak", rule.tieBreak());
        return root;
    }

    private static ObjectNode samplerHeader(Sampler s, ProcessError e, int digits) {
        ObjectNode root = LawJson.mapper().createObjectNode();
        root.put("sampler", s.spec());
        root.put("kind", s.name());
        root.put("steps", s.fixedSteps() > 0 ? s.fixedSteps() + " (fixed)" : "until every position is visible");
        root.put("tieBreak", s.tieBreak());
        root.put("modelCalls", s.modelCalls());
        return root;
    }

    private static void step(ErrorCommand cmd, Law law, boolean rule, ProcessLaw q, ProcessError.Round r, ObjectNode n,
                             int digits) {
        n.put(rule ? "round" : "step", r.round());
        n.set("samplerProbability", Quantities.json(ExactReal.of(r.samplerProbability()), digits));
        r.dataProbability().ifPresent(x -> n.set("dataProbability", Quantities.json(ExactReal.of(x), digits)));
        if (!rule && r.round() <= q.steps()) {
            n.set("unchangedProbability", Quantities.json(ExactReal.of(q.unchangedProbability(r.round())), digits));
            ObjectNode rev = n.putObject("revealedLaw");
            for (Map.Entry<Integer, Rational> c : q.revealedLaw(r.round()).entrySet()) {
                rev.put(Integer.toString(c.getKey()), c.getValue().toString());
            }
        }
        n.set("cumulativeKL", cmd.divergence(r.cumulativeKL(), law, null));
        if (r.contribution().isPresent()) {
            n.set("contribution", cmd.divergence(r.contribution().get(), law, null));
        } else {
            n.putNull("contribution");
        }
        r.conditionalTC().ifPresent(t -> n.set("conditionalTC", Quantities.json(t, digits)));
        r.predictorLogRatio().ifPresent(t -> n.set("predictorLogRatio", cmd.divergence(t, law, null)));
        r.entropyGap().ifPresent(t -> n.set("entropyGap", Quantities.json(t, digits)));
    }

    /** The decision boundaries as JSON: step, visible positions and values, kind, positions, what. */
    static ArrayNode boundaries(SequenceSpace sp, ProcessLaw q) {
        ArrayNode arr = LawJson.mapper().createArrayNode();
        for (Boundary b : q.boundaries()) {
            int[][] vis = visible(sp, b);
            ObjectNode n = arr.addObject();
            n.put("step", b.step());
            n.set("visible", ErrorCommand.ints(vis[0]));
            n.set("values", ErrorCommand.ints(vis[1]));
            n.put("kind", b.kind().toString());
            n.set("positions", ErrorCommand.ints(Context.positions(b.positions())));
            n.put("what", b.what());
        }
        return arr;
    }

    /** The visible positions of a boundary's state and their values. */
    private static int[][] visible(SequenceSpace sp, Boundary b) {
        int[] x = new int[sp.length()];
        Context.decode(sp, b.visibleMask(), b.valuesIndex(), x);
        int[] pos = Context.positions(b.visibleMask());
        int[] val = new int[pos.length];
        for (int n = 0; n < pos.length; n++) {
            val[n] = x[pos[n]];
        }
        return new int[][] {pos, val};
    }

    /** One line per decision boundary, e.g. {@code step 1, visible [] = []: tie of positions [0, 1] (equal entropy)}. */
    static String boundaryLine(SequenceSpace sp, Boundary b) {
        int[][] vis = visible(sp, b);
        return "step " + b.step() + ", visible " + java.util.Arrays.toString(vis[0]) + " = "
                + java.util.Arrays.toString(vis[1]) + ": " + b.kind() + " of positions "
                + java.util.Arrays.toString(Context.positions(b.positions())) + " (" + b.what() + ")";
    }

    private static void human(ErrorCommand cmd, Law law, Sampler sampler, Predictor p, ProcessError e,
                              ProfileChecks theory, PrintWriter out, int digits) {
        boolean rule = sampler instanceof Rule;
        String term = rule ? "round" : "step";
        out.println("law " + cmd.lawOptions.law + ": alphabetSize " + law.alphabetSize() + ", length " + law.length()
                + "; " + (rule ? "rule " : "sampler ") + sampler.spec() + "; predictor " + p.description() + " (nats)");
        out.println("tie-break: " + sampler.tieBreak());
        if (!rule) {
            out.println("model calls: " + sampler.modelCalls());
        }
        Table t = new Table();
        StringBuilder inf = new StringBuilder();
        row(t, inf, law, "outputKL KL(mu||" + (rule ? "Q_rule" : "law") + ")", e.outputKL());
        if (sampler.revealsByState()) {
            row(t, inf, law, "sum of " + term + " terms (identity)", e.roundSum().orElseThrow());
        }
        t.add("expected " + term + "s (sampler)", ExactReal.of(e.expectedRounds()));
        e.dataExpectedRounds().ifPresent(r -> t.add("expected " + term + "s (data path)", ExactReal.of(r)));
        if (!rule) {
            t.add("expected model calls", ExactReal.of(e.processLaw().expectedModelCalls()));
        }
        for (ProcessError.Round r : e.rounds()) {
            String name = term + " " + r.round();
            t.add(name + " P(" + term + " happens)", ExactReal.of(r.samplerProbability()));
            if (r.contribution().isPresent()) {
                row(t, inf, law, name + " contribution", r.contribution().get());
            }
            r.conditionalTC().ifPresent(x -> t.add(name + " E_mu[TC(X_B|x_S)]", x));
            r.entropyGap().ifPresent(x -> t.add(name + " E_mu[sum H - max H]", x));
            if (r.predictorLogRatio().isPresent() && !p.isOptimal()) {
                row(t, inf, law, name + " predictor log-ratio", r.predictorLogRatio().get());
            }
        }
        if (rule && ((Rule) sampler).sizes().isPresent() && e.randomOrderOutputKL().isPresent()) {
            row(t, inf, law, "random-order outputKL (schedule " + ((Rule) sampler).sizes().get() + ")",
                    e.randomOrderOutputKL().get());
        }
        t.print(out, digits);
        out.print(inf);
        if (!rule) {
            for (int j = 1; j <= e.processLaw().steps(); j++) {
                StringBuilder sb = new StringBuilder();
                for (Map.Entry<Integer, Rational> c : e.processLaw().revealedLaw(j).entrySet()) {
                    sb.append(sb.length() == 0 ? "" : ", ").append(c.getKey()).append(": ").append(c.getValue());
                }
                out.println("step " + j + " reveals (count: probability) " + sb);
            }
        }
        if (sampler.revealsByState()) {
            out.println("identity KL(mu||" + (rule ? "Q_rule" : "law") + ") = E_mu[sum of " + term + " TC"
                    + (p.isOptimal() ? "" : " + log-ratio") + "] holds exactly (in total and per " + term + "): "
                    + e.identityHolds());
        } else {
            out.println("no identity is claimed: " + (sampler.remasks() ? "tokens can be re-masked"
                    : rule ? "the kept set depends on the draws, so the output does not determine the path"
                    : "what a step reveals is random given the state, so the output does not determine the path"));
        }
        if (theory != null) {
            for (Check c : theory.checks()) {
                out.println("check " + c.id() + ": " + c.note() + ": " + c.verdict().label());
            }
            for (String s : theory.skipped()) {
                out.println("skipped " + s);
            }
        }
        ProcessLaw q = e.processLaw();
        if (!q.boundaries().isEmpty()) {
            out.println(q.boundaryCount() + " decision boundar" + (q.boundaryCount() == 1 ? "y" : "ies")
                    + " (exact ties or threshold equalities on reachable states; an implementation that decides them"
                    + " otherwise samples another law):");
            int shown = 0;
            for (Boundary b : q.boundaries()) {
                if (shown++ == 10) {
                    out.println("  ... (--json lists " + q.boundaries().size() + ")");
                    break;
                }
                out.println("  " + boundaryLine(law.space(), b));
            }
        }
    }

    private static void row(Table t, StringBuilder inf, Law law, String name, Divergence d) {
        if (d.isInfinite()) {
            inf.append(name).append(" = +inf (mu-positive outcome ").append(law.space().format(d.witness().getAsInt()))
                    .append(" gets probability 0)\n");
        } else {
            t.add(name, d.value());
        }
    }
}
