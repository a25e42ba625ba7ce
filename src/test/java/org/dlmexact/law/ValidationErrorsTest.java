package org.dlmexact.law;

import static org.dlmexact.law.Invalid.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.dlmexact.exact.Rational;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Validation errors of spaces, laws, families and law resolution: one case each. */
class ValidationErrorsTest {

    @Test
    void alphabetBelowTwo() {
        assertInvalid("law.alphabet-size", () -> SequenceSpace.of(1, 3), "alphabetSize", "got 1");
        assertInvalid("law.alphabet-size", () -> SequenceSpace.of(0, 3), "got 0");
    }

    @Test
    void alphabetAboveLimit() {
        assertInvalid("law.alphabet-size", () -> SequenceSpace.of(17, 1), "got 17", "16");
    }

    @Test
    void lengthBelowOne() {
        assertInvalid("law.length", () -> SequenceSpace.of(2, 0), "length", "got 0");
        assertInvalid("law.length", () -> SequenceSpace.of(2, -4), "got -4");
    }

    @Test
    void spaceTooLargeNamesTheEstimate() {
        assertInvalid("law.too-large", () -> SequenceSpace.of(2, 21), "V^L = 2097152", "1048576", "alphabetSize 2",
                "length 21");
        assertInvalid("law.too-large", () -> SequenceSpace.of(3, 13), "V^L = 1594323", "1048576");
        assertInvalid("law.too-large", () -> SequenceSpace.of(16, 64),
                "V^L = " + BigInteger.valueOf(16).pow(64), "length 64");
        assertInvalid("law.too-large", () -> SequenceSpace.of(16, 1000), "V^L = 16^1000 > 2^64", "length 1000");
    }

