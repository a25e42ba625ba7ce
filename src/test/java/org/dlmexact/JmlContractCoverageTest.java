package org.dlmexact;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public method and constructor of the core packages carries a JML contract directly above
 * it (javadoc and annotations may stand between), and every value class declares a public
 * invariant. A source scan: it guards the rule, it does not check the contracts' content (the
 * tests and OpenJML do that, see proofs-notes/openjml.md).
 */
class JmlContractCoverageTest {

    private static final List<String> CORE = List.of("exact", "io", "law", "info", "sampler", "theory", "vectors", "validate");
    private static final Pattern PUBLIC_MEMBER = Pattern.compile(
            "public\\s+(?:static\\s+)?(?:final\\s+)?(?:synchronized\\s+)?(?:<[^>]+>\\s+)?[\\w<>\\[\\], .?]*\\w+\\s*\\(.*");
    private static final List<String> VALUE_CLASSES = List.of("exact/Rational.java", "exact/ExactReal.java",
            "exact/Interval.java", "law/SequenceSpace.java", "law/Law.java", "info/Divergence.java",
            "theory/Check.java");

    private static Path root() {
        return Path.of("src", "main", "java", "org", "dlmexact");
    }

    @Test
    void everyPublicCoreMemberHasAContract() throws IOException {
        java.util.Set<String> inherited = interfaceMethodsWithContracts();
        List<String> missing = new ArrayList<>();
        int seen = 0;
        for (String pkg : CORE) {
            Path dir = root().resolve(pkg);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    List<String> lines = Files.readAllLines(f);
                    for (int i = 0; i < lines.size(); i++) {
                        String s = lines.get(i).strip();
                        if (!PUBLIC_MEMBER.matcher(s).matches() || s.contains(" class ") || s.contains(" enum ")
                                || s.contains(" interface ") || s.contains(" record ")) {
                            continue;
                        }
                        seen++;
                        if (!hasContractAbove(lines, i) && !(isOverride(lines, i) && inherited.contains(name(s)))) {
                            missing.add(f + ":" + (i + 1) + ": " + s);
                        }
                    }
                }
            }
        }
        assertTrue(seen > 100, "the scan found only " + seen + " public members; is the source root right?");
        assertTrue(missing.isEmpty(), "public members without a JML contract:\n" + String.join("\n", missing));
    }

    /** Methods declared with a contract in a core interface: implementations inherit the contract (JML). */
    private static java.util.Set<String> interfaceMethodsWithContracts() throws IOException {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (String pkg : CORE) {
            Path dir = root().resolve(pkg);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(f);
                    if (lines.stream().noneMatch(l -> l.startsWith("public interface "))) {
                        continue;
                    }
                    for (int i = 0; i < lines.size(); i++) {
                        String s = lines.get(i).strip();
                        if (s.matches("[\\w<>\\[\\], ]+\\s+\\w+\\s*\\(.*\\);") && hasContractAbove(lines, i)) {
                            names.add(name(s));
                        }
                    }
                }
            }
        }
        return names;
    }

    private static String name(String declaration) {
        String head = declaration.substring(0, declaration.indexOf('(')).strip();
        return head.substring(head.lastIndexOf(' ') + 1);
    }

    private static boolean isOverride(List<String> lines, int i) {
        for (int j = i - 1; j >= 0 && lines.get(j).strip().startsWith("@"); j--) {
            if (lines.get(j).strip().equals("@Override")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasContractAbove(List<String> lines, int i) {
        for (int j = i - 1; j >= 0; j--) {
            String t = lines.get(j).strip();
            if (t.startsWith("//@") || t.endsWith("@*/")) {
                return true;
            }
            if (t.isEmpty() || t.startsWith("@") || t.startsWith("*") || t.startsWith("/**")) {
                continue;
            }
            return false;
        }
        return false;
    }

    @Test
    void valueClassesDeclareInvariants() throws IOException {
        for (String c : VALUE_CLASSES) {
            String text = Files.readString(root().resolve(c));
            assertTrue(text.contains("//@ public invariant") || text.contains("@ public invariant"),
                    c + " declares no public invariant");
        }
    }
}
