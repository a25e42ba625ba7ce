package org.dlmexact.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dlmexact.law.Law;
import org.dlmexact.law.LawJson;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.law.SequenceSpace;
import org.dlmexact.sampler.PredictiveRows;
import org.dlmexact.sampler.Predictors;
import org.dlmexact.sampler.Sampler;
import org.dlmexact.validate.Power;
import org.dlmexact.validate.TrajectoryValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code validate trajectories}: step-by-step tests of recorded runs against the exact step kernels. */
@Command(name = "trajectories", mixinStandardHelpOptions = true,
        description = "Test recorded runs of another sampler step by step against the exact kernels of the sampler "
                + "given by the options: first the structure, exactly (start all masked, the number of states, no "
                + "visible token changes, reveal counts and next states the sampler can produce); then a G-test per "
                + "visited (step, state) (cells with expected count < 5 pooled), summed into one p-value. Exit 0 when "
                + "consistent at level ALPHA, 1 when not, 2 for bad input.")
final class ValidateTrajectories implements Callable<Integer> {

    @Mixin
    LawOptions lawOptions = new LawOptions();

    @Mixin
    SamplerOptions sampler = new SamplerOptions();

    @Option(names = "--trajectories", required = true, paramLabel = "FILE",
            description = "JSON Lines, one run per line: {\"states\": [[-1,-1,-1], [0,-1,-1], ..., [0,1,1]]}, -1 masked, "
                    + "states[0] the all-masked start, states[j] the sequence after step j (also steps that reveal "
                    + "nothing).")
    /*@ nullable @*/ Path trajectories; // set by picocli

    @Mixin
    TestOptions test = new TestOptions();

    @Spec
    /*@ nullable @*/ CommandSpec spec; // injected by picocli after construction

