package org.dlmexact.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.dlmexact.exact.Rational;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.law.SequenceSpace;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every implementation profile's exact law, as the engine computes it
 * ({@code ProcessLaw.compute(rows, Samplers.parse(spec, L, REVEAL))}), equals the law of
 * {@link ProfileReference}, which enumerates every random choice of SPEC section 10.3 literally on a
 * separate code path: the output law, the law of the state after every step, the law of the number of
 * positions each step reveals, the probability that a step changes nothing, the number of steps, the
 * expected steps and the expected model calls, all as exact rationals. Laws: uniform, repetition,
 * parity, pairs, Markov chains with conditionals exactly 9/10 and 1/2, seeded random laws (the seed in
 * the law's name), one smoothed predictor; smallest laws first, so the first failure reported is a
 * smallest one. The parameter grids cover every key of SPEC section 10.2 with values that bite.
 */
class ProfileReferenceTest {

    /** A law with the predictor to use (by name: optimal or smoothed:LAMBDA). */
    record Case(String law, String predictor) {
        Law build() {
            return Families.parse(law);
        }

        int size() {
            Law l = build();
            return l.space().size();
        }

        @Override
        public String toString() {
            return law + (predictor.equals("optimal") ? "" : " (predictor " + predictor + ")");
        }
    }

    /** The laws, smallest first (by number of outcomes, then length). */
    static List<Case> laws() {
        List<Case> out = new ArrayList<>();
        for (int l = 1; l <= 4; l++) {
            out.add(new Case("uniform:2," + l, "optimal"));
            if (l == 4) {
                // the largest size: fewer laws (the enumeration grows fast)
                out.add(new Case("parity:4", "optimal"));
                out.add(new Case("markov:4:9/10,1/10;1/10,9/10", "optimal"));
                out.add(new Case("random:2,4,1", "optimal"));
                continue;
            }
            if (l >= 2) {
                out.add(new Case("repetition:2," + l, "optimal"));
                out.add(new Case("parity:" + l, "optimal"));
                out.add(new Case("markov:" + l + ":9/10,1/10;1/10,9/10", "optimal"));
                out.add(new Case("markov:" + l + ":1/2,1/2;1/4,3/4", "optimal"));
            }
            if (l % 2 == 0) {
                out.add(new Case("pairs:" + l, "optimal"));
            }
            out.add(new Case("random:2," + l + ",1", "optimal"));
            out.add(new Case("random:2," + l + ",3", "smoothed:1/3"));
        }
        for (int l = 1; l <= 3; l++) {
            out.add(new Case("uniform:3," + l, "optimal"));
            if (l >= 2) {
                out.add(new Case("repetition:3," + l, "optimal"));
                out.add(new Case("markov:" + l + ":1/2,1/4,1/4;0,1/2,1/2;1/3,1/3,1/3", "optimal"));
            }
            out.add(new Case("random:3," + l + ",1", "optimal"));
        }
        out.sort(Comparator.comparingInt(Case::size).thenComparing(c -> c.build().length()));
        return out;
    }

    /** Whether a law is one of the large ones, which get the reduced grids. */
    static boolean large(Case c) {
        return c.size() > 9;
    }

    // ------------------------------------------------------------------ the grids (SPEC 10.2 keys)

    static List<String> mdlm(Case c) {
        List<String> out = new ArrayList<>();
        int[] steps = large(c) ? new int[] {1, 3} : new int[] {1, 2, 4};
        for (int n : steps) {
            for (String e : new String[] {"0", "1/2"}) {
                out.add("mdlm:steps=" + n + ",eps=" + e);
                out.add("mdlm:steps=" + n + ",eps=" + e + ",final=sample,cache=false");
            }
        }
        out.add("mdlm:steps=3,eps=1/1000,final=sample");
        out.add("mdlm:steps=2"); // eps=1/100000 by default
        out.add("mdlm:steps=2,final=sample,cache=true");
        return out;
    }

    static List<String> bernoulli(Case c) {
        List<String> grids = large(c) ? List.of("0;1/2;1", "0;1/3;2/3", "1/4;1/4;1/2;1")
                : List.of("0;1", "0;1/2;1", "0;1/3;2/3", "1/2;3/4", "0;0;1", "0;1;1", "1/4;1/4;1/2;1");
        List<String> out = new ArrayList<>();
        for (String g : grids) {
            out.add("bernoulli:alphas=" + g);
            out.add("bernoulli:alphas=" + g + ",final=sample,cache=true");
        }
        return out;
    }

    static List<String> dreamOrigin(Case c) {
        List<String> out = new ArrayList<>();
        int[] steps = large(c) ? new int[] {1, 3} : new int[] {1, 2, 3, 4};
        String[] eps = large(c) ? new String[] {"0", "1/2"} : new String[] {"0", "1/1000", "1/2"};
        for (int n : steps) {
            for (String e : eps) {
                out.add("dream:alg=origin,steps=" + n + ",eps=" + e);
            }
        }
        String[] filters = large(c) ? new String[] {"temperature=0", "temperature=1/2,top_p=1/2", "top_k=2"}
                : new String[] {"temperature=0", "temperature=1/2", "top_p=1/2", "top_p=3/5", "top_p=9/10",
                    "top_k=1", "top_k=2", "temperature=1/2,top_p=3/5,top_k=2", "temperature=0,top_p=1/2"};
        for (String f : filters) {
            out.add("dream:alg=origin,steps=2," + f);
        }
        return out;
    }

    static List<String> dreamTopK(Case c) {
        List<String> out = new ArrayList<>();
        for (String alg : new String[] {"maskgit_plus", "topk_margin", "entropy"}) {
            int[] steps = large(c) ? new int[] {2, 3} : new int[] {1, 2, 3, 4};
            for (int n : steps) {
                // ties=uniform with four tied positions enumerates 4! orders per draw: at most two steps on large laws
                boolean all = n == 2 || (n == 3 && !large(c));
                String[] tieModes = all ? new String[] {"lowest", "highest", "uniform"}
                        : n == 3 ? new String[] {"lowest", "highest"} : new String[] {"lowest"};
                for (String ties : tieModes) {
                    out.add("dream:alg=" + alg + ",steps=" + n + ",eps=1/1000,ties=" + ties);
                }
                if (!large(c) && n >= 3) {
                    out.add("dream:alg=" + alg + ",steps=" + n + ",eps=" + (n == 3 ? "0" : "1/2"));
                }
            }
            String[] filters = large(c) ? new String[] {"temperature=0", "temperature=1/2,top_p=1/2,ties=uniform"}
                    : new String[] {"temperature=0,ties=highest", "temperature=1/2", "top_p=3/5,ties=uniform",
                        "top_k=1", "temperature=1/2,top_p=9/10,top_k=2,ties=highest"};
            for (String f : filters) {
                out.add("dream:alg=" + alg + ",steps=" + (large(c) && f.contains("uniform") ? 2 : 3) + "," + f);
            }
        }
        return out;
    }

    static List<String> llada(Case c) {
        int l = c.build().length();
        List<String> out = new ArrayList<>();
        for (int block = 1; block <= l; block++) {
            if (l % block != 0) {
                continue;
            }
            int nb = l / block;
            for (int n = nb; n <= 4; n += nb) {
                String base = "llada:steps=" + n + (block == l ? "" : ",block=" + block);
                out.add(base);
                out.add(base + ",remasking=random");
                if (large(c)) {
                    // fully tied draws at four positions make 4! orders per draw: keep the large laws lean
                    out.add(base + (n <= 2 ? ",temperature=1/2,ties=uniform" : ",ties=highest"));
                    continue;
                }
                out.add(base + ",ties=highest");
                out.add(base + ",temperature=0,ties=uniform");
                out.add(base + ",temperature=1/2,ties=uniform");
                out.add(base + ",remasking=random,temperature=" + (n % 2 == 0 ? "0" : "1/2"));
            }
        }
        return out;
    }

    static List<String> fastDllm(Case c) {
        int l = c.build().length();
        List<String> out = new ArrayList<>();
        String[] taus = large(c) ? new String[] {"1/2", "9/10"} : new String[] {"1/2", "3/4", "9/10", "1"};
        for (String tau : taus) {
            out.add("fast-dllm:threshold=" + tau);
            out.add("fast-dllm:threshold=" + tau + ",boundary=exclusive");
            if (!large(c)) {
                out.add("fast-dllm:threshold=" + tau + ",ties=highest");
                out.add("fast-dllm:threshold=" + tau + ",ties=uniform,temperature=1/2");
                out.add("fast-dllm:threshold=" + tau + ",temperature=0");
            }
        }
        String[] factors = large(c) ? new String[] {"1", "2"} : new String[] {"0", "1/2", "1", "3/2", "4"};
        for (String f : factors) {
            out.add("fast-dllm:factor=" + f);
            out.add("fast-dllm:factor=" + f + ",boundary=exclusive,ties=uniform");
            if (!large(c)) {
                out.add("fast-dllm:factor=" + f + ",ties=highest,temperature=0");
            }
        }
        for (int block = 1; block < l; block++) {
            if (l % block == 0) {
                out.add("fast-dllm:threshold=3/4,block=" + block);
                out.add("fast-dllm:factor=1,block=" + block + ",temperature=1/2");
            }
        }
        return out;
    }

    static List<String> eb(Case c) {
        List<String> out = new ArrayList<>();
        String[] gammas = large(c) ? new String[] {"0", "1"} : new String[] {"0", "1/2", "1", "3", "100"};
        for (String g : gammas) {
            out.add("eb:gamma=" + g);
            out.add("eb:gamma=" + g + ",boundary=exclusive");
            out.add("eb:gamma=" + g + ",ties=uniform");
            if (!large(c)) {
                out.add("eb:gamma=" + g + ",ties=highest");
                out.add("eb:gamma=" + g + ",temperature=0");
                out.add("eb:gamma=" + g + ",temperature=1/2,ties=uniform");
            }
        }
        return out;
    }

    static List<String> remdm(Case c) {
        List<String> out = new ArrayList<>();
        int[] steps = large(c) ? new int[] {2} : new int[] {1, 3};
        String[] etas = {"0", "1/10", "1"};
        for (String mode : new String[] {"cap", "rescale"}) {
            for (String eta : etas) {
                for (int n : steps) {
                    out.add("remdm:mode=" + mode + ",eta=" + eta + ",steps=" + n + ",eps=1/2");
                }
                if (!large(c)) {
                    out.add("remdm:mode=" + mode + ",eta=" + eta + ",steps=2,eps=0");
                }
            }
            out.add("remdm:mode=" + mode + ",eta=1/10,steps=2,top_p=1/2");
            if (!large(c)) {
                out.add("remdm:mode=" + mode + ",eta=1/10,steps=2,eps=1/1000,top_p=3/5");
                out.add("remdm:mode=" + mode + ",eta=1/2,steps=2");
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ the comparison

    private static final Map<String, java.util.function.Function<Case, List<String>>> PROFILES = new LinkedHashMap<>();

    static {
        PROFILES.put("mdlm", ProfileReferenceTest::mdlm);
        PROFILES.put("bernoulli", ProfileReferenceTest::bernoulli);
        PROFILES.put("dream-origin", ProfileReferenceTest::dreamOrigin);
        PROFILES.put("dream-topk", ProfileReferenceTest::dreamTopK);
        PROFILES.put("llada", ProfileReferenceTest::llada);
        PROFILES.put("fast-dllm", ProfileReferenceTest::fastDllm);
        PROFILES.put("eb", ProfileReferenceTest::eb);
        PROFILES.put("remdm", ProfileReferenceTest::remdm);
    }

    private static Stream<DynamicTest> cases(String profile) {
        List<DynamicTest> out = new ArrayList<>();
        for (Case c : laws()) {
            for (String spec : PROFILES.get(profile).apply(c)) {
                out.add(dynamicTest(spec + " on " + c, () -> compare(c, spec)));
            }
        }
        return out.stream();
    }

    @TestFactory
    Stream<DynamicTest> mdlmMatchesTheReference() {
        return cases("mdlm");
    }

    @TestFactory
    Stream<DynamicTest> bernoulliMatchesTheReference() {
        return cases("bernoulli");
    }

    @TestFactory
    Stream<DynamicTest> dreamOriginMatchesTheReference() {
        return cases("dream-origin");
    }

    @TestFactory
    Stream<DynamicTest> dreamTopKMatchesTheReference() {
        return cases("dream-topk");
    }

    @TestFactory
    Stream<DynamicTest> lladaMatchesTheReference() {
        return cases("llada");
    }

    @TestFactory
    Stream<DynamicTest> fastDllmMatchesTheReference() {
        return cases("fast-dllm");
    }

    @TestFactory
    Stream<DynamicTest> ebMatchesTheReference() {
        return cases("eb");
    }

    @TestFactory
    Stream<DynamicTest> remdmMatchesTheReference() {
        return cases("remdm");
    }

    static PredictiveRows rows(Case c) {
        Law law = c.build();
        MarginalLattice lat = MarginalLattice.of(law);
        return new PredictiveRows(lat, Predictors.parse(c.predictor(), lat));
    }

    /** Asserts that the engine and the reference agree on everything listed in the class comment. */
    static void compare(Case c, String spec) {
        PredictiveRows rows = rows(c);
        SequenceSpace sp = rows.lattice().law().space();
        ProcessLaw q = ProcessLaw.compute(rows, Samplers.parse(spec, sp.length(), Schedule.Convention.REVEAL));
        ProfileReference.Result ref = ProfileReference.compute(rows, spec);
        for (int x = 0; x < sp.size(); x++) {
            assertEquals(ref.law.getOrDefault(x, Rational.ZERO), q.law().probability(x), "output law at "
                    + sp.format(x));
        }
        int steps = ref.layers.size() - 1;
        assertEquals(steps, q.steps(), "number of steps");
        for (int j = 0; j <= steps; j++) {
            Map<Long, Rational> layer = ref.layers.get(j);
            for (int mask = 0; mask <= sp.fullMask(); mask++) {
                for (int values = 0; values < sp.power(Integer.bitCount(mask)); values++) {
                    assertEquals(layer.getOrDefault((long) mask << 32 | values, Rational.ZERO),
                            q.stateProbability(j, mask, values), "state law after step " + j + " at visible mask "
                                    + mask + ", values " + values);
                }
            }
            if (j >= 1) {
                assertEquals(new TreeMap<>(ref.revealed.get(j - 1)), q.revealedLaw(j), "revealed law of step " + j);
                assertEquals(ref.unchanged.get(j - 1), q.unchangedProbability(j), "unchanged probability of step " + j);
            }
        }
        assertEquals(ref.expectedSteps, q.expectedSteps(), "expected steps");
        assertEquals(ref.expectedCalls, q.expectedModelCalls(), "expected model calls");
    }
}
