package org.dlmexact.cli;

import static org.dlmexact.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.info.StructuredCurve;
import org.dlmexact.law.Families;
import org.dlmexact.law.LawJson;
import org.dlmexact.sampler.IdealError;
import org.dlmexact.sampler.Schedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code info}, {@code error --closed-form-only} and {@code audit} on structured laws too long to enumerate. */
class StructuredCommandsTest {

    private static final String CHAIN = "markov:48:3/4,1/4;1/3,2/3";

    private static StructuredCurve curve(String spec) {
        return StructuredCurve.of(Families.describe(spec).structure());
    }

    private static void assertBad(CliTest.Run r, String... fragments) {
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        for (String f : fragments) {
            assertTrue(r.err().contains(f), r.err() + " should name " + f);
        }
    }

    @Test
    void infoOfALongChainUsesClosedFormsAndOmitsLongTexts() {
        CliTest.Run r = run("info", "--law", CHAIN, "--digits", "15");
        assertEquals(0, r.code(), r.err());
        StructuredCurve c = curve(CHAIN);
        String[] lines = r.out().split("\\R");
        assertEquals("law " + CHAIN + ": alphabetSize 2, length 48, stationary Markov chain, by closed forms (the 2^48"
                + " outcomes are not enumerated) (nats)", lines[0]);
        assertEquals(2 + 4 + 48 + 48, lines.length);
        assertTrue(lines[2].startsWith("H(X) "));
        assertTrue(lines[2].endsWith(c.entropy().toString()), "a short exact text is printed: " + lines[2]);
        assertTrue(lines[2].contains(c.entropy().toDecimal(15)));
        Matcher m = Pattern.compile("^Z_24 +(\\S+) +\\(exact text omitted: (\\d+) atoms; --exact prints it\\)$")
                .matcher(lines[2 + 4 + 23]);
        assertTrue(m.matches(), lines[2 + 4 + 23]);
        assertEquals(c.z(24).toDecimal(15), m.group(1));
        assertEquals(c.z(24).symbolicAtomCount(), Integer.parseInt(m.group(2)));
    }

    @Test
    void infoExactPrintsEveryTextAndJsonMarksOmissions() throws Exception {
        CliTest.Run r = run("info", "--law", "markov:12:3/4,1/4;1/3,2/3", "--digits", "5", "--json", "--exact");
        assertEquals(0, r.code(), r.err());
        JsonNode root = LawJson.mapper().readTree(r.out());
        StructuredCurve c = curve("markov:12:3/4,1/4;1/3,2/3");
        assertEquals(12, root.get("length").intValue());
        assertTrue(root.get("source") == null, "L = 12 is enumerated");
        CliTest.Run longRun = run("info", "--law", CHAIN, "--json", "--digits", "5");
        JsonNode big = LawJson.mapper().readTree(longRun.out());
        assertEquals("closed-form", big.get("source").textValue());
        JsonNode z = big.get("informationCurve").get(30);
        assertTrue(z.get("exact").isNull());
        assertEquals(curve(CHAIN).z(31).symbolicAtomCount(), z.get("atoms").intValue());
        assertEquals(curve(CHAIN).z(31).toDecimal(5), z.get("decimal").textValue());
        CliTest.Run exact = run("info", "--law", CHAIN, "--json", "--digits", "5", "--exact");
        assertEquals(0, exact.code(), exact.err());
        JsonNode full = LawJson.mapper().readTree(exact.out());
        ExactReal back = ExactReal.parse(full.get("informationCurve").get(30).get("exact").textValue());
        assertEquals(curve(CHAIN).z(31), back);
        assertTrue(c.z(5).equals(ExactReal.parse(root.get("informationCurve").get(4).get("exact").textValue())));
    }

    @Test
    void exactIsRefusedWhenTheTextIsTooLarge() {
        assertBad(run("info", "--law", "markov:700:3/4,1/4;1/3,2/3", "--exact"), "--exact", "atoms", "800");
    }

