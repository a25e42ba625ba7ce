package org.dlmexact.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dlmexact.exact.Echo;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.vectors.Vectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vectors generate} and {@code vectors verify}. */
@Command(name = "vectors", mixinStandardHelpOptions = true,
        description = "Golden test vectors (Wycheproof style): regenerate them deterministically or verify a folder.",
        subcommands = {VectorsCommand.Generate.class, VectorsCommand.Verify.class})
final class VectorsCommand implements Runnable {

    /** The default folder, relative to the working directory. */
    static final String DEFAULT_DIR = "test-vectors";

    @Spec
    /*@ nullable @*/ CommandSpec spec; // injected by picocli after construction

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Regenerate every vector file (fixed seeds, canonical formatting) into DIR; each file is "
                    + "written to a temporary file and moved into place.")
    static final class Generate implements Callable<Integer> {

        @Option(names = "--out", paramLabel = "DIR", defaultValue = DEFAULT_DIR,
                description = "Output folder (default ${DEFAULT-VALUE}; created if missing).")
        /*@ nullable @*/ Path out; // set by picocli

        @Spec
        /*@ nullable @*/ CommandSpec spec; // injected by picocli after construction

        @Override
        public Integer call() {
            if (Files.exists(out) && !Files.isDirectory(out)) {
                throw new InvalidInputException("io.write", "--out " + Echo.quoted(out.toString()) + " is a file, not a folder");
            }
            List<Path> written = Vectors.write(out);
            PrintWriter w = spec.commandLine().getOut();
            for (Path p : written) {
                try {
                    w.println("wrote " + p + " (" + Files.size(p) + " bytes)");
                } catch (java.io.IOException e) {
                    w.println("wrote " + p);
                }
            }
            w.flush();
            return 0;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Lint every vector file of DIR (schema name, unique ids, numberOfTests, flags explained in "
                    + "notes, exact text canonical, decimal = exact value rounded to 30 digits, float64 = nearest "
                    + "double), recompute every case exactly, and compare each whole file with the file the generator "
                    + "makes (every field: tolerances, tcIds, results, comments, deleted cases). Exit 0 when all is "
                    + "well, 1 otherwise.")
    static final class Verify implements Callable<Integer> {

        @Option(names = "--dir", paramLabel = "DIR", defaultValue = DEFAULT_DIR,
                description = "Folder with the vector files (default ${DEFAULT-VALUE}).")
        /*@ nullable @*/ Path dir; // set by picocli

        @Spec
        /*@ nullable @*/ CommandSpec spec; // injected by picocli after construction

        @Override
        public Integer call() {
            if (!Files.isDirectory(dir)) {
                throw new InvalidInputException("io.read", "--dir " + Echo.quoted(dir.toString()) + " is not a folder");
            }
            Vectors.Report r = Vectors.verify(dir);
            PrintWriter w = spec.commandLine().getOut();
            for (String p : r.problems()) {
                w.println("FAIL " + p);
            }
            for (Map.Entry<String, Integer> e : r.casesPerFile().entrySet()) {
                w.println("checked " + e.getKey() + ": " + e.getValue() + " cases");
            }
            w.println((r.ok() ? "OK" : "FAILED") + ": " + r.files() + " files, " + r.cases() + " cases, "
                    + r.problems().size() + " problems");
            w.flush();
            return r.ok() ? 0 : 1;
        }
    }
}
