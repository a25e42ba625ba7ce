package org.dlmexact.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.InformationProfile;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.law.SequenceSpace;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link StepLaw}: against formulas written here from the definitions (random-order: a uniform
 * {@code k}-subset, independent tokens; the per-position kernel: each masked position independently),
 * and against {@link ProcessLaw}'s state laws (one step of the chain maps the law after step
 * {@code j-1} to the law after step {@code j}) for every kind of sampler.
 */
class StepLawTest {

    private static PredictiveRows rows(Law law, String predictor) {
        MarginalLattice lat = MarginalLattice.of(law);
        return new PredictiveRows(lat, Predictors.parse(predictor, lat));
    }

    private static Map<Long, Rational> asMap(StepLaw k) {
        Map<Long, Rational> m = new HashMap<>();
        for (int n = 0; n < k.size(); n++) {
            assertTrue(k.probability(n).signum() > 0);
            if (n > 0) {
                long prev = (long) k.nextMask(n - 1) << 32 | k.nextValues(n - 1);
                assertTrue(prev < ((long) k.nextMask(n) << 32 | k.nextValues(n)), "increasing order");
            }
            m.put((long) k.nextMask(n) << 32 | k.nextValues(n), k.probability(n));
            assertEquals(n, k.indexOf(k.nextMask(n), k.nextValues(n)));
            assertEquals(k.probability(n), k.probability(k.nextMask(n), k.nextValues(n)));
        }
        return m;
    }

    /** Every state (mask, values) of the space. */
    private static List<int[]> states(SequenceSpace sp) {
        List<int[]> r = new ArrayList<>();
        for (int mask = 0; mask <= sp.fullMask(); mask++) {
            for (int v = 0; v < sp.power(Integer.bitCount(mask)); v++) {
                r.add(new int[] {mask, v});
            }
        }
        return r;
    }

    @TestFactory
    Stream<DynamicTest> randomOrderKernelIsAUniformSubsetWithIndependentTokens() {
        List<DynamicTest> out = new ArrayList<>();
        for (String spec : List.of("pairs:4", "random:2,4,3", "random:3,3,5", "markov:4:3/4,1/4;1/3,2/3")) {
            for (String pred : List.of("optimal", "smoothed:1/3")) {
                out.add(dynamicTest(spec + " " + pred, () -> {
                    Law law = Families.parse(spec);
                    PredictiveRows rows = rows(law, pred);
                    SequenceSpace sp = law.space();
                    Schedule s = Schedule.of(sp.length(), sp.length() == 4 ? new int[] {2, 1, 1} : new int[] {2, 1});
                    Sampler smp = RandomOrder.of(s);
                    for (int[] st : states(sp)) {
                        int visible = Integer.bitCount(st[0]);
                        int j = 0;
                        for (int t = 1; t <= s.steps(); t++) {
                            j = s.revealed(t - 1) == visible ? t : j;
                        }
                        if (j == 0) {
                            continue;
                        }
                        if (rows.lattice().marginal(st[0])[st[1]].signum() == 0 && pred.equals("optimal")) {
                            continue; // uniform rows there: covered by the smoothed predictor
                        }
                        StepLaw k = StepLaw.of(rows, smp, j, st[0], st[1], b -> { });
                        assertEquals(expectedRandomOrder(rows, sp, s.size(j), st[0], st[1]), asMap(k),
                                "state " + st[0] + "/" + st[1] + " step " + j);
                    }
                }));
            }
        }
        return out.stream();
    }

    /** The kernel by its definition: 1/C(m,k) for each k-subset B, times prod_{i in B} p(y_i). */
    private static Map<Long, Rational> expectedRandomOrder(PredictiveRows rows, SequenceSpace sp, int k, int mask,
                                                           int values) {
        int free = sp.fullMask() & ~mask;
        Rational w = Rational.of(BigInteger.ONE, InformationProfile.binomial(Integer.bitCount(free), k));
        Map<Long, Rational> m = new HashMap<>();
        int[] x = new int[sp.length()];
        for (int b = 0; b <= free; b++) {
            if ((b & ~free) != 0 || Integer.bitCount(b) != k) {
                continue;
            }
            int[] pos = Context.positions(b);
            for (int y = 0; y < sp.power(k); y++) {
                Context.decode(sp, mask, values, x);
                Rational p = w;
                int rest = y;
                for (int n = pos.length - 1; n >= 0; n--) {
                    int a = rest % sp.alphabetSize();
                    rest /= sp.alphabetSize();
                    p = p.multiply(rows.row(mask, values, pos[n])[a]);
                    x[pos[n]] = a;
                }
                if (p.signum() > 0) {
                    int next = mask | b;
                    m.merge((long) next << 32 | Context.encode(sp, next, x), p, Rational::add);
                }
            }
        }
        return m;
    }

