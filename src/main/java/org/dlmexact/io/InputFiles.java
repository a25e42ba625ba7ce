package org.dlmexact.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import org.dlmexact.exact.Echo;
import org.dlmexact.exact.InvalidInputException;

/**
 * Reading input files safely (SPEC §4, "Input files"): only regular files (a symbolic link is
 * followed), at most a given number of bytes, strict UTF-8, lines of bounded length, and every
 * failure as one line in the user's words ({@code io.read}, {@code io.not-regular},
 * {@code io.too-large}, {@code io.encoding}). A device such as {@code /dev/zero}, a FIFO or a
 * folder is refused before it is opened, so nothing blocks and nothing is read without bound.
 */
public final class InputFiles {

    /** Largest JSON input file (law, predictor table, results), in bytes: 256 MiB. */
    public static final long MAX_JSON_BYTES = 256L << 20;
    /** Largest golden vector file read by {@code vectors verify} and {@code validate values}: 16 MiB. */
    public static final long MAX_VECTOR_BYTES = 16L << 20;
    /** Largest samples file, in bytes: 1 GiB. */
    public static final long MAX_SAMPLES_BYTES = 1L << 30;
    /** Longest line of a line-oriented file (samples), in characters. */
    public static final int MAX_LINE_CHARS = 4096;

    private InputFiles() {
    }

    /**
     * The path named by {@code text} when something exists there (a file, a folder, a device...),
     * else {@code null}; a text that is no valid path (a NUL character, say) names nothing.
     */
    /*@ public normal_behavior
      @   requires text != null;
      @ pure @*/
    public static /*@ nullable @*/ Path existing(String text) {
        try {
            Path p = Path.of(text);
            return text.isEmpty() || !Files.exists(p) ? null : p;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** Receives the lines of a file, numbered from 1, without their line ends. */
    @FunctionalInterface
    public interface LineConsumer {
        //@ requires lineNumber >= 1 && line != null;
        void accept(long lineNumber, String line);
    }

    /**
     * Checks that {@code path} names a regular file (after following symbolic links) of at most
     * {@code maxBytes} bytes and returns its size. {@code what} names it in messages, for
     * example {@code "--samples"} or {@code "law file"}.
     */
    /*@ public behavior
      @   requires path != null && what != null && maxBytes >= 0;
      @   ensures 0 <= \result && \result <= maxBytes;
      @   signals_only InvalidInputException;
      @*/
    public static long checkRegular(Path path, String what, long maxBytes) {
        Objects.requireNonNull(path, "path");
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            throw readError(path, what, e);
        }
        if (a.isDirectory()) {
            throw new InvalidInputException("io.not-regular", what + " " + name(path) + " is a folder, not a file");
        }
        if (!a.isRegularFile()) {
            throw new InvalidInputException("io.not-regular", what + " " + name(path) + " is not a regular file "
                    + "(a device, FIFO or socket); give a file");
        }
        if (a.size() > maxBytes) {
            throw tooLarge(path, what, a.size(), maxBytes);
        }
        return a.size();
    }

    /**
     * Opens a checked regular file ({@link #checkRegular}) for reading; the stream refuses to
     * deliver more than {@code maxBytes} bytes, even if the file grows meanwhile.
     */
    /*@ public behavior
      @   requires path != null && what != null && maxBytes >= 0;
      @   ensures \result != null;
      @   signals_only InvalidInputException;
      @*/
    public static InputStream open(Path path, String what, long maxBytes) {
        checkRegular(path, what, maxBytes);
        InputStream in;
        try {
            in = Files.newInputStream(path);
        } catch (IOException e) {
            throw readError(path, what, e);
        }
        return new Bounded(in, maxBytes);
    }

    /**
     * A reader of the file as strict UTF-8 (a malformed byte sequence is an error, never replaced);
     * a UTF-8 byte order mark is skipped, a UTF-16 one refused ({@code io.encoding}).
     */
    /*@ public behavior
      @   requires path != null && what != null && maxBytes >= 0;
      @   ensures \result != null;
      @   signals_only InvalidInputException;
      @*/
    public static Reader reader(Path path, String what, long maxBytes) {
        PushbackInputStream in = new PushbackInputStream(open(path, what, maxBytes), 3);
        try {
            byte[] head = new byte[3];
            int n = in.readNBytes(head, 0, 3);
            byte[] start = java.util.Arrays.copyOf(head, n);
            if (isUtf16(start)) {
                in.close();
                throw utf16(what + " " + name(path));
            }
            int skip = n == 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF ? 3 : 0;
            in.unread(head, skip, n - skip);
        } catch (IOException e) {
            throw readError(path, what, e);
        }
        return new InputStreamReader(in, strictUtf8());
    }

    private static boolean isUtf16(byte[] b) {
        return b.length >= 2 && ((b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) || (b[0] == (byte) 0xFF && b[1] == (byte) 0xFE));
    }

    private static InvalidInputException utf16(String what) {
        return new InvalidInputException("io.encoding", what + " is UTF-16 text (it starts with a UTF-16 byte order "
                + "mark); save it as UTF-8");
    }

    /** The whole file as text (strict UTF-8; a leading byte order mark is dropped). */
    /*@ public behavior
      @   requires path != null && what != null && maxBytes >= 0 && maxBytes <= Integer.MAX_VALUE - 16;
      @   ensures \result != null;
      @   signals_only InvalidInputException;
      @*/
    public static String readText(Path path, String what, long maxBytes) {
        byte[] bytes;
        try (InputStream in = open(path, what, maxBytes)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw readError(path, what, e);
        }
        return decode(bytes, what + " " + name(path));
    }

    /**
     * Decodes strict UTF-8; {@code what} names the source in the message. A UTF-8 byte order mark
     * is dropped; UTF-16 (recognised by its byte order mark) and any malformed byte sequence are
     * refused ({@code io.encoding}) with the offset of the first bad byte.
     */
    /*@ public behavior
      @   requires bytes != null && what != null;
      @   ensures \result != null;
      @   signals_only InvalidInputException;
      @*/
    public static String decode(byte[] bytes, String what) {
        if (isUtf16(bytes)) {
            throw utf16(what);
        }
        int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF
                ? 3 : 0;
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            CharBuffer out = strictUtf8().decode(in);
            return out.toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("io.encoding", what + " is not UTF-8 text: the bytes at offset "
                    + in.position() + " are not valid UTF-8 (is it a binary file?)");
        }
    }

