package org.dlmexact.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.law.LawJson;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.InformationProfile;
import org.dlmexact.sampler.Predictor;
import org.dlmexact.sampler.Predictors;
import org.dlmexact.sampler.SamplerError;
import org.dlmexact.sampler.Schedule;
import org.dlmexact.theory.Audit;
import org.dlmexact.theory.Check;
import org.dlmexact.theory.Confidence;
import org.dlmexact.theory.LiCaiTheorem2;
import org.dlmexact.theory.Relation;
import org.dlmexact.theory.Verdict;

/**
 * Kind {@code bounds}: the theory checks of theory.md section 4 and 5 with both exact sides and the
 * exact verdict: per (law, schedule, predictor) the upper bounds and the sampler identities; per
 * law the schedule-free checks (recursion, lower bound under each reading, Theorem 9 schedules,
 * optimal schedules, information identities).
 */
public final class BoundsVectors implements Kind {

    static final String[] TOLERANCE = {"1e-9", "1e-12"};

    /** The target of the Theorem 9 checks. */
    static final Rational THEOREM9_EPS = Rational.of(1, 10);

    static final String[][] SCHEDULE_CASES = {
        {"repetition:2,4", "2,1,1", "optimal", "Li-Cai Theorem 1 holds with equality: s_max = 2, k_1 = s_max"},
        {"repetition:2,4", "1,2,1", "optimal", "repetition code, first batch of one: error 0"},
        {"parity:4", "2,2", "optimal", "even parity, balanced"},
        {"parity:4", "4", "optimal", "even parity, one shot"},
        {"pairs:4", "2,2", "optimal", "bit pairs, balanced"},
        {"pairs:4", "2,2", "smoothed:1/4", "bit pairs, smoothed predictor: eps_train > 0"},
        {"parity:3", "3", "smoothed:1", "uniform predictor"},
        {"product:3:1/4,3/4", "3", "optimal", "independent tokens: every side 0 except the constants"},
        {"uniform:2,1", "1", "optimal", "L = 1"},
        {"random:2,4,1", "3,1", "optimal", "seeded law"},
        {"random:3,3,1", "2,1", "optimal", "seeded law over [3]"},
    };

    static final String[][] LAW_CASES = {
        {"parity:4", "even parity: the plain c*s_max/L*SumI lower bound would fail; the reconstructed one holds"},
        {"pairs:4", "bit pairs"},
        {"repetition:2,4", "repetition code"},
        {"markov:4:9/10,1/10;1/10,9/10", "sticky Markov chain"},
        {"random:2,4,1", "seeded law"},
        {"random:3,3,1", "seeded law over [3]"},
    };

    //@ pure
    @Override
    public String name() {
        return "bounds";
    }

    static ObjectNode check(Check c) {
        ObjectNode n = LawJson.mapper().createObjectNode();
        n.put("id", c.id());
        n.put("source", c.source());
        n.put("confidence", c.confidence().label());
        n.put("relation", c.relation().symbol());
        n.set("lhs", Quantity.of(c.lhs()));
        n.set("rhs", Quantity.of(c.rhs()));
        n.put("verdict", c.verdict().name().toLowerCase(java.util.Locale.ROOT));
        ExactReal slack = c.slack();
        if (slack == null) {
            n.putNull("slack");
        } else {
            n.set("slack", Quantity.of(slack));
        }
        n.put("note", c.note());
        return n;
    }

    /** The checks of one (law, schedule, predictor). */
    /*@ public normal_behavior
      @   requires law != null && schedule != null && predictor != null;
      @ pure @*/
    public static List<Check> scheduleChecks(Law law, Schedule schedule, Predictor predictor) {
        SamplerError e = SamplerError.compute(law, schedule, predictor);
        return Audit.scheduleChecks(InformationProfile.of(law), e, predictor.isOptimal());
    }

    /** The schedule-free checks of one law. */
    /*@ public normal_behavior
      @   requires law != null;
      @ pure @*/
    public static List<Check> lawChecks(Law law) {
        return Audit.lawChecks(InformationProfile.of(law),
                new Audit.Options(List.of(LiCaiTheorem2.Reading.values()), List.of(THEOREM9_EPS)));
    }

    static ObjectNode values(List<Check> checks) {
        ObjectNode v = LawJson.mapper().createObjectNode();
        ArrayNode a = v.putArray("checks");
        checks.forEach(c -> a.add(check(c)));
        return v;
    }

    static List<String> flags(List<Check> checks) {
        Set<String> f = new LinkedHashSet<>();
        for (Check c : checks) {
            if (c.verdict() == Verdict.EQUALITY && c.relation() != Relation.EQ) {
                f.add("Equality");
            }
            if (c.verdict() == Verdict.FAILS) {
                f.add("CheckFails");
            }
            if (c.confidence() == Confidence.RECONSTRUCTED) {
                f.add("Reconstructed");
            }
            if (c.lhs().isInfinite() || c.rhs().isInfinite()) {
                f.add("InfiniteError");
            }
        }
        return new ArrayList<>(f);
    }

