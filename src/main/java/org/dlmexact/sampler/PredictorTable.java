package org.dlmexact.sampler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.dlmexact.law.SequenceSpace;
import org.dlmexact.exact.Echo;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.NumberSize;
import org.dlmexact.exact.Parsers;
import org.dlmexact.exact.Rational;
import org.dlmexact.io.InputFiles;
import org.dlmexact.io.JsonInput;

/**
 * A predictor given as a table, file format {@code dlm-exact/predictor@1}:
 * <pre>
 * {"schema":"dlm-exact/predictor@1","alphabetSize":2,"length":3,
 *  "entries":[{"visible":[0,2],"values":[1,0],"position":1,"p":["1/2","1/2"]}, ...]}
 * </pre>
 * {@code visible} lists the visible positions in strictly increasing order (may be empty),
 * {@code values} their tokens, {@code position} the masked position predicted, {@code p} the
 * {@code V} probabilities as strings ({@code p/q}, integer or exact decimal) or JSON numbers read
 * exactly; each row must sum to exactly 1. An entry may carry {@code "zeroProbability": true} or
 * {@code false}, the mark {@link ConditionalTable} puts on a context of probability zero under the
 * law it was written for; it is informational and the row is used as given. Parsed strictly
 * (unknown fields, duplicates and out-of-range values are errors naming the entry).
 *
 * <p><b>Contexts not in the table.</b> A context that the data can produce
 * ({@code mu(X_C = x_C) > 0}) and that the sampler needs is an error
 * ({@code predictor.missing-context}, naming the context) when it is first needed. A context the
 * data never produces ({@code mu(X_C = x_C) = 0}, reachable only through the predictor's own
 * draws) may be omitted: it gets the uniform row {@code 1/V}. That rule changes the output law
 * only outside the support of {@code mu}, and no error value (see {@link PredictiveRows}).
 */
public final class PredictorTable implements Predictor {

    public static final String SCHEMA = "dlm-exact/predictor@1";
    /** The optional entry field that marks a context of probability zero (informational). */
    public static final String ZERO_PROBABILITY = "zeroProbability";
    private static final Set<String> FIELDS = Set.of("schema", "alphabetSize", "length", "entries");
    private static final Set<String> ENTRY_FIELDS = Set.of("visible", "values", "position", "p", ZERO_PROBABILITY);

    //@ public invariant space() != null;
    private final SequenceSpace space;
    private final Map<Long, Rational[]> rows;

    private PredictorTable(SequenceSpace space, Map<Long, Rational[]> rows) {
        this.space = space;
        this.rows = rows;
    }

    /** Most rows a table may list. */
    public static final int MAX_ROWS = 1_000_000;
    /** Most JSON values in one entry ({@code visible} and {@code values} of up to 16 tokens, {@code p} of up to 16). */
    private static final long MAX_ENTRY_VALUES = 64;

