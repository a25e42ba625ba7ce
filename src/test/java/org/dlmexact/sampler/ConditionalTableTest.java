package org.dlmexact.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.Rational;
import org.dlmexact.law.Law;
import org.dlmexact.law.LawJson;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.law.SequenceSpace;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** {@link ConditionalTable}: the optimal predictor written out, checked against brute-force conditionals. */
class ConditionalTableTest {

    /** Every (V, L) of the small scope with its laws (built-in families with zeros, seeded random laws). */
    private static Map<String, Law> corpus() {
        Map<String, Law> m = new java.util.LinkedHashMap<>();
        for (int l = 1; l <= 4; l++) {
            m.putAll(SamplerCases.laws(2, l, 2));
        }
        for (int l = 1; l <= 3; l++) {
            m.putAll(SamplerCases.laws(3, l, 2));
        }
        m.put("code:2:1,1,0;0,1,1", org.dlmexact.law.Families.parse("code:2:1,1,0;0,1,1"));
        return m;
    }

    /** mu(X_C = x_C restricted to C, and X_i = a when i >= 0) by summing over every outcome. */
    private static Rational bruteMass(Law law, int[] visible, int[] values, int i, int a) {
        Rational s = Rational.ZERO;
        for (int idx = 0; idx < law.space().size(); idx++) {
            int[] y = law.space().outcome(idx);
            boolean match = i < 0 || y[i] == a;
            for (int q = 0; q < visible.length && match; q++) {
                match = y[visible[q]] == values[q];
            }
            if (match) {
                s = s.add(law.probability(idx));
            }
        }
        return s;
    }

    private static int[] ints(JsonNode a) {
        int[] r = new int[a.size()];
        for (int n = 0; n < r.length; n++) {
            r[n] = a.get(n).intValue();
        }
        return r;
    }

    @TestFactory
    Stream<DynamicTest> everyRowIsTheBruteForceConditionalOrTheMarkedUniformRow() {
        return corpus().entrySet().stream().map(e -> dynamicTest(e.getKey(), () -> {
            Law law = e.getValue();
            int v = law.alphabetSize();
            int l = law.length();
            String text = ConditionalTable.text(MarginalLattice.of(law));
            assertTrue(text.endsWith("\n]}\n"), "final line");
            JsonNode root = LawJson.mapper().readTree(text);
            assertEquals(PredictorTable.SCHEMA, root.get("schema").textValue());
            assertEquals(v, root.get("alphabetSize").intValue());
            assertEquals(l, root.get("length").intValue());
            JsonNode entries = root.get("entries");
            // one entry per line after the header line, then the closing line
            assertEquals(entries.size() + 2, text.split("\n", -1).length - 1, "lines");
            // L (V+1)^(L-1) counted independently: sum over k of C(L, k) V^k (L - k)
            long expected = 0;
            for (int k = 0; k < l; k++) {
                expected += binomial(l, k) * BigInteger.valueOf(v).pow(k).longValueExact() * (l - k);
            }
            assertEquals(expected, entries.size());
            assertEquals(BigInteger.valueOf(expected), ConditionalTable.entryCount(v, l));
            long previous = -1;
            for (JsonNode en : entries) {
                int[] vis = ints(en.get("visible"));
                int[] val = ints(en.get("values"));
                int i = en.get("position").intValue();
                int mask = 0;
                for (int p : vis) {
                    mask |= 1 << p;
                }
                int[] x = new int[l];
                for (int q = 0; q < vis.length; q++) {
                    x[vis[q]] = val[q];
                }
                long key = ((long) mask * law.space().size() + Context.encode(law.space(), mask, x)) * l + i;
                assertTrue(key > previous, "entries ordered by mask, values, position and unique: " + en);
                previous = key;
                assertEquals(0, mask & (1 << i), "position masked: " + en);
                Rational total = bruteMass(law, vis, val, -1, -1);
                JsonNode p = en.get("p");
                assertEquals(v, p.size());
                if (total.isZero()) {
                    assertTrue(en.get("zeroProbability").booleanValue(), "marked: " + en);
                    for (int a = 0; a < v; a++) {
                        assertEquals(Rational.of(1, v), Rational.parse(p.get(a).textValue()), "uniform: " + en);
                    }
                } else {
                    assertNull(en.get("zeroProbability"), "unmarked: " + en);
                    for (int a = 0; a < v; a++) {
                        assertEquals(bruteMass(law, vis, val, i, a).divide(total), Rational.parse(p.get(a).textValue()),
                                "row: " + en);
                    }
                }
            }
        }));
    }

