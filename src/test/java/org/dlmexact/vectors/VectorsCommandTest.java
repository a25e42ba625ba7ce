package org.dlmexact.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dlmexact.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vectors generate} and {@code vectors verify} through the command line. */
class VectorsCommandTest {

    @Test
    void generateThenVerifyAndExitCodes(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("out");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(out), new PrintWriter(err), "vectors", "generate", "--out",
                dir.toString()), err.toString());
        for (Kind k : Vectors.KINDS) {
            assertTrue(Files.isRegularFile(dir.resolve(k.name() + ".json")), k.name());
        }
        try (var s = Files.list(dir)) {
            assertEquals(Vectors.KINDS.size(), s.count(), "no temporary files are left behind");
        }
        out = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(out), new PrintWriter(err), "vectors", "verify", "--dir",
                dir.toString()), err.toString());
        assertTrue(out.toString().contains("OK: " + Vectors.KINDS.size() + " files"), out.toString());
        Files.delete(dir.resolve("bounds.json"));
        out = new StringWriter();
        assertEquals(1, Main.run(new PrintWriter(out), new PrintWriter(err), "vectors", "verify", "--dir",
                dir.toString()));
        assertTrue(out.toString().contains("FAIL bounds.json: missing"), out.toString());
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "x");
        err = new StringWriter();
        assertEquals(2, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "vectors", "generate",
                "--out", file.toString()));
        assertTrue(err.toString().startsWith("dlm-exact: error: "), err.toString());
        assertEquals("x", Files.readString(file));
        err = new StringWriter();
        assertEquals(2, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "vectors", "verify",
                "--dir", tmp.resolve("nowhere").toString()));
        assertTrue(err.toString().contains("not a folder"), err.toString());
    }
}
