package org.dlmexact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.law.LawJson;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.info.InformationProfile;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code law} and {@code info} commands through {@link Main#run}. */
class CliTest {

    /** Exit code, stdout and stderr of one run. */
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    static final List<String> SPECS = List.of("uniform:2,3", "repetition:3,3", "parity:4", "pairs:4",
            "product:3:1/4,3/4", "markov:4:1/2,1/2;1/3,2/3", "random:2,3,7", "random:3,2,11", "code:2:1,1,0;0,1,1");

    @TestFactory
    Stream<DynamicTest> lawPrintsCanonicalText() {
        return SPECS.stream().map(s -> dynamicTest("law --law " + s, () -> {
            Run r = run("law", "--law", s);
            assertEquals(0, r.code(), r.err());
            assertEquals("", r.err());
            Law law = Families.parse(s);
            assertEquals(LawJson.toCanonicalText(law), r.out());
            assertEquals(law, LawJson.parse(r.out()));
        }));
    }

    private static void assertQuantity(JsonNode n, ExactReal expected, int digits, String what) {
        assertTrue(n != null && n.isObject(), what + " is an object");
        assertEquals(2, n.size(), what + " has exactly exact and decimal");
        assertTrue(n.get("exact").isTextual() && n.get("decimal").isTextual(), what);
        ExactReal back = ExactReal.parse(n.get("exact").textValue());
        assertTrue(back.subtract(expected).isZero(), what + ": exact " + n.get("exact") + " vs " + expected);
        assertEquals(expected.toDecimal(digits), n.get("decimal").textValue(), what + " decimal");
    }

    @TestFactory
    Stream<DynamicTest> infoJsonHasTheDocumentedFields() {
        List<DynamicTest> out = new ArrayList<>();
        for (String s : SPECS) {
            for (int digits : new int[] {0, 5, 20}) {
                out.add(dynamicTest("info --law " + s + " --json --digits " + digits, () -> {
                    Run r = run("info", "--law", s, "--json", "--digits", Integer.toString(digits));
                    assertEquals(0, r.code(), r.err());
                    assertEquals("", r.err());
                    JsonNode root = LawJson.mapper().readTree(r.out());
                    Law law = Families.parse(s);
                    InformationProfile p = InformationProfile.of(law);
                    assertEquals(law.alphabetSize(), root.get("alphabetSize").intValue());
                    assertEquals(law.length(), root.get("length").intValue());
                    assertQuantity(root.get("entropy"), p.entropy(), digits, "entropy");
                    assertQuantity(root.get("totalCorrelation"), p.totalCorrelation(), digits, "totalCorrelation");
                    assertQuantity(root.get("dualTotalCorrelation"), p.dualTotalCorrelation(), digits,
                            "dualTotalCorrelation");
                    assertQuantity(root.get("sumMutualInformation"), p.sumMutualInformation(), digits,
                            "sumMutualInformation");
                    JsonNode z = root.get("informationCurve");
                    assertTrue(z.isArray());
                    assertEquals(law.length(), z.size());
                    for (int j = 1; j <= law.length(); j++) {
                        assertQuantity(z.get(j - 1), p.z(j), digits, "Z_" + j);
                    }
                    JsonNode e = root.get("averageEntropies");
                    assertEquals(law.length() + 1, e.size());
                    for (int k = 0; k <= law.length(); k++) {
                        assertQuantity(e.get(k), p.averageEntropy(k), digits, "e_" + k);
                    }
                }));
            }
        }
        return out.stream();
    }

    @Test
    void infoJsonOfParityHasTheKnownCurve() throws IOException {
        Run r = run("info", "--law", "parity:3", "--json");
        JsonNode z = LawJson.mapper().readTree(r.out()).get("informationCurve");
        assertEquals("0", z.get(0).get("exact").textValue());
        assertEquals("0", z.get(1).get("exact").textValue());
        assertEquals("ln(2)", z.get(2).get("exact").textValue());
        assertEquals("0.69314718055994530942", z.get(2).get("decimal").textValue());
    }

    @Test
    void infoHumanTable() {
        Run r = run("info", "--law", "pairs:4", "--digits", "6");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].startsWith("law pairs:4: alphabetSize 2, length 4, support 4 of 16 outcomes"), lines[0]);
        assertTrue(lines[1].startsWith("quantity") && lines[1].contains("decimal") && lines[1].contains("exact"));
        InformationProfile p = InformationProfile.of(Families.pairs(4));
        List<String> names = new ArrayList<>(List.of("H(X)", "TC", "DTC", "SumI"));
        List<ExactReal> values = new ArrayList<>(List.of(p.entropy(), p.totalCorrelation(), p.dualTotalCorrelation(),
                p.sumMutualInformation()));
        for (int j = 1; j <= 4; j++) {
            names.add("Z_" + j);
            values.add(p.z(j));
        }
        for (int k = 1; k <= 4; k++) {
            names.add("e_" + k);
            values.add(p.averageEntropy(k));
        }
        assertEquals(2 + names.size(), lines.length);
        for (int i = 0; i < names.size(); i++) {
            String[] cols = lines[2 + i].trim().split("\\s{2,}");
            assertEquals(names.get(i), cols[0]);
            assertEquals(values.get(i).toDecimal(6), cols[1].trim(), names.get(i));
            assertTrue(ExactReal.parse(cols[2]).subtract(values.get(i)).isZero(), names.get(i) + ": " + cols[2]);
        }
    }

    @Test
    void lawAndInfoReadFiles(@TempDir Path dir) throws IOException {
        Law law = Families.parse("markov:3:1/2,1/2;1/3,2/3");
        Path f = dir.resolve("m.json");
        Files.writeString(f, LawJson.toCanonicalText(law));
        Run r = run("law", "--law", f.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(LawJson.toCanonicalText(law), r.out());
        Run i = run("info", "--law", f.toString(), "--json");
        assertEquals(0, i.code(), i.err());
        ExactReal h = ExactReal.parse(LawJson.mapper().readTree(i.out()).get("entropy").get("exact").textValue());
        assertTrue(h.subtract(InformationProfile.of(law).entropy()).isZero());
    }

    private static void assertBadInput(Run r, String... fragments) {
        assertEquals(Main.BAD_INPUT, r.code(), "exit code; stderr: " + r.err());
        assertEquals("", r.out(), "nothing on stdout");
        assertTrue(r.err().endsWith("\n") || r.err().endsWith(System.lineSeparator()), "stderr ends with a newline");
        String[] lines = r.err().split("\\R");
        assertEquals(1, lines.length, "exactly one line on stderr: " + r.err());
        assertTrue(lines[0].startsWith("dlm-exact: error: "), lines[0]);
        for (String f : fragments) {
            assertTrue(lines[0].contains(f), "'" + lines[0] + "' should name '" + f + "'");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"law", "info"})
    void unknownFamily(String command) {
        assertBadInput(run(command, "--law", "nope:3"), "'nope:3'", "neither a family");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"law", "info"})
    void badFamilyArguments(String command) {
        assertBadInput(run(command, "--law", "pairs:3"), "even L", "got 3");
        assertBadInput(run(command, "--law", "uniform:2,x"), "'x' is not an integer");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"law", "info"})
    void missingFile(String command, @TempDir Path dir) {
        String f = dir.resolve("absent.json").toString();
        assertBadInput(run(command, "--law", f), f);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"law", "info"})
    void badFileContent(String command, @TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"schema\":\"dlm-exact/law@1\",\"alphabetSize\":2,\"length\":1,"
                + "\"support\":[{\"x\":[0],\"p\":\"1/2\"},{\"x\":[1],\"p\":\"1/3\"}]}");
        assertBadInput(run(command, "--law", f.toString()), f.toString(), "5/6");
        Files.writeString(f, "{\"schema\": ");
        assertBadInput(run(command, "--law", f.toString()), f.toString(), "not valid JSON");
        Files.writeString(f, "{\"schema\":\"dlm-exact/law@1\",\"schema\":\"x\"}");
        assertBadInput(run(command, "--law", f.toString()), "'schema'");
    }

    @Test
    void negativeDigits() {
        assertBadInput(run("info", "--law", "parity:3", "--digits", "-1"), "--digits", "got -1");
        assertBadInput(run("info", "--law", "parity:3", "--json", "--digits", "-1"), "--digits", "got -1");
    }

    @Test
    void tooManyDigits() {
        assertBadInput(run("info", "--law", "parity:3", "--digits", "1001"), "--digits", "1001");
    }

    @Test
    void tooLargeLaw() {
        assertBadInput(run("info", "--law", "random:2,21,1"), "2097152", "1048576");
        assertBadInput(run("info", "--law", "random:3,13,1"), "1594323", "1048576");
        // a structured family is enumerated only by the commands that need its table
        assertBadInput(run("law", "--law", "uniform:2,21"), "2097152", "1048576");
        assertBadInput(run("error", "--law", "uniform:2,21", "--schedule", "ones"), "2097152", "1048576");
        // the stored lattice of the sampler commands keeps its own limit
        assertBadInput(run("sample", "--law", "uniform:2,15", "--schedule", "one-shot", "--count", "1", "--seed", "1"),
                "14348907", "5000000");
    }

    @Test
    void degenerateFamilyArgumentsAreBadInputNotCrashes() {
        assertBadInput(run("law", "--law", "product:0:1/2,1/2"), "length", "got 0");
        assertBadInput(run("law", "--law", "code:-2:1,1"), "prime q", "got -2");
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> {
            assertBadInput(run("law", "--law", "uniform:3,200000000"), "3^200000000");
            assertBadInput(run("info", "--law", "uniform:3,200000000"), "length 200000000", "1048576");
        });
    }

    @Test
    void noSubcommandPrintsUsage() {
        Run r = run();
        assertEquals(0, r.code());
        assertFalse(r.out().isEmpty());
    }

    @Test
    void onlyTheNamedSubcommandIsRegisteredAndUsageStillListsAll() {
        assertEquals(List.of("info"), List.copyOf(Main.commandLine("info", "--law", "pairs:4").getSubcommands().keySet()));
        assertEquals(List.of("validate"), List.copyOf(Main.commandLine("validate").getSubcommands().keySet()));
        assertEquals(Main.SUBCOMMANDS, List.copyOf(Main.commandLine().getSubcommands().keySet()));
        assertEquals(Main.SUBCOMMANDS, List.copyOf(Main.commandLine("--help").getSubcommands().keySet()));
        assertEquals(Main.SUBCOMMANDS, List.copyOf(Main.commandLine("nosuch").getSubcommands().keySet()));
        Run usage = run("--help");
        for (String name : Main.SUBCOMMANDS) {
            assertTrue(usage.out().contains("  " + name + " "), name + " missing from the usage:\n" + usage.out());
        }
        Run unknown = run("nosuch");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("nosuch"), unknown.err());
    }
}
