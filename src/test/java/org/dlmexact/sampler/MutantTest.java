package org.dlmexact.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.Rational;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.law.SequenceSpace;
import org.dlmexact.law.SplitMix64;
import org.junit.jupiter.api.Test;

/**
 * Each mutant does the one wrong thing it says, checked where the result has a form written here
 * independently: the exact law of the mutant (the engine can compute it for every mutant but
 * {@code mdlm-no-final}) against a product of rows or the data law, and kernels against hand counts.
 */
class MutantTest {

    private static PredictiveRows rows(Law law) {
        MarginalLattice lat = MarginalLattice.of(law);
        return new PredictiveRows(lat, Predictors.optimal(lat));
    }

    private static Sampler parse(String spec, int l) {
        return Samplers.parse(spec, l, Schedule.Convention.REVEAL);
    }

    /** The law of independent positions with rows {@code rows[i]}. */
    private static Law product(SequenceSpace sp, Rational[][] rows) {
        Rational[] p = new Rational[sp.size()];
        for (int x = 0; x < sp.size(); x++) {
            int[] o = sp.outcome(x);
            p[x] = Rational.ONE;
            for (int i = 0; i < o.length; i++) {
                p[x] = p[x].multiply(rows[i][o[i]]);
            }
        }
        return Law.fromProbabilities(sp, p);
    }

    @Test
    void jointBatchDrawsFromTheRowsWhereTheLawHasNoConditional() {
        // repetition:2,3 never produces x_0 = 0, x_1 = 1: there the joint draw falls back to the (uniform) rows
        Law law = Families.parse("repetition:2,3");
        PredictiveRows rows = rows(law);
        Sampler m = Mutant.JOINT_BATCH.apply(parse("random-order:2,1", 3));
        int values = Context.encode(law.space(), 0b011, new int[] {0, 1, 0});
        StepLaw k = StepLaw.of(rows, m, 2, 0b011, values, b -> { });
        assertEquals(2, k.size(), "the uniform row of the unseen context (0, 1, .)");
        assertEquals(Rational.of(1, 2), k.probability(0));
        assertEquals("mutant joint-batch of random-order:2,1", m.toString());
    }

    @Test
    void jointBatchDrawsFromTheLawItself() {
        for (String spec : List.of("pairs:4", "random:2,4,8", "random:3,3,2")) {
            Law law = Families.parse(spec);
            PredictiveRows rows = rows(law);
            Sampler m = Mutant.JOINT_BATCH.apply(parse(law.length() == 3 ? "random-order:2,1" : "random-order:2,2",
                    law.length()));
            assertEquals(law, ProcessLaw.compute(rows, m).law(), spec);
        }
    }

    @Test
    void temperatureHalfAndShiftedLogitsChangeTheRowsAsStated() {
        Law law = Families.parse("random:2,3,4");
        PredictiveRows rows = rows(law);
        SequenceSpace sp = law.space();
        Sampler oneShot = parse("random-order:one-shot", 3);
        Rational[][] marg = new Rational[3][];
        Rational[][] squared = new Rational[3][];
        for (int i = 0; i < 3; i++) {
            marg[i] = rows.row(0, 0, i);
            Rational a = marg[i][0].multiply(marg[i][0]);
            Rational b = marg[i][1].multiply(marg[i][1]);
            squared[i] = new Rational[] {a.divide(a.add(b)), b.divide(a.add(b))};
        }
        assertEquals(product(sp, squared), ProcessLaw.compute(rows, Mutant.TEMPERATURE_HALF.apply(oneShot)).law());
        assertEquals(product(sp, new Rational[][] {marg[0], marg[0], marg[1]}),
                ProcessLaw.compute(rows, Mutant.SHIFTED_LOGITS.apply(oneShot)).law());
        assertTrue(!marg[0][0].equals(marg[1][0]) && !marg[1][0].equals(marg[2][0]), "the rows differ, so the test bites");
    }

    @Test
    void shiftedLogitsGiveTheTokenOfAVisiblePredecessor() {
        // ones: step j reveals one position; once position 0 is visible, position 1 copies its token
        Law law = Families.parse("random:2,2,6");
        PredictiveRows rows = rows(law);
        Sampler m = Mutant.SHIFTED_LOGITS.apply(parse("random-order:1,1", 2));
        StepLaw k = StepLaw.of(rows, m, 2, 0b01, 1, b -> { });
        assertEquals(1, k.size());
        assertEquals(0b11, k.nextMask(0));
        assertEquals(0b11, k.nextValues(0), "tokens (1, 1)");
    }