    @Test
    void perPositionKernelRevealsEachMaskedPositionIndependently() {
        Law law = Families.parse("random:2,3,9");
        PredictiveRows rows = rows(law, "optimal");
        SequenceSpace sp = law.space();
        Sampler smp = Samplers.parse("bernoulli:alphas=0;1/3;1", 3, Schedule.Convention.REVEAL);
        Rational r = Rational.of(1, 3);
        for (int[] st : states(sp)) {
            if (st[0] == sp.fullMask() || rows.lattice().marginal(st[0])[st[1]].signum() == 0) {
                continue;
            }
            StepLaw k = StepLaw.of(rows, smp, 1, st[0], st[1], b -> { });
            Map<Long, Rational> expected = new HashMap<>();
            int free = sp.fullMask() & ~st[0];
            int[] x = new int[3];
            for (int b = 0; b <= free; b++) {
                if ((b & ~free) != 0) {
                    continue;
                }
                for (int y = 0; y < sp.power(Integer.bitCount(b)); y++) {
                    Context.decode(sp, st[0], st[1], x);
                    Rational p = Rational.ONE;
                    for (int i : Context.positions(free)) {
                        p = p.multiply((b & (1 << i)) != 0 ? r : Rational.ONE.subtract(r));
                    }
                    int[] pos = Context.positions(b);
                    int rest = y;
                    for (int n = pos.length - 1; n >= 0; n--) {
                        int a = rest % 2;
                        rest /= 2;
                        p = p.multiply(rows.row(st[0], st[1], pos[n])[a]);
                        x[pos[n]] = a;
                    }
                    if (p.signum() > 0) {
                        int next = st[0] | b;
                        expected.merge((long) next << 32 | Context.encode(sp, next, x), p, Rational::add);
                    }
                }
            }
            assertEquals(expected, asMap(k), "state " + st[0] + "/" + st[1]);
        }
    }

    static final List<String> SAMPLERS = List.of("random-order:2,1,1", "top-probability:1,3", "entropy-sum:1/2",
            "low-confidence:2,2", "mdlm:steps=2,eps=1/4", "bernoulli:alphas=0;1/2;1,final=sample",
            "dream:alg=entropy,steps=3", "dream:alg=maskgit_plus,steps=2", "llada:steps=4,block=2",
            "fast-dllm:threshold=1/2", "eb:gamma=1/2", "remdm:mode=cap,eta=1/2,steps=2");

    @TestFactory
    Stream<DynamicTest> oneStepOfTheChainMapsTheStateLawsOfProcessLaw() {
        return SAMPLERS.stream().map(spec -> dynamicTest(spec, () -> {
            Law law = Families.parse("random:2,4,21");
            PredictiveRows rows = rows(law, "optimal");
            Sampler smp = Samplers.parse(spec, 4, Schedule.Convention.REVEAL);
            ProcessLaw q = ProcessLaw.compute(rows, smp);
            SequenceSpace sp = law.space();
            for (int j = 1; j <= q.steps(); j++) {
                Map<Long, Rational> next = new HashMap<>();
                for (int mask : q.visibleSets(j - 1)) {
                    for (int v = 0; v < sp.power(Integer.bitCount(mask)); v++) {
                        Rational p = q.stateProbability(j - 1, mask, v);
                        if (p.signum() == 0) {
                            continue;
                        }
                        if (mask == sp.fullMask() && smp.fixedSteps() < 0) {
                            next.merge((long) mask << 32 | v, p, Rational::add); // a finished run stays finished
                            continue;
                        }
                        StepLaw k = StepLaw.of(rows, smp, j, mask, v, b -> { });
                        Rational sum = Rational.ZERO;
                        for (int n = 0; n < k.size(); n++) {
                            sum = sum.add(k.probability(n));
                            next.merge((long) k.nextMask(n) << 32 | k.nextValues(n), p.multiply(k.probability(n)),
                                    Rational::add);
                        }
                        assertEquals(Rational.ONE, sum);
                    }
                }
                for (int mask : q.visibleSets(j)) {
                    for (int v = 0; v < sp.power(Integer.bitCount(mask)); v++) {
                        Rational expected = q.stateProbability(j, mask, v);
                        assertEquals(expected, next.getOrDefault((long) mask << 32 | v, Rational.ZERO),
                                "step " + j + " state " + mask + "/" + v);
                    }
                }
                assertEquals(next.size(), next.values().stream().filter(r -> r.signum() > 0).count());
            }
        }));
    }

