package org.dlmexact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dlmexact.JmlSpecCases.Contract;
import org.dlmexact.JmlSpecCases.SpecCase;
import org.junit.jupiter.api.Test;

/**
 * In every JML contract of the main sources, the precondition of each {@code exceptional_behavior}
 * case excludes that of each {@code normal_behavior} case (and of each {@code behavior} case, so
 * that the exceptional case alone names the invalid input). Where a normal and an exceptional
 * precondition can both hold, the contract demands a normal return and an exception at once: no
 * call can meet it, and a static checker proves anything after such a call. A source scan with a sound, syntactic exclusion check
 * ({@link JmlSpecCases}); the parsers' predicates are checked on inputs in
 * {@link ParserPreconditionTableTest}.
 */
class JmlSpecCaseExclusionTest {

    private static List<Contract> allContracts() throws IOException {
        List<Contract> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                out.addAll(JmlSpecCases.contracts(f));
            }
        }
        return out;
    }

    @Test
    void normalAndExceptionalPreconditionsExcludeEachOther() throws IOException {
        List<String> overlapping = new ArrayList<>();
        int pairs = 0;
        for (Contract c : allContracts()) {
            for (SpecCase n : c.cases()) {
                for (SpecCase e : c.cases()) {
                    if (!n.kind().equals("exceptional_behavior") && !n.kind().equals("lightweight")
                            && e.kind().equals("exceptional_behavior")) {
                        pairs++;
                        if (!JmlSpecCases.exclusive(n.requires(), e.requires())) {
                            overlapping.add(c.where() + "\n    normal:      " + n.requires()
                                    + "\n    exceptional: " + e.requires());
                        }
                    }
                }
            }
        }
        assertTrue(pairs >= 60, "the scan found only " + pairs + " pairs; is the source root right?");
        assertTrue(overlapping.isEmpty(), overlapping.size() + " pairs not shown exclusive:\n"
                + String.join("\n", overlapping));
    }

    // The check itself: it must flag the overlaps it exists for and accept the usual exclusive forms.

    private static boolean exclusive(String contract) {
        List<SpecCase> cases = JmlSpecCases.cases(contract);
        assertEquals(2, cases.size(), contract);
        return JmlSpecCases.exclusive(cases.get(0).requires(), cases.get(1).requires());
    }

    @Test
    void flagsAnExceptionalCaseThatRepeatsPartOfTheNormalPrecondition() {
        // the shape of Schedule.parseAll's contract before issue 15
        assertFalse(exclusive("public normal_behavior requires text != null && convention != null && length >= 1;"
                + " ensures !\\result.isEmpty(); also public exceptional_behavior"
                + " requires text != null && convention != null; signals_only InvalidInputException; pure"));
        assertFalse(exclusive("normal_behavior requires dir != null; also exceptional_behavior requires dir != null;"));
        assertFalse(exclusive("normal_behavior requires true; also exceptional_behavior requires x < 0;"));
        assertFalse(exclusive("normal_behavior ensures true; also exceptional_behavior requires x < 0;"));
    }

    @Test
    void flagsComparisonsThatOverlap() {
        assertFalse(exclusive("normal_behavior requires x >= 0; also exceptional_behavior requires x <= 0;"));
        assertFalse(exclusive("normal_behavior requires x > 0; also exceptional_behavior requires x != 0;"));
        assertFalse(exclusive("normal_behavior requires n >= 1; also exceptional_behavior requires n < 2;"));
        assertFalse(exclusive("normal_behavior requires a < b; also exceptional_behavior requires a < c;"));
        assertFalse(exclusive("normal_behavior requires p(x); also exceptional_behavior requires !p(y);"));
        // the disjunction is refuted only when every disjunct is
        assertFalse(exclusive("normal_behavior requires x >= 0 && y >= 0;"
                + " also exceptional_behavior requires x < 0 || z < 0;"));
        // a negation is refuted only when the facts give every conjunct
        assertFalse(exclusive("normal_behavior requires x >= 0; also exceptional_behavior requires !(x >= 0 && y >= 0);"));
        // ranges of the quantifiers differ
        assertFalse(exclusive("normal_behavior requires (\\forall int j; 0 <= j && j < n; a[j] >= 1);"
                + " also exceptional_behavior requires (\\exists int j; 0 <= j && j <= n; a[j] < 1);"));
        // (\intValue() against compareTo: LawEnumerator.supportsUpToSymmetry before issue 15)
        assertFalse(exclusive("normal_behavior requires e(v).intValue() <= M;"
                + " also exceptional_behavior requires e(v).compareTo(BigInteger.valueOf(M)) > 0;"));
    }

    @Test
    void acceptsTheUsualExclusiveForms() {
        assertTrue(exclusive("public normal_behavior requires s >= 1; also public exceptional_behavior requires s < 1;"));
        assertTrue(exclusive("normal_behavior requires 1 <= steps && steps <= length;"
                + " also exceptional_behavior requires steps < 1 || steps > length;"));
        assertTrue(exclusive("normal_behavior requires sizes.length >= 1; also exceptional_behavior requires sizes.length == 0;"));
        assertTrue(exclusive("normal_behavior requires d != 0; also exceptional_behavior requires d == 0;"));
        assertTrue(exclusive("normal_behavior requires text != null && isValid(text);"
                + " also exceptional_behavior requires text != null && !isValid(text);"));
        assertTrue(exclusive("normal_behavior requires a != null; requires 0 <= i && i < a.length;"
                + " also exceptional_behavior requires a != null && !(0 <= i && i < a.length);"));
        // Law.fromWeights
        assertTrue(exclusive("normal_behavior requires n == m;"
                + " requires (\\forall int j; 0 <= j && j < n; a[j] != null && a[j].signum() >= 0);"
                + " requires (\\exists int j; 0 <= j && j < n; a[j].signum() > 0);"
                + " also exceptional_behavior requires n != m || (\\exists int j; 0 <= j && j < n; a[j].signum() < 0)"
                + " || (\\forall int j; 0 <= j && j < n; a[j].signum() == 0);"));
        // Schedule.parse
        assertTrue(exclusive("normal_behavior requires isValidText(t, l, c) && !(isAll(t) && l != 1);"
                + " also exceptional_behavior requires !isValidText(t, l, c) || (isAll(t) && l != 1);"));
        assertTrue(exclusive("normal_behavior requires x.compareTo(y) <= 0; also exceptional_behavior requires x.compareTo(y) > 0;"));
        assertTrue(exclusive("normal_behavior requires !deterministic() && m >= 0;"
                + " also exceptional_behavior requires deterministic();"));
    }

    @Test
    void readsContractsFromSource() throws IOException {
        // Schedule.balanced: one normal and one exceptional case, each with one precondition
        Contract balanced = allContracts().stream()
                .filter(c -> c.member().startsWith("public static Schedule balanced(")).findFirst().orElseThrow();
        assertEquals(List.of("normal_behavior", "exceptional_behavior"),
                balanced.cases().stream().map(SpecCase::kind).toList());
        assertEquals(List.of("1 <= steps && steps <= length"), balanced.cases().get(0).requires());
        assertEquals(List.of("steps < 1 || steps > length"), balanced.cases().get(1).requires());
    }
}
