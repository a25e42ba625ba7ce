package org.dlmexact.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.dlmexact.exact.Rational;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.law.SequenceSpace;
import org.junit.jupiter.api.Test;

/**
 * Decision boundaries (SPEC section 10.4) predicted by hand on tiny laws, and the exact laws on
 * either side of them, also predicted by hand.
 */
class ProfileBoundariesTest {

    /** {@code x0 = x1} uniform, {@code x2} an independent uniform bit: the codewords (m0, m0, m1). */
    static final String CODE = "code:2:1,1,0;0,0,1";

    static ProcessLaw law(String lawSpec, String sampler) {
        Law law = Families.parse(lawSpec);
        MarginalLattice lat = MarginalLattice.of(law);
        return ProcessLaw.compute(new PredictiveRows(lat, Predictors.optimal(lat)),
                Samplers.parse(sampler, law.length(), Schedule.Convention.REVEAL));
    }

    /** A boundary as {@code step S, visible [..] = [..]: KIND [..]}, values decoded by hand (V = 2). */
    static String text(SequenceSpace sp, Boundary b) {
        List<Integer> pos = new ArrayList<>();
        List<Integer> pts = new ArrayList<>();
        for (int i = 0; i < sp.length(); i++) {
            if ((b.visibleMask() & (1 << i)) != 0) {
                pos.add(i);
            }
            if ((b.positions() & (1 << i)) != 0) {
                pts.add(i);
            }
        }
        List<Integer> val = new ArrayList<>();
        for (int n = 0; n < pos.size(); n++) {
            val.add((b.valuesIndex() >> (pos.size() - 1 - n)) & 1);
        }
        return "step " + b.step() + ", visible " + pos + " = " + val + ": " + b.kind() + " " + pts;
    }

    static List<String> texts(ProcessLaw q) {
        SequenceSpace sp = q.law().space();
        return q.boundaries().stream().map(b -> text(sp, b)).collect(Collectors.toList());
    }

    static Rational[] probabilities(ProcessLaw q) {
        Rational[] p = new Rational[q.law().space().size()];
        for (int x = 0; x < p.length; x++) {
            p[x] = q.law().probability(x);
        }
        return p;
    }

    static Rational[] r(String... s) {
        return RowsTest.r(s);
    }

    /**
     * EB with gamma = 1 on the code law: every position has entropy ln 2; the first is revealed, the
     * second too (ln 2 <= 1), the third not (2 ln 2 > 1), so two of three equal entropies are taken:
     * one tie of [0, 1, 2] at step 1 and nothing else (then one position is left). Lowest reveals
     * {0, 1}, drawn independently, so the output is uniform on the 8 outcomes (the third bit from the
     * uniform row of a context the data cannot produce, or its true conditional); highest reveals
     * {1, 2}, independent in the data, and then x0 = x1: the data law; uniform takes each pair with
     * probability 1/3: 1/3 uniform + 2/3 data law = 5/24 on codewords, 1/24 elsewhere.
     */
    @Test
    void ebTieOfThreeEqualEntropies() {
        ProcessLaw lo = law(CODE, "eb:gamma=1");
        assertEquals(List.of("step 1, visible [] = []: tie [0, 1, 2]"), texts(lo));
        assertEquals("equal entropy", lo.boundaries().first().what());
        assertEquals(1, lo.boundaryCount());
        String e = "1/8";
        org.junit.jupiter.api.Assertions.assertArrayEquals(r(e, e, e, e, e, e, e, e), probabilities(lo));
        ProcessLaw hi = law(CODE, "eb:gamma=1,ties=highest");
        assertEquals(texts(lo), texts(hi));
        // outcomes in lexicographic order 000, 001, ..., 111; codewords 000, 001, 110, 111
        org.junit.jupiter.api.Assertions.assertArrayEquals(r("1/4", "1/4", "0", "0", "0", "0", "1/4", "1/4"),
                probabilities(hi));
        ProcessLaw un = law(CODE, "eb:gamma=1,ties=uniform");
        org.junit.jupiter.api.Assertions.assertArrayEquals(r("5/24", "5/24", "1/24", "1/24", "1/24", "1/24", "5/24",
                "5/24"), probabilities(un));
        assertNotEquals(lo.law(), hi.law());
    }

