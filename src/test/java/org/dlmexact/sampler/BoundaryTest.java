package org.dlmexact.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link Boundary}: its argument checks, its order field by field, equality and text. */
class BoundaryTest {

    static Boundary b(int step, int mask, int values, Boundary.Kind kind, int positions, String what) {
        return Boundary.of(step, mask, values, kind, positions, what);
    }

    @Test
    void badFieldsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> b(0, 0, 0, Boundary.Kind.TIE, 1, "w"));
        assertThrows(IllegalArgumentException.class, () -> b(1, -1, 0, Boundary.Kind.TIE, 1, "w"));
        assertThrows(IllegalArgumentException.class, () -> b(1, 0, -1, Boundary.Kind.TIE, 1, "w"));
        assertThrows(IllegalArgumentException.class, () -> b(1, 0, 0, Boundary.Kind.TIE, 0, "w"));
        assertEquals(1, b(1, 0, 0, Boundary.Kind.TIE, 1, "w").positions());
    }

    /** Step first, then visible set, values, kind, positions and text; each decides when the earlier agree. */
    @Test
    void orderFieldByField() {
        Boundary x = b(1, 2, 1, Boundary.Kind.TIE, 4, "b");
        assertTrue(x.compareTo(b(2, 1, 0, Boundary.Kind.TIE, 1, "a")) < 0);
        assertTrue(x.compareTo(b(1, 1, 1, Boundary.Kind.TIE, 4, "b")) > 0);
        assertTrue(x.compareTo(b(1, 2, 0, Boundary.Kind.TIE, 8, "c")) > 0);
        assertEquals(Integer.signum(Boundary.Kind.TIE.compareTo(Boundary.Kind.THRESHOLD)),
                Integer.signum(x.compareTo(b(1, 2, 1, Boundary.Kind.THRESHOLD, 1, "a"))));
        assertTrue(x.compareTo(b(1, 2, 1, Boundary.Kind.TIE, 8, "a")) < 0);
        assertTrue(x.compareTo(b(1, 2, 1, Boundary.Kind.TIE, 4, "c")) < 0);
        assertEquals(0, x.compareTo(b(1, 2, 1, Boundary.Kind.TIE, 4, "b")));
    }

    @Test
    void equalityAndText() {
        Boundary x = b(2, 1, 1, Boundary.Kind.TIE, 12, "equal entropy");
        Boundary y = b(2, 1, 1, Boundary.Kind.TIE, 12, "equal entropy");
        assertTrue(x.equals(y));
        assertEquals(x.hashCode(), y.hashCode());
        assertFalse(x.equals(b(2, 1, 1, Boundary.Kind.TIE, 12, "equal margin")));
        assertFalse(x.equals("step 2"));
        assertEquals("step 2, visible [0] = values index 1: " + Boundary.Kind.TIE + " of positions [2, 3] (equal entropy)",
                x.toString());
    }
}
