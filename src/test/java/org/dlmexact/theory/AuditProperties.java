package org.dlmexact.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.dlmexact.law.LawEnumerator;
import org.dlmexact.law.LawEnumerator.Named;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.sampler.Predictor;
import org.dlmexact.sampler.Predictors;
import org.dlmexact.sampler.Schedule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The whole audit, brute force included, on every composition: with the optimal predictor and with
 * smoothed predictors (so that eps_train > 0 enters Theorem 1), no check of a paper or derived
 * statement fails, and brute force equals the closed form exactly.
 */
class AuditProperties {

    private static List<Named> laws() {
        List<Named> small = LawEnumerator.smallLaws();
        List<Named> out = new java.util.ArrayList<>();
        for (int i = 0; i < small.size(); i += 7) {
            out.add(small.get(i));
        }
        out.addAll(LawEnumerator.seeded("sparse", 2, 5, 500, 3));
        out.addAll(LawEnumerator.seeded("markov", 3, 3, 600, 2));
        return out;
    }

    @TestFactory
    Stream<DynamicTest> noFirmCheckFailsOnAnyComposition() {
        return laws().stream().flatMap(law -> Stream.of("optimal", "smoothed:1/3", "smoothed:1").map(p ->
                DynamicTest.dynamicTest(law.name() + " with " + p, () -> {
                    Predictor predictor = Predictors.parse(p, MarginalLattice.of(law.law()));
                    Audit audit = Audit.run(law.law(), Schedule.all(law.law().length()), predictor,
                            new Audit.Options(List.of(LiCaiTheorem2.Reading.A), List.of(org.dlmexact.exact.Rational.of(1, 8))),
                            null);
                    assertTrue(audit.mustHoldFailures().isEmpty(), () -> law + " " + p + ": " + audit.mustHoldFailures());
                    for (Audit.Row r : audit.rows()) {
                        Check t4 = r.checks().stream().filter(c -> c.id().equals(Audit.ID_THEOREM_4)).findFirst().orElseThrow();
                        assertEquals(Verdict.EQUALITY, t4.verdict(), () -> law + " " + r.schedule() + ": " + t4);
                    }
                })));
    }
}
