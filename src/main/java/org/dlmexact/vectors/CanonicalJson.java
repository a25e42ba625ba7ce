package org.dlmexact.vectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import org.dlmexact.law.LawJson;

/**
 * The canonical text of a vector file: the top-level fields one per line in insertion order,
 * each test group on its own line up to its {@code tests}, one test case per line, compact JSON
 * within a line (no spaces), keys in the order they were inserted, {@code \n} line ends and a
 * final newline. The same tree always gives the same bytes.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /** The canonical text of a vector file tree (an object with a {@code testGroups} array). */
    /*@ public normal_behavior
      @   requires root != null && root.isObject();
      @   ensures \result.endsWith("\n");
      @ pure @*/
    public static String write(JsonNode root) {
        Objects.requireNonNull(root, "root");
        StringBuilder sb = new StringBuilder("{\n");
        Iterator<Map.Entry<String, JsonNode>> it = root.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            sb.append("  ").append(compact(LawJson.mapper().getNodeFactory().textNode(e.getKey()))).append(':');
            if (e.getKey().equals("testGroups") && e.getValue().isArray()) {
                writeGroups(sb, e.getValue());
            } else {
                sb.append(compact(e.getValue()));
            }
            sb.append(it.hasNext() ? ",\n" : "\n");
        }
        return sb.append("}\n").toString();
    }

    private static void writeGroups(StringBuilder sb, JsonNode groups) {
        if (groups.isEmpty()) {
            sb.append("[]");
            return;
        }
        sb.append("[\n");
        for (int g = 0; g < groups.size(); g++) {
            JsonNode group = groups.get(g);
            sb.append("    {");
            Iterator<Map.Entry<String, JsonNode>> it = group.properties().iterator();
            boolean first = true;
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                sb.append(first ? "" : ",").append(compact(LawJson.mapper().getNodeFactory().textNode(e.getKey())))
                        .append(':');
                first = false;
                if (e.getKey().equals("tests") && e.getValue().isArray() && !e.getValue().isEmpty()) {
                    sb.append("[\n");
                    for (int t = 0; t < e.getValue().size(); t++) {
                        sb.append("      ").append(compact(e.getValue().get(t)))
                                .append(t + 1 < e.getValue().size() ? ",\n" : "\n");
                    }
                    sb.append("    ]");
                } else {
                    sb.append(compact(e.getValue()));
                }
            }
            sb.append(g + 1 < groups.size() ? "},\n" : "}\n");
        }
        sb.append("  ]");
    }

    /** Compact JSON of one node (no white space), as written by the shared mapper. */
    /*@ public normal_behavior
      @   requires node != null;
      @ pure @*/
    public static String compact(JsonNode node) {
        try {
            return LawJson.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
