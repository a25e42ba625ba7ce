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
import org.dlmexact.info.Divergence;
import org.dlmexact.sampler.ProcessLaw;
import org.dlmexact.sampler.RandomOrder;
import org.dlmexact.sampler.PredictiveRows;
import org.dlmexact.sampler.Predictor;
import org.dlmexact.sampler.Predictors;
import org.dlmexact.sampler.Schedule;

/**
 * Kind {@code output-law}: the law {@code nu} of the sampler's output as an exact rational per
 * outcome (every outcome of {@code [V]^L}, in lexicographic order), and {@code KL(mu || nu)}.
 */
public final class OutputLawVectors implements Kind {

    static final String[] TOLERANCE = {"1e-12", "1e-15"};

    static final String[][] SPECIAL = {
        {"uniform:2,1", "1", "optimal", "L = 1: nu = mu"},
        {"product:2:1,0", "2", "optimal", "point mass: nu = mu"},
        {"parity:3", "3", "optimal", "T = 1: nu is the product of the marginals, uniform on [2]^3"},
        {"parity:3", "1,1,1", "optimal", "all k_j = 1: nu = mu"},
        {"parity:3", "2,1", "optimal", "last batch of one token: nu = mu"},
        {"parity:3", "1,2", "optimal", "last batch of two tokens: nu is not mu"},
        {"repetition:2,3", "2,1", "optimal", "repetition code, first batch of two"},
        {"repetition:3,3", "1,2", "optimal", "repetition code, first batch of one: nu = mu"},
        {"pairs:4", "2,2", "optimal", "bit pairs"},
        {"pairs:4", "2,2", "smoothed:1", "uniform predictor: nu uniform"},
        {"pairs:4", "2,2", "smoothed:0", "smoothed:0 = optimal"},
        {"parity:3", "2,1", "smoothed:1/2", "half-smoothed predictor"},
        {"markov:3:1/2,1/2;0,1:1/2,1/2", "2,1", "optimal", "zeros in the support"},
    };

    static final String[][] SEEDED = {
        {"random:2,3,3", "2,1", "optimal"},
        {"random:2,4,3", "2,2", "optimal"},
        {"random:2,4,4", "1,3", "smoothed:1/4"},
        {"random:2,5,1", "3,2", "optimal"},
        {"random:3,2,2", "2", "optimal"},
        {"random:3,3,2", "1,2", "optimal"},
    };

    //@ pure
    @Override
    public String name() {
        return "output-law";
    }

    /** The output law and the output error of a case. */
    /*@ public normal_behavior
      @   requires law != null && schedule != null && predictor != null;
      @ pure @*/
    public static ObjectNode values(Law law, Schedule schedule, Predictor predictor) {
        Law nu = ProcessLaw.compute(new PredictiveRows(MarginalLattice.of(law), predictor), RandomOrder.of(schedule)).law();
        ObjectNode v = LawJson.mapper().createObjectNode();
        ArrayNode a = v.putArray("outputLaw");
        SequenceSpace sp = law.space();
        for (int i = 0; i < sp.size(); i++) {
            ObjectNode e = a.addObject();
            e.set("x", Inputs.ints(sp.outcome(i)));
            e.set("p", Quantity.of(nu.probability(i)));
        }
        v.set("outputKL", Quantity.of(Divergence.kl(law, nu)));
        return v;
    }

    /*@ also public normal_behavior
      @   ensures \result != null;
      @ pure @*/
    @Override
    public ObjectNode generate() {
        VectorFile f = new VectorFile(name(), List.of(
                "The law nu of the output of the random-order masked diffusion sampler (theory.md section 2) for a "
                        + "law mu, a schedule (revealOrder) and a predictor: nu = the average over uniformly random "
                        + "ordered partitions B of nu_B(x) = prod_j prod_{i in B_j} p^_i(x_i | x_{C_j}).",
                "values.outputLaw lists every outcome of [V]^L in lexicographic order with nu(x) (an exact rational; "
                        + "outcomes with nu(x) = 0 are listed too). values.outputKL = KL(mu || nu).",
                "Invariants: the nu(x) sum to exactly 1; nu = mu when T = L with the optimal predictor, or when the "
                        + "last batch has one token and the law's conditionals are used (theory.md 2)."));
        SamplerVectors.noteCommon(f);
        String why = "Each nu(x) is an average of at most L!/prod k_j! products of L predictor probabilities; double "
                + "arithmetic keeps it within a few ulps, so 1e-12 relative, 1e-15 absolute (for nu(x) = 0).";
        ArrayNode t1 = f.group(SamplerVectors.groupFields("special", "Hand-picked edge cases.", TOLERANCE, why));
        for (String[] c : SPECIAL) {
            add(f, t1, c[0], c[1], c[2], c[0] + ", schedule " + c[1] + ", " + c[2] + ": " + c[3], "SpecialCase");
        }
        ArrayNode t2 = f.group(SamplerVectors.groupFields("seeded", "Seeded random laws.", TOLERANCE, why));
        for (String[] c : SEEDED) {
            add(f, t2, c[0], c[1], c[2], c[0] + ", schedule " + c[1] + ", " + c[2], "Seeded");
        }
        return f.tree(VectorFile.commonConventions());
    }

    private void add(VectorFile f, ArrayNode tests, String lawName, String sched, String pred, String comment,
                     String kindFlag) {
        Law law = Families.parse(lawName);
        Schedule s = Schedule.parse(sched, law.length(), Schedule.Convention.REVEAL);
        Predictor p = Predictors.parse(pred, law);
        ObjectNode b = SamplerVectors.body(lawName, law, s, LawJson.mapper().getNodeFactory().textNode(pred), p);
        b.set("values", values(law, s, p));
        List<String> flags = new ArrayList<>(List.of(kindFlag));
        flags.addAll(SamplerVectors.flags(law, s, pred, false));
        f.addTest(tests, comment, flags, b, "valid");
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
