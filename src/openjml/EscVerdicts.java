import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks OpenJML ESC logs (written with {@code --progress}) against the expected verdict of every
 * listed method; the last step of the {@code openjml} Maven profile. Standard library only; run as
 * {@code java EscVerdicts.java VERDICTS LOG...}.
 *
 * <p>VERDICTS lists one method per line as OpenJML names it ({@code org.dlmexact.law.SequenceSpace.index(int[])}),
 * then {@code proved}, {@code invalid} or {@code infeasible}; {@code #} starts a comment. A method
 * is <em>infeasible</em> when a feasibility check reports that a point of it (the end of its
 * preconditions, a return, its exit) cannot be reached: a proof of it would be vacuous. Otherwise
 * it is <em>proved</em> when its proof completes with no warnings, and <em>invalid</em> when the
 * prover reports its assertions invalid, OpenJML's word for a counterexample (not a timeout or an
 * error; for a method that uses a library without specifications it often means a missing library
 * specification rather than a wrong contract). The check fails (exit 1) when a listed method is
 * missing from the logs, when its verdict differs from the expected one (in particular when a
 * deliberately wrong control is proved), when an unlisted method is infeasible, or when a run did
 * not complete.
 */
public final class EscVerdicts {

    private static final Pattern START = Pattern.compile("Starting proof of (\\S+) with prover");
    private static final Pattern DONE = Pattern.compile("Completed proof of (\\S+) with prover \\S+ - ([^\\[]+?)\\s*(\\[.*)?$");
    private static final Pattern FEASIBILITY = Pattern.compile("Feasibility check.* - (.*) : (\\S+)");

    private EscVerdicts() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java EscVerdicts.java VERDICTS LOG...");
            System.exit(2);
        }
        Map<String, String> expected = expected(Path.of(args[0]));
        Map<String, String> got = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            read(Path.of(args[i]), got, problems);
        }
        for (Map.Entry<String, String> g : got.entrySet()) {
            if (g.getValue().startsWith("infeasible") && !expected.containsKey(g.getKey())) {
                problems.add(g.getKey() + ": " + g.getValue() + " (a proof of it would be vacuous)");
            }
        }
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String found = got.get(e.getKey());
            String verdict = found == null ? null : found.replaceAll(" at .*", "");
            if (verdict == null) {
                problems.add(e.getKey() + ": expected " + e.getValue() + ", but it is in no log (not checked)");
            } else if (!verdict.equals(e.getValue())) {
                problems.add(e.getKey() + ": expected " + e.getValue() + ", got " + found
                        + (e.getValue().equals("invalid") && verdict.equals("proved")
                        ? " (a deliberately wrong contract was proved: the setup is vacuous)" : ""));
            }
        }
        System.out.println("OpenJML ESC verdicts (" + got.size() + " methods, " + expected.size() + " with an expected verdict):");
        for (Map.Entry<String, String> g : got.entrySet()) {
            String want = expected.getOrDefault(g.getKey(), "-");
            System.out.printf("  %-10s %-10s %s%n", g.getValue().replaceAll(" at .*", ""), want, g.getKey());
        }
        if (!problems.isEmpty()) {
            System.out.println(problems.size() + " problem(s):");
            problems.forEach(p -> System.out.println("  " + p));
            System.exit(1);
        }
        System.out.println("every expected verdict holds; no unexpected infeasible path");
    }

    /** The expected verdicts, in file order. */
    static Map<String, String> expected(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String s = line.replaceAll("#.*", "").strip();
            if (s.isEmpty()) {
                continue;
            }
            String[] p = s.split("\\s+");
            if (p.length != 2 || !List.of("proved", "invalid", "infeasible").contains(p[1]) || out.put(p[0], p[1]) != null) {
                throw new IllegalArgumentException(file + ": not 'METHOD proved|invalid|infeasible' (or repeated): " + line);
            }
        }
        return out;
    }

    /**
     * Adds each method's verdict in {@code log} to {@code got}: {@code infeasible at 'POINT'},
     * {@code proved}, {@code invalid}, or OpenJML's own word ({@code with warnings} without a
     * counterexample, {@code TIMEOUT}, ...).
     */
    static void read(Path log, Map<String, String> got, List<String> problems) throws IOException {
        if (!Files.isRegularFile(log)) {
            problems.add(log + ": no such log; the run did not happen");
            return;
        }
        String current = null;
        boolean invalid = false;
        String infeasible = null;
        boolean summary = false;
        for (String line : Files.readAllLines(log)) {
            Matcher m = START.matcher(line);
            if (m.find()) {
                current = m.group(1);
                invalid = false;
                infeasible = null;
                continue;
            }
            if (line.contains("Method assertions are INVALID")) {
                invalid = true;
            }
            m = FEASIBILITY.matcher(line);
            if (m.find() && m.group(2).equals("infeasible") && infeasible == null) {
                infeasible = "infeasible at '" + m.group(1) + "'";
            }
            m = DONE.matcher(line);
            if (m.find()) {
                String result = m.group(2);
                String verdict = infeasible != null ? infeasible : result.equals("no warnings") ? "proved"
                        : result.equals("with warnings") && invalid ? "invalid" : result;
                String before = got.put(m.group(1), verdict);
                if (before != null && !before.equals(verdict)) {
                    problems.add(m.group(1) + ": " + before + " in one run, " + verdict + " in another");
                }
                current = null;
            }
            summary |= line.strip().startsWith("Summary:");
        }
        if (!summary) {
            problems.add(log + ": no 'Summary:' line; the run did not complete");
        }
    }
}
