package org.dlmexact.law;

import static org.dlmexact.law.Invalid.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every error path of the law file parser: one case each, with its code and what the message must name. */
class LawJsonErrorsTest {

    private static final String HEAD = "{\"schema\":\"dlm-exact/law@1\",\"alphabetSize\":2,\"length\":2,";

    private static String law(String support) {
        return HEAD + "\"support\":" + support + "}";
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("not JSON", "{\"schema\": ", "json.syntax", new String[] {"not valid JSON"}),
                Arguments.of("not JSON (bare word)", "hello", "json.syntax", new String[] {"not valid JSON", "line 1"}),
                Arguments.of("not an object", "[1, 2]", "law.not-object", new String[] {"JSON object"}),
                Arguments.of("a string, not an object", "\"law\"", "law.not-object", new String[] {"JSON object"}),
                Arguments.of("unknown field", HEAD + "\"support\":[{\"x\":[0,0],\"p\":\"1\"}],\"extra\":1}",
                        "law.unknown-field", new String[] {"'extra'"}),
                Arguments.of("unknown field in an entry", law("[{\"x\":[0,0],\"p\":\"1\",\"q\":2}]"),
                        "law.unknown-field", new String[] {"support[0]", "'q'"}),
                Arguments.of("missing schema",
                        "{\"alphabetSize\":2,\"length\":2,\"support\":[{\"x\":[0,0],\"p\":\"1\"}]}",
                        "law.schema", new String[] {"'schema'", "nothing"}),
                Arguments.of("wrong schema",
                        "{\"schema\":\"dlm-exact/law@2\",\"alphabetSize\":2,\"length\":2,\"support\":[]}",
                        "law.schema", new String[] {"'schema'", "dlm-exact/law@2"}),
                Arguments.of("schema not a string",
                        "{\"schema\":1,\"alphabetSize\":2,\"length\":2,\"support\":[]}",
                        "law.schema", new String[] {"'schema'"}),
                Arguments.of("alphabetSize not an integer",
                        "{\"schema\":\"dlm-exact/law@1\",\"alphabetSize\":\"two\",\"length\":2,\"support\":[]}",
                        "law.alphabetSize", new String[] {"'alphabetSize'", "\"two\""}),
                Arguments.of("alphabetSize missing",
                        "{\"schema\":\"dlm-exact/law@1\",\"length\":2,\"support\":[]}",
                        "law.alphabetSize", new String[] {"'alphabetSize'", "nothing"}),
                Arguments.of("alphabetSize fractional",
                        "{\"schema\":\"dlm-exact/law@1\",\"alphabetSize\":2.0,\"length\":2,\"support\":[]}",
                        "law.alphabetSize", new String[] {"'alphabetSize'", "2.0"}),
                Arguments.of("alphabetSize beyond int",
                        "{\"schema\":\"dlm-exact/law@1\",\"alphabetSize\":99999999999,\"length\":2,\"support\":[]}",
                        "law.alphabetSize", new String[] {"'alphabetSize'", "99999999999"}),
                Arguments.of("alphabetSize 1",
                        "{\"schema\":\"dlm-exact/law@1\",\"alphabetSize\":1,\"length\":2,\"support\":[]}",
                        "law.alphabet-size", new String[] {"alphabetSize", "got 1"}),
                Arguments.of("alphabetSize 17",
                        "{\"schema\":\"dlm-exact/law@1\",\"alphabetSize\":17,\"length\":1,\"support\":[]}",
                        "law.alphabet-size", new String[] {"alphabetSize", "got 17"}),
                Arguments.of("length not an integer",
                        "{\"schema\":\"dlm-exact/law@1\",\"alphabetSize\":2,\"length\":[2],\"support\":[]}",
                        "law.length", new String[] {"'length'"}),
                Arguments.of("length 0",
                        "{\"schema\":\"dlm-exact/law@1\",\"alphabetSize\":2,\"length\":0,\"support\":[]}",
                        "law.length", new String[] {"length", "got 0"}),
                Arguments.of("too large",
                        "{\"schema\":\"dlm-exact/law@1\",\"alphabetSize\":2,\"length\":21,\"support\":[]}",
                        "law.too-large", new String[] {"2097152", "1048576"}),
                Arguments.of("support missing", "{\"schema\":\"dlm-exact/law@1\",\"alphabetSize\":2,\"length\":2}",
                        "law.support", new String[] {"'support'"}),
                Arguments.of("support null", law("null"), "law.support", new String[] {"'support'"}),
                Arguments.of("support not an array", law("{\"x\":[0,0],\"p\":\"1\"}"),
                        "law.support", new String[] {"'support'", "array"}),
                Arguments.of("entry not an object", law("[[0,0]]"),
                        "law.support", new String[] {"support[0]", "object"}),
                Arguments.of("x missing", law("[{\"p\":\"1\"}]"),
                        "law.outcome", new String[] {"support[0].x", "array"}),
                Arguments.of("x not an array", law("[{\"x\":\"00\",\"p\":\"1\"}]"),
                        "law.outcome", new String[] {"support[0].x"}),
                Arguments.of("x wrong length", law("[{\"x\":[0,0],\"p\":\"1/2\"},{\"x\":[1,1,1],\"p\":\"1/2\"}]"),
                        "law.outcome-length", new String[] {"support[1].x", "[1,1,1]", "length 3", "expected length 2"}),
                Arguments.of("token out of range", law("[{\"x\":[0,2],\"p\":\"1\"}]"),
                        "law.token", new String[] {"support[0].x", "token 2", "position 1", "[0, 2)"}),
                Arguments.of("negative token", law("[{\"x\":[-1,0],\"p\":\"1\"}]"),
                        "law.token", new String[] {"token -1", "position 0"}),
                Arguments.of("non-integer token", law("[{\"x\":[0.5,0],\"p\":\"1\"}]"),
                        "law.token", new String[] {"token 0.5", "position 0"}),
                Arguments.of("string token", law("[{\"x\":[\"1\",0],\"p\":\"1\"}]"),
                        "law.token", new String[] {"token \"1\"", "position 0"}),
                Arguments.of("duplicate outcome", law("[{\"x\":[0,1],\"p\":\"1/2\"},{\"x\":[0,1],\"p\":\"1/2\"}]"),
                        "law.duplicate-outcome", new String[] {"support[1].x", "[0,1]", "repeats"}),
                Arguments.of("missing p", law("[{\"x\":[0,1]}]"),
                        "law.probability", new String[] {"support[0]", "[0,1]", "'p'"}),
                Arguments.of("p not a rational", law("[{\"x\":[0,1],\"p\":\"one half\"}]"),
                        "law.probability", new String[] {"support[0].p", "[0,1]", "one half"}),
                Arguments.of("p zero denominator", law("[{\"x\":[0,1],\"p\":\"1/0\"}]"),
                        "law.probability", new String[] {"support[0].p", "1/0"}),
                Arguments.of("p a boolean", law("[{\"x\":[0,1],\"p\":true}]"),
                        "law.probability", new String[] {"support[0].p", "[0,1]", "true"}),
                Arguments.of("negative p", law("[{\"x\":[0,1],\"p\":\"-1/2\"},{\"x\":[1,1],\"p\":\"3/2\"}]"),
                        "law.negative-probability", new String[] {"support[0].p", "[0,1]", "-1/2"}),
                Arguments.of("negative p as a number", law("[{\"x\":[1,0],\"p\":-0.5}]"),
                        "law.negative-probability", new String[] {"support[0].p", "[1,0]", "-1/2"}),
                Arguments.of("p above 1", law("[{\"x\":[0,1],\"p\":\"3/2\"}]"),
                        "law.probability-above-one", new String[] {"support[0].p", "[0,1]", "3/2"}),
                Arguments.of("sum below 1", law("[{\"x\":[0,1],\"p\":\"1/2\"},{\"x\":[1,1],\"p\":\"1/3\"}]"),
                        "law.sum-not-one", new String[] {"'support'", "5/6", "not exactly 1"}),
                Arguments.of("sum above 1 by a hair", law("[{\"x\":[0,1],\"p\":\"0.5\"},{\"x\":[1,1],\"p\":0.50000000000000000001}]"),
                        "law.sum-not-one", new String[] {"'support'", "not exactly 1"}),
                Arguments.of("empty support", law("[]"),
                        "law.sum-not-one", new String[] {"sum to 0"}),
                Arguments.of("duplicate JSON key",
                        "{\"schema\":\"dlm-exact/law@1\",\"alphabetSize\":2,\"length\":2,\"length\":3,\"support\":[]}",
                        "json.syntax", new String[] {"'length'"}),
                Arguments.of("duplicate key in an entry", law("[{\"x\":[0,1],\"p\":\"1\",\"p\":\"1\"}]"),
                        "json.syntax", new String[] {"'p'"}),
                Arguments.of("trailing tokens", law("[{\"x\":[0,1],\"p\":\"1\"}]") + " {}",
                        "json.syntax", new String[] {"not valid JSON", "railing"}));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void refused(String what, String text, String code, String[] fragments) {
        assertInvalid(code, () -> LawJson.parse(text), fragments);
    }
}
