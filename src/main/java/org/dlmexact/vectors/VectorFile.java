package org.dlmexact.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dlmexact.law.LawJson;

/**
 * Builds one vector file in the Wycheproof style: {@code schema}, {@code generator},
 * {@code header}, {@code conventions}, {@code numberOfTests}, {@code notes} (one entry per flag) and
 * {@code testGroups}; test ids are assigned {@code 1, 2, ...} in file order.
 */
public final class VectorFile {

    /** The generator's name. */
    public static final String GENERATOR = "dlm-exact";
    /** The generator's version (the project version). */
    public static final String GENERATOR_VERSION = "0.1.0";

    private final String kind;
    private final List<String> header;
    private final /*@ spec_public @*/ Map<String, String> notes = new LinkedHashMap<>();
    private final /*@ spec_public @*/ List<ObjectNode> groups = new ArrayList<>();
    private /*@ spec_public @*/ int nextId = 1;

    /*@ public normal_behavior
      @   requires kind != null && header != null;
      @   ensures schema().equals("dlm-exact/vectors-" + kind + "@1");
      @ pure @*/
    public VectorFile(String kind, List<String> header) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.header = List.copyOf(header);
    }

    /** {@code dlm-exact/vectors-<kind>@1}. */
    //@ pure
    public String schema() {
        return schemaOf(kind);
    }

    /** The schema name of a kind. */
    //@ requires kind != null;
    //@ pure
    public static String schemaOf(String kind) {
        return "dlm-exact/vectors-" + kind + "@1";
    }

    /** Declares a flag and what it means. */
    /*@ public normal_behavior
      @   requires flag != null && meaning != null;
      @   assignable this.notes;
      @*/
    public void note(String flag, String meaning) {
        notes.put(flag, meaning);
    }

    /**
     * Starts a test group with the given fields (the {@code tests} array is added last); returns
     * the array to which {@link #addTest} appends.
     */
    /*@ public normal_behavior
      @   requires fields != null;
      @   assignable this.groups;
      @*/
    public ArrayNode group(ObjectNode fields) {
        ObjectNode g = fields.deepCopy();
        ArrayNode tests = g.putArray("tests");
        groups.add(g);
        return tests;
    }

    /**
     * Appends a test case: {@code tcId} (the next id), {@code comment}, {@code flags}, then the
     * fields of {@code body} in order, then {@code result}.
     */
    /*@ public normal_behavior
      @   requires tests != null && comment != null && flags != null && body != null && result != null;
      @   assignable this.nextId;
      @*/
    public ObjectNode addTest(ArrayNode tests, String comment, List<String> flags, ObjectNode body, String result) {
        ObjectNode t = tests.addObject();
        t.put("tcId", nextId++);
        t.put("comment", comment);
        ArrayNode f = t.putArray("flags");
        for (String s : flags) {
            if (!notes.containsKey(s)) {
                throw new IllegalStateException("flag " + s + " used before it is explained in notes");
            }
            f.add(s);
        }
        t.setAll(body);
        t.put("result", result);
        return t;
    }

    /** The finished tree, fields in canonical order. */
    /*@ public normal_behavior
      @   requires conventions != null;
      @ pure @*/
    public ObjectNode tree(ObjectNode conventions) {
        ObjectNode root = LawJson.mapper().createObjectNode();
        root.put("schema", schema());
        ObjectNode gen = root.putObject("generator");
        gen.put("name", GENERATOR);
        gen.put("version", GENERATOR_VERSION);
        ArrayNode h = root.putArray("header");
        header.forEach(h::add);
        root.set("conventions", conventions);
        int count = 0;
        for (ObjectNode g : groups) {
            count += g.get("tests").size();
        }
        root.put("numberOfTests", count);
        ObjectNode n = root.putObject("notes");
        notes.forEach(n::put);
        ArrayNode gs = root.putArray("testGroups");
        groups.forEach(gs::add);
        return root;
    }

    /** The conventions shared by every kind. */
    //@ pure
    public static ObjectNode commonConventions() {
        ObjectNode c = LawJson.mapper().createObjectNode();
        c.put("logarithm", "natural; every information quantity is in nats");
        c.put("positions", "0..L-1; an outcome x = (x_0, ..., x_{L-1})");
        c.put("outcomeOrder", "lexicographic, position 0 most significant: index = sum_i x_i V^(L-1-i)");
        c.put("schedules", "reveal order: revealOrder[0] tokens are revealed in the first reverse step, starting "
                + "from the all-mask sequence; forwardOrder is Li-Cai's forward-time list, its reverse");
        c.put("quantity", "{\"exact\": canonical exact text q0 + sum q_j*ln(b_j) (SPEC.md 2.2), \"decimal\": the "
                + "exact value correctly rounded to 30 digits after the point, \"float64\": the double nearest to "
                + "the exact value (ties to even), written with the fewest digits that read back to it}; an "
                + "infinite value has \"+inf\" in all three fields");
        c.put("law", "a dlm-exact/law@1 object (SPEC.md 3.1) in canonical form: positive outcomes only, "
                + "lexicographic order, probabilities as reduced fractions");
        return c;
    }

    /** The text of a JSON node list field as strings, or an empty list. */
    //@ requires n != null;
    //@ pure
    public static List<String> strings(JsonNode n) {
        List<String> r = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(x -> r.add(x.asText()));
        }
        return r;
    }
}
