package org.dlmexact.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.dlmexact.io.JsonInput;
import org.junit.jupiter.api.Test;

/** {@link VectorDiff} on small trees: every kind of difference, one line each, and the cap. */
class VectorDiffTest {

    private static JsonNode json(String text) {
        return JsonInput.read(JsonInput.ofText(text), 10_000);
    }

    private static List<String> diff(String actual, String expected) {
        return VectorDiff.of("f.json", json(actual), json(expected));
    }

    @Test
    void equalTreesHaveNoDifference() {
        assertEquals(List.of(), diff("{\"a\":[1,{\"b\":2}]}", "{\"a\":[1,{\"b\":2}]}"));
    }

    @Test
    void fieldsAreComparedByName() {
        assertEquals(List.of("f.json: a: the file has 1, the generator gives 2"), diff("{\"a\":1}", "{\"a\":2}"));
        assertEquals(List.of("f.json: a.b: the file has \"x\", the generator gives \"y\""),
                diff("{\"a\":{\"b\":\"x\"}}", "{\"a\":{\"b\":\"y\"}}"));
        assertEquals(List.of("f.json: a: missing; the generator gives [1,2]"), diff("{}", "{\"a\":[1,2]}"));
        assertEquals(List.of("f.json: z: not a field the generator writes (value true)"), diff("{\"z\":true}", "{}"));
        assertEquals(List.of("f.json: the file has [1], the generator gives {\"a\":1}"), diff("[1]", "{\"a\":1}"));
    }

    @Test
    void arraysAreComparedByPositionAndLength() {
        assertEquals(List.of("f.json: h: the file lists 3 elements, the generator 2",
                "f.json: h[1]: the file has 5, the generator gives 2"), diff("{\"h\":[1,5,3]}", "{\"h\":[1,2]}"));
        assertEquals(List.of("f.json: h: the file has 1, the generator gives [1]"), diff("{\"h\":1}", "{\"h\":[1]}"));
    }

    @Test
    void groupsAreMatchedByGroupIdAndCasesByTcId() {
        String expected = "{\"testGroups\":[{\"groupId\":\"g1\",\"tests\":[{\"tcId\":1,\"comment\":\"one\"},"
                + "{\"tcId\":2,\"comment\":\"two\"}]},{\"groupId\":\"g2\",\"tests\":[]}]}";
        String actual = "{\"testGroups\":[{\"groupId\":\"g3\",\"tests\":[]},{\"groupId\":\"g1\",\"tests\":["
                + "{\"tcId\":2,\"comment\":\"TWO\"},7]}]}";
        assertEquals(List.of(
                "f.json: tcId 1: missing (the generator's case: \"one\")",
                "f.json: tcId 2: comment: the file has \"TWO\", the generator gives \"two\"",
                "f.json: tcId #1: not a case the generator makes (comment nothing)",
                "f.json: group \"g2\": missing (0 cases)",
                "f.json: group \"g3\": not a group the generator makes"), diff(actual, expected));
    }

    @Test
    void aRenumberedCaseIsNamed() {
        String expected = "{\"tests\":[{\"tcId\":1,\"c\":\"a\"},{\"tcId\":2,\"c\":\"b\"}]}";
        assertEquals(List.of("f.json: tcId 7: renumbered; the generator numbers this case 2"),
                diff("{\"tests\":[{\"tcId\":1,\"c\":\"a\"},{\"tcId\":7,\"c\":\"b\"}]}", expected));
        assertEquals(List.of("f.json: tcId 1 (again): not a case the generator makes (comment nothing)"),
                diff("{\"tests\":[{\"tcId\":1,\"c\":\"a\"},{\"tcId\":1,\"c\":\"a\"},{\"tcId\":2,\"c\":\"b\"}]}",
                        expected), "a repeated tcId");
    }

    @Test
    void atMostFortyDifferencesAreListed() {
        StringBuilder a = new StringBuilder("{\"h\":[");
        StringBuilder e = new StringBuilder("{\"h\":[");
        for (int i = 0; i < 50; i++) {
            a.append(i == 0 ? "" : ",").append(i);
            e.append(i == 0 ? "" : ",").append(-i - 1);
        }
        List<String> d = diff(a + "]}", e + "]}");
        assertEquals(VectorDiff.MAX_REPORTED + 1, d.size());
        assertEquals("f.json: h[39]: the file has 39, the generator gives -40", d.get(39));
        assertEquals("f.json: ... and 10 more differences from the generated file", d.get(40));
        List<String> forty = diff("{\"h\":[" + "1,".repeat(39) + "1]}", "{\"h\":[" + "2,".repeat(39) + "2]}");
        assertEquals(VectorDiff.MAX_REPORTED, forty.size(), "exactly the cap: no summary line");
    }
}
