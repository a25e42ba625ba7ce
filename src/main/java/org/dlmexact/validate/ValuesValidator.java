package org.dlmexact.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.dlmexact.exact.Echo;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.NumberSize;
import org.dlmexact.exact.Rational;
import org.dlmexact.io.InputFiles;
import org.dlmexact.io.JsonInput;

/**
 * Compares values computed by another implementation (a {@code dlm-exact/results@1} file) with the
 * exact values of the golden vectors, under each group's tolerance. The decision
 * {@code |x - v| <= max(absolute, relative * |v|)} is exact: the submitted number {@code x} is read
 * exactly as written (a JSON number as its decimal, never through a double; a string by
 * {@link ExactReal#parse}), and the comparison with the exact value {@code v} is decided by
 * certified enclosures.
 *
 * <p>Results file:
 * {@code {"schema":"dlm-exact/results@1","implementation":"...","results":[{"file":"info.json",
 * "tcId":3,"field":"entropy","value":0.693...}]}}; {@code field} is a path into the case's
 * {@code values}, such as {@code informationCurve[1]}, {@code trainingError.stepWeighted},
 * {@code steps[0].stateLaw[2].p} or {@code outputLaw[5].p}; {@code value} is a JSON number or a
 * string ({@code "+inf"} for an infinite value).
 */
public final class ValuesValidator {

    /** The schema name of a results file. */
    public static final String SCHEMA = "dlm-exact/results@1";
    private static final Set<String> FIELDS = Set.of("schema", "implementation", "results");
    private static final Set<String> ENTRY_FIELDS = Set.of("file", "tcId", "field", "value");

    private ValuesValidator() {
    }

    /** The verdict on one submitted value. */
    public static final class Outcome {
        //@ public invariant file() != null && field() != null && detail() != null;
        private final String file;
        private final long tcId;
        private final String field;
        private final boolean pass;
        private final String detail;

        Outcome(String file, long tcId, String field, boolean pass, String detail) {
            this.file = file;
            this.tcId = tcId;
            this.field = field;
            this.pass = pass;
            this.detail = detail;
        }

        //@ pure
        public String file() {
            return file;
        }

        //@ pure
        public long tcId() {
            return tcId;
        }

        //@ pure
        public String field() {
            return field;
        }

        /** Whether the value is within the tolerance (or both are {@code +inf}). */
        //@ pure
        public boolean pass() {
            return pass;
        }

        /** The submitted value, the exact value and the tolerance that decided. */
        //@ pure
        public String detail() {
            return detail;
        }

        /** {@code PASS|FAIL file tcId N field: detail}. */
        /*@ also public normal_behavior
          @   ensures \result != null;
          @ pure @*/
        @Override
        public String toString() {
            return (pass ? "PASS " : "FAIL ") + file + " tcId " + tcId + " " + field + ": " + detail;
        }
    }

    /** Most entries a results file may list. */
    public static final int MAX_RESULTS = 100_000;
    /** Most JSON values in one entry (four fields and their values). */
    private static final long MAX_ENTRY_VALUES = 16;

    /**
     * Reads and checks a results file against the vectors in {@code vectorsDir}: a regular file of
     * at most {@link InputFiles#MAX_JSON_BYTES} bytes, strict UTF-8, read entry by entry.
     */
    /*@ public behavior
      @   requires vectorsDir != null && results != null;
      @   ensures \result != null;
      @   signals_only InvalidInputException;
      @*/
    public static List<Outcome> validate(Path vectorsDir, Path results) {
        JsonInput.Source source = JsonInput.ofFile(results, "results file", InputFiles.MAX_JSON_BYTES);
        try {
            return validate(vectorsDir, source);
        } catch (InvalidInputException e) {
            if (e.code().startsWith("io.")) {
                throw e;
            }
            throw new InvalidInputException(e.code(), Echo.of(results.toString()) + ": " + e.getMessage());
        }
    }

    /**
     * Checks the text of a results file; every malformed part (syntax, schema, unknown file, case or
     * field, unreadable value) is an {@link InvalidInputException} naming {@code results[n]}. The
     * vectors are read from {@code vectorsDir}, so whether it returns depends on the file system:
     * one {@code behavior} case.
     */
    /*@ public behavior
      @   requires vectorsDir != null && resultsText != null;
      @   ensures \result != null;
      @   signals_only InvalidInputException;
      @*/
    public static List<Outcome> validate(Path vectorsDir, String resultsText) {
        return validate(vectorsDir, JsonInput.ofText(resultsText));
    }

