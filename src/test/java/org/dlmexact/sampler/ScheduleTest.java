package org.dlmexact.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.sampler.Schedule.Convention;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void explicitSizesAndPartialSums() {
        Schedule s = Schedule.parse("2,1,1", 4, Convention.REVEAL);
        assertArrayEquals(new int[] {2, 1, 1}, s.sizes());
        assertEquals(3, s.steps());
        assertEquals(4, s.length());
        assertEquals(0, s.revealed(0));
        assertEquals(2, s.revealed(1));
        assertEquals(3, s.revealed(2));
        assertEquals(4, s.revealed(3));
        assertEquals(4, s.masked(1));
        assertEquals(2, s.masked(2));
        assertEquals(2, s.maxSize());
        assertArrayEquals(new int[] {1, 1, 2}, s.forwardSizes());
    }

    @Test
    void forwardConventionReversesTheSizes() {
        Schedule s = Schedule.parse("1,1,2", 4, Convention.FORWARD);
        assertArrayEquals(new int[] {2, 1, 1}, s.sizes());
        assertEquals(Schedule.ofForward(4, 1, 1, 2), s);
    }

    @Test
    void families() {
        assertArrayEquals(new int[] {1, 1, 1, 1, 1}, Schedule.parse("ones", 5, Convention.REVEAL).sizes());
        assertArrayEquals(new int[] {5}, Schedule.parse("one-shot", 5, Convention.REVEAL).sizes());
        // the first L mod T reveal steps get ceil(L/T)
        assertArrayEquals(new int[] {3, 3, 2}, Schedule.parse("balanced:3", 8, Convention.REVEAL).sizes());
        assertArrayEquals(new int[] {2, 3, 3}, Schedule.parse("balanced:3", 8, Convention.FORWARD).sizes());
        assertArrayEquals(new int[] {2, 2, 2}, Schedule.parse("balanced:3", 6, Convention.REVEAL).sizes());
        for (int l = 1; l <= 9; l++) {
            for (int t = 1; t <= l; t++) {
                int[] k = Schedule.balanced(l, t).sizes();
                int sum = 0;
                for (int j = 0; j < t; j++) {
                    assertTrue(k[j] == (l + t - 1) / t || k[j] == l / t);
                    if (j > 0) {
                        assertTrue(k[j] <= k[j - 1]);
                    }
                    sum += k[j];
                }
                assertEquals(l, sum);
            }
        }
    }

    @Test
    void allEnumeratesEveryCompositionOnce() {
        for (int l = 1; l <= 8; l++) {
            List<Schedule> all = Schedule.parseAll("all", l, Convention.REVEAL);
            assertEquals(1 << (l - 1), all.size());
            Set<Schedule> distinct = new HashSet<>(all);
            assertEquals(all.size(), distinct.size());
            for (Schedule s : all) {
                assertEquals(l, s.length());
            }
        }
    }

    private static InvalidInputException bad(String text, int l, Convention c) {
        return assertThrows(InvalidInputException.class, () -> Schedule.parse(text, l, c));
    }

    @Test
    void emptyIsRefused() {
        assertEquals("schedule.empty", bad("  ", 3, Convention.REVEAL).code());
        assertEquals("schedule.empty", assertThrows(InvalidInputException.class, () -> Schedule.of(3)).code());
    }

    @Test
    void nonPositivePartNamesPositionAndValue() {
        InvalidInputException e = bad("2,0,2", 4, Convention.REVEAL);
        assertEquals("schedule.non-positive-part", e.code());
        assertTrue(e.getMessage().contains("step 2") && e.getMessage().contains("is 0"), e.getMessage());
        InvalidInputException f = bad("2,-1,3", 4, Convention.FORWARD);
        assertEquals("schedule.non-positive-part", f.code());
        assertTrue(f.getMessage().contains("s_2") && f.getMessage().contains("-1"), f.getMessage());
    }

    @Test
    void badSumNamesBoth() {
        InvalidInputException e = bad("2,2", 5, Convention.REVEAL);
        assertEquals("schedule.bad-sum", e.code());
        assertTrue(e.getMessage().contains("sum to 4") && e.getMessage().contains("L = 5"), e.getMessage());
    }

    @Test
    void moreStepsThanPositions() {
        assertEquals("schedule.too-many-steps", bad("1,1,1,1", 3, Convention.REVEAL).code());
        assertEquals("schedule.too-many-steps", bad("balanced:4", 3, Convention.REVEAL).code());
    }

    @Test
    void syntaxErrors() {
        assertEquals("schedule.syntax", bad("2,x", 3, Convention.REVEAL).code());
        assertEquals("schedule.syntax", bad("2,,1", 3, Convention.REVEAL).code());
        assertEquals("schedule.syntax", bad("balanced:y", 3, Convention.REVEAL).code());
        assertEquals("schedule.syntax", bad("all", 3, Convention.REVEAL).code());
        assertEquals("schedule.non-positive-part", bad("balanced:0", 3, Convention.REVEAL).code());
    }

    @Test
    void allIsLimited() {
        assertEquals("schedule.all-too-long", assertThrows(InvalidInputException.class,
                () -> Schedule.parseAll("all", Schedule.MAX_ALL_LENGTH + 1, Convention.REVEAL)).code());
    }

    @Test
    void conventionNames() {
        assertEquals(Convention.REVEAL, Convention.parse("reveal"));
        assertEquals(Convention.FORWARD, Convention.parse("forward"));
        assertEquals("schedule.convention",
                assertThrows(InvalidInputException.class, () -> Convention.parse("backward")).code());
    }
    /** 'all' is allowed up to L = MAX_ALL_LENGTH inclusive: 2^(L-1) distinct compositions of L. */
    @Test
    void allAtTheLengthLimit() {
        int l = Schedule.MAX_ALL_LENGTH;
        List<Schedule> all = Schedule.all(l);
        assertEquals(1 << (l - 1), all.size());
        for (int n = 0; n < all.size(); n++) {
            assertEquals(l, all.get(n).length());
            if (n > 0) {
                assertNotEquals(all.get(n - 1), all.get(n));
            }
        }
        assertEquals(all, Schedule.parseAll("all", l, Convention.REVEAL));
    }

    /** Equality is equality of the reveal-order sizes, whatever text they came from. */
    @Test
    void equalityOfSizes() {
        Schedule s = Schedule.of(4, 2, 1, 1);
        Schedule t = Schedule.parse("1,1,2", 4, Convention.FORWARD);
        assertEquals(s, t);
        assertEquals(s.hashCode(), t.hashCode());
        assertNotEquals(s, Schedule.of(4, 1, 2, 1));
        assertNotEquals(s, Schedule.of(4, 2, 2));
        assertNotEquals(s, Schedule.of(4, 4));
        assertNotEquals(s, "2,1,1");
        assertNotEquals(s, null);
    }

    /** Syntax errors name the 1-based size that is wrong; forward sizes name s_t. */
    @Test
    void errorsNameTheSize() {
        InvalidInputException e = bad("2,,1", 3, Convention.REVEAL);
        assertTrue(e.getMessage().contains("size 2 is empty"), e.getMessage());
        InvalidInputException f = bad("1, x", 3, Convention.REVEAL);
        assertTrue(f.getMessage().contains("size 2 is 'x'"), f.getMessage());
        InvalidInputException g = bad("0,2,2", 4, Convention.FORWARD);
        assertEquals("schedule.non-positive-part", g.code());
        assertTrue(g.getMessage().contains("forward-time size s_1 is 0"), g.getMessage());
    }
}
