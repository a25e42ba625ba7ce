package org.dlmexact.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.dlmexact.exact.Echo;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.io.InputFiles;
import org.dlmexact.io.JsonInput;
import org.dlmexact.io.OutputFiles;

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
     * Writes every file into {@code dir} (created if missing): all of them into temporary files in
     * {@code dir} first, then all moved into place ({@link OutputFiles}), so that no file is ever
     * half-written and a failure leaves the folder as it was. Returns the files written.
     */
    /*@ public behavior
      @   requires dir != null;
      @   signals_only InvalidInputException;
      @*/
    public static List<Path> write(Path dir) {
        Objects.requireNonNull(dir, "dir");
        Map<String, String> files = generateAll();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InvalidInputException("io.write", "cannot create the folder " + InputFiles.name(dir) + ": "
                    + InputFiles.reason(e));
        }
        List<Path> written = new ArrayList<>();
        try (OutputFiles out = OutputFiles.begin()) {
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path target = dir.resolve(e.getKey());
                out.write(target, "vector file", e.getValue());
                written.add(target);
            }
            out.commit();
        }
        return written;
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

    /**
     * Verifies every vector file of {@code dir}: lints it, recomputes every case, and compares the
     * whole file with the file the generator makes in memory ({@link #compareWithGenerated}), so
     * that no field (a tolerance, a tcId, a result, a deleted case) can be changed unnoticed.
     */
    /*@ public normal_behavior
      @   requires dir != null;
      @   ensures \result != null;
      @*/
    public static Report verify(Path dir) {
        return verify(dir, generateAll());
    }

    /** As {@link #verify(Path)} against files already generated ({@link #generateAll}). */
    /*@ public normal_behavior
      @   requires dir != null && generated != null && generated.size() == KINDS.size();
      @   ensures \result != null;
      @*/
    public static Report verify(Path dir, Map<String, String> generated) {
        Report r = new Report();
        for (Kind k : KINDS) {
            String file = k.name() + ".json";
            Path p = dir.resolve(file);
            if (!Files.exists(p)) {
                r.problems.add(file + ": missing");
                continue;
            }
            String text;
            try {
                text = InputFiles.readText(p, "vector file", InputFiles.MAX_VECTOR_BYTES);
            } catch (InvalidInputException e) {
                r.problems.add(file + ": " + e.getMessage());
                continue;
            }
            verifyFile(k, file, text, generated.get(file), r);
        }
        return r;
    }

    /**
     * Adds to {@code problems} every difference of {@code text} from the generated file
     * {@code expected}: field by field (groups matched by groupId, cases by tcId), or, when the
     * JSON is the same, the first line where the text leaves the canonical form.
     */
    /*@ public normal_behavior
      @   requires file != null && text != null && expected != null && problems != null;
      @   assignable problems.*;
      @*/
    public static void compareWithGenerated(String file, String text, String expected, List<String> problems) {
        if (text.equals(expected)) {
            return;
        }
        JsonNode actual;
        try {
            actual = JsonInput.read(JsonInput.ofText(text), JsonInput.MAX_TREE_VALUES);
        } catch (InvalidInputException e) {
            return; // verifyFile has reported the syntax error
        }
        List<String> d = VectorDiff.of(file, actual, JsonInput.read(JsonInput.ofText(expected), JsonInput.MAX_TREE_VALUES));
        if (!d.isEmpty()) {
            problems.addAll(d);
            return;
        }
        String[] a = text.split("\n", -1);
        String[] e = expected.split("\n", -1);
        int line = 0;
        while (line < Math.min(a.length, e.length) && a[line].equals(e[line])) {
            line++;
        }
        problems.add(file + ": the same JSON as the generated file but not in its canonical form (SPEC §8): first "
                + "difference on line " + (line + 1));
    }

    /** Lints one file's text and recomputes every case, adding to {@code report}. */
    /*@ public normal_behavior
      @   requires kind != null && file != null && text != null && report != null;
      @*/
    public static void verifyFile(Kind kind, String file, String text, Report report) {
        verifyFile(kind, file, text, null, report);
    }

    /**
     * Verifies one file against the generated text {@code expected}: lints it, recomputes each case
     * whose inputs are those of the generated case with the same tcId (the others are reported by
     * the comparison, and a foreign case, however large, costs no computation), and compares the
     * whole file ({@link #compareWithGenerated}). With {@code expected} null every case is recomputed.
     */
    /*@ public normal_behavior
      @   requires kind != null && file != null && text != null && report != null;
      @*/
    public static void verifyFile(Kind kind, String file, String text, /*@ nullable @*/ String expected,
                                  Report report) {
        List<String> problems = report.problems;
        JsonNode root;
        try {
            root = JsonInput.read(JsonInput.ofText(text), JsonInput.MAX_TREE_VALUES);
        } catch (InvalidInputException e) {
            problems.add(file + ": " + e.getMessage());
            return;
        }
        if (!text.endsWith("\n")) {
            problems.add(file + ": does not end with a newline");
        }
        lint(kind, file, root, problems);
        Map<JsonNode, JsonNode> generatedCases = expected == null ? null : casesById(expected);
        JsonNode groups = root.path("testGroups");
        int count = 0;
        for (JsonNode g : groups) {
            for (JsonNode t : g.path("tests")) {
                count++;
                if (generatedCases != null && !sameInputs(t, generatedCases.get(t.path("tcId")))) {
                    continue;
                }
                String where = file + " tcId " + Echo.of(t.path("tcId").asText("?"));
                try {
                    for (String s : kind.verify(g, t)) {
                        problems.add(where + ": " + s);
                    }
                } catch (RuntimeException e) {
                    problems.add(where + ": cannot recompute: " + Echo.of(String.valueOf(e.getMessage())));
                }
            }
        }
        report.cases += count;
        report.casesPerFile.put(file, count);
        if (expected != null) {
            compareWithGenerated(file, text, expected, problems);
        }
    }

    private static Map<JsonNode, JsonNode> casesById(String generatedText) {
        Map<JsonNode, JsonNode> m = new java.util.HashMap<>();
        for (JsonNode g : JsonInput.read(JsonInput.ofText(generatedText), JsonInput.MAX_TREE_VALUES).path("testGroups")) {
            for (JsonNode t : g.path("tests")) {
                m.put(t.path("tcId"), t);
            }
        }
        return m;
    }

    /** Whether {@code t} has every field of {@code generated} but its values and verdict (its inputs) unchanged. */
    private static boolean sameInputs(JsonNode t, /*@ nullable @*/ JsonNode generated) {
        if (generated == null || !t.isObject()) {
            return false;
        }
        for (java.util.Iterator<String> it = generated.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("values") && !f.equals("result") && !f.equals("errorCode") && !f.equals("comment")
                    && !f.equals("flags") && !generated.get(f).equals(t.get(f))) {
                return false;
            }
        }
        return true;
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
                            problems.add(where + ": flag " + Echo.quoted(fl.asText()) + " is not explained in notes");
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
