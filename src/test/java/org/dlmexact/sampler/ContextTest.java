package org.dlmexact.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dlmexact.law.SequenceSpace;
import org.junit.jupiter.api.Test;

class ContextTest {

    private static final SequenceSpace S23 = SequenceSpace.of(2, 3);

    /** The example of {@link Context#toString()}: visible {0, 2} = (1, 0), position 1, token 1. */
    @Test
    void theDocumentedExample() {
        // values index over positions (0, 2), position 0 most significant: (1, 0) -> 1 * 2 + 0 = 2
        Context c = Context.of(S23, 0b101, 2, 1, 1);
        assertEquals(0b101, c.visibleMask());
        assertEquals(2, c.valuesIndex());
        assertEquals(1, c.position());
        assertEquals(1, c.token());
        assertArrayEquals(new int[] {0, 2}, c.visiblePositions());
        assertArrayEquals(new int[] {1, 0}, c.visibleValues());
        assertEquals("visible [0, 2] = [1, 0], position 1, token 1", c.toString());
        // token 0 is a token; -1 names none
        assertEquals("visible [0, 2] = [1, 0], position 1, token 0", Context.of(S23, 0b101, 2, 1, 0).toString());
        assertEquals("visible [0, 2] = [1, 0], position 1", Context.of(S23, 0b101, 2, 1, -1).toString());
    }

    /**
     * Every context of [2]^3 and [3]^2: the accessors return the arguments, the visible values are
     * the base-V digits of the values index (most significant first), and two contexts are equal
     * (with equal hash codes) exactly when all four arguments are.
     */
    @Test
    void everyContextOfSmallSpaces() {
        for (SequenceSpace sp : List.of(S23, SequenceSpace.of(3, 2))) {
            int v = sp.alphabetSize();
            Set<List<Integer>> args = new HashSet<>();
            Set<Context> contexts = new HashSet<>();
            for (int mask = 0; mask <= sp.fullMask(); mask++) {
                int k = Integer.bitCount(mask);
                for (int values = 0; values < sp.power(k); values++) {
                    for (int i = 0; i < sp.length(); i++) {
                        if ((mask & (1 << i)) != 0) {
                            continue;
                        }
                        for (int token = -1; token < v; token++) {
                            String what = sp + " mask " + mask + " values " + values + " position " + i + " token " + token;
                            Context c = Context.of(sp, mask, values, i, token);
                            assertEquals(mask, c.visibleMask(), what);
                            assertEquals(values, c.valuesIndex(), what);
                            assertEquals(i, c.position(), what);
                            assertEquals(token, c.token(), what);
                            int[] pos = c.visiblePositions();
                            int[] val = c.visibleValues();
                            assertEquals(k, pos.length, what);
                            int rest = values;
                            for (int n = k - 1; n >= 0; n--) {
                                assertEquals(rest % v, val[n], what);
                                rest /= v;
                            }
                            for (int n = 0; n < k; n++) {
                                assertTrue((mask & (1 << pos[n])) != 0 && (n == 0 || pos[n] > pos[n - 1]), what);
                            }
                            Context same = Context.of(sp, mask, values, i, token);
                            assertEquals(c, same, what);
                            assertEquals(c.hashCode(), same.hashCode(), what);
                            assertNotEquals(c, what, what);
                            assertNotEquals(null, c, what);
                            args.add(List.of(mask, values, i, token));
                            contexts.add(c);
                        }
                    }
                }
            }
            // equal only when the arguments are equal
            assertEquals(args.size(), contexts.size(), sp.toString());
        }
    }

    /** Contexts that differ in one argument only are not equal. */
    @Test
    void contextsDifferingInOneArgumentDiffer() {
        Context c = Context.of(S23, 0b001, 1, 1, 0);
        assertNotEquals(c, Context.of(S23, 0b100, 1, 1, 0));
        assertNotEquals(c, Context.of(S23, 0b001, 0, 1, 0));
        assertNotEquals(c, Context.of(S23, 0b001, 1, 2, 0));
        assertNotEquals(c, Context.of(S23, 0b001, 1, 1, 1));
        assertNotEquals(c, Context.of(S23, 0b001, 1, 1, -1));
    }

    /** Out-of-range arguments are refused with a message naming all four. */
    @Test
    void outOfRangeArgumentsAreRefused() {
        int[][] bad = {
            {-1, 0, 0, -1},
            {8, 0, 0, -1},     // a mask beyond the 3 positions
            {0b001, 2, 1, -1}, // values index V^1 with one visible position
            {0b011, 4, 2, -1}, // values index V^2 with two visible positions
            {0b001, -1, 1, -1},
            {0, 0, 3, -1},     // position L
            {0, 0, -1, -1},
            {0b010, 0, 1, -1}, // a visible position
            {0b100, 0, 2, -1},
            {0, 0, 0, 2},      // token V
            {0, 0, 0, -2},
        };
        for (int[] b : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Context.of(S23, b[0], b[1], b[2], b[3]), Arrays.toString(b));
            String want = "bad context: mask " + b[0] + ", values " + b[1] + ", position " + b[2] + ", token " + b[3];
            assertTrue(e.getMessage().contains(want), e.getMessage());
        }
    }

    /** Hash codes are consistent with equals (tested above) and not degenerate: distinct contexts rarely collide. */
    @Test
    void hashCodesSpreadOverTheContextsOfASpace() {
        java.util.Set<Integer> hashes = new java.util.HashSet<>();
        int count = 0;
        for (int mask = 0; mask < S23.fullMask(); mask++) {
            for (int values = 0; values < S23.power(Integer.bitCount(mask)); values++) {
                for (int position = 0; position < S23.length(); position++) {
                    if ((mask >> position & 1) == 0) {
                        for (int token = -1; token < S23.alphabetSize(); token++) {
                            hashes.add(Context.of(S23, mask, values, position, token).hashCode());
                            count++;
                        }
                    }
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(hashes.size() * 2 > count, count + " contexts, " + hashes.size() + " hash codes");
        java.util.Set<Integer> scheduleHashes = new java.util.HashSet<>();
        java.util.List<Schedule> all = Schedule.all(6);
        for (Schedule k : all) {
            scheduleHashes.add(k.hashCode());
        }
        org.junit.jupiter.api.Assertions.assertTrue(scheduleHashes.size() * 2 > all.size(),
                all.size() + " schedules, " + scheduleHashes.size() + " hash codes");
    }
}