    /**
     * Fast-dLLM with threshold 1/2 on repetition:2,2: both rows are (1/2, 1/2), so every drawn token
     * has confidence exactly 1/2. Inclusive: both pass, both are revealed at once, independently:
     * uniform on 4 outcomes; one threshold boundary of [0, 1] at step 1. Exclusive: none passes, the
     * most confident one is revealed (a tie of [0, 1], lowest: position 0), then x1 from its
     * conditional (x1 = x0, confidence 1): the data law; boundaries: the threshold and the tie.
     */
    @Test
    void fastDllmThresholdEqualToAConditional() {
        ProcessLaw in = law("repetition:2,2", "fast-dllm:threshold=1/2");
        assertEquals(List.of("step 1, visible [] = []: threshold [0, 1]"), texts(in));
        assertEquals("confidence = threshold 1/2", in.boundaries().first().what());
        org.junit.jupiter.api.Assertions.assertArrayEquals(r("1/4", "1/4", "1/4", "1/4"), probabilities(in));
        ProcessLaw ex = law("repetition:2,2", "fast-dllm:threshold=1/2,boundary=exclusive");
        assertEquals(List.of("step 1, visible [] = []: tie [0, 1]", "step 1, visible [] = []: threshold [0, 1]"),
                texts(ex));
        org.junit.jupiter.api.Assertions.assertArrayEquals(r("1/2", "0", "0", "1/2"), probabilities(ex));
        assertEquals(Rational.ONE, in.expectedSteps());
        assertEquals(Rational.of(2), ex.expectedSteps());
    }

    /**
     * LLaDA at temperature 0 on uniform:2,3, one position per step: every row is (1/2, 1/2), so every
     * argmax is a tie of the token (reported at each masked position) and the lowest token 0 is taken;
     * every ranking of the maxima 1/2 is a tie across the cut. Lowest: position 0, then 1, then 2, with
     * states [] , [0] = [0], [0, 1] = [0, 0]; highest: 2, then 1, then 0. Both output 000.
     */
    @Test
    void lladaArgmaxTiesAlongOnePath() {
        ProcessLaw lo = law("uniform:2,3", "llada:steps=3,temperature=0");
        assertEquals(List.of(
                "step 1, visible [] = []: tie [0]", "step 1, visible [] = []: tie [1]", "step 1, visible [] = []: tie [2]",
                "step 1, visible [] = []: tie [0, 1, 2]",
                "step 2, visible [0] = [0]: tie [1]", "step 2, visible [0] = [0]: tie [2]",
                "step 2, visible [0] = [0]: tie [1, 2]",
                "step 3, visible [0, 1] = [0, 0]: tie [2]"), texts(lo));
        assertEquals(Rational.ONE, lo.law().probability(0));
        ProcessLaw hi = law("uniform:2,3", "llada:steps=3,temperature=0,ties=highest");
        assertEquals(List.of(
                "step 1, visible [] = []: tie [0]", "step 1, visible [] = []: tie [1]", "step 1, visible [] = []: tie [2]",
                "step 1, visible [] = []: tie [0, 1, 2]",
                "step 2, visible [2] = [0]: tie [0]", "step 2, visible [2] = [0]: tie [1]",
                "step 2, visible [2] = [0]: tie [0, 1]",
                "step 3, visible [1, 2] = [0, 0]: tie [0]"), texts(hi));
        assertEquals(Rational.ONE, hi.law().probability(0));
    }

