package org.dlmexact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.dlmexact.law.LawJson;
import org.dlmexact.sampler.Mutant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate trajectories}, {@code sample --trajectories}, {@code sample --mutant} and the declared power. */
class TrajectoryCommandsTest {

    @TempDir
    Path dir;

    private static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    private Path sampled(String name, String... samplerArgs) {
        Path t = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("sample", "--law", "random:2,4,7", "--count", "2000", "--seed", "9",
                "--trajectories", t.toString()));
        args.addAll(List.of(samplerArgs));
        CliTest.Run r = run(args.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out(), "with --trajectories, nothing on standard output");
        return t;
    }

    @Test
    void sampledTrajectoriesPassAndTheirLastStatesAreTheSamples() throws IOException {
        Path t = sampled("t.jsonl", "--sampler", "llada:steps=4,block=2");
        Path out = dir.resolve("s.txt");
        assertEquals(0, run("sample", "--law", "random:2,4,7", "--count", "2000", "--seed", "9", "--trajectories",
                dir.resolve("t2.jsonl").toString(), "--out", out.toString(), "--sampler", "llada:steps=4,block=2").code());
        assertEquals(Files.readString(t), Files.readString(dir.resolve("t2.jsonl")));
        CliTest.Run plain = run("sample", "--law", "random:2,4,7", "--count", "2000", "--seed", "9", "--sampler",
                "llada:steps=4,block=2");
        assertEquals(plain.out(), Files.readString(out), "the same draws: the last states are the samples");
        List<String> lines = Files.readAllLines(t);
        assertEquals(2000, lines.size());
        JsonNode first = LawJson.mapper().readTree(lines.get(0));
        assertEquals(5, first.get("states").size(), "4 steps and the start");
        assertEquals("[-1,-1,-1,-1]", first.get("states").get(0).toString());
        assertEquals(plain.out().lines().findFirst().orElseThrow(),
                first.get("states").get(4).toString().replaceAll("[\\[\\]]", "").replace(",", " "));
        CliTest.Run v = run("validate", "trajectories", "--law", "random:2,4,7", "--sampler", "llada:steps=4,block=2",
                "--trajectories", t.toString());
        assertEquals(0, v.code(), v.out() + v.err());
        assertTrue(v.out().contains("verdict: consistent with the exact kernels at level 0.001"), v.out());
        assertTrue(v.out().contains("power (non-central chi-square approximation"), v.out());
        assertTrue(v.out().contains("per step:"), v.out());
        assertTrue(v.out().contains("worst contexts (p-values Holm-adjusted over the "), v.out());
    }

    /** An output law too large to enumerate: validate samples refuses, validate trajectories tests the visited states. */
    @Test
    void trajectoriesWorkWhereTheOutputLawIsTooLarge() throws IOException {
        Path t = dir.resolve("big.jsonl");
        Path s = dir.resolve("big.txt");
        assertEquals(0, run("sample", "--law", "random:2,12,1", "--rule", "top-probability:ones", "--count", "2000",
                "--seed", "4", "--trajectories", t.toString(), "--out", s.toString()).code());
        CliTest.Run samples = run("validate", "samples", "--law", "random:2,12,1", "--rule", "top-probability:ones",
                "--samples", s.toString());
        assertEquals(2, samples.code());
        assertTrue(samples.err().contains("too large"), samples.err());
        CliTest.Run v = run("validate", "trajectories", "--law", "random:2,12,1", "--rule", "top-probability:ones",
                "--trajectories", t.toString(), "--json");
        assertEquals(0, v.code(), v.err());
        JsonNode j = LawJson.mapper().readTree(v.out());
        assertEquals(12, j.get("steps").size());
        assertTrue(j.get("testedContexts").asInt() >= 12, "at least the first context of every step: " + v.out());
        assertTrue(j.get("df").asInt() >= 12);
    }

    @Test
    void jsonHasTheDocumentedShape() throws IOException {
        Path t = sampled("t.jsonl", "--schedule", "2,1,1");
        CliTest.Run v = run("validate", "trajectories", "--law", "random:2,4,7", "--schedule", "2,1,1",
                "--trajectories", t.toString(), "--json", "--alpha", "0.01", "--effect", "tv=0.05");
        assertEquals(0, v.code(), v.err());
        JsonNode j = LawJson.mapper().readTree(v.out());
        List<String> fields = new ArrayList<>();
        for (Iterator<String> it = j.fieldNames(); it.hasNext();) {
            fields.add(it.next());
        }
        assertEquals(List.of("sampler", "verdict", "consistent", "alpha", "runs", "transitions", "contexts",
                "testedContexts", "violation", "G", "df", "pValue", "steps", "worstContexts", "power",
                "decisionBoundaries", "decisionBoundaryCount"), fields);
        assertEquals("consistent", j.get("verdict").asText());
        assertEquals("random-order:2,1,1", j.get("sampler").asText());
        assertEquals(2000, j.get("runs").asLong());
        assertEquals(6000, j.get("transitions").asLong());
        assertEquals(3, j.get("steps").size());
        double g = 0;
        long df = 0;
        for (JsonNode s : j.get("steps")) {
            g += s.get("G").asDouble();
            df += s.get("df").asLong();
        }
        assertEquals(j.get("G").asDouble(), g, 1e-9);
        assertEquals(j.get("df").asLong(), df);
        JsonNode w = j.get("worstContexts");
        assertTrue(w.size() >= 1);
        for (int k = 1; k < w.size(); k++) {
            assertTrue(w.get(k - 1).get("pValue").asDouble() <= w.get(k).get("pValue").asDouble(), "sorted");
        }
        JsonNode c = w.get(0);
        assertEquals(c.get("observed").size(), c.get("expected").size());
        assertTrue(c.get("state").isArray() && c.get("deviations").isArray());
        JsonNode p = j.get("power");
        assertEquals("non-central chi-square approximation", p.get("method").asText());
        assertEquals(0.9, p.get("probability").asDouble());
        assertEquals(j.get("df").asLong(), p.get("degreesOfFreedom").asLong());
        assertTrue(p.get("effect").get("runsNeeded").asLong() >= 1);
        assertTrue(j.get("violation").isNull());
    }

    @Test
    void aMutantIsRejectedWithExitOneAndAStructuralViolationIsNamed() throws IOException {
        Path t = sampled("m.jsonl", "--schedule", "3,1", "--mutant", "reversed-schedule");
        CliTest.Run v = run("validate", "trajectories", "--law", "random:2,4,7", "--schedule", "3,1", "--trajectories",
                t.toString());
        assertEquals(1, v.code(), v.err());
        assertTrue(v.out().contains("structure: line 1, step 1, [-1, -1, -1, -1] -> "), v.out());
        assertTrue(v.out().contains("rule reveal-count: 1 position is revealed, but at this step and state"
                + " random-order:3,1 reveals 3"), v.out());
        assertTrue(v.out().contains("verdict: NOT consistent"), v.out());
        CliTest.Run j = run("validate", "trajectories", "--law", "random:2,4,7", "--schedule", "3,1", "--trajectories",
                t.toString(), "--json");
        assertEquals(1, j.code());
        JsonNode n = LawJson.mapper().readTree(j.out());
        assertEquals("reveal-count", n.get("violation").get("rule").asText());
        assertEquals(1, n.get("violation").get("line").asInt());
        assertEquals(1, n.get("violation").get("step").asInt());
        assertTrue(n.get("pValue").isNull() && n.get("G").isNull());
        Path s = sampled("s.jsonl", "--schedule", "2,2", "--mutant", "temperature-half");
        CliTest.Run st = run("validate", "trajectories", "--law", "random:2,4,7", "--schedule", "2,2", "--trajectories",
                s.toString());
        assertEquals(1, st.code());
        assertTrue(st.out().contains("verdict: NOT consistent with the exact kernels"), st.out());
    }

    private void refused(String content, String... expected) throws IOException {
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        refusedFile(f, expected);
    }

    private void refusedFile(Path f, String... expected) {
        CliTest.Run r = run("validate", "trajectories", "--law", "pairs:4", "--schedule", "2,2", "--trajectories",
                f.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("dlm-exact: error: "), r.err());
        for (String e : expected) {
            assertTrue(r.err().contains(e), r.err());
        }
    }

    @Test
    void malformedFilesAreOneLineExitTwo() throws IOException {
        refused("", "no trajectories");
        refused("{\"states\":[[-1,-1,-1,-1],[0,0", "line 1 is not valid JSON");
        refused("{\"states\":[[-1,-1,-1]]}\n", "states[0] has 3 entries, expected 4");
        refused("{\"states\":[[-1,-1,-1,-1],[0,0,5,-1]]}\n", "states[1][2] is 5");
        refused("{\"states\":[[-1,-1,-1,-1],[0,0,-1]]}\n", "states[1] has 3 entries");
        refused("{\"states\":[[-1,-1,-1,-1],[0,0,-1,-1],[0,0,1,1]]}\n\n", "line 2 is empty");
        Path utf16 = dir.resolve("utf16.jsonl");
        Files.write(utf16, new byte[] {(byte) 0xFF, (byte) 0xFE, '{', 0});
        refusedFile(utf16, "is UTF-16 text");
        Path binary = dir.resolve("binary.jsonl");
        Files.write(binary, new byte[] {'{', (byte) 0xC3, '\n'});
        refusedFile(binary, "is not UTF-8 text: it holds bytes that are not valid UTF-8");
        Path folder = dir.resolve("folder");
        Files.createDirectory(folder);
        refusedFile(folder, "is a folder");
        refusedFile(dir.resolve("missing.jsonl"), "does not exist");
    }

    /** A 100 MB line (a sparse file of zero bytes, no line end): refused at the line limit, never held. */
    @Test
    void aHundredMegabyteLineIsRefusedAtTheLimit() throws IOException {
        Path f = dir.resolve("huge.jsonl");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(100L << 20);
        }
        refusedFile(f, "line 1 is longer than 4240 characters");
    }

    @Test
    void optionsAreChecked() {
        CliTest.Run r = run("validate", "trajectories", "--law", "pairs:4", "--schedule", "2,2", "--trajectories",
                "x", "--effect", "tv=2");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--effect must be tv=D with 0 < D <= 1 or kl=K with K > 0"), r.err());
        assertEquals(2, run("validate", "trajectories", "--law", "pairs:4", "--schedule", "2,2", "--trajectories", "x",
                "--alpha", "1").code());
        assertEquals(2, run("validate", "trajectories", "--law", "pairs:4", "--trajectories", "x").code());
        for (String bad : new String[] {"tv", "tv=", "kl=-1", "tv=0", "xx=0.1", "kl=Infinity", "tv=NaN"}) {
            assertEquals(2, run("validate", "samples", "--law", "pairs:4", "--schedule", "2,2", "--samples", "x",
                    "--effect", bad).code(), bad);
        }
    }

    @Test
    void validateSamplesDeclaresItsPower() throws IOException {
        Path s = dir.resolve("s.txt");
        assertEquals(0, run("sample", "--law", "pairs:4", "--schedule", "3,1", "--count", "20000", "--seed", "5", "--out",
                s.toString()).code());
        CliTest.Run r = run("validate", "samples", "--law", "pairs:4", "--schedule", "3,1", "--samples", s.toString(),
                "--effect", "tv=0.01");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("power (non-central chi-square approximation, df = 15, level 0.001): with "
                + "probability 0.9 this test detects every sampler whose law is at total variation >= "), r.out());
        assertTrue(r.out().contains("; tv = 0.01 needs "), r.out());
        CliTest.Run j = run("validate", "samples", "--law", "pairs:4", "--schedule", "3,1", "--samples", s.toString(),
                "--json", "--effect", "kl=0.001");
        JsonNode p = readTree(j.out()).get("power");
        assertEquals(15, p.get("degreesOfFreedom").asInt());
        double tv = p.get("tv").asDouble();
        assertEquals(Math.sqrt(p.get("noncentrality").asDouble() / (4 * 20000.0)), tv, 1e-12);
        assertTrue(p.get("effect").get("samplesNeeded").asLong() > 0);
    }

    private static JsonNode readTree(String s) {
        try {
            return LawJson.mapper().readTree(s);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void mutantListAndRefusals() throws IOException {
        CliTest.Run l = run("sample", "--mutant", "list");
        assertEquals(0, l.code(), l.err());
        assertEquals(Mutant.values().length, l.out().lines().count());
        for (Mutant m : Mutant.values()) {
            assertTrue(l.out().contains(m.line()), m.id());
        }
        CliTest.Run missing = run("sample", "--mutant", "joint-batch", "--law", "pairs:4", "--schedule", "2,2");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("--mutant NAME needs --law, --count, --seed"), missing.err());
        CliTest.Run wrong = run("sample", "--mutant", "joint-batch", "--law", "pairs:4", "--rule", "top-probability:2,2",
                "--count", "3", "--seed", "1");
        assertEquals(2, wrong.code());
        assertTrue(wrong.err().contains("--mutant joint-batch mutates random-order, not top-probability:2,2"),
                wrong.err());
        CliTest.Run unknown = run("sample", "--mutant", "nope", "--law", "pairs:4", "--schedule", "2,2", "--count", "3",
                "--seed", "1");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown mutant"), unknown.err());
        CliTest.Run noFinal = run("sample", "--mutant", "mdlm-no-final", "--law", "pairs:2", "--sampler",
                "bernoulli:alphas=0;1/2", "--count", "50", "--seed", "1");
        assertEquals(0, noFinal.code(), noFinal.err());
        assertTrue(noFinal.out().contains("-1"), "positions left masked are written -1");
        assertFalse(run("sample", "--law", "pairs:4", "--schedule", "2,2", "--count", "3").code() == 0,
                "without --mutant, picocli still requires --seed");
    }
}