    @Test
    void finishedStatesStayOrTakeNoStep() {
        Law law = Families.parse("pairs:2");
        PredictiveRows rows = rows(law, "optimal");
        StepLaw k = StepLaw.of(rows, Samplers.parse("mdlm:steps=2", 2, Schedule.Convention.REVEAL), 2, 3, 3, b -> { });
        assertEquals(1, k.size());
        assertEquals(3, k.nextMask(0));
        assertEquals(3, k.nextValues(0));
        assertEquals(Rational.ONE, k.probability(0));
        assertEquals(1, k.revealedCounts(), "reveals 0 positions");
        assertEquals(Rational.ZERO, k.probability(3, 0));
        assertEquals(-1, k.indexOf(3, 0));
        Sampler until = Samplers.parse("eb:gamma=1", 2, Schedule.Convention.REVEAL);
        assertThrows(IllegalArgumentException.class, () -> StepLaw.of(rows, until, 3, 3, 0, b -> { }));
        Sampler oneShot = RandomOrder.of(Schedule.of(2, 2));
        StepLaw done = StepLaw.of(rows, oneShot, 1, 3, 0, b -> { });
        assertEquals(1, done.size(), "a finished state of a one-step sampler stays");
        assertEquals(3, done.visibleMask());
        assertThrows(IllegalArgumentException.class, () -> StepLaw.of(rows, oneShot, 2, 0, 0, b -> { }));
        StepLaw mid = StepLaw.of(rows, RandomOrder.of(Schedule.of(2, 1, 1)), 2, 0b10, 1, b -> { });
        assertEquals(0b10, mid.visibleMask());
        assertEquals(1, mid.valuesIndex());
        assertEquals(2, mid.step());
        StepLaw first = StepLaw.of(rows, until, 1, 0, 0, b -> { });
        assertEquals(1, first.step());
        assertEquals(0, first.visibleMask());
        assertEquals(0, first.valuesIndex());
    }

    @Test
    void revealedCountsAreTheCountsOfTheSupport() {
        Law law = Families.parse("pairs:4");
        PredictiveRows rows = rows(law, "optimal");
        StepLaw k = StepLaw.of(rows, Samplers.parse("mdlm:steps=2,eps=1/4", 4, Schedule.Convention.REVEAL), 1, 0, 0,
                b -> { });
        assertEquals(0b11111, k.revealedCounts(), "0 to 4 positions");
        StepLaw r = StepLaw.of(rows, RandomOrder.of(Schedule.of(4, 1, 3)), 2, 1, 1, b -> { });
        assertEquals(0b1000, r.revealedCounts());
    }

    @Test
    void badStepsStatesAndLengthsAreRefused() {
        Law law = Families.parse("pairs:2");
        PredictiveRows rows = rows(law, "optimal");
        Sampler s = RandomOrder.of(Schedule.of(2, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> StepLaw.of(rows, s, 0, 0, 0, b -> { }));
        assertThrows(IllegalArgumentException.class, () -> StepLaw.of(rows, s, 3, 0, 0, b -> { }));
        assertThrows(IllegalArgumentException.class, () -> StepLaw.of(rows, s, 1, 4, 0, b -> { }));
        assertThrows(IllegalArgumentException.class, () -> StepLaw.of(rows, s, 1, 1, 2, b -> { }));
        assertThrows(IllegalArgumentException.class,
                () -> StepLaw.of(rows, RandomOrder.of(Schedule.of(3, 1, 2)), 1, 0, 0, b -> { }));
    }

    @Test
    void boundariesOfTheStateAreReported() {
        // uniform: every masked position ties on every key
        Law law = Families.parse("uniform:2,3");
        PredictiveRows rows = rows(law, "optimal");
        List<Boundary> seen = new ArrayList<>();
        StepLaw.of(rows, Samplers.parse("top-probability:1,2", 3, Schedule.Convention.REVEAL), 1, 0, 0, seen::add);
        assertEquals(1, seen.size());
        assertEquals(Boundary.Kind.TIE, seen.get(0).kind());
        assertEquals(0b111, seen.get(0).positions());
    }

    @Test
    void theEnumerationIsRefusedAboveItsLimit() {
        Law law = Families.parse("uniform:2,4");
        PredictiveRows rows = rows(law, "optimal");
        Sampler s = Samplers.parse("mdlm:steps=2,eps=1/4", 4, Schedule.Convention.REVEAL);
        // four masked positions, each with 3 outcomes: 81
        assertEquals(81, ProcessLaw.Kernels.at(rows, s, 1, 0, 0, b -> { }, 81).size(), "every outcome a distinct state");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ProcessLaw.Kernels.at(rows, s, 1, 0, 0, b -> { }, 80));
        assertEquals("sampler.too-large", e.code());
        assertTrue(e.getMessage().contains("about 81 outcomes"), e.getMessage());
        assertTrue(e.getMessage().contains("[-1, -1, -1, -1]"), e.getMessage());
        // random-order 2 of 4: 6 branches of 4 outcomes each
        State st = State.of(rows, 1, 0, 0, b -> { });
        Moves mv = new Moves(st);
        RandomOrder.of(Schedule.of(4, 2, 2)).step(st, mv);
        assertEquals(24, ProcessLaw.Kernels.outcomes(mv));
        Moves stay = new Moves(st);
        stay.stay();
        assertEquals(1, ProcessLaw.Kernels.outcomes(stay));
    }
}
