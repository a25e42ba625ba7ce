package org.dlmexact.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dlmexact.validate.ValuesValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, defect 6: every tampering the issue lists, and a few more, is caught by
 * {@code vectors verify}, which compares each file with the generated one as a whole; each
 * problem names the group or case and the field. Before the fix the first five passed verify.
 */
class VectorsTamperingTest {

    private static Map<String, String> generated;

    @BeforeAll
    static void generate() {
        generated = Vectors.generateAll();
    }

    /**
     * Writes every generated file into {@code dir}, {@code file} changed by {@code change}, and runs
     * {@code vectors verify} on the folder.
     */
    private static List<String> tamper(Path dir, String file, UnaryOperator<String> change) throws IOException {
        for (Map.Entry<String, String> e : generated.entrySet()) {
            String text = e.getKey().equals(file) ? change.apply(e.getValue()) : e.getValue();
            Files.writeString(dir.resolve(e.getKey()), text, StandardCharsets.UTF_8);
        }
        assertFalse(generated.get(file).equals(change.apply(generated.get(file))), "the tampering changes the file");
        Vectors.Report r = Vectors.verify(dir);
        assertFalse(r.ok(), "the tampering of " + file + " went unnoticed");
        return r.problems();
    }

    /** The same checks as {@code vectors verify} on the changed file alone (lint, recomputation, comparison). */
    private static List<String> tamperOne(String file, UnaryOperator<String> change) {
        String text = change.apply(generated.get(file));
        assertFalse(generated.get(file).equals(text), "the tampering changes the file");
        Vectors.Report r = new Vectors.Report();
        Vectors.verifyFile(Vectors.kind(file.replace(".json", "")), file, text, r);
        Vectors.compareWithGenerated(file, text, generated.get(file), r.problems());
        assertFalse(r.ok(), "the tampering of " + file + " went unnoticed");
        return r.problems();
    }

    private static void assertNamed(List<String> problems, String... fragments) {
        String all = String.join("\n", problems);
        assertTrue(problems.stream().anyMatch(p -> {
            for (String f : fragments) {
                if (!p.contains(f)) {
                    return false;
                }
            }
            return true;
        }), "no problem names all of " + List.of(fragments) + ":\n" + all);
    }

    /** Replaces the first match of {@code regex} (which must occur) with {@code replacement}. */
    private static UnaryOperator<String> first(String regex, String replacement) {
        return text -> {
            Matcher m = Pattern.compile(regex).matcher(text);
            assertTrue(m.find(), regex + " occurs");
            return text.substring(0, m.start()) + m.group().replaceFirst(regex, replacement) + text.substring(m.end());
        };
    }

    @Test
    void samplerRelativeToleranceRaisedToOne(@TempDir Path dir) throws IOException {
        List<String> p = tamper(dir, "sampler.json", first("\"relative\":\"1e-9\"", "\"relative\":\"1\""));
        assertNamed(p, "sampler.json", "group", "tolerance.relative", "\"1\"", "\"1e-9\"");
    }

    @Test
    void infoAbsoluteToleranceRaisedTo1000LetsAValueOffByOnePass(@TempDir Path dir) throws IOException {
        UnaryOperator<String> change = first("\"absolute\":\"1e-15\"", "\"absolute\":\"1000\"");
        List<String> p = tamper(dir, "info.json", change);
        assertNamed(p, "info.json", "group \"special\"", "tolerance.absolute", "\"1000\"", "\"1e-15\"");
        // what the tampering would buy: validate values accepts a value off by 1 against the tampered folder
        String results = "{\"schema\":\"dlm-exact/results@1\",\"results\":[{\"file\":\"info.json\",\"tcId\":1,"
                + "\"field\":\"entropy\",\"value\":\"1 + " + exactEntropyOfCase1() + "\"}]}";
        assertTrue(ValuesValidator.validate(dir, results).get(0).pass(), "the tampered tolerance admits the value");
    }

    private static String exactEntropyOfCase1() {
        Matcher m = Pattern.compile("\"tcId\":1,.*?\"entropy\":\\{\"exact\":\"([^\"]*)\"").matcher(generated.get("info.json"));
        assertTrue(m.find());
        return m.group(1);
    }

