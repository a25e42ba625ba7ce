package org.dlmexact.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.Divergence;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.law.LawJson;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.law.SequenceSpace;
import org.dlmexact.sampler.Boundary;
import org.dlmexact.sampler.Context;
import org.dlmexact.sampler.PredictiveRows;
import org.dlmexact.sampler.Predictors;
import org.dlmexact.sampler.ProcessLaw;
import org.dlmexact.sampler.Sampler;
import org.dlmexact.sampler.Samplers;
import org.dlmexact.sampler.Schedule;

/**
 * Kind {@code profiles}: the exact law of the samplers that real implementations run (SPEC.md
 * section 10), with the optimal predictor, on cases where implementations split: a probability
 * exactly at a threshold, exact ties of confidence, entropy and margin, steps that reveal nothing,
 * blocks, a final argmax against a final draw, re-masking. Every case carries the output law, the
 * law of the state after every step, the law of the number of positions each step reveals, the
 * expected numbers of steps and model calls, and the decision boundaries.
 */
public final class ProfileVectors implements Kind {

    static final String[] TOLERANCE = {"1e-12", "1e-15"};

    /** Law, sampler, comment. */
    static final String[][] SPLITS = {
        {"pairs:2", "fast-dllm:threshold=1/2", "a confidence exactly at the threshold: both positions pass (>=)"},
        {"pairs:2", "fast-dllm:threshold=1/2,boundary=exclusive", "the same with >: only the most confident"},
        {"two-at-nine-tenths", "fast-dllm:threshold=9/10", "after x_0, two dependent positions each with"
                + " conditional exactly 9/10 at threshold 9/10: both revealed at once (float64 softmax gives"
                + " 0.8999999999999999 and reveals one)"},
        {"two-at-nine-tenths", "fast-dllm:threshold=9/10,boundary=exclusive", "the same with >: one at a time"},
        {"pairs:4", "dream:alg=entropy,steps=2", "every entropy equal: ties to the lower position"},
        {"pairs:4", "dream:alg=entropy,steps=2,ties=highest", "the same ties to the higher position"},
        {"pairs:4", "dream:alg=entropy,steps=2,ties=uniform", "the same ties uniformly at random"},
        {"markov:4:3/4,1/4;1/3,2/3", "dream:alg=maskgit_plus,steps=2", "ties of the drawn tokens' probabilities"},
        {"markov:3:3/4,1/4;1/3,2/3", "dream:alg=topk_margin,steps=3", "margins, three steps"},
        {"random:2,4,7", "dream:alg=entropy,steps=4", "steps = L: the first step reveals nothing"},
        {"random:2,4,7", "dream:alg=origin,steps=2", "per-position reveal 1 - s/t, all at the last step"},
        {"random:2,3,5", "dream:alg=origin,steps=2,temperature=1/2,top_k=1", "temperature 1/2 then top-k 1"},
        {"random:2,4,3", "llada:steps=4,block=2", "two blocks, low-confidence remasking"},
        {"random:2,4,3", "llada:steps=4,block=2,remasking=random", "two blocks, random remasking"},
        {"random:2,4,3", "llada:steps=2,temperature=0", "temperature 0: argmax tokens, deterministic"},
        {"random:2,3,9", "mdlm:steps=2", "MDLM, final argmax"},
        {"random:2,3,9", "mdlm:steps=2,final=sample", "MDLM, final draw (SEDD's denoiser)"},
        {"random:2,3,9", "bernoulli:alphas=0;1/2;1", "a grid reaching alpha = 1: the final step reveals nothing"},
        {"random:2,4,11", "fast-dllm:factor=1", "the factor rule"},
        {"random:2,4,11", "eb:gamma=1", "the EB-sampler"},
        {"random:2,3,2", "remdm:mode=cap,eta=1/4,steps=2", "ReMDM cap: revealed tokens re-masked"},
        {"random:2,3,2", "remdm:mode=rescale,eta=1/4,steps=2", "ReMDM rescale"},
    };

    /** Law, sampler. */
    static final String[][] SEEDED = {
        {"random:3,2,4", "mdlm:steps=2"},
        {"random:3,3,4", "dream:alg=entropy,steps=2"},
        {"random:3,3,5", "llada:steps=3"},
        {"random:2,5,6", "fast-dllm:threshold=3/4"},
    };

