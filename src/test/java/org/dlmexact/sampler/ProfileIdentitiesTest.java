package org.dlmexact.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.dlmexact.exact.Rational;
import org.dlmexact.law.Law;
import org.dlmexact.law.SequenceSpace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Exact identities between samplers that the theory (or the definitions of SPEC section 10.3) forces,
 * each checked as equality of exact laws over the law corpus of {@link ProfileReferenceTest}
 * (smallest laws first):
 * <ul>
 *   <li>LLaDA with one block is the random-order sampler with {@code balanced:N}
 *       ({@code remasking=random}) and the rule {@code low-confidence:balanced:N}
 *       ({@code low_confidence}, temperature 1, each tie-break), state law by state law;</li>
 *   <li>one-step samplers and samplers that reveal everything at once are {@code random-order:one-shot};</li>
 *   <li>a Bernoulli grid reaching {@code alpha = 1} never uses its final step;</li>
 *   <li>{@code mdlm} is {@code bernoulli} on its own grid; {@code remdm} with {@code eta = 0} is
 *       {@code mdlm}; {@code remdm} cap and rescale agree at {@code eta = 1};</li>
 *   <li>for {@code V = 2}, Dream's {@code topk_margin} and {@code entropy} rank identically, and at
 *       temperature 0 so does {@code maskgit_plus};</li>
 *   <li>Fast-dLLM with {@code threshold=1,boundary=exclusive} reveals the one most confident position
 *       per step: LLaDA with one step per position, block by block;</li>
 *   <li>one position at a time, chosen by the state (or independently of the tokens), with tokens from
 *       the optimal predictor, samples the data law itself; so does {@code eb:gamma=0} (every batch has
 *       entropy gap 0, so conditional total correlation 0);</li>
 *   <li>tie-breaks and threshold inclusion change the law only where a decision boundary is reported
 *       (so a law without boundaries gives one law for every {@code ties} and {@code boundary}), and on
 *       a law symmetric under reversing the positions, {@code ties=highest} is the mirror image of
 *       {@code ties=lowest} and {@code ties=uniform} is symmetric.</li>
 * </ul>
 */
class ProfileIdentitiesTest {

    static ProcessLaw law(ProfileReferenceTest.Case c, String spec) {
        PredictiveRows rows = ProfileReferenceTest.rows(c);
        return ProcessLaw.compute(rows, Samplers.parse(spec, c.build().length(), Schedule.Convention.REVEAL));
    }