    @Override
    public Integer call() throws JsonProcessingException {
        double a = test.level();
        PowerOutput.Effect eff = test.effect();
        Law law = lawOptions.resolve();
        Sampler smp = sampler.sampler(law.length());
        MarginalLattice lattice = MarginalLattice.of(law);
        PredictiveRows rows = new PredictiveRows(lattice, Predictors.parse(sampler.predictor, lattice));
        TrajectoryValidator.Result r = TrajectoryValidator.validate(trajectories, rows, smp, a);
        PrintWriter w = spec.commandLine().getOut();
        SequenceSpace sp = law.space();
        if (test.json) {
            w.println(LawJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json(r, sp, eff)));
        } else {
            text(w, r, law, eff);
        }
        w.flush();
        return r.consistent() ? 0 : 1;
    }

    private static double stepsPerRun(TrajectoryValidator.Result r) {
        return r.runs() == 0 ? 0 : (double) r.testedTransitions() / r.runs();
    }

    private static void number(ObjectNode n, String field, double v) {
        if (Double.isNaN(v)) {
            n.putNull(field);
        } else {
            n.put(field, v);
        }
    }

    static ObjectNode json(TrajectoryValidator.Result r, SequenceSpace sp, /*@ nullable @*/ PowerOutput.Effect eff) {
        ObjectNode n = LawJson.mapper().createObjectNode();
        n.put("sampler", r.sampler());
        n.put("verdict", r.consistent() ? "consistent" : "not consistent");
        n.put("consistent", r.consistent());
        n.put("alpha", r.alpha());
        n.put("runs", r.runs());
        n.put("transitions", r.transitions());
        n.put("contexts", r.contexts());
        n.put("testedContexts", r.testedContexts());
        TrajectoryValidator.Violation v = r.violation();
        if (v == null) {
            n.putNull("violation");
        } else {
            ObjectNode o = n.putObject("violation");
            o.put("line", v.line());
            o.put("step", v.step());
            o.put("rule", v.rule().toString());
            o.set("from", v.from() == null ? o.nullNode() : ErrorCommand.ints(v.from()));
            o.set("to", v.to() == null ? o.nullNode() : ErrorCommand.ints(v.to()));
            o.put("message", v.message());
        }
        number(n, "G", r.statistic());
        n.put("df", r.degreesOfFreedom());
        number(n, "pValue", r.pValue());
        ArrayNode steps = n.putArray("steps");
        for (TrajectoryValidator.StepResult s : r.steps()) {
            ObjectNode o = steps.addObject();
            o.put("step", s.step());
            o.put("contexts", s.contexts());
            o.put("testedContexts", s.tested());
            o.put("G", s.statistic());
            o.put("df", s.degreesOfFreedom());
            number(o, "pValue", s.pValue());
        }
        ArrayNode worst = n.putArray("worstContexts");
        for (TrajectoryValidator.ContextResult c : r.worstContexts()) {
            ObjectNode o = worst.addObject();
            o.put("step", c.step());
            o.set("state", ErrorCommand.ints(c.state()));
            o.put("visits", c.visits());
            o.put("G", c.statistic());
            o.put("df", c.degreesOfFreedom());
            o.put("pValue", c.adjustedPValue());
            o.put("unadjustedPValue", c.pValue());
            ObjectNode obs = o.putObject("observed");
            ObjectNode exp = o.putObject("expected");
            ObjectNode prob = o.putObject("probability");
            for (TrajectoryValidator.Cell cell : c.cells()) {
                String key = ErrorCommand.ints(cell.next()).toString();
                obs.put(key, cell.observed());
                exp.put(key, cell.expected());
                prob.put(key, cell.probability().toString());
            }
            if (c.pooledCells() > 0) {
                obs.put("pooled", c.pooledObserved());
                exp.put("pooled", c.pooledExpected());
            }
            o.put("pooledStates", c.pooledCells());
            ArrayNode dev = o.putArray("deviations");
            for (TrajectoryValidator.Deviation d : c.deviations()) {
                ObjectNode e = dev.addObject();
                e.put("position", d.position());
                e.put("token", d.token());
                e.put("observed", d.observed());
                e.put("expected", d.expected());
                e.put("residual", d.residual());
            }
        }
        Power p = r.power();
        if (p == null) {
            n.putNull("power");
        } else {
            n.set("power", PowerOutput.json(p, r.runs(), stepsPerRun(r), true, eff));
        }
        n.set("decisionBoundaries", ProcessOutput.boundaries(sp, r.boundaries()));
        n.put("decisionBoundaryCount", r.boundaryCount());
        return n;
    }

    private void text(PrintWriter w, TrajectoryValidator.Result r, Law law, /*@ nullable @*/ PowerOutput.Effect eff) {
        w.println("validate trajectories: law " + lawOptions.law + ", " + sampler.describe(law));
        TrajectoryValidator.Violation v = r.violation();
        if (v != null) {
            w.println("structure: " + v);
            w.println("verdict: NOT consistent: the runs break the structure of " + r.sampler()
                    + " (decided exactly; no test is needed)");
            return;
        }
        w.println("runs " + r.runs() + ", steps " + r.transitions() + "; " + r.contexts() + " visited (step, state) "
                + "contexts with more than one possible next state, " + r.testedContexts()
                + " tested (at least two cells after pooling cells with expected count < 5)");
        if (r.degreesOfFreedom() == 0) {
            w.println("nothing to test: no context has two cells with expected count >= 5 (record more runs)");
        } else {
            w.println(String.format(Locale.ROOT, "G = %.4f, df = %d, p-value = %s", r.statistic(),
                    r.degreesOfFreedom(), p(r.pValue())));
        }
        w.println("verdict: " + (r.consistent() ? "consistent" : "NOT consistent") + " with the exact kernels at level "
                + test.alpha.strip());
        Power p = r.power();
        if (p != null) {
            w.println(PowerOutput.pathLine(p, r.runs(), stepsPerRun(r), eff));
        }
        w.println("per step:");
        w.println(String.format(Locale.ROOT, "  %5s %9s %7s %12s %7s %10s", "step", "contexts", "tested", "G", "df",
                "p-value"));
        for (TrajectoryValidator.StepResult s : r.steps()) {
            w.println(String.format(Locale.ROOT, "  %5d %9d %7d %12.4f %7d %10s", s.step(), s.contexts(), s.tested(),
                    s.statistic(), s.degreesOfFreedom(), Double.isNaN(s.pValue()) ? "-" : p(s.pValue())));
        }
        if (!r.worstContexts().isEmpty()) {
            w.println("worst contexts (p-values Holm-adjusted over the " + r.testedContexts() + " tested contexts):");
        }
        for (TrajectoryValidator.ContextResult c : r.worstContexts()) {
            w.println(String.format(Locale.ROOT, "  step %d, state %s, %d visits: G = %.4f, df = %d, p-value %s, "
                            + "adjusted %s", c.step(), tokens(c.state()), c.visits(), c.statistic(),
                    c.degreesOfFreedom(), p(c.pValue()), p(c.adjustedPValue())));
            int width = Math.max(10, 3 * c.state().length);
            w.println(String.format(Locale.ROOT, "    %-" + width + "s %9s %10s  %s", "next state", "observed",
                    "expected", "probability"));
            for (TrajectoryValidator.Cell cell : c.cells()) {
                w.println(String.format(Locale.ROOT, "    %-" + width + "s %9d %10.1f  %s", tokens(cell.next()),
                        cell.observed(), cell.expected(), cell.probability()));
            }
            if (c.pooledCells() > 0) {
                w.println(String.format(Locale.ROOT, "    %-" + width + "s %9d %10.1f", "pooled (" + c.pooledCells()
                        + ")", c.pooledObserved(), c.pooledExpected()));
            }
            StringBuilder dev = new StringBuilder();
            for (TrajectoryValidator.Deviation d : c.deviations()) {
                dev.append(dev.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT,
                        "position %d %s: observed %d, expected %.1f (%+.2f)", d.position(),
                        d.token() < 0 ? "masked" : "= " + d.token(), d.observed(), d.expected(), d.residual()));
            }
            if (dev.length() > 0) {
                w.println("    deviating positions and tokens after the step: " + dev);
            }
        }
        if (r.boundaryCount() > 0) {
            w.println("note: the exact kernels of the visited states rest on " + r.boundaryCount() + " decision boundar"
                    + (r.boundaryCount() == 1 ? "y" : "ies") + " (exact ties or threshold equalities, e.g. "
                    + ProcessOutput.boundaryLine(law.space(), r.boundaries().get(0)) + "); the verdict holds only for an"
                    + " implementation that decides them as this sampler's ties= and boundary= keys say");
        }
    }

    private static String p(double p) {
        return p == 0 ? "0 (below the smallest double)" : String.format(Locale.ROOT, "%.4g", p);
    }

    private static String tokens(int[] x) {
        StringBuilder sb = new StringBuilder();
        for (int t : x) {
            sb.append(sb.length() == 0 ? "" : " ").append(t);
        }
        return sb.toString();
    }
}
