package org.dlmexact.validate;

import org.dlmexact.sampler.RandomOrder;
import org.dlmexact.sampler.ProcessLaw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dlmexact.cli.Main;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.sampler.PredictiveRows;
import org.dlmexact.sampler.Predictors;
import org.dlmexact.sampler.Schedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code validate samples} accepts our own exact sampler and rejects samplers with plausible bugs at
 * a realistic sample size (one fixed seed each: deterministic, not a flaky statistical assertion;
 * the rejection rates over many seeds are measured by {@link SamplerPower}).
 */
class SampleValidatorTest {

    static final String LAW = "pairs:4";
    static final String SCHEDULE = "3,1";
    static final long N = 20_000;

    private static PredictiveRows rows(Law law) {
        return new PredictiveRows(MarginalLattice.of(law), Predictors.optimal(law));
    }

    @ParameterizedTest
    @EnumSource(BuggySamplers.Bug.class)
    void acceptsTheProcessSamplerAndRejectsEachBug(BuggySamplers.Bug bug) {
        Law law = Families.parse(LAW);
        Schedule s = Schedule.parse(SCHEDULE, law.length(), Schedule.Convention.REVEAL);
        PredictiveRows rows = rows(law);
        Law nu = ProcessLaw.compute(rows, RandomOrder.of(s)).law();
        long[] counts = new BuggySamplers(rows, s, bug).counts(N, 7);
        SampleValidator.Result r = SampleValidator.test(nu, counts, 0.001);
        if (bug == BuggySamplers.Bug.NONE) {
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