    /** The corpus laws with at most {@code maxOutcomes} outcomes and the optimal predictor, smallest first. */
    static List<ProfileReferenceTest.Case> corpus(int maxOutcomes) {
        List<ProfileReferenceTest.Case> out = new ArrayList<>();
        for (ProfileReferenceTest.Case c : ProfileReferenceTest.laws()) {
            if (c.size() <= maxOutcomes && c.predictor().equals("optimal")) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * Equal output laws and, with {@code states}, equal laws of the state after {@code min(j, steps)}
     * steps for every {@code j} up to the longer programme (a final step that changes nothing keeps
     * the last state law).
     */
    static void assertSameProcess(ProcessLaw a, ProcessLaw b, boolean states) {
        SequenceSpace sp = a.law().space();
        for (int x = 0; x < sp.size(); x++) {
            assertEquals(a.law().probability(x), b.law().probability(x), "output law at " + sp.format(x) + ": "
                    + a.sampler().spec() + " vs " + b.sampler().spec());
        }
        if (!states) {
            return;
        }
        for (int j = 0; j <= Math.max(a.steps(), b.steps()); j++) {
            for (int mask = 0; mask <= sp.fullMask(); mask++) {
                for (int v = 0; v < sp.power(Integer.bitCount(mask)); v++) {
                    assertEquals(a.stateProbability(j, mask, v), b.stateProbability(j, mask, v), "state after step "
                            + j + ", mask " + mask + ", values " + v);
                }
            }
        }
    }

    /** One dynamic test per corpus law and per pair of samplers given by {@code pairs}. */
    private static Stream<DynamicTest> pairs(int maxOutcomes, boolean states,
                                             Function<ProfileReferenceTest.Case, List<String[]>> pairs) {
        List<DynamicTest> out = new ArrayList<>();
        for (ProfileReferenceTest.Case c : corpus(maxOutcomes)) {
            for (String[] p : pairs.apply(c)) {
                out.add(dynamicTest(p[0] + " = " + p[1] + " on " + c,
                        () -> assertSameProcess(law(c, p[0]), law(c, p[1]), states)));
            }
        }
        return out.stream();
    }

    private static int length(ProfileReferenceTest.Case c) {
        return c.build().length();
    }

    @TestFactory
    Stream<DynamicTest> lladaOneBlockIsTheRandomOrderSamplerAndTheLowConfidenceRule() {
        return pairs(27, true, c -> {
            List<String[]> r = new ArrayList<>();
            for (int n = 1; n <= length(c); n++) {
                r.add(new String[] {"llada:steps=" + n + ",remasking=random", "random-order:balanced:" + n});
                for (String ties : new String[] {"lowest", "highest", "uniform"}) {
                    if (n == 4 && !ties.equals("lowest")) {
                        continue;
                    }
                    r.add(new String[] {"llada:steps=" + n + ",ties=" + ties, "low-confidence:balanced:" + n + ",ties="
                            + ties});
                }
            }
            return r;
        });
    }

    @TestFactory
    Stream<DynamicTest> samplersThatRevealEverythingAtOnceAreOneShot() {
        return pairs(27, true, c -> {
            int l = length(c);
            List<String[]> r = new ArrayList<>();
            for (String s : new String[] {"dream:alg=origin,steps=1", "dream:alg=origin,steps=1,eps=1/2",
                "dream:alg=maskgit_plus,steps=1", "dream:alg=topk_margin,steps=1,ties=highest",
                "dream:alg=entropy,steps=1,ties=uniform", "llada:steps=1", "llada:steps=1,remasking=random",
                "bernoulli:alphas=0;1", "fast-dllm:threshold=0", "fast-dllm:threshold=0,boundary=exclusive",
                "eb:gamma=" + (l * 2L * c.build().alphabetSize()), "remdm:mode=cap,eta=0,steps=1,eps=0"}) {
                r.add(new String[] {s, "random-order:one-shot"});
            }
            // one step with eps = 0 reveals everything at step 1; the final step then does nothing
            r.add(new String[] {"mdlm:steps=1,eps=0", "random-order:one-shot"});
            return r;
        });
    }

    @TestFactory
    Stream<DynamicTest> aBernoulliGridReachingOneNeverUsesItsFinalStep() {
        List<DynamicTest> out = new ArrayList<>();
        for (ProfileReferenceTest.Case c : corpus(27)) {
            for (String g : new String[] {"0;1", "0;1/2;1", "1/3;1", "0;1;1", "0;1/4;3/4;1"}) {
                out.add(dynamicTest("bernoulli:alphas=" + g + " on " + c, () -> {
                    ProcessLaw a = law(c, "bernoulli:alphas=" + g);
                    ProcessLaw s = law(c, "bernoulli:alphas=" + g + ",final=sample");
                    assertSameProcess(a, s, true);
                    int fin = a.steps();
                    assertEquals(Map.of(0, Rational.ONE), a.revealedLaw(fin), "the final step reveals nothing");
                    assertEquals(Rational.ONE, a.unchangedProbability(fin));
                    assertEquals(Rational.ZERO, a.activeProbability(fin), "no masked position before the final step");
                }));
            }
            for (String e : new String[] {"0"}) {
                out.add(dynamicTest("mdlm:steps=2,eps=" + e + " final argmax = sample on " + c, () ->
                        assertSameProcess(law(c, "mdlm:steps=2,eps=" + e), law(c, "mdlm:steps=2,eps=" + e
                                + ",final=sample"), true)));
            }
        }
        return out.stream();
    }

    @TestFactory
    Stream<DynamicTest> mdlmIsBernoulliOnItsGridAndRemdmWithoutRemaskingIsMdlm() {
        List<DynamicTest> out = new ArrayList<>();
        for (ProfileReferenceTest.Case c : corpus(16)) {
            for (int n = 1; n <= 3; n++) {
                for (String e : new String[] {"0", "1/1000", "1/2"}) {
                    Rational eps = Rational.parse(e);
                    StringBuilder g = new StringBuilder();
                    for (int i = 0; i <= n; i++) {
                        g.append(i == 0 ? "" : ";").append(Rational.ONE.subtract(eps).multiply(i).divide(n));
                    }
                    String mdlm = "mdlm:steps=" + n + ",eps=" + e;
                    int steps = n;
                    out.add(dynamicTest(mdlm + " = bernoulli, = remdm eta=0, calls too, on " + c, () -> {
                        ProcessLaw m = law(c, mdlm);
                        ProcessLaw b = law(c, "bernoulli:alphas=" + g + ",cache=true");
                        assertSameProcess(m, b, true);
                        assertEquals(m.expectedModelCalls(), b.expectedModelCalls());
                        for (String mode : new String[] {"cap", "rescale"}) {
                            ProcessLaw r = law(c, "remdm:mode=" + mode + ",eta=0,steps=" + steps + ",eps=" + e);
                            assertSameProcess(m, r, true);
                            assertEquals(m.expectedModelCalls(), r.expectedModelCalls(), "model calls");
                            assertEquals(m.expectedSteps(), r.expectedSteps(), "expected steps");
                        }
                        // eta = 1: min(1, r) for cap and 1 * min(1, r) for rescale
                        assertSameProcess(law(c, "remdm:mode=cap,eta=1,steps=" + steps + ",eps=" + e),
                                law(c, "remdm:mode=rescale,eta=1,steps=" + steps + ",eps=" + e), true);
                    }));
                }
            }
        }
        return out.stream();
    }

    @TestFactory
    Stream<DynamicTest> forTwoSymbolsMarginAndEntropyRankAlike() {
        List<DynamicTest> out = new ArrayList<>();
        for (ProfileReferenceTest.Case c : corpus(16)) {
            if (c.build().alphabetSize() != 2) {
                continue;
            }
            for (String keys : new String[] {"steps=2", "steps=3,ties=highest", "steps=3,eps=1/2,ties=uniform",
                "steps=4,temperature=1/2", "steps=3,top_p=1/2", "steps=2,temperature=0"}) {
                out.add(dynamicTest("dream topk_margin = entropy, " + keys + " on " + c, () -> {
                    ProcessLaw m = law(c, "dream:alg=topk_margin," + keys);
                    assertSameProcess(m, law(c, "dream:alg=entropy," + keys), true);
                    if (keys.contains("temperature=0")) {
                        // the maximum probability p and the margin 2p - 1 order positions alike
                        assertSameProcess(m, law(c, "dream:alg=maskgit_plus," + keys), true);
                    }
                }));
            }
        }
        return out.stream();
    }

    @TestFactory
    Stream<DynamicTest> fastDllmAtThresholdOneExclusiveIsLladaOneTokenPerStep() {
        return pairs(16, true, c -> {
            int l = length(c);
            List<String[]> r = new ArrayList<>();
            for (int b = 1; b <= l; b++) {
                if (l % b != 0) {
                    continue;
                }
                for (String keys : new String[] {"", ",ties=highest", ",temperature=0", ",temperature=1/2,ties=uniform"}) {
                    if (keys.contains("uniform") && c.size() > 9) {
                        continue;
                    }
                    r.add(new String[] {"fast-dllm:threshold=1,boundary=exclusive,block=" + b + keys,
                        "llada:steps=" + l + ",block=" + b + keys});
                }
            }
            return r;
        });
    }

    @TestFactory
    Stream<DynamicTest> oneTrueConditionalAtATimeSamplesTheDataLaw() {
        List<DynamicTest> out = new ArrayList<>();
        for (ProfileReferenceTest.Case c : corpus(27)) {
            int l = length(c);
            List<String> specs = new ArrayList<>(List.of("llada:steps=" + l + ",block=1", "llada:steps=" + l
                    + ",block=1,ties=highest", "llada:steps=" + l + ",remasking=random", "fast-dllm:threshold=1/2,block=1",
                    "fast-dllm:factor=1,block=1", "eb:gamma=0", "eb:gamma=0,ties=highest",
                    "eb:gamma=0,boundary=exclusive"));
            for (String s : specs) {
                out.add(dynamicTest(s + " samples the data law " + c, () -> {
                    Law mu = c.build();
                    ProcessLaw q = law(c, s);
                    for (int x = 0; x < mu.space().size(); x++) {
                        assertEquals(mu.probability(x), q.law().probability(x), "at " + mu.space().format(x));
                    }
                }));
            }
        }
        return out.stream();
    }

    // ---------------------------------------------------------------- ties and thresholds

    /** Samplers with a {@code ties} key, as texts with {@code %s} for the tie-break. */
    static List<String> tieFamilies(int l) {
        return List.of("dream:alg=maskgit_plus,steps=3,ties=%s", "dream:alg=topk_margin,steps=2,ties=%s",
                "dream:alg=entropy,steps=3,temperature=1/2,ties=%s", "dream:alg=maskgit_plus,steps=2,temperature=0,ties=%s",
                "llada:steps=" + Math.min(l, 3) + ",ties=%s", "llada:steps=" + l + ",temperature=0,ties=%s",
                "fast-dllm:threshold=3/4,ties=%s", "fast-dllm:factor=1,ties=%s", "eb:gamma=1/2,ties=%s",
                "eb:gamma=0,temperature=0,ties=%s");
    }

    /** Samplers with a {@code boundary} key, as texts with {@code %s} for the inclusion. */
    static List<String> thresholdFamilies() {
        return List.of("fast-dllm:threshold=1/2,boundary=%s", "fast-dllm:threshold=9/10,boundary=%s",
                "fast-dllm:threshold=3/4,temperature=0,boundary=%s", "fast-dllm:factor=1,boundary=%s",
                "fast-dllm:factor=1/2,boundary=%s", "eb:gamma=0,boundary=%s", "eb:gamma=1,boundary=%s");
    }

    private static final AtomicInteger TIES_MATTER = new AtomicInteger();
    private static final AtomicInteger TIE_FREE = new AtomicInteger();
    private static final AtomicInteger THRESHOLDS_MATTER = new AtomicInteger();

    @AfterAll
    static void bothSidesOccur() {
        // the boundary tests are not vacuous: each side of each implication happens in the corpus
        assertTrue(TIES_MATTER.get() > 0 && TIE_FREE.get() > 0 && THRESHOLDS_MATTER.get() > 0,
                "ties matter in " + TIES_MATTER + " cases, none in " + TIE_FREE + ", thresholds matter in "
                        + THRESHOLDS_MATTER);
    }

    @TestFactory
    Stream<DynamicTest> tieBreaksChangeTheLawOnlyAtReportedTies() {
        List<DynamicTest> out = new ArrayList<>();
        for (ProfileReferenceTest.Case c : corpus(16)) {
            for (String f : tieFamilies(length(c))) {
                out.add(dynamicTest(f + " on " + c, () -> {
                    ProcessLaw lo = law(c, String.format(f, "lowest"));
                    ProcessLaw hi = law(c, String.format(f, "highest"));
                    ProcessLaw un = law(c, String.format(f, "uniform"));
                    boolean ties = lo.boundaries().stream().anyMatch(b -> b.kind() == Boundary.Kind.TIE);
                    if (!ties) {
                        TIE_FREE.incrementAndGet();
                        assertSameProcess(lo, hi, true);
                        assertSameProcess(lo, un, true);
                        assertEquals(0, hi.boundaries().stream().filter(b -> b.kind() == Boundary.Kind.TIE).count());
                    } else if (!lo.law().equals(hi.law())) {
                        TIES_MATTER.incrementAndGet();
                    }
                    if (!lo.law().equals(hi.law()) || !lo.law().equals(un.law())) {
                        assertTrue(ties, "the tie-break changed the law, but no tie was reported");
                    }
                }));
            }
        }
        return out.stream();
    }

    @TestFactory
    Stream<DynamicTest> thresholdInclusionChangesTheLawOnlyAtReportedEqualities() {
        List<DynamicTest> out = new ArrayList<>();
        for (ProfileReferenceTest.Case c : corpus(16)) {
            for (String f : thresholdFamilies()) {
                out.add(dynamicTest(f + " on " + c, () -> {
                    ProcessLaw in = law(c, String.format(f, "inclusive"));
                    ProcessLaw ex = law(c, String.format(f, "exclusive"));
                    boolean eq = in.boundaries().stream().anyMatch(b -> b.kind() == Boundary.Kind.THRESHOLD);
                    if (!eq) {
                        assertSameProcess(in, ex, true);
                    } else if (!in.law().equals(ex.law())) {
                        THRESHOLDS_MATTER.incrementAndGet();
                    }
                    if (!in.law().equals(ex.law())) {
                        assertTrue(eq, "inclusion changed the law, but no threshold equality was reported");
                    }
                }));
            }
        }
        return out.stream();
    }

    /** The reversal of the positions of outcome {@code x}. */
    static int reverse(SequenceSpace sp, int x) {
        int[] o = sp.outcome(x);
        int[] r = new int[o.length];
        for (int i = 0; i < o.length; i++) {
            r[i] = o[o.length - 1 - i];
        }
        return sp.index(r);
    }

    @TestFactory
    Stream<DynamicTest> onAMirrorSymmetricLawHighestMirrorsLowestAndUniformIsSymmetric() {
        List<DynamicTest> out = new ArrayList<>();
        for (ProfileReferenceTest.Case c : corpus(16)) {
            Law mu = c.build();
            SequenceSpace sp = mu.space();
            boolean symmetric = true;
            for (int x = 0; x < sp.size(); x++) {
                symmetric &= mu.probability(x).equals(mu.probability(reverse(sp, x)));
            }
            if (!symmetric || mu.length() < 2) {
                continue;
            }
            // one block: every sampler below treats positions alike up to the tie-break
            for (String f : tieFamilies(mu.length())) {
                out.add(dynamicTest(f + " on " + c, () -> {
                    Law lo = law(c, String.format(f, "lowest")).law();
                    Law hi = law(c, String.format(f, "highest")).law();
                    Law un = law(c, String.format(f, "uniform")).law();
                    for (int x = 0; x < sp.size(); x++) {
                        assertEquals(lo.probability(x), hi.probability(reverse(sp, x)), "highest mirrors lowest at "
                                + sp.format(x));
                        assertEquals(un.probability(x), un.probability(reverse(sp, x)), "uniform is symmetric at "
                                + sp.format(x));
                    }
                }));
            }
        }
        assertFalse(out.isEmpty());
        return out.stream();
    }
}
