package org.dlmexact.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.law.LawEnumerator;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.Divergence;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Small-scope properties of the adaptive rules, in increasing size: for every support of
 * {@code {0,1}^L}, {@code L <= 3}, up to symmetry (uniform on the support: many exactly equal
 * entropies), the small laws of {@link SamplerCases} for {@code L <= 4}, {@code V = 2, 3}, and
 * seeded random laws (seed in the name), with the optimal predictor and {@code smoothed:1/3}:
 * <ul>
 *   <li>the output law sums to exactly 1 and is built from the rule's own path;</li>
 *   <li>for {@code entropy-sum} (thresholds 0, 1/2, 1, 2 and 10^6) and {@code top-probability}
 *       (every composition of L): {@code KL(mu || Q_pi)} equals the sum over rounds of the
 *       data-path terms {@code E_mu[TC(X_B | x_S)] + E_mu[sum ln(p* / p̂)]} EXACTLY, in total and
 *       round by round (with the optimal predictor the log-ratio terms are exactly 0);</li>
 *   <li>the round contributions add up to the output KL.</li>
 * </ul>
 */
class RuleProperties {

    private static final String[] THRESHOLDS = {"0", "1/2", "1", "2", "1000000"};
    private static final String[] PREDICTORS = {"optimal", "smoothed:1/3"};

    private static Map<String, Law> laws() {
        Map<String, Law> m = new LinkedHashMap<>();
        for (int l = 1; l <= 3; l++) {
            for (LawEnumerator.Named n : LawEnumerator.supportsUpToSymmetry(2, l)) {
                m.put(n.name(), n.law());
            }
        }
        for (int l = 1; l <= 4; l++) {
            m.putAll(SamplerCases.laws(2, l, 2));
        }
        for (int l = 1; l <= 3; l++) {
            m.putAll(SamplerCases.laws(3, l, 1));
        }
        m.put("random:3,4,1", Families.random(3, 4, 1));
        return m;
    }

    @TestFactory
    List<DynamicTest> identityHoldsExactly() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, Law> e : laws().entrySet()) {
            Law law = e.getValue();
            List<String> rules = new ArrayList<>();
            for (String t : THRESHOLDS) {
                rules.add("entropy-sum:" + t);
            }
            for (Schedule s : Schedule.all(law.length())) {
                rules.add("top-probability:" + s);
            }
            for (String p : PREDICTORS) {
                if (law.length() == 4 && law.alphabetSize() == 3 && !p.equals("optimal")) {
                    continue;
                }
                for (String r : rules) {
                    tests.add(DynamicTest.dynamicTest("law " + e.getKey() + ", rule " + r + ", predictor " + p,
                            () -> check(law, r, p)));
                }
            }
        }
        return tests;
    }

    /** Seeded random laws of length 5 over two symbols, a few rules each. */
    @TestFactory
    List<DynamicTest> identityHoldsOnSeededLawsOfLengthFive() {
        List<DynamicTest> tests = new ArrayList<>();
        for (long seed = 11; seed <= 13; seed++) {
            Law law = Families.random(2, 5, seed);
            for (String r : new String[] {"entropy-sum:1/2", "entropy-sum:3/2", "top-probability:2,2,1",
                "top-probability:1,3,1"}) {
                tests.add(DynamicTest.dynamicTest("law random:2,5," + seed + ", rule " + r + ", predictor optimal",
                        () -> check(law, r, "optimal")));
            }
        }
        return tests;
    }

    static void check(Law law, String ruleText, String predictor) {
        MarginalLattice lat = MarginalLattice.of(law);
        Rule rule = Rule.parse(ruleText, law.length(), Schedule.Convention.REVEAL);
        Predictor p = Predictors.parse(predictor, lat);
        ProcessError e = ProcessError.compute(law, rule, p);
        Rational total = Rational.ZERO;
        for (int i = 0; i < law.space().size(); i++) {
            total = total.add(e.outputLaw().probability(i));
        }
        assertEquals(Rational.ONE, total, "the output law sums to 1");
        assertTrue(e.identityHolds(), "identity fails: KL " + e.outputKL() + " vs round sum " + e.roundSum());
        Divergence kl = e.outputKL();
        Divergence sum = e.roundSum().orElseThrow();
        assertEquals(kl.isInfinite(), sum.isInfinite());
        if (!kl.isInfinite()) {
            assertTrue(kl.value().equals(sum.value()), kl + " != " + sum);
            ExactReal contributions = ExactReal.ZERO;
            for (ProcessError.Round r : e.rounds()) {
                ExactReal term = r.conditionalTC().orElseThrow().add(r.predictorLogRatio().orElseThrow().value());
                assertTrue(r.contribution().orElseThrow().value().equals(term), "round " + r.round());
                contributions = contributions.add(r.contribution().orElseThrow().value());
                if (p.isOptimal()) {
                    assertTrue(r.predictorLogRatio().orElseThrow().value().isZero());
                }
            }
            assertTrue(contributions.equals(kl.value()));
        }
        if (rule.kind() == Rule.Kind.TOP_PROBABILITY) {
            Rational t = Rational.of(rule.sizes().orElseThrow().steps());
            assertEquals(t, e.expectedRounds());
            assertEquals(t, e.dataExpectedRounds().orElseThrow());
        }
        assertFalse(e.rounds().isEmpty());
    }
}
