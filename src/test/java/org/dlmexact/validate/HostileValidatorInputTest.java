package org.dlmexact.validate;

import static org.dlmexact.validate.ValuesValidatorTest.entry;
import static org.dlmexact.validate.ValuesValidatorTest.results;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.law.SequenceSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13 in the validators: exact tcIds, bounded values, strict samples lines, bounded files. */
class HostileValidatorInputTest {

    private static final Path VECTORS = ValuesValidatorTest.VECTORS;

    private static InvalidInputException refused(String code, String text) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ValuesValidator.validate(VECTORS, text));
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    @Test
    void tcIdsAreComparedExactly() {
        BigInteger wrapsToOne = BigInteger.TWO.pow(64).add(BigInteger.ONE);
        assertTrue(refused("results.tcId", results(entry("info.json", 0, "entropy", "0")).replace("\"tcId\":0",
                "\"tcId\":" + wrapsToOne)).getMessage().endsWith("info.json has no case with tcId 18446744073709551617"));
        refused("results.tcId", results(entry("info.json", 0, "entropy", "0")).replace("\"tcId\":0",
                "\"tcId\":-1"));
        refused("results.tcId", results(entry("info.json", 0, "entropy", "0")).replace("\"tcId\":0",
                "\"tcId\":\"1\""));
        assertTrue(ValuesValidator.validate(VECTORS, results(entry("info.json", 1, "entropy", "\"ln(99)\""))).size() == 1);
    }

    @Test
    void submittedValuesAreBounded() throws IOException {
        String big = BigInteger.TEN.pow(1300).toString();
        assertEquals("number.too-large", refused("number.too-large",
                results(entry("info.json", 1, "entropy", "\"1/" + big + "\""))).code());
        // ln(10^1300) is 1300 ln(2) + 1300 ln(5): small atoms, accepted; 65537^257 has no prime factor
        // below 2^16, so it stays one atom, of 4113 bits
        assertEquals(1, ValuesValidator.validate(VECTORS, results(entry("info.json", 1, "entropy", "\"ln(" + big
                + ")\""))).size());
        refused("number.too-large", results(entry("info.json", 1, "entropy", "\"ln(" + BigInteger.valueOf(65537).pow(257)
                + ")\"")));
        refused("number.too-large", results(entry("info.json", 1, "entropy", "\"" + big + "*ln(2)\"")));
        refused("number.too-large", results(entry("info.json", 1, "entropy", "\"" + big + "\"")));
        refused("results.value", results(entry("info.json", 1, "entropy", "1e-1001")));
        refused("results.value", results(entry("info.json", 1, "entropy", "\"not a number\"")));
        refused("results.value", results(entry("info.json", 1, "entropy", "true")));
        // at the limits: accepted (and failing, being far from the value)
        String atLimit = BigInteger.TWO.pow(4095).toString();
        long parity = ValuesValidatorTest.tcId("info.json", "parity:4"); // entropy 3 ln 2
        assertTrue(!ValuesValidator.validate(VECTORS, results(entry("info.json", parity, "entropy", "\"1/" + atLimit
                + "\""))).get(0).pass());
        assertEquals(1, ValuesValidator.validate(VECTORS, results(entry("info.json", 1, "entropy", "1e-1000"))).size());
    }

    @Test
    void outcomesNameTheirCase() {
        ValuesValidator.Outcome o = ValuesValidator.validate(VECTORS, results(entry("info.json", 1, "entropy", "0")))
                .get(0);
        assertEquals("info.json", o.file());
        assertEquals(1, o.tcId());
        assertEquals("entropy", o.field());
        assertTrue(o.detail().startsWith("value 0, exact "), o.detail());
        assertTrue(o.toString().startsWith((o.pass() ? "PASS" : "FAIL") + " info.json tcId 1 entropy: value 0"), o.toString());
    }

    @Test
    void aVectorFileCaseWhoseTcIdPassesLongIsNeverMatched(@TempDir Path dir) throws IOException {
        // a tampered copy of info.json: case 1 renumbered 2^63 (64 bits), which no long holds
        String info = Files.readString(VECTORS.resolve("info.json")).replaceFirst("\"tcId\":1,",
                "\"tcId\":9223372036854775808,");
        Files.writeString(dir.resolve("info.json"), info);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ValuesValidator.validate(dir,
                results(entry("info.json", 0, "entropy", "0")).replace("\"tcId\":0", "\"tcId\":9223372036854775808")));
        assertEquals("results.tcId", e.code());
    }

    @Test
    void malformedResultsFilesAreRefused() {
        refused("results.not-object", "[1]");
        refused("results.schema", "{\"schema\":\"x\",\"results\":[]}");
        refused("results.results", "{\"schema\":\"dlm-exact/results@1\",\"results\":{}}");
        refused("results.results", "{\"schema\":\"dlm-exact/results@1\"}");
        refused("results.unknown-field", "{\"schema\":\"dlm-exact/results@1\",\"results\":[],\"x\":1}");
        refused("results.entry", results("1"));
        refused("results.unknown-field", results("{\"file\":\"info.json\",\"tcId\":1,\"field\":\"entropy\",\"value\":0,"
                + "\"extra\":1}"));
        refused("json.too-large", results("{\"file\":\"info.json\",\"tcId\":1,\"field\":\"entropy\",\"value\":["
                + "0,".repeat(20) + "0]}"));
        refused("results.file", results(entry("../info.json", 1, "entropy", "0")));
        refused("results.file", results(entry("nope.json", 1, "entropy", "0")));
        refused("results.file", results(entry("info.txt", 1, "entropy", "0")));
        refused("results.field", results(entry("info.json", 1, "nothing", "0")));
        assertEquals(0, ValuesValidator.validate(VECTORS, results()).size());
    }

    @Test
    void tooManyResultsAreRefusedWhileCounting() {
        StringBuilder sb = new StringBuilder("{\"schema\":\"dlm-exact/results@1\",\"results\":[");
        for (int i = 0; i <= ValuesValidator.MAX_RESULTS; i++) {
            sb.append(i == 0 ? "" : ",").append("0");
        }
        refused("results.too-large", sb.append("]}").toString());
    }

    @Test
    void resultsFilesAreReadWithTheFileRules(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("results.json");
        Files.writeString(f, results(entry("info.json", 1, "entropy", "0")));
        assertEquals(1, ValuesValidator.validate(VECTORS, f).size());
        Files.writeString(f, results(entry("info.json", 1, "nothing", "0")));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ValuesValidator.validate(VECTORS, f));
        assertTrue(e.getMessage().startsWith(f + ": results[0]"), e.getMessage());
        assertEquals("io.not-regular", assertThrows(InvalidInputException.class,
                () -> ValuesValidator.validate(VECTORS, dir)).code());
        Files.write(f, new byte[] {'{', (byte) 0xC3});
        assertEquals("io.encoding", assertThrows(InvalidInputException.class,
                () -> ValuesValidator.validate(VECTORS, f)).code());
    }

    private static long[] counts(String text) throws IOException {
        return SampleValidator.readCounts(new BufferedReader(new StringReader(text)), SequenceSpace.of(2, 2), "s");
    }

    @Test
    void samplesLinesAreStrict() throws IOException {
        assertArrayEquals(new long[] {1, 0, 1, 1}, counts("0 0\n1,0\n 1 1 \n"));
        assertArrayEquals(new long[] {0, 1, 0, 0}, counts("0 1"));
        InvalidInputException blank = assertThrows(InvalidInputException.class, () -> counts("0 0\n1 1\n\n"));
        assertEquals("samples.line", blank.code());
        assertEquals("s: line 3 is empty; every line must hold one sequence of 2 tokens", blank.getMessage());
        assertEquals("samples.line", assertThrows(InvalidInputException.class, () -> counts("0 0\n   \n1 1\n")).code());
        assertEquals("s: line 1 has 3 tokens, expected 2 (tokens separated by spaces or commas): '0 0 0'",
                assertThrows(InvalidInputException.class, () -> counts("0 0 0\n")).getMessage());
        assertEquals("s: line 2, token 2 is '2', not an integer in [0, 2)",
                assertThrows(InvalidInputException.class, () -> counts("0 0\n0 2\n")).getMessage());
        assertEquals("s: line 1, token 1 is '-1', not an integer in [0, 2)",
                assertThrows(InvalidInputException.class, () -> counts("-1 0\n")).getMessage());
        assertEquals("s: line 1, token 2 is '\\u0000', not an integer in [0, 2)",
                assertThrows(InvalidInputException.class, () -> counts("0 \u0000\n")).getMessage());
        assertEquals("samples.empty", assertThrows(InvalidInputException.class, () -> counts("")).code());
        assertEquals("io.too-large", assertThrows(InvalidInputException.class,
                () -> counts("0 ".repeat(5000))).code());
    }

    @Test
    void samplesFilesAreReadWithTheFileRules(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("s.txt"), "0 1\n0 1\n");
        assertArrayEquals(new long[] {0, 2, 0, 0}, SampleValidator.readCounts(f, SequenceSpace.of(2, 2)));
        assertEquals("io.not-regular", assertThrows(InvalidInputException.class,
                () -> SampleValidator.readCounts(Path.of("/dev/zero"), SequenceSpace.of(2, 2))).code());
        Files.writeString(f, "0 1\n\n");
        assertTrue(assertThrows(InvalidInputException.class, () -> SampleValidator.readCounts(f, SequenceSpace.of(2, 2)))
                .getMessage().startsWith(f + ": line 2 is empty"));
    }
}
