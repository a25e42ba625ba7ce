package org.dlmexact.law;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;
import org.dlmexact.exact.Echo;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.NumberSize;
import org.dlmexact.exact.Parsers;
import org.dlmexact.exact.Rational;
import org.dlmexact.io.InputFiles;
import org.dlmexact.io.JsonInput;

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

    /** The mapper, created on first use: starting it costs more than reading a small law. */
    private static final class Mapper {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    }

    private LawJson() {
    }

    /** The shared, configured mapper (strict duplicate detection, exact numbers). */
    //@ pure
    public static ObjectMapper mapper() {
        return Mapper.MAPPER;
    }

    /** Most JSON values in one support entry ({@code x} with up to 16 tokens, and {@code p}). */
    private static final long MAX_ENTRY_VALUES = 64;

    /**
     * Reads a law file: a regular file of at most {@link InputFiles#MAX_JSON_BYTES} bytes, strict
     * UTF-8, read entry by entry (never whole), so that every check, the number of entries
     * included, happens while parsing.
     */
    /*@ public behavior
      @   requires path != null;
      @   ensures \result != null;
      @   signals_only InvalidInputException;
      @*/
    public static Law read(Path path) {
        Objects.requireNonNull(path, "path");
        JsonInput.Source source = JsonInput.ofFile(path, "law file", InputFiles.MAX_JSON_BYTES);
        try {
            return parse(source);
        } catch (InvalidInputException e) {
            if (e.code().startsWith("io.")) {
                throw e;
            }
            throw new InvalidInputException(e.code(), Echo.of(path.toString()) + ": " + e.getMessage());
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
        return parse(JsonInput.ofText(text));
    }

    private static Law parse(JsonInput.Source source) {
        JsonInput.Document doc = JsonInput.readObject(source, "support", FIELDS, SequenceSpace.MAX_OUTCOMES,
                LawJson::unknownField, tooManyEntries());
        if (!doc.isObject()) {
            throw notObject();
        }
        Builder b = new Builder(doc.fields(), doc.streamedField());
        doc.forEach(MAX_ENTRY_VALUES, b::add);
        return b.build();
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
            throw notObject();
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw unknownField(Echo.of(f));
            }
        }
        JsonNode support = root.get("support");
        Builder b = new Builder(root, support);
        if (support.size() > SequenceSpace.MAX_OUTCOMES) {
            throw tooManyEntries();
        }
        for (int n = 0; n < support.size(); n++) {
            b.add(n, support.get(n));
        }
        return b.build();
    }

    private static InvalidInputException notObject() {
        return new InvalidInputException("law.not-object", "a law must be a JSON object with fields "
                + "schema, alphabetSize, length, support");
    }

    private static InvalidInputException unknownField(String echoedName) {
        return new InvalidInputException("law.unknown-field", "unknown field '" + echoedName + "' (expected "
                + "schema, alphabetSize, length, support)");
    }

    private static InvalidInputException tooManyEntries() {
        return new InvalidInputException("law.too-large", "too large to compute: field 'support' lists more than "
                + SequenceSpace.MAX_OUTCOMES + " entries, more than any law has outcomes (V^L <= "
                + SequenceSpace.MAX_OUTCOMES + ")");
    }

    /**
     * Checks a law's header, then its support entries one at a time: tokens, repeats, each
     * probability and the common denominator of all of them ({@link NumberSize}), so that the
     * first bad entry is refused before the next is read.
     */
    private static final class Builder {
        private final SequenceSpace sp;
        private final int v;
        private final int l;
        private final Rational[] p;
        private final NumberSize.CommonDenominator denominator =
                new NumberSize.CommonDenominator("the probabilities of field 'support'");

        Builder(JsonNode header, /*@ nullable @*/ JsonNode support) {
            JsonNode schema = header.get("schema");
            if (schema == null || !schema.isTextual() || !SCHEMA.equals(schema.textValue())) {
                throw new InvalidInputException("law.schema", "field 'schema' must be \"" + SCHEMA + "\", got "
                        + JsonInput.echo(schema));
            }
            v = smallInt(header, "alphabetSize");
            l = smallInt(header, "length");
            sp = SequenceSpace.of(v, l);
            if (support == null || !support.isArray()) {
                throw new InvalidInputException("law.support", "field 'support' must be an array of "
                        + "{\"x\":[...],\"p\":\"...\"}");
            }
            p = new Rational[sp.size()];
        }

        void add(int n, JsonNode e) {
            String where = "support[" + n + "]";
            if (!e.isObject()) {
                throw new InvalidInputException("law.support", where + " must be an object {\"x\":[...],\"p\":\"...\"}");
            }
            for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!f.equals("x") && !f.equals("p")) {
                    throw new InvalidInputException("law.unknown-field", where + ": unknown field '" + Echo.of(f) + "'");
                }
            }
            JsonNode x = e.get("x");
            if (x == null || !x.isArray()) {
                throw new InvalidInputException("law.outcome", where + ".x must be an array of " + l + " tokens");
            }
            String xs = JsonInput.echo(x);
            if (x.size() != l) {
                throw new InvalidInputException("law.outcome-length", where + ".x = " + xs + " has length " + x.size()
                        + ", expected length " + l);
            }
            int[] tokens = new int[l];
            for (int i = 0; i < l; i++) {
                JsonNode t = x.get(i);
                if (!t.isIntegralNumber() || t.bigIntegerValue().signum() < 0
                        || t.bigIntegerValue().compareTo(BigInteger.valueOf(v)) >= 0) {
                    throw new InvalidInputException("law.token", where + ".x = " + xs + ": token " + JsonInput.echo(t)
                            + " at position " + i + " is not an integer in [0, " + v + ")");
                }
                tokens[i] = t.intValue();
            }
            int idx = sp.index(tokens);
            if (p[idx] != null) {
                throw new InvalidInputException("law.duplicate-outcome", where + ".x = " + xs
                        + " repeats an outcome listed earlier");
            }
            JsonNode pn = e.get("p");
            Rational q;
            if (pn == null) {
                throw new InvalidInputException("law.probability", where + " (x = " + xs + ") has no field 'p'");
            } else if (pn.isTextual() || pn.isNumber()) {
                try {
                    q = NumberSize.parse(pn.isTextual() ? pn.textValue() : pn.decimalValue().toString(), where + ".p");
                } catch (NumberFormatException ex) {
                    throw new InvalidInputException("law.probability", where + ".p (x = " + xs + "): " + ex.getMessage());
                }
            } else {
                throw new InvalidInputException("law.probability", where + ".p (x = " + xs
                        + ") must be a string such as \"1/36\" or a number, got " + JsonInput.echo(pn));
            }
            if (q.signum() < 0) {
                throw new InvalidInputException("law.negative-probability", where + ".p (x = " + xs + ") is negative: "
                        + Echo.of(q.toString()));
            }
            if (q.compareTo(Rational.ONE) > 0) {
                throw new InvalidInputException("law.probability-above-one", where + ".p (x = " + xs
                        + ") is " + Echo.of(q.toString()) + ", above 1");
            }
            denominator.add(q, where + ".p");
            p[idx] = q;
        }

        Law build() {
            // every denominator divides D (at most NumberSize.MAX_BITS bits): the sum is one integer sum
            BigInteger d = denominator.value();
            BigInteger[] w = new BigInteger[p.length];
            BigInteger total = BigInteger.ZERO;
            for (int i = 0; i < p.length; i++) {
                w[i] = p[i] == null ? BigInteger.ZERO : p[i].numerator().multiply(d.divide(p[i].denominator()));
                total = total.add(w[i]);
            }
            if (!total.equals(d)) {
                throw new InvalidInputException("law.sum-not-one", "field 'support': probabilities sum to "
                        + Echo.of(Rational.of(total, d).toString()) + ", not exactly 1");
            }
            return Law.fromWeights(sp, w);
        }
    }

    private static int smallInt(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.isIntegralNumber()) {
            throw new InvalidInputException("law." + field, "field '" + field + "' must be an integer, got "
                    + JsonInput.echo(n));
        }
        BigInteger b = n.bigIntegerValue();
        if (b.bitLength() > 31) {
            throw new InvalidInputException("law." + field, "field '" + field + "' = " + Echo.of(b.toString())
                    + " is out of range");
        }
        return b.intValue();
    }

    /** The canonical JSON tree: outcomes with positive probability in lexicographic order. */
    /*@ public normal_behavior
      @   requires law != null;
      @ pure @*/
    public static ObjectNode toTree(Law law) {
        ObjectNode root = mapper().createObjectNode();
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
