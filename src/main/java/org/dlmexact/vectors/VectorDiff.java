package org.dlmexact.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dlmexact.io.JsonInput;

/**
 * The differences between a vector file and the file the generator makes, each one line a person
 * can act on: where (the group by its {@code groupId}, the case by its {@code tcId}, then the field
 * path), what the file has and what the generator gives. Groups are matched by {@code groupId} and
 * cases by {@code tcId}, so a deleted or renumbered case is named as such instead of shifting every
 * later case.
 */
final class VectorDiff {

    /** Differences reported per file at most; the rest are counted. */
    static final int MAX_REPORTED = 40;

    private final List<String> out = new ArrayList<>();
    private final String file;
    private int count;

    private VectorDiff(String file) {
        this.file = file;
    }

    /** The differences of {@code actual} (the file) from {@code expected} (the generator's), prefixed with {@code file}. */
    static List<String> of(String file, JsonNode actual, JsonNode expected) {
        VectorDiff d = new VectorDiff(file);
        d.object(file + ":", actual, expected);
        if (d.count > MAX_REPORTED) {
            d.out.add(file + ": ... and " + (d.count - MAX_REPORTED) + " more differences from the generated file");
        }
        return d.out;
    }

    private void report(String line) {
        if (++count <= MAX_REPORTED) {
            out.add(line);
        }
    }

    private void object(String where, JsonNode actual, JsonNode expected) {
        if (!actual.isObject() || !expected.isObject()) {
            if (!actual.equals(expected)) {
                report(where + " the file has " + JsonInput.echo(actual) + ", the generator gives "
                        + JsonInput.echo(expected));
            }
            return;
        }
        for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            JsonNode a = actual.get(f);
            String at = where + (where.endsWith(":") ? " " : ".") + f;
            if (a == null) {
                report(at + ": missing; the generator gives " + JsonInput.echo(expected.get(f)));
            } else if (f.equals("testGroups") && a.isArray() && expected.get(f).isArray()) {
                groups(a, expected.get(f));
            } else if (f.equals("tests") && a.isArray() && expected.get(f).isArray()) {
                tests(a, expected.get(f));
            } else {
                field(at, a, expected.get(f));
            }
        }
        for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!expected.has(f)) {
                report(where + (where.endsWith(":") ? " " : ".") + f + ": not a field the generator writes (value "
                        + JsonInput.echo(actual.get(f)) + ")");
            }
        }
    }

    private void field(String at, JsonNode a, JsonNode e) {
        if (a.isObject() && e.isObject()) {
            object(at, a, e);
        } else if (a.isArray() && e.isArray()) {
            if (a.size() != e.size()) {
                report(at + ": the file lists " + a.size() + " elements, the generator " + e.size());
            }
            for (int i = 0; i < Math.min(a.size(), e.size()); i++) {
                field(at + "[" + i + "]", a.get(i), e.get(i));
            }
        } else {
            value(at, a, e);
        }
    }

    private void value(String at, JsonNode a, JsonNode e) {
        if (!a.equals(e)) {
            report(at + ": the file has " + JsonInput.echo(a) + ", the generator gives " + JsonInput.echo(e));
        }
    }

    private void groups(JsonNode actual, JsonNode expected) {
        String where = file + ":";
        Map<String, JsonNode> a = byKey(actual, "groupId");
        Map<String, JsonNode> e = byKey(expected, "groupId");
        for (Map.Entry<String, JsonNode> g : e.entrySet()) {
            JsonNode found = a.get(g.getKey());
            if (found == null) {
                report(where + " group " + g.getKey() + ": missing (" + g.getValue().path("tests").size() + " cases)");
            } else {
                object(where + " group " + g.getKey() + ":", found, g.getValue());
            }
        }
        for (String k : a.keySet()) {
            if (!e.containsKey(k)) {
                report(where + " group " + k + ": not a group the generator makes");
            }
        }
    }

    private void tests(JsonNode actual, JsonNode expected) {
        String where = file + ":";
        Map<String, JsonNode> a = byKey(actual, "tcId");
        Map<String, JsonNode> e = byKey(expected, "tcId");
        Map<String, String> renumbered = new LinkedHashMap<>(); // generator's tcId -> file's tcId
        for (Map.Entry<String, JsonNode> t : a.entrySet()) {
            if (!e.containsKey(t.getKey())) {
                for (Map.Entry<String, JsonNode> g : e.entrySet()) {
                    if (!a.containsKey(g.getKey()) && !renumbered.containsKey(g.getKey())
                            && withoutId(g.getValue()).equals(withoutId(t.getValue()))) {
                        renumbered.put(g.getKey(), t.getKey());
                        break;
                    }
                }
            }
        }
        for (Map.Entry<String, JsonNode> t : e.entrySet()) {
            JsonNode found = a.get(t.getKey());
            if (renumbered.containsKey(t.getKey())) {
                report(where + " tcId " + renumbered.get(t.getKey()) + ": renumbered; the generator numbers this case "
                        + t.getKey());
            } else if (found == null) {
                report(where + " tcId " + t.getKey() + ": missing (the generator's case: "
                        + JsonInput.echo(t.getValue().get("comment")) + ")");
            } else {
                object(where + " tcId " + t.getKey() + ":", found, t.getValue());
            }
        }
        for (Map.Entry<String, JsonNode> t : a.entrySet()) {
            if (!e.containsKey(t.getKey()) && !renumbered.containsValue(t.getKey())) {
                report(where + " tcId " + t.getKey() + ": not a case the generator makes (comment "
                        + JsonInput.echo(t.getValue().get("comment")) + ")");
            }
        }
    }

    private static JsonNode withoutId(JsonNode test) {
        if (!test.isObject()) {
            return test;
        }
        com.fasterxml.jackson.databind.node.ObjectNode copy = ((com.fasterxml.jackson.databind.node.ObjectNode) test).deepCopy();
        copy.remove("tcId");
        return copy;
    }

    /** The elements keyed by the text of {@code key} (or their position, {@code #n}, when it has none); later repeats get a suffix. */
    private static Map<String, JsonNode> byKey(JsonNode array, String key) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode k = array.get(i).path(key);
            String name = k.isMissingNode() ? "#" + i : JsonInput.echo(k);
            while (m.containsKey(name)) {
                name += " (again)";
            }
            m.put(name, array.get(i));
        }
        return m;
    }
}
