package org.dlmexact.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dlmexact.cli.Main;
import org.dlmexact.law.LawJson;
import org.dlmexact.exact.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate values} accepts right values and catches wrong ones. The "right" values are
 * computed here independently in double arithmetic from the closed forms of theory.md section 3,
 * not copied from the vector files.
 */
class ValuesValidatorTest {

    static final Path VECTORS = Path.of("test-vectors");

    /** The tcId of the case named {@code lawName} in {@code file} (first match). */
    static long tcId(String file, String lawName) throws IOException {
        JsonNode root = LawJson.mapper().readTree(Files.readString(VECTORS.resolve(file)));
        for (JsonNode g : root.get("testGroups")) {
            for (JsonNode t : g.get("tests")) {
                if (lawName.equals(t.path("lawName").asText())) {
                    return t.get("tcId").asLong();
                }
            }
        }
        throw new AssertionError(lawName + " not in " + file);
    }

    static String entry(String file, long id, String field, String value) {
        return "{\"file\":\"" + file + "\",\"tcId\":" + id + ",\"field\":\"" + field + "\",\"value\":" + value + "}";
    }

    static String results(String... entries) {
        return "{\"schema\":\"dlm-exact/results@1\",\"implementation\":\"test\",\"results\":["
                + String.join(",", entries) + "]}";
    }

    @Test
    void acceptsRightValuesAndCatchesWrongOnes() throws IOException {
        long parity = tcId("info.json", "parity:4");
        long rep = tcId("info.json", "repetition:3,3");
        double ln2 = Math.log(2);
        String text = results(
                entry("info.json", parity, "entropy", Double.toString(3 * ln2)),
                entry("info.json", parity, "informationCurve[3]", Double.toString(ln2)),
                entry("info.json", parity, "informationCurve[0]", "0"),
                entry("info.json", rep, "sumMutualInformation", Double.toString(3 * Math.log(3))),
                entry("info.json", rep, "totalCorrelation", "\"2*ln(3)\""),
                entry("info.json", parity, "entropy", Double.toString(3 * ln2 * (1 + 1e-9))),
                entry("info.json", parity, "informationCurve[0]", "1e-14"),
                entry("info.json", parity, "totalCorrelation", "\"+inf\""));
        List<ValuesValidator.Outcome> out = ValuesValidator.validate(VECTORS, text);
        assertEquals(8, out.size());
        for (int i = 0; i < 5; i++) {
            assertTrue(out.get(i).pass(), out.get(i).toString());
        }
        for (int i = 5; i < 8; i++) {
            assertFalse(out.get(i).pass(), out.get(i).toString());
        }
    }

    @Test
    void infiniteValuesMatchOnlyInfinity() throws IOException {
        long id = tcId("sampler.json", "uniform:2,2");
        List<ValuesValidator.Outcome> out = ValuesValidator.validate(VECTORS, results(
                entry("sampler.json", id, "pathAveragedKL", "\"+inf\""),
                entry("sampler.json", id, "pathAveragedKL", "1e308"),
                entry("sampler.json", id, "idealError", "0")));
        assertTrue(out.get(0).pass());
        assertTrue(out.get(0).detail().endsWith(" (both infinite)"), out.get(0).detail());
        assertFalse(out.get(1).pass());
        assertTrue(out.get(1).detail().endsWith(" (one side is infinite)"), out.get(1).detail());
        assertTrue(out.get(2).pass(), out.get(2).toString());
    }

    /** The tolerance of the group that holds case {@code id} of {@code file}. */
    static JsonNode tolerance(String file, long id) throws IOException {
        JsonNode root = LawJson.mapper().readTree(Files.readString(VECTORS.resolve(file)));
        for (JsonNode g : root.get("testGroups")) {
            for (JsonNode t : g.get("tests")) {
                if (t.get("tcId").asLong() == id) {
                    return g.get("tolerance");
                }
            }
        }
        throw new AssertionError("no case " + id + " in " + file);
    }

