package org.dlmexact.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.law.SequenceSpace;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.Entropies;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleTest {

    private static PredictiveRows optimalRows(Law law) {
        MarginalLattice lat = MarginalLattice.of(law);
        return new PredictiveRows(lat, Predictors.optimal(lat));
    }

    private static Rule rule(String text, int l) {
        return Rule.parse(text, l, Schedule.Convention.REVEAL);
    }

    /** The product of the one-position marginals of {@code law}, summed directly from its outcomes. */
    private static Rational[] productOfMarginals(Law law) {
        SequenceSpace sp = law.space();
        Rational[][] m = new Rational[sp.length()][sp.alphabetSize()];
        for (Rational[] row : m) {
            Arrays.fill(row, Rational.ZERO);
        }
        for (int idx = 0; idx < sp.size(); idx++) {
            int[] x = sp.outcome(idx);
            for (int i = 0; i < x.length; i++) {
                m[i][x[i]] = m[i][x[i]].add(law.probability(idx));
            }
        }
        Rational[] p = new Rational[sp.size()];
        for (int idx = 0; idx < sp.size(); idx++) {
            int[] x = sp.outcome(idx);
            p[idx] = Rational.ONE;
            for (int i = 0; i < x.length; i++) {
                p[idx] = p[idx].multiply(m[i][x[i]]);
            }
        }
        return p;
    }

    private static void assertLaw(Rational[] expected, Law actual) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual.probability(i), "outcome " + actual.space().format(i));
        }
    }

    // ---- entropy-sum thresholds

    @Test
    void thresholdZeroRevealsTheLowestEntropyPositionAlone() {
        Law law = Families.random(2, 4, 5); // every weight in 1..16: every conditional entropy is positive
        PredictiveRows rows = optimalRows(law);
        Rule r = rule("entropy-sum:0", 4);
        Entropies h = Entropies.of(law);
        int argmin = 0;
        for (int i = 1; i < 4; i++) {
            if (h.entropy(1 << i).compareTo(h.entropy(1 << argmin)) < 0) {
                argmin = i;
            }
        }
        assertEquals(1 << argmin, r.batch(rows, 0, 0));
        ProcessError e = ProcessError.compute(law, r, Predictors.optimal(law));
        assertEquals(Rational.of(4), e.expectedRounds());
        assertEquals(4, e.processLaw().steps());
        assertTrue(e.outputKL().value().isZero(), "one token per round from the true conditionals reproduces mu");
    }

    @Test
    void thresholdZeroTakesEveryZeroEntropyPositionTogether() {
        Law law = Families.parse("product:1,0;1/2,1/2;0,1");
        Rule r = rule("entropy-sum:0", 3);
        assertEquals(0b101, r.batch(optimalRows(law), 0, 0), "positions 0 and 2 have entropy exactly 0");
        assertEquals(Rational.of(2), ProcessError.compute(law, r, Predictors.optimal(law)).expectedRounds());
    }

    @TestFactory
    List<DynamicTest> hugeThresholdRevealsEverythingInOneRound() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String spec : new String[] {"random:2,3,1", "random:3,3,2", "parity:4", "repetition:3,3"}) {
            tests.add(DynamicTest.dynamicTest("law " + spec, () -> {
                Law law = Families.parse(spec);
                // L * V >= L ln V
                Rule r = rule("entropy-sum:" + law.length() * law.alphabetSize(), law.length());
                ProcessError e = ProcessError.compute(law, r, Predictors.optimal(law));
                assertEquals(Rational.ONE, e.expectedRounds());
                assertLaw(productOfMarginals(law), e.outputLaw());
            }));
        }
        return tests;
    }

    // ---- ties by position

    @Test
    void equalEntropiesAreTakenInPositionOrder() {
        Law law = Families.uniform(2, 3); // H = ln 2 everywhere
        PredictiveRows rows = optimalRows(law);
        assertEquals(0b001, rule("entropy-sum:1", 3).batch(rows, 0, 0), "ln 2 <= 1 < 2 ln 2");
        assertEquals(0b011, rule("entropy-sum:3/2", 3).batch(rows, 0, 0), "2 ln 2 <= 3/2 < 3 ln 2");
        assertEquals(0b010, rule("entropy-sum:1", 3).batch(rows, 0b001, 1));
        assertEquals(0b001, rule("top-probability:1,2", 3).batch(rows, 0, 0));
        assertEquals(0b110, rule("top-probability:1,2", 3).batch(rows, 0b001, 0));
        Law rep = Families.parse("repetition:2,3");
        assertEquals(0b011, rule("top-probability:2,1", 3).batch(optimalRows(rep), 0, 0));
    }

    @Test
    void lowerEntropyFirstThenTiesByPosition() {
        // H(X_2) = H(1/4) < ln 2 = H(X_0) = H(X_1); max probabilities 1/2, 1/2, 3/4
        Law law = Families.parse("product:1/2,1/2;1/2,1/2;1/4,3/4");
        PredictiveRows rows = optimalRows(law);
        assertEquals(0b100, rule("entropy-sum:1", 3).batch(rows, 0, 0), "H(1/4) + ln 2 > 1");
        assertEquals(0b101, rule("entropy-sum:3/2", 3).batch(rows, 0, 0), "H(1/4) + ln 2 <= 3/2");
        assertEquals(0b100, rule("entropy-sum:0", 3).batch(rows, 0, 0), "at least one token");
        assertEquals(0b101, rule("top-probability:2,1", 3).batch(rows, 0, 0));
        assertEquals(0b100, rule("top-probability:1,2", 3).batch(rows, 0, 0));
    }

    @Test
    void lowConfidenceKeepsTheMostProbableDrawsTiesByPosition() {
        Law law = Families.parse("product:1/2,1/2;1/3,2/3;1/4,3/4");
        PredictiveRows rows = optimalRows(law);
        Rule r = rule("low-confidence:1,2", 3);
        assertEquals(0b100, r.kept(rows, 0, 0, new int[] {0, 1, 1}), "3/4 > 2/3 > 1/2");
        assertEquals(0b001, r.kept(rows, 0, 0, new int[] {0, 0, 0}), "1/2 > 1/3 > 1/4");
        Law u = Families.uniform(2, 3);
        assertEquals(0b001, r.kept(optimalRows(u), 0, 0, new int[] {1, 0, 1}), "all 1/2: lowest position");
        assertEquals(0b110, r.kept(optimalRows(u), 0b001, 1, new int[] {1, 0, 1}));
    }

    // ---- low-confidence against a brute force written here

    @Test
    void lowConfidenceOneRoundIsTheProductOfMarginals() {
        for (String spec : new String[] {"random:2,3,1", "random:3,3,1", "parity:4", "pairs:4"}) {
            Law law = Families.parse(spec);
            ProcessLaw q = ProcessLaw.compute(optimalRows(law), rule("low-confidence:one-shot", law.length()));
            assertLaw(productOfMarginals(law), q.law());
        }
    }

    @TestFactory
    List<DynamicTest> lowConfidenceEqualsBruteForce() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String spec : new String[] {"random:2,3,1", "random:2,3,2", "random:3,2,1", "parity:3", "repetition:2,3",
            "random:2,4,3", "markov:4:3/4,1/4;1/3,2/3"}) {
            Law law = Families.parse(spec);
            for (Schedule s : Schedule.all(law.length())) {
                tests.add(DynamicTest.dynamicTest("law " + spec + ", sizes " + s, () -> {
                    Rational[] expected = new Rational[law.space().size()];
                    Arrays.fill(expected, Rational.ZERO);
                    int[] x = new int[law.length()];
                    brute(law, s.sizes(), 0, new boolean[law.length()], x, Rational.ONE, expected);
                    assertLaw(expected, ProcessLaw.compute(optimalRows(law), rule("low-confidence:" + s, law.length())).law());
                }));
            }
        }
        return tests;
    }

    /** P(X_i = a | X_j = x_j for visible j), summed over the law's outcomes; uniform when the context is null. */
    private static Rational conditional(Law law, boolean[] visible, int[] x, int i, int a) {
        Rational num = Rational.ZERO;
        Rational den = Rational.ZERO;
        for (int idx = 0; idx < law.space().size(); idx++) {
            int[] y = law.space().outcome(idx);
            boolean match = true;
            for (int j = 0; j < y.length; j++) {
                match &= !visible[j] || y[j] == x[j];
            }
            if (match) {
                den = den.add(law.probability(idx));
                if (y[i] == a) {
                    num = num.add(law.probability(idx));
                }
            }
        }
        return den.isZero() ? Rational.of(1, law.alphabetSize()) : num.divide(den);
    }

    private static void brute(Law law, int[] sizes, int round, boolean[] visible, int[] x, Rational q, Rational[] out) {
        int l = law.length();
        int v = law.alphabetSize();
        if (round == sizes.length) {
            out[law.space().index(x)] = out[law.space().index(x)].add(q);
            return;
        }
        List<Integer> masked = new ArrayList<>();
        for (int i = 0; i < l; i++) {
            if (!visible[i]) {
                masked.add(i);
            }
        }
        int m = masked.size();
        int count = (int) Math.pow(v, m);
        for (int code = 0; code < count; code++) {
            int[] y = x.clone();
            int rest = code;
            Rational p = Rational.ONE;
            Rational[] conf = new Rational[l];
            for (int n = m - 1; n >= 0; n--) {
                int i = masked.get(n);
                y[i] = rest % v;
                rest /= v;
                conf[i] = conditional(law, visible, x, i, y[i]);
                p = p.multiply(conf[i]);
            }
            if (p.isZero()) {
                continue;
            }
            List<Integer> order = new ArrayList<>(masked);
            order.sort((a, b) -> conf[b].compareTo(conf[a]) != 0 ? conf[b].compareTo(conf[a]) : Integer.compare(a, b));
            boolean[] vis = visible.clone();
            int[] nx = x.clone();
            for (int n = 0; n < sizes[round]; n++) {
                vis[order.get(n)] = true;
                nx[order.get(n)] = y[order.get(n)];
            }
            brute(law, sizes, round + 1, vis, nx, q.multiply(p), out);
        }
    }

    @Test
    void lowConfidenceIsNotTheRandomOrderSampler() {
        Law law = Families.random(2, 4, 1);
        ProcessError e = ProcessError.compute(law, rule("low-confidence:2,2", 4), Predictors.optimal(law),
                Schedule.of(4, 2, 2));
        ExactReal lc = e.outputKL().value();
        ExactReal ro = e.randomOrderOutputKL().orElseThrow().value();
        assertTrue(lc.compareTo(ro) != 0, lc + " vs " + ro);
        ExactReal sum = ExactReal.ZERO;
        for (ProcessError.Round r : e.rounds()) {
            sum = sum.add(r.contribution().orElseThrow().value());
            // the cumulative KL and the contribution are computed separately
            assertTrue(sum.equals(r.cumulativeKL().value()), "round " + r.round());
        }
        assertTrue(sum.equals(lc), "round contributions add up to the output KL");
    }

    /** The optimal predictor of the parity code, used for the uniform law, gives probability 0 to data tokens. */
    @Test
    void infiniteOnBothSidesOfTheIdentity() {
        Law uniform = Families.uniform(2, 3);
        Predictor parity = Predictors.optimal(Families.parity(3));
        for (String r : new String[] {"entropy-sum:0", "top-probability:1,1,1", "top-probability:2,1"}) {
            ProcessError e = ProcessError.compute(uniform, rule(r, 3), parity);
            assertTrue(e.outputKL().isInfinite(), r);
            assertTrue(e.roundSum().orElseThrow().isInfinite(), r);
            assertTrue(e.identityHolds(), r);
            int w = e.outputKL().witness().getAsInt();
            assertTrue(uniform.probability(w).signum() > 0 && e.outputLaw().probability(w).isZero(), r);
        }
        ProcessError one = ProcessError.compute(uniform, rule("top-probability:3", 3), parity);
        assertTrue(!one.outputKL().isInfinite(), "one round draws from the (uniform) marginals only");
    }

    @Test
    void outputLawsSumToOne() {
        Law law = Families.random(3, 3, 7);
        for (String r : new String[] {"entropy-sum:1/3", "top-probability:1,2", "low-confidence:2,1"}) {
            Law q = ProcessLaw.compute(optimalRows(law), rule(r, 3)).law();
            Rational t = Rational.ZERO;
            for (int i = 0; i < q.space().size(); i++) {
                t = t.add(q.probability(i));
            }
            assertEquals(Rational.ONE, t, r);
        }
    }

    // ---- parse errors, one each

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "entropy-sum:abc|rule.threshold",
        "entropy-sum:|rule.threshold",
        "entropy-sum:-1/2|rule.negative-threshold",
        "top-probability:2,2|schedule.bad-sum",
        "low-confidence:1,1|schedule.bad-sum",
        "top-probability:0,3|schedule.non-positive-part",
        "low-confidence:1,x,1|schedule.syntax",
        "low-confidence:all|rule.syntax",
        "greedy:1|rule.unknown",
        "entropy-sum|rule.unknown",
        "' '|rule.syntax",
    })
    void parseErrors(String text, String code) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> rule(text, 3));
        assertEquals(code, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("--rule"), e.getMessage());
    }

    @Test
    void canonicalTextAndForwardConvention() {
        assertEquals("entropy-sum:1/2", rule(" entropy-sum: 0.5 ", 3).toString());
        assertEquals("top-probability:2,1", rule("top-probability:balanced:2", 3).toString());
        assertEquals("low-confidence:1,2", Rule.parse("low-confidence:2,1", 3, Schedule.Convention.FORWARD).toString());
    }

    @Test
    void tooLargeIsRefusedWithTheEstimate() {
        Rule r = rule("low-confidence:ones", 14);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> r.checkSize(2));
        assertEquals("rule.too-large", e.code());
        assertTrue(e.getMessage().contains(r.work(2).toString()), e.getMessage());
    }

    @Test
    void wrongUseIsRefused() {
        Law law = Families.uniform(2, 3);
        PredictiveRows rows = optimalRows(law);
        assertThrows(IllegalStateException.class, () -> rule("low-confidence:3", 3).batch(rows, 0, 0));
        assertThrows(IllegalStateException.class, () -> rule("entropy-sum:1", 3).kept(rows, 0, 0, new int[3]));
        assertThrows(IllegalArgumentException.class, () -> rule("top-probability:2,1", 3).batch(rows, 0b001, 0),
                "one visible position is no round start of 2,1");
        assertThrows(IllegalArgumentException.class, () -> rule("entropy-sum:1", 3).batch(rows, 0b111, 0));
        assertThrows(IllegalArgumentException.class, () -> ProcessLaw.compute(rows, rule("top-probability:2,2", 4)));
        assertThrows(IllegalArgumentException.class, () -> rule("low-confidence:3", 3).kept(rows, 0, 0, new int[] {0, 2, 0}));
        assertThrows(IllegalArgumentException.class, () -> rule("entropy-sum:1", 3).work(1));
        assertThrows(IllegalArgumentException.class, () -> new ProcessSampler(rows, rule("low-confidence:2,2", 4)));
    }
    /** Each rule reports its own parameters and tie-break. */
    @Test
    void parametersAndTieBreaks() {
        Rational t = Rational.of(1, 3);
        Rule es = Rule.entropySum(t, 3);
        assertEquals(java.util.Optional.of(t), es.threshold());
        assertTrue(es.sizes().isEmpty());
        Schedule sizes = Schedule.of(3, 2, 1);
        Rule top = Rule.topProbability(sizes);
        Rule low = Rule.lowConfidence(sizes);
        assertEquals(java.util.Optional.of(sizes), top.sizes());
        assertTrue(top.threshold().isEmpty());
        assertTrue(low.threshold().isEmpty());
        // the tie-breaks of the class comment: lower position first, on entropy, maximum or drawn probability
        assertTrue(es.tieBreak().contains("entropy") && es.tieBreak().contains("lower position first"), es.tieBreak());
        assertTrue(top.tieBreak().contains("maximum") && top.tieBreak().contains("lower position first"), top.tieBreak());
        assertTrue(low.tieBreak().contains("drawn") && low.tieBreak().contains("lower position first"), low.tieBreak());
        assertFalse(top.tieBreak().contains("drawn"), top.tieBreak());
        assertFalse(low.tieBreak().contains("maximum"), low.tieBreak());
    }

    /** A name-less rule text names the empty rule. */
    @Test
    void emptyRuleNameIsUnknown() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> rule(":1/2", 3));
        assertEquals("rule.unknown", e.code());
        assertTrue(e.getMessage().contains("unknown rule ''"), e.getMessage());
    }

    /** Wrong uses of the fixed-size rules are refused with a message naming what is wrong. */
    @Test
    void wrongUseOfFixedSizesNamesTheProblem() {
        PredictiveRows rows = optimalRows(Families.uniform(2, 3));
        Rule top = rule("top-probability:2,1", 3);
        Rule low = rule("low-confidence:2,1", 3);
        IllegalStateException a = assertThrows(IllegalStateException.class, () -> low.batch(rows, 0, 0));
        assertTrue(a.getMessage().contains("use kept()"), a.getMessage());
        IllegalStateException b = assertThrows(IllegalStateException.class, () -> top.kept(rows, 0, 0, new int[3]));
        assertTrue(b.getMessage().contains("use batch()"), b.getMessage());
        for (Rule r : List.of(top, low)) {
            IllegalArgumentException full = assertThrows(IllegalArgumentException.class,
                    () -> call(r, rows, 0b111), r.toString());
            assertTrue(full.getMessage().contains("visible mask 7 is not a state with masked positions"),
                    full.getMessage());
            // sizes of length 2 for a law of length 3
            Rule shorter = rule(r.kind() == Rule.Kind.TOP_PROBABILITY ? "top-probability:1,1" : "low-confidence:1,1", 2);
            IllegalArgumentException len = assertThrows(IllegalArgumentException.class,
                    () -> call(shorter, rows, 0), shorter.toString());
            assertTrue(len.getMessage().contains("has length 2 but the law has length 3"), len.getMessage());
        }
        IllegalArgumentException drawn = assertThrows(IllegalArgumentException.class,
                () -> low.kept(rows, 0, 0, new int[] {0, 2, 0}));
        assertTrue(drawn.getMessage().contains("drawn token 2 at masked position 1 is outside 0..1"),
                drawn.getMessage());
    }

    private static int call(Rule r, PredictiveRows rows, int mask) {
        return r.deterministic() ? r.batch(rows, mask, 0) : r.kept(rows, mask, 0, new int[3]);
    }
}
