package org.dlmexact.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.law.SplitMix64;
import org.dlmexact.sampler.PredictiveRows;
import org.dlmexact.sampler.Predictors;
import org.dlmexact.sampler.ProcessSampler;
import org.dlmexact.sampler.Sampler;
import org.dlmexact.sampler.Samplers;
import org.dlmexact.sampler.Schedule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link TrajectoryValidator}: runs of our exact sampler pass for every kind of sampler (fixed seeds,
 * so deterministic); every structural rule has its own case, message, line and step; malformed
 * lines are refused one by one; the bookkeeping (counts, steps, Holm's adjustment) is checked
 * against the definitions.
 */
class TrajectoryValidatorTest {

    static PredictiveRows rows(Law law) {
        MarginalLattice lat = MarginalLattice.of(law);
        return new PredictiveRows(lat, Predictors.optimal(lat));
    }

    static Sampler sampler(String spec, int length) {
        return Samplers.parse(spec, length, Schedule.Convention.REVEAL);
    }

    /** {@code n} runs of {@code sampler} drawn with seed {@code seed}, as JSON Lines. */
    static String runs(PredictiveRows rows, Sampler sampler, int n, long seed) {
        ProcessSampler ps = new ProcessSampler(rows, sampler);
        SplitMix64 rng = new SplitMix64(seed);
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < n; c++) {
            sb.append(line(ps.trajectory(rng))).append('\n');
        }
        return sb.toString();
    }

    static String line(List<int[]> states) {
        StringBuilder sb = new StringBuilder("{\"states\":[");
        for (int k = 0; k < states.size(); k++) {
            sb.append(k == 0 ? "" : ",").append(Arrays.toString(states.get(k)).replace(" ", ""));
        }
        return sb.append("]}").toString();
    }

    static TrajectoryValidator.Result validate(String text, PredictiveRows rows, Sampler s, double alpha) {
        try {
            return TrajectoryValidator.validate(new StringReader(text), "runs", rows, s, alpha);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static final List<String> SAMPLERS = List.of("random-order:2,1,1", "random-order:one-shot",
            "top-probability:1,3", "entropy-sum:1/2", "low-confidence:2,2", "mdlm:steps=3,eps=1/4",
            "bernoulli:alphas=0;1/2;1,final=sample", "dream:alg=origin,steps=2", "dream:alg=entropy,steps=3",
            "dream:alg=maskgit_plus,steps=2", "llada:steps=4,block=2", "fast-dllm:threshold=1/2", "eb:gamma=1/2",
            "remdm:mode=cap,eta=1/2,steps=2", "top-probability:2,2,ties=uniform");

    @TestFactory
    Stream<DynamicTest> runsOfTheExactSamplerPassForEverySampler() {
        List<DynamicTest> out = new ArrayList<>();
        for (String lawSpec : List.of("random:2,4,21", "markov:4:3/4,1/4;1/3,2/3")) {
            for (String spec : SAMPLERS) {
                out.add(dynamicTest(lawSpec + " " + spec + " (seed 11)", () -> {
                    Law law = Families.parse(lawSpec);
                    PredictiveRows rows = rows(law);
                    Sampler s = sampler(spec, 4);
                    String text = runs(rows, s, 3000, 11);
                    TrajectoryValidator.Result r = validate(text, rows, s, 0.001);
                    assertNull(r.violation(), () -> String.valueOf(r.violation()));
                    assertTrue(r.consistent(), "p = " + r.pValue() + ", worst " + (r.worstContexts().isEmpty() ? ""
                            : r.worstContexts().get(0).step()));
                    assertEquals(3000, r.runs());
                    long steps = text.lines().mapToLong(l -> l.split("\\],\\[").length - 1).sum();
                    assertEquals(steps, r.transitions());
                    assertTrue(r.testedContexts() >= 1, "something was tested");
                    assertTrue(r.degreesOfFreedom() >= r.testedContexts());
                    double g = 0;
                    long df = 0;
                    for (TrajectoryValidator.StepResult st : r.steps()) {
                        g += st.statistic();
                        df += st.degreesOfFreedom();
                        assertTrue(st.contexts() >= st.tested());
                    }
                    assertEquals(r.statistic(), g, 1e-9 * Math.max(1, g));
                    assertEquals(r.degreesOfFreedom(), df);
                }));
            }
        }
        return out.stream();
    }

    @Test
    void holmAdjustsTheWorstContextsOverAllTestedOnes() {
        Law law = Families.parse("random:2,4,3");
        PredictiveRows rows = rows(law);
        Sampler s = sampler("random-order:1,1,1,1", 4);
        TrajectoryValidator.Result r = validate(runs(rows, s, 4000, 5), rows, s, 0.001);
        List<TrajectoryValidator.ContextResult> w = r.worstContexts();
        assertEquals(TrajectoryValidator.WORST, w.size());
        int t = r.testedContexts();
        double running = 0;
        for (int k = 0; k < w.size(); k++) {
            TrajectoryValidator.ContextResult c = w.get(k);
            running = Math.max(running, Math.min(1, (t - k) * c.pValue()));
            assertEquals(running, c.adjustedPValue(), 1e-15, "rank " + k);
            if (k > 0) {
                assertTrue(w.get(k - 1).pValue() <= c.pValue(), "sorted by p-value");
            }
            long cellSum = c.pooledObserved();
            double expSum = c.pooledExpected();
            for (TrajectoryValidator.Cell cell : c.cells()) {
                cellSum += cell.observed();
                expSum += cell.expected();
                assertEquals(c.visits() * cell.probability().toDouble(), cell.expected(), 1e-9);
            }
            if (c.cells().size() + (c.pooledCells() > 0 ? 1 : 0) <= TrajectoryValidator.DETAILS) {
                assertEquals(c.visits(), cellSum, "every visit is in a cell");
                assertEquals(c.visits(), expSum, 1e-6);
            }
        }
    }

    private static TrajectoryValidator.Violation violation(String text, String samplerSpec) {
        Law law = Families.parse("pairs:4");
        PredictiveRows rows = rows(law);
        TrajectoryValidator.Result r = validate(text, rows, sampler(samplerSpec, 4), 0.001);
        assertFalse(r.consistent());
        assertTrue(Double.isNaN(r.pValue()));
        return r.violation();
    }

    private static final String OK = "{\"states\":[[-1,-1,-1,-1],[0,0,-1,-1],[0,0,1,1]]}\n";

    @Test
    void aRunMustStartAllMasked() {
        TrajectoryValidator.Violation v = violation(OK + "{\"states\":[[0,-1,-1,-1],[0,0,-1,-1],[0,0,1,1]]}\n",
                "random-order:2,2");
        assertEquals(TrajectoryValidator.Rule.START, v.rule());
        assertEquals(2, v.line());
        assertEquals(0, v.step());
        assertTrue(v.message().contains("starts with every position masked"), v.message());
        assertEquals("start", v.rule().toString());
    }

    @Test
    void aFixedStepSamplerHasExactlyStepsPlusOneStates() {
        TrajectoryValidator.Violation v = violation(OK + OK + "{\"states\":[[-1,-1,-1,-1],[0,0,1,1]]}\n",
                "random-order:2,2");
        assertEquals(TrajectoryValidator.Rule.ENTRIES, v.rule());
        assertEquals(3, v.line());
        assertEquals(2, v.step(), "the first missing step");
        assertTrue(v.message().contains("has 2 states") && v.message().contains("exactly 3"), v.message());
        TrajectoryValidator.Violation w = violation("{\"states\":[[-1,-1,-1,-1],[0,0,-1,-1],[0,0,1,1],[0,0,1,1]]}\n",
                "random-order:2,2");
        assertEquals(TrajectoryValidator.Rule.ENTRIES, w.rule());
        assertEquals(3, w.step(), "the first extra step");
        assertEquals(TrajectoryValidator.Rule.ENTRIES, violation("{\"states\":[]}\n", "random-order:2,2").rule());
        TrajectoryValidator.Violation one = violation("{\"states\":[[-1,-1,-1,-1],[0,0,1,1],[0,0,1,1]]}\n",
                "random-order:one-shot");
        assertEquals(TrajectoryValidator.Rule.ENTRIES, one.rule(), "one fixed step: exactly two states");
        assertEquals(2, one.step());
    }

    @Test
    void aSamplerThatRunsUntilAllVisibleStopsThereAndNotBefore() {
        // pairs:4 with entropy-sum:0: first step reveals one position (entropy ln 2 each), then its partner (0)
        TrajectoryValidator.Violation tooLong = violation(
                "{\"states\":[[-1,-1,-1,-1],[0,-1,-1,-1],[0,0,-1,-1],[0,0,1,-1],[0,0,1,1],[0,0,1,1]]}\n",
                "entropy-sum:0");
        assertEquals(TrajectoryValidator.Rule.ENTRIES, tooLong.rule());
        assertEquals(4, tooLong.step());
        assertEquals("every position is visible after step 4, where entropy-sum:0 stops, but the run has 1 more state",
                tooLong.message());
        assertTrue(violation("{\"states\":[[-1,-1,-1,-1],[0,-1,-1,-1],[0,0,-1,-1],[0,0,1,-1],[0,0,1,1],[0,0,1,1],"
                + "[0,0,1,1]]}\n", "entropy-sum:0").message().endsWith("but the run has 2 more states"));
        TrajectoryValidator.Violation tooShort = violation(
                "{\"states\":[[-1,-1,-1,-1],[0,-1,-1,-1],[0,0,-1,-1]]}\n", "entropy-sum:0");
        assertEquals(TrajectoryValidator.Rule.ENTRIES, tooShort.rule());
        assertEquals(2, tooShort.step());
        assertTrue(tooShort.message().contains("ends after step 2 with masked positions"), tooShort.message());
        assertEquals(TrajectoryValidator.Rule.ENTRIES,
                violation("{\"states\":[[-1,-1,-1,-1]]}\n", "entropy-sum:0").rule());
    }

    @Test
    void aVisibleTokenNeverChanges() {
        TrajectoryValidator.Violation v = violation("{\"states\":[[-1,-1,-1,-1],[0,0,-1,-1],[1,1,1,1]]}\n",
                "random-order:2,2");
        assertEquals(TrajectoryValidator.Rule.TOKEN_CHANGED, v.rule());
        assertEquals(1, v.line());
        assertEquals(2, v.step());
        assertTrue(v.message().contains("position 0 changes from token 0 to 1"), v.message());
        assertEquals("[0, 0, -1, -1]", Arrays.toString(v.from()));
        TrajectoryValidator.Violation toZero = violation("{\"states\":[[-1,-1,-1,-1],[1,1,-1,-1],[0,1,0,0]]}\n",
                "random-order:2,2");
        assertEquals(TrajectoryValidator.Rule.TOKEN_CHANGED, toZero.rule());
        assertTrue(toZero.message().contains("position 0 changes from token 1 to 0"), toZero.message());
        assertEquals("[1, 1, 1, 1]", Arrays.toString(v.to()));
        assertTrue(v.toString().startsWith("line 1, step 2, [0, 0, -1, -1] -> [1, 1, 1, 1]: rule token-changed: "),
                v.toString());
    }

    @Test
    void aSamplerThatNeverReMasksKeepsVisiblePositionsVisible() {
        TrajectoryValidator.Violation v = violation("{\"states\":[[-1,-1,-1,-1],[0,0,-1,-1],[0,-1,1,1]]}\n",
                "random-order:2,2");
        assertEquals(TrajectoryValidator.Rule.REMASKED, v.rule());
        assertTrue(v.message().contains("position 1 (token 0) is masked again"), v.message());
        // ReMDM re-masks: position 1 masked again while 2 and 3 are revealed, then the final argmax
        Law law = Families.parse("pairs:4");
        PredictiveRows rows = rows(law);
        TrajectoryValidator.Result r = validate("{\"states\":[[-1,-1,-1,-1],[0,0,-1,-1],[0,-1,1,1],[0,0,1,1]]}\n",
                rows, sampler("remdm:mode=cap,eta=1/2,steps=2", 4), 0.001);
        assertNull(r.violation(), () -> String.valueOf(r.violation()));
    }

    @Test
    void aStepRevealsOnlyCountsTheSamplerCanReveal() {
        TrajectoryValidator.Violation v = violation("{\"states\":[[-1,-1,-1,-1],[0,-1,-1,-1],[0,0,1,1]]}\n",
                "random-order:2,2");
        assertEquals(TrajectoryValidator.Rule.REVEAL_COUNT, v.rule());
        assertEquals(1, v.step());
        assertTrue(v.message().contains("1 position is revealed") && v.message().contains("reveals 2"), v.message());
        TrajectoryValidator.Violation w = violation("{\"states\":[[-1,-1,-1,-1],[-1,-1,-1,-1],[0,0,-1,-1],[0,0,1,1]]}\n",
                "mdlm:steps=2,eps=0");
        assertEquals(TrajectoryValidator.Rule.REVEAL_COUNT, w.rule(), w::toString);
        assertEquals(2, w.step(), "mdlm's grid with eps = 0 reveals every masked position at step 2");
        assertTrue(w.message().contains("reveals 4"), w.message());
        // LLaDA, two blocks of 2, three steps per block: counts 1, 1, 0 in each block
        TrajectoryValidator.Violation z = violation("{\"states\":[[-1,-1,-1,-1],[0,-1,-1,-1],[0,0,-1,-1],[0,0,1,-1],"
                + "[0,0,1,1],[0,0,1,1],[0,0,1,1]]}\n", "llada:steps=6,block=2");
        assertEquals(TrajectoryValidator.Rule.REVEAL_COUNT, z.rule(), z::toString);
        assertEquals(3, z.step());
        assertEquals("1 position is revealed, but at this step and state llada:steps=6,block=2,remasking=low_confidence,"
                + "temperature=1,ties=lowest reveals 0", z.message());
    }

    @Test
    void aStepGoesOnlyWhereTheKernelCanGo() {
        // pairs:4: positions 0 and 1 are equal, so given x_0 = 0 the predictor gives x_1 = 1 probability 0
        TrajectoryValidator.Violation v = violation("{\"states\":[[-1,-1,-1,-1],[0,-1,-1,-1],[0,1,0,0]]}\n",
                "random-order:1,3");
        assertEquals(TrajectoryValidator.Rule.UNREACHABLE, v.rule());
        assertEquals(2, v.step());
        assertTrue(v.message().contains("probability 0 under the exact kernel"), v.message());
        // deterministic rule: top-probability:1,3 must take the lowest position when all tie
        TrajectoryValidator.Violation w = violation("{\"states\":[[-1,-1,-1,-1],[-1,1,-1,-1],[1,1,0,0]]}\n",
                "top-probability:1,3");
        assertEquals(TrajectoryValidator.Rule.UNREACHABLE, w.rule());
    }

    private static InvalidInputException malformed(String text) {
        Law law = Families.parse("pairs:4");
        return assertThrows(InvalidInputException.class,
                () -> validate(text, rows(law), sampler("random-order:2,2", 4), 0.001));
    }

    @Test
    void malformedLinesAreRefusedNamingTheLineAndEntry() {
        String[][] cases = {
            {"", "trajectories.empty", "no trajectories"},
            {OK + "\n" + OK, "trajectories.line", "line 2 is empty"},
            {OK + "{\"states\":[[-1,-1,-1,-1],[0,0,-1", "trajectories.line", "line 2 is not valid JSON"},
            {"[1,2]\n", "trajectories.line", "line 1 is not a JSON object"},
            {"{\"state\":[]}\n", "trajectories.line", "unknown field \"state\""},
            {"{}\n", "trajectories.line", "has no \"states\""},
            {"{\"states\":[[-1,-1,-1,-1]],\"states\":[]}\n", "trajectories.line", "not valid JSON"},
            {"{\"states\":3}\n", "trajectories.line", "\"states\" is not an array"},
            {"{\"states\":[3]}\n", "trajectories.line", "states[0] is not an array of 4 integers"},
            {"{\"states\":[[-1,-1,-1]]}\n", "trajectories.line", "states[0] has 3 entries, expected 4"},
            {"{\"states\":[[-1,-1,-1,-1],[0,0,-1,-1,-1]]}\n", "trajectories.line", "states[1] has more than 4"},
            {"{\"states\":[[-1,-1,-1,-1],[0,2,-1,-1]]}\n", "trajectories.line", "states[1][1] is 2, not -1 (masked)"},
            {"{\"states\":[[-1,-1,-1,-2]]}\n", "trajectories.line", "states[0][3] is -2"},
            {"{\"states\":[[-1,-1,-1,1.5]]}\n", "trajectories.line", "states[0][3] is 1.5"},
            {"{\"states\":[[-1,-1,-1,\"a\"]]}\n", "trajectories.line", "states[0][3] is the string \"a\""},
            {"{\"states\":[[-1,-1,-1,99999999999999999999]]}\n", "trajectories.line", "is 99999999999999999999"},
            {"{\"states\":[[-1,-1,-1,[0]]]}\n", "trajectories.line", "states[0][3] is an array"},
            {"{\"states\":[]} x\n", "trajectories.line", "not valid JSON"},
            {"{\"states\":[]} {}\n", "trajectories.line", "content after the JSON object"},
        };
        for (String[] c : cases) {
            InvalidInputException e = malformed(c[0]);
            assertEquals(c[1], e.code(), c[0] + ": " + e.getMessage());
            assertTrue(e.getMessage().contains(c[2]), c[0] + ": " + e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        }
        // a final line end is fine, also CRLF
        Law law = Families.parse("pairs:4");
        assertEquals(2, validate(OK.replace("\n", "\r\n") + OK.strip(), rows(law), sampler("random-order:2,2", 4),
                0.001).runs());
    }

    /** An endless line: refused as soon as it passes the limit, so it is never held (bounded memory). */
    @Test
    void anEndlessLineIsRefusedAtTheLimit() {
        Law law = Families.parse("pairs:4");
        Sampler s = sampler("random-order:2,2", 4);
        int limit = TrajectoryValidator.maxLineChars(s, 4);
        assertEquals(4096 + 3 * (8 * 4 + 16), limit);
        Reader endless = new Reader() {
            long served;

            @Override
            public int read(char[] buf, int off, int len) {
                java.util.Arrays.fill(buf, off, off + len, ' ');
                served += len;
                if (served > 100L << 20) {
                    throw new AssertionError("read 100 MB of one line");
                }
                return len;
            }

            @Override
            public void close() {
            }
        };
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TrajectoryValidator.validate(endless, "endless", rows(law), s, 0.001));
        assertEquals("io.too-large", e.code());
        assertTrue(e.getMessage().contains("line 1 is longer than " + limit + " characters"), e.getMessage());
        assertEquals(4096 + 101 * (8 * 16 + 16), TrajectoryValidator.maxLineChars(sampler("mdlm:steps=99", 16), 16));
        assertEquals(4096 + 17 * (8 * 16 + 16), TrajectoryValidator.maxLineChars(sampler("eb:gamma=1", 16), 16));
    }

    @Test
    void theSamplerAndLevelMustFit() {
        Law law = Families.parse("pairs:4");
        assertThrows(IllegalArgumentException.class, () -> validate(OK, rows(law), sampler("random-order:2,1", 3), 0.001));
        assertThrows(IllegalArgumentException.class, () -> validate(OK, rows(law), sampler("random-order:2,2", 4), 1));
        assertThrows(IllegalArgumentException.class, () -> validate(OK, rows(law), sampler("random-order:2,2", 4), 0));
    }
}
