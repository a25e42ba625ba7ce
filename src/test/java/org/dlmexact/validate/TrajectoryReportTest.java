package org.dlmexact.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.Rational;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.sampler.PredictiveRows;
import org.dlmexact.sampler.Sampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The numbers of a {@code validate trajectories} report, on runs written by hand so that every
 * count, statistic and p-value is worked out here from its definition.
 */
class TrajectoryReportTest {

    /** {@code k} copies of the one-step run ending in {@code x}. */
    private static String runs(int k, String x) {
        return ("{\"states\":[[-1,-1]," + x + "]}\n").repeat(k);
    }

    /** uniform:2,2, one-shot: 16 x (0,0), 8 each of the others, expected 10 each. */
    private static final String UNIFORM = runs(16, "[0,0]") + runs(8, "[0,1]") + runs(8, "[1,0]") + runs(8, "[1,1]");

    /** The report on the one-step runs {@code text} of {@code random-order:one-shot} on {@code lawSpec} (L = 2). */
    private static TrajectoryValidator.Result oneShot(String lawSpec, String text, double alpha) {
        return TrajectoryValidatorTest.validate(text, TrajectoryValidatorTest.rows(Families.parse(lawSpec)),
                TrajectoryValidatorTest.sampler("random-order:one-shot", 2), alpha);
    }

    private static TrajectoryValidator.Result uniform(double alpha) {
        return oneShot("uniform:2,2", UNIFORM, alpha);
    }

    @Test
    void oneContextWorkedByHand() {
        TrajectoryValidator.Result r = uniform(0.001);
        double g = 2 * (16 * Math.log(1.6) + 24 * Math.log(0.8));
        double p = ChiSquaredDistribution.of(3).survivalProbability(g);
        assertEquals(40, r.runs());
        assertEquals(40, r.transitions());
        assertEquals(1, r.contexts());
        assertEquals(1, r.testedContexts());
        assertEquals(40, r.testedTransitions());
        assertEquals(g, r.statistic(), 1e-12);
        assertEquals(3, r.degreesOfFreedom());
        assertEquals(p, r.pValue(), 1e-12);
        assertEquals(0.001, r.alpha());
        assertTrue(r.consistent());
        assertNull(r.violation());
        assertEquals("random-order:2", r.sampler());
        assertEquals(List.of(), r.boundaries());
        assertEquals(0, r.boundaryCount());
        assertEquals(3, r.power().degreesOfFreedom());
        assertEquals(0.001, r.power().alpha());
        TrajectoryValidator.StepResult st = r.steps().get(0);
        assertEquals(1, r.steps().size());
        assertEquals(List.of(1, 1, 1, 3), List.of(st.step(), st.contexts(), st.tested(), (int) st.degreesOfFreedom()));
        assertEquals(g, st.statistic(), 1e-12);
        assertEquals(p, st.pValue(), 1e-12);
        TrajectoryValidator.ContextResult c = r.worstContexts().get(0);
        assertEquals(1, r.worstContexts().size());
        assertEquals("[-1, -1]", Arrays.toString(c.state()));
        assertEquals(List.of(1, 40, 3), List.of(c.step(), c.visits(), c.degreesOfFreedom()));
        assertEquals(g, c.statistic(), 1e-12);
        assertEquals(p, c.pValue(), 1e-12);
        assertEquals(p, c.adjustedPValue(), 1e-12, "one tested context: Holm changes nothing");
        assertEquals(0, c.pooledCells());
        assertEquals(0, c.pooledObserved());
        assertEquals(0.0, c.pooledExpected());
        // cells: the largest residual first, the three equal ones in the kernel's order
        List<TrajectoryValidator.Cell> cells = c.cells();
        assertEquals(4, cells.size());
        assertEquals("[0, 0]", Arrays.toString(cells.get(0).next()));
        assertEquals(16, cells.get(0).observed());
        assertEquals(10.0, cells.get(0).expected(), 1e-12);
        assertEquals(6 / Math.sqrt(10), cells.get(0).residual(), 1e-12);
        assertEquals(Rational.of(1, 4), cells.get(0).probability());
        assertEquals(List.of("[0, 1]", "[1, 0]", "[1, 1]"), cells.subList(1, 4).stream()
                .map(x -> Arrays.toString(x.next())).toList());
        assertEquals(-2 / Math.sqrt(10), cells.get(3).residual(), 1e-12);
        // deviations: (position, token) counts after the step, all four with |residual| 4/sqrt(20)
        List<TrajectoryValidator.Deviation> d = c.deviations();
        assertEquals(4, d.size());
        int[][] expected = {{0, 0, 24}, {0, 1, 16}, {1, 0, 24}, {1, 1, 16}};
        for (int k = 0; k < 4; k++) {
            assertEquals(expected[k][0], d.get(k).position());
            assertEquals(expected[k][1], d.get(k).token());
            assertEquals(expected[k][2], d.get(k).observed());
            assertEquals(20.0, d.get(k).expected(), 1e-12);
            assertEquals((expected[k][2] - 20) / Math.sqrt(20), d.get(k).residual(), 1e-12);
        }
        TrajectoryValidator.Result strict = uniform(0.5);
        assertEquals(p < 0.5, !strict.consistent());
    }

