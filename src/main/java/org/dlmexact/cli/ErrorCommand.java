package org.dlmexact.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.ArrayList;
import org.dlmexact.exact.Echo;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.info.Curves;
import org.dlmexact.info.InformationCurve;
import org.dlmexact.info.StructuredCurve;
import org.dlmexact.law.Law;
import org.dlmexact.law.LawDescription;
import org.dlmexact.law.LawJson;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.info.Divergence;
import org.dlmexact.info.InformationProfile;
import org.dlmexact.sampler.Context;
import org.dlmexact.sampler.IdealError;
import org.dlmexact.sampler.PredictiveRows;
import org.dlmexact.sampler.PredictorTerm;
import org.dlmexact.sampler.Predictor;
import org.dlmexact.sampler.Predictors;
import org.dlmexact.sampler.RandomOrder;
import org.dlmexact.sampler.Sampler;
import org.dlmexact.sampler.SamplerError;
import org.dlmexact.sampler.Schedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The exact errors of the random-order sampler for a law, schedule and predictor. */
@Command(name = "error", mixinStandardHelpOptions = true,
        description = "Exact errors of the random-order masked diffusion sampler (--schedule): the path-averaged error "
                + "E_B KL(mu||nu_B) by brute force and by the closed form (which must agree exactly), the output "
                + "error KL(mu||nu), the ideal error, the predictor term, LC's training error under two step laws, "
                + "and per-step terms. With --rule: the exact output law of the adaptive rule and KL(mu||Q_rule), the "
                + "expected number of rounds, per-round contributions, and for entropy-sum and top-probability the "
                + "identity KL = E_mu[sum of round TC(X_B | x_S)] (+ predictor log-ratios), checked exactly (exit 1 "
                + "if it fails). Logarithms are natural (nats).")
final class ErrorCommand implements Callable<Integer> {

    @Mixin
    LawOptions lawOptions = new LawOptions();

    @Mixin
    SamplerOptions sampler = new SamplerOptions();

    @Option(names = "--closed-form-only",
            description = "Skip brute force: print only Ideal(k) and the predictor term (for laws too large for "
                    + "brute force, whose limit is " + SamplerError.MAX_WORK + " exact terms).")
    boolean closedFormOnly;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Spec
    /*@ nullable @*/ CommandSpec spec; // injected by picocli after construction