    @Test
    void shiftedLogitsReadTheNeighbourOnTheLeftAtEveryPosition() {
        // positions 0 and 2 visible: position 1 reads the token of 0, position 3 reads the token of 2
        Law law = Families.parse("random:2,4,6");
        PredictiveRows rows = rows(law);
        Sampler m = Mutant.SHIFTED_LOGITS.apply(parse("random-order:2,2", 4));
        int[] x = {1, 0, 0, 0};
        int values = Context.encode(law.space(), 0b0101, x);
        StepLaw k = StepLaw.of(rows, m, 2, 0b0101, values, b -> { });
        assertEquals(1, k.size());
        assertArrayEquals(new int[] {1, 1, 0, 0}, tokens(law.space(), k.nextMask(0), k.nextValues(0)));
        // positions 0 and 1 visible: position 2 reads 1's token, position 3 reads position 2's (masked) row
        int v01 = Context.encode(law.space(), 0b0011, new int[] {0, 1, 0, 0});
        StepLaw k2 = StepLaw.of(rows, m, 2, 0b0011, v01, b -> { });
        Rational[] row2 = rows.row(0b0011, v01, 2);
        for (int a = 0; a < 2; a++) {
            assertEquals(row2[a], k2.probability(0b1111, Context.encode(law.space(), 0b1111, new int[] {0, 1, 1, a})));
        }
    }

    private static int[] tokens(SequenceSpace sp, int mask, int values) {
        int[] x = new int[sp.length()];
        java.util.Arrays.fill(x, -1);
        Context.decode(sp, mask, values, x);
        return x;
    }

    @Test
    void offByOneVisibleForgetsTheHighestVisiblePosition() {
        // 1,1 on two positions: the second token is drawn from its marginal, so the output is the product of marginals
        Law law = Families.parse("random:2,2,5");
        PredictiveRows rows = rows(law);
        Law out = ProcessLaw.compute(rows, Mutant.OFF_BY_ONE_VISIBLE.apply(parse("random-order:1,1", 2))).law();
        assertEquals(product(law.space(), new Rational[][] {rows.row(0, 0, 0), rows.row(0, 0, 1)}), out);
        // with positions 0 and 2 visible, position 1 is drawn given position 0 only
        Law l3 = Families.parse("random:2,3,5");
        PredictiveRows r3 = rows(l3);
        StepLaw k = StepLaw.of(r3, Mutant.OFF_BY_ONE_VISIBLE.apply(parse("random-order:2,1", 3)), 2, 0b101, 2,
                b -> { });
        Rational[] expected = r3.row(0b001, 1, 1);
        int[] x = {1, 0, 0};
        for (int a = 0; a < 2; a++) {
            x[1] = a;
            assertEquals(expected[a], k.probability(0b111, Context.encode(l3.space(), 0b111, x)));
        }
    }

    @Test
    void reversedScheduleIsTheReversedRandomOrderSampler() {
        Law law = Families.parse("random:2,4,2");
        PredictiveRows rows = rows(law);
        assertEquals(ProcessLaw.compute(rows, parse("random-order:1,3", 4)).law(),
                ProcessLaw.compute(rows, Mutant.REVERSED_SCHEDULE.apply(parse("random-order:3,1", 4))).law());
    }

    @Test
    void dreamRoundRoundsHalfToEven() {
        DreamTopK d = (DreamTopK) parse("dream:alg=entropy,steps=2", 4);
        DreamTopK r = d.mutated(true, false);
        // t_1 = 1 - 999/2000 = 1001/2000: 4 * (1 - t_1) = 1.998: floor 1, round 2
        assertEquals(1, d.count(1, 4));
        assertEquals(2, r.count(1, 4));
        assertEquals(4, r.count(2, 4), "the last step reveals what is left");
        Law law = Families.parse("random:2,4,7");
        StepLaw mutant = StepLaw.of(rows(law), Mutant.DREAM_ROUND.apply(d), 1, 0, 0, b -> { });
        assertEquals(0b100, mutant.revealedCounts(), "the mutant reveals 2 at step 1");
        // eps = 0, steps = 4: 1 - t_1/t_0 = 1/4; M = 2 gives 1/2 (round to even: 0), M = 6 gives 3/2 (2), M = 7 gives 7/4 (2)
        DreamTopK e = ((DreamTopK) parse("dream:alg=entropy,steps=4,eps=0", 8)).mutated(true, false);
        assertEquals(0, e.count(1, 2));
        assertEquals(2, e.count(1, 6));
        assertEquals(2, e.count(1, 7));
        assertEquals(1, e.count(1, 5), "5/4 rounds down");
    }