    @Test
    void hugeLengthIsRefusedAtOnce() {
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> {
            assertInvalid("law.too-large", () -> SequenceSpace.of(3, Integer.MAX_VALUE), "3^" + Integer.MAX_VALUE);
            assertInvalid("law.too-large", () -> Families.parse("uniform:3,200000000"), "3^200000000");
            assertInvalid("law.too-large", () -> LawJson.parse("{\"schema\":\"dlm-exact/law@1\",\"alphabetSize\":3,"
                    + "\"length\":2147483647,\"support\":[]}"), "3^2147483647");
        });
    }

    @Test
    void latticeTooLarge() {
        assertInvalid("law.too-large", () -> MarginalLattice.checkSize(2, 16), "43046721", "5000000", "16 positions");
    }

    private static BigInteger[] w(long... ws) {
        BigInteger[] b = new BigInteger[ws.length];
        for (int i = 0; i < ws.length; i++) {
            b[i] = BigInteger.valueOf(ws[i]);
        }
        return b;
    }

    private static Rational[] p(String... ps) {
        Rational[] r = new Rational[ps.length];
        for (int i = 0; i < ps.length; i++) {
            r[i] = Rational.parse(ps[i]);
        }
        return r;
    }

    @Test
    void fromWeightsWrongCount() {
        assertInvalid("law.size", () -> Law.fromWeights(SequenceSpace.of(2, 2), w(1, 2, 3)), "expected 4", "got 3");
    }

    @Test
    void fromWeightsNegative() {
        assertInvalid("law.negative-probability", () -> Law.fromWeights(SequenceSpace.of(2, 2), w(1, 2, -3, 0)),
                "[1, 0]", "-3");
    }

    @Test
    void fromWeightsAllZero() {
        assertInvalid("law.empty", () -> Law.fromWeights(SequenceSpace.of(2, 2), w(0, 0, 0, 0)), "weight 0");
    }

    @Test
    void fromWeightsNulls() {
        assertThrows(NullPointerException.class, () -> Law.fromWeights(null, w(1)));
        assertThrows(NullPointerException.class, () -> Law.fromWeights(SequenceSpace.of(2, 1), null));
        assertThrows(NullPointerException.class,
                () -> Law.fromWeights(SequenceSpace.of(2, 1), new BigInteger[] {BigInteger.ONE, null}));
    }

    @Test
    void fromProbabilitiesWrongCount() {
        assertInvalid("law.size", () -> Law.fromProbabilities(SequenceSpace.of(2, 1), p("1")), "expected 2", "got 1");
    }

    @Test
    void fromProbabilitiesNegative() {
        assertInvalid("law.negative-probability", () -> Law.fromProbabilities(SequenceSpace.of(2, 1), p("-1/2", "3/2")),
                "[0]", "-1/2");
    }

    @Test
    void fromProbabilitiesAboveOne() {
        assertInvalid("law.probability-above-one", () -> Law.fromProbabilities(SequenceSpace.of(2, 1), p("0", "5/4")),
                "[1]", "5/4");
    }

    @Test
    void fromProbabilitiesSumNotOne() {
        assertInvalid("law.sum-not-one", () -> Law.fromProbabilities(SequenceSpace.of(2, 1), p("1/3", "1/3")),
                "2/3", "not exactly 1");
    }

    static Stream<Arguments> badFamilies() {
        return Stream.of(
                Arguments.of("nope:1", "family.unknown", new String[] {"'nope'", "uniform"}),
                Arguments.of("no-colon", "family.unknown", new String[] {"'no-colon'", "NAME:ARGS"}),
                Arguments.of(":2,3", "family.unknown", new String[] {"':2,3'"}),
                Arguments.of("uniform:2", "family.args", new String[] {"'uniform:2'", "expected 2"}),
                Arguments.of("uniform:2,3,4", "family.args", new String[] {"expected 2", "'2,3,4'"}),
                Arguments.of("uniform:2,x", "family.args", new String[] {"'x' is not an integer"}),
                Arguments.of("uniform:1,3", "law.alphabet-size", new String[] {"got 1"}),
                Arguments.of("uniform:2,0", "law.length", new String[] {"got 0"}),
                Arguments.of("uniform:2,21", "law.too-large", new String[] {"2097152", "1048576"}),
                Arguments.of("repetition:3", "family.args", new String[] {"expected 2"}),
                Arguments.of("repetition:3,1.5", "family.args", new String[] {"'1.5' is not an integer"}),
                Arguments.of("parity:2,3", "family.args", new String[] {"expected 1 comma-separated integer"}),
                Arguments.of("parity:four", "family.args", new String[] {"'four' is not an integer"}),
                Arguments.of("pairs:3", "family.args", new String[] {"even L", "got 3"}),
                Arguments.of("pairs:0", "family.args", new String[] {"got 0"}),
                Arguments.of("random:2,3", "family.args", new String[] {"random:V,L,SEED"}),
                Arguments.of("random:2,3,seed", "family.args", new String[] {"'seed'", "64-bit"}),
                Arguments.of("random:2,3,99999999999999999999", "family.args", new String[] {"99999999999999999999"}),
                Arguments.of("random:x,3,1", "family.args", new String[] {"'x' is not an integer"}),
                Arguments.of("product:2:1/2,1/3", "family.args", new String[] {"marginal of position 0", "5/6"}),
                Arguments.of("product:2:a,1", "family.args", new String[] {"entry 0", "'a'"}),
                Arguments.of("product:2:-1/2,3/2", "family.args", new String[] {"entry 0 is negative", "-1/2"}),
                Arguments.of("product:1/2,1/2;1/3,1/3,1/3", "family.args",
                        new String[] {"position 1", "3 entries", "position 0 has 2"}),
                Arguments.of("product:2:1/2,1/2:1", "family.args", new String[] {"expected product:L"}),
                Arguments.of("product:0:1/2,1/2", "law.length", new String[] {"got 0"}),
                Arguments.of("product:-1:1/2,1/2", "law.length", new String[] {"got -1"}),
                Arguments.of("markov:3", "family.args", new String[] {"markov:L:ROWS"}),
                Arguments.of("markov:3:1,0;0,1:1,0:9", "family.args", new String[] {"markov:L:ROWS"}),
                Arguments.of("markov:x:1,0;0,1", "family.args", new String[] {"'x' is not an integer"}),
                Arguments.of("markov:3:1/2,1/2;1", "family.args", new String[] {"transition row 1", "1 entries", "expected 2"}),
                Arguments.of("markov:3:1/2,1/3;1/2,1/2", "family.args", new String[] {"transition row 0", "5/6"}),
                Arguments.of("markov:3:1/2,1/2;3/2,-1/2", "family.args", new String[] {"transition row 1", "negative"}),
                Arguments.of("markov:3:1/2,x;1/2,1/2", "family.args", new String[] {"transition row 0", "entry 1"}),
                Arguments.of("markov:3:1,0;0,1", "family.args", new String[] {"no unique stationary law", "START"}),
                Arguments.of("markov:3:1,0,0;0,1,0;0,0,1", "family.args", new String[] {"no unique stationary law"}),
                Arguments.of("markov:3:1/2,1/2;1/2,1/2:1,0,0", "family.args", new String[] {"start law", "3 entries"}),
                Arguments.of("markov:3:1/2,1/2;1/2,1/2:1/2,1/3", "family.args", new String[] {"start law", "5/6"}),
                Arguments.of("code:4:1,1,1", "family.args", new String[] {"prime q", "got 4"}),
                Arguments.of("code:1:0,0", "family.args", new String[] {"prime q", "got 1"}),
                Arguments.of("code:17:1,1", "family.args", new String[] {"got 17"}),
                Arguments.of("code:-2:1,1", "family.args", new String[] {"prime q", "got -2"}),
                Arguments.of("code:-3:0,0", "family.args", new String[] {"prime q", "got -3"}),
                Arguments.of("code:2:1,2,1", "family.args", new String[] {"entry (0, 1) = 2", "F_2"}),
                Arguments.of("code:3:1,1;0,-1", "family.args", new String[] {"entry (1, 1) = -1", "F_3"}),
                Arguments.of("code:2:1,1;1", "family.args", new String[] {"row 1 has 1 entries", "row 0 has 2"}),
                Arguments.of("code:2:1,x", "family.args", new String[] {"'x' is not an integer"}),
                Arguments.of("code:2", "family.args", new String[] {"code:q:G"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFamilies")
    void badFamily(String spec, String code, String[] fragments) {
        assertInvalid(code, () -> Families.parse(spec), fragments);
        if (Families.isFamily(spec)) {
            assertInvalid(code, () -> Laws.resolve(spec), fragments);
        }
    }

    @Test
    void productOfNoMarginals() {
        assertInvalid("law.length", () -> Families.product(new Rational[0][]), "got 0");
    }

    @Test
    void resolveMissingFile(@TempDir Path dir) {
        String missing = dir.resolve("no-such-law.json").toString();
        assertInvalid("law.not-found", () -> Laws.resolve(missing), "'" + missing + "'", "neither a family",
                "nor a readable file");
    }

    @Test
    void resolveDirectory(@TempDir Path dir) {
        assertInvalid("io.not-regular", () -> Laws.resolve(dir.toString()), dir.toString(), "is a folder");
    }

    @Test
    void resolveUnknownFamilyLooksForAFile() {
        assertInvalid("law.not-found", () -> Laws.resolve("nope:1"), "'nope:1'", "uniform");
    }

    @Test
    void resolveBadFileNamesThePath(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"schema\":\"dlm-exact/law@1\",\"alphabetSize\":2,\"length\":1,"
                + "\"support\":[{\"x\":[0],\"p\":\"1/2\"}]}");
        assertInvalid("law.sum-not-one", () -> Laws.resolve(f.toString()), f.toString(), "1/2");
    }

    @Test
    void readUnreadableFile(@TempDir Path dir) {
        Path f = dir.resolve("absent.json");
        assertInvalid("io.read", () -> LawJson.read(f), "'" + f + "'");
    }
}
