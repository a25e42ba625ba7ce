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

/** The bounded line reader and the compact counting table of {@code validate trajectories}. */
class BoundedInputTest {

    @TempDir
    Path dir;

    private List<String> lines(Path f, long maxBytes, int maxLine) {
        List<String> out = new ArrayList<>();
        BoundedLines.forEachLine(f, "test file", maxBytes, maxLine, (n, l) -> {
            assertEquals(out.size() + 1, n, "numbered from 1");
            out.add(l);
        });
        return out;
    }

    private InvalidInputException refused(Path f, long maxBytes, int maxLine) {
        return assertThrows(InvalidInputException.class, () -> lines(f, maxBytes, maxLine));
    }

    @Test
    void linesEndsAndMarks() throws IOException {
        Path f = dir.resolve("a.txt");
        Files.writeString(f, "ab\r\ncd\n\nef");
        assertEquals(List.of("ab", "cd", "", "ef"), lines(f, 100, 10));
        Files.write(f, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'x', '\n'});
        assertEquals(List.of("x"), lines(f, 100, 10), "a UTF-8 byte order mark is skipped");
        Files.write(f, new byte[] {'x'});
        assertEquals(List.of("x"), lines(f, 100, 10));
        Files.write(f, new byte[0]);
        assertEquals(List.of(), lines(f, 100, 10));
        Files.writeString(f, "12345\n1234\r\n");
        assertEquals(List.of("12345", "1234"), lines(f, 100, 5), "a line of exactly the limit, and a CR that does not count");
    }

    @Test
    void refusals() throws IOException {
        Path f = dir.resolve("a.txt");
        Files.writeString(f, "123456\n");
        InvalidInputException e = refused(f, 100, 5);
        assertEquals("io.too-large", e.code());
        assertTrue(e.getMessage().contains("line 1 is longer than 5 characters"), e.getMessage());
        Files.writeString(f, "ok\n12345\r6\n");
        assertTrue(refused(f, 100, 5).getMessage().contains("line 2 is longer than 5"), "a CR inside the line counts");
        Files.writeString(f, "0123456789");
        InvalidInputException big = refused(f, 9, 100);
        assertEquals("io.too-large", big.code());
        assertTrue(big.getMessage().contains("is too large: 10 bytes; the limit is 9 bytes"), big.getMessage());
        assertEquals(1, lines(f, 10, 100).size(), "exactly the byte limit is fine");
        for (byte[] bom : new byte[][] {{(byte) 0xFE, (byte) 0xFF, 0, 'x'}, {(byte) 0xFF, (byte) 0xFE, 'x', 0},
                {(byte) 0xFE, (byte) 0xFF}, {(byte) 0xFF, (byte) 0xFE}}) {
            Files.write(f, bom);
            InvalidInputException u = refused(f, 100, 10);
            assertEquals("io.encoding", u.code());
            assertTrue(u.getMessage().contains("is UTF-16 text"), u.getMessage());
        }
        Files.write(f, new byte[] {(byte) 0xFE, 'x'});
        assertTrue(refused(f, 100, 10).getMessage().contains("not valid UTF-8"), "half a byte order mark is no mark");
        Files.write(f, new byte[] {'a', '\n', 'b', (byte) 0xC3, '\n'});
        InvalidInputException enc = refused(f, 100, 10);
        assertEquals("io.encoding", enc.code());
        assertTrue(enc.getMessage().contains("bytes that are not valid UTF-8 at or after line 1"), enc.getMessage());
        assertEquals("io.not-regular", refused(dir, 100, 10).code());
        assertTrue(refused(dir, 100, 10).getMessage().contains("is a folder"));
        Path dev = Path.of("/dev/null");
        if (Files.exists(dev)) {
            assertTrue(refused(dev, 100, 10).getMessage().contains("is not a regular file"));
        }
        InvalidInputException missing = refused(dir.resolve("none"), 100, 10);
        assertEquals("io.read", missing.code());
        assertTrue(missing.getMessage().contains("test file '") && missing.getMessage().endsWith("it does not exist"),
                missing.getMessage());
    }

    @Test
    void readFailuresInWords() {
        assertEquals("cannot read f: permission denied",
                BoundedLines.readError("f", new java.nio.file.AccessDeniedException("x")).getMessage());
        assertEquals("cannot read f: it does not exist",
                BoundedLines.readError("f", new java.nio.file.NoSuchFileException("x")).getMessage());
        assertEquals("cannot read f: IOException", BoundedLines.readError("f", new IOException()).getMessage());
        assertEquals("cannot read f: disk on fire", BoundedLines.readError("f", new IOException("disk on fire"))
                .getMessage());
        assertEquals("io.read", BoundedLines.readError("f", new IOException()).code());
    }

    @Test
    void aReaderThatGrowsPastItsLimitIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> BoundedLines.lines(
                new StringReader("a\nb\nc\n"), "r", 4, 10, (n, l) -> { }));
        assertTrue(e.getMessage().contains("grew past 4 characters"), e.getMessage());
        List<String> got = new ArrayList<>();
        try {
            BoundedLines.lines(new StringReader("a\nb\n"), "r", 4, 10, (n, l) -> got.add(l));
        } catch (IOException x) {
            throw new AssertionError(x);
        }
        assertEquals(List.of("a", "b"), got, "exactly the limit");
    }

    @Test
    void abbreviations() {
        String s80 = "x".repeat(80);
        assertEquals(s80, BoundedLines.abbreviate(s80));
        assertEquals("x".repeat(77) + "...", BoundedLines.abbreviate(s80 + "y"));
        assertEquals("a?b?", BoundedLines.abbreviate("a\nb\u0007"));
    }

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
