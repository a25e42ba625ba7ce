package org.dlmexact.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.law.LawJson;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.law.SequenceSpace;
import org.dlmexact.exact.Rational;
import org.dlmexact.sampler.Context;
import org.dlmexact.sampler.ProcessLaw;
import org.dlmexact.sampler.RandomOrder;
import org.dlmexact.sampler.Predictor;
import org.dlmexact.sampler.Predictors;
import org.dlmexact.sampler.SamplerError;
import org.dlmexact.sampler.Schedule;

/**
 * Kind {@code sampler}: every error of the random-order sampler for a law, a schedule and a
 * predictor, with the per-step terms and the law of the sampler's state after every reverse step.
 */
public final class SamplerVectors implements Kind {

    static final String[] TOLERANCE = {"1e-9", "1e-12"};

    /** Hand-picked cases: law, reveal order, predictor, comment. */
    static final String[][] SPECIAL = {
        {"uniform:2,1", "1", "optimal", "L = 1: every error is 0"},
        {"product:2:1,0", "2", "optimal", "point mass: every error is 0"},
        {"parity:3", "3", "optimal", "T = 1: Ideal = TC = ln 2 (theory.md 3)"},
        {"parity:3", "1,1,1", "optimal", "all k_j = 1: Ideal = 0 (theory.md 3)"},
        {"parity:3", "2,1", "optimal", "even parity, last batch k_T = 1: Ideal = 0 (theory.md 3)"},
        {"parity:3", "1,2", "optimal", "even parity, last batch k_T = 2: Ideal = ln 2 (theory.md 3)"},
        {"repetition:3,3", "2,1", "optimal", "repetition code: Ideal = (k_1 - 1) ln 3 = ln 3 (theory.md 3)"},
        {"repetition:3,3", "1,2", "optimal", "repetition code, k_1 = 1: Ideal = 0 (theory.md 3)"},
        {"product:3:1/4,3/4", "2,1", "optimal", "independent tokens: Ideal = 0 (theory.md 3)"},
        {"pairs:4", "2,2", "optimal", "bit pairs: Ideal = sum_j k_j(k_j-1)/(2(L-1)) ln 2 = 2/3 ln 2 (theory.md 3)"},
        {"pairs:4", "2,2", "smoothed:1", "smoothed:1 is the uniform predictor 1/V"},
        {"pairs:4", "2,2", "smoothed:0", "smoothed:0 equals the optimal predictor"},
        {"parity:3", "2,1", "smoothed:1/2", "half-smoothed predictor: positive predictor term"},
        {"markov:3:1/2,1/2;0,1:1/2,1/2", "2,1", "optimal", "zeros in the support (absorbing state)"},
    };

    /** Seeded cases: law name, reveal order, predictor. */
    static final String[][] SEEDED = {
        {"random:2,3,1", "2,1", "optimal"},
        {"random:2,3,2", "1,2", "smoothed:1/3"},
        {"random:2,4,1", "2,2", "optimal"},
        {"random:2,4,2", "3,1", "optimal"},
        {"random:3,2,1", "2", "optimal"},
        {"random:3,3,1", "2,1", "smoothed:1/5"},
    };

    //@ pure
    @Override
    public String name() {
        return "sampler";
    }

    /** The values of a case. */
    /*@ public normal_behavior
      @   requires law != null && schedule != null && predictor != null;
      @ pure @*/
    public static ObjectNode values(Law law, Schedule schedule, Predictor predictor) {
        SamplerError e = SamplerError.compute(law, schedule, predictor);
        ObjectNode v = LawJson.mapper().createObjectNode();
        v.set("pathAveragedKL", Quantity.of(e.pathAveragedKL()));
        v.set("outputKL", Quantity.of(e.outputKL()));
        v.set("idealError", Quantity.of(e.idealError()));
        v.set("predictorError", Quantity.of(e.predictorError()));
        v.set("closedForm", Quantity.of(e.closedForm()));
        ObjectNode tr = v.putObject("trainingError");
        tr.set("stepWeighted", Quantity.of(e.trainingErrorStepWeighted()));
        tr.set("uniformSteps", Quantity.of(e.trainingErrorUniformSteps()));
        v.set("infiniteContext", Inputs.context(e.infiniteContext().orElse(null)));
        ArrayNode steps = v.putArray("steps");
        for (SamplerError.StepTerms t : e.steps()) {
            ObjectNode n = steps.addObject();
            n.put("step", t.step());
            n.put("size", t.size());
            n.put("visibleBefore", t.visibleBefore());
            n.set("conditionalTC", Quantity.of(t.conditionalTC()));
            n.set("closedFormTerm", Quantity.of(t.closedFormTerm()));
            n.set("predictorLogRatio", Quantity.of(t.predictorLogRatio()));
            n.set("predictorTerm", Quantity.of(t.predictorTerm()));
            n.set("stateLaw", stateLaw(e.samplerLaw(), law.space(), t.step()));
        }
        return v;
    }

