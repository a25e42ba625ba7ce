package org.dlmexact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.dlmexact.law.Families;
import org.dlmexact.law.LawJson;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.info.InformationProfile;
import org.dlmexact.report.AuditPlot;
import org.dlmexact.sampler.IdealError;
import org.dlmexact.sampler.Schedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The {@code audit} command through {@link Main#run}. */
class AuditCommandTest {

    @Test
    void jsonIsByteIdenticalAcrossRunsAndCarriesEveryField() throws Exception {
        String[] args = {"audit", "--law", "random:2,5,1", "--predictor", "smoothed:1/2", "--json", "--digits", "12"};
        CliTest.Run a = CliTest.run(args);
        CliTest.Run b = CliTest.run(args);
        assertEquals(0, a.code(), a.err());
        assertEquals(a.out(), b.out());
        JsonNode root = LawJson.mapper().readTree(a.out());
        assertEquals("dlm-exact/audit@1", root.get("schema").asText());
        assertEquals(5, root.get("rows").size());
        for (JsonNode row : root.get("rows")) {
            assertTrue(row.get("revealOrder").isArray());
            for (String f : new String[] {"pathAveragedKL", "outputKL", "idealError", "predictorError"}) {
                assertNotNull(row.get(f).get("exact"), f);
                assertNotNull(row.get(f).get("decimal"), f);
            }
            for (JsonNode c : row.get("checks")) {
                for (String f : new String[] {"id", "lhs", "rhs", "relation", "holds", "equality", "source",
                    "confidence", "verdict", "slack", "ratio", "note"}) {
                    assertTrue(c.has(f), "check field " + f);
                }
                assertTrue(c.get("holds").asBoolean(), c.toString());
            }
        }
        assertEquals(0, root.get("summary").get("mustHoldFailures").asInt());
        assertTrue(root.get("lawChecks").size() > 10);
    }

    @Test
    void exactStringsParseBackToTheClosedForm() throws Exception {
        CliTest.Run r = CliTest.run("audit", "--law", "pairs:4", "--json", "--schedules", "2,2;1,3;all");
        assertEquals(0, r.code(), r.err());
        JsonNode root = LawJson.mapper().readTree(r.out());
        InformationProfile info = InformationProfile.of(Families.pairs(4));
        assertEquals(2 + 8, root.get("rows").size());
        for (JsonNode row : root.get("rows")) {
            int[] k = new int[row.get("revealOrder").size()];
            for (int i = 0; i < k.length; i++) {
                k[i] = row.get("revealOrder").get(i).asInt();
            }
            ExactReal path = ExactReal.parse(row.get("pathAveragedKL").get("exact").asText());
            assertEquals(IdealError.closedForm(info, Schedule.of(4, k)), path);
        }
    }

    @Test
    void theorem1EqualityIsReportedOnTheRepetitionCode() throws Exception {
        CliTest.Run r = CliTest.run("audit", "--law", "repetition:2,4", "--json");
        assertEquals(0, r.code(), r.err());
        Set<String> eq = new HashSet<>();
        LawJson.mapper().readTree(r.out()).get("summary").get("theorem1Equality").forEach(n -> eq.add(n.asText()));
        // balanced schedules of L = 4: [4], [2,2], [2,1,1], [1,1,1,1]; k_1 = s_max = power of two for all four
        assertEquals(Set.of("4", "2,2", "2,1,1", "1,1,1,1"), eq);
    }

    @Test
    void plotIsWellFormedAndHasEverySeries(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("audit.svg");
        Path csv = dir.resolve("audit.csv");
        CliTest.Run r = CliTest.run("audit", "--law", "markov:5:1/2,1/2;1/4,3/4", "--plot", svg.toString(),
                "--csv", csv.toString(), "--digits", "6");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("checks of paper and derived statements hold"), r.out());
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        Set<String> ids = new HashSet<>();
        NodeList groups = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            ids.add(((Element) groups.item(i)).getAttribute("id"));
        }
        for (String s : AuditPlot.SERIES) {
            assertTrue(ids.contains(s), "series " + s);
            assertTrue(ids.contains("legend-" + s), "legend " + s);
        }
        // tooltips carry exact values
        assertTrue(Files.readString(svg).contains("*ln("));
        java.util.List<String> lines = Files.readAllLines(csv);
        assertEquals("steps,revealOrder,check,source,confidence,relation,lhs,rhs,verdict,slack,ratio", lines.get(0));
        assertTrue(lines.size() > 30);
    }

    @Test
    void badInputIsRefusedAndWritesNothing(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("never.svg");
        for (String[] args : new String[][] {
            {"audit", "--law", "parity:3", "--reading", "z", "--plot", svg.toString()},
            {"audit", "--law", "parity:3", "--epsilon", "0", "--plot", svg.toString()},
            {"audit", "--law", "parity:3", "--epsilon", "abc"},
            {"audit", "--law", "parity:3", "--schedules", "2,2"},
            {"audit", "--law", "parity:3", "--schedules", "2,1;"},
            {"audit", "--law", "parity:3", "--plot", dir.resolve("missing/x.svg").toString()},
            {"audit", "--law", "parity:3", "--digits", "-1"}}) {
            CliTest.Run r = CliTest.run(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertEquals("", r.out(), String.join(" ", args));
            assertTrue(r.err().startsWith("dlm-exact: error: "), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
        assertFalse(Files.exists(svg));
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count(), "no file, temporary or final, is left behind");
        }
    }
}
