package org.dlmexact.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dlmexact.exact.Echo;
import org.dlmexact.exact.ExactReal;

/** Comparison and lint helpers for vector trees. */
public final class Checks {

    /** At most this many differences are reported per case. */
    public static final int MAX_REPORTED = 5;

    private Checks() {
    }

    /**
     * Appends to {@code problems} the paths where {@code expected} (recomputed) and {@code actual}
     * (from a file) differ, at most {@link #MAX_REPORTED} of them.
     */
    /*@ public normal_behavior
      @   requires expected != null && path != null && problems != null;
      @   assignable problems.*;
      @*/
    public static void sameValues(JsonNode expected, JsonNode actual, String path, List<String> problems) {
        Objects.requireNonNull(expected, "expected");
        if (problems.size() >= MAX_REPORTED) {
            return;
        }
        if (actual == null) {
            problems.add(path + " is missing (expected " + CanonicalJson.compact(expected) + ")");
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = expected.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                sameValues(e.getValue(), actual.get(e.getKey()), path + "." + e.getKey(), problems);
            }
            Iterator<String> names = actual.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (!expected.has(n) && problems.size() < MAX_REPORTED) {
                    problems.add(path + "." + n + " is not expected");
                }
            }
            return;
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                problems.add(path + " has " + actual.size() + " entries, expected " + expected.size());
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                sameValues(expected.get(i), actual.get(i), path + "[" + i + "]", problems);
            }
            return;
        }
        if (expected.isNumber() && actual.isNumber()) {
            if (expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
                problems.add(path + " is " + actual + ", expected " + expected);
            }
            return;
        }
        if (!expected.equals(actual)) {
            problems.add(path + " is " + CanonicalJson.compact(actual) + ", expected " + CanonicalJson.compact(expected));
        }
    }

    /**
     * Lints every quantity node under {@code node}: the exact text parses back to itself, the
     * decimal is the exact value correctly rounded to 30 digits, the float64 is the nearest double
     * (or all three are {@code +inf}).
     */
    /*@ public normal_behavior
      @   requires node != null && path != null && problems != null;
      @   assignable problems.*;
      @*/
    public static void lintQuantities(JsonNode node, String path, List<String> problems) {
        if (node.isObject()) {
            if (Quantity.isQuantity(node)) {
                lintQuantity(node, path, problems);
                return;
            }
            Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                lintQuantities(e.getValue(), path + "." + e.getKey(), problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                lintQuantities(node.get(i), path + "[" + i + "]", problems);
            }
        }
    }

    private static void lintQuantity(JsonNode q, String path, List<String> problems) {
        JsonNode exact = q.get("exact");
        JsonNode decimal = q.get("decimal");
        JsonNode f64 = q.get("float64");
        if (q.size() != 3 || !exact.isTextual() || decimal == null || !decimal.isTextual() || f64 == null) {
            problems.add(path + ": a quantity needs exactly the fields exact, decimal (strings) and float64");
            return;
        }
        if (Quantity.INFINITY.equals(exact.textValue())) {
            if (!Quantity.INFINITY.equals(decimal.textValue()) || !Quantity.INFINITY.equals(f64.asText())
                    || !f64.isTextual()) {
                problems.add(path + ": an infinite quantity has \"+inf\" in exact, decimal and float64");
            }
            return;
        }
        ExactReal x;
        try {
            x = ExactReal.parse(exact.textValue());
        } catch (NumberFormatException e) {
            problems.add(path + ".exact does not parse: " + e.getMessage());
            return;
        }
        if (!x.toString().equals(exact.textValue())) {
            problems.add(path + ".exact " + Echo.quoted(exact.textValue()) + " is not canonical; canonical text is "
                    + Echo.quoted(x.toString()));
        }
        String d = x.toDecimal(Quantity.DIGITS);
        if (!d.equals(decimal.textValue())) {
            problems.add(path + ".decimal is " + decimal.textValue() + ", the exact value rounds to " + d);
        }
        if (!f64.isNumber()) {
            problems.add(path + ".float64 must be a JSON number, got " + f64);
            return;
        }
        double nearest = x.toDouble();
        BigDecimal written = f64.decimalValue();
        if (written.doubleValue() != nearest) {
            problems.add(path + ".float64 " + written + " is not the nearest double " + Quantity.shortest(nearest));
        } else if (written.compareTo(Quantity.shortest(nearest)) != 0) {
            problems.add(path + ".float64 " + written + " is not written in the shortest form "
                    + Quantity.shortest(nearest));
        }
    }
}