    /**
     * Calls {@code consumer} for every line of the file (ends {@code \n} or {@code \r\n}; a final
     * line end is optional and makes no extra line). A line longer than {@code maxLineChars}
     * characters is refused ({@code io.too-large}) as soon as it is seen, so a huge line is never
     * held in memory.
     */
    /*@ public behavior
      @   requires path != null && what != null && maxBytes >= 0 && maxLineChars >= 1 && consumer != null;
      @   signals_only InvalidInputException;
      @*/
    public static void forEachLine(Path path, String what, long maxBytes, int maxLineChars, LineConsumer consumer) {
        try (Reader r = reader(path, what, maxBytes)) {
            forEachLine(r, what + " " + name(path), maxLineChars, consumer);
        } catch (IOException e) {
            throw readError(path, what, e);
        }
    }

    /** As {@link #forEachLine(Path, String, long, int, LineConsumer)} for a reader; {@code what} names it. */
    /*@ public behavior
      @   requires reader != null && what != null && maxLineChars >= 1 && consumer != null;
      @   signals_only InvalidInputException, IOException;
      @*/
    public static void forEachLine(Reader reader, String what, int maxLineChars, LineConsumer consumer)
            throws IOException {
        char[] buf = new char[8192];
        StringBuilder line = new StringBuilder();
        long lineNo = 1;
        int n;
        try {
            while ((n = reader.read(buf)) > 0) {
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        line.append(buf, from, i - from);
                        checkLength(line, maxLineChars, what, lineNo);
                        int end = line.length();
                        if (end > 0 && line.charAt(end - 1) == '\r') {
                            line.setLength(end - 1);
                        }
                        consumer.accept(lineNo++, line.toString());
                        line.setLength(0);
                        from = i + 1;
                    }
                }
                line.append(buf, from, n - from);
                checkLength(line, maxLineChars, what, lineNo);
            }
        } catch (CharacterCodingException e) {
            // the decoder reads ahead of the lines, so the line of the bad bytes is not known
            throw new InvalidInputException("io.encoding", what + " is not UTF-8 text: it holds bytes that are not "
                    + "valid UTF-8 (is it a binary file?)");
        }
        if (line.length() > 0) {
            consumer.accept(lineNo, line.toString());
        }
    }

    private static void checkLength(StringBuilder line, int max, String what, long lineNo) {
        // a '\r' before the '\n' does not count
        if (line.length() > max + 1 || (line.length() == max + 1 && line.charAt(max) != '\r')) {
            throw new InvalidInputException("io.too-large", what + ": line " + lineNo + " is longer than " + max
                    + " characters");
        }
    }

    /** An I/O failure in the user's words: what is wrong with which file. */
    /*@ public normal_behavior
      @   requires path != null && what != null && e != null;
      @   ensures \result.code().startsWith("io.");
      @ pure @*/
    public static InvalidInputException readError(Path path, String what, IOException e) {
        if (e instanceof TooLarge) {
            TooLarge t = (TooLarge) e;
            return tooLarge(path, what, -1, t.limit);
        }
        if (e instanceof CharacterCodingException) {
            return new InvalidInputException("io.encoding", what + " " + name(path) + " is not UTF-8 text (is it a "
                    + "binary file?)");
        }
        return new InvalidInputException("io.read", "cannot read " + what + " " + name(path) + ": " + reason(e));
    }

    /** Why a file operation failed, in words: {@code does not exist}, {@code permission denied}, ... */
    /*@ public normal_behavior
      @   requires e != null;
      @   ensures \result != null;
      @ pure @*/
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "it does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is not a folder";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return Echo.of(((FileSystemException) e).getReason());
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : Echo.of(e.getMessage());
    }

    /** A path as shown in messages: quoted and cut. */
    /*@ public normal_behavior
      @   requires path != null;
      @   ensures \result != null;
      @ pure @*/
    public static String name(Path path) {
        return Echo.quoted(path.toString());
    }

    private static InvalidInputException tooLarge(Path path, String what, long size, long limit) {
        return new InvalidInputException("io.too-large", what + " " + name(path) + " is too large: "
                + (size >= 0 ? size + " bytes" : "more than " + limit + " bytes (it grew while read)") + "; the limit is "
                + limit
                + " bytes");
    }

    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Raised by {@link Bounded} past its limit. */
    private static final class TooLarge extends IOException {
        final long limit;

        TooLarge(long limit) {
            super("more than " + limit + " bytes");
            this.limit = limit;
        }
    }

    /** A stream that fails once more than {@code limit} bytes have been read. */
    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        /*@ also public behavior
          @   signals_only IOException;
          @*/
        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        /*@ also public behavior
          @   requires b != null && 0 <= off && 0 <= len && off + len <= b.length;
          @   signals_only IOException;
          @*/
        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > limit) {
                throw new TooLarge(limit);
            }
        }
    }
}
