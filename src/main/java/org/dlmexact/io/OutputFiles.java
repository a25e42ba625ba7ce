package org.dlmexact.io;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.dlmexact.exact.InvalidInputException;

/**
 * The output files of one run, written safely (SPEC §4, "Output files"): each file is rendered
 * into a temporary file in its target's folder, and only when every one of them is complete are
 * they all moved into place ({@link #commit}); a run that fails, or is stopped by SIGTERM, leaves
 * no file and no temporary behind ({@link #close}, and a shutdown hook). A target that exists and
 * is not a regular file (a folder, a symbolic link, a device such as {@code /dev/full}, a FIFO) is
 * refused, never replaced. A new file gets mode {@code 0644} (less the umask); a replaced file
 * keeps its mode. Failures are {@code io.write}, one line naming the option, the file and why.
 *
 * <pre>
 * try (OutputFiles files = OutputFiles.begin()) {
 *     files.write(plot, "--plot", svg);
 *     files.write(csv, "--csv", csvText);
 *     files.commit();
 * }
 * </pre>
 */
public final class OutputFiles implements AutoCloseable {

    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();
    private static final Thread CLEANUP = new Thread(OutputFiles::removePending, "dlm-exact output cleanup");
    private static boolean hookInstalled;

    private final Map<Path, Path> staged = new LinkedHashMap<>();
    private final List<Writer> open = new ArrayList<>();
    private boolean committed;

    private OutputFiles() {
    }

    /** Starts the output of one run (installs, once per JVM, the hook that removes temporaries on SIGTERM). */
    /*@ public normal_behavior
      @   ensures \result != null;
      @*/
    public static OutputFiles begin() {
        synchronized (PENDING) {
            if (!hookInstalled) {
                Runtime.getRuntime().addShutdownHook(CLEANUP);
                hookInstalled = true;
            }
        }
        return new OutputFiles();
    }

