package org.dlmexact.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dlmexact.exact.Rational;
import org.dlmexact.law.Families;
import org.junit.jupiter.api.Test;

/**
 * {@link Ranking#top} on three positions with keys 5, 7, 5 (position 1 the largest, 0 and 2 tied):
 * the kept sets and their weights for every {@code k} and tie rule, by hand, and the tie it reports.
 */
class RankingTopTest {

    static final Integer[] KEYS = {5, 7, 5};

    /** The kept sets of {@code top} with their weights, and the boundaries reported. */
    static Map<Integer, Rational> top(int k, Ranking.Ties ties, List<Boundary> boundaries) {
        State st = State.of(ProfileSamplingTest.rows(Families.uniform(2, 3)), 1, 0, 0, boundaries::add);
        Map<Integer, Rational> out = new LinkedHashMap<>();
        Ranking.top(st, new int[] {0, 1, 2}, KEYS, k, ties, "equal keys", (w, kept) -> out.merge(kept, w,
                Rational::add));
        return out;
    }

    @Test
    void keptSetsForEveryCount() {
        List<Boundary> b = new ArrayList<>();
        assertEquals(Map.of(0, Rational.ONE), top(0, Ranking.Ties.UNIFORM, b));
        assertEquals(Map.of(7, Rational.ONE), top(3, Ranking.Ties.UNIFORM, b));
        assertEquals(Map.of(2, Rational.ONE), top(1, Ranking.Ties.UNIFORM, b));
        assertEquals(List.of(), b, "no tie straddles the cut for k = 0, 3, 1");
        // k = 2: position 1, then one of the tied positions 0 and 2
        assertEquals(Map.of(3, Rational.ONE), top(2, Ranking.Ties.LOWEST, b));
        assertEquals(Map.of(6, Rational.ONE), top(2, Ranking.Ties.HIGHEST, b));
        assertEquals(Map.of(3, Rational.of(1, 2), 6, Rational.of(1, 2)), top(2, Ranking.Ties.UNIFORM, b));
        assertEquals(3, b.size());
        for (Boundary x : b) {
            assertEquals(Boundary.Kind.TIE, x.kind());
            assertEquals(5, x.positions());
            assertEquals("equal keys", x.what());
        }
    }

    @Test
    void countsOutsideZeroToNAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> top(-1, Ranking.Ties.LOWEST, new ArrayList<>()));
        assertThrows(IllegalArgumentException.class, () -> top(4, Ranking.Ties.LOWEST, new ArrayList<>()));
    }
}
