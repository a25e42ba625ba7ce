package org.dlmexact.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.dlmexact.law.LawJson;
import org.dlmexact.vectors.Kind;
import org.dlmexact.vectors.Quantity;
import org.dlmexact.vectors.Vectors;
import org.junit.jupiter.api.Test;

/**
 * Every quantity of every vector file is addressable by a field path, and the tolerance decides
 * both ways: the nearest double of each value passes (the documented tolerance is never tighter than
 * rounding to a double), and the same double moved by far more than the tolerance fails.
 */
class ValuesValidatorCoverageTest {

    private static void collect(JsonNode n, String path, String file, long id, ArrayNode out, boolean shift) {
        if (Quantity.isQuantity(n)) {
            ObjectNode e = out.addObject();
            e.put("file", file);
            e.put("tcId", id);
            e.put("field", path);
            JsonNode f = n.get("float64");
            if (f.isTextual()) {
                e.put("value", shift ? "0" : f.textValue());
            } else {
                BigDecimal x = f.decimalValue();
                // 1e-6 relative plus 1e-6 absolute is far beyond every group's tolerance
                e.put("value", shift ? x.add(x.abs().multiply(new BigDecimal("1e-6"))).add(new BigDecimal("1e-6")) : x);
            }
            return;
        }
        if (n.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> c = it.next();
                collect(c.getValue(), path.isEmpty() ? c.getKey() : path + "." + c.getKey(), file, id, out, shift);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                collect(n.get(i), path + "[" + i + "]", file, id, out, shift);
            }
        }
    }

    private static String results(boolean shift) throws IOException {
        ObjectNode root = LawJson.mapper().createObjectNode();
        root.put("schema", ValuesValidator.SCHEMA);
        ArrayNode out = root.putArray("results");
        for (Kind k : Vectors.KINDS) {
            String file = k.name() + ".json";
            JsonNode doc = LawJson.mapper().readTree(Files.readString(ValuesValidatorTest.VECTORS.resolve(file)));
            for (JsonNode g : doc.get("testGroups")) {
                for (JsonNode t : g.get("tests")) {
                    if (t.has("values")) {
                        collect(t.get("values"), "", file, t.get("tcId").asLong(), out, shift);
                    }
                }
            }
        }
        return LawJson.mapper().writeValueAsString(root);
    }

    @Test
    void everyValueIsAddressableAndTheToleranceDecidesBothWays() throws IOException {
        List<ValuesValidator.Outcome> right = ValuesValidator.validate(ValuesValidatorTest.VECTORS, results(false));
        assertTrue(right.size() > 1000, "only " + right.size() + " values");
        for (ValuesValidator.Outcome o : right) {
            assertTrue(o.pass(), o.toString());
        }
        List<ValuesValidator.Outcome> shifted = ValuesValidator.validate(ValuesValidatorTest.VECTORS, results(true));
        assertEquals(right.size(), shifted.size());
        for (ValuesValidator.Outcome o : shifted) {
            assertTrue(!o.pass(), o.toString());
        }
    }
}
