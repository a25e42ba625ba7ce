package org.dlmexact.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dlmexact.law.LawJson;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.info.Divergence;

/**
 * JSON and text forms of exact values (finite or infinite) shared by the report writers and the
 * commands. The exact text of a symbolic value (a structured law at large length,
 * {@link ExactReal#isSymbolic()}) is shown only when its symbolic form has at most
 * {@link #MAX_SHOWN_ATOMS} atoms, or when asked for ({@code --exact}); otherwise it is omitted and
 * its number of atoms is given instead. Canonical values always show their exact text.
 */
public final class Values {

    /** A symbolic value with more atoms than this gets no exact text unless it is asked for. */
    public static final int MAX_SHOWN_ATOMS = 40;

    private Values() {
    }

    /** Whether the exact text of {@code x} is shown ({@code exact}: asked for with {@code --exact}). */
    //@ requires x != null;
    //@ pure
    public static boolean showsExact(ExactReal x, boolean exact) {
        return exact || !x.isSymbolic() || x.symbolicAtomCount() <= MAX_SHOWN_ATOMS;
    }

    /** The exact text, or a note that it was omitted and how many atoms it has. */
    //@ requires x != null;
    //@ pure
    public static String exactText(ExactReal x, boolean exact) {
        return showsExact(x, exact) ? x.toString()
                : "(exact text omitted: " + x.symbolicAtomCount() + " atoms; --exact prints it)";
    }

    /** {@code {"exact": text, "decimal": certified D digits}}; {@code +inf} for both when infinite. */
    //@ requires d != null && digits >= 0;
    //@ pure
    public static ObjectNode json(Divergence d, int digits) {
        return json(d, digits, false);
    }

    /**
     * As {@link #json(Divergence, int)}; an omitted exact text ({@link #showsExact}) is
     * {@code "exact": null} with {@code "atoms": N}.
     */
    //@ requires d != null && digits >= 0;
    //@ pure
    public static ObjectNode json(Divergence d, int digits, boolean exact) {
        ObjectNode n = LawJson.mapper().createObjectNode();
        if (d.isInfinite()) {
            n.put("exact", "+inf");
            n.put("decimal", "+inf");
        } else if (showsExact(d.value(), exact)) {
            n.put("exact", d.value().toString());
            n.put("decimal", d.value().toDecimal(digits));
        } else {
            n.putNull("exact");
            n.put("atoms", d.value().symbolicAtomCount());
            n.put("decimal", d.value().toDecimal(digits));
        }
        return n;
    }

    //@ requires x != null && digits >= 0;
    //@ pure
    public static ObjectNode json(ExactReal x, int digits) {
        return json(Divergence.finite(x), digits, false);
    }

    //@ requires x != null && digits >= 0;
    //@ pure
    public static ObjectNode json(ExactReal x, int digits, boolean exact) {
        return json(Divergence.finite(x), digits, exact);
    }

    /** The certified decimal, or {@code +inf}. */
    //@ requires d != null && digits >= 0;
    //@ pure
    public static String decimal(Divergence d, int digits) {
        return d.isInfinite() ? "+inf" : d.value().toDecimal(digits);
    }
}