    /**
     * MDLM with one step and eps = 1/2 on uniform:2,1: step 1 reveals the position with probability
     * 1/2 (a uniform token); otherwise the final argmax of (1/2, 1/2) is a tie, decided as token 0: the
     * law (3/4, 1/4), and one boundary at step 2 from the all-mask state.
     */
    @Test
    void mdlmFinalArgmaxTie() {
        ProcessLaw q = law("uniform:2,1", "mdlm:steps=1,eps=1/2");
        assertEquals(List.of("step 2, visible [] = []: tie [0]"), texts(q));
        org.junit.jupiter.api.Assertions.assertArrayEquals(r("3/4", "1/4"), probabilities(q));
        ProcessLaw s = law("uniform:2,1", "mdlm:steps=1,eps=1/2,final=sample");
        assertEquals(List.of(), texts(s));
        org.junit.jupiter.api.Assertions.assertArrayEquals(r("1/2", "1/2"), probabilities(s));
    }

    /**
     * A product law with distinct marginals (1/5, 4/5), (2/7, 5/7), (1/11, 10/11): every row is a
     * marginal (tempered at 1/2: (1/17, 16/17), (4/29, 25/29), (1/101, 100/101)), so no two positions
     * share an entropy, a maximum, a margin or a drawn token's probability, no probability equals a
     * threshold of the families (1/2, 3/4, 9/10, and 2/3, 3/4, 5/6, 7/8 of the factors 1 and 1/2), and
     * no sum of positive entropies is rational: no boundary at all.
     */
    @Test
    void aTieFreeLawHasNone() {
        String mu = "product:1/5,4/5;2/7,5/7;1/11,10/11";
        for (String s : ProfileIdentitiesTest.tieFamilies(3)) {
            for (String t : new String[] {"lowest", "highest", "uniform"}) {
                ProcessLaw q = law(mu, String.format(s, t));
                assertEquals(0, q.boundaryCount(), q.sampler().spec() + ": " + q.boundaries());
            }
        }
        for (String s : ProfileIdentitiesTest.thresholdFamilies()) {
            for (String t : new String[] {"inclusive", "exclusive"}) {
                ProcessLaw q = law(mu, String.format(s, t));
                assertEquals(0, q.boundaryCount(), q.sampler().spec() + ": " + q.boundaries());
            }
        }
        ProcessLaw q = law(mu, "dream:alg=maskgit_plus,steps=3,temperature=1/2,ties=highest");
        assertTrue(q.boundaries().isEmpty());
    }

    /**
     * Equality with a threshold is a boundary only where it decides the step. One masked position
     * (the last of every run) is revealed whatever its confidence; so is a block of two under the
     * factor rule (the rule's {@code top_i == m - 1} quirk reveals both whether the second passes or
     * not). uniform:2,2 with threshold 1/2: step 1 is a boundary (both pass, or none and then one),
     * step 2 is not. uniform:2,2 with factor 3/2 (second threshold 1 - (3/2)/3 = 1/2): none.
     * uniform:2,3 with factor 3/2: inclusive passes the second (1/2 >= 1/2) and fails the third
     * (1/2 < 5/8), the quirk reveals all three; exclusive fails the second and reveals one: a
     * boundary of the three positions, and for exclusive a tie of three for one place.
     */
    @Test
    void thresholdEqualityIsABoundaryOnlyWhereItDecides() {
        assertEquals(List.of(), texts(law("uniform:2,1", "fast-dllm:threshold=1/2")));
        assertEquals(List.of("step 1, visible [] = []: threshold [0, 1]"),
                texts(law("uniform:2,2", "fast-dllm:threshold=1/2")));
        assertEquals(List.of(), texts(law("uniform:2,2", "fast-dllm:factor=3/2")));
        assertEquals(List.of(), texts(law("uniform:2,2", "fast-dllm:factor=3/2,boundary=exclusive")));
        ProcessLaw in = law("uniform:2,3", "fast-dllm:factor=3/2");
        assertEquals(List.of("step 1, visible [] = []: threshold [0, 1, 2]"), texts(in));
        assertEquals("confidence = 1 - factor/3 = 1/2", in.boundaries().first().what());
        assertEquals(Rational.ONE, in.expectedSteps());
        ProcessLaw ex = law("uniform:2,3", "fast-dllm:factor=3/2,boundary=exclusive");
        assertEquals("step 1, visible [] = []: tie [0, 1, 2]", texts(ex).get(0));
        assertEquals("step 1, visible [] = []: threshold [0, 1, 2]", texts(ex).get(1));
    }

