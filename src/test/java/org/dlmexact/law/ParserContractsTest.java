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
    static final List<String> INVALID_FAMILIES = List.of("uniform:2", "uniform:1,3", "uniform:2,21", "uniform:2,x",
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

    /** Valid descriptions whose tables are too large to enumerate (structured families at any length, §3.4). */
    static final List<String> LONG_STRUCTURED = List.of("uniform:2,21", "product:1024:1/3,2/3", "repetition:16,5000",
            "parity:64", "pairs:1024", "markov:1024:3/4,1/4;1/3,2/3", "markov:100:1/2,1/2;1/4,3/4:1,0",
            "exchangeable:512:1/2@1/4,3/4;1/2@3/4,1/4", "rs:17,5,2", "rs:256,200,100");
    /** Invalid descriptions: bad parameters at any length, and enumerated families beyond the limits. */
    static final List<String> INVALID_DESCRIPTIONS = List.of("uniform:2", "uniform:17,3", "pairs:1023", "parity:0",
            "markov:1024:1,0;0,1", "markov:1024:1/2,1/2", "exchangeable:8:1/2@1/4,3/4", "exchangeable:8:1@1/2;1@1/2",
            "rs:6,3,2", "rs:5,6,2", "rs:5,4,5", "random:2,21,1", "code:2:1,1;1", "nosuch:1");

    @TestFactory
    Stream<DynamicTest> familiesDescribe() {
        List<String> valid = new java.util.ArrayList<>(VALID_FAMILIES);
        valid.addAll(LONG_STRUCTURED);
        return new PreconditionTable<String>("law/Families.java", "public static LawDescription describe(String spec)",
                "isDescribable(spec)", "!isDescribable(spec)",
                Families::isDescribable, s -> !Families.isDescribable(s), Families::describe, InvalidInputException.class,
                valid, INVALID_DESCRIPTIONS).tests().stream();
    }

    @Test
    void aLongStructuredLawIsDescribedButNotParsed() {
        for (String spec : LONG_STRUCTURED) {
            assertTrue(Families.isDescribable(spec) && !Families.isValidSpec(spec), spec);
        }
    }

    @TestFactory
    Stream<DynamicTest> lawsDescribeFamilies() {
        List<String> valid = new java.util.ArrayList<>(VALID_FAMILIES);
        valid.addAll(LONG_STRUCTURED);
        return new PreconditionTable<String>("law/Laws.java", "public static LawDescription describe(String spec)",
                "Families.isFamily(spec) && Families.isDescribable(spec)",
                "Families.isFamily(spec) && !Families.isDescribable(spec)",
                s -> Families.isFamily(s) && Families.isDescribable(s), s -> Families.isFamily(s) && !Families.isDescribable(s),
                Laws::describe, InvalidInputException.class,
                valid, INVALID_DESCRIPTIONS.stream().filter(Families::isFamily).toList()).tests().stream();
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