    private static List<Outcome> validate(Path vectorsDir, JsonInput.Source source) {
        Objects.requireNonNull(vectorsDir, "vectorsDir");
        JsonInput.Document doc = JsonInput.readObject(source, "results", FIELDS, MAX_RESULTS,
                f -> new InvalidInputException("results.unknown-field", "unknown field '" + f
                        + "' (expected schema, implementation, results)"),
                new InvalidInputException("results.too-large", "field 'results' lists more than " + MAX_RESULTS
                        + " values"));
        if (!doc.isObject()) {
            throw new InvalidInputException("results.not-object", "a results file is a JSON object with fields schema "
                    + "and results");
        }
        JsonNode schema = doc.fields().get("schema");
        if (schema == null || !SCHEMA.equals(schema.textValue())) {
            throw new InvalidInputException("results.schema", "field 'schema' must be \"" + SCHEMA + "\", got "
                    + JsonInput.echo(schema));
        }
        JsonNode results = doc.streamedField();
        if (results == null || !results.isArray()) {
            throw new InvalidInputException("results.results", "field 'results' must be an array of "
                    + "{\"file\",\"tcId\",\"field\",\"value\"}");
        }
        Map<String, Map<BigInteger, JsonNode[]>> files = new HashMap<>();
        List<Outcome> out = new ArrayList<>();
        doc.forEach(MAX_ENTRY_VALUES, (n, e) -> out.add(one(vectorsDir, files, e, "results[" + n + "]")));
        return Collections.unmodifiableList(out);
    }

