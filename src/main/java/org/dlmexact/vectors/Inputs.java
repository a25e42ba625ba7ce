package org.dlmexact.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.dlmexact.law.Law;
import org.dlmexact.law.LawJson;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.law.SequenceSpace;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.Rational;
import org.dlmexact.sampler.Context;
import org.dlmexact.sampler.Predictor;
import org.dlmexact.sampler.PredictorTable;
import org.dlmexact.sampler.Predictors;
import org.dlmexact.sampler.Schedule;

/**
 * The inputs of a sampler case as they appear in a vector file: {@code law} (a law object),
 * {@code revealOrder} (the schedule in reveal order) and {@code predictor} ({@code "optimal"},
 * {@code "smoothed:LAMBDA"}, or {@code {"table": <dlm-exact/predictor@1 object>}}).
 */
public final class Inputs {

    private Inputs() {
    }

    /** The case's law. */
    /*@ public normal_behavior
      @   requires test != null;
      @ pure @*/
    public static Law law(JsonNode test) {
        return LawJson.fromTree(test.get("law"));
    }

    /** The case's schedule, read from {@code revealOrder}. */
    /*@ public normal_behavior
      @   requires test != null && length >= 1;
      @ pure @*/
    public static Schedule schedule(JsonNode test, int length) {
        JsonNode k = test.get("revealOrder");
        int[] sizes = new int[k.size()];
        for (int j = 0; j < sizes.length; j++) {
            sizes[j] = k.get(j).asInt();
        }
        return Schedule.of(length, sizes);
    }

    /** The case's predictor for the lattice's law. */
    /*@ public normal_behavior
      @   requires test != null && lattice != null;
      @ pure @*/
    public static Predictor predictor(JsonNode test, MarginalLattice lattice) {
        JsonNode p = test.get("predictor");
        if (p != null && p.isObject() && p.has("table")) {
            return PredictorTable.parse(CanonicalJson.compact(p.get("table")), lattice.law().space());
        }
        String s = p == null ? "optimal" : p.asText();
        if (!s.equals("optimal") && !s.startsWith("smoothed:")) {
            throw new InvalidInputException("predictor.syntax", "a vector predictor is optimal, smoothed:LAMBDA or "
                    + "{\"table\": ...}, got " + p);
        }
        return Predictors.parse(s, lattice);
    }

    /** The sizes as a JSON array. */
    //@ requires a != null;
    //@ pure
    public static ArrayNode ints(int[] a) {
        ArrayNode n = LawJson.mapper().createArrayNode();
        for (int x : a) {
            n.add(x);
        }
        return n;
    }

    /** {@code {"visible":[...],"values":[...],"position":i,"token":a}}, or JSON null. */
    //@ pure
    public static JsonNode context(Context c) {
        if (c == null) {
            return LawJson.mapper().nullNode();
        }
        ObjectNode n = LawJson.mapper().createObjectNode();
        n.set("visible", ints(c.visiblePositions()));
        n.set("values", ints(c.visibleValues()));
        n.put("position", c.position());
        n.put("token", c.token());
        return n;
    }

    /**
     * The table of every row of {@code predictor} over {@code space} (contexts without a row are
     * omitted), entries ordered by visible mask, values index, position.
     */
    /*@ public normal_behavior
      @   requires space != null && predictor != null;
      @ pure @*/
    public static ObjectNode table(SequenceSpace space, Predictor predictor) {
        Objects.requireNonNull(predictor, "predictor");
        ObjectNode t = LawJson.mapper().createObjectNode();
        t.put("schema", PredictorTable.SCHEMA);
        t.put("alphabetSize", space.alphabetSize());
        t.put("length", space.length());
        ArrayNode entries = t.putArray("entries");
        for (int mask = 0; mask < space.fullMask(); mask++) {
            int n = space.power(Integer.bitCount(mask));
            for (int values = 0; values < n; values++) {
                for (int i = 0; i < space.length(); i++) {
                    if ((mask & (1 << i)) != 0) {
                        continue;
                    }
                    Rational[] row = predictor.row(mask, values, i);
                    if (row == null) {
                        continue;
                    }
                    Context c = Context.of(space, mask, values, i, -1);
                    ObjectNode e = entries.addObject();
                    e.set("visible", ints(c.visiblePositions()));
                    e.set("values", ints(c.visibleValues()));
                    e.put("position", i);
                    ArrayNode p = e.putArray("p");
                    for (Rational q : row) {
                        p.add(q.toString());
                    }
                }
            }
        }
        return t;
    }
}
