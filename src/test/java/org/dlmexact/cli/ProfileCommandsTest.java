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

    /** A bad {@code --sampler} text and the code it must produce. */
    record Bad(String spec, String code, String mentions) {
    }

    static List<Bad> bad() {
        return List.of(
                new Bad("nope:1", "sampler.unknown", "unknown sampler 'nope'"),
                new Bad("mdlm", "sampler.syntax", "NAME:ARGS"),
                new Bad(":steps=2", "sampler.syntax", "NAME:ARGS"),
                new Bad("mdlm:steps=2,,eps=0", "sampler.syntax", "empty item"),
                new Bad("mdlm:steps=2,4", "sampler.syntax", "positional arguments come first"),
                new Bad("mdlm:4", "sampler.syntax", "takes only KEY=VALUE"),
                new Bad("mdlm:steps=", "sampler.syntax", "KEY=VALUE"),
                new Bad("mdlm:", "sampler.missing-key", "steps"),
                new Bad("mdlm:steps=2,steps=3", "sampler.duplicate-key", "'steps' is given twice"),
                new Bad("mdlm:steps=2,foo=1", "sampler.unknown-key", "unknown key 'foo' for mdlm; known keys: cache, eps,"
                        + " final, steps"),
                new Bad("mdlm:steps=0", "sampler.value", "steps=0 is outside 1..100000"),
                new Bad("mdlm:steps=100001", "sampler.value", "steps=100001 is outside 1..100000"),
                new Bad("mdlm:steps=two", "sampler.value", "steps=two is not an integer"),
                new Bad("mdlm:steps=2,eps=1", "sampler.value", "eps=1"),
                new Bad("mdlm:steps=2,eps=-1/2", "sampler.value", "eps=-1/2 is outside [0, 1]"),
                new Bad("mdlm:steps=2,eps=0x1", "sampler.value", "eps=0x1 is not an exact rational"),
                new Bad("mdlm:steps=2,final=max", "sampler.value", "final=max is not one of argmax, sample"),
                new Bad("mdlm:steps=2,cache=yes", "sampler.value", "cache=yes is not one of true, false"),
                new Bad("bernoulli:final=sample", "sampler.missing-key", "alphas"),
                new Bad("bernoulli:alphas=1;1", "sampler.value", "alpha_0 must be below 1"),
                new Bad("bernoulli:alphas=0;1/2;1/3", "sampler.value", "alphas[2] = 1/3 is below alphas[1] = 1/2"),
                new Bad("bernoulli:alphas=0", "sampler.value", "at least two values"),
                new Bad("bernoulli:alphas=0;3/2", "sampler.value", "alphas[1]=3/2 is outside [0, 1]"),
                new Bad("bernoulli:alphas=0;1,eps=0", "sampler.unknown-key", "unknown key 'eps'"),
                new Bad("dream:steps=2", "sampler.missing-key", "alg"),
                new Bad("dream:alg=origin", "sampler.missing-key", "steps"),
                new Bad("dream:alg=fast,steps=2", "sampler.value", "alg=fast is not one of origin, maskgit_plus,"
                        + " topk_margin, entropy"),
                new Bad("dream:alg=entropy,steps=2,temperature=2/3", "sampler.value", "temperature=2/3 makes the"
                        + " probabilities irrational"),
                new Bad("dream:alg=entropy,steps=2,temperature=2", "sampler.value", "temperature=2 makes the"
                        + " probabilities irrational"),
                new Bad("dream:alg=entropy,steps=2,temperature=1/65", "sampler.value", "below the smallest supported"
                        + " 1/64"),
                new Bad("dream:alg=entropy,steps=2,temperature=-1", "sampler.value", "temperature=-1 is outside"),
                new Bad("dream:alg=entropy,steps=2,top_p=0", "sampler.value", "top_p"),
                new Bad("dream:alg=entropy,steps=2,top_p=3/2", "sampler.value", "top_p=3/2 is outside [0, 1]"),
                new Bad("dream:alg=entropy,steps=2,top_k=0", "sampler.value", "top_k=0 is outside 1.."),
                new Bad("dream:alg=entropy,steps=2,alg_temp=1/2", "sampler.value", "alg_temp=1/2"),
                new Bad("dream:alg=entropy,steps=2,alg_temp=x", "sampler.value", "alg_temp=x is not an exact rational"),
                new Bad("dream:alg=origin,steps=2,ties=lowest", "sampler.unknown-key", "unknown key 'ties' for dream"),
                new Bad("dream:alg=entropy,steps=2,ties=random", "sampler.value", "ties=random is not one of lowest,"
                        + " highest, uniform"),
                new Bad("llada:steps=3,block=2", "sampler.value", "steps=3 is not a multiple of the 2 blocks"),
                new Bad("llada:steps=2,block=3", "sampler.value", "block=3 does not divide the length 4"),
                new Bad("llada:steps=2,block=5", "sampler.value", "block=5 is outside 1..4"),
                new Bad("llada:steps=2,remasking=conf", "sampler.value", "remasking=conf is not one of low_confidence,"
                        + " random"),
                new Bad("llada:steps=2,top_p=1/2", "sampler.unknown-key", "unknown key 'top_p' for llada"),
                new Bad("llada:block=2", "sampler.missing-key", "steps"),
                new Bad("fast-dllm:block=2", "sampler.missing-key", "exactly one of threshold=TAU and factor=F"),
                new Bad("fast-dllm:threshold=1/2,factor=1", "sampler.value", "exactly one of threshold=TAU and"
                        + " factor=F"),
                new Bad("fast-dllm:threshold=3/2", "sampler.value", "threshold=3/2 is outside [0, 1]"),
                new Bad("fast-dllm:factor=-1", "sampler.value", "factor=-1 is outside [0, inf]"),
                new Bad("fast-dllm:threshold=1/2,block=3", "sampler.value", "block=3 does not divide the length 4"),
                new Bad("fast-dllm:threshold=1/2,boundary=maybe", "sampler.value", "boundary=maybe is not one of"
                        + " inclusive, exclusive"),
                new Bad("fast-dllm:threshold=1/2,temperature=1/3,steps=2", "sampler.unknown-key", "unknown key"
                        + " 'steps' for fast-dllm"),
                new Bad("eb:temperature=1", "sampler.missing-key", "gamma"),
                new Bad("eb:gamma=-1", "sampler.value", "gamma=-1 is outside [0, inf]"),
                new Bad("eb:gamma=one", "sampler.value", "gamma=one is not an exact rational"),
                new Bad("eb:gamma=1,top_k=2", "sampler.unknown-key", "unknown key 'top_k' for eb"),
                new Bad("remdm:eta=0,steps=2", "sampler.missing-key", "mode"),
                new Bad("remdm:mode=conf,eta=0,steps=2", "sampler.value", "mode=conf spreads sigma by a softmax"),
                new Bad("remdm:mode=loop,eta=0,steps=2", "sampler.value", "mode=loop is not one of cap, rescale"),
                new Bad("remdm:mode=cap,steps=2", "sampler.missing-key", "eta"),
                new Bad("remdm:mode=cap,eta=0", "sampler.missing-key", "steps"),
                new Bad("remdm:mode=cap,eta=2,steps=2", "sampler.value", "eta=2 is outside [0, 1]"),
                new Bad("remdm:mode=cap,eta=0,steps=2,final=sample", "sampler.value", "final=sample is not one of"
                        + " argmax"),
                new Bad("remdm:mode=cap,eta=0,steps=2,top_p=0", "sampler.value", "top_p must be positive"),
                new Bad("random-order:all", "schedule.syntax", "not 'all'"),
                new Bad("random-order:2,1", "schedule.bad-sum", "random-order:2,1"),
                new Bad("random-order:2,2,ties=lowest", "sampler.unknown-key", "unknown key 'ties' for random-order"),
                new Bad("low-confidence:2,2,boundary=exclusive", "sampler.unknown-key", "unknown key 'boundary'"),
                new Bad("entropy-sum:-1", "rule.negative-threshold", "non-negative"),
                new Bad("entropy-sum:1,ties=first", "sampler.value", "ties=first is not one of lowest, highest, uniform"),
                new Bad("entropy-sum:1,boundary=open", "sampler.value", "boundary=open is not one of inclusive,"
                        + " exclusive"));
    }

    /** The exception {@link Samplers#parse} throws for {@code spec} on the law of length 4. */
    static InvalidInputException refusal(String spec) {
        return assertThrows(InvalidInputException.class, () -> Samplers.parse(spec, 4, Schedule.Convention.REVEAL),
                spec);
    }

    @TestFactory
    Stream<DynamicTest> badProfilesAreRefusedWithTheirCode() {
        return bad().stream().map(b -> dynamicTest(b.spec() + " -> " + b.code(), () -> {
            InvalidInputException e = refusal(b.spec());
            assertEquals(b.code(), e.code(), e.getMessage());
            assertTrue(e.getMessage().contains(b.mentions()), e.getMessage());
            assertTrue(e.getMessage().contains(b.spec()), "the message quotes the text: " + e.getMessage());
        }));
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
        for (Bad b : bad()) {
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