    /** The law of the state after {@code step}: visible sets by increasing bit mask, values in index order. */
    static ArrayNode stateLaw(ProcessLaw s, SequenceSpace sp, int step) {
        ArrayNode a = LawJson.mapper().createArrayNode();
        int[] x = new int[sp.length()];
        for (int mask : s.visibleSets(step)) {
            int[] pos = Context.positions(mask);
            int n = sp.power(pos.length);
            for (int values = 0; values < n; values++) {
                Rational p = s.stateProbability(step, mask, values);
                if (p.isZero()) {
                    continue;
                }
                Context.decode(sp, mask, values, x);
                int[] val = new int[pos.length];
                for (int q = 0; q < pos.length; q++) {
                    val[q] = x[pos[q]];
                }
                ObjectNode e = a.addObject();
                e.set("visible", Inputs.ints(pos));
                e.set("values", Inputs.ints(val));
                e.set("p", Quantity.of(p));
            }
        }
        return a;
    }

    static ObjectNode groupFields(String id, String comment, String[] tol, String why) {
        ObjectNode g = LawJson.mapper().createObjectNode();
        g.put("groupId", id);
        g.put("comment", comment);
        ObjectNode t = g.putObject("tolerance");
        t.put("relative", tol[0]);
        t.put("absolute", tol[1]);
        t.put("why", why);
        return g;
    }

    static final String WHY = "The errors are sums over up to L!/prod k_j! partitions and V^L outcomes of terms "
            + "mu*ln(mu/nu) whose sum is much smaller than its terms (cancellation), and the state laws are products "
            + "accumulated over T steps; a double implementation loses up to ~1e-13 absolute, so 1e-9 relative or "
            + "1e-12 absolute, whichever is larger.";

    /** The body of a sampler case: inputs, then values. */
    static ObjectNode body(String lawName, Law law, Schedule s, JsonNode predictorSpec, Predictor p) {
        ObjectNode b = LawJson.mapper().createObjectNode();
        b.put("lawName", lawName);
        b.set("law", LawJson.toTree(law));
        b.set("revealOrder", Inputs.ints(s.sizes()));
        b.set("forwardOrder", Inputs.ints(s.forwardSizes()));
        b.set("predictor", predictorSpec);
        return b;
    }

    static void noteCommon(VectorFile f) {
        f.note("SpecialCase", "A hand-picked case with a known closed form (theory.md section 3), kept apart from "
                + "the seeded cases.");
        f.note("PointMass", "The law gives probability 1 to one outcome.");
        f.note("LengthOne", "L = 1.");
        f.note("ZerosInSupport", "Some outcomes have probability 0 under the law.");
        f.note("OneShot", "T = 1: every token is revealed in one step, so the output law is the product of the "
                + "marginals and the path-averaged and output errors are equal.");
        f.note("AllOnes", "Every k_j = 1 (random-order autoregressive): with the optimal predictor the error is 0.");
        f.note("Smoothed", "Predictor smoothed:LAMBDA = (1 - LAMBDA) p* + LAMBDA / V with 0 < LAMBDA < 1.");
        f.note("SmoothedOne", "Predictor smoothed:1: the uniform predictor 1/V, independent of the context.");
        f.note("SmoothedZero", "Predictor smoothed:0: identical to the optimal predictor; the predictor terms are 0.");
        f.note("TablePredictor", "The predictor is an explicit dlm-exact/predictor@1 table given in the case.");
        f.note("InfiniteError", "The predictor gives probability 0 to a token the data produces in a context the "
                + "sampler visits: the path-averaged error, the predictor term and the training errors are +inf, "
                + "and infiniteContext names the first such context (order: visible-set size, visible mask, values, "
                + "position, token).");
        f.note("Seeded", "A law from the random:V,L,SEED family (SPEC.md 3.2); its exact law is in the case.");
    }

    static List<String> flags(Law law, Schedule s, String predictor, boolean infinite) {
        List<String> f = new ArrayList<>(InfoVectors.lawFlags(law));
        if (s.steps() == 1) {
            f.add("OneShot");
        }
        if (s.maxSize() == 1) {
            f.add("AllOnes");
        }
        if (predictor.equals("smoothed:1")) {
            f.add("SmoothedOne");
        } else if (predictor.equals("smoothed:0")) {
            f.add("SmoothedZero");
        } else if (predictor.startsWith("smoothed:")) {
            f.add("Smoothed");
        } else if (predictor.equals("table")) {
            f.add("TablePredictor");
        }
        if (infinite) {
            f.add("InfiniteError");
        }
        return f;
    }

    /** Case inputs for the {@code +inf} group: law, reveal order, the law whose optimal predictor is used. */
    static final String[][] INFINITE = {
        {"uniform:2,2", "1,1", "repetition:2,2",
            "uniform law, predictor = optimal predictor of the repetition code: the second token is copied"},
        {"repetition:2,3", "2,1", "parity:3",
            "repetition code, predictor = optimal predictor of the even-parity code: sure of the wrong last token"},
    };