    /**
     * The named hand-made laws of the cases: {@code two-at-nine-tenths} has {@code x_0} uniform and,
     * given {@code x_0 = 0}, {@code (x_1, x_2)} equal to {@code (0,0)} with probability 17/20 and each
     * other pair with 1/20 (so each of {@code x_1, x_2} is 0 with conditional probability exactly 9/10,
     * and they are dependent); {@code x_0 = 1} flips every token.
     */
    static Law law(String name) {
        if (!name.equals("two-at-nine-tenths")) {
            return Families.parse(name);
        }
        return LawJson.parse("{\"schema\":\"dlm-exact/law@1\",\"alphabetSize\":2,\"length\":3,\"support\":["
                + "{\"x\":[0,0,0],\"p\":\"17/40\"},{\"x\":[0,0,1],\"p\":\"1/40\"},{\"x\":[0,1,0],\"p\":\"1/40\"},"
                + "{\"x\":[0,1,1],\"p\":\"1/40\"},{\"x\":[1,0,0],\"p\":\"1/40\"},{\"x\":[1,0,1],\"p\":\"1/40\"},"
                + "{\"x\":[1,1,0],\"p\":\"1/40\"},{\"x\":[1,1,1],\"p\":\"17/40\"}]}");
    }

    //@ pure
    @Override
    public String name() {
        return "profiles";
    }

    /** The values of a case. */
    /*@ public normal_behavior
      @   requires law != null && sampler != null;
      @ pure @*/
    public static ObjectNode values(Law law, Sampler sampler) {
        return values(law, exactLaw(law, sampler));
    }

    private static ProcessLaw exactLaw(Law law, Sampler sampler) {
        return ProcessLaw.compute(new PredictiveRows(MarginalLattice.of(law), Predictors.optimal(law)), sampler);
    }

    private static ObjectNode values(Law law, ProcessLaw q) {
        ObjectNode v = LawJson.mapper().createObjectNode();
        SequenceSpace sp = law.space();
        ArrayNode a = v.putArray("outputLaw");
        for (int i = 0; i < sp.size(); i++) {
            ObjectNode e = a.addObject();
            e.set("x", Inputs.ints(sp.outcome(i)));
            e.set("p", Quantity.of(q.law().probability(i)));
        }
        v.set("outputKL", Quantity.of(Divergence.kl(law, q.law())));
        v.set("expectedSteps", Quantity.of(q.expectedSteps()));
        v.set("expectedModelCalls", Quantity.of(q.expectedModelCalls()));
        ArrayNode steps = v.putArray("steps");
        for (int j = 1; j <= q.steps(); j++) {
            ObjectNode n = steps.addObject();
            n.put("step", j);
            n.set("activeProbability", Quantity.of(q.activeProbability(j)));
            n.set("unchangedProbability", Quantity.of(q.unchangedProbability(j)));
            ArrayNode rev = n.putArray("revealedLaw");
            for (Map.Entry<Integer, Rational> c : q.revealedLaw(j).entrySet()) {
                ObjectNode r = rev.addObject();
                r.put("count", c.getKey());
                r.set("p", Quantity.of(c.getValue()));
            }
            n.set("stateLaw", SamplerVectors.stateLaw(q, sp, j));
        }
        ArrayNode b = v.putArray("decisionBoundaries");
        int[] x = new int[sp.length()];
        for (Boundary d : q.boundaries()) {
            ObjectNode n = b.addObject();
            n.put("step", d.step());
            int[] pos = Context.positions(d.visibleMask());
            Context.decode(sp, d.visibleMask(), d.valuesIndex(), x);
            int[] val = new int[pos.length];
            for (int m = 0; m < pos.length; m++) {
                val[m] = x[pos[m]];
            }
            n.set("visible", Inputs.ints(pos));
            n.set("values", Inputs.ints(val));
            n.put("kind", d.kind().toString());
            n.set("positions", Inputs.ints(Context.positions(d.positions())));
            n.put("what", d.what());
        }
        return v;
    }

