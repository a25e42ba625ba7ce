package org.dlmexact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The last step of the {@code openjml} profile, {@code src/openjml/EscVerdicts.java}, run as the
 * profile runs it on logs in OpenJML's {@code --progress} format: it passes a run in which every
 * expected verdict holds, and fails when one wrong control is proved while the others are refuted,
 * when a listed method is not proved or is missing, when a feasibility check finds an infeasible
 * path, or when a run did not complete.
 */
class EscVerdictsTest {

    @TempDir
    static Path classes;

    /** Compiled once here; the profile runs the same source with the source launcher. */
    @BeforeAll
    static void compile() {
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                Path.of("src", "openjml", "EscVerdicts.java").toString()));
    }

    private static List<String> command() {
        return new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classes.toString(), "EscVerdicts"));
    }

    private static final String VERDICTS = String.join("\n",
            "# comment",
            "p.C.wrongA(int)  invalid",
            "p.C.wrongB(int)  invalid   # trailing comment",
            "p.C.right(int)  proved",
            "p.C.vacuous(int)  infeasible",
            "");

    private static String proof(String method, String result, boolean invalid, String... feasibility) {
        StringBuilder sb = new StringBuilder("Starting proof of " + method + " with prover z3_4_8\n");
        if (invalid) {
            sb.append(method.replaceAll("\\(.*", "")).append(" Method assertions are INVALID\n");
            sb.append("C.java:3: verify: The prover cannot establish an assertion (Postcondition: C.java:2:)\n");
        }
        for (String f : feasibility) {
            sb.append("C.java:2:Feasibility check #1 - ").append(f).append(" [0.01 secs]\n");
        }
        sb.append("Completed proof of ").append(method).append(" with prover z3_4_8 - ").append(result)
                .append(" [1.20 secs]\n");
        return sb.toString();
    }

    private static final String SUMMARY = "Summary:\n  Valid:        1\n";

    private static String good() {
        return proof("p.C.wrongA(int)", "with warnings", true)
                + proof("p.C.wrongB(int)", "with warnings", true)
                + proof("p.C.right(int)", "no warnings", false, "end of preconditions : OK", "at program exit : OK")
                + proof("p.C.vacuous(int)", "INFEASIBLE", false, "end of preconditions : OK",
                        "at return statement : infeasible", "at program exit : infeasible")
                + proof("p.C.other()", "UNKNOWN", false) + SUMMARY;
    }

    private record Run(int exit, String output) {
    }

    private static Run run(Path dir, String... logs) throws IOException, InterruptedException {
        Path verdicts = Files.writeString(dir.resolve("verdicts.txt"), VERDICTS);
        List<String> cmd = command();
        cmd.add(verdicts.toString());
        for (int i = 0; i < logs.length; i++) {
            cmd.add(Files.writeString(dir.resolve("run" + i + ".log"), logs[i]).toString());
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "EscVerdicts did not finish");
        return new Run(p.exitValue(), out);
    }

    @Test
    void passesWhenEveryExpectedVerdictHolds(@TempDir Path dir) throws Exception {
        Run r = run(dir, good());
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("invalid    invalid    p.C.wrongA(int)"), r.output());
        assertTrue(r.output().contains("infeasible infeasible p.C.vacuous(int)"), r.output());
        assertTrue(r.output().contains("UNKNOWN    -          p.C.other()"), r.output());
    }

    @Test
    void failsWhenOneWrongControlIsProvedAndTheOthersAreNot(@TempDir Path dir) throws Exception {
        String log = good().replace(proof("p.C.wrongB(int)", "with warnings", true),
                proof("p.C.wrongB(int)", "no warnings", false));
        Run r = run(dir, log);
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("p.C.wrongB(int): expected invalid, got proved (a deliberately wrong contract"
                + " was proved"), r.output());
    }

    @Test
    void failsWhenAWrongControlIsNotProvedForAnotherReason(@TempDir Path dir) throws Exception {
        // a timeout is not a counterexample: the control would show nothing
        Run r = run(dir, good().replace(proof("p.C.wrongA(int)", "with warnings", true),
                proof("p.C.wrongA(int)", "TIMEOUT", false)));
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("p.C.wrongA(int): expected invalid, got TIMEOUT"), r.output());
    }

    @Test
    void failsWhenAListedMethodIsNotProved(@TempDir Path dir) throws Exception {
        Run r = run(dir, good().replace(proof("p.C.right(int)", "no warnings", false, "end of preconditions : OK",
                "at program exit : OK"), proof("p.C.right(int)", "with warnings", true)));
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("p.C.right(int): expected proved, got invalid"), r.output());
    }

    @Test
    void failsOnAnInfeasiblePathOfAListedMethod(@TempDir Path dir) throws Exception {
        // OpenJML can print "no warnings" for a method with an infeasible return: the check reads the path
        Run r = run(dir, good().replace("at program exit : OK", "at program exit : infeasible"));
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("p.C.right(int): expected proved, got infeasible at 'at program exit'"),
                r.output());
    }

    @Test
    void failsOnAnInfeasiblePathOfAnUnlistedMethod(@TempDir Path dir) throws Exception {
        Run r = run(dir, good().replace(proof("p.C.other()", "UNKNOWN", false),
                proof("p.C.other()", "no warnings", false, "end of preconditions : infeasible")));
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("p.C.other(): infeasible at 'end of preconditions' (a proof of it would be vacuous)"),
                r.output());
    }

    @Test
    void failsWhenTheVacuousControlIsProved(@TempDir Path dir) throws Exception {
        // the run without feasibility checks: the false postcondition after the overlapping call is "proved"
        Run r = run(dir, good().replace(proof("p.C.vacuous(int)", "INFEASIBLE", false, "end of preconditions : OK",
                "at return statement : infeasible", "at program exit : infeasible"), proof("p.C.vacuous(int)", "no warnings", false)));
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("p.C.vacuous(int): expected infeasible, got proved"), r.output());
    }

    @Test
    void failsWhenAListedMethodIsInNoLog(@TempDir Path dir) throws Exception {
        Run r = run(dir, good().replace(proof("p.C.wrongA(int)", "with warnings", true), ""));
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("p.C.wrongA(int): expected invalid, but it is in no log"), r.output());
    }

    @Test
    void failsWhenALogIsMissing(@TempDir Path dir) throws Exception {
        Path verdicts = Files.writeString(dir.resolve("verdicts.txt"), VERDICTS);
        Path log = Files.writeString(dir.resolve("run.log"), good());
        List<String> cmd = command();
        cmd.addAll(List.of(verdicts.toString(), log.toString(), dir.resolve("missing.log").toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "EscVerdicts did not finish");
        assertEquals(1, p.exitValue(), out);
        assertTrue(out.contains("missing.log: no such log"), out);
    }

    @Test
    void failsWhenARunDidNotComplete(@TempDir Path dir) throws Exception {
        Run r = run(dir, good(), proof("p.C.other()", "UNKNOWN", false));
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("no 'Summary:' line"), r.output());
    }
}
