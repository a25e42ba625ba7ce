package org.dlmexact.sampler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.Entropies;
import org.dlmexact.info.InformationProfile;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The special cases of theory.md section 3, expected values computed from their formulas, checked
 * exactly against both the brute-force path error and the closed form, for every composition.
 */
class SpecialCasesTest {

    private static void expect(List<DynamicTest> tests, String lawName, Law law, ExpectedValue f, int maxL) {
        if (law.length() > maxL) {
            return;
        }
        for (Schedule s : Schedule.all(law.length())) {
            tests.add(DynamicTest.dynamicTest("law " + lawName + ", schedule " + s, () -> {
                ExactReal want = f.of(s);
                InformationProfile info = InformationProfile.of(law);
                assertTrue(IdealError.closedForm(info, s).equals(want), "closed form");
                SamplerError e = SamplerError.compute(law, s, Predictors.optimal(MarginalLattice.of(law)));
                assertTrue(e.pathAveragedKL().value().equals(want), () -> "brute " + e.pathAveragedKL() + " vs " + want);
                assertTrue(e.idealError().equals(want));
            }));
        }
    }

    interface ExpectedValue {
        ExactReal of(Schedule s);
    }

    @TestFactory
    List<DynamicTest> allOnesGivesZero() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : new String[] {"random:2,5,1", "random:3,4,2", "parity:5", "repetition:3,4", "pairs:4"}) {
            Law law = Families.parse(name);
            int l = law.length();
            int[] ones = new int[l];
            java.util.Arrays.fill(ones, 1);
            Schedule s = Schedule.of(l, ones);
            tests.add(DynamicTest.dynamicTest("law " + name + ", schedule " + s, () -> {
                assertTrue(IdealError.closedForm(InformationProfile.of(law), s).isZero());
                assertTrue(SamplerError.compute(law, s, Predictors.optimal(MarginalLattice.of(law)))
                        .pathAveragedKL().value().isZero());
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> productLawsGiveZero() {
        List<DynamicTest> tests = new ArrayList<>();
        expect(tests, "product:1/3,2/3;1/2,1/2;1/5,4/5;1,0;3/7,4/7",
                Families.parse("product:1/3,2/3;1/2,1/2;1/5,4/5;1,0;3/7,4/7"), s -> ExactReal.ZERO, 5);
        expect(tests, "product:4:1/6,1/3,1/2", Families.parse("product:4:1/6,1/3,1/2"), s -> ExactReal.ZERO, 4);
        expect(tests, "uniform:3,4", Families.uniform(3, 4), s -> ExactReal.ZERO, 4);
        return tests;
    }

    @TestFactory
    List<DynamicTest> oneShotGivesTotalCorrelation() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : new String[] {"random:2,5,3", "random:3,4,4", "markov:5:3/4,1/4;1/3,2/3", "parity:4"}) {
            Law law = Families.parse(name);
            int l = law.length();
            Schedule s = Schedule.of(l, l);
            tests.add(DynamicTest.dynamicTest("law " + name + ", schedule " + s, () -> {
                // TC = sum_i H(X_i) - H(X), from the entropies of the definition
                Entropies h = Entropies.of(law);
                ExactReal tc = h.entropy(h.law().space().fullMask()).negate();
                for (int i = 0; i < l; i++) {
                    tc = tc.add(h.entropy(1 << i));
                }
                assertTrue(IdealError.closedForm(InformationProfile.of(law), s).equals(tc));
                SamplerError e = SamplerError.compute(law, s, Predictors.optimal(MarginalLattice.of(law)));
                assertTrue(e.pathAveragedKL().value().equals(tc));
                assertTrue(e.outputKL().value().equals(tc));
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> repetitionCode() {
        List<DynamicTest> tests = new ArrayList<>();
        int[][] vl = {{2, 3}, {2, 4}, {2, 5}, {3, 3}, {3, 4}, {4, 3}};
        for (int[] p : vl) {
            int v = p[0];
            expect(tests, "repetition:" + v + "," + p[1], Families.repetition(v, p[1]),
                    s -> ExactReal.ln(v).multiply(s.size(1) - 1), 5);
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> parityCode() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int l = 2; l <= 5; l++) {
            expect(tests, "parity:" + l, Families.parity(l),
                    s -> s.size(s.steps()) >= 2 ? ExactReal.ln(2) : ExactReal.ZERO, 5);
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> correlatedPairs() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int l = 2; l <= 6; l += 2) {
            int len = l;
            expect(tests, "pairs:" + l, Families.pairs(l), s -> {
                Rational c = Rational.ZERO;
                for (int j = 1; j <= s.steps(); j++) {
                    c = c.add(Rational.of((long) s.size(j) * (s.size(j) - 1), 2L * (len - 1)));
                }
                return ExactReal.ln(2).multiply(c);
            }, 6);
        }
        return tests;
    }
}
