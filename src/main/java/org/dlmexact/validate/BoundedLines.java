package org.dlmexact.validate;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.dlmexact.exact.InvalidInputException;

/**
 * Reading a line-oriented input file in bounded memory: a regular file only (a folder, device or FIFO
 * is refused before it is opened), at most a given number of bytes, strict UTF-8 (a UTF-8 byte order
 * mark is skipped, UTF-16 and malformed bytes refused), and every line at most a given number of
 * characters, refused as soon as it grows past that, so a huge line is never held. Errors are one
 * line each: {@code io.read}, {@code io.not-regular}, {@code io.too-large}, {@code io.encoding}.
 * (The same contract as the bounded line reader of the input-hardening work; one of the two is to
 * replace the other when both are merged.)
 */
final class BoundedLines {

    /** Receives the lines of a file, numbered from 1, without their line ends. */
    @FunctionalInterface
    interface Consumer {
        void accept(long lineNumber, String line);
    }

    private BoundedLines() {
    }

    /**
     * Calls {@code consumer} for every line of {@code path} (ends {@code \n} or {@code \r\n}; a final
     * line end is optional and makes no extra line). {@code what} names the file in messages.
     */
    static void forEachLine(Path path, String what, long maxBytes, int maxLineChars, Consumer consumer) {
        String name = what + " '" + abbreviate(path.toString()) + "'";
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            throw readError(name, e);
        }
        if (a.isDirectory()) {
            throw new InvalidInputException("io.not-regular", name + " is a folder, not a file");
        }
        if (!a.isRegularFile()) {
            throw new InvalidInputException("io.not-regular", name + " is not a regular file (a device, FIFO or "
                    + "socket); give a file");
        }
        if (a.size() > maxBytes) {
            throw new InvalidInputException("io.too-large", name + " is too large: " + a.size() + " bytes; the limit is "
                    + maxBytes + " bytes");
        }
        try (InputStream raw = Files.newInputStream(path);
             PushbackInputStream in = new PushbackInputStream(raw, 3)) {
            byte[] head = new byte[3];
            int n = in.readNBytes(head, 0, 3);
            if (n >= 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                    || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE))) {
                throw new InvalidInputException("io.encoding", name + " is UTF-16 text (it starts with a UTF-16 byte "
                        + "order mark); save it as UTF-8");
            }
            int skip = n == 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF ? 3 : 0;
            in.unread(head, skip, n - skip);
            Reader r = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
            lines(r, name, maxBytes, maxLineChars, consumer);
        } catch (IOException e) {
            throw readError(name, e);
        }
    }

    /** As {@link #forEachLine(Path, String, long, int, Consumer)} for a reader (no byte limit). */
    static void lines(Reader reader, String name, long maxChars, int maxLineChars, Consumer consumer)
            throws IOException {
        char[] buf = new char[8192];
        StringBuilder line = new StringBuilder();
        long lineNo = 1;
        long total = 0;
        int n;
        try {
            while ((n = reader.read(buf)) > 0) {
                total += n;
                if (total > maxChars) {
                    throw new InvalidInputException("io.too-large", name + " grew past " + maxChars
                            + " characters while read");
                }
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        line.append(buf, from, i - from);
                        check(line, maxLineChars, name, lineNo);
                        if (line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
                            line.setLength(line.length() - 1);
                        }
                        consumer.accept(lineNo++, line.toString());
                        line.setLength(0);
                        from = i + 1;
                    }
                }
                line.append(buf, from, n - from);
                check(line, maxLineChars, name, lineNo);
            }
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("io.encoding", name + " is not UTF-8 text: bytes that are not valid UTF-8"
                    + " at or after line " + lineNo + " (is it a binary file?)");
        }
        if (line.length() > 0) {
            consumer.accept(lineNo, line.toString());
        }
    }

    private static void check(StringBuilder line, int max, String name, long lineNo) {
        // a '\r' before the '\n' does not count
        if (line.length() > max + 1 || (line.length() == max + 1 && line.charAt(max) != '\r')) {
            throw new InvalidInputException("io.too-large", name + ": line " + lineNo + " is longer than " + max
                    + " characters (the longest line this sampler's runs can need)");
        }
    }

    static InvalidInputException readError(String name, IOException e) {
        String why = e instanceof NoSuchFileException ? "it does not exist"
                : e instanceof AccessDeniedException ? "permission denied"
                : e.getMessage() == null ? e.getClass().getSimpleName() : abbreviate(e.getMessage());
        return new InvalidInputException("io.read", "cannot read " + name + ": " + why);
    }

    /** A text cut to 80 characters, control characters shown as {@code ?}. */
    static String abbreviate(String s) {
        String t = s.length() <= 80 ? s : s.substring(0, 77) + "...";
        StringBuilder b = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        return b.toString();
    }
}
