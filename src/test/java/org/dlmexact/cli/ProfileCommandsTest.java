package org.dlmexact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.law.LawJson;
import org.dlmexact.sampler.BadProfiles;
import org.dlmexact.sampler.Sampler;
import org.dlmexact.sampler.Samplers;
import org.dlmexact.sampler.Schedule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --sampler} on the command line: every bad profile text is refused by {@code error},
 * {@code sample} and {@code validate samples} with exit code 2, nothing on standard output and one
 * line on standard error, {@code dlm-exact: error: } followed by the message of the
 * {@link InvalidInputException} that {@link Samplers#parse} throws for it, whose code is the one
 * SPEC section 10.2 names (the message itself names the key, the value and the allowed range); and
 * the decision boundaries of SPEC section 10.4 in {@code error --json}, {@code validate samples}
 * (JSON and text) and {@code sample}.
 */
class ProfileCommandsTest {

    /** Law of length 4 used for the bad-input cases. */
    static final String LAW = "uniform:2,4";

    /** The exception {@link Samplers#parse} throws for {@code spec} on the law of length 4. */
    static InvalidInputException refusal(String spec) {
        return assertThrows(InvalidInputException.class, () -> Samplers.parse(spec, 4, Schedule.Convention.REVEAL),
                spec);
    }

    private static Path samples(Path dir) {
        try {
            Path f = dir.resolve("s.txt");
            Files.writeString(f, "0 0 0 0\n0 1 0 1\n");
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> badProfilesOnTheCommandLine(@TempDir Path dir) {
        Path s = samples(dir);
        List<DynamicTest> out = new ArrayList<>();
        for (BadProfiles.Bad b : BadProfiles.LIST) {
            String[][] commands = {
                {"error", "--law", LAW, "--sampler", b.spec(), "--json"},
                {"sample", "--law", LAW, "--sampler", b.spec(), "--count", "3", "--seed", "1"},
                {"validate", "samples", "--law", LAW, "--sampler", b.spec(), "--samples", s.toString()}};
            for (String[] args : commands) {
                out.add(dynamicTest(String.join(" ", args), () -> {
                    String message = refusal(b.spec()).getMessage();
                    CliTest.Run r = CliTest.run(args);
                    assertEquals(2, r.code(), r.err());
                    assertEquals("", r.out(), "nothing on standard output");
                    assertEquals("dlm-exact: error: " + message, r.err().strip(), "one line: the refusal's message");
                }));
            }
        }
        return out.stream();
    }

    @Test
    void tooLargeIsRefusedWithTheEstimateBeforeAnyOutput(@TempDir Path dir) throws IOException {
        // mdlm: steps times (2V + 1)^L = 101 * 5^8 = 39 453 125 > 20 000 000
        Law law = Families.parse("random:2,8,1");
        Sampler smp = Samplers.parse("mdlm:steps=100", 8, Schedule.Convention.REVEAL);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> smp.checkSize(law.alphabetSize()));
        assertEquals("sampler.too-large", e.code());
        assertTrue(e.getMessage().contains("39453125") && e.getMessage().contains("20000000"), e.getMessage());
        Path f = dir.resolve("s.txt");
        Files.writeString(f, "0 0 0 0 0 0 0 0\n");
        for (String[] args : new String[][] {
            {"error", "--law", "random:2,8,1", "--sampler", "mdlm:steps=100", "--json"},
            {"validate", "samples", "--law", "random:2,8,1", "--sampler", "mdlm:steps=100", "--samples", f.toString()}}) {
            CliTest.Run r = CliTest.run(args);
            assertEquals(2, r.code(), r.err());
            assertEquals("", r.out());
            assertEquals("dlm-exact: error: " + e.getMessage(), r.err().strip());
        }
        // sampling needs no exact law: it runs, and says nothing about boundaries it cannot compute
        CliTest.Run r = CliTest.run("sample", "--law", "random:2,8,1", "--sampler", "mdlm:steps=100", "--count", "2",
                "--seed", "1");
        assertEquals(0, r.code(), r.err());
        assertEquals(2, r.out().strip().split("\n").length);
    }

    // ---------------------------------------------------------------- decision boundaries on the command line

    @Test
    void errorJsonListsTheBoundaries() throws IOException {
        CliTest.Run r = CliTest.run("error", "--law", "code:2:1,1,0;0,0,1", "--sampler", "eb:gamma=1", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = LawJson.mapper().readTree(r.out());
        assertEquals("eb:gamma=1,temperature=1,boundary=inclusive,ties=lowest", j.get("sampler").asText());
        assertEquals(1, j.get("decisionBoundaryCount").asInt());
        assertEquals("[{\"step\":1,\"visible\":[],\"values\":[],\"kind\":\"tie\",\"positions\":[0,1,2],"
                + "\"what\":\"equal entropy\"}]", j.get("decisionBoundaries").toString());
        CliTest.Run t = CliTest.run("error", "--law", "uniform:2,3", "--sampler", "llada:steps=3,temperature=0", "--json");
        assertEquals(0, t.code(), t.err());
        JsonNode b = LawJson.mapper().readTree(t.out()).get("decisionBoundaries");
        assertEquals(8, b.size());
        assertEquals("{\"step\":2,\"visible\":[0],\"values\":[0],\"kind\":\"tie\",\"positions\":[1,2],"
                + "\"what\":\"equal maximum probability\"}", b.get(6).toString());
        CliTest.Run none = CliTest.run("error", "--law", "product:1/5,4/5;2/7,5/7;1/11,10/11", "--sampler",
                "fast-dllm:threshold=1/2", "--json");
        assertEquals(0, none.code(), none.err());
        JsonNode n = LawJson.mapper().readTree(none.out());
        assertEquals(0, n.get("decisionBoundaryCount").asInt());
        assertEquals(0, n.get("decisionBoundaries").size());
    }

    @Test
    void thresholdBoundaryInErrorJsonAndBothSidesOfIt() throws IOException {
        CliTest.Run in = CliTest.run("error", "--law", "repetition:2,2", "--sampler", "fast-dllm:threshold=1/2", "--json");
        CliTest.Run ex = CliTest.run("error", "--law", "repetition:2,2", "--sampler",
                "fast-dllm:threshold=1/2,boundary=exclusive", "--json");
        assertEquals(0, in.code(), in.err());
        assertEquals(0, ex.code(), ex.err());
        JsonNode ji = LawJson.mapper().readTree(in.out());
        JsonNode je = LawJson.mapper().readTree(ex.out());
        assertEquals("[{\"step\":1,\"visible\":[],\"values\":[],\"kind\":\"threshold\",\"positions\":[0,1],"
                + "\"what\":\"confidence = threshold 1/2\"}]", ji.get("decisionBoundaries").toString());
        assertEquals(2, je.get("decisionBoundaryCount").asInt());
        // inclusive draws both bits independently: KL(mu || uniform on 4) = ln 2; exclusive samples mu: 0
        assertEquals("ln(2)", ji.get("outputKL").get("exact").asText());
        assertEquals("0", je.get("outputKL").get("exact").asText());
    }

    @Test
    void validateSamplesListsAndWarnsAboutBoundaries(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("eb.txt");
        CliTest.Run s = CliTest.run("sample", "--law", "code:2:1,1,0;0,0,1", "--sampler", "eb:gamma=1", "--count", "2000",
                "--seed", "7", "--out", f.toString());
        assertEquals(0, s.code(), s.err());
        assertEquals("", s.out());
        assertTrue(s.err().startsWith("dlm-exact: note: the exact law of eb:gamma=1,temperature=1,boundary=inclusive,"
                + "ties=lowest rests on 1 decision boundary"), s.err());
        CliTest.Run j = CliTest.run("validate", "samples", "--law", "code:2:1,1,0;0,0,1", "--sampler", "eb:gamma=1",
                "--samples", f.toString(), "--json");
        assertEquals(0, j.code(), j.err());
        JsonNode n = LawJson.mapper().readTree(j.out());
        assertEquals(1, n.get("decisionBoundaryCount").asInt());
        assertEquals("tie", n.get("decisionBoundaries").get(0).get("kind").asText());
        assertEquals("[0,1,2]", n.get("decisionBoundaries").get(0).get("positions").toString());
        CliTest.Run t = CliTest.run("validate", "samples", "--law", "code:2:1,1,0;0,0,1", "--sampler", "eb:gamma=1",
                "--samples", f.toString());
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("note: the exact law rests on 1 decision boundary (exact ties or threshold"
                + " equalities, e.g. step 1, visible [] = []: tie of positions [0, 1, 2] (equal entropy))"), t.out());
        // the same samples against the other side of the tie: the highest pair samples mu, which puts no mass on
        // 010 (the lowest pair's uniform law does): impossible outcomes, exit 1
        CliTest.Run h = CliTest.run("validate", "samples", "--law", "code:2:1,1,0;0,0,1", "--sampler",
                "eb:gamma=1,ties=highest", "--samples", f.toString());
        assertEquals(1, h.code(), h.out() + h.err());
        assertTrue(h.out().contains("cannot produce"), h.out());
        CliTest.Run free = CliTest.run("validate", "samples", "--law", "product:1/5,4/5;2/7,5/7;1/11,10/11",
                "--sampler", "eb:gamma=1", "--samples", f.toString());
        assertTrue(!free.out().contains("decision boundar"), free.out());
    }
}
