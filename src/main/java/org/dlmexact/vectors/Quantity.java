package org.dlmexact.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;
import org.dlmexact.law.LawJson;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.Divergence;

/**
 * The JSON form of one real value in a vector file:
 * {@code {"exact":"<canonical exact text>","decimal":"<certified, 30 digits>","float64":<nearest double>}}.
 * An infinite divergence is {@code {"exact":"+inf","decimal":"+inf","float64":"+inf"}}. The float64
 * is computed from the exact value ({@link ExactReal#toDouble()}) and written with the fewest
 * significant digits that read back to the same double (a deterministic text on every JVM).
 */
public final class Quantity {

    /** Digits after the decimal point of every {@code "decimal"} field. */
    public static final int DIGITS = 30;
    /** The text of an infinite value in all three fields. */
    public static final String INFINITY = "+inf";

    private Quantity() {
    }

    /** The quantity node of a finite exact value. */
    /*@ public normal_behavior
      @   requires x != null;
      @   ensures \result.size() == 3;
      @ pure @*/
    public static ObjectNode of(ExactReal x) {
        Objects.requireNonNull(x, "x");
        ObjectNode n = LawJson.mapper().createObjectNode();
        n.put("exact", x.toString());
        n.put("decimal", x.toDecimal(DIGITS));
        n.put("float64", shortest(x.toDouble()));
        return n;
    }

    /** The quantity node of a rational. */
    /*@ public normal_behavior
      @   requires q != null;
      @   ensures \result.size() == 3;
      @ pure @*/
    public static ObjectNode of(Rational q) {
        return of(ExactReal.of(q));
    }

    /** The quantity node of a divergence: finite as {@link #of(ExactReal)}, else the three {@code +inf}. */
    /*@ public normal_behavior
      @   requires d != null;
      @   ensures \result.size() == 3;
      @ pure @*/
    public static ObjectNode of(Divergence d) {
        if (!d.isInfinite()) {
            return of(d.value());
        }
        ObjectNode n = LawJson.mapper().createObjectNode();
        n.put("exact", INFINITY);
        n.put("decimal", INFINITY);
        n.put("float64", INFINITY);
        return n;
    }

    /** Whether {@code n} looks like a quantity node (an object with an {@code exact} field). */
    //@ pure
    public static boolean isQuantity(JsonNode n) {
        return n != null && n.isObject() && n.has("exact");
    }

    /**
     * The shortest decimal that reads back to {@code d} (at most 17 significant digits), as a
     * BigDecimal; exact zero for zero. Never called on a non-finite double.
     */
    /*@ public normal_behavior
      @   requires !Double.isNaN(d) && !Double.isInfinite(d);
      @   ensures \result.doubleValue() == d;
      @ pure @*/
    public static BigDecimal shortest(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("not a finite double: " + d);
        }
        if (d == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal exact = new BigDecimal(d);
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == d) {
                return r.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }
}
