package org.dlmexact.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class IntervalTest {

    @Test
    void rejectsReversedEndpoints() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Interval.of(Rational.of(1, 2), Rational.of(1, 3)));
        assertTrue(e.getMessage().contains("empty interval") && e.getMessage().contains("[1/2, 1/3]"), e.getMessage());
        assertThrows(NullPointerException.class, () -> Interval.of(null, Rational.ONE));
        assertThrows(NullPointerException.class, () -> Interval.of(Rational.ONE, null));
    }

    @Test
    void pointIntervalIsAllowed() {
        Interval p = Interval.of(Rational.of(2, 7), Rational.of(4, 14));
        assertTrue(p.width().isZero());
        assertTrue(p.contains(Rational.of(2, 7)));
        assertFalse(p.contains(Rational.of(2, 7).add(Rational.of(1, 1_000_000))));
        assertEquals("[2/7, 2/7]", p.toString());
    }

    /** Exhaustive over endpoints and points on the grid k/4, -3 <= k/4 <= 3. */
    @Test
    void containsWidthAndStrictSignOnAGrid() {
        List<Rational> grid = new java.util.ArrayList<>();
        for (int k = -12; k <= 12; k++) {
            grid.add(Rational.of(k, 4));
        }
        for (Rational lo : grid) {
            for (Rational hi : grid) {
                if (lo.compareTo(hi) > 0) {
                    assertThrows(IllegalArgumentException.class, () -> Interval.of(lo, hi));
                    continue;
                }
                Interval iv = Interval.of(lo, hi);
                assertEquals(lo, iv.lo());
                assertEquals(hi, iv.hi());
                assertEquals(hi.subtract(lo), iv.width());
                boolean anyNonPositive = false;
                boolean anyNonNegative = false;
                for (Rational x : grid) {
                    boolean inside = lo.compareTo(x) <= 0 && x.compareTo(hi) <= 0;
                    assertEquals(inside, iv.contains(x), iv + " contains " + x);
                    if (inside) {
                        anyNonPositive |= x.signum() <= 0;
                        anyNonNegative |= x.signum() >= 0;
                    }
                }
                // 0 lies on the grid, so the grid points decide the sign of every point of the interval
                int expected = !anyNonPositive ? 1 : !anyNonNegative ? -1 : 0;
                assertEquals(expected, iv.strictSign(), "strictSign of " + iv);
            }
        }
    }

    @Test
    void strictSignAtTinyDistanceFromZero() {
        Rational eps = Rational.of(java.math.BigInteger.ONE, java.math.BigInteger.TEN.pow(300));
        assertEquals(1, Interval.of(eps, Rational.ONE).strictSign());
        assertEquals(-1, Interval.of(Rational.ONE.negate(), eps.negate()).strictSign());
        assertEquals(0, Interval.of(Rational.ZERO, eps).strictSign());
        assertEquals(0, Interval.of(eps.negate(), Rational.ZERO).strictSign());
        assertEquals(0, Interval.of(Rational.ZERO, Rational.ZERO).strictSign());
    }
}
