package org.dlmexact.validate;

import org.dlmexact.sampler.RandomOrder;
import org.dlmexact.sampler.ProcessLaw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.dlmexact.cli.Main;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.Rational;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.sampler.PredictiveRows;
import org.dlmexact.sampler.Predictors;
import org.dlmexact.sampler.Schedule;
import org.dlmexact.sampler.Mutant;
import org.dlmexact.sampler.ProcessSampler;
import org.dlmexact.sampler.Sampler;
import org.dlmexact.law.SplitMix64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code validate samples} accepts our own exact sampler and rejects samplers with plausible bugs at
 * a realistic sample size (one fixed seed each: deterministic, not a flaky statistical assertion;
 * the rejection rates over many seeds are measured by {@link MutantPower}).
 */
class SampleValidatorTest {

    static final String LAW = "pairs:4";
    static final String SCHEDULE = "3,1";
    static final long N = 20_000;

    private static PredictiveRows rows(Law law) {
        return new PredictiveRows(MarginalLattice.of(law), Predictors.optimal(law));
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "reversed-schedule", "joint-batch", "off-by-one-visible"})
    void acceptsTheProcessSamplerAndRejectsEachBug(String bug) {
        Law law = Families.parse(LAW);
        Schedule s = Schedule.parse(SCHEDULE, law.length(), Schedule.Convention.REVEAL);
        PredictiveRows rows = rows(law);
        Sampler right = RandomOrder.of(s);
        Law nu = ProcessLaw.compute(rows, right).law();
        ProcessSampler ps = new ProcessSampler(rows, bug.equals("none") ? right : Mutant.parse(bug).apply(right));
        long[] counts = new long[law.space().size()];
        SplitMix64 rng = new SplitMix64(7);
        for (long n = 0; n < N; n++) {
            counts[law.space().index(ps.sample(rng))]++;
        }
        SampleValidator.Result r = SampleValidator.test(nu, counts, 0.001);
        if (bug.equals("none")) {
            assertTrue(r.consistent(), "the exact sampler was rejected: p = " + r.pValue());
        } else {
            assertFalse(r.consistent(), bug + " was not caught: p = " + r.pValue());
        }
        assertEquals(N, r.samples());
    }

    @Test
    void poolsSmallCellsAndFailsOutrightOnImpossibleOutcomes() {
        Law nu = Families.parse("product:2:1/1000,999/1000");
        long[] counts = new long[4];
        counts[3] = 990;
        counts[1] = 5;
        counts[2] = 5;
        SampleValidator.Result r = SampleValidator.test(nu, counts, 0.001);
        // expected counts 1000 * (1e-6, 999e-6, 999e-6, 0.998001): three cells below 5 pooled, then the big cell
        // joins the pool too, leaving a single cell: nothing to test
        assertEquals(4, r.pooledOutcomes() + (r.cells() - 1));
        assertTrue(r.consistent());
        Law parity = Families.parse("parity:2");
        SampleValidator.Result bad = SampleValidator.test(parity, new long[] {10, 1, 0, 10}, 0.001);
        assertFalse(bad.consistent());
        assertEquals(1, bad.impossible().size());
        assertEquals(1, bad.impossible().get(0).index());
    }

    /** {@code P(chi2_3 > x) = 2 (1 - Phi(sqrt x)) + sqrt(2x/pi) e^{-x/2}} (the three-degree tail in closed form). */
    static double chiSquare3Tail(double x) {
        return 2 * NormalDistribution.of(0, 1).survivalProbability(Math.sqrt(x))
                + Math.sqrt(2 * x / Math.PI) * Math.exp(-x / 2);
    }

    @Test
    void oneTestWorkedByHand() {
        // uniform:2,2, 100 samples, expected 25 each; observed 10, 30, 20, 40: residuals -3, 1, -1, 3
        Law nu = Families.parse("uniform:2,2");
        long[] counts = {10, 30, 20, 40};
        SampleValidator.Result r = SampleValidator.test(nu, counts, 0.01);
        double g = 2 * (10 * Math.log(0.4) + 30 * Math.log(1.2) + 20 * Math.log(0.8) + 40 * Math.log(1.6));
        assertEquals(100, r.samples());
        assertEquals(4, r.cells());
        assertEquals(0, r.pooledOutcomes());
        assertEquals(g, r.statistic(), 1e-12);
        assertEquals(chiSquare3Tail(g), r.pValue(), 1e-12 * chiSquare3Tail(g));
        assertEquals(0.01, r.alpha());
        assertTrue(r.pValue() < 0.01);
        assertFalse(r.consistent());
        assertEquals(List.of(), r.impossible());
        // largest |residual| first; equal ones (3 and -3, 1 and -1) in index order
        assertEquals(List.of(0, 3, 1, 2), r.top().stream().map(SampleValidator.Contribution::index).toList());
        double[] residual = {-3, 3, 1, -1};
        long[] observed = {10, 40, 30, 20};
        for (int k = 0; k < 4; k++) {
            SampleValidator.Contribution c = r.top().get(k);
            assertEquals(residual[k], c.residual(), 0, "rank " + k);
            assertEquals(observed[k], c.observed());
            assertEquals(25.0, c.expected());
            assertEquals(Rational.of(1, 4), c.nu());
        }
        // at most five are listed: the six-outcome law uniform:6,1
        assertEquals(SampleValidator.TOP, SampleValidator.test(Families.parse("uniform:6,1"),
                new long[] {5, 6, 7, 8, 9, 10}, 0.01).top().size());
    }

    @Test
    void aPValueEqualToTheLevelIsConsistent() {
        // SPEC: not consistent when p < A; p = A is consistent
        Law nu = Families.parse("uniform:2,2");
        long[] counts = {20, 30, 22, 28};
        double p = SampleValidator.test(nu, counts, 0.5).pValue();
        assertTrue(SampleValidator.test(nu, counts, p).consistent(), "p = alpha = " + p);
        assertFalse(SampleValidator.test(nu, counts, Math.nextUp(p)).consistent());
    }

    @Test
    void impossibleOutcomesUntestedCellsAndNoSamples() {
        // parity:2 gives [0,1] probability 0: it is listed with an infinite residual, and no test runs
        SampleValidator.Result bad = SampleValidator.test(Families.parse("parity:2"), new long[] {10, 1, 0, 10}, 0.5);
        SampleValidator.Contribution c = bad.impossible().get(0);
        assertEquals(0.0, c.expected());
        assertEquals(Double.POSITIVE_INFINITY, c.residual());
        assertTrue(c.nu().isZero());
        assertTrue(Double.isNaN(bad.statistic()) && Double.isNaN(bad.pValue()));
        // one cell after pooling (expected 0.001, 0.999, 0.999, 998.001): nothing tested, statistic NaN, p = 1
        SampleValidator.Result one = SampleValidator.test(Families.parse("product:2:1/1000,999/1000"),
                new long[] {0, 1, 1, 998}, 0.5);
        assertEquals(1, one.cells());
        assertTrue(Double.isNaN(one.statistic()), "statistic " + one.statistic());
        assertEquals(1.0, one.pValue());
        assertTrue(one.consistent());
        InvalidInputException none = assertThrows(InvalidInputException.class,
                () -> SampleValidator.test(Families.parse("uniform:2,2"), new long[4], 0.5));
        assertEquals("samples.empty", none.code());
    }

    static int run(StringWriter out, StringWriter err, String... args) {
        return Main.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void commandLineExitCodesAndLineErrors(@TempDir Path tmp) throws IOException {
        Path ok = tmp.resolve("ok.txt");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, run(out, err, "sample", "--law", LAW, "--schedule", SCHEDULE, "--count", "5000", "--seed", "3",
                "--out", ok.toString()), err.toString());
        out = new StringWriter();
        assertEquals(0, run(out, err, "validate", "samples", "--law", LAW, "--schedule", SCHEDULE, "--samples",
                ok.toString()), err.toString());
        assertTrue(out.toString().contains("verdict: consistent"), out.toString());
        out = new StringWriter();
        assertEquals(0, run(out, err, "validate", "samples", "--law", LAW, "--schedule", SCHEDULE, "--samples",
                ok.toString(), "--json"), err.toString());
        com.fasterxml.jackson.databind.JsonNode j = org.dlmexact.law.LawJson.mapper().readTree(out.toString());
        assertTrue(j.get("consistent").asBoolean());
        assertEquals(5000, j.get("samples").asLong());
        assertEquals(j.get("cells").asInt() - 1, j.get("degreesOfFreedom").asInt());
        out = new StringWriter();
        assertEquals(1, run(out, err, "validate", "samples", "--law", LAW, "--schedule", "1,3", "--samples",
                ok.toString()), err.toString());
        assertTrue(out.toString().contains("NOT consistent"), out.toString());
        Path bad = tmp.resolve("bad.txt");
        Files.writeString(bad, "0 0 1 1\n0,0,1,1\n0 0 2 1\n");
        err = new StringWriter();
        out = new StringWriter();
        assertEquals(2, run(out, err, "validate", "samples", "--law", LAW, "--schedule", SCHEDULE, "--samples",
                bad.toString()));
        assertTrue(err.toString().startsWith("dlm-exact: error: ") && err.toString().contains("line 3"), err.toString());
        assertEquals("", out.toString());
        Files.writeString(bad, "0 0 1 1\n\n1 1 0 0\n");
        err = new StringWriter();
        assertEquals(2, run(new StringWriter(), err, "validate", "samples", "--law", LAW, "--schedule", SCHEDULE,
                "--samples", bad.toString()));
        assertTrue(err.toString().contains("line 2 is empty"), err.toString());
        Files.writeString(bad, "0 0 1\n");
        err = new StringWriter();
        assertEquals(2, run(new StringWriter(), err, "validate", "samples", "--law", LAW, "--schedule", SCHEDULE,
                "--samples", bad.toString()));
        assertTrue(err.toString().contains("line 1 has 3 tokens"), err.toString());
        err = new StringWriter();
        assertEquals(2, run(new StringWriter(), err, "validate", "samples", "--law", LAW, "--samples", ok.toString()));
        assertTrue(err.toString().contains("(--schedule=S | --rule=R | --sampler=NAME:ARGS)"), err.toString());
        err = new StringWriter();
        assertEquals(2, run(new StringWriter(), err, "validate", "samples", "--law", LAW, "--schedule", SCHEDULE,
                "--samples", ok.toString(), "--alpha", "1.5"));
        assertTrue(err.toString().contains("--alpha"), err.toString());
        err = new StringWriter();
        assertEquals(2, run(new StringWriter(), err, "validate", "samples", "--law", "random:2,12,1", "--schedule",
                "6,6", "--samples", ok.toString()));
        assertTrue(err.toString().contains("too large"), err.toString());
        // an impossible outcome: parity law, odd-parity sample
        Files.writeString(bad, "0 0 0 0\n0 0 0 1\n");
        out = new StringWriter();
        assertEquals(1, run(out, new StringWriter(), "validate", "samples", "--law", "parity:4", "--schedule", "ones",
                "--samples", bad.toString()));
        assertTrue(out.toString().contains("cannot produce"), out.toString());
    }
}
