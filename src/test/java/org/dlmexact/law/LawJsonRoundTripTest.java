package org.dlmexact.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dlmexact.law.LawEnumerator.Named;
import org.dlmexact.exact.Rational;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** parse(toCanonicalText(law)) = law; the canonical text is byte-stable; JSON numbers are read exactly. */
class LawJsonRoundTripTest {

    static final List<String> FAMILY_SPECS = List.of("uniform:2,1", "uniform:3,3", "product:3:1/3,2/3",
            "product:1/2,1/2;1/5,4/5;1,0", "product:2:0.25,0.75", "repetition:2,4", "repetition:5,2", "parity:1",
            "parity:5", "pairs:2", "pairs:6", "markov:4:1/2,1/2;1/3,2/3", "markov:3:0,1;1,0:1,0",
            "markov:3:1/2,1/4,1/4;0,1/2,1/2;1/3,1/3,1/3", "random:2,3,0", "random:3,2,-7", "random:4,3,12345",
            "code:2:1,1,1", "code:2:1,0,1;0,1,1", "code:3:1,1,1,0;0,1,2,1", "code:5:1,2");

    static List<Named> laws() {
        List<Named> out = new ArrayList<>();
        for (String s : FAMILY_SPECS) {
            out.add(new Named(s, Families.parse(s)));
        }
        out.addAll(LawEnumerator.grid(2, 2, 2));
        for (int[] s : new int[][] {{2, 5}, {3, 3}, {5, 2}}) {
            out.addAll(LawEnumerator.seeded("sparse", s[0], s[1], 1, 5));
            out.addAll(LawEnumerator.seeded("markov", s[0], s[1], 1, 3));
            out.addAll(LawEnumerator.seeded("product", s[0], s[1], 1, 3));
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> roundTrip() {
        return laws().stream().map(n -> dynamicTest(n.name(), () -> {
            String text = LawJson.toCanonicalText(n.law());
            Law back = LawJson.parse(text);
            assertEquals(n.law(), back);
            assertEquals(text, LawJson.toCanonicalText(back), "canonical text is a fixed point");
            assertEquals(n.law(), LawJson.fromTree(LawJson.toTree(n.law())), "tree round trip");
            assertEquals(n.law(), LawJson.parse(LawJson.mapper().writeValueAsString(LawJson.toTree(n.law()))),
                    "tree text round trip");
            assertEquals(n.law(), LawJson.fromTree(LawJson.mapper().readTree(text)), "so does the tree reader");
        }));
    }

    /** Valid files in other shapes (field order, numbers for p): the text and the tree reader agree. */
    @Test
    void otherShapesGoToTheTreeReader() throws Exception {
        String[] texts = {
            "{\"alphabetSize\":2,\"schema\":\"dlm-exact/law@1\",\"length\":1,\"support\":[{\"x\":[0],\"p\":\"1\"}]}",
            "{\"schema\":\"dlm-exact/law@1\",\"alphabetSize\":2,\"length\":1,\"support\":[{\"p\":\"1\",\"x\":[0]}]}",
            "{\"schema\":\"dlm-exact/law@1\",\"alphabetSize\":2,\"length\":1,\"support\":[{\"x\":[0],\"p\":1}]}",
            "{\"schema\":\"dlm-exact/law@1\",\"alphabetSize\":2,\"length\":1,\"support\":[{\"x\":[0],\"p\":0.5},"
                    + "{\"x\":[1],\"p\":\"1/2\"}]}",
        };
        for (String text : texts) {
            Law law = LawJson.parse(text);
            assertEquals(LawJson.fromTree(LawJson.mapper().readTree(text)), law, text);
        }
        assertEquals(Families.parse("uniform:2,1"), LawJson.parse(texts[3]));
    }

    @Test
    void canonicalTextIsByteStable() {
        String expected = "{\"schema\":\"dlm-exact/law@1\",\"alphabetSize\":2,\"length\":2,\"support\":[\n"
                + "  {\"x\":[0,0],\"p\":\"1/2\"},\n"
                + "  {\"x\":[1,1],\"p\":\"1/2\"}\n"
                + "]}\n";
        assertEquals(expected, LawJson.toCanonicalText(Families.pairs(2)));
        assertEquals(expected, LawJson.toCanonicalText(Families.repetition(2, 2)));
        String p3 = "{\"schema\":\"dlm-exact/law@1\",\"alphabetSize\":3,\"length\":1,\"support\":[\n"
                + "  {\"x\":[0],\"p\":\"1/6\"},\n"
                + "  {\"x\":[2],\"p\":\"5/6\"}\n"
                + "]}\n";
        assertEquals(p3, LawJson.toCanonicalText(Families.parse("product:1:1/6,0,5/6")));
        byte[] a = LawJson.toCanonicalText(Families.parse("random:3,3,5")).getBytes(StandardCharsets.UTF_8);
        byte[] b = LawJson.toCanonicalText(Families.parse("random:3,3,5")).getBytes(StandardCharsets.UTF_8);
        assertEquals(new String(a, StandardCharsets.UTF_8), new String(b, StandardCharsets.UTF_8));
    }

    @Test
    void probabilitiesAsJsonNumbersAreExact() {
        String text = "{\"schema\":\"dlm-exact/law@1\",\"alphabetSize\":2,\"length\":2,\"support\":["
                + "{\"x\":[0,0],\"p\":0.25},{\"x\":[0,1],\"p\":0.1},{\"x\":[1,0],\"p\":6.5e-1},{\"x\":[1,1],\"p\":0}]}";
        Law law = LawJson.parse(text);
        assertEquals(Rational.of(1, 4), law.probability(0));
        assertEquals(Rational.of(1, 10), law.probability(1));
        assertEquals(Rational.of(13, 20), law.probability(2));
        assertEquals(Rational.ZERO, law.probability(3));
        assertEquals(3, law.supportSize());
    }

    @Test
    void probabilitiesAsTextForms() {
        String text = "{\"schema\":\"dlm-exact/law@1\",\"alphabetSize\":2,\"length\":1,\"support\":["
                + "{\"x\":[1],\"p\":\"0.375\"},{\"x\":[0],\"p\":\"10/16\"}]}";
        Law law = LawJson.parse(text);
        assertEquals(Rational.of(5, 8), law.probability(0));
        assertEquals(Rational.of(3, 8), law.probability(1));
    }

    @Test
    void readsAFile(@TempDir Path dir) throws IOException {
        Law law = Families.parse("markov:3:1/2,1/2;1/3,2/3");
        Path f = dir.resolve("law.json");
        Files.writeString(f, LawJson.toCanonicalText(law));
        assertEquals(law, LawJson.read(f));
        assertEquals(law, Laws.resolve(f.toString()));
    }
}