    /**
     * EB with gamma = 0 on repetition:2,3: step 1 ranks three entropies ln 2 and reveals the first
     * (the second's preceding sum ln 2 exceeds 0): a tie of [0, 1, 2]. Then the two masked positions
     * have entropy 0, the second's preceding sum is exactly 0 = gamma: a threshold boundary of [1, 2].
     * Inclusive reveals both (2 steps); exclusive one, a tie of [1, 2] for that place, and the last at
     * step 3 (no comparison is left). Both sample the data law (the tokens are determined).
     */
    @Test
    void ebEntropySumEqualToGamma() {
        ProcessLaw in = law("repetition:2,3", "eb:gamma=0");
        assertEquals(List.of("step 1, visible [] = []: tie [0, 1, 2]",
                "step 2, visible [0] = [0]: threshold [1, 2]", "step 2, visible [0] = [1]: threshold [1, 2]"), texts(in));
        assertEquals("entropy sum = threshold 0", in.boundaries().last().what());
        assertEquals(Rational.of(2), in.expectedSteps());
        ProcessLaw ex = law("repetition:2,3", "eb:gamma=0,boundary=exclusive");
        assertEquals(List.of("step 1, visible [] = []: tie [0, 1, 2]",
                "step 2, visible [0] = [0]: tie [1, 2]", "step 2, visible [0] = [0]: threshold [1, 2]",
                "step 2, visible [0] = [1]: tie [1, 2]", "step 2, visible [0] = [1]: threshold [1, 2]"), texts(ex));
        assertEquals(Rational.of(3), ex.expectedSteps());
        assertEquals(in.law(), ex.law());
        assertEquals(Families.parse("repetition:2,3"), in.law());
    }

    /**
     * Dream's top-k ranks by its confidence and names it at a tie: on {@code uniform:2,3} with 3 steps
     * (eps 1/1000) step 2 keeps {@code floor(3 (1 - t_2/t_1)) = 1} of three masked positions whose
     * confidences are all equal, a tie of positions 0, 1 and 2.
     */
    @Test
    void dreamNamesTheConfidenceOfItsTies() {
        for (String[] c : new String[][] {{"entropy", "equal entropy"}, {"topk_margin", "equal margin"},
                {"maskgit_plus", "equal maximum probability"}}) {
            ProcessLaw q = law("uniform:2,3", "dream:alg=" + c[0] + ",steps=3,temperature=0");
            // (temperature 0 also reports the argmax's tied tokens, at single positions)
            assertTrue(q.boundaries().stream().anyMatch(x -> x.kind() == Boundary.Kind.TIE && x.step() == 2
                    && x.positions() == 7 && x.what().equals(c[1])), c[0] + ": " + q.boundaries());
        }
    }

    /**
     * Fast-dLLM's factor rule compares the {@code n}-th largest confidence (0-based) with
     * {@code 1 - f/(n + 2)}: with {@code factor=1} and confidences 19/20, 9/10, 3/4, 2/3 (positions 0 to 3
     * of a product law), the second passes {@code 2/3} strictly, the third equals {@code 3/4} and the
     * fourth fails {@code 4/5}: keeping 4 (inclusive) or 2 (exclusive) is decided at position 2.
     */
    @Test
    void fastDllmFactorBoundaryAfterAStrictPass() {
        ProcessLaw q = law("product:1/20,19/20;1/10,9/10;1/4,3/4;1/3,2/3", "fast-dllm:factor=1");
        assertTrue(q.boundaries().stream().anyMatch(x -> x.step() == 1 && x.visibleMask() == 0
                && x.kind() == Boundary.Kind.THRESHOLD && x.positions() == 4
                && x.what().equals("confidence = 1 - factor/4 = 3/4")), q.boundaries().toString());
    }
}