    @Test
    void aPValueEqualToTheLevelIsConsistent() {
        // SPEC: not consistent when p < A; p = A is consistent
        double p = uniform(0.5).pValue();
        assertTrue(uniform(p).consistent(), "p = alpha = " + p);
        assertFalse(uniform(Math.nextUp(p)).consistent());
    }

    @Test
    void countsThatEqualTheirExpectationsDeviateNowhere() {
        // product:2:1/10,9/10, one shot, 9000 runs split exactly as the kernel: 90, 810, 810, 7290. Every
        // (position, token) count after the step equals its expectation (900 or 8100), although the
        // expected counts, 9000 * double(p) summed over next states, carry rounding errors (about 1e-12)
        String text = runs(90, "[0,0]") + runs(810, "[0,1]") + runs(810, "[1,0]") + runs(7290, "[1,1]");
        TrajectoryValidator.ContextResult c = oneShot("product:2:1/10,9/10", text, 0.001).worstContexts().get(0);
        assertEquals(9000, c.visits());
        assertEquals(3, c.degreesOfFreedom());
        assertEquals(0.0, c.statistic(), 1e-9);
        assertEquals(List.of(), c.deviations());
    }

    @Test
    void cellsAndDeviationsComeLargestResidualFirst() {
        // expected 10 each; residuals -0.63, +1.26, -1.26, +0.63; after the step position 0 is 0 in 22 runs
        // (expected 20) and position 1 in 14 (expected 20)
        String text = runs(8, "[0,0]") + runs(14, "[0,1]") + runs(6, "[1,0]") + runs(12, "[1,1]");
        TrajectoryValidator.ContextResult c = oneShot("uniform:2,2", text, 0.001).worstContexts().get(0);
        assertEquals(List.of("[0, 1]", "[1, 0]", "[0, 0]", "[1, 1]"), c.cells().stream()
                .map(x -> Arrays.toString(x.next())).toList());
        assertEquals(List.of("1:0", "1:1", "0:0", "0:1"), c.deviations().stream()
                .map(d -> d.position() + ":" + d.token()).toList());
    }

    @Test
    void aContextTooRareToTestCountsButIsNotTested() {
        // three runs, expected 3/4 each: all four cells pooled into one, nothing to test
        TrajectoryValidator.Result r = oneShot("uniform:2,2", runs(3, "[0,1]"), 0.001);
        assertEquals(1, r.contexts());
        assertEquals(0, r.testedContexts());
        assertEquals(0, r.testedTransitions());
        assertEquals(0, r.degreesOfFreedom());
        assertTrue(Double.isNaN(r.pValue()));
        assertTrue(r.consistent());
        assertNull(r.power());
        assertEquals(List.of(), r.worstContexts());
        assertEquals(1, r.steps().get(0).contexts());
        assertEquals(0, r.steps().get(0).tested());
        assertTrue(Double.isNaN(r.steps().get(0).pValue()));
    }

    @Test
    void aPooledContextWorkedByHand() {
        // expected 0.4, 3.6, 3.6 pooled (7.6 >= 5); the fourth, 32.4, alone: two cells, one degree of freedom
        String text = runs(1, "[0,0]") + runs(4, "[0,1]") + runs(3, "[1,0]") + runs(32, "[1,1]");
        TrajectoryValidator.Result r = oneShot("product:2:1/10,9/10", text, 0.001);
        double g = 2 * (8 * Math.log(8 / 7.6) + 32 * Math.log(32 / 32.4));
        assertEquals(g, r.statistic(), 1e-12);
        assertEquals(1, r.degreesOfFreedom());
        TrajectoryValidator.ContextResult c = r.worstContexts().get(0);
        assertEquals(3, c.pooledCells());
        assertEquals(8, c.pooledObserved());
        assertEquals(7.6, c.pooledExpected(), 1e-12);
        assertEquals(1, c.cells().size());
        assertEquals("[1, 1]", Arrays.toString(c.cells().get(0).next()));
        assertEquals(Rational.of(81, 100), c.cells().get(0).probability());
    }