    @Test
    void closedFormOnlyErrorOfALongChain() throws Exception {
        CliTest.Run r = run("error", "--law", CHAIN, "--schedule", "balanced:6;balanced:48", "--closed-form-only",
                "--digits", "12");
        // ';' is not a schedule list for error: one schedule only
        assertEquals(2, r.code());
        CliTest.Run ok = run("error", "--law", CHAIN, "--schedule", "balanced:6", "--closed-form-only", "--digits", "12");
        assertEquals(0, ok.code(), ok.err());
        ExactReal ideal = IdealError.closedForm(curve(CHAIN), Schedule.balanced(48, 6));
        assertTrue(ok.out().contains(ideal.toDecimal(12)), ok.out());
        assertTrue(ok.out().startsWith("law " + CHAIN + ": alphabetSize 2, length 48, stationary Markov chain"));
        assertTrue(ok.out().contains("brute force skipped (--closed-form-only)"));
        CliTest.Run json = run("error", "--law", CHAIN, "--schedule", "balanced:6", "--closed-form-only", "--json");
        JsonNode n = LawJson.mapper().readTree(json.out());
        assertEquals("skipped", n.get("bruteForce").textValue());
        assertEquals(ideal.toDecimal(20), n.get("idealError").get("decimal").textValue());
        assertBad(run("error", "--law", CHAIN, "--schedule", "balanced:6", "--closed-form-only", "--predictor",
                "smoothed:1/2"), "optimal predictor", "2^48");
        assertBad(run("error", "--law", CHAIN, "--schedule", "balanced:6"), "V^L");
        // the random-order sampler named by --sampler is the same schedule; any other sampler needs the table
        CliTest.Run named = run("error", "--law", CHAIN, "--sampler", "random-order:balanced:6", "--closed-form-only",
                "--digits", "12");
        assertEquals(ok.out(), named.out(), named.err());
        assertBad(run("error", "--law", CHAIN, "--rule", "top-probability:balanced:6", "--closed-form-only"),
                "V^L", "281474976710656");
    }

    @Test
    void auditOfALongChainSkipsWhatNeedsTheLaw(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("a.svg");
        CliTest.Run r = run("audit", "--law", "markov:30:3/4,1/4;1/3,2/3", "--digits", "6", "--plot", svg.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("closed forms (no enumeration): path error = Ideal(k)"));
        assertTrue(r.out().contains("skipped checks:"));
        assertTrue(r.out().contains("  output-le-path (schedule): needs the output law nu"));
        assertTrue(r.out().contains("  li-cai-recursion (law): enumerates all 2^(L-1) compositions"));
        assertTrue(r.out().contains("1x30"), "long schedules are run-length encoded");
        String plot = Files.readString(svg);
        assertFalse(plot.contains("id=\"output-error\" stroke=\"#2ca02c\" fill=\"#2ca02c\">\n<desc>output error KL(mu||nu)</desc>\n<circle"),
                "no output-error points");
        assertTrue(plot.contains(">30</text>"), "the last T is a tick");
        assertTrue(plot.contains(">10</text>") && plot.contains(">20</text>") && !plot.contains(">11</text>"),
                "decade ticks beyond 20 steps");
        assertTrue(plot.contains("output error KL(mu||nu) (skipped)"));
        CliTest.Run json = run("audit", "--law", "markov:30:3/4,1/4;1/3,2/3", "--json", "--schedules", "balanced:5");
        assertEquals(0, json.code(), json.err());
        JsonNode root = LawJson.mapper().readTree(json.out());
        assertEquals("closed-form", root.get("source").textValue());
        assertTrue(root.get("law") == null);
        assertTrue(root.get("rows").get(0).get("outputKL").isNull());
        assertEquals(6, root.get("skipped").size());
        assertBad(run("audit", "--law", "markov:30:3/4,1/4;1/3,2/3", "--predictor", "smoothed:1/2"), "optimal predictor");
        assertBad(run("audit", "--law", "parity:3000"), "L^3/6", "2048");
        // a sampler's output law is a law over the V^L outcomes; the closed-form audit takes none
        assertBad(run("audit", "--law", "markov:30:3/4,1/4;1/3,2/3", "--sampler", "random-order:balanced:5"),
                "--sampler", "2^30 outcomes");
    }

    @Test
    void smallAuditsListNothingSkipped() throws Exception {
        CliTest.Run json = run("audit", "--law", "pairs:4", "--json", "--digits", "4");
        JsonNode root = LawJson.mapper().readTree(json.out());
        assertEquals(0, root.get("skipped").size());
        assertTrue(root.get("law").isObject());
        assertTrue(root.get("source") == null);
    }
}