    @Override
    public Integer call() throws JsonProcessingException {
        Options.checkDigits(output.digits);
        LawDescription description = lawOptions.describe();
        List<Schedule> schedules;
        if (sampler.hasSchedule()) {
            schedules = Schedule.parseAll(sampler.schedule(), description.length(), sampler.convention());
        } else {
            Sampler s = sampler.sampler(description.length());
            if (!(s instanceof RandomOrder)) {
                return ProcessOutput.error(this, description.law(), s);
            }
            schedules = List.of(((RandomOrder) s).schedule());
        }
        if (closedFormOnly && !Curves.enumerates(description)) {
            return closedFormOfStructure(description, schedules);
        }
        Law law = description.law();
        MarginalLattice.checkSize(law.alphabetSize(), law.length());
        if (!closedFormOnly) {
            SamplerError.checkSize(law.alphabetSize(), schedules);
        }
        PrintWriter out = spec.commandLine().getOut();
        ArrayNode all = LawJson.mapper().createArrayNode();
        InformationProfile info = closedFormOnly ? InformationProfile.of(law) : null;
        Predictor p = Predictors.parse(sampler.predictor, closedFormOnly ? info.entropies().lattice() : MarginalLattice.of(law));
        if (!output.json) {
            out.println("law " + lawOptions.law + ": alphabetSize " + law.alphabetSize() + ", length " + law.length()
                    + "; predictor " + p.description() + " (nats)");
        }
        for (Schedule s : schedules) {
            ObjectNode root = LawJson.mapper().createObjectNode();
            root.set("revealOrder", ints(s.sizes()));
            root.set("forwardOrder", ints(s.forwardSizes()));
            root.put("predictor", p.description());
            if (closedFormOnly) {
                ExactReal ideal = IdealError.closedForm(info, s);
                root.put("bruteForce", "skipped");
                root.set("idealError", Quantities.json(ideal, output.digits, output.exact));
                Table t = new Table().add("idealError", ideal);
                String infText = "";
                if (!p.isOptimal()) {
                    PredictorTerm pt = PredictorTerm.compute(new PredictiveRows(info.entropies().lattice(), p), s);
                    String ctx = pt.infiniteContext().map(c -> "; first offending context: " + c).orElse("");
                    root.set("predictorError", divergence(pt.total(), law, pt.infiniteContext().orElse(null)));
                    ObjectNode tr = root.putObject("trainingError");
                    tr.set("stepWeighted", divergence(pt.total(), law, pt.infiniteContext().orElse(null)));
                    tr.set("uniformSteps", divergence(pt.uniformSteps(), law, pt.infiniteContext().orElse(null)));
                    if (pt.total().isInfinite()) {
                        root.set("closedForm", divergence(pt.total(), law, pt.infiniteContext().orElse(null)));
                        infText = "predictorError = +inf" + ctx + "\n";
                    } else {
                        ExactReal cf = ideal.add(pt.total().value());
                        root.set("closedForm", Quantities.json(cf, output.digits));
                        t.add("predictorError", pt.total().value())
                                .add("closed form (ideal + predictor)", cf)
                                .add("eps_train (P(j)=k_j/L)", pt.total().value())
                                .add("eps_train (P(j)=1/T)", pt.uniformSteps().value());
                    }
                }
                if (!output.json) {
                    out.println("schedule " + s + " (reveal order; forward-time sizes "
                            + Schedule.of(s.length(), s.forwardSizes()) + ")");
                    t.print(out, output.digits, output.exact);
                    out.print(infText);
                    out.println("brute force skipped (--closed-form-only)");
                }
            } else {
                SamplerError e = SamplerError.compute(law, s, p);
                fill(root, e);
                if (!output.json) {
                    printHuman(out, s, e);
                }
            }
            if (output.json) {
                all.add(root); // the text form is printed as it goes: nothing accumulates
            }
        }
        if (output.json) {
            JsonNode doc = schedules.size() == 1 ? all.get(0) : all;
            out.println(LawJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc));
        }
        out.flush();
        return 0;
    }

    /**
     * {@code --closed-form-only} for a structured law too long to enumerate: {@code Ideal(k)} from the
     * closed-form information curve, with the optimal predictor (any other predictor needs the law's
     * conditional probabilities).
     */
    private int closedFormOfStructure(LawDescription law, List<Schedule> schedules) throws JsonProcessingException {
        if (!"optimal".equals(sampler.predictor)) {
            throw new InvalidInputException("predictor.too-large", "--predictor " + Echo.quoted(sampler.predictor)
                    + " needs the law's conditional probabilities over its " + law.alphabetSize() + "^" + law.length()
                    + " outcomes; for a structured law too long to enumerate only the optimal predictor is available");
        }
        InformationCurve info = StructuredCurve.of(law.structure());
        List<ExactReal> ideals = new ArrayList<>();
        for (Schedule s : schedules) {
            ideals.add(IdealError.closedForm(info, s));
        }
        if (output.exact) {
            Options.checkExact(ideals);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!output.json) {
            out.println("law " + lawOptions.law + ": " + InfoCommand.header(law, info) + "; predictor optimal (nats)");
        }
        ArrayNode all = LawJson.mapper().createArrayNode();
        for (int i = 0; i < schedules.size(); i++) {
            Schedule s = schedules.get(i);
            ObjectNode root = all.addObject();
            root.set("revealOrder", ints(s.sizes()));
            root.set("forwardOrder", ints(s.forwardSizes()));
            root.put("predictor", "optimal");
            root.put("bruteForce", "skipped");
            root.set("idealError", Quantities.json(ideals.get(i), output.digits, output.exact));
            if (!output.json) {
                out.println("schedule " + s + " (reveal order; forward-time sizes "
                        + Schedule.of(s.length(), s.forwardSizes()) + ")");
                new Table().add("idealError", ideals.get(i)).print(out, output.digits, output.exact);
                out.println("brute force skipped (--closed-form-only)");
            }
        }
        if (output.json) {
            JsonNode doc = schedules.size() == 1 ? all.get(0) : all;
            out.println(LawJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc));
        }
        out.flush();
        return 0;
    }

    private void fill(ObjectNode root, SamplerError e) {
        root.put("bruteForce", e.method() == SamplerError.Method.PARTITIONS ? "partitions" : "chain-rule");
        root.set("pathAveragedKL", divergence(e.pathAveragedKL(), e));
        root.set("outputKL", divergence(e.outputKL(), e));
        root.set("idealError", Quantities.json(e.idealError(), output.digits));
        root.set("predictorError", divergence(e.predictorError(), e));
        root.set("closedForm", divergence(e.closedForm(), e));
        ObjectNode tr = root.putObject("trainingError");
        tr.set("stepWeighted", divergence(e.trainingErrorStepWeighted(), e));
        tr.set("uniformSteps", divergence(e.trainingErrorUniformSteps(), e));
        root.put("closedFormAgrees", e.closedFormAgrees());
        ArrayNode steps = root.putArray("steps");
        for (SamplerError.StepTerms t : e.steps()) {
            ObjectNode n = steps.addObject();
            n.put("step", t.step());
            n.put("size", t.size());
            n.put("visibleBefore", t.visibleBefore());
            n.set("conditionalTC", Quantities.json(t.conditionalTC(), output.digits));
            n.set("closedFormTerm", Quantities.json(t.closedFormTerm(), output.digits));
            // the overall witness context names this step only when it has this step's visible size
            Context c = e.infiniteContext().filter(x -> x.visiblePositions().length == t.visibleBefore()).orElse(null);
            n.set("predictorLogRatio", divergence(t.predictorLogRatio(), e.law(), c));
            n.set("predictorTerm", divergence(t.predictorTerm(), e.law(), c));
        }
    }

    /** A finite value as Quantities.json; +inf with its witness. */
    private ObjectNode divergence(Divergence d, SamplerError e) {
        return divergence(d, e.law(), e.infiniteContext().orElse(null));
    }

    ObjectNode divergence(Divergence d, Law law, Context context) {
        if (!d.isInfinite()) {
            return Quantities.json(d.value(), output.digits);
        }
        ObjectNode n = LawJson.mapper().createObjectNode();
        n.put("exact", "+inf");
        n.put("decimal", "+inf");
        ObjectNode w = n.putObject("witness");
        w.set("outcome", ints(law.space().outcome(d.witness().getAsInt())));
        if (context != null) {
            w.set("context", context(context));
        }
        return n;
    }

    static ObjectNode context(Context c) {
        ObjectNode n = LawJson.mapper().createObjectNode();
        n.set("visible", ints(c.visiblePositions()));
        n.set("values", ints(c.visibleValues()));
        n.put("position", c.position());
        n.put("token", c.token());
        return n;
    }

    static ArrayNode ints(int[] a) {
        ArrayNode n = LawJson.mapper().createArrayNode();
        for (int x : a) {
            n.add(x);
        }
        return n;
    }

    private void printHuman(PrintWriter out, Schedule s, SamplerError e) {
        out.println("schedule " + s + " (reveal order; forward-time sizes "
                + Schedule.of(s.length(), s.forwardSizes()) + "), brute force by "
                + (e.method() == SamplerError.Method.PARTITIONS ? "all ordered partitions" : "per-step chain rule"));
        Table t = new Table();
        StringBuilder inf = new StringBuilder();
        addRow(t, inf, e, "pathAveragedKL (brute)", e.pathAveragedKL());
        addRow(t, inf, e, "closed form", e.closedForm());
        addRow(t, inf, e, "outputKL", e.outputKL());
        t.add("idealError", e.idealError());
        addRow(t, inf, e, "predictorError", e.predictorError());
        addRow(t, inf, e, "eps_train (P(j)=k_j/L)", e.trainingErrorStepWeighted());
        addRow(t, inf, e, "eps_train (P(j)=1/T)", e.trainingErrorUniformSteps());
        for (SamplerError.StepTerms st : e.steps()) {
            t.add("step " + st.step() + " (k=" + st.size() + ") E[TC(B|C)]", st.conditionalTC());
            t.add("step " + st.step() + " closed-form term", st.closedFormTerm());
            addRow(t, inf, e, "step " + st.step() + " predictor log-ratio", st.predictorLogRatio());
        }
        t.print(out, output.digits);
        if (inf.length() > 0) {
            out.print(inf);
        }
        out.println("closed form agrees with brute force exactly: " + e.closedFormAgrees());
    }

    private static void addRow(Table t, StringBuilder inf, SamplerError e, String name, Divergence d) {
        if (d.isInfinite()) {
            inf.append(name).append(" = +inf (mu-positive outcome ")
                    .append(e.law().space().format(d.witness().getAsInt())).append(" gets probability 0")
                    .append(e.infiniteContext().map(c -> "; first offending context: " + c).orElse(""))
                    .append(")\n");
        } else {
            t.add(name, d.value());
        }
    }
}
