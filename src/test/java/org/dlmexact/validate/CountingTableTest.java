package org.dlmexact.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.law.SplitMix64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compact counting table of {@code validate trajectories} (its bounded reading is
 * {@link org.dlmexact.io.InputFiles}'s, tested there).
 */
class CountingTableTest {

    @Test
    void theCountingTableAgreesWithAMap() {
        for (long seed = 1; seed <= 5; seed++) {
            SplitMix64 rng = new SplitMix64(seed);
            LongIntMap m = new LongIntMap(seed == 1 ? 1 : 5);
            Map<Long, Integer> ref = new HashMap<>();
            for (int n = 0; n < 5000; n++) {
                long k = seed == 2 ? (rng.nextLong() & 0xff) << 40 : rng.nextLong() % 3000;
                if (n % 97 == 0) {
                    k = Long.MIN_VALUE; // the table's own empty marker is a key like any other
                }
                int d = (int) rng.nextBelow(5) + 1;
                int got = m.add(k, d);
                ref.merge(k, d, Integer::sum);
                assertEquals(ref.get(k), got, "seed " + seed);
            }
            assertEquals(ref.size(), m.size(), "seed " + seed);
            long[] keys = m.keys();
            Arrays.sort(keys);
            assertEquals(ref.keySet().stream().sorted().toList(), Arrays.stream(keys).boxed().toList());
            for (Map.Entry<Long, Integer> e : ref.entrySet()) {
                assertEquals(e.getValue(), m.get(e.getKey(), -7));
            }
            assertEquals(-7, m.get(123_456_789_123L, -7));
            m.put(Long.MIN_VALUE, 3);
            assertEquals(3, m.get(Long.MIN_VALUE, -1));
            m.put(99_999_999L, 4);
            assertEquals(4, m.get(99_999_999L, -1));
        }
        LongIntMap e = new LongIntMap(4);
        assertEquals(-1, e.get(Long.MIN_VALUE, -1));
        assertEquals(0, e.keys().length);
    }
}
