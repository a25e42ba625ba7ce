package org.dlmexact.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.dlmexact.exact.Echo;
import org.dlmexact.exact.InvalidInputException;

/**
 * Reading JSON input with bounded memory (SPEC §4, "Input files"). A document is read by a
 * streaming parser into trees whose size is checked while they are built: at most a given
 * number of JSON values per tree ({@code json.too-large}), nesting at most
 * {@value #MAX_DEPTH} deep, numbers read exactly (never through a double). The one large array of
 * a file (a law's {@code support}, a table's {@code entries}, a results file's {@code results}) is
 * never held whole: {@link #readObject} reads the other fields and counts the array, and
 * {@link Document#forEach} then hands its elements over one at a time, so a check on the number of
 * entries or on each entry happens while parsing. Duplicate keys and content after the value are
 * errors ({@code json.syntax}); every message is one line in the user's words.
 */
public final class JsonInput {

    /** Deepest nesting of arrays and objects accepted. */
    public static final int MAX_DEPTH = 64;
    /** Most JSON values read into one tree by {@link #read}. */
    public static final long MAX_TREE_VALUES = 4_000_000L;
    /** Most JSON values in the fields of a document other than its streamed array. */
    public static final long MAX_HEADER_VALUES = 10_000L;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private JsonInput() {
    }

    /** Where a document comes from: a text or a file; it can be read more than once. */
    public static final class Source {
        private final /*@ nullable @*/ String text;
        private final /*@ nullable @*/ Path path;
        private final String what;
        private final long maxBytes;

        private Source(/*@ nullable @*/ String text, /*@ nullable @*/ Path path, String what, long maxBytes) {
            this.text = text;
            this.path = path;
            this.what = what;
            this.maxBytes = maxBytes;
        }

        JsonParser open() throws IOException {
            return text != null ? FACTORY.createParser(text)
                    : FACTORY.createParser(InputFiles.reader(path, what, maxBytes));
        }

        InvalidInputException ioError(IOException e) {
            if (path == null) {
                throw new UncheckedIOException(e); // reading a String fails only as a JsonProcessingException
            }
            return InputFiles.readError(path, what, e);
        }
    }

    /** A document given as text. */
    /*@ public normal_behavior
      @   requires text != null;
      @   ensures \result != null;
      @ pure @*/
    public static Source ofText(String text) {
        return new Source(Objects.requireNonNull(text, "text"), null, "input", 0);
    }

    /**
     * A document in a file: a regular file of at most {@code maxBytes} bytes, strict UTF-8
     * ({@link InputFiles}); checked at once, so a device or FIFO is refused before it is opened.
     * {@code what} names the file in messages ({@code "law file"}, {@code "--results"}).
     */
    /*@ public behavior
      @   requires path != null && what != null && maxBytes >= 0;
      @   ensures \result != null;
      @   signals_only InvalidInputException;
      @*/
    public static Source ofFile(Path path, String what, long maxBytes) {
        InputFiles.checkRegular(path, what, maxBytes);
        return new Source(null, path, what, maxBytes);
    }

