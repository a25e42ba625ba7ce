package org.dlmexact.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.dlmexact.exact.Echo;
import org.dlmexact.exact.InvalidInputException;

/**
 * One line of a trajectories file (SPEC section 4, {@code validate trajectories}): a JSON object
 * with exactly the field {@code "states"}, an array of states, each an array of {@code L} integers,
 * {@code -1} for a masked position, else a token in {@code [0, V)}. Read with a streaming parser, so
 * nothing but the states is built; every problem is {@code trajectories.line}, naming the line and the
 * entry ({@code states[2][1]}).
 */
final class TrajectoryFile {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private TrajectoryFile() {
    }

    /** The states of line {@code lineNo} of {@code name}, for sequences of length {@code l} over {@code v} tokens. */
    static int[][] parse(String line, long lineNo, String name, int l, int v) {
        String where = name + ": line " + lineNo;
        if (line.strip().isEmpty()) {
            throw bad(where + " is empty; every line holds one run {\"states\": [[...], ...]}");
        }
        try (JsonParser p = FACTORY.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw bad(where + " is not a JSON object {\"states\": [[...], ...]}");
            }
            int[][] states = null;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                if (!f.equals("states")) {
                    throw bad(where + ": unknown field \"" + Echo.of(f)
                            + "\"; a line holds only \"states\"");
                }
                p.nextToken();
                states = states(p, where, l, v);
            }
            if (t != JsonToken.END_OBJECT) {
                throw bad(where + " is not a JSON object {\"states\": [[...], ...]}");
            }
            if (states == null) {
                throw bad(where + " has no \"states\"");
            }
            if (p.nextToken() != null) {
                throw bad(where + " has content after the JSON object");
            }
            return states;
        } catch (JsonProcessingException e) {
            throw bad(where + " is not valid JSON: " + Echo.of(e.getOriginalMessage()));
        } catch (IOException e) {
            throw bad(where + " cannot be read: " + Echo.of(String.valueOf(e.getMessage())));
        }
    }

    private static int[][] states(JsonParser p, String where, int l, int v) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw bad(where + ": \"states\" is not an array of states");
        }
        List<int[]> out = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            int k = out.size();
            if (t != JsonToken.START_ARRAY) {
                throw bad(where + ": states[" + k + "] is not an array of " + l + " integers");
            }
            int[] s = new int[l];
            int i = 0;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (i == l) {
                    throw bad(where + ": states[" + k + "] has more than " + l + " entries; the sequences have length "
                            + l);
                }
                String at = where + ": states[" + k + "][" + i + "]";
                if (t != JsonToken.VALUE_NUMBER_INT) {
                    throw bad(at + " is " + describe(p, t) + ", not -1 (masked) or a token in [0, " + v + ")");
                }
                if (p.getNumberType() != JsonParser.NumberType.INT || p.getIntValue() < -1 || p.getIntValue() >= v) {
                    throw bad(at + " is " + Echo.of(p.getText()) + ", not -1 (masked) or a token in [0, "
                            + v + ")");
                }
                s[i++] = p.getIntValue();
            }
            if (i != l) {
                throw bad(where + ": states[" + k + "] has " + i + " entries, expected " + l
                        + " (every state of a run has one entry per position)");
            }
            out.add(s);
        }
        return out.toArray(new int[0][]);
    }

    private static String describe(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_ARRAY:
                return "an array";
            case START_OBJECT:
                return "an object";
            case VALUE_STRING:
                return "the string \"" + Echo.of(p.getText()) + "\"";
            default:
                return Echo.of(p.getText());
        }
    }

    private static InvalidInputException bad(String message) {
        return new InvalidInputException("trajectories.line", message);
    }
}