    /*@ also public normal_behavior
      @   ensures \result != null;
      @ pure @*/
    @Override
    public ObjectNode generate() {
        VectorFile f = new VectorFile(name(), List.of(
                "The bounds and identities of theory.md sections 4 and 5, each as a check: lhs relation rhs, both "
                        + "sides exact (finite or +inf), the verdict decided exactly.",
                "values.checks[n]: id (stable name of the statement), source (paper and statement), confidence "
                        + "(paper, derived or reconstructed, theory.md), relation (<=, >= or =), lhs, rhs, verdict "
                        + "(holds, equality: both sides exactly equal, or fails), slack (rhs - lhs for <=, lhs - rhs "
                        + "for >= and =; null when a side is +inf), note (parameters and assumptions).",
                "Group 'schedule': checks of one law, schedule and predictor (closed-form identity, KL convexity, "
                        + "Li-Cai Theorem 1, Corollary 1 with our constant C_1 = 3 when the schedule is balanced, "
                        + "Chen-Cong-Li F.1 chain). Group 'law': checks that enumerate schedules (Li-Cai proof "
                        + "recursion, Theorem 2 lower bound under each reading (a)-(d) of W_j, Chen-Cong-Li Theorem 9 "
                        + "schedules for eps = 1/10, optimal schedules, information identities).",
                "A verdict must be decided exactly: an 'equality' verdict cannot be reproduced with floating point; a "
                        + "float consumer compares lhs and rhs values under the tolerance and the verdict only where "
                        + "|lhs - rhs| exceeds it."));
        SamplerVectors.noteCommon(f);
        f.note("Equality", "At least one inequality holds with exact equality (for example Li-Cai Theorem 1 on the "
                + "repetition code with k_1 = s_max a power of 2).");
        f.note("CheckFails", "At least one check fails: a finding about the stated form of a bound, not an error "
                + "of the vectors.");
        f.note("Reconstructed", "At least one check rests on a reconstructed statement (theory.md confidence mark).");
        String why = "The sides are small combinations of the information measures and the sampler errors; "
                + "1e-9 relative or 1e-12 absolute as for the sampler kind.";
        ArrayNode t1 = f.group(SamplerVectors.groupFields("schedule", "Checks of one law, schedule and predictor.",
                TOLERANCE, why));
        for (String[] c : SCHEDULE_CASES) {
            Law law = Families.parse(c[0]);
            Schedule s = Schedule.parse(c[1], law.length(), Schedule.Convention.REVEAL);
            Predictor p = Predictors.parse(c[2], law);
            ObjectNode b = SamplerVectors.body(c[0], law, s, LawJson.mapper().getNodeFactory().textNode(c[2]), p);
            List<Check> checks = scheduleChecks(law, s, p);
            b.set("values", values(checks));
            List<String> flags = new ArrayList<>(c[0].startsWith("random:") ? List.of("Seeded")
                    : List.of("SpecialCase"));
            flags.addAll(SamplerVectors.flags(law, s, c[2], false));
            flags.addAll(flags(checks));
            f.addTest(t1, c[0] + ", schedule " + c[1] + ", " + c[2] + ": " + c[3], flags, b, "valid");
        }
        ArrayNode t2 = f.group(SamplerVectors.groupFields("law", "Schedule-free checks of one law (optimal "
                + "predictor).", TOLERANCE, why));
        for (String[] c : LAW_CASES) {
            Law law = Families.parse(c[0]);
            ObjectNode b = LawJson.mapper().createObjectNode();
            b.put("lawName", c[0]);
            b.set("law", LawJson.toTree(law));
            List<Check> checks = lawChecks(law);
            b.set("values", values(checks));
            List<String> flags = new ArrayList<>(c[0].startsWith("random:") ? List.of("Seeded")
                    : List.of("SpecialCase"));
            flags.addAll(InfoVectors.lawFlags(law));
            flags.addAll(flags(checks));
            f.addTest(t2, c[0] + ": " + c[1], flags, b, "valid");
        }
        return f.tree(VectorFile.commonConventions());
    }

    /*@ also public normal_behavior
      @   requires group != null && test != null;
      @   ensures \result != null;
      @ pure @*/
    @Override
    public List<String> verify(JsonNode group, JsonNode test) {
        List<String> problems = new ArrayList<>();
        Law law = Inputs.law(test);
        List<Check> checks;
        if (test.has("revealOrder")) {
            Schedule s = Inputs.schedule(test, law.length());
            Checks.sameValues(Inputs.ints(s.forwardSizes()), test.get("forwardOrder"), "forwardOrder", problems);
            checks = scheduleChecks(law, s, Inputs.predictor(test, MarginalLattice.of(law)));
        } else {
            checks = lawChecks(law);
        }
        Checks.sameValues(values(checks), test.get("values"), "values", problems);
        return problems;
    }
}
