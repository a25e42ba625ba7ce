package org.dlmexact.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.law.SequenceSpace;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.Divergence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictorTest {

    private static final SequenceSpace S22 = SequenceSpace.of(2, 2);

    /** A table over [2]^2 with every context of the uniform law, rows 1/2,1/2, plus {@code extra}. */
    private static String table(String override) {
        StringBuilder sb = new StringBuilder("{\"schema\":\"dlm-exact/predictor@1\",\"alphabetSize\":2,\"length\":2,"
                + "\"entries\":[");
        String[] rows = {
            "{\"visible\":[],\"values\":[],\"position\":0,\"p\":[\"1/2\",\"1/2\"]}",
            "{\"visible\":[],\"values\":[],\"position\":1,\"p\":[\"1/2\",\"1/2\"]}",
            "{\"visible\":[0],\"values\":[0],\"position\":1,\"p\":[\"1/2\",\"1/2\"]}",
            "{\"visible\":[0],\"values\":[1],\"position\":1,\"p\":[\"1/2\",\"1/2\"]}",
            "{\"visible\":[1],\"values\":[0],\"position\":0,\"p\":[\"1/2\",\"1/2\"]}",
            "{\"visible\":[1],\"values\":[1],\"position\":0,\"p\":[\"1/2\",\"1/2\"]}",
        };
        for (int n = 0; n < rows.length; n++) {
            String r = rows[n];
            if (override != null && n == 4) {
                r = override;
            }
            if (r.isEmpty()) {
                continue;
            }
            sb.append(sb.charAt(sb.length() - 1) == '[' ? "" : ",").append(r);
        }
        return sb.append("]}").toString();
    }

    private static String code(String text) {
        return assertThrows(InvalidInputException.class, () -> PredictorTable.parse(text, S22)).code();
    }

    @Test
    void optimalRowsAreConditionals() {
        Law law = Families.parse("markov:3:3/4,1/4;1/3,2/3");
        MarginalLattice lat = MarginalLattice.of(law);
        Predictor p = Predictors.optimal(lat);
        // p*(x_1 = b | x_0 = a) = mu(a, b) / mu(a), with mu(a, b) summed over x_2 by definition
        for (int a = 0; a < 2; a++) {
            Rational ma = Rational.ZERO;
            Rational[] mab = {Rational.ZERO, Rational.ZERO};
            for (int idx = 0; idx < 8; idx++) {
                int[] x = law.space().outcome(idx);
                if (x[0] == a) {
                    ma = ma.add(law.probability(idx));
                    mab[x[1]] = mab[x[1]].add(law.probability(idx));
                }
            }
            Rational[] row = p.row(1, a, 1);
            assertEquals(mab[0].divide(ma), row[0]);
            assertEquals(mab[1].divide(ma), row[1]);
        }
        assertTrue(p.isOptimal());
    }

    @Test
    void optimalHasNoRowWhereTheDataNeverGoes() {
        Law law = Families.repetition(2, 3);
        MarginalLattice lat = MarginalLattice.of(law);
        // visible {0, 1} with values (0, 1): mu = 0
        assertNull(Predictors.optimal(lat).row(0b011, 1, 2));
        PredictiveRows rows = new PredictiveRows(lat, Predictors.optimal(lat));
        assertArrayEquals(new Rational[] {Rational.of(1, 2), Rational.of(1, 2)}, rows.row(0b011, 1, 2));
    }

    /** The documented zero-mass rule: repetition:2,3 with schedule 2,1 gives nu(aaa) = 1/4, others 1/12. */
    @Test
    void zeroMassContextsGetTheUniformRow() {
        Law law = Families.repetition(2, 3);
        SamplerError e = SamplerError.compute(law, Schedule.of(3, 2, 1), Predictors.optimal(MarginalLattice.of(law)));
        Rational[] want = new Rational[8];
        for (int i = 0; i < 8; i++) {
            want[i] = i == 0 || i == 7 ? Rational.of(1, 4) : Rational.of(1, 12);
        }
        assertEquals(Law.fromProbabilities(law.space(), want), e.outputLaw());
        assertTrue(e.outputKL().value().equals(ExactReal.ln(2)));
    }

    @Test
    void smoothedRows() {
        Law law = Families.random(2, 3, 5);
        MarginalLattice lat = MarginalLattice.of(law);
        Rational lambda = Rational.of(1, 3);
        Predictor s = Predictors.smoothed(lat, lambda);
        Rational[] opt = Predictors.optimal(lat).row(0b100, 1, 0);
        Rational[] sm = s.row(0b100, 1, 0);
        for (int a = 0; a < 2; a++) {
            assertEquals(Rational.ONE.subtract(lambda).multiply(opt[a]).add(lambda.divide(2)), sm[a]);
        }
        assertEquals("smoothed:1/3", s.description());
        assertTrue(Predictors.smoothed(lat, Rational.ZERO).isOptimal());
        assertFalse(s.isOptimal());
    }

    @Test
    void smoothingOutsideTheUnitIntervalIsRefused() {
        MarginalLattice lat = MarginalLattice.of(Families.uniform(2, 2));
        assertEquals("predictor.smoothing",
                assertThrows(InvalidInputException.class, () -> Predictors.parse("smoothed:3/2", lat)).code());
        assertEquals("predictor.smoothing",
                assertThrows(InvalidInputException.class, () -> Predictors.parse("smoothed:-1/2", lat)).code());
        assertEquals("predictor.syntax",
                assertThrows(InvalidInputException.class, () -> Predictors.parse("smoothed:abc", lat)).code());
        assertEquals("predictor.not-found",
                assertThrows(InvalidInputException.class, () -> Predictors.parse("/no/such/file.json", lat)).code());
    }

    /** A table holding exactly the optimal rows gives exactly the optimal predictor's errors. */
    @Test
    void tableOfOptimalRowsMatchesOptimal(@TempDir Path dir) throws Exception {
        Law law = Families.random(2, 3, 9);
        MarginalLattice lat = MarginalLattice.of(law);
        Predictor opt = Predictors.optimal(lat);
        StringBuilder sb = new StringBuilder("{\"schema\":\"dlm-exact/predictor@1\",\"alphabetSize\":2,\"length\":3,"
                + "\"entries\":[");
        boolean first = true;
        for (int mask = 0; mask < 8; mask++) {
            for (int values = 0; values < (1 << Integer.bitCount(mask)); values++) {
                for (int i = 0; i < 3; i++) {
                    if ((mask & (1 << i)) != 0) {
                        continue;
                    }
                    Context c = Context.of(law.space(), mask, values, i, -1);
                    Rational[] r = opt.row(mask, values, i);
                    sb.append(first ? "" : ",").append("{\"visible\":").append(java.util.Arrays.toString(c.visiblePositions()))
                            .append(",\"values\":").append(java.util.Arrays.toString(c.visibleValues()))
                            .append(",\"position\":").append(i).append(",\"p\":[\"").append(r[0]).append("\",\"")
                            .append(r[1]).append("\"]}");
                    first = false;
                }
            }
        }
        sb.append("]}");
        Path f = dir.resolve("opt.json");
        Files.writeString(f, sb.toString());
        Predictor table = Predictors.parse(f.toString(), lat);
        for (Schedule s : Schedule.all(3)) {
            SamplerError a = SamplerError.compute(law, s, opt);
            SamplerError b = SamplerError.compute(law, s, table);
            assertTrue(a.pathAveragedKL().value().equals(b.pathAveragedKL().value()));
            assertTrue(b.predictorError().value().isZero());
            assertEquals(a.outputLaw(), b.outputLaw());
            assertTrue(b.closedFormAgrees());
        }
    }

    @Test
    void validTableParses() {
        PredictorTable t = PredictorTable.parse(table(null), S22);
        assertEquals(6, t.size());
        assertArrayEquals(new Rational[] {Rational.of(1, 2), Rational.of(1, 2)}, t.row(0b10, 1, 0));
        assertNull(t.row(0b01, 0, 0));
    }

    @Test
    void rowThatDoesNotSumToOne() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PredictorTable.parse(
                table("{\"visible\":[1],\"values\":[0],\"position\":0,\"p\":[\"1/2\",\"1/3\"]}"), S22));
        assertEquals("predictor.row-sum", e.code());
        assertTrue(e.getMessage().contains("visible [1] = [0], position 0") && e.getMessage().contains("5/6"),
                e.getMessage());
    }

    @Test
    void missingContextIsNamedWhenNeeded() {
        Law law = Families.uniform(2, 2);
        PredictorTable t = PredictorTable.parse(table(""), S22);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SamplerError.compute(law, Schedule.of(2, 1, 1), t));
        assertEquals("predictor.missing-context", e.code());
        assertTrue(e.getMessage().contains("visible [1] = [0], position 0"), e.getMessage());
        // one-shot never needs the missing row
        assertTrue(SamplerError.compute(law, Schedule.of(2, 2), t).pathAveragedKL().value().isZero());
    }

    @Test
    void malformedTables() {
        assertEquals("predictor.duplicate-context",
                code(table("{\"visible\":[1],\"values\":[1],\"position\":0,\"p\":[\"1/2\",\"1/2\"]}")));
        assertEquals("predictor.schema", code(table(null).replace("predictor@1", "predictor@2")));
        assertEquals("predictor.space", code(table(null).replace("\"length\":2", "\"length\":3")));
        assertEquals("predictor.unknown-field", code(table(null).replace("\"entries\"", "\"extra\":1,\"entries\"")));
        assertEquals("predictor.visible",
                code(table("{\"visible\":[1,0],\"values\":[0,0],\"position\":0,\"p\":[\"1/2\",\"1/2\"]}")));
        assertEquals("predictor.values",
                code(table("{\"visible\":[1],\"values\":[0,1],\"position\":0,\"p\":[\"1/2\",\"1/2\"]}")));
        assertEquals("predictor.values",
                code(table("{\"visible\":[1],\"values\":[2],\"position\":0,\"p\":[\"1/2\",\"1/2\"]}")));
        assertEquals("predictor.position",
                code(table("{\"visible\":[1],\"values\":[0],\"position\":1,\"p\":[\"1/2\",\"1/2\"]}")));
        assertEquals("predictor.position",
                code(table("{\"visible\":[1],\"values\":[0],\"position\":5,\"p\":[\"1/2\",\"1/2\"]}")));
        assertEquals("predictor.row-length",
                code(table("{\"visible\":[1],\"values\":[0],\"position\":0,\"p\":[\"1\"]}")));
        assertEquals("predictor.probability",
                code(table("{\"visible\":[1],\"values\":[0],\"position\":0,\"p\":[\"3/2\",\"-1/2\"]}")));
        assertEquals("predictor.probability",
                code(table("{\"visible\":[1],\"values\":[0],\"position\":0,\"p\":[\"x\",\"1\"]}")));
        assertEquals("json.syntax", code("{"));
        assertEquals("predictor.not-object", code("[]"));
    }

    /**
     * A table giving probability 0 to a token the data can produce makes the path error +inf,
     * with the first offending context in (size, mask, values, position, token) order.
     */
    @Test
    void zeroProbabilityGivesInfinityWithTheContext() {
        Law law = Families.uniform(2, 2);
        PredictorTable t = PredictorTable.parse(
                table("{\"visible\":[1],\"values\":[0],\"position\":0,\"p\":[\"1\",\"0\"]}"), S22);
        SamplerError e = SamplerError.compute(law, Schedule.of(2, 1, 1), t);
        assertTrue(e.pathAveragedKL().isInfinite());
        assertTrue(e.chainRuleKL().isInfinite());
        assertTrue(e.predictorError().isInfinite());
        assertTrue(e.trainingErrorUniformSteps().isInfinite());
        assertTrue(e.closedFormAgrees());
        Context c = e.infiniteContext().orElseThrow();
        assertEquals(Context.of(law.space(), 0b10, 0, 0, 1), c);
        assertArrayEquals(new int[] {1}, c.visiblePositions());
        assertArrayEquals(new int[] {0}, c.visibleValues());
        // the witness outcome extends the context: x_1 = 0, x_0 = 1
        assertArrayEquals(new int[] {1, 0}, law.space().outcome(e.pathAveragedKL().witness().getAsInt()));
        // the other order reaches (1, 0) with probability 1/8: the output error stays finite
        Divergence out = e.outputKL();
        assertFalse(out.isInfinite());
        assertTrue(e.steps().get(1).predictorLogRatio().isInfinite());
        assertTrue(e.steps().get(1).predictorTerm().isInfinite());
        // the first step (nothing visible) is not offended
        assertTrue(e.steps().get(0).predictorLogRatio().value().isZero());
        assertTrue(e.steps().get(0).predictorTerm().value().isZero());
        // one-shot does not visit the context
        assertFalse(SamplerError.compute(law, Schedule.of(2, 2), t).pathAveragedKL().isInfinite());
    }

    @Test
    void moreMalformedTables(@TempDir Path dir) {
        assertEquals("predictor.entries", code("{\"schema\":\"dlm-exact/predictor@1\",\"alphabetSize\":2,"
                + "\"length\":2,\"entries\":{}}"));
        assertEquals("predictor.entry", code(table(null).replace("\"entries\":[", "\"entries\":[1,")));
        assertEquals("io.read", assertThrows(InvalidInputException.class,
                () -> PredictorTable.read(dir.resolve("missing.json"), S22)).code());
    }

    private static Predictor custom(Rational[] row) {
        return new Predictor() {
            @Override
            public Rational[] row(int visibleMask, int valuesIndex, int position) {
                return row;
            }

            @Override
            public boolean isOptimal() {
                return false;
            }

            @Override
            public String description() {
                return "custom";
            }
        };
    }

    /** Rows of a predictor that is not built in are validated when first used. */
    @Test
    void customPredictorRowsAreValidated() {
        MarginalLattice lat = MarginalLattice.of(Families.uniform(2, 2));
        String[] codes = {"predictor.row-sum", "predictor.row-length", "predictor.probability"};
        Rational[][] rows = {
            {Rational.of(1, 2), Rational.of(1, 3)},
            {Rational.ONE},
            {Rational.of(3, 2), Rational.of(-1, 2)},
        };
        for (int n = 0; n < codes.length; n++) {
            PredictiveRows r = new PredictiveRows(lat, custom(rows[n]));
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> r.row(0, 0, 1));
            assertEquals(codes[n], e.code());
            assertTrue(e.getMessage().contains("visible [] = [], position 1"), e.getMessage());
        }
        PredictiveRows ok = new PredictiveRows(lat, custom(new Rational[] {Rational.of(1, 3), Rational.of(2, 3)}));
        java.math.BigInteger[] c = ok.cumulative(0, 0, 1);
        assertArrayEquals(new java.math.BigInteger[] {java.math.BigInteger.ONE, java.math.BigInteger.valueOf(3),
            java.math.BigInteger.valueOf(3)}, c);
        assertThrows(IllegalArgumentException.class, () -> ok.row(0b01, 0, 0));
    }

    /** The optimal predictor of another law on the same space is an imperfect predictor. */
    @Test
    void optimalPredictorOfAnotherLaw() {
        Law mu = Families.random(2, 3, 21);
        Law other = Families.random(2, 3, 22);
        SamplerError e = SamplerError.compute(mu, Schedule.of(3, 2, 1), Predictors.optimal(other));
        assertTrue(e.closedFormAgrees());
        assertTrue(e.predictorError().value().signum() > 0);
        Predictor wrongSpace = Predictors.optimal(Families.uniform(3, 3));
        assertThrows(IllegalArgumentException.class,
                () -> SamplerError.compute(mu, Schedule.of(3, 3), wrongSpace));
        assertEquals("optimal", Predictors.parse("optimal", mu).description());
    }
    private static InvalidInputException bad(String text) {
        return assertThrows(InvalidInputException.class, () -> PredictorTable.parse(text, S22));
    }

    private static void assertRefused(String code, String inMessage, String text) {
        InvalidInputException e = bad(text);
        assertEquals(code, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains(inMessage), e.getMessage());
    }

    /** A parsed table: its space, its rows (strings and JSON numbers read exactly), never optimal. */
    @Test
    void parsedTableAccessors() {
        PredictorTable t = PredictorTable.parse(
                table("{\"visible\":[1],\"values\":[0],\"position\":0,\"p\":[0.25,0.75]}"), S22);
        assertEquals(S22, t.space());
        assertEquals(6, t.size());
        assertEquals("table(6 rows)", t.description());
        assertFalse(t.isOptimal());
        assertArrayEquals(new Rational[] {Rational.of(1, 4), Rational.of(3, 4)}, t.row(0b10, 0, 0));
        assertArrayEquals(new Rational[] {Rational.of(1, 2), Rational.of(1, 2)}, t.row(0b10, 1, 0));
        assertNull(t.row(0b10, 0, 1));
        assertEquals("table(5 rows)", PredictorTable.parse(table(""), S22).description());
    }

    /** Each refusal names the entry, the field and the offending value (or that it is missing). */
    @Test
    void refusalsNameTheProblem() {
        assertRefused("json.syntax", "(line 1, column", "{\"schema\": }");
        assertRefused("predictor.schema", "got \"dlm-exact/predictor@2\"", table(null).replace("predictor@1", "predictor@2"));
        assertRefused("predictor.schema", "got nothing", table(null).replace("\"schema\":\"dlm-exact/predictor@1\",", ""));
        assertRefused("predictor.space", "field 'alphabetSize' is 3 but the law has alphabetSize 2",
                table(null).replace("\"alphabetSize\":2", "\"alphabetSize\":3"));
        assertRefused("predictor.space", "field 'length' must be an integer, got nothing",
                table(null).replace("\"length\":2,", ""));
        assertRefused("predictor.space", "field 'length' must be an integer, got \"2\"",
                table(null).replace("\"length\":2", "\"length\":\"2\""));
        assertRefused("predictor.unknown-field", "entries[4]: unknown field 'weight'",
                table("{\"visible\":[1],\"values\":[0],\"position\":0,\"p\":[\"1/2\",\"1/2\"],\"weight\":1}"));
        assertRefused("predictor.visible", "entries[4].visible = [1, 1]",
                table("{\"visible\":[1,1],\"values\":[0,0],\"position\":0,\"p\":[\"1/2\",\"1/2\"]}"));
        // position L = 2 is outside [0, 2)
        assertRefused("predictor.position", "entries[4].position must be an integer in [0, 2), got 2",
                table("{\"visible\":[1],\"values\":[0],\"position\":2,\"p\":[\"1/2\",\"1/2\"]}"));
        assertRefused("predictor.position", "got nothing",
                table("{\"visible\":[1],\"values\":[0],\"p\":[\"1/2\",\"1/2\"]}"));
        assertRefused("predictor.position", "got \"0\"",
                table("{\"visible\":[1],\"values\":[0],\"position\":\"0\",\"p\":[\"1/2\",\"1/2\"]}"));
        assertRefused("predictor.row-length", "got nothing",
                table("{\"visible\":[1],\"values\":[0],\"position\":0}"));
        assertRefused("predictor.row-length", "array of 2 probabilities, got [\"1\"]",
                table("{\"visible\":[1],\"values\":[0],\"position\":0,\"p\":[\"1\"]}"));
        assertRefused("predictor.probability", "p[0]: expected a string such as \"1/2\" or a number, got true",
                table("{\"visible\":[1],\"values\":[0],\"position\":0,\"p\":[true,\"1\"]}"));
        assertRefused("predictor.row-sum", "the row sums to 3/2",
                table("{\"visible\":[1],\"values\":[0],\"position\":0,\"p\":[1,0.5]}"));
    }
    /** λ = 1 is allowed: (1 - 1) p* + 1/V is exactly the uniform row wherever p* is defined. */
    @Test
    void fullSmoothingGivesUniformRows() {
        MarginalLattice lat = MarginalLattice.of(Families.repetition(2, 3));
        Predictor s = Predictors.smoothed(lat, Rational.ONE);
        assertFalse(s.isOptimal());
        assertEquals("smoothed:1", s.description());
        Rational[] half = {Rational.of(1, 2), Rational.of(1, 2)};
        // p* of repetition is (1, 0) or (0, 1) once a token is visible
        int[][] contexts = {{0, 0, 0}, {0, 0, 2}, {0b001, 0, 1}, {0b001, 1, 2}, {0b011, 0, 2}, {0b011, 3, 2}};
        for (int[] c : contexts) {
            assertArrayEquals(half, s.row(c[0], c[1], c[2]), java.util.Arrays.toString(c));
        }
    }
}
