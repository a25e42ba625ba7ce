package org.dlmexact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.law.LawJson;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.sampler.Predictors;
import org.dlmexact.sampler.Rule;
import org.dlmexact.sampler.ProcessError;
import org.dlmexact.sampler.Schedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleCommandsTest {

    private static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    private static ExactReal exact(JsonNode q) {
        return ExactReal.parse(q.get("exact").asText());
    }

    @Test
    void errorRuleJsonHasEveryFieldAndTheIdentityHolds() throws Exception {
        CliTest.Run r = run("error", "--law", "random:2,4,1", "--rule", "entropy-sum:3/2", "--predictor", "smoothed:1/3",
                "--json", "--digits", "10");
        assertEquals(0, r.code(), r.err());
        JsonNode j = LawJson.mapper().readTree(r.out());
        assertEquals("entropy-sum:3/2", j.get("rule").asText());
        assertEquals("entropy-sum", j.get("kind").asText());
        assertEquals("3/2", j.get("threshold").asText());
        assertTrue(j.get("tieBreak").asText().contains("lower position first"));
        assertEquals("smoothed:1/3", j.get("predictor").asText());
        assertTrue(j.get("identity").get("holds").asBoolean());
        ExactReal kl = exact(j.get("outputKL"));
        assertTrue(kl.equals(exact(j.get("identity").get("roundSum"))));
        ExactReal sum = ExactReal.ZERO;
        for (JsonNode round : j.get("rounds")) {
            ExactReal term = exact(round.get("conditionalTC")).add(exact(round.get("predictorLogRatio")));
            assertTrue(exact(round.get("contribution")).equals(term));
            sum = sum.add(term);
        }
        assertTrue(sum.equals(kl));
        Law law = Families.random(2, 4, 1);
        ProcessError e = ProcessError.compute(law, Rule.entropySum(org.dlmexact.exact.Rational.of(3, 2), law.length()),
                Predictors.parse("smoothed:1/3", law));
        assertTrue(kl.equals(e.outputKL().value()));
        assertEquals(kl.toDecimal(10), j.get("outputKL").get("decimal").asText());
        assertTrue(exact(j.get("expectedRounds").get("sampler")).equals(ExactReal.of(e.expectedRounds())));
        assertTrue(j.get("expectedRounds").has("dataPath"));
    }

    @Test
    void errorLowConfidenceShowsTheRandomOrderSampler() throws Exception {
        CliTest.Run r = run("error", "--law", "random:2,4,1", "--rule", "low-confidence:2,2", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = LawJson.mapper().readTree(r.out());
        assertEquals("[2,2]", j.get("revealOrder").toString());
        assertEquals("[2,2]", j.get("randomOrder").get("revealOrder").toString());
        Law law = Families.random(2, 4, 1);
        ProcessError e = ProcessError.compute(law, Rule.parse("low-confidence:2,2", 4, Schedule.Convention.REVEAL),
                Predictors.optimal(law), Schedule.of(4, 2, 2));
        assertTrue(exact(j.get("randomOrder").get("outputKL")).equals(e.randomOrderOutputKL().orElseThrow().value()));
        assertTrue(exact(j.get("outputKL")).equals(e.outputKL().value()));
        assertEquals(2, j.get("rounds").size());
        assertTrue(!j.has("identity"));
        assertTrue(exact(j.get("expectedRounds").get("sampler")).equals(ExactReal.of(2)));
    }

    @Test
    void errorRuleHumanTable() {
        CliTest.Run r = run("error", "--law", "parity:3", "--rule", "top-probability:2,1", "--digits", "6");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("tie-break: the k_j masked positions with the largest maximum predicted probability"),
                r.out());
        assertTrue(r.out().contains("outputKL KL(mu||Q_rule)"), r.out());
        assertTrue(r.out().contains("random-order outputKL (schedule 2,1)"), r.out());
        assertTrue(r.out().contains("holds exactly (in total and per round): true"), r.out());
    }

    @Test
    void sampleWithARuleIsDeterministic() {
        for (String rule : new String[] {"entropy-sum:1/2", "top-probability:2,3", "low-confidence:1,1,3"}) {
            CliTest.Run a = run("sample", "--law", "random:2,5,1", "--rule", rule, "--count", "40", "--seed", "7");
            CliTest.Run b = run("sample", "--law", "random:2,5,1", "--rule", rule, "--count", "40", "--seed", "7");
            assertEquals(0, a.code(), a.err());
            assertEquals(a.out(), b.out());
            String[] lines = a.out().split("\n");
            assertEquals(40, lines.length);
            for (String line : lines) {
                assertTrue(line.matches("[01]( [01]){4}"), line);
            }
        }
    }

    @Test
    void badInputExitsTwoWithOneLine() {
        for (List<String> args : List.of(
                List.of("error", "--law", "uniform:2,3", "--rule", "entropy-sum:x"),
                List.of("error", "--law", "uniform:2,3", "--rule", "entropy-sum:-1"),
                List.of("error", "--law", "uniform:2,3", "--rule", "top-probability:2,2"),
                List.of("error", "--law", "uniform:2,3", "--rule", "low-confidence:1,1"),
                List.of("error", "--law", "uniform:2,3", "--rule", "greedy:2"),
                List.of("error", "--law", "uniform:2,3", "--rule", "entropy-sum:1", "--schedule", "3"),
                List.of("error", "--law", "uniform:2,3"),
                List.of("error", "--law", "uniform:2,3", "--rule", "entropy-sum:1", "--closed-form-only"),
                List.of("error", "--law", "uniform:2,14", "--rule", "low-confidence:ones"),
                List.of("sample", "--law", "uniform:2,3", "--rule", "low-confidence:4", "--count", "3", "--seed", "1"),
                List.of("sample", "--law", "uniform:2,3", "--rule", "top-probability:3", "--schedule", "3",
                        "--count", "3", "--seed", "1"))) {
            CliTest.Run r = run(args.toArray(new String[0]));
            assertEquals(2, r.code(), args + ": " + r.err());
            assertTrue(r.err().startsWith("dlm-exact: error: "), r.err());
            assertEquals(1, r.err().strip().split("\n").length, r.err());
            assertEquals("", r.out(), args.toString());
        }
    }

    @Test
    void infiniteErrorsHaveWitnesses(@TempDir Path dir) throws Exception {
        Path t = dir.resolve("p.json");
        Files.writeString(t, "{\"schema\":\"dlm-exact/predictor@1\",\"alphabetSize\":2,\"length\":2,\"entries\":["
                + "{\"visible\":[],\"values\":[],\"position\":0,\"p\":[\"1\",\"0\"]},"
                + "{\"visible\":[],\"values\":[],\"position\":1,\"p\":[\"1/2\",\"1/2\"]}]}");
        CliTest.Run r = run("error", "--law", "uniform:2,2", "--rule", "top-probability:2", "--predictor", t.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = LawJson.mapper().readTree(r.out());
        assertEquals("+inf", j.get("outputKL").get("exact").asText());
        assertEquals("[1,0]", j.get("outputKL").get("witness").get("outcome").toString());
        assertEquals("+inf", j.get("identity").get("roundSum").get("exact").asText());
        assertTrue(j.get("identity").get("holds").asBoolean());
        assertEquals("+inf", j.get("rounds").get(0).get("contribution").get("exact").asText());
        CliTest.Run h = run("error", "--law", "uniform:2,2", "--rule", "top-probability:2", "--predictor", t.toString());
        assertEquals(0, h.code(), h.err());
        assertTrue(h.out().contains("outputKL KL(mu||Q_rule) = +inf (mu-positive outcome [1, 0] gets probability 0)"),
                h.out());
    }

    @Test
    void helpStatesTheTieBreaks() {
        for (String cmd : new String[] {"error", "sample"}) {
            CliTest.Run r = run(cmd, "--help");
            assertEquals(0, r.code());
            String flat = r.out().replaceAll("\\s+", " ");
            assertTrue(flat.contains("--rule=R"), r.out());
            assertTrue(flat.contains("ties by lower position"), r.out());
        }
    }
}
