package org.dlmexact.law;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dlmexact.PreconditionTable;
import org.dlmexact.exact.InvalidInputException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preconditions of the law parsers' contracts on the families of SPEC §3.2, the law file rules
 * of SPEC §3.1 and the size limit of §3.3 (see {@link PreconditionTable}).
 */
class ParserContractsTest {

    static final List<String> VALID_FAMILIES = List.of("uniform:2,3", "uniform:16,4", "product:2:1/2,1/2",
            "product:1/2,1/2;1/3,2/3", "repetition:3,2", "parity:3", "pairs:4", "markov:3:1/2,1/2;1/4,3/4",
            "markov:2:1/2,1/2;1/4,3/4:1,0", "random:2,3,7", "code:2:1,1,0;0,1,1");
    static final List<String> INVALID_FAMILIES = List.of("uniform:2", "uniform:1,3", "uniform:2,17", "uniform:2,x",
            "product:2:1/2,1/3", "product:2:-1/2,3/2", "product:1/2,1/2;1", "pairs:3", "markov:2:1,0;0,1",
            "markov:2:1/2,1/2", "code:4:1,1", "code:2:1,2", "random:2,3,x", "nosuch:1", ":2,3");

    private static final String HEAD = "{\"schema\":\"dlm-exact/law@1\",\"alphabetSize\":2,\"length\":1,\"support\":";
    static final List<String> VALID_LAW_TEXTS = List.of(HEAD + "[{\"x\":[0],\"p\":\"1/2\"},{\"x\":[1],\"p\":\"1/2\"}]}",
            HEAD + "[{\"x\":[1],\"p\":\"1\"}]}", HEAD + "[{\"x\":[0],\"p\":0.25},{\"x\":[1],\"p\":\"3/4\"}]}");
    static final List<String> INVALID_LAW_TEXTS = List.of("", "[]", "{", HEAD + "[{\"x\":[0],\"p\":\"1/2\"}]}",
            HEAD + "[{\"x\":[0],\"p\":\"1/2\"},{\"x\":[0],\"p\":\"1/2\"}]}", HEAD + "[{\"x\":[2],\"p\":\"1\"}]}",
            HEAD + "[{\"x\":[0,1],\"p\":\"1\"}]}", HEAD + "[{\"x\":[1],\"p\":\"2\"},{\"x\":[0],\"p\":\"-1\"}]}",
            HEAD + "[{\"x\":[1],\"p\":\"1\"}],\"extra\":1}", HEAD.replace("law@1", "law@2") + "[{\"x\":[1],\"p\":\"1\"}]}",
            HEAD + "[{\"x\":[1],\"p\":\"1\",\"p\":\"1\"}]}", HEAD + "[{\"x\":[1],\"p\":\"1\"}]} trailing");

    @TestFactory
    Stream<DynamicTest> familiesParse() {
        return new PreconditionTable<String>("law/Families.java", "public static Law parse(String spec)",
                "isValidSpec(spec)", "!isValidSpec(spec)",
                Families::isValidSpec, s -> !Families.isValidSpec(s), Families::parse, InvalidInputException.class,
                VALID_FAMILIES, INVALID_FAMILIES).tests().stream();
    }

    @TestFactory
    Stream<DynamicTest> lawsResolveFamilies() {
        return new PreconditionTable<String>("law/Laws.java", "public static Law resolve(String spec)",
                "Families.isFamily(spec) && Families.isValidSpec(spec)",
                "Families.isFamily(spec) && !Families.isValidSpec(spec)",
                s -> Families.isFamily(s) && Families.isValidSpec(s), s -> Families.isFamily(s) && !Families.isValidSpec(s),
                Laws::resolve, InvalidInputException.class,
                VALID_FAMILIES, INVALID_FAMILIES.stream().filter(Families::isFamily).toList()).tests().stream();
    }

    @Test
    void aFileArgumentIsTheBehaviorCaseOfResolve(@TempDir Path dir) throws IOException {
        Path law = Files.writeString(dir.resolve("law.json"), VALID_LAW_TEXTS.get(0));
        for (String spec : List.of(law.toString(), dir.resolve("missing.json").toString(), "nosuch:1", "")) {
            assertFalse(Families.isFamily(spec), spec);
        }
        assertTrue(Laws.resolve(law.toString()) != null);
    }

    @TestFactory
    Stream<DynamicTest> lawJsonParse() {
        return new PreconditionTable<String>("law/LawJson.java", "public static Law parse(String text)",
                "isValidText(text)", "!isValidText(text)",
                LawJson::isValidText, t -> !LawJson.isValidText(t), LawJson::parse, InvalidInputException.class,
                VALID_LAW_TEXTS, INVALID_LAW_TEXTS).tests().stream();
    }

    @TestFactory
    Stream<DynamicTest> lawJsonFromTree() {
        // the invalid texts that are JSON at all (fromTree sees a tree)
        List<JsonNode> invalid = INVALID_LAW_TEXTS.stream().filter(ParserContractsTest::isJson)
                .map(ParserContractsTest::tree).toList();
        return new PreconditionTable<JsonNode>("law/LawJson.java", "public static Law fromTree(JsonNode root)",
                "isValidTree(root)", "!isValidTree(root)",
                LawJson::isValidTree, t -> !LawJson.isValidTree(t), LawJson::fromTree, InvalidInputException.class,
                VALID_LAW_TEXTS.stream().map(ParserContractsTest::tree).toList(), invalid).tests().stream();
    }

    @Test
    void theInvalidTreesAreMostOfTheInvalidTexts() {
        // guards the filter above: only the four texts that are not one JSON value drop out
        assertTrue(INVALID_LAW_TEXTS.stream().filter(ParserContractsTest::isJson).count() == INVALID_LAW_TEXTS.size() - 4);
    }

    private static boolean isJson(String text) {
        try {
            return LawJson.mapper().readTree(text) != null && !text.isBlank();
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static JsonNode tree(String text) {
        try {
            return LawJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
