package org.dlmexact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.law.LawJson;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.sampler.Predictors;
import org.dlmexact.sampler.SamplerError;
import org.dlmexact.sampler.Schedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplerCommandsTest {

    private static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    private static ExactReal exact(JsonNode q) {
        return ExactReal.parse(q.get("exact").asText());
    }

    @Test
    void errorJsonHasEveryFieldAndExactValuesParseBack() throws Exception {
        CliTest.Run r = run("error", "--law", "random:2,4,1", "--schedule", "2,1,1", "--predictor", "smoothed:1/3",
                "--json", "--digits", "12");
        assertEquals(0, r.code(), r.err());
        JsonNode j = LawJson.mapper().readTree(r.out());
        assertEquals("[2,1,1]", j.get("revealOrder").toString());
        assertEquals("[1,1,2]", j.get("forwardOrder").toString());
        assertTrue(j.get("closedFormAgrees").asBoolean());
        Law law = Families.random(2, 4, 1);
        SamplerError e = SamplerError.compute(law, Schedule.of(4, 2, 1, 1),
                Predictors.smoothed(MarginalLattice.of(law), org.dlmexact.exact.Rational.of(1, 3)));
        assertTrue(exact(j.get("pathAveragedKL")).equals(e.pathAveragedKL().value()));
        assertTrue(exact(j.get("outputKL")).equals(e.outputKL().value()));
        assertTrue(exact(j.get("idealError")).equals(e.idealError()));
        assertTrue(exact(j.get("predictorError")).equals(e.predictorError().value()));
        assertTrue(exact(j.get("trainingError").get("stepWeighted")).equals(e.trainingErrorStepWeighted().value()));
        assertTrue(exact(j.get("trainingError").get("uniformSteps")).equals(e.trainingErrorUniformSteps().value()));
        assertEquals(e.pathAveragedKL().value().toDecimal(12), j.get("pathAveragedKL").get("decimal").asText());
        assertEquals(3, j.get("steps").size());
        for (JsonNode st : j.get("steps")) {
            assertTrue(exact(st.get("conditionalTC")).equals(exact(st.get("closedFormTerm"))));
            assertTrue(exact(st.get("predictorLogRatio")).equals(exact(st.get("predictorTerm"))));
        }
    }

    @Test
    void errorHumanTable() {
        CliTest.Run r = run("error", "--law", "parity:3", "--schedule", "1,2", "--digits", "6");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("pathAveragedKL (brute)"), r.out());
        assertTrue(r.out().contains("0.693147  ln(2)"), r.out());
        assertTrue(r.out().contains("closed form agrees with brute force exactly: true"), r.out());
    }

    @Test
    void errorForwardConvention() throws Exception {
        CliTest.Run r = run("error", "--law", "repetition:2,3", "--schedule", "1,2", "--convention", "forward", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = LawJson.mapper().readTree(r.out());
        assertEquals("[2,1]", j.get("revealOrder").toString());
        // repetition code: (k_1 - 1) ln 2 with k_1 = 2
        assertTrue(exact(j.get("idealError")).equals(ExactReal.ln(2)));
    }

    @Test
    void errorAllSchedulesGivesOneEntryEach() throws Exception {
        CliTest.Run r = run("error", "--law", "pairs:4", "--schedule", "all", "--json", "--digits", "4");
        assertEquals(0, r.code(), r.err());
        JsonNode j = LawJson.mapper().readTree(r.out());
        assertEquals(8, j.size());
        for (JsonNode e : j) {
            assertTrue(e.get("closedFormAgrees").asBoolean());
        }
    }

    @Test
    void errorInfiniteHasWitness(@TempDir Path dir) throws Exception {
        Path t = dir.resolve("p.json");
        Files.writeString(t, "{\"schema\":\"dlm-exact/predictor@1\",\"alphabetSize\":2,\"length\":2,\"entries\":["
                + "{\"visible\":[],\"values\":[],\"position\":0,\"p\":[\"1\",\"0\"]},"
                + "{\"visible\":[],\"values\":[],\"position\":1,\"p\":[\"1/2\",\"1/2\"]}]}");
        CliTest.Run r = run("error", "--law", "uniform:2,2", "--schedule", "2", "--predictor", t.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = LawJson.mapper().readTree(r.out());
        JsonNode p = j.get("pathAveragedKL");
        assertEquals("+inf", p.get("exact").asText());
        assertEquals("+inf", p.get("decimal").asText());
        assertEquals("[]", p.get("witness").get("context").get("visible").toString());
        assertEquals(0, p.get("witness").get("context").get("position").asInt());
        assertEquals(1, p.get("witness").get("context").get("token").asInt());
        assertEquals("+inf", j.get("outputKL").get("exact").asText());
        assertTrue(j.get("closedFormAgrees").asBoolean());
        CliTest.Run h = run("error", "--law", "uniform:2,2", "--schedule", "2", "--predictor", t.toString());
        assertEquals(0, h.code(), h.err());
        assertTrue(h.out().contains("= +inf") && h.out().contains("visible [] = [], position 0, token 1"), h.out());
    }

    @Test
    void errorBadInputExitsTwoWithOneLine() {
        for (List<String> args : List.of(
                List.of("error", "--law", "uniform:2,3", "--schedule", "2,2"),
                List.of("error", "--law", "uniform:2,3", "--schedule", "2,0,1"),
                List.of("error", "--law", "uniform:2,3", "--schedule", ""),
                List.of("error", "--law", "uniform:2,3", "--schedule", "1,1,1,1"),
                List.of("error", "--law", "uniform:2,3", "--schedule", "3", "--convention", "sideways"),
                List.of("error", "--law", "uniform:2,3", "--schedule", "3", "--predictor", "smoothed:2"),
                List.of("error", "--law", "uniform:2,3", "--schedule", "3", "--predictor", "nope.json"),
                List.of("error", "--law", "uniform:2,3", "--schedule", "3", "--digits", "-1"))) {
            CliTest.Run r = run(args.toArray(new String[0]));
            assertEquals(2, r.code(), args + ": " + r.err());
            assertTrue(r.err().startsWith("dlm-exact: error: "), r.err());
            assertEquals(1, r.err().strip().split("\n").length, r.err());
        }
    }

    @Test
    void errorRefusesTooLargeButGivesTheClosedForm() throws Exception {
        CliTest.Run r = run("error", "--law", "random:2,12,1", "--schedule", "ones");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("too large for brute force") && r.err().contains("--closed-form-only"), r.err());
        assertEquals(1, r.err().strip().split("\n").length, r.err());
        CliTest.Run c = run("error", "--law", "random:2,12,1", "--schedule", "ones", "--closed-form-only", "--json");
        assertEquals(0, c.code(), c.err());
        JsonNode j = LawJson.mapper().readTree(c.out());
        assertTrue(exact(j.get("idealError")).isZero());
        assertEquals("skipped", j.get("bruteForce").asText());
    }

    @Test
    void sampleToStdoutIsDeterministic() {
        CliTest.Run a = run("sample", "--law", "random:2,5,1", "--schedule", "balanced:2", "--count", "50", "--seed", "9");
        CliTest.Run b = run("sample", "--law", "random:2,5,1", "--schedule", "balanced:2", "--count", "50", "--seed", "9");
        assertEquals(0, a.code(), a.err());
        assertEquals(a.out(), b.out());
        String[] lines = a.out().split("\n");
        assertEquals(50, lines.length);
        for (String line : lines) {
            assertTrue(line.matches("[01]( [01]){4}"), line);
        }
    }

    @Test
    void sampleToFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.txt");
        CliTest.Run r = run("sample", "--law", "repetition:3,4", "--schedule", "ones", "--count", "30", "--seed", "-5",
                "--out", f.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        List<String> lines = Files.readAllLines(f);
        assertEquals(30, lines.size());
        for (String line : lines) {
            // autoregressive with the optimal predictor reproduces the repetition code
            assertTrue(line.matches("0 0 0 0|1 1 1 1|2 2 2 2"), line);
        }
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary file left behind");
        }
    }

    @Test
    void sampleBadInput(@TempDir Path dir) {
        String[][] cases = {
            {"--count", "0", "--seed", "1"},
            {"--count", "-3", "--seed", "1"},
            {"--count", "10000001", "--seed", "1"},
            {"--count", "ten", "--seed", "1"},
            {"--count", "5", "--seed", "1.5"},
            {"--count", "5", "--seed", "99999999999999999999"},
        };
        for (String[] c : cases) {
            String[] full = new String[7 + c.length];
            full[0] = "sample";
            full[1] = "--law";
            full[2] = "uniform:2,2";
            full[3] = "--schedule";
            full[4] = "2";
            full[5] = "--out";
            full[6] = dir.resolve("never.txt").toString();
            System.arraycopy(c, 0, full, 7, c.length);
            CliTest.Run r = run(full);
            assertEquals(2, r.code(), String.join(" ", c) + ": " + r.err());
            assertTrue(r.err().startsWith("dlm-exact: error: --"), r.err());
            assertFalse(Files.exists(dir.resolve("never.txt")));
        }
        CliTest.Run r = run("sample", "--law", "uniform:2,2", "--schedule", "3", "--count", "1", "--seed", "1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("sum to 3"), r.err());
    }

    @Test
    void sampleFailureLeavesNoFile(@TempDir Path dir) throws Exception {
        Path t = dir.resolve("p.json");
        Files.writeString(t, "{\"schema\":\"dlm-exact/predictor@1\",\"alphabetSize\":2,\"length\":2,\"entries\":["
                + "{\"visible\":[],\"values\":[],\"position\":0,\"p\":[\"1/2\",\"1/2\"]},"
                + "{\"visible\":[],\"values\":[],\"position\":1,\"p\":[\"1/2\",\"1/2\"]}]}");
        Path f = dir.resolve("s.txt");
        CliTest.Run r = run("sample", "--law", "uniform:2,2", "--schedule", "1,1", "--predictor", t.toString(),
                "--count", "100", "--seed", "3", "--out", f.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("predictor.missing-context") || r.err().contains("has no row"), r.err());
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "neither the output nor a temporary file is left");
        }
    }

    @Test
    void closedFormOnlyMatchesBruteForce() throws Exception {
        CliTest.Run c = run("error", "--law", "random:3,4,2", "--schedule", "2,1,1", "--predictor", "smoothed:1/3",
                "--closed-form-only", "--json");
        CliTest.Run b = run("error", "--law", "random:3,4,2", "--schedule", "2,1,1", "--predictor", "smoothed:1/3", "--json");
        assertEquals(0, c.code(), c.err());
        assertEquals(0, b.code(), b.err());
        JsonNode jc = LawJson.mapper().readTree(c.out());
        JsonNode jb = LawJson.mapper().readTree(b.out());
        for (String f : new String[] {"idealError", "predictorError", "closedForm"}) {
            assertTrue(exact(jc.get(f)).equals(exact(jb.get(f))), f);
        }
        assertTrue(exact(jc.get("closedForm")).equals(exact(jb.get("pathAveragedKL"))));
        assertTrue(exact(jc.get("trainingError").get("uniformSteps"))
                .equals(exact(jb.get("trainingError").get("uniformSteps"))));
    }

    @Test
    void sampleOutToAFolderOrMissingFolder(@TempDir Path dir) {
        CliTest.Run r = run("sample", "--law", "uniform:2,2", "--schedule", "2", "--count", "1", "--seed", "1",
                "--out", dir.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("is a folder"), r.err());
        CliTest.Run m = run("sample", "--law", "uniform:2,2", "--schedule", "2", "--count", "1", "--seed", "1",
                "--out", dir.resolve("no/such/x.txt").toString());
        assertEquals(2, m.code(), m.err());
        assertTrue(m.err().contains("does not exist"), m.err());
    }
}
