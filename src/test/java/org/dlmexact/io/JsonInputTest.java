package org.dlmexact.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.law.LawJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link JsonInput}: bounded trees, a streamed array, messages without library internals. */
class JsonInputTest {

    private static JsonNode read(String text, long max) {
        return JsonInput.read(JsonInput.ofText(text), max);
    }

    private static InvalidInputException refused(String code, org.junit.jupiter.api.function.Executable e) {
        InvalidInputException x = assertThrows(InvalidInputException.class, e);
        assertEquals(code, x.code(), x.getMessage());
        return x;
    }

    @Test
    void treesAreReadWithExactNumbers() throws IOException {
        JsonNode n = read("{\"a\":[1,2.50,true,false,null,\"s\",{\"b\":123456789012345678901234567890}]}", 100);
        assertEquals(LawJson.mapper().readTree("{\"a\":[1,2.50,true,false,null,\"s\",{\"b\":123456789012345678901234567890}]}"),
                n);
        assertEquals(new BigDecimal("2.50"), n.get("a").get(1).decimalValue(), "the decimal as written, scale kept");
        assertEquals(9, read("[1,[2,[3]],{\"x\":4}]", 9).size() + 6);
    }

    @Test
    void theValueBudgetCountsEveryValue() {
        read("[1,[2,[3]],{\"x\":4}]", 8); // 8 values: the outer array, 1, [2,[3]], 2, [3], 3, the object, 4
        assertEquals("the document is too large: more than 7 JSON values",
                refused("json.too-large", () -> read("[1,[2,[3]],{\"x\":4}]", 7)).getMessage());
    }

    @Test
    void syntaxErrorsAreOneLineWithoutLibraryNames() {
        assertEquals("not valid JSON: the input is empty", refused("json.syntax", () -> read("", 10)).getMessage());
        assertEquals("not valid JSON: the input is empty", refused("json.syntax", () -> read("  \n ", 10)).getMessage());
        assertEquals("not valid JSON: trailing content after the JSON value (line 1, column 3)",
                refused("json.syntax", () -> read("1 2", 10)).getMessage());
        String deep = refused("json.syntax", () -> read("[".repeat(100) + "]".repeat(100), 1000)).getMessage();
        assertEquals("not valid JSON: Document nesting depth (65) exceeds the maximum allowed (64)", deep.replaceAll(
                " \\(line.*", ""));
        String dup = refused("json.syntax", () -> read("{\"a\":1,\"a\":2}", 10)).getMessage();
        assertTrue(dup.contains("Duplicate field 'a'"), dup);
        assertTrue(!dup.contains("`") && !dup.contains("jackson"), dup);
        assertEquals("the number 1e999999999999 (line 1, column 15) is out of range",
                refused("json.number", () -> read("1e999999999999", 10)).getMessage());
    }

    @Test
    void jacksonReasonsLoseTheirInternals() {
        com.fasterxml.jackson.core.JsonParseException e = new com.fasterxml.jackson.core.JsonParseException(null,
                "Trailing token (of type X) found after value (bound as `com.fasterxml.jackson.databind.JsonNode`): not "
                        + "allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`");
        assertEquals("Trailing token (of type X) found after value", JsonInput.jacksonReason(e));
        com.fasterxml.jackson.core.JsonParseException limit = new com.fasterxml.jackson.core.JsonParseException(null,
                "Number value length (1001) exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNumberLength()`)");
        assertEquals("Number value length (1001) exceeds the maximum allowed (1000)", JsonInput.jacksonReason(limit));
        String m160 = "x".repeat(JsonInput.MAX_REASON);
        assertEquals(m160, JsonInput.jacksonReason(new com.fasterxml.jackson.core.JsonParseException(null, m160)));
        assertEquals(m160 + "...", JsonInput.jacksonReason(new com.fasterxml.jackson.core.JsonParseException(null,
                m160 + "y")));
        assertEquals("unreadable input", JsonInput.jacksonReason(new com.fasterxml.jackson.core.JsonParseException(null,
                (String) null)));
    }

    private static final Set<String> FIELDS = Set.of("head", "items");

    private static JsonInput.Document doc(String text, long max) {
        return JsonInput.readObject(JsonInput.ofText(text), "items", FIELDS, max,
                f -> new InvalidInputException("t.unknown", "unknown " + f),
                new InvalidInputException("t.too-many", "too many"));
    }

    @Test
    void theStreamedArrayIsCountedThenHandedOverOneByOne() {
        JsonInput.Document d = doc("{\"items\":[1,{\"a\":2},[3]],\"head\":{\"v\":2}}", 3);
        assertTrue(d.isObject());
        assertEquals(3, d.count());
        assertTrue(d.streamedField().isArray() && d.streamedField().isEmpty(), "the array is never kept");
        assertEquals("{\"head\":{\"v\":2}}", d.fields().toString());
        List<String> seen = new ArrayList<>();
        d.forEach(10, (i, e) -> seen.add(i + "=" + e));
        assertEquals(List.of("0=1", "1={\"a\":2}", "2=[3]"), seen);
        assertEquals("items[1] is too large: more than 1 JSON values",
                refused("json.too-large", () -> d.forEach(1, (i, e) -> { })).getMessage());
    }