    /**
     * Reads a table file for the space {@code space} (which must match its header): a regular file
     * of at most {@link InputFiles#MAX_JSON_BYTES} bytes, strict UTF-8, read entry by entry.
     */
    /*@ public behavior
      @   requires path != null && space != null;
      @   ensures \result.space().equals(space);
      @   signals_only InvalidInputException;
      @*/
    public static PredictorTable read(Path path, SequenceSpace space) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(space, "space");
        JsonInput.Source source = JsonInput.ofFile(path, "predictor file", InputFiles.MAX_JSON_BYTES);
        try {
            return parse(source, space);
        } catch (InvalidInputException e) {
            if (e.code().startsWith("io.")) {
                throw e;
            }
            throw new InvalidInputException(e.code(), Echo.of(path.toString()) + ": " + e.getMessage());
        }
    }

    /** Parses the text of a table for the space {@code space}. */
    /*@ public normal_behavior
      @   requires isValidText(text, space);
      @   ensures \result.space().equals(space);
      @ also public exceptional_behavior
      @   requires !isValidText(text, space);
      @   signals_only InvalidInputException;
      @ pure @*/
    public static PredictorTable parse(String text, SequenceSpace space) {
        return fromText(text, space);
    }

    /**
     * Whether {@link #parse} accepts {@code text} for {@code space} (by the parser's own code,
     * {@link Parsers}); the tests hold it against the rules of SPEC §5.2.
     */
    /*@ public normal_behavior
      @   ensures true;
      @ pure @*/
    public static boolean isValidText(String text, SequenceSpace space) {
        return Parsers.accepts(() -> fromText(text, space), InvalidInputException.class);
    }

    private static PredictorTable fromText(String text, SequenceSpace space) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(space, "space");
        return parse(JsonInput.ofText(text), space);
    }

    private static PredictorTable parse(JsonInput.Source source, SequenceSpace space) {
        JsonInput.Document doc = JsonInput.readObject(source, "entries", FIELDS, MAX_ROWS,
                f -> new InvalidInputException("predictor.unknown-field", "unknown field '" + f
                        + "' (expected schema, alphabetSize, length, entries)"),
                new InvalidInputException("predictor.too-large", "too large to compute: field 'entries' lists more "
                        + "than " + MAX_ROWS + " rows"));
        if (!doc.isObject()) {
            throw new InvalidInputException("predictor.not-object", "a predictor table must be a JSON object with"
                    + " fields schema, alphabetSize, length, entries");
        }
        ObjectNode header = doc.fields();
        JsonNode schema = header.get("schema");
        if (schema == null || !schema.isTextual() || !SCHEMA.equals(schema.textValue())) {
            throw new InvalidInputException("predictor.schema", "field 'schema' must be \"" + SCHEMA + "\", got "
                    + JsonInput.echo(schema));
        }
        checkHeader(header, "alphabetSize", space.alphabetSize());
        checkHeader(header, "length", space.length());
        JsonNode entries = doc.streamedField();
        if (entries == null || !entries.isArray()) {
            throw new InvalidInputException("predictor.entries", "field 'entries' must be an array of"
                    + " {\"visible\":[...],\"values\":[...],\"position\":i,\"p\":[...]}");
        }
        Map<Long, Rational[]> rows = new HashMap<>();
        NumberSize.CommonDenominator denominator = new NumberSize.CommonDenominator("the table's probabilities");
        doc.forEach(MAX_ENTRY_VALUES, (n, e) -> entry(space, rows, denominator, n, e));
        return new PredictorTable(space, rows);
    }

    /** Checks one entry and adds its row. */
    private static void entry(SequenceSpace space, Map<Long, Rational[]> rows,
                              NumberSize.CommonDenominator denominator, int n, JsonNode e) {
        int v = space.alphabetSize();
        int l = space.length();
        String where = "entries[" + n + "]";
        if (!e.isObject()) {
            throw new InvalidInputException("predictor.entry", where + " must be an object");
        }
        for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!ENTRY_FIELDS.contains(f)) {
                throw new InvalidInputException("predictor.unknown-field", where + ": unknown field '" + Echo.of(f)
                        + "' (expected visible, values, position, p, " + ZERO_PROBABILITY + ")");
            }
        }
        JsonNode zero = e.get(ZERO_PROBABILITY);
        if (zero != null && !zero.isBoolean()) {
            throw new InvalidInputException("predictor.zero-probability", where + "." + ZERO_PROBABILITY
                    + " must be true or false, got " + JsonInput.echo(zero));
        }
        int[] vis = intArray(e, "visible", where, l);
        int mask = 0;
        for (int q = 0; q < vis.length; q++) {
            if (q > 0 && vis[q] <= vis[q - 1]) {
                throw new InvalidInputException("predictor.visible", where + ".visible = " + Arrays.toString(vis)
                        + " must list positions in strictly increasing order");
            }
            mask |= 1 << vis[q];
        }
        int[] vals = intArray(e, "values", where, v);
        if (vals.length != vis.length) {
            throw new InvalidInputException("predictor.values", where + ".values = " + Arrays.toString(vals)
                    + " has " + vals.length + " tokens but visible lists " + vis.length + " positions");
        }
        JsonNode pos = e.get("position");
        if (pos == null || !pos.isIntegralNumber() || pos.bigIntegerValue().signum() < 0
                || pos.bigIntegerValue().compareTo(BigInteger.valueOf(l)) >= 0) {
            throw new InvalidInputException("predictor.position", where + ".position must be an integer in [0, "
                    + l + "), got " + JsonInput.echo(pos));
        }
        int i = pos.intValue();
        if ((mask & (1 << i)) != 0) {
            throw new InvalidInputException("predictor.position", where + ".position " + i
                    + " is visible; a predicted position must be masked");
        }
        int[] x = new int[l];
        for (int q = 0; q < vis.length; q++) {
            x[vis[q]] = vals[q];
        }
        int values = Context.encode(space, mask, x);
        Context ctx = Context.of(space, mask, values, i, -1);
        Rational[] row = probabilities(e.get("p"), where, ctx, v, denominator);
        if (rows.put(key(mask, values, i), row) != null) {
            throw new InvalidInputException("predictor.duplicate-context", where + " repeats the context " + ctx);
        }
    }

    private static void checkHeader(JsonNode root, String field, int expected) {
        JsonNode n = root.get(field);
        if (n == null || !n.isIntegralNumber()) {
            throw new InvalidInputException("predictor.space", "field '" + field + "' must be an integer, got "
                    + JsonInput.echo(n));
        }
        if (!n.bigIntegerValue().equals(BigInteger.valueOf(expected))) {
            throw new InvalidInputException("predictor.space", "field '" + field + "' is " + JsonInput.echo(n)
                    + " but the law has " + field + " " + expected);
        }
    }

    private static int[] intArray(JsonNode e, String field, String where, int bound) {
        JsonNode a = e.get(field);
        if (a == null || !a.isArray()) {
            throw new InvalidInputException("predictor." + field, where + "." + field + " must be an array of integers");
        }
        int[] r = new int[a.size()];
        for (int q = 0; q < r.length; q++) {
            JsonNode t = a.get(q);
            if (!t.isIntegralNumber() || t.bigIntegerValue().signum() < 0
                    || t.bigIntegerValue().compareTo(BigInteger.valueOf(bound)) >= 0) {
                throw new InvalidInputException("predictor." + field, where + "." + field + "[" + q + "] = "
                        + JsonInput.echo(t) + " is not an integer in [0, " + bound + ")");
            }
            r[q] = t.intValue();
        }
        return r;
    }

    private static Rational[] probabilities(/*@ nullable @*/ JsonNode p, String where, Context ctx, int v,
                                            NumberSize.CommonDenominator denominator) {
        if (p == null || !p.isArray() || p.size() != v) {
            throw new InvalidInputException("predictor.row-length", where + " (" + ctx + "): field 'p' must be an"
                    + " array of " + v + " probabilities, got " + JsonInput.echo(p));
        }
        Rational[] row = new Rational[v];
        Rational sum = Rational.ZERO;
        for (int a = 0; a < v; a++) {
            JsonNode t = p.get(a);
            Rational q;
            try {
                if (t.isTextual() || t.isNumber()) {
                    q = NumberSize.parse(t.isTextual() ? t.textValue() : t.decimalValue().toString(),
                            where + ".p[" + a + "]");
                } else {
                    throw new NumberFormatException("expected a string such as \"1/2\" or a number, got "
                            + JsonInput.echo(t));
                }
            } catch (NumberFormatException ex) {
                throw new InvalidInputException("predictor.probability", where + " (" + ctx + "): p[" + a + "]: "
                        + ex.getMessage());
            }
            if (q.signum() < 0 || q.compareTo(Rational.ONE) > 0) {
                throw new InvalidInputException("predictor.probability", where + " (" + ctx + "): p[" + a + "] = "
                        + Echo.of(q.toString()) + " is outside [0, 1]");
            }
            denominator.add(q, where + ".p[" + a + "]");
            row[a] = q;
            sum = sum.add(q);
        }
        if (!sum.equals(Rational.ONE)) {
            throw new InvalidInputException("predictor.row-sum", where + " (" + ctx + "): the row sums to "
                    + Echo.of(sum.toString()) + ", not exactly 1");
        }
        return row;
    }

    private static long key(int mask, int values, int position) {
        return (((long) mask << 16 | values) << 4) | position;
    }

    //@ pure helper
    public SequenceSpace space() {
        return space;
    }

    /** Number of rows in the table. */
    //@ ensures \result >= 0;
    //@ pure
    public int size() {
        return rows.size();
    }

    /*@ also public normal_behavior
      @   ensures \result == null || \result.length >= 2;
      @ pure @*/
    @Override
    public /*@ nullable @*/ Rational[] row(int visibleMask, int valuesIndex, int position) {
        return rows.get(key(visibleMask, valuesIndex, position));
    }

    /*@ also public normal_behavior
      @   ensures true;
      @ pure @*/
    @Override
    public boolean isOptimal() {
        return false;
    }

    /*@ also public normal_behavior
      @   ensures \result != null;
      @ pure @*/
    @Override
    public String description() {
        return "table(" + rows.size() + " rows)";
    }
}