    @Test
    void entropyReversedRevealsTheLargestEntropyFirst() {
        // product law: entropies of the positions differ; dream steps=2, eps=0 reveals 2 of 4 at step 1
        Law law = Families.parse("product:1/2,1/2;1/3,2/3;1/10,9/10;1/5,4/5");
        PredictiveRows rows = rows(law);
        StepLaw right = StepLaw.of(rows, parse("dream:alg=entropy,steps=2,eps=0", 4), 1, 0, 0, b -> { });
        StepLaw wrong = StepLaw.of(rows, Mutant.ENTROPY_REVERSED.apply(parse("dream:alg=entropy,steps=2,eps=0", 4)), 1,
                0, 0, b -> { });
        assertEquals(0b1100, right.nextMask(0), "lowest entropies: positions 2 and 3");
        assertEquals(0b0011, wrong.nextMask(0), "largest: positions 0 and 1");
    }

    @Test
    void keyedMutantsChangeOneKey() {
        assertEquals("mutant ties-highest of top-probability:1,3",
                Mutant.TIES_HIGHEST.apply(Rule.topProbability(Schedule.of(4, 1, 3))).spec());
        Law law = Families.parse("pairs:4");
        PredictiveRows rows = rows(law);
        StepLaw k = StepLaw.of(rows, Mutant.TIES_HIGHEST.apply(parse("top-probability:1,3", 4)), 1, 0, 0, b -> { });
        assertEquals(0b1000, k.nextMask(0), "the tie of all four goes to position 3");
        StepLaw s = StepLaw.of(rows, Mutant.STRICT_THRESHOLD.apply(parse("fast-dllm:threshold=1/2", 4)), 1, 0, 0,
                b -> { });
        assertEquals(0b10, s.revealedCounts(), "confidence 1/2 is not > 1/2: only the top position");
        assertEquals(0b10000, StepLaw.of(rows, parse("fast-dllm:threshold=1/2", 4), 1, 0, 0, b -> { }).revealedCounts());
        assertTrue(Mutant.STRICT_THRESHOLD.apply(parse("entropy-sum:1/2", 4)).spec().endsWith("of entropy-sum:1/2"));
        assertTrue(Mutant.TIES_HIGHEST.apply(parse("eb:gamma=1", 4)).spec().contains("ties=lowest"));
    }

    @Test
    void mdlmWithoutItsFinalStepLeavesMasks() {
        Law law = Families.parse("pairs:2");
        PredictiveRows rows = rows(law);
        Sampler m = Mutant.MDLM_NO_FINAL.apply(parse("bernoulli:alphas=0;1/2", 2));
        assertEquals(1, m.fixedSteps());
        assertEquals(2, parse("bernoulli:alphas=0;1/2", 2).fixedSteps());
        ProcessSampler ps = new ProcessSampler(rows, m);
        SplitMix64 rng = new SplitMix64(1);
        int masked = 0;
        for (int n = 0; n < 200; n++) {
            int[] x = ps.sample(rng);
            masked += x[0] < 0 ? 1 : 0;
            List<int[]> t = ps.trajectory(rng);
            assertEquals(2, t.size());
        }
        assertTrue(masked > 60 && masked < 140, "each position stays masked with probability 1/2: " + masked);
    }

