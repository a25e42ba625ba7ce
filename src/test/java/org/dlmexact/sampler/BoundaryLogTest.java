package org.dlmexact.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link BoundaryLog}: distinct boundaries counted once while kept, at most the limit kept, sorted. */
class BoundaryLogTest {

    private static Boundary b(int step) {
        return Boundary.of(step, 0, 0, Boundary.Kind.TIE, 3, "equal");
    }

    @Test
    void countsDistinctKeepsAtMostTheLimitSorted() {
        BoundaryLog log = BoundaryLog.keeping(2);
        assertEquals(0, log.count());
        log.accept(b(3));
        log.accept(b(1));
        log.accept(b(3));
        assertEquals(2, log.count(), "a kept boundary is counted once");
        assertEquals(List.of(b(1), b(3)), List.copyOf(log.kept()), "sorted");
        log.accept(b(2));
        assertEquals(3, log.count(), "counted beyond the limit");
        assertEquals(List.of(b(1), b(3)), List.copyOf(log.kept()), "not kept beyond the limit");
        assertThrows(UnsupportedOperationException.class, () -> log.kept().add(b(5)));
        BoundaryLog none = BoundaryLog.keeping(0);
        none.accept(b(1));
        assertEquals(1, none.count());
        assertEquals(0, none.kept().size());
        assertThrows(IllegalArgumentException.class, () -> BoundaryLog.keeping(-1));
        assertThrows(NullPointerException.class, () -> log.accept(null));
    }
}
