package org.dlmexact.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.dlmexact.exact.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link OutputFiles}: all files of a run or none, never over a non-regular file, modes kept. */
class OutputFilesTest {

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void filesAppearOnlyAtCommit(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.txt");
        Path b = dir.resolve("b.txt");
        int before = OutputFiles.pending();
        try (OutputFiles out = OutputFiles.begin()) {
            out.write(a, "--a", "alpha\n");
            Writer w = out.writer(b, "--b");
            w.write("beta\n");
            assertEquals(before + 2, OutputFiles.pending());
            assertFalse(Files.exists(a) || Files.exists(b), "nothing in place before the commit");
            assertEquals(2, names(dir).size(), "two temporaries");
            assertTrue(names(dir).stream().allMatch(n -> n.startsWith(".") && n.endsWith(".tmp")), names(dir).toString());
            out.commit();
        }
        assertEquals(List.of("a.txt", "b.txt"), names(dir));
        assertEquals("alpha\n", Files.readString(a));
        assertEquals("beta\n", Files.readString(b));
        assertEquals(before, OutputFiles.pending());
    }

    @Test
    void aRunThatFailsLeavesNothing(@TempDir Path dir) throws IOException {
        try (OutputFiles out = OutputFiles.begin()) {
            out.write(dir.resolve("a.txt"), "--a", "alpha\n");
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> out.write(dir.resolve("missing").resolve("b.txt"), "--b", "beta"));
            assertEquals("io.write", e.code());
            assertEquals("cannot write --b '" + dir.resolve("missing").resolve("b.txt") + "': the folder '"
                    + dir.resolve("missing") + "' does not exist", e.getMessage());
        }
        assertEquals(List.of(), names(dir));
    }

    @Test
    void nonRegularTargetsAreRefused(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectory(dir.resolve("folder"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), dir.resolve("nowhere"));
        Path file = Files.writeString(dir.resolve("file"), "x");
        try (OutputFiles out = OutputFiles.begin()) {
            assertEquals("cannot write --o '" + folder + "': it exists and is a folder; only a regular file is replaced",
                    assertThrows(InvalidInputException.class, () -> out.writer(folder, "--o")).getMessage());
            assertTrue(assertThrows(InvalidInputException.class, () -> out.writer(link, "--o")).getMessage()
                    .endsWith("it exists and is a symbolic link; only a regular file is replaced"));
            assertTrue(assertThrows(InvalidInputException.class, () -> out.writer(Path.of("/dev/null"), "--o"))
                    .getMessage().endsWith("it exists and is not a regular file (a device, FIFO or socket); only a "
                            + "regular file is replaced"));
            assertTrue(assertThrows(InvalidInputException.class, () -> out.writer(file.resolve("x"), "--o"))
                    .getMessage().endsWith("is not a folder"));
            out.writer(file, "--o");
            assertTrue(assertThrows(InvalidInputException.class, () -> out.writer(dir.resolve(".").resolve("file"), "--p"))
                    .getMessage().endsWith("names a file this run already writes"));
        }
        assertTrue(Files.isSymbolicLink(link) && Files.isDirectory(folder));
        assertEquals("x", Files.readString(file), "a closed run does not touch an existing file");
    }

    @Test
    void aTargetThatChangesBeforeTheCommitIsRefused(@TempDir Path dir) throws IOException {
        Path t = dir.resolve("t");
        try (OutputFiles out = OutputFiles.begin()) {
            out.write(t, "--t", "x");
            Files.createDirectory(t);
            assertEquals("io.write", assertThrows(InvalidInputException.class, out::commit).code());
        }
        assertEquals(List.of("t"), names(dir));
        assertTrue(Files.isDirectory(t));
    }

    @Test
    void modes(@TempDir Path dir) throws IOException {
        Path probe = Files.createFile(dir.resolve("probe"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-rw-")));
        var umaskAllows = Files.getPosixFilePermissions(probe);
        var expected = PosixFilePermissions.fromString("rw-r--r--");
        expected.retainAll(umaskAllows);
        Path fresh = dir.resolve("fresh");
        Path old = Files.writeString(dir.resolve("old"), "old");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rwx------"));
        try (OutputFiles out = OutputFiles.begin()) {
            out.write(fresh, "--f", "new");
            out.write(old, "--o", "new");
            out.commit();
        }
        assertEquals(expected, Files.getPosixFilePermissions(fresh));
        assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(old));
        assertEquals("new", Files.readString(old));
    }

    @Test
    void scratchFilesAreRemovedAtCommitAndClose() throws IOException {
        Path kept;
        try (OutputFiles out = OutputFiles.begin()) {
            kept = out.scratch();
            assertTrue(Files.exists(kept));
            out.commit();
            assertFalse(Files.exists(kept));
        }
        try (OutputFiles out = OutputFiles.begin()) {
            kept = out.scratch();
        }
        assertFalse(Files.exists(kept));
    }

    @Test
    void theShutdownHookRemovesPendingTemporaries(@TempDir Path dir) throws IOException {
        OutputFiles out = OutputFiles.begin();
        out.write(dir.resolve("a.txt"), "--a", "alpha");
        assertEquals(1, names(dir).size());
        OutputFiles.removePending(); // what the hook runs on SIGTERM
        assertEquals(List.of(), names(dir));
        assertEquals(0, OutputFiles.pending());
        out.close();
    }

    @Test
    void writeFailuresNameTheFile() {
        InvalidInputException e = OutputFiles.writeFailure(Path.of("/x/y"), "--out", new IOException("No space left"));
        assertEquals("io.write", e.code());
        assertEquals("cannot write --out '/x/y': No space left", e.getMessage());
        assertEquals("cannot write --out '/x/y': the folder '/x' is not writable (permission denied)",
                OutputFiles.writeFailure(Path.of("/x/y"), "--out", new java.nio.file.AccessDeniedException("/x/y"))
                        .getMessage());
        assertEquals("cannot write --out '/x/y': cannot create a file in the folder '/x'",
                OutputFiles.writeFailure(Path.of("/x/y"), "--out", new java.nio.file.NoSuchFileException("/x/y"))
                        .getMessage());
    }

    @Test
    void aCommittedRunTakesNoMoreFiles(@TempDir Path dir) {
        try (OutputFiles out = OutputFiles.begin()) {
            out.commit();
            assertThrows(IllegalStateException.class, () -> out.writer(dir.resolve("late"), "--l"));
        }
    }
}
