package org.dlmexact.vectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.dlmexact.law.LawJson;
import org.dlmexact.exact.InvalidInputException;

/**
 * The golden vector files: deterministic generation ({@link #generateAll}, {@link #write}) and
 * verification ({@link #verify}: lint, then recompute every case).
 */
public final class Vectors {

    /** Every kind, in file order. */
    public static final List<Kind> KINDS = List.of(new InfoVectors(), new SamplerVectors(), new OutputLawVectors(),
            new BoundsVectors(), new InvalidVectors(), new ProfileVectors());

    /** The results of every case, allowed in {@code result}. */
    public static final Set<String> RESULTS = Set.of("valid", "invalid", "acceptable");

    private Vectors() {
    }

    /** The kind named {@code name}, or null. */
    //@ requires name != null;
    //@ pure
    public static /*@ nullable @*/ Kind kind(String name) {
        for (Kind k : KINDS) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        return null;
    }

    /** File name to canonical text, for every kind. */
    /*@ public normal_behavior
      @   ensures \result.size() == KINDS.size();
      @ pure @*/
    public static Map<String, String> generateAll() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Kind k : KINDS) {
            out.put(k.name() + ".json", CanonicalJson.write(k.generate()));
        }
        return out;
    }

    /**
     * Writes every file into {@code dir} (created if missing), each through a temporary file in the
     * same folder and a move, so that no file is ever half-written. Returns the files written.
     */
    /*@ public normal_behavior
      @   requires dir != null;
      @ also public exceptional_behavior
      @   requires dir != null;
      @   signals_only InvalidInputException;
      @*/
    public static List<Path> write(Path dir) {
        Objects.requireNonNull(dir, "dir");
        Map<String, String> files = generateAll();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InvalidInputException("io.write", "cannot create the folder '" + dir + "': " + e.getMessage());
        }
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path target = dir.resolve(e.getKey());
            writeAtomically(target, e.getValue());
            written.add(target);
        }
        return written;
    }

    /** Writes {@code text} to {@code target} through a temporary file and a move. */
    /*@ public normal_behavior
      @   requires target != null && text != null;
      @ also public exceptional_behavior
      @   requires target != null && text != null;
      @   signals_only InvalidInputException;
      @*/
    public static void writeAtomically(Path target, String text) {
        Path abs = target.toAbsolutePath();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep the default permissions
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new InvalidInputException("io.write", "cannot write '" + target + "': " + e.getMessage());
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temporary file is hidden and named after the target
                }
            }
        }
    }

    /** The outcome of verifying a folder. */
    public static final class Report {
        //@ public invariant files() >= 0 && cases() >= 0;
        private final List<String> problems = new ArrayList<>();
        private final Map<String, Integer> casesPerFile = new LinkedHashMap<>();
        private int cases;

        /** Every problem found, each naming the file, the case and the field. */
        //@ pure
        public List<String> problems() {
            return problems;
        }

        /** Files checked. */
        //@ pure
        public int files() {
            return casesPerFile.size();
        }

        /** Cases recomputed. */
        //@ pure
        public int cases() {
            return cases;
        }

        /** Cases per file, in kind order. */
        //@ pure
        public Map<String, Integer> casesPerFile() {
            return casesPerFile;
        }

        /** Whether nothing is wrong. */
        //@ ensures \result == problems().isEmpty();
        //@ pure
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Lints and recomputes every vector file of {@code dir}. */
    /*@ public normal_behavior
      @   requires dir != null;
      @   ensures \result != null;
      @*/
    public static Report verify(Path dir) {
        Report r = new Report();
        for (Kind k : KINDS) {
            String file = k.name() + ".json";
            Path p = dir.resolve(file);
            if (!Files.isRegularFile(p)) {
                r.problems.add(file + ": missing");
                continue;
            }
            String text;
            try {
                text = Files.readString(p, StandardCharsets.UTF_8);
            } catch (IOException e) {
                r.problems.add(file + ": cannot read: " + e.getMessage());
                continue;
            }
            verifyFile(k, file, text, r);
        }
        return r;
    }

    /** Lints one file's text and recomputes its cases, adding to {@code report}. */
    /*@ public normal_behavior
      @   requires kind != null && file != null && text != null && report != null;
      @*/
    public static void verifyFile(Kind kind, String file, String text, Report report) {
        List<String> problems = report.problems;
        JsonNode root;
        try {
            root = LawJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            problems.add(file + ": not valid JSON: " + e.getOriginalMessage());
            return;
        }
        if (!text.endsWith("\n")) {
            problems.add(file + ": does not end with a newline");
        }
        lint(kind, file, root, problems);
        JsonNode groups = root.path("testGroups");
        int count = 0;
        for (JsonNode g : groups) {
            for (JsonNode t : g.path("tests")) {
                count++;
                String where = file + " tcId " + t.path("tcId").asText("?");
                try {
                    for (String s : kind.verify(g, t)) {
                        problems.add(where + ": " + s);
                    }
                } catch (RuntimeException e) {
                    problems.add(where + ": cannot recompute: " + e);
                }
            }
        }
        report.cases += count;
        report.casesPerFile.put(file, count);
    }

    /** The structural lint of one file (everything but recomputation). */
    /*@ public normal_behavior
      @   requires kind != null && file != null && root != null && problems != null;
      @   assignable problems.*;
      @*/
    public static void lint(Kind kind, String file, JsonNode root, List<String> problems) {
        String schema = VectorFile.schemaOf(kind.name());
        if (!schema.equals(root.path("schema").asText())) {
            problems.add(file + ": schema must be \"" + schema + "\", got " + root.get("schema"));
        }
        for (String f : List.of("generator", "header", "conventions", "numberOfTests", "notes", "testGroups")) {
            if (!root.has(f)) {
                problems.add(file + ": missing top-level field '" + f + "'");
            }
        }
        JsonNode notes = root.path("notes");
        Set<Long> ids = new HashSet<>();
        int count = 0;
        JsonNode groups = root.path("testGroups");
        if (!groups.isArray()) {
            problems.add(file + ": testGroups must be an array");
            return;
        }
        for (int g = 0; g < groups.size(); g++) {
            JsonNode group = groups.get(g);
            String gw = file + " testGroups[" + g + "]";
            if (!group.path("groupId").isTextual()) {
                problems.add(gw + ": missing groupId");
            }
            if (!group.path("tests").isArray()) {
                problems.add(gw + ": tests must be an array");
                continue;
            }
            for (JsonNode t : group.get("tests")) {
                count++;
                String where = file + " tcId " + t.path("tcId").asText("?");
                if (!t.path("tcId").isIntegralNumber()) {
                    problems.add(gw + ": a test has no integer tcId");
                } else if (!ids.add(t.get("tcId").asLong())) {
                    problems.add(where + ": duplicate tcId");
                }
                if (!t.path("comment").isTextual()) {
                    problems.add(where + ": missing comment");
                }
                if (!t.path("flags").isArray()) {
                    problems.add(where + ": flags must be an array");
                } else {
                    for (JsonNode fl : t.get("flags")) {
                        if (!notes.has(fl.asText())) {
                            problems.add(where + ": flag '" + fl.asText() + "' is not explained in notes");
                        }
                    }
                }
                if (!RESULTS.contains(t.path("result").asText())) {
                    problems.add(where + ": result must be valid, invalid or acceptable, got " + t.get("result"));
                }
                Checks.lintQuantities(t, where, problems);
            }
        }
        if (root.path("numberOfTests").asLong(-1) != count) {
            problems.add(file + ": numberOfTests is " + root.get("numberOfTests") + " but the file has " + count
                    + " tests");
        }
    }
}
