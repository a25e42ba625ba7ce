package org.dlmexact.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import org.dlmexact.law.Law;
import org.dlmexact.law.LawJson;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.info.Divergence;
import org.dlmexact.sampler.Predictor;
import org.dlmexact.sampler.Predictors;
import org.dlmexact.sampler.Rule;
import org.dlmexact.sampler.ProcessError;
import org.dlmexact.sampler.Sampler;

/** The {@code --rule} branch of {@code error}: the exact error of an adaptive rule. */
final class RuleOutput {

    private RuleOutput() {
    }

    static int error(ErrorCommand cmd, Law law, Sampler sampler) throws JsonProcessingException {
        if (cmd.closedFormOnly) {
            throw new InvalidInputException("option.conflict", "--closed-form-only applies to --schedule only; an "
                    + "adaptive rule has no closed form");
        }
        Rule rule = (Rule) sampler;
        MarginalLattice.checkSize(law.alphabetSize(), law.length());
        rule.checkSize(law.alphabetSize());
        Predictor p = Predictors.parse(cmd.sampler.predictor, MarginalLattice.of(law));
        ProcessError e = ProcessError.compute(law, rule, p, rule.sizes().orElse(null));
        PrintWriter out = cmd.spec.commandLine().getOut();
        int digits = cmd.output.digits;
        if (cmd.output.json) {
            ObjectNode root = LawJson.mapper().createObjectNode();
            root.put("rule", rule.toString());
            root.put("kind", rule.toString().substring(0, rule.toString().indexOf(':')));
            rule.threshold().ifPresent(t -> root.put("threshold", t.toString()));
            rule.sizes().ifPresent(s -> root.set("revealOrder", ErrorCommand.ints(s.sizes())));
            root.put("tieBreak", rule.tieBreak());
            root.put("predictor", p.description());
            root.set("outputKL", cmd.divergence(e.outputKL(), law, null));
            ObjectNode rounds = root.putObject("expectedRounds");
            rounds.set("sampler", Quantities.json(ExactReal.of(e.expectedRounds()), digits));
            e.dataExpectedRounds().ifPresent(r -> rounds.set("dataPath", Quantities.json(ExactReal.of(r), digits)));
            ArrayNode arr = root.putArray("rounds");
            for (ProcessError.Round r : e.rounds()) {
                ObjectNode n = arr.addObject();
                n.put("round", r.round());
                n.set("samplerProbability", Quantities.json(ExactReal.of(r.samplerProbability()), digits));
                r.dataProbability().ifPresent(q -> n.set("dataProbability", Quantities.json(ExactReal.of(q), digits)));
                n.set("cumulativeKL", cmd.divergence(r.cumulativeKL(), law, null));
                if (r.contribution().isPresent()) {
                    n.set("contribution", cmd.divergence(r.contribution().get(), law, null));
                } else {
                    n.putNull("contribution");
                }
                r.conditionalTC().ifPresent(t -> n.set("conditionalTC", Quantities.json(t, digits)));
                r.predictorLogRatio().ifPresent(t -> n.set("predictorLogRatio", cmd.divergence(t, law, null)));
            }
            if (rule.deterministic()) {
                ObjectNode id = root.putObject("identity");
                id.set("roundSum", cmd.divergence(e.roundSum().orElseThrow(), law, null));
                id.put("holds", e.identityHolds());
            }
            if (rule.sizes().isPresent()) {
                ObjectNode ro = root.putObject("randomOrder");
                ro.set("revealOrder", ErrorCommand.ints(rule.sizes().get().sizes()));
                if (e.randomOrderOutputKL().isPresent()) {
                    ro.set("outputKL", cmd.divergence(e.randomOrderOutputKL().get(), law, null));
                } else {
                    ro.put("outputKL", "skipped (too large)");
                }
            }
            out.println(LawJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            out.println("law " + cmd.lawOptions.law + ": alphabetSize " + law.alphabetSize() + ", length "
                    + law.length() + "; rule " + rule + "; predictor " + p.description() + " (nats)");
            out.println("tie-break: " + rule.tieBreak());
            Table t = new Table();
            StringBuilder inf = new StringBuilder();
            row(t, inf, law, "outputKL KL(mu||Q_rule)", e.outputKL());
            if (rule.deterministic()) {
                row(t, inf, law, "sum of round terms (identity)", e.roundSum().orElseThrow());
            }
            t.add("expected rounds (sampler)", ExactReal.of(e.expectedRounds()));
            e.dataExpectedRounds().ifPresent(r -> t.add("expected rounds (data path)", ExactReal.of(r)));
            for (ProcessError.Round r : e.rounds()) {
                String name = "round " + r.round();
                t.add(name + " P(round happens)", ExactReal.of(r.samplerProbability()));
                if (r.contribution().isPresent()) {
                    row(t, inf, law, name + " contribution", r.contribution().get());
                }
                r.conditionalTC().ifPresent(x -> t.add(name + " E_mu[TC(X_B|x_S)]", x));
                if (r.predictorLogRatio().isPresent() && !p.isOptimal()) {
                    row(t, inf, law, name + " predictor log-ratio", r.predictorLogRatio().get());
                }
            }
            if (rule.sizes().isPresent() && e.randomOrderOutputKL().isPresent()) {
                row(t, inf, law, "random-order outputKL (schedule " + rule.sizes().get() + ")",
                        e.randomOrderOutputKL().get());
            }
            t.print(out, digits);
            out.print(inf);
            if (rule.deterministic()) {
                out.println("identity KL(mu||Q_rule) = E_mu[sum of round TC" + (p.isOptimal() ? "" : " + log-ratio")
                        + "] holds exactly (in total and per round): " + e.identityHolds());
            } else {
                out.println("no identity is claimed: the kept set depends on the draws, so the output does not "
                        + "determine the path");
            }
        }
        out.flush();
        return e.identityHolds() ? 0 : 1;
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
