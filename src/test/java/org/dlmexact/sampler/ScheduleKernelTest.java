package org.dlmexact.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The integer kernels of {@link Schedule}: validation, partial sums, conversion, balanced sizes. */
class ScheduleKernelTest {

    @Test
    void partialSumsAreRunningTotalsInLong() {
        assertArrayEquals(new long[] {0, 2, 3, 4}, Schedule.partialSums(new int[] {2, 1, 1}));
        assertArrayEquals(new long[] {0}, Schedule.partialSums(new int[0]));
        long[] big = Schedule.partialSums(new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, 1});
        assertEquals(2L * Integer.MAX_VALUE + 1, big[3]);
        assertThrows(IllegalArgumentException.class, () -> Schedule.partialSums(new int[] {1, 0}));
    }

    @Test
    void firstNonPositiveFindsTheFirstBadSize() {
        assertEquals(-1, Schedule.firstNonPositive(new int[] {1, 2, 3}));
        assertEquals(-1, Schedule.firstNonPositive(new int[0]));
        assertEquals(1, Schedule.firstNonPositive(new int[] {1, 0, -1}));
        assertEquals(0, Schedule.firstNonPositive(new int[] {Integer.MIN_VALUE}));
    }

    @Test
    void reversedConvertsBetweenTimeDirections() {
        assertArrayEquals(new int[] {3, 2, 1}, Schedule.reversed(new int[] {1, 2, 3}));
        assertArrayEquals(new int[0], Schedule.reversed(new int[0]));
    }

    @Test
    void balancedSizesPutTheRemainderFirstAndSumToTheLength() {
        for (int l = 1; l <= 40; l++) {
            for (int t = 1; t <= l; t++) {
                int[] r = Schedule.balancedSizes(l, t);
                assertEquals(t, r.length);
                long sum = 0;
                for (int j = 0; j < t; j++) {
                    assertEquals(l / t + (j < l % t ? 1 : 0), r[j]);
                    sum += r[j];
                }
                assertEquals(l, sum);
                assertArrayEquals(r, Schedule.balanced(l, t).sizes());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Schedule.balancedSizes(3, 0));
        assertThrows(IllegalArgumentException.class, () -> Schedule.balancedSizes(3, 4));
    }

    @Test
    void maxSizeAndMaskedAgreeWithTheirDefinitions() {
        for (Schedule s : Schedule.all(8)) {
            int m = 0;
            for (int j = 1; j <= s.steps(); j++) {
                m = Math.max(m, s.size(j));
                assertEquals(s.length() - s.revealed(j - 1), s.masked(j));
                assertEquals(s.revealed(j - 1) + s.size(j), s.revealed(j));
            }
            assertEquals(m, s.maxSize());
        }
    }

    @org.junit.jupiter.api.Test
    void partialSumsRefusesANonPositiveFirstPart() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Schedule.partialSums(new int[] {0, 1}));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Schedule.partialSums(new int[] {2, -1}));
    }
}
