package org.dlmexact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dlmexact.law.Families;
import org.dlmexact.law.LawJson;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.sampler.ConditionalTable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** {@code law --conditionals [--out FILE]}, and its table read back with {@code --predictor}. */
class LawConditionalsTest {

    @TempDir
    Path dir;

    private static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    private static void assertRefused(CliTest.Run r, String start) {
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("dlm-exact: error: " + start), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    private List<String> folder() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void printsTheTableOfTheLaw() {
        CliTest.Run r = run("law", "--law", "parity:3", "--conditionals");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertEquals(ConditionalTable.text(MarginalLattice.of(Families.parse("parity:3"))), r.out());
    }

    @Test
    void writesTheTableOrTheLawToAFile() throws IOException {
        Path t = dir.resolve("table.json");
        CliTest.Run r = run("law", "--law", "pairs:4", "--conditionals", "--out", t.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals(run("law", "--law", "pairs:4", "--conditionals").out(), Files.readString(t));
        Path l = dir.resolve("law.json");
        r = run("law", "--law", "pairs:4", "--out", l.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(LawJson.toCanonicalText(Families.parse("pairs:4")), Files.readString(l));
        assertEquals(List.of("law.json", "table.json"), folder(), "no temporary file left");
    }

    @Test
    void aTooLargeTableIsRefusedAndNothingIsWritten() throws IOException {
        Path t = dir.resolve("table.json");
        assertRefused(run("law", "--law", "uniform:2,12", "--conditionals", "--out", t.toString()),
                "too large: the conditional table of length 12 over 2 symbols has L (V+1)^(L-1) = 2125764 entries");
        assertRefused(run("law", "--law", "uniform:2,12", "--conditionals"), "too large");
        assertEquals(List.of(), folder());
    }

    @Test
    void aMissingFolderIsRefused() throws IOException {
        assertRefused(run("law", "--law", "pairs:2", "--conditionals", "--out",
                dir.resolve("missing").resolve("t.json").toString()), "cannot write");
        assertEquals(List.of(), folder());
    }

    @Test
    void anExistingFileIsReplacedWhole() throws IOException {
        Path t = dir.resolve("table.json");
        Files.writeString(t, "x".repeat(100_000));
        assertEquals(0, run("law", "--law", "pairs:2", "--conditionals", "--out", t.toString()).code());
        assertEquals(run("law", "--law", "pairs:2", "--conditionals").out(), Files.readString(t));
    }

    /** {@code error --json} without its {@code predictor} fields (the table describes itself differently). */
    private static JsonNode withoutPredictor(String json) throws IOException {
        JsonNode n = LawJson.mapper().readTree(json);
        for (JsonNode row : n.isArray() ? n : List.of(n)) {
            ((ObjectNode) row).remove("predictor");
        }
        return n;
    }

    /** Read back as {@code --predictor}, the table gives exactly the errors, laws and samples of {@code optimal}. */
    @TestFactory
    Stream<DynamicTest> readBackAsPredictorItIsOptimal() throws IOException {
        List<String> laws = List.of("parity:3", "pairs:4", "markov:3:3/4,1/4;1/3,2/3", "repetition:3,2",
                "random:2,3,5", "code:3:1,1,2");
        return laws.stream().flatMap(law -> {
            Path t = dir.resolve("table" + laws.indexOf(law) + ".json");
            CliTest.Run w = run("law", "--law", law, "--conditionals", "--out", t.toString());
            assertEquals(0, w.code(), w.err());
            String p = t.toString();
            return Stream.of(
                    dynamicTest(law + " error --schedule all", () -> assertEquals(
                            withoutPredictor(run("error", "--law", law, "--schedule", "all", "--json").out()),
                            withoutPredictor(run("error", "--law", law, "--schedule", "all", "--json",
                                    "--predictor", p).out()))),
                    dynamicTest(law + " error --rule", () -> {
                        for (String rule : List.of("entropy-sum:1", "top-probability:ones", "low-confidence:one-shot",
                                "low-confidence:balanced:2")) {
                            CliTest.Run a = run("error", "--law", law, "--rule", rule, "--json");
                            CliTest.Run b = run("error", "--law", law, "--rule", rule, "--json", "--predictor", p);
                            assertEquals(a.code(), b.code(), rule);
                            assertEquals(withoutPredictor(a.out()), withoutPredictor(b.out()), rule);
                        }
                    }),
                    dynamicTest(law + " sample", () -> {
                        for (String[] sampler : List.of(new String[] {"--schedule", "balanced:2"},
                                new String[] {"--rule", "low-confidence:ones"})) {
                            CliTest.Run a = run("sample", "--law", law, sampler[0], sampler[1], "--count", "200",
                                    "--seed", "3");
                            CliTest.Run b = run("sample", "--law", law, sampler[0], sampler[1], "--count", "200",
                                    "--seed", "3", "--predictor", p);
                            assertEquals(0, a.code(), a.err());
                            assertFalse(a.out().isEmpty());
                            assertEquals(a.out(), b.out(), sampler[1]);
                        }
                    }));
        });
    }
}