    @Test
    void theCountIsRefusedWhileCounting() {
        assertEquals("too many", refused("t.too-many", () -> doc("{\"items\":[1,2,3,4]}", 3)).getMessage());
    }

    @Test
    void anUnknownFieldIsRefusedBeforeItsValueIsRead() {
        String huge = "{\"other\":[" + "0,".repeat(100_000) + "0]}";
        assertEquals("unknown other", refused("t.unknown", () -> doc(huge, 3)).getMessage());
    }

    @Test
    void otherShapes() {
        JsonInput.Document notObject = doc("[1,2]", 3);
        assertTrue(!notObject.isObject());
        assertEquals(0, notObject.fields().size());
        JsonInput.Document scalar = doc("{\"items\":7}", 3);
        assertEquals(0, scalar.count());
        assertEquals(7, scalar.streamedField().intValue());
        List<JsonNode> none = new ArrayList<>();
        scalar.forEach(10, (i, e) -> none.add(e));
        assertEquals(List.of(), none, "a non-array is not streamed");
        JsonInput.Document absent = doc("{\"head\":1}", 3);
        assertNull(absent.streamedField());
        absent.forEach(10, (i, e) -> none.add(e));
        assertEquals(List.of(), none);
        refused("json.syntax", () -> doc("{\"head\":1} x", 3));
        refused("json.syntax", () -> doc("[1,2] 3", 3));
        refused("json.syntax", () -> doc("", 3));
        refused("json.too-large", () -> doc("{\"head\":[" + "0,".repeat((int) JsonInput.MAX_HEADER_VALUES) + "0]}", 3));
    }

    @Test
    void filesAreReadAsStrictUtf8(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("d.json"), "{\"head\":1,\"items\":[2]}");
        JsonInput.Document d = JsonInput.readObject(JsonInput.ofFile(f, "the file", 1000), "items", FIELDS, 5,
                x -> new InvalidInputException("t.unknown", x), new InvalidInputException("t.too-many", "n"));
        assertEquals(1, d.count());
        List<JsonNode> got = new ArrayList<>();
        d.forEach(5, (i, e) -> got.add(e));
        assertEquals(2, got.get(0).intValue());
        Files.write(f, new byte[] {'[', (byte) 0xC3, ']'});
        assertEquals("io.encoding", assertThrows(InvalidInputException.class,
                () -> JsonInput.read(JsonInput.ofFile(f, "the file", 1000), 10)).code());
        Files.writeString(f, "[1,2,3]");
        JsonInput.Source small = JsonInput.ofFile(f, "the file", 1000);
        Files.writeString(f, "[" + "1,".repeat(1000) + "1]"); // grows past the limit after the check
        assertEquals("io.too-large", assertThrows(InvalidInputException.class, () -> JsonInput.read(small, 10_000)).code());
        refused("io.not-regular", () -> JsonInput.ofFile(dir, "the file", 1000));
    }

    @Test
    void echoCutsLargeValues() {
        assertEquals("nothing", JsonInput.echo(null));
        assertEquals("[1,2,{\"a\":\"b\"}]", JsonInput.echo(read("[1,2,{\"a\":\"b\"}]", 10)));
        StringBuilder big = new StringBuilder("[0");
        for (int i = 1; i < 100_000; i++) {
            big.append(",0");
        }
        String echo = JsonInput.echo(read(big.append(']').toString(), 200_000));
        assertEquals("[" + "0,".repeat(29) + "0... (100000 values)", echo);
        String longString = "\"" + "s".repeat(500) + "\"";
        assertEquals("\"" + "s".repeat(59) + "... (500 characters)", JsonInput.echo(read(longString, 2)));
        assertEquals("{\"k\":\"" + "v".repeat(54) + "... (1 fields)", JsonInput.echo(read("{\"k\":\"" + "v".repeat(90) + "\"}", 5)));
        assertEquals("\"a\\nb\"", JsonInput.echo(read("\"a\\nb\"", 2)), "control characters escaped");
        String fits = "\"" + "a".repeat(78) + "\"";
        assertEquals(fits, JsonInput.echo(read(fits, 2)), "80 characters: whole");
        assertEquals("\"" + "a".repeat(59) + "... (79 characters)", JsonInput.echo(read("\"" + "a".repeat(79) + "\"", 2)));
        String digits = "1".repeat(200);
        assertEquals("1".repeat(60) + "... (200 characters)", JsonInput.echo(read(digits, 2)));
    }
}