    /** Read back as a predictor, the table gives every row the optimal predictor gives, zero-probability contexts included. */
    @TestFactory
    Stream<DynamicTest> readBackItIsTheOptimalPredictorRowForRow() {
        return corpus().entrySet().stream().map(e -> dynamicTest(e.getKey(), () -> {
            Law law = e.getValue();
            SequenceSpace sp = law.space();
            MarginalLattice lat = MarginalLattice.of(law);
            PredictorTable table = PredictorTable.parse(ConditionalTable.text(lat), sp);
            assertEquals(ConditionalTable.entryCount(sp.alphabetSize(), sp.length()).intValueExact(), table.size());
            PredictiveRows fromTable = new PredictiveRows(lat, table);
            PredictiveRows optimal = new PredictiveRows(lat, Predictors.optimal(lat));
            for (int mask = 0; mask < sp.fullMask(); mask++) {
                for (int values = 0; values < sp.power(Integer.bitCount(mask)); values++) {
                    for (int i = 0; i < sp.length(); i++) {
                        if ((mask & (1 << i)) == 0) {
                            assertArrayEquals(optimal.row(mask, values, i), fromTable.row(mask, values, i),
                                    Context.of(sp, mask, values, i, -1).toString());
                        }
                    }
                }
            }
        }));
    }

    private static long binomial(int n, int k) {
        long r = 1;
        for (int j = 1; j <= k; j++) {
            r = r * (n - k + j) / j;
        }
        return r;
    }

    @Test
    void entryCountNeedsAPositiveAlphabetAndLength() {
        assertEquals(BigInteger.ONE, ConditionalTable.entryCount(1, 1));
        assertEquals(BigInteger.valueOf(16), ConditionalTable.entryCount(7, 2));
        assertEquals(BigInteger.valueOf(3 * 16), ConditionalTable.entryCount(3, 3));
        assertThrows(IllegalArgumentException.class, () -> ConditionalTable.entryCount(0, 3));
        assertThrows(IllegalArgumentException.class, () -> ConditionalTable.entryCount(2, 0));
    }

    @Test
    void sizeGuardAtItsExactLimit() {
        // L (V+1)^(L-1) = 10^6 exactly for L = 2, V = 499999: accepted; one more symbol is refused
        assertEquals(BigInteger.valueOf(ConditionalTable.MAX_ENTRIES), ConditionalTable.entryCount(499_999, 2));
        assertDoesNotThrow(() -> ConditionalTable.checkSize(499_999, 2));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ConditionalTable.checkSize(500_000, 2));
        assertEquals("conditionals.too-large", e.code());
        // V = 2: L = 11 has 11 * 3^10 = 649539 entries, L = 12 has 12 * 3^11 = 2125764
        assertDoesNotThrow(() -> ConditionalTable.checkSize(2, 11));
        e = assertThrows(InvalidInputException.class, () -> ConditionalTable.checkSize(2, 12));
        assertEquals("too large: the conditional table of length 12 over 2 symbols has L (V+1)^(L-1) = 2125764 "
                + "entries; the limit is 1000000", e.getMessage());
    }

    @Test
    void aTooLargeTableIsRefusedBeforeAnyRowIsComputed() {
        // uniform:2,12 has a lattice (3^12 cells) but 2125764 table entries
        MarginalLattice lat = MarginalLattice.of(org.dlmexact.law.Families.parse("uniform:2,12"));
        assertEquals("conditionals.too-large",
                assertThrows(InvalidInputException.class, () -> ConditionalTable.text(lat)).code());
    }

    @Test
    void theMarkIsReadAsTrueOrFalseAndAnythingElseIsRefused() {
        SequenceSpace s = SequenceSpace.of(2, 1);
        String head = "{\"schema\":\"dlm-exact/predictor@1\",\"alphabetSize\":2,\"length\":1,\"entries\":["
                + "{\"visible\":[],\"values\":[],\"position\":0,\"p\":[\"1/4\",\"3/4\"]";
        for (String ok : List.of("", ",\"zeroProbability\":true", ",\"zeroProbability\":false")) {
            PredictorTable t = PredictorTable.parse(head + ok + "}]}", s);
            assertArrayEquals(new Rational[] {Rational.of(1, 4), Rational.of(3, 4)}, t.row(0, 0, 0), ok);
        }
        List<String> bad = new ArrayList<>(List.of("1", "\"true\"", "null", "[]"));
        for (String b : bad) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> PredictorTable.parse(head + ",\"zeroProbability\":" + b + "}]}", s));
            assertEquals("predictor.zero-probability", e.code(), b);
            assertEquals("entries[0].zeroProbability must be true or false, got " + b, e.getMessage());
        }
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PredictorTable.parse(head + ",\"zero\":true}]}", s));
        assertEquals("predictor.unknown-field", e.code());
        assertFalse(e.getMessage().isEmpty());
    }
}