    /**
     * {@code |x - v| <= max(absolute, relative |v|)}, both bounds inclusive, decided exactly: values
     * exactly at a bound pass, values one unit of the 30th decimal beyond fail; the detail names the
     * bound that decided. The exact values are known without the files: the information curve starts
     * at 0, and with {@code L = 1} the output law is the law itself ({@code uniform:2,1}: 1/2).
     */
    @Test
    void toleranceBoundsAreInclusiveAndTheDetailNamesTheDecidingBound() throws IOException {
        long parity = tcId("info.json", "parity:4");
        JsonNode t = tolerance("info.json", parity);
        String rel = t.get("relative").asText();
        String abs = t.get("absolute").asText();
        BigDecimal a = new BigDecimal(abs);
        BigDecimal beyond = new BigDecimal("1e-30");
        String bounds = "tolerance (relative " + rel + ", absolute " + abs + ")";
        List<ValuesValidator.Outcome> out = ValuesValidator.validate(VECTORS, results(
                entry("info.json", parity, "informationCurve[0]", a.toString()),
                entry("info.json", parity, "informationCurve[0]", a.negate().toString()),
                entry("info.json", parity, "informationCurve[0]", a.add(beyond).toString()),
                entry("info.json", parity, "informationCurve[0]", "1e2")));
        assertTrue(out.get(0).pass() && out.get(1).pass(), out.toString());
        assertTrue(out.get(0).detail().endsWith(" <= " + bounds + " [absolute]"), out.get(0).detail());
        assertFalse(out.get(2).pass());
        assertTrue(out.get(2).detail().endsWith(" > " + bounds), out.get(2).detail());
        assertTrue(out.get(3).detail().contains("|diff| = 1.000e+02 > "), out.get(3).detail());
        long one = tcId("output-law.json", "uniform:2,1");
        JsonNode u = tolerance("output-law.json", one);
        BigDecimal half = new BigDecimal("0.5");
        BigDecimal r = new BigDecimal(u.get("relative").asText()).multiply(half);
        assertTrue(r.compareTo(new BigDecimal(u.get("absolute").asText())) > 0, "the relative bound is the larger");
        String uBounds = "tolerance (relative " + u.get("relative").asText() + ", absolute "
                + u.get("absolute").asText() + ")";
        List<ValuesValidator.Outcome> p = ValuesValidator.validate(VECTORS, results(
                entry("output-law.json", one, "outputLaw[0].p", half.add(r).toPlainString()),
                entry("output-law.json", one, "outputLaw[0].p", half.subtract(r).toPlainString()),
                entry("output-law.json", one, "outputLaw[0].p", half.add(r).add(beyond).toPlainString()),
                entry("output-law.json", one, "outputLaw[0].p", "\"1/2 - " + r.toPlainString() + "\"")));
        for (int k : new int[] {0, 1, 3}) {
            assertTrue(p.get(k).pass(), p.get(k).toString());
            assertTrue(p.get(k).detail().endsWith(" <= " + uBounds + " [relative]"), p.get(k).detail());
        }
        assertFalse(p.get(2).pass(), p.get(2).toString());
        assertTrue(p.get(2).detail().endsWith(" > " + uBounds), p.get(2).detail());
    }

    @Test
    void malformedResultsAreRefusedWithTheirPlace() {
        String[] bad = {
            "{\"schema\":\"dlm-exact/results@2\",\"results\":[]}",
            results(entry("info.json", 999999, "entropy", "0")),
            results(entry("info.json", 1, "noSuchField", "0")),
            results(entry("nosuch.json", 1, "entropy", "0")),
            results(entry("../info.json", 1, "entropy", "0")),
            results(entry("info.json", 1, "entropy", "\"abc\"")),
            results(entry("info.json", 1, "entropy", "true")),
            results("{\"file\":\"info.json\",\"tcId\":1,\"field\":\"entropy\",\"value\":0,\"extra\":1}"),
            "{\"schema\":\"dlm-exact/results@1\",\"results\":[",
        };
        for (String b : bad) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> ValuesValidator.validate(VECTORS, b),
                    b);
            assertTrue(e.getMessage().contains("results[0]") || e.code().equals("json.syntax")
                    || e.code().equals("results.schema"), e.getMessage());
        }
    }

    @Test
    void commandLineExitCodes(@TempDir Path tmp) throws IOException {
        long parity = tcId("info.json", "parity:4");
        Path good = tmp.resolve("good.json");
        Files.writeString(good, results(entry("info.json", parity, "entropy", Double.toString(3 * Math.log(2)))));
        Path wrong = tmp.resolve("wrong.json");
        Files.writeString(wrong, results(entry("info.json", parity, "entropy", "2.0794")));
        Path broken = tmp.resolve("broken.json");
        Files.writeString(broken, results(entry("info.json", parity, "nope", "1")));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(out), new PrintWriter(err), "validate", "values", "--vectors",
                VECTORS.toString(), "--results", good.toString()), err.toString());
        assertTrue(out.toString().contains("OK: 1 values, 1 passed, 0 failed"), out.toString());
        out = new StringWriter();
        assertEquals(1, Main.run(new PrintWriter(out), new PrintWriter(err), "validate", "values", "--vectors",
                VECTORS.toString(), "--results", wrong.toString()));
        assertTrue(out.toString().contains("FAIL info.json tcId " + parity + " entropy"), out.toString());
        out = new StringWriter();
        err = new StringWriter();
        assertEquals(2, Main.run(new PrintWriter(out), new PrintWriter(err), "validate", "values", "--vectors",
                VECTORS.toString(), "--results", broken.toString()));
        assertEquals("", out.toString());
        assertTrue(err.toString().startsWith("dlm-exact: error: ") && err.toString().contains("results[0]"),
                err.toString());
        assertEquals(1, err.toString().strip().split("\n").length);
    }
}