    @Test
    void tcIdRenumbered(@TempDir Path dir) throws IOException {
        List<String> p = tamper(dir, "info.json", first("\"tcId\":9,", "\"tcId\":1009,"));
        assertNamed(p, "info.json", "tcId 1009", "renumbered", "the generator numbers this case 9");
    }

    @Test
    void tcIdRenumberedAndCaseChanged(@TempDir Path dir) throws IOException {
        List<String> p = tamper(dir, "info.json", first("\"tcId\":9,\"comment\":\"", "\"tcId\":1009,\"comment\":\"X"));
        assertNamed(p, "info.json", "tcId 9", "missing");
        assertNamed(p, "info.json", "tcId 1009", "not a case the generator makes");
    }

    @Test
    void caseDeletedAndNumberOfTestsLowered(@TempDir Path dir) throws IOException {
        UnaryOperator<String> change = text -> {
            String[] lines = text.split("\n", -1);
            StringBuilder sb = new StringBuilder();
            boolean deleted = false;
            for (String line : lines) {
                if (!deleted && line.strip().startsWith("{\"tcId\":5,")) {
                    deleted = true;
                    continue;
                }
                sb.append(line).append('\n');
            }
            assertTrue(deleted);
            String t = sb.substring(0, sb.length() - 1);
            Matcher m = Pattern.compile("\"numberOfTests\":(\\d+)").matcher(t);
            assertTrue(m.find());
            return t.replaceFirst("\"numberOfTests\":\\d+", "\"numberOfTests\":" + (Integer.parseInt(m.group(1)) - 1));
        };
        List<String> p = tamper(dir, "bounds.json", change);
        assertNamed(p, "bounds.json", "tcId 5", "missing");
        assertNamed(p, "bounds.json", "numberOfTests");
    }

    @Test
    void resultValidChangedToInvalid(@TempDir Path dir) throws IOException {
        List<String> p = tamper(dir, "output-law.json", first("\"result\":\"valid\"", "\"result\":\"invalid\""));
        assertNamed(p, "output-law.json", "tcId 1", "result", "\"invalid\"", "\"valid\"");
    }

    @Test
    void commentChanged() {
        List<String> p = tamperOne("sampler.json", first("\"comment\":\"[^\"]*\"", "\"comment\":\"edited\""));
        assertNamed(p, "sampler.json", "comment", "\"edited\"");
    }

    @Test
    void headerLineChanged() {
        List<String> p = tamperOne("invalid.json", first("\"header\":\\[\"", "\"header\":[\"EDITED "));
        assertNamed(p, "invalid.json", "header[0]");
    }

    @Test
    void flagRemoved() {
        List<String> p = tamperOne("info.json", first("\"flags\":\\[\"SpecialCase\",", "\"flags\":["));
        assertNamed(p, "info.json", "flags");
    }

    @Test
    void expectedErrorCodeChanged() {
        List<String> p = tamperOne("invalid.json", first("\"errorCode\":\"law.schema\"", "\"errorCode\":\"law.token\""));
        assertNamed(p, "invalid.json", "errorCode", "\"law.token\"", "\"law.schema\"");
    }

    @Test
    void extraFieldAdded() {
        List<String> p = tamperOne("info.json", first("\"numberOfTests\":", "\"extra\":1,\"numberOfTests\":"));
        assertNamed(p, "info.json", "extra", "not a field the generator writes");
    }

    @Test
    void reformattedButEqualJsonIsNotCanonical() {
        List<String> p = tamperOne("info.json", text -> text.replaceFirst("\n", "\n\n"));
        assertNamed(p, "info.json", "canonical form", "line 2");
    }

    @Test
    void untouchedFilesVerify(@TempDir Path dir) throws IOException {
        for (Map.Entry<String, String> e : generated.entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
        Vectors.Report r = Vectors.verify(dir);
        assertTrue(r.ok(), String.join("\n", r.problems()));
        assertEquals(Vectors.KINDS.size(), r.files());
    }
}
