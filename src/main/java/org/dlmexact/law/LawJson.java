package org.dlmexact.law;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.Parsers;
import org.dlmexact.exact.Rational;

/**
 * The law file format {@code dlm-exact/law@1}:
 * {@code {"schema":"dlm-exact/law@1","alphabetSize":2,"length":3,"support":[{"x":[0,0,1],"p":"1/36"},...]}}.
 * Outcomes not listed have probability 0. {@code p} is a string ({@code p/q}, an integer or an
 * exact decimal) or a JSON number read exactly as a decimal. Each violation gets its own error
 * naming the field and the outcome.
 */
public final class LawJson {

    public static final String SCHEMA = "dlm-exact/law@1";
    private static final Set<String> FIELDS = Set.of("schema", "alphabetSize", "length", "support");
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private LawJson() {
    }

    /** The shared, configured mapper (strict duplicate detection, exact numbers). */
    //@ pure
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Reads a law file. One {@code behavior} case: whether it returns depends on the file system
     * (the file may be missing or unreadable), which the contract cannot name.
     */
    /*@ public behavior
      @   requires path != null;
      @   ensures \result != null;
      @   signals_only InvalidInputException;
      @*/
    public static Law read(Path path) {
        Objects.requireNonNull(path, "path");
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new InvalidInputException("io.read", "cannot read law file '" + path + "': " + e.getMessage());
        }
        try {
            return parse(text);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.code(), path + ": " + e.getMessage());
        }
    }

    /** Parses the text of a law file. */
    /*@ public normal_behavior
      @   requires isValidText(text);
      @   ensures \result != null;
      @ also public exceptional_behavior
      @   requires !isValidText(text);
      @   signals_only InvalidInputException;
      @ pure @*/
    public static Law parse(String text) {
        return readText(text);
    }

    /**
     * Whether {@link #parse} accepts {@code text} (by the parser's own code, {@link Parsers}); the
     * tests hold it against the rules of SPEC §3.1.
     */
    /*@ public normal_behavior
      @   ensures true;
      @ pure @*/
    public static boolean isValidText(String text) {
        return Parsers.accepts(() -> readText(text), InvalidInputException.class);
    }

    private static Law readText(String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("json.syntax", "not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")"));
        }
        return readTree(root);
    }

    /** Reads a law from a parsed JSON tree. */
    /*@ public normal_behavior
      @   requires isValidTree(root);
      @   ensures \result != null;
      @ also public exceptional_behavior
      @   requires !isValidTree(root);
      @   signals_only InvalidInputException;
      @ pure @*/
    public static Law fromTree(JsonNode root) {
        return readTree(root);
    }

    /** Whether {@link #fromTree} accepts {@code root} (by the reader's own code, {@link Parsers}). */
    /*@ public normal_behavior
      @   ensures true;
      @ pure @*/
    public static boolean isValidTree(JsonNode root) {
        return Parsers.accepts(() -> readTree(root), InvalidInputException.class);
    }

    private static Law readTree(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("law.not-object", "a law must be a JSON object with fields "
                    + "schema, alphabetSize, length, support");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new InvalidInputException("law.unknown-field", "unknown field '" + f + "' (expected "
                        + "schema, alphabetSize, length, support)");
            }
        }
        JsonNode schema = root.get("schema");
        if (schema == null || !schema.isTextual() || !SCHEMA.equals(schema.textValue())) {
            throw new InvalidInputException("law.schema", "field 'schema' must be \"" + SCHEMA + "\", got "
                    + (schema == null ? "nothing" : schema.toString()));
        }
        int v = smallInt(root, "alphabetSize");
        int l = smallInt(root, "length");
        SequenceSpace sp = SequenceSpace.of(v, l);
        JsonNode support = root.get("support");
        if (support == null || !support.isArray()) {
            throw new InvalidInputException("law.support", "field 'support' must be an array of {\"x\":[...],\"p\":\"...\"}");
        }
        Rational[] p = new Rational[sp.size()];
        java.util.Arrays.fill(p, Rational.ZERO);
        boolean[] seen = new boolean[sp.size()];
        Rational sum = Rational.ZERO;
        for (int n = 0; n < support.size(); n++) {
            JsonNode e = support.get(n);
            String where = "support[" + n + "]";
            if (!e.isObject()) {
                throw new InvalidInputException("law.support", where + " must be an object {\"x\":[...],\"p\":\"...\"}");
            }
            for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!f.equals("x") && !f.equals("p")) {
                    throw new InvalidInputException("law.unknown-field", where + ": unknown field '" + f + "'");
                }
            }
            JsonNode x = e.get("x");
            if (x == null || !x.isArray()) {
                throw new InvalidInputException("law.outcome", where + ".x must be an array of " + l + " tokens");
            }
            if (x.size() != l) {
                throw new InvalidInputException("law.outcome-length", where + ".x = " + x + " has length " + x.size()
                        + ", expected length " + l);
            }
            int[] xs = new int[l];
            for (int i = 0; i < l; i++) {
                JsonNode t = x.get(i);
                if (!t.isIntegralNumber() || t.bigIntegerValue().signum() < 0
                        || t.bigIntegerValue().compareTo(BigInteger.valueOf(v)) >= 0) {
                    throw new InvalidInputException("law.token", where + ".x = " + x + ": token " + t + " at position "
                            + i + " is not an integer in [0, " + v + ")");
                }
                xs[i] = t.intValue();
            }
            int idx = sp.index(xs);
            if (seen[idx]) {
                throw new InvalidInputException("law.duplicate-outcome", where + ".x = " + x
                        + " repeats an outcome listed earlier");
            }
            seen[idx] = true;
            JsonNode pn = e.get("p");
            Rational q;
            if (pn == null) {
                throw new InvalidInputException("law.probability", where + " (x = " + x + ") has no field 'p'");
            } else if (pn.isTextual()) {
                try {
                    q = Rational.parse(pn.textValue());
                } catch (NumberFormatException ex) {
                    throw new InvalidInputException("law.probability", where + ".p (x = " + x + "): " + ex.getMessage());
                }
            } else if (pn.isNumber()) {
                try {
                    q = Rational.parse(pn.decimalValue().toString());
                } catch (NumberFormatException ex) {
                    throw new InvalidInputException("law.probability", where + ".p (x = " + x + "): " + ex.getMessage());
                }
            } else {
                throw new InvalidInputException("law.probability", where + ".p (x = " + x
                        + ") must be a string such as \"1/36\" or a number, got " + pn);
            }
            if (q.signum() < 0) {
                throw new InvalidInputException("law.negative-probability", where + ".p (x = " + x + ") is negative: " + q);
            }
            if (q.compareTo(Rational.ONE) > 0) {
                throw new InvalidInputException("law.probability-above-one", where + ".p (x = " + x
                        + ") is " + q + ", above 1");
            }
            p[idx] = q;
            sum = sum.add(q);
        }
        if (!sum.equals(Rational.ONE)) {
            throw new InvalidInputException("law.sum-not-one", "field 'support': probabilities sum to " + sum
                    + ", not exactly 1");
        }
        return Law.fromProbabilities(sp, p);
    }

    private static int smallInt(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.isIntegralNumber()) {
            throw new InvalidInputException("law." + field, "field '" + field + "' must be an integer, got "
                    + (n == null ? "nothing" : n.toString()));
        }
        BigInteger b = n.bigIntegerValue();
        if (b.bitLength() > 31) {
            throw new InvalidInputException("law." + field, "field '" + field + "' = " + b + " is out of range");
        }
        return b.intValue();
    }

    /** The canonical JSON tree: outcomes with positive probability in lexicographic order. */
    /*@ public normal_behavior
      @   requires law != null;
      @ pure @*/
    public static ObjectNode toTree(Law law) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("alphabetSize", law.alphabetSize());
        root.put("length", law.length());
        ArrayNode support = root.putArray("support");
        SequenceSpace sp = law.space();
        for (int i = 0; i < sp.size(); i++) {
            if (law.weight(i).signum() > 0) {
                ObjectNode e = support.addObject();
                ArrayNode x = e.putArray("x");
                for (int t : sp.outcome(i)) {
                    x.add(t);
                }
                e.put("p", law.probability(i).toString());
            }
        }
        return root;
    }

    /**
     * The canonical text: one support entry per line, compact within an entry, ending with a
     * newline. Byte-stable across runs.
     */
    /*@ public normal_behavior
      @   requires law != null;
      @ pure @*/
    public static String toCanonicalText(Law law) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"schema\":\"").append(SCHEMA).append("\",\"alphabetSize\":").append(law.alphabetSize())
                .append(",\"length\":").append(law.length()).append(",\"support\":[");
        SequenceSpace sp = law.space();
        boolean first = true;
        for (int i = 0; i < sp.size(); i++) {
            if (law.weight(i).signum() > 0) {
                sb.append(first ? "\n" : ",\n");
                first = false;
                StringBuilder x = new StringBuilder();
                for (int t : sp.outcome(i)) {
                    x.append(x.length() == 0 ? "" : ",").append(t);
                }
                sb.append("  {\"x\":[").append(x).append("],\"p\":\"").append(law.probability(i)).append("\"}");
            }
        }
        sb.append("\n]}\n");
        return sb.toString();
    }
}
