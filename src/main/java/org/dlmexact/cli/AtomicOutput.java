package org.dlmexact.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.dlmexact.exact.InvalidInputException;

/**
 * An output file written atomically: a temporary file in the target's folder, moved into place by
 * {@link #commit()}; closing without a commit deletes the temporary file, so an error leaves nothing
 * behind (SPEC section 5.4). {@code option} names the option in messages.
 */
final class AtomicOutput implements AutoCloseable {

    private final Path target;
    private final Path tmp;
    private final String option;
    private final BufferedWriter writer;
    private boolean committed;

    private AtomicOutput(Path target, Path tmp, String option, BufferedWriter writer) {
        this.target = target;
        this.tmp = tmp;
        this.option = option;
        this.writer = writer;
    }

    /** Checks the target (its folder exists, it is no folder) and opens the temporary file. */
    static AtomicOutput open(Path file, String option) {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InvalidInputException("io.write", option + " '" + file + "': folder " + dir + " does not exist");
        }
        if (Files.isDirectory(target)) {
            throw new InvalidInputException("io.write", option + " '" + file + "' is a folder, not a file");
        }
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            throw new InvalidInputException("io.write", option + " '" + file + "': cannot create a temporary file in "
                    + dir + ": " + e.getMessage());
        }
        try {
            return new AtomicOutput(target, tmp, option, Files.newBufferedWriter(tmp, StandardCharsets.UTF_8));
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new InvalidInputException("io.write", option + " '" + file + "': cannot write: " + e.getMessage());
        }
    }

    Writer writer() {
        return writer;
    }

    /** Closes the temporary file and moves it into place. */
    void commit() {
        try {
            writer.close();
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        } catch (IOException e) {
            throw new InvalidInputException("io.write", option + " '" + target + "': cannot write: " + e.getMessage());
        }
    }

    /** Removes the temporary file unless committed. */
    @Override
    public void close() {
        if (!committed) {
            try {
                writer.close();
            } catch (IOException e) {
                // the file is deleted next
            }
            deleteQuietly(tmp);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // nothing more to do
        }
    }
}