    @Test
    void namesListsAndRefusals() {
        List<String> ids = new ArrayList<>();
        for (Mutant m : Mutant.values()) {
            ids.add(m.id());
            assertEquals(m, Mutant.parse(m.id()));
            assertEquals(m.id(), m.toString());
            assertTrue(m.line().startsWith(m.id() + " ") && m.line().contains(m.description()), m.line());
            assertTrue(m.line().contains(m.mutates()));
            assertTrue(m.mutates().length() > 2 && m.description().length() > 20, m.id());
        }
        assertEquals("random-order", Mutant.JOINT_BATCH.mutates());
        assertTrue(Mutant.MDLM_NO_FINAL.description().startsWith("no final step"));
        InvalidInputException unknown = assertThrows(InvalidInputException.class, () -> Mutant.parse("nope"));
        assertTrue(unknown.getMessage().endsWith("expected list or one of reversed-schedule, joint-batch, "
                + "off-by-one-visible, temperature-half, entropy-reversed, strict-threshold, ties-highest, dream-round, "
                + "mdlm-no-final, shifted-logits"), unknown.getMessage());
        assertEquals(Mutant.JOINT_BATCH, Mutant.parse(" joint-batch "));
        assertEquals(List.of("reversed-schedule", "joint-batch", "off-by-one-visible", "temperature-half",
                "entropy-reversed", "strict-threshold", "ties-highest", "dream-round", "mdlm-no-final", "shifted-logits"),
                ids);
        assertEquals("mutant.unknown", assertThrows(InvalidInputException.class, () -> Mutant.parse("nope")).code());
        String[][] refused = {
            {"reversed-schedule", "top-probability:2,2"}, {"joint-batch", "low-confidence:2,2"},
            {"entropy-reversed", "dream:alg=topk_margin,steps=2"}, {"dream-round", "dream:alg=origin,steps=2"},
            {"mdlm-no-final", "dream:alg=origin,steps=2"}, {"mdlm-no-final", "mdlm:steps=2,final=argmax"},
            {"strict-threshold", "top-probability:2,2"}, {"strict-threshold", "eb:gamma=1,boundary=exclusive"},
            {"ties-highest", "random-order:2,2"}, {"ties-highest", "llada:steps=2,ties=highest"},
        };
        for (String[] r : refused) {
            Sampler base = parse(r[1], 4);
            if (r[0].equals("mdlm-no-final") && r[1].startsWith("mdlm")) {
                assertEquals(4, Mutant.parse(r[0]).apply(base).length(), "mdlm has a final step: applies");
                continue;
            }
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> Mutant.parse(r[0]).apply(base),
                    r[0] + " on " + r[1]);
            assertEquals("mutant.sampler", e.code());
            assertTrue(e.getMessage().contains("mutates " + Mutant.parse(r[0]).mutates()), e.getMessage());
        }
    }

    @Test
    void aMutantDelegatesToTheSamplerItRuns() {
        Sampler base = parse("random-order:2,2", 4);
        Sampler m = Mutant.TEMPERATURE_HALF.apply(base);
        assertEquals("random-order", m.name());
        assertEquals(2, m.fixedSteps());
        assertEquals(base.tieBreak(), m.tieBreak());
        assertEquals(base.work(2), m.work(2));
        assertEquals(base.maxWork(), m.maxWork());
        assertEquals(m.spec(), m.toString());
        assertNull(m.plan(new SplitMix64(1)), "wrong rows: no plan from the right rows");
        Sampler r = Mutant.REVERSED_SCHEDULE.apply(base);
        assertEquals(2, r.plan(new SplitMix64(1)).length, "the reversed random-order sampler plans");
        Sampler remdm = Mutant.TEMPERATURE_HALF.apply(parse("remdm:mode=cap,eta=1/2,steps=2", 4));
        assertTrue(remdm.remasks());
        assertTrue(!m.remasks());
        assertTrue(!m.revealsByState());
        assertTrue(Mutant.TIES_HIGHEST.apply(parse("top-probability:2,2", 4)).revealsByState());
        JointBatch j = new JointBatch(RandomOrder.of(Schedule.of(4, 2, 2)));
        assertEquals("joint-batch:2,2", j.spec());
        assertEquals("joint-batch", j.name());
        assertEquals(base.tieBreak(), j.tieBreak());
        assertTrue(!j.revealsByState());
        Law law = Families.parse("pairs:4");
        Mutated.WrongRows w = new Mutated.WrongRows(Mutant.TEMPERATURE_HALF, rows(law));
        assertTrue(!w.isOptimal());
        assertEquals("optimal with mutant temperature-half", w.description());
        assertArrayEquals(new int[] {4}, new int[] {m.length()});
    }
}