    private static Outcome one(Path dir, Map<String, Map<BigInteger, JsonNode[]>> files, JsonNode e, String where) {
        if (!e.isObject()) {
            throw new InvalidInputException("results.entry", where + " must be an object");
        }
        for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!ENTRY_FIELDS.contains(f)) {
                throw new InvalidInputException("results.unknown-field", where + ": unknown field '" + Echo.of(f)
                        + "' (expected file, tcId, field, value)");
            }
        }
        JsonNode fileNode = e.get("file");
        JsonNode idNode = e.get("tcId");
        JsonNode fieldNode = e.get("field");
        JsonNode value = e.get("value");
        if (fileNode == null || !fileNode.isTextual()) {
            throw new InvalidInputException("results.file", where + ".file must be a file name such as \"info.json\"");
        }
        if (idNode == null || !idNode.isIntegralNumber()) {
            throw new InvalidInputException("results.tcId", where + ".tcId must be an integer");
        }
        if (fieldNode == null || !fieldNode.isTextual()) {
            throw new InvalidInputException("results.field", where + ".field must be a string such as \"entropy\"");
        }
        if (value == null || !(value.isNumber() || value.isTextual())) {
            throw new InvalidInputException("results.value", where + ".value must be a JSON number or a string");
        }
        String file = fileNode.textValue();
        Map<BigInteger, JsonNode[]> cases = files.computeIfAbsent(file, f -> load(dir, f, where));
        BigInteger id = idNode.bigIntegerValue(); // exact: never wrapped to 64 bits
        JsonNode[] gt = cases.get(id);
        if (gt == null) {
            throw new InvalidInputException("results.tcId", where + ": " + Echo.of(file) + " has no case with tcId "
                    + Echo.of(id.toString()));
        }
        String field = fieldNode.textValue();
        JsonNode q = resolve(gt[1].get("values"), field);
        if (q == null || !q.isObject() || !q.has("exact")) {
            throw new InvalidInputException("results.field", where + ": " + Echo.of(file) + " tcId " + id + " has no "
                    + "numeric value " + Echo.quoted(field) + " (a path into the case's values, such as "
                    + "informationCurve[1])");
        }
        return compare(file, id.longValueExact(), field, q, value, gt[0].get("tolerance"), where);
    }

    private static Map<BigInteger, JsonNode[]> load(Path dir, String file, String where) {
        if (file.contains("/") || file.contains("\\") || !file.endsWith(".json")) {
            throw new InvalidInputException("results.file", where + ".file " + Echo.quoted(file) + " must be the name "
                    + "of a vector file in the vectors folder, such as info.json");
        }
        Path p;
        try {
            p = dir.resolve(file);
        } catch (java.nio.file.InvalidPathException e) {
            throw new InvalidInputException("results.file", where + ".file " + Echo.quoted(file) + " is not a file name");
        }
        if (!Files.isRegularFile(p)) {
            throw new InvalidInputException("results.file", where + ".file " + Echo.quoted(file) + " is not a file of "
                    + Echo.quoted(dir.toString()));
        }
        JsonNode root = JsonInput.read(JsonInput.ofFile(p, "vector file", InputFiles.MAX_VECTOR_BYTES),
                JsonInput.MAX_TREE_VALUES);
        Map<BigInteger, JsonNode[]> m = new HashMap<>();
        for (JsonNode g : root.path("testGroups")) {
            for (JsonNode t : g.path("tests")) {
                if (t.path("tcId").isIntegralNumber() && t.get("tcId").bigIntegerValue().bitLength() < 64) {
                    m.put(t.get("tcId").bigIntegerValue(), new JsonNode[] {g, t});
                }
            }
        }
        return m;
    }

    /** The node at {@code path} ({@code name}, {@code .name}, {@code [index]} steps) under {@code root}, or null. */
    /*@ public normal_behavior
      @   requires path != null;
      @ pure @*/
    public static /*@ nullable @*/ JsonNode resolve(/*@ nullable @*/ JsonNode root, String path) {
        JsonNode cur = root;
        int i = 0;
        int n = path.length();
        if (n == 0) {
            return null;
        }
        while (i < n && cur != null) {
            char c = path.charAt(i);
            if (c == '[') {
                int close = path.indexOf(']', i);
                if (close < 0) {
                    return null;
                }
                int idx;
                try {
                    idx = Integer.parseInt(path.substring(i + 1, close));
                } catch (NumberFormatException e) {
                    return null;
                }
                cur = cur.isArray() && idx >= 0 ? cur.get(idx) : null;
                i = close + 1;
            } else {
                if (c == '.') {
                    if (i == 0) {
                        return null;
                    }
                    i++;
                }
                int end = i;
                while (end < n && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                if (end == i) {
                    return null;
                }
                cur = cur.isObject() ? cur.get(path.substring(i, end)) : null;
                i = end;
            }
        }
        return cur;
    }

    private static Outcome compare(String file, long id, String field, JsonNode q, JsonNode value, JsonNode tol,
                                   String where) {
        String exactText = q.get("exact").asText();
        boolean infinite = "+inf".equals(exactText);
        String shown = value.isTextual() ? "\"" + value.textValue() + "\"" : value.toString();
        boolean submittedInfinite = value.isTextual() && isInfinityText(value.textValue());
        if (infinite || submittedInfinite) {
            boolean pass = infinite && submittedInfinite;
            return new Outcome(file, id, field, pass, "value " + shown + ", exact " + exactText
                    + (pass ? " (both infinite)" : " (one side is infinite)"));
        }
        ExactReal x = read(value, where);
        ExactReal v = ExactReal.parse(exactText);
        String relText = tol == null ? "0" : tol.path("relative").asText("0");
        String absText = tol == null ? "0" : tol.path("absolute").asText("0");
        Rational rel = Rational.parse(relText);
        Rational abs = Rational.parse(absText);
        ExactReal diff = x.subtract(v);
        ExactReal absDiff = diff.signum() < 0 ? diff.negate() : diff;
        ExactReal absV = v.signum() < 0 ? v.negate() : v;
        boolean withinAbs = absDiff.compareTo(ExactReal.of(abs)) <= 0;
        boolean withinRel = absDiff.compareTo(absV.multiply(rel)) <= 0;
        boolean pass = withinAbs || withinRel;
        String d = String.format(java.util.Locale.ROOT, "%.3e", absDiff.toDouble());
        return new Outcome(file, id, field, pass, "value " + shown + ", exact " + exactText + " = "
                + q.path("decimal").asText() + ", |diff| = " + d + (pass ? " <= " : " > ") + "tolerance (relative "
                + relText + ", absolute " + absText + ")" + (pass ? withinAbs ? " [absolute]" : " [relative]" : ""));
    }

    private static boolean isInfinityText(String s) {
        String t = s.strip();
        return t.equals("+inf") || t.equals("inf") || t.equals("Infinity") || t.equals("+Infinity");
    }

    /**
     * A submitted value, exactly: a JSON number as written, or a string by {@link ExactReal#parse}; its
     * rationals and logarithm arguments have at most {@link NumberSize#MAX_BITS} bits.
     */
    private static ExactReal read(JsonNode value, String where) {
        if (value.isNumber()) {
            BigDecimal d = value.decimalValue();
            if (Math.abs((long) d.scale()) > Rational.MAX_EXPONENT || d.precision() > Rational.MAX_TEXT_LENGTH) {
                throw new InvalidInputException("results.value", where + ".value " + JsonInput.echo(value)
                        + " is out of range");
            }
            BigInteger unscaled = d.unscaledValue();
            int scale = d.scale();
            Rational r = scale >= 0 ? Rational.of(unscaled, BigInteger.TEN.pow(scale))
                    : Rational.of(unscaled.multiply(BigInteger.TEN.pow(-scale)));
            return ExactReal.of(NumberSize.check(r, where + ".value"));
        }
        ExactReal x;
        try {
            x = ExactReal.parse(value.textValue());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("results.value", where + ".value: " + e.getMessage());
        }
        NumberSize.check(x.rationalPart(), where + ".value");
        for (Map.Entry<BigInteger, Rational> t : x.logCoefficients().entrySet()) {
            NumberSize.check(t.getValue(), where + ".value");
            NumberSize.check(Rational.of(t.getKey()), where + ".value");
        }
        return x;
    }
}