    /** Reads the whole document as one tree of at most {@code maxValues} JSON values. */
    /*@ public behavior
      @   requires source != null && maxValues >= 1;
      @   ensures \result != null;
      @   signals_only InvalidInputException;
      @*/
    public static JsonNode read(Source source, long maxValues) {
        return withParser(source, p -> {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new InvalidInputException("json.syntax", "not valid JSON: the input is empty");
            }
            JsonNode n = value(p, new long[] {maxValues, maxValues}, "the document");
            requireEnd(p);
            return n;
        });
    }

    /** A JSON object document with one array read one element at a time. */
    public static final class Document {
        private final Source source;
        private final String streamed;
        private final /*@ nullable @*/ JsonNode nonObject;
        private final ObjectNode fields;
        private final /*@ nullable @*/ JsonNode streamedValue;
        private final long count;

        Document(Source source, String streamed, /*@ nullable @*/ JsonNode nonObject, ObjectNode fields,
                 /*@ nullable @*/ JsonNode streamedValue, long count) {
            this.source = source;
            this.streamed = streamed;
            this.nonObject = nonObject;
            this.fields = fields;
            this.streamedValue = streamedValue;
            this.count = count;
        }

        /** Whether the document is a JSON object (otherwise {@link #fields} is empty). */
        //@ pure
        public boolean isObject() {
            return nonObject == null;
        }

        /** Every field but the streamed array, in document order. */
        //@ ensures \result != null;
        //@ pure
        public ObjectNode fields() {
            return fields;
        }

        /**
         * The streamed field when it is absent ({@code null}) or not an array (its value);
         * an empty array node when it is an array (whose elements {@link #forEach} gives).
         */
        //@ pure
        public /*@ nullable @*/ JsonNode streamedField() {
            return streamedValue;
        }

        /** Number of elements of the streamed array (0 when it is not an array). */
        //@ ensures \result >= 0;
        //@ pure
        public long count() {
            return count;
        }

        /**
         * Reads the streamed array again and hands each element, a tree of at most
         * {@code maxValues} JSON values, to {@code consumer} with its index.
         */
        /*@ public behavior
          @   requires consumer != null && maxValues >= 1;
          @   signals_only InvalidInputException;
          @*/
        public void forEach(long maxValues, ElementConsumer consumer) {
            if (streamedValue == null || !streamedValue.isArray()) {
                return;
            }
            withParser(source, p -> {
                p.nextToken();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String f = p.currentName();
                    p.nextToken();
                    if (!f.equals(streamed)) {
                        p.skipChildren();
                        continue;
                    }
                    int n = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        String where = streamed + "[" + n + "]";
                        consumer.accept(n, value(p, new long[] {maxValues, maxValues}, where));
                        n++;
                    }
                }
                return null;
            });
        }
    }

    /** Receives one element of a streamed array. */
    @FunctionalInterface
    public interface ElementConsumer {
        //@ requires index >= 0 && element != null;
        void accept(int index, JsonNode element);
    }

    /**
     * Reads a document's top level: the fields named in {@code allowed} other than
     * {@code streamed} as trees (together at most {@value #MAX_HEADER_VALUES} JSON values), and the
     * array {@code streamed} only counted, refusing more than {@code maxElements} elements with
     * {@code tooMany}. A field outside {@code allowed} is refused with {@code unknown} at once,
     * before its value is read.
     */
    /*@ public behavior
      @   requires source != null && streamed != null && allowed != null && maxElements >= 0;
      @   requires unknown != null && tooMany != null;
      @   ensures \result != null;
      @   signals_only InvalidInputException;
      @*/
    public static Document readObject(Source source, String streamed, Set<String> allowed, long maxElements,
                                      Function<String, InvalidInputException> unknown,
                                      InvalidInputException tooMany) {
        return withParser(source, p -> {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new InvalidInputException("json.syntax", "not valid JSON: the input is empty");
            }
            long[] budget = {MAX_HEADER_VALUES, MAX_HEADER_VALUES};
            if (t != JsonToken.START_OBJECT) {
                JsonNode n = value(p, budget, "the document");
                requireEnd(p);
                return new Document(source, streamed, n, NODES.objectNode(), null, 0);
            }
            ObjectNode fields = NODES.objectNode();
            JsonNode streamedValue = null;
            long count = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                if (!allowed.contains(f)) {
                    throw unknown.apply(Echo.of(f));
                }
                JsonToken v = p.nextToken();
                if (f.equals(streamed) && v == JsonToken.START_ARRAY) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        if (++count > maxElements) {
                            throw tooMany;
                        }
                        p.skipChildren();
                    }
                    streamedValue = NODES.arrayNode();
                } else if (f.equals(streamed)) {
                    streamedValue = value(p, budget, f);
                } else {
                    fields.set(f, value(p, budget, f));
                }
            }
            requireEnd(p);
            return new Document(source, streamed, null, fields, streamedValue, count);
        });
    }

    /** A JSON value shown in a message: compact, cut after {@value Echo#MAX_ECHO} characters ({@link Echo}). */
    /*@ public normal_behavior
      @   ensures \result != null && \result.indexOf('\n') < 0;
      @ pure @*/
    public static String echo(/*@ nullable @*/ JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        StringBuilder sb = new StringBuilder();
        render(node, sb);
        if (sb.length() <= Echo.MAX_ECHO) {
            return Echo.escape(sb.toString());
        }
        String size = node.isArray() ? node.size() + " values" : node.isObject() ? node.size() + " fields"
                : node.isTextual() ? node.textValue().length() + " characters" : node.toString().length() + " characters";
        return Echo.cut(sb.toString(), size);
    }

    /**
     * Renders {@code node} compactly, stopping once the text is longer than the cut (so a huge value
     * is never rendered whole): the text is complete exactly when it is at most that long.
     */
    private static void render(JsonNode node, StringBuilder sb) {
        if (node.isArray() || node.isObject()) {
            sb.append(node.isArray() ? '[' : '{');
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            Iterator<JsonNode> elements = node.elements();
            boolean first = true;
            while (node.isObject() ? fields.hasNext() : elements.hasNext()) {
                if (sb.length() > Echo.MAX_ECHO) {
                    return;
                }
                sb.append(first ? "" : ",");
                first = false;
                if (node.isObject()) {
                    Map.Entry<String, JsonNode> e = fields.next();
                    appendString(e.getKey(), sb);
                    sb.append(':');
                    render(e.getValue(), sb);
                } else {
                    render(elements.next(), sb);
                }
            }
            sb.append(node.isArray() ? ']' : '}');
        } else if (node.isTextual()) {
            appendString(node.textValue(), sb);
        } else {
            String t = node.toString();
            sb.append(t, 0, Math.min(t.length(), Echo.MAX_ECHO + 1));
        }
    }

    /** A JSON string, its quotes and at most one character past the cut of its text. */
    private static void appendString(String s, StringBuilder sb) {
        sb.append('"').append(s, 0, Math.min(s.length(), Echo.MAX_ECHO + 1)).append('"');
    }

    /** Reads the value at the current token into a tree, spending one of {@code budget[1]} (of {@code budget[0]}) per value. */
    private static JsonNode value(JsonParser p, long[] budget, String where) throws IOException {
        if (--budget[1] < 0) {
            throw new InvalidInputException("json.too-large", where + " is too large: more than " + budget[0]
                    + " JSON values");
        }
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String f = p.currentName();
                    p.nextToken();
                    o.set(f, value(p, budget, where));
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = NODES.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(value(p, budget, where));
                }
                return a;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return NODES.numberNode(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT: {
                String text = p.getText();
                try {
                    return NODES.numberNode(new BigDecimal(text));
                } catch (NumberFormatException | ArithmeticException e) {
                    throw new InvalidInputException("json.number", "the number " + Echo.of(text) + at(p.currentLocation())
                            + " is out of range");
                }
            }
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new InvalidInputException("json.syntax", "not valid JSON: unexpected " + t + at(p.currentLocation()));
        }
    }

    private static void requireEnd(JsonParser p) throws IOException {
        if (p.nextToken() != null) {
            throw new InvalidInputException("json.syntax", "not valid JSON: trailing content after the JSON value"
                    + at(p.currentTokenLocation()));
        }
    }

    /** The parse step of one pass over the source. */
    @FunctionalInterface
    private interface Pass<T> {
        T run(JsonParser p) throws IOException;
    }

    private static <T> T withParser(Source source, Pass<T> pass) {
        try (JsonParser p = source.open()) {
            return pass.run(p);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("json.syntax", "not valid JSON: " + jacksonReason(e) + at(e.getLocation()));
        } catch (IOException e) {
            throw source.ioError(e);
        }
    }

    /** Longest reason taken from the parser (it may quote the input; the rest is cut). */
    static final int MAX_REASON = 160;

    /** Jackson's reason without its internals (class names, feature and constraint names). */
    static String jacksonReason(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            return "unreadable input";
        }
        m = m.replaceAll(",? from `[^`]*`", "").replaceAll("\\s*\\(bound as `[^`]*`\\)", "")
                .replaceAll(":? ?not allowed as per `[^`]*`", "").replaceAll("`[a-z]+(\\.[a-zA-Z_$]+)+`", "a value")
                .replace("StreamReadConstraints", "limit").strip();
        return Echo.escape(m.length() > MAX_REASON ? m.substring(0, MAX_REASON) + "..." : m);
    }

    private static String at(/*@ nullable @*/ JsonLocation loc) {
        return loc == null || loc.getLineNr() < 0 ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr()
                + ")";
    }
}
