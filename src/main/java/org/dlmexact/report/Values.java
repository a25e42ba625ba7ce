package org.dlmexact.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dlmexact.law.LawJson;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.info.Divergence;

/** JSON and text forms of exact values (finite or infinite) shared by the report writers. */
public final class Values {

    private Values() {
    }

    /** {@code {"exact": text, "decimal": certified D digits}}; {@code +inf} for both when infinite. */
    //@ requires d != null && digits >= 0;
    //@ pure
    public static ObjectNode json(Divergence d, int digits) {
        ObjectNode n = LawJson.mapper().createObjectNode();
        n.put("exact", d.isInfinite() ? "+inf" : d.value().toString());
        n.put("decimal", d.isInfinite() ? "+inf" : d.value().toDecimal(digits));
        return n;
    }

    //@ requires x != null && digits >= 0;
    //@ pure
    public static ObjectNode json(ExactReal x, int digits) {
        return json(Divergence.finite(x), digits);
    }

    /** The certified decimal, or {@code +inf}. */
    //@ requires d != null && digits >= 0;
    //@ pure
    public static String decimal(Divergence d, int digits) {
        return d.isInfinite() ? "+inf" : d.value().toDecimal(digits);
    }
}