    /**
     * Checks {@code target} and opens a writer to a new temporary file in its folder; the text
     * reaches {@code target} at {@link #commit}. {@code what} names the option in messages
     * ({@code "--plot"}).
     *
     * @throws InvalidInputException {@code io.write}: the folder is missing or not writable, or the
     *     target exists and is not a regular file
     */
    /*@ public behavior
      @   requires target != null && what != null;
      @   ensures \result != null;
      @   signals_only InvalidInputException;
      @*/
    public Writer writer(Path target, String what) {
        Objects.requireNonNull(target, "target");
        if (committed) {
            throw new IllegalStateException("the files were already committed");
        }
        Path abs = target.toAbsolutePath().normalize();
        if (staged.containsKey(abs)) {
            throw new InvalidInputException("io.write", what + " " + InputFiles.name(target)
                    + " names a file this run already writes");
        }
        Set<PosixFilePermission> mode = checkTarget(abs, target, what);
        Path tmp;
        try {
            tmp = createTemporary(abs, mode);
        } catch (IOException e) {
            throw failure(target, what, abs.getParent(), e);
        }
        PENDING.add(tmp);
        staged.put(abs, tmp);
        try {
            Writer w = new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8);
            open.add(w);
            return w;
        } catch (IOException e) {
            throw failure(target, what, abs.getParent(), e);
        }
    }

    /**
     * A scratch file in the system's temporary folder (mode {@code 0600}), removed at {@link #close}
     * and on SIGTERM: for output that must be complete before any of it is shown.
     */
    /*@ public behavior
      @   ensures \result != null;
      @   signals_only InvalidInputException;
      @*/
    public Path scratch() {
        try {
            Path tmp = Files.createTempFile("dlm-exact-", ".tmp");
            PENDING.add(tmp);
            staged.put(tmp, tmp);
            return tmp;
        } catch (IOException e) {
            throw new InvalidInputException("io.write", "cannot create a temporary file: " + InputFiles.reason(e));
        }
    }

    /** Writes {@code text} as {@code target}'s content ({@link #writer}, then closes the writer). */
    /*@ public behavior
      @   requires target != null && what != null && text != null;
      @   signals_only InvalidInputException;
      @*/
    public void write(Path target, String what, String text) {
        Writer w = writer(target, what);
        try {
            w.write(text);
            w.close();
        } catch (IOException e) {
            throw failure(target, what, target.toAbsolutePath().getParent(), e);
        }
    }

    /**
     * Closes every writer and moves every temporary file into place, in the order they were
     * opened. Each target is checked again just before its move.
     *
     * @throws InvalidInputException {@code io.write} when a file cannot be completed or moved
     */
    /*@ public behavior
      @   assignable this.*;
      @   signals_only InvalidInputException;
      @*/
    public void commit() {
        for (Writer w : open) {
            try {
                w.close();
            } catch (IOException e) {
                throw new InvalidInputException("io.write", "cannot complete an output file: " + InputFiles.reason(e));
            }
        }
        open.clear();
        staged.entrySet().removeIf(e -> {
            if (e.getKey().equals(e.getValue())) { // a scratch file: removed, never moved
                PENDING.remove(e.getValue());
                deleteQuietly(e.getValue());
                return true;
            }
            return false;
        });
        for (Map.Entry<Path, Path> e : staged.entrySet()) {
            checkTarget(e.getKey(), e.getKey(), "output file");
        }
        for (Map.Entry<Path, Path> e : staged.entrySet()) {
            try {
                move(e.getValue(), e.getKey());
            } catch (IOException ex) {
                throw failure(e.getKey(), "output file", e.getKey().getParent(), ex);
            }
            PENDING.remove(e.getValue());
        }
        committed = true;
    }

    /** Removes every temporary file not moved into place (a failed run leaves nothing). */
    /*@ also public normal_behavior
      @   assignable this.*;
      @*/
    @Override
    public void close() {
        for (Writer w : open) {
            try {
                w.close();
            } catch (IOException ignored) {
                // the temporary file is removed below
            }
        }
        open.clear();
        for (Path tmp : staged.values()) {
            if (PENDING.remove(tmp)) {
                deleteQuietly(tmp);
            }
        }
        staged.clear();
    }

    /** The mode a new file gets ({@code 0644}, less the umask) or the existing regular file's mode. */
    private static /*@ nullable @*/ Set<PosixFilePermission> checkTarget(Path abs, Path target, String what) {
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InvalidInputException("io.write", "cannot write " + what + " " + InputFiles.name(target) + ": "
                    + (dir != null && Files.exists(dir) ? "the folder " + InputFiles.name(dir) + " is not a folder"
                    : "the folder " + InputFiles.name(dir == null ? abs : dir) + " does not exist"));
        }
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(abs, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw failure(target, what, dir, e);
        }
        String kind = a.isSymbolicLink() ? "a symbolic link" : a.isDirectory() ? "a folder"
                : a.isOther() ? "not a regular file (a device, FIFO or socket)" : null;
        if (kind != null) {
            throw new InvalidInputException("io.write", "cannot write " + what + " " + InputFiles.name(target)
                    + ": it exists and is " + kind + "; only a regular file is replaced");
        }
        try {
            return Files.getPosixFilePermissions(abs);
        } catch (UnsupportedOperationException | IOException e) {
            return null;
        }
    }

    private static Path createTemporary(Path abs, /*@ nullable @*/ Set<PosixFilePermission> keep) throws IOException {
        Path dir = abs.getParent();
        String prefix = "." + abs.getFileName() + ".";
        Path tmp;
        try {
            FileAttribute<Set<PosixFilePermission>> mode =
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--"));
            tmp = Files.createTempFile(dir, prefix, ".tmp", mode); // the umask applies, as for any new file
        } catch (UnsupportedOperationException e) {
            tmp = Files.createTempFile(dir, prefix, ".tmp");
        }
        if (keep != null) {
            try {
                Files.setPosixFilePermissions(tmp, keep);
            } catch (IOException | RuntimeException e) {
                deleteQuietly(tmp);
                throw e;
            }
        }
        return tmp;
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static InvalidInputException failure(Path target, String what, /*@ nullable @*/ Path dir, IOException e) {
        String why = e instanceof java.nio.file.AccessDeniedException && dir != null
                ? "the folder " + InputFiles.name(dir) + " is not writable (permission denied)"
                : e instanceof NoSuchFileException && dir != null ? "cannot create a file in the folder "
                + InputFiles.name(dir)
                : e instanceof FileAlreadyExistsException ? "it appeared while the run wrote it"
                : InputFiles.reason(e);
        return new InvalidInputException("io.write", "cannot write " + what + " " + InputFiles.name(target) + ": " + why);
    }

    static void removePending() {
        for (Path tmp : PENDING) {
            deleteQuietly(tmp);
        }
        PENDING.clear();
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort: the temporary file is hidden and named after its target
        }
    }

    /** Temporary files of unfinished runs in this JVM (for tests). */
    static int pending() {
        return PENDING.size();
    }

    /** A failure while writing through {@link #writer}, as an {@code io.write} refusal naming the file. */
    /*@ public normal_behavior
      @   requires target != null && what != null && e != null;
      @   ensures \result.code().equals("io.write");
      @ pure @*/
    public static InvalidInputException writeFailure(Path target, String what, IOException e) {
        return failure(target, what, target.toAbsolutePath().getParent(), e);
    }
}