    /*@ also public normal_behavior
      @   ensures \result != null;
      @ pure @*/
    @Override
    public ObjectNode generate() {
        VectorFile f = new VectorFile(name(), List.of(
                "Errors of the random-order masked diffusion sampler (theory.md sections 2 and 3) for a law mu, a "
                        + "schedule k_1..k_T (revealOrder) and a predictor.",
                "values.pathAveragedKL = E_B KL(mu || nu_B) (brute force); outputKL = KL(mu || nu), nu the law of the "
                        + "output; idealError = Ideal(k), the closed form with the optimal predictor; predictorError = "
                        + "sum_j (k_j/m_j) A(N_{j-1}); closedForm = idealError + predictorError (equal to "
                        + "pathAveragedKL exactly).",
                "values.trainingError.stepWeighted = Li-Cai eps_train with P(step j) = k_j/L (equals predictorError); "
                        + "uniformSteps = eps_train with P(step j) = 1/T.",
                "values.steps[j-1]: conditionalTC = E_{C,B} E_mu[TC(X_B | X_C = x_C)] for step j; closedFormTerm = "
                        + "sum_{m=1..k_j} (Z_{N_{j-1}+m} - Z_{N_{j-1}+1}) (equal to conditionalTC); predictorLogRatio = "
                        + "E[sum_{i in B} ln(p*_i/p^_i)]; predictorTerm = (k_j/m_j) A(N_{j-1}) (equal to it).",
                "values.steps[j-1].stateLaw: the law of the sampler's state after reverse step j: every (visible "
                        + "positions, their values) with positive probability, visible sets by increasing bit mask "
                        + "(bit i = position i), values in lexicographic order. The last step's state law is nu. A "
                        + "port that disagrees can find the first step where it differs.",
                "values.infiniteContext: null, or the first context where the predictor gives 0 to a token the "
                        + "data produces (visible positions, their values, the masked position, the token)."));
        noteCommon(f);
        ArrayNode t1 = f.group(groupFields("special", "Hand-picked edge cases and the special cases of theory.md "
                + "section 3.", TOLERANCE, WHY));
        for (String[] c : SPECIAL) {
            addCase(f, t1, c[0], c[1], c[2], c[0] + ", schedule " + c[1] + ", " + c[2] + ": " + c[3], false);
        }
        ArrayNode t2 = f.group(groupFields("infinite", "Predictors that give probability 0 to a token the data "
                + "produces: +inf errors with the first offending context.", TOLERANCE, WHY));
        for (String[] c : INFINITE) {
            Law law = Families.parse(c[0]);
            MarginalLattice other = MarginalLattice.of(Families.parse(c[2]));
            ObjectNode spec = LawJson.mapper().createObjectNode();
            spec.set("table", Inputs.table(law.space(), Predictors.optimal(other)));
            addTable(f, t2, c[0], law, c[1], spec, c[0] + ", schedule " + c[1] + ": " + c[3]);
        }
        ArrayNode t3 = f.group(groupFields("seeded", "Seeded random laws.", TOLERANCE, WHY));
        for (String[] c : SEEDED) {
            addCase(f, t3, c[0], c[1], c[2], c[0] + ", schedule " + c[1] + ", " + c[2], true);
        }
        return f.tree(VectorFile.commonConventions());
    }

    private void addCase(VectorFile f, ArrayNode tests, String lawName, String sched, String pred, String comment,
                         boolean seeded) {
        Law law = Families.parse(lawName);
        Schedule s = Schedule.parse(sched, law.length(), Schedule.Convention.REVEAL);
        Predictor p = Predictors.parse(pred, law);
        ObjectNode b = body(lawName, law, s, LawJson.mapper().getNodeFactory().textNode(pred), p);
        b.set("values", values(law, s, p));
        List<String> flags = new ArrayList<>(seeded ? List.of("Seeded") : List.of("SpecialCase"));
        flags.addAll(flags(law, s, pred, !b.get("values").get("infiniteContext").isNull()));
        f.addTest(tests, comment, flags, b, "valid");
    }

    private void addTable(VectorFile f, ArrayNode tests, String lawName, Law law, String sched, ObjectNode spec,
                          String comment) {
        Schedule s = Schedule.parse(sched, law.length(), Schedule.Convention.REVEAL);
        ObjectNode probe = LawJson.mapper().createObjectNode();
        probe.set("predictor", spec);
        Predictor p = Inputs.predictor(probe, MarginalLattice.of(law));
        ObjectNode b = body(lawName, law, s, spec, p);
        b.set("values", values(law, s, p));
        f.addTest(tests, comment, flags(law, s, "table", !b.get("values").get("infiniteContext").isNull()), b,
                "valid");
    }

    /*@ also public normal_behavior
      @   requires group != null && test != null;
      @   ensures \result != null;
      @ pure @*/
    @Override
    public List<String> verify(JsonNode group, JsonNode test) {
        List<String> problems = new ArrayList<>();
        Law law = Inputs.law(test);
        Schedule s = Inputs.schedule(test, law.length());
        Checks.sameValues(Inputs.ints(s.forwardSizes()), test.get("forwardOrder"), "forwardOrder", problems);
        Predictor p = Inputs.predictor(test, MarginalLattice.of(law));
        Checks.sameValues(values(law, s, p), test.get("values"), "values", problems);
        return problems;
    }
}