    @Test
    void theFileAndTheReaderGiveTheSameReport(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("runs.jsonl");
        Files.writeString(f, UNIFORM);
        Law law = Families.parse("uniform:2,2");
        PredictiveRows rows = TrajectoryValidatorTest.rows(law);
        Sampler s = TrajectoryValidatorTest.sampler("random-order:one-shot", 2);
        TrajectoryValidator.Result r = TrajectoryValidator.validate(f, rows, s, 0.001);
        assertEquals(uniform(0.001).statistic(), r.statistic());
        assertEquals(40, r.runs());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TrajectoryValidator.validate(dir.resolve("none.jsonl"), rows, s, 0.001));
        assertEquals("io.read", e.code());
        Files.writeString(f, "{\"states\":[[-1,-1],[0,0]]}\n{\"states\":[[0,-1],[0,0]]}\n");
        assertEquals(TrajectoryValidator.Rule.START, TrajectoryValidator.validate(f, rows, s, 0.001).violation()
                .rule(), "the file is read up to the violation");
    }

    @Test
    void memoryLimitsAreRefusalsAndTheCacheOnlyCostsTime() throws IOException {
        Law law = Families.parse("random:2,4,7");
        PredictiveRows rows = TrajectoryValidatorTest.rows(law);
        Sampler s = TrajectoryValidatorTest.sampler("random-order:2,1,1", 4);
        String text = TrajectoryValidatorTest.runs(rows, s, 500, 2);
        TrajectoryValidator.Result full = TrajectoryValidatorTest.validate(text, rows, s, 0.001);
        // the distinct contexts and (context, next state) pairs, counted here from the runs and the kernels
        java.util.Set<String> contexts = new java.util.HashSet<>();
        java.util.Set<String> pairs = new java.util.HashSet<>();
        for (String line : text.lines().toList()) {
            String[] st = line.substring("{\"states\":[".length(), line.length() - 2).split("(?<=\\]),");
            for (int j = 1; j < st.length; j++) {
                int[] x = Arrays.stream(st[j - 1].replaceAll("[\\[\\]]", "").split(",")).mapToInt(Integer::parseInt)
                        .toArray();
                int mask = 0;
                for (int i = 0; i < 4; i++) {
                    mask |= x[i] >= 0 ? 1 << i : 0;
                }
                int[] y = x.clone();
                for (int i = 0; i < 4; i++) {
                    y[i] = Math.max(0, y[i]);
                }
                org.dlmexact.sampler.StepLaw k = org.dlmexact.sampler.StepLaw.of(rows, s, j, mask,
                        org.dlmexact.sampler.Context.encode(law.space(), mask, y), b -> { });
                if (k.size() > 1) {
                    contexts.add(j + " " + st[j - 1]);
                    pairs.add(j + " " + st[j - 1] + " " + st[j]);
                }
            }
        }
        assertEquals(contexts.size(), full.contexts());
        TrajectoryValidator.validate(new StringReader(text), "runs", rows, s, 0.001,
                new TrajectoryValidator.Limits(contexts.size(), pairs.size(), 1_000_000));
        assertThrows(InvalidInputException.class, () -> TrajectoryValidator.validate(new StringReader(text), "runs", rows,
                s, 0.001, new TrajectoryValidator.Limits(contexts.size(), pairs.size() - 1, 1_000_000)));
        TrajectoryValidator.Result tiny = TrajectoryValidator.validate(new StringReader(text), "runs", rows, s, 0.001,
                new TrajectoryValidator.Limits(full.contexts(), 1_000_000, 1));
        assertEquals(full.statistic(), tiny.statistic(), "recomputed kernels give the same test");
        assertEquals(full.degreesOfFreedom(), tiny.degreesOfFreedom());
        InvalidInputException c = assertThrows(InvalidInputException.class, () -> TrajectoryValidator.validate(
                new StringReader(text), "runs", rows, s, 0.001, new TrajectoryValidator.Limits(full.contexts() - 1,
                        1_000_000, 1_000_000)));
        assertEquals("trajectories.too-large", c.code());
        assertTrue(c.getMessage().contains("more than " + (full.contexts() - 1) + " distinct (step, state) contexts"),
                c.getMessage());
        InvalidInputException p = assertThrows(InvalidInputException.class, () -> TrajectoryValidator.validate(
                new StringReader(text), "runs", rows, s, 0.001, new TrajectoryValidator.Limits(1_000_000, 10,
                        1_000_000)));
        assertTrue(p.getMessage().contains("more than 10 distinct (context, next state) pairs"), p.getMessage());
    }

    @Test
    void equalPValuesAreOrderedByStepThenState() {
        // two paths, 2000 runs each: every context's p-value is 0 (below the smallest double); the step-3
        // context of the first path is met before the step-2 context of the second, yet comes after it
        Law law = Families.parse("uniform:2,3");
        String a = "{\"states\":[[-1,-1,-1],[0,-1,-1],[0,0,-1],[0,0,0]]}\n";
        String b = "{\"states\":[[-1,-1,-1],[-1,-1,1],[-1,1,1],[1,1,1]]}\n";
        TrajectoryValidator.Result r = TrajectoryValidatorTest.validate(a.repeat(2000) + b.repeat(2000),
                TrajectoryValidatorTest.rows(law), TrajectoryValidatorTest.sampler("random-order:1,1,1", 3), 0.001);
        List<TrajectoryValidator.ContextResult> w = r.worstContexts();
        for (TrajectoryValidator.ContextResult c : w) {
            assertEquals(0.0, c.pValue(), "p = 0 at step " + c.step());
        }
        assertEquals(List.of(1, 2, 2, 3, 3), w.stream().map(TrajectoryValidator.ContextResult::step).toList());
        assertEquals("[0, -1, -1]", Arrays.toString(w.get(1).state()), "at step 2, mask 1 before mask 4");
    }

    @Test
    void manyContextsAreCounted() {
        // ten single steps: after the first step nearly every state is new, so some thousands of contexts
        Law law = Families.parse("uniform:2,10");
        PredictiveRows rows = TrajectoryValidatorTest.rows(law);
        Sampler s = TrajectoryValidatorTest.sampler("random-order:ones", 10);
        String text = TrajectoryValidatorTest.runs(rows, s, 300, 8);
        TrajectoryValidator.Result r = TrajectoryValidatorTest.validate(text, rows, s, 0.001);
        java.util.Set<String> contexts = new java.util.HashSet<>();
        for (String line : text.lines().toList()) {
            String[] st = line.substring("{\"states\":[".length(), line.length() - 2).split("(?<=\\]),");
            for (int j = 1; j < st.length - 1; j++) {
                contexts.add(j + " " + st[j - 1]); // the last step from one masked position has two next states too
            }
            contexts.add((st.length - 1) + " " + st[st.length - 2]);
        }
        assertTrue(r.contexts() > 1024, r.contexts() + " contexts");
        assertEquals(contexts.size(), r.contexts());
        assertEquals(3000, r.transitions());
    }

    @Test
    void boundariesOfTheVisitedStatesAreReported() {
        // uniform:2,3 with top-probability:1,2: the three positions tie at the start; the second step takes both
        Law law = Families.parse("uniform:2,3");
        PredictiveRows rows = TrajectoryValidatorTest.rows(law);
        Sampler s = TrajectoryValidatorTest.sampler("top-probability:1,2", 3);
        TrajectoryValidator.Result r = TrajectoryValidatorTest.validate(TrajectoryValidatorTest.runs(rows, s, 50, 1),
                rows, s, 0.001);
        assertEquals(1, r.boundaryCount());
        assertEquals(1, r.boundaries().size());
        assertEquals(0b111, r.boundaries().get(0).positions());
    }

    @Test
    void theLineLimitIsExact() {
        Law law = Families.parse("pairs:4");
        PredictiveRows rows = TrajectoryValidatorTest.rows(law);
        Sampler s = TrajectoryValidatorTest.sampler("random-order:2,2", 4);
        int limit = TrajectoryValidator.maxLineChars(s, 4);
        InvalidInputException atLimit = assertThrows(InvalidInputException.class,
                () -> TrajectoryValidatorTest.validate(" ".repeat(limit) + "\n", rows, s, 0.001));
        assertTrue(atLimit.getMessage().contains("line 1 is empty"), atLimit.getMessage());
        InvalidInputException crlf = assertThrows(InvalidInputException.class,
                () -> TrajectoryValidatorTest.validate(" ".repeat(limit) + "\r\n", rows, s, 0.001));
        assertTrue(crlf.getMessage().contains("line 1 is empty"), crlf.getMessage());
        InvalidInputException over = assertThrows(InvalidInputException.class,
                () -> TrajectoryValidatorTest.validate(" ".repeat(limit + 1) + "\n", rows, s, 0.001));
        assertEquals("io.too-large", over.code());
        assertEquals(4096 + 2 * (8 * 4 + 16), TrajectoryValidator.maxLineChars(
                TrajectoryValidatorTest.sampler("random-order:one-shot", 4), 4), "one fixed step: two states");
    }

    @Test
    void literalsThatAreNoTokensAreNamed() {
        Law law = Families.parse("pairs:2");
        PredictiveRows rows = TrajectoryValidatorTest.rows(law);
        Sampler s = TrajectoryValidatorTest.sampler("random-order:2", 2);
        for (String[] c : new String[][] {{"true", "is true,"}, {"null", "is null,"}, {"{}", "is an object,"}}) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> TrajectoryValidatorTest.validate("{\"states\":[[-1," + c[0] + "]]}\n", rows, s, 0.001));
            assertTrue(e.getMessage().contains("states[0][1] " + c[1]), e.getMessage());
        }
    }
}