    /*@ also public normal_behavior
      @   ensures \result != null;
      @ pure @*/
    @Override
    public ObjectNode generate() {
        VectorFile f = new VectorFile(name(), List.of(
                "The exact law of the samplers that real implementations run (SPEC.md section 10: MDLM, Dream, LLaDA, "
                        + "Fast-dLLM, the EB-sampler, ReMDM, any per-position grid), for a law mu and the optimal "
                        + "predictor p*_i(a | x_S) = mu(X_i = a | X_S = x_S). The input sampler is the canonical text of "
                        + "--sampler, every key written out.",
                "values.outputLaw lists every outcome of [V]^L in lexicographic order with its exact probability; "
                        + "values.outputKL = KL(mu || law); expectedSteps = the expected number of steps taken while a "
                        + "position is masked; expectedModelCalls as SPEC.md section 10.3 counts them.",
                "values.steps[j-1]: activeProbability = P(the state before step j has a masked position); "
                        + "unchangedProbability = P(step j leaves the state as it was); revealedLaw = the law of the "
                        + "number of positions step j reveals; stateLaw = the law of the state after step j (visible "
                        + "sets by increasing bit mask, values in lexicographic order, positive entries only).",
                "values.decisionBoundaries: every decision on a reachable state that rests on an exact tie or an "
                        + "exact threshold equality (step, the state before it, kind tie|threshold, the positions "
                        + "involved): an implementation reproduces this law only if it decides them as the sampler's "
                        + "ties= and boundary= keys say.",
                "Invariants: the outputLaw sums to exactly 1; each revealedLaw sums to 1; the last stateLaw is the "
                        + "outputLaw."));
        f.note("SpecialCase", "A hand-picked case where implementations split.");
        f.note("PointMass", "The law gives probability 1 to one outcome.");
        f.note("LengthOne", "L = 1.");
        f.note("ZerosInSupport", "Some outcomes have probability 0 under the law.");
        f.note("Seeded", "A law from the random:V,L,SEED family (SPEC.md 3.2); its exact law is in the case.");
        f.note("Tie", "The law rests on an exact tie (a decisionBoundaries entry of kind tie).");
        f.note("Threshold", "The law rests on a value exactly at a threshold (kind threshold).");
        f.note("EmptyStep", "Some step reveals nothing with positive probability.");
        f.note("Remask", "Revealed tokens can be re-masked.");
        f.note("FinalStep", "The sampler ends with a final argmax or sampled step after its grid.");
        String why = "The probabilities are sums of products of up to L predictor probabilities per step over the "
                + "reachable paths; double arithmetic keeps them within a few ulps, so 1e-12 relative, 1e-15 absolute.";
        ArrayNode t1 = f.group(SamplerVectors.groupFields("splits", "Where implementations split.", TOLERANCE, why));
        for (String[] c : SPLITS) {
            add(f, t1, c[0], c[1], c[0] + ", " + c[1] + ": " + c[2], "SpecialCase");
        }
        ArrayNode t2 = f.group(SamplerVectors.groupFields("seeded", "Seeded random laws.", TOLERANCE, why));
        for (String[] c : SEEDED) {
            add(f, t2, c[0], c[1], c[0] + ", " + c[1], "Seeded");
        }
        return f.tree(VectorFile.commonConventions());
    }

    private void add(VectorFile f, ArrayNode tests, String lawName, String spec, String comment, String kindFlag) {
        Law law = law(lawName);
        Sampler s = Samplers.parse(spec, law.length(), Schedule.Convention.REVEAL);
        ObjectNode b = LawJson.mapper().createObjectNode();
        b.put("lawName", lawName);
        b.set("law", LawJson.toTree(law));
        b.put("sampler", s.spec());
        b.put("predictor", "optimal");
        ProcessLaw q = exactLaw(law, s);
        b.set("values", values(law, q));
        List<String> flags = new ArrayList<>(List.of(kindFlag));
        flags.addAll(InfoVectors.lawFlags(law));
        for (Boundary d : q.boundaries()) {
            String k = d.kind() == Boundary.Kind.TIE ? "Tie" : "Threshold";
            if (!flags.contains(k)) {
                flags.add(k);
            }
        }
        for (int j = 1; j <= q.steps(); j++) {
            Rational none = q.revealedLaw(j).getOrDefault(0, Rational.ZERO);
            if (none.compareTo(Rational.ONE.subtract(q.activeProbability(j))) > 0 && !flags.contains("EmptyStep")) {
                flags.add("EmptyStep");
            }
        }
        if (s.remasks()) {
            flags.add("Remask");
        }
        if (s.name().equals("mdlm") || s.name().equals("bernoulli") || s.name().equals("remdm")) {
            flags.add("FinalStep");
        }
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
        Sampler s = Samplers.parse(test.get("sampler").asText(), law.length(), Schedule.Convention.REVEAL);
        if (!s.spec().equals(test.get("sampler").asText())) {
            problems.add("sampler: '" + test.get("sampler").asText() + "' is not canonical ('" + s.spec() + "')");
        }
        Checks.sameValues(values(law, s), test.get("values"), "values", problems);
        return problems;
    }
}
