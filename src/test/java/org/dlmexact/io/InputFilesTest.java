package org.dlmexact.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dlmexact.exact.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link InputFiles}: regular files only, size and line limits, strict UTF-8, failures in words. */
class InputFilesTest {

    private static InvalidInputException refused(String code, org.junit.jupiter.api.function.Executable e) {
        InvalidInputException x = assertThrows(InvalidInputException.class, e);
        assertEquals(code, x.code(), x.getMessage());
        return x;
    }

    @Test
    void regularFilesAreMeasured(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("f.txt"), "12345");
        assertEquals(5, InputFiles.checkRegular(f, "the file", 5));
        InvalidInputException big = refused("io.too-large", () -> InputFiles.checkRegular(f, "the file", 4));
        assertEquals("the file '" + f + "' is too large: 5 bytes; the limit is 4 bytes", big.getMessage());
    }

    @Test
    void foldersDevicesAndMissingFilesAreRefused(@TempDir Path dir) {
        assertEquals("--x '" + dir + "' is a folder, not a file",
                refused("io.not-regular", () -> InputFiles.checkRegular(dir, "--x", 10)).getMessage());
        assertEquals("--x '/dev/null' is not a regular file (a device, FIFO or socket); give a file",
                refused("io.not-regular", () -> InputFiles.checkRegular(Path.of("/dev/null"), "--x", 10)).getMessage());
        Path missing = dir.resolve("missing");
        assertEquals("cannot read --x '" + missing + "': it does not exist",
                refused("io.read", () -> InputFiles.checkRegular(missing, "--x", 10)).getMessage());
    }

    @Test
    void readTextDecodesStrictUtf8(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("t.json");
        Files.write(f, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', (byte) 0xC3, (byte) 0xA9});
        assertEquals("a\u00e9", InputFiles.readText(f, "file", 100), "a UTF-8 byte order mark is dropped");
        Files.write(f, new byte[] {'a', 'b', (byte) 0xC3, '(', 'c'});
        assertEquals("file '" + f + "' is not UTF-8 text: the bytes at offset 2 are not valid UTF-8 (is it a binary "
                + "file?)", refused("io.encoding", () -> InputFiles.readText(f, "file", 100)).getMessage());
        Files.write(f, new byte[] {(byte) 0xFE, (byte) 0xFF, 0, 'a'});
        assertTrue(refused("io.encoding", () -> InputFiles.readText(f, "file", 100)).getMessage()
                .endsWith("is UTF-16 text (it starts with a UTF-16 byte order mark); save it as UTF-8"));
        Files.write(f, new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0});
        refused("io.encoding", () -> InputFiles.readText(f, "file", 100));
        Files.write(f, new byte[] {(byte) 0xFF});
        refused("io.encoding", () -> InputFiles.decode(new byte[] {(byte) 0xFF}, "x"));
        assertEquals("", InputFiles.decode(new byte[0], "x"));
        assertEquals("", InputFiles.decode(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "x"), "a mark alone");
        assertEquals("\u00ff", InputFiles.decode(new byte[] {(byte) 0xC3, (byte) 0xBF}, "x"));
    }

    @Test
    void readerSkipsAUtf8MarkAndRefusesUtf16(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("r.txt");
        Files.write(f, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'x', 'y'});
        try (java.io.Reader r = InputFiles.reader(f, "file", 10)) {
            char[] buf = new char[10];
            assertEquals(2, r.read(buf));
            assertEquals("xy", new String(buf, 0, 2));
        }
        Files.write(f, new byte[] {'x'});
        try (java.io.Reader r = InputFiles.reader(f, "file", 10)) {
            assertEquals('x', r.read());
            assertEquals(-1, r.read());
        }
        Files.write(f, new byte[] {(byte) 0xFF, (byte) 0xFE});
        refused("io.encoding", () -> InputFiles.reader(f, "file", 10));
    }

    private static List<String> lines(String text, int max) throws IOException {
        List<String> out = new ArrayList<>();
        InputFiles.forEachLine(new StringReader(text), "in", max, (n, l) -> out.add(n + ":" + l));
        return out;
    }

    @Test
    void linesAreSplitOnLineEnds() throws IOException {
        assertEquals(List.of(), lines("", 10));
        assertEquals(List.of("1:a"), lines("a", 10));
        assertEquals(List.of("1:a"), lines("a\n", 10), "a final line end makes no extra line");
        assertEquals(List.of("1:a", "2:"), lines("a\n\n", 10), "a blank last line is a line");
        assertEquals(List.of("1:a", "2:b"), lines("a\r\nb\r\n", 10));
        assertEquals(List.of("1:", "2:x\ry"), lines("\nx\ry", 10));
        String longLine = "z".repeat(20000);
        assertEquals(List.of("1:" + longLine, "2:q"), lines(longLine + "\nq", 20000), "lines cross the buffer");
    }

    @Test
    void aLineLongerThanTheLimitIsRefusedAsSoonAsSeen() throws IOException {
        assertEquals(List.of("1:abcd"), lines("abcd", 4));
        assertEquals(List.of("1:abcd"), lines("abcd\r\n", 4), "the \\r of a line end does not count");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> lines("ok\nabcde\n", 4));
        assertEquals("io.too-large", e.code());
        assertEquals("in: line 2 is longer than 4 characters", e.getMessage());
        assertThrows(InvalidInputException.class, () -> lines("abcde", 4));
        assertThrows(InvalidInputException.class, () -> lines("abcd\rx", 4));
        // a huge line: refused after reading only the first buffer, whatever follows
        java.io.Reader endless = new java.io.Reader() {
            int served;

            @Override
            public int read(char[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, '0');
                served += len;
                assertTrue(served < 1 << 20, "read on after the limit");
                return len;
            }

            @Override
            public void close() {
            }
        };
        assertThrows(InvalidInputException.class,
                () -> InputFiles.forEachLine(endless, "endless", 4096, (n, l) -> { }));
    }

    @Test
    void fileLinesAreBoundedBySizeAndEncoding(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("s.txt");
        Files.writeString(f, "0 1\n1 0\n");
        List<String> out = new ArrayList<>();
        InputFiles.forEachLine(f, "samples file", 100, 10, (n, l) -> out.add(l));
        assertEquals(List.of("0 1", "1 0"), out);
        refused("io.too-large", () -> InputFiles.forEachLine(f, "samples file", 7, 10, (n, l) -> { }));
        Files.write(f, new byte[] {'0', '\n', (byte) 0xC3, '\n'});
        assertEquals("samples file '" + f + "' is not UTF-8 text: it holds bytes that are not valid UTF-8 "
                + "(is it a binary file?)", refused("io.encoding",
                () -> InputFiles.forEachLine(f, "samples file", 100, 10, (n, l) -> { })).getMessage());
    }

    @Test
    void aFileThatGrowsWhileReadIsRefused(@TempDir Path dir) throws IOException {
        Path f = Files.write(dir.resolve("g"), new byte[8]);
        java.io.InputStream in = InputFiles.open(f, "file", 8);
        Files.write(f, new byte[20]); // grows after the size check
        IOException e = assertThrows(IOException.class, in::readAllBytes);
        assertEquals("file '" + f + "' is too large: more than 8 bytes (it grew while read); the limit is 8 bytes",
                InputFiles.readError(f, "file", e).getMessage());
        in.close();
        java.io.InputStream one = InputFiles.open(Files.write(dir.resolve("h"), new byte[] {7}), "file", 1);
        assertEquals(7, one.read());
        assertEquals(-1, one.read());
        one.close();
        Path zeros = Files.write(dir.resolve("z"), new byte[] {0});
        java.io.InputStream z = InputFiles.open(zeros, "file", 1);
        Files.write(zeros, new byte[] {0, 0});
        assertEquals(0, z.read(), "a zero byte counts like any other");
        assertThrows(IOException.class, z::read);
        z.close();
    }

    @Test
    void failuresAreSaidInWords() {
        assertEquals("it does not exist", InputFiles.reason(new NoSuchFileException("x")));
        assertEquals("permission denied", InputFiles.reason(new AccessDeniedException("x")));
        assertEquals("a part of the path is not a folder", InputFiles.reason(new NotDirectoryException("x")));
        assertEquals("Read-only file system", InputFiles.reason(new FileSystemException("x", null, "Read-only file system")));
        assertEquals("FileSystemException", InputFiles.reason(new FileSystemException(null)));
        assertEquals("disk\\nfull", InputFiles.reason(new IOException("disk\nfull")));
        assertEquals("IOException", InputFiles.reason(new IOException()));
        assertEquals("cannot read --x 'p': permission denied",
                InputFiles.readError(Path.of("p"), "--x", new AccessDeniedException("p")).getMessage());
        assertEquals("io.encoding", InputFiles.readError(Path.of("p"), "--x",
                new java.nio.charset.MalformedInputException(1)).code());
        assertEquals("'a\\tb'", InputFiles.name(Path.of("a\tb")), "names are quoted and escaped");
    }

    @Test
    void existingNamesAPathOnlyWhenSomethingIsThere(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("e"), "x");
        assertEquals(f, InputFiles.existing(f.toString()));
        assertEquals(dir, InputFiles.existing(dir.toString()));
        assertNull(InputFiles.existing(dir.resolve("nothing").toString()));
        assertNull(InputFiles.existing(""));
        assertNull(InputFiles.existing("a\u0000b"), "not a valid path");
        assertEquals(Path.of("/dev/null"), InputFiles.existing("/dev/null"));
    }

    @Test
    void bytesAreDecodedExactly() {
        assertEquals("h\u00e9", InputFiles.decode("h\u00e9".getBytes(StandardCharsets.UTF_8), "x"));
    }
}
