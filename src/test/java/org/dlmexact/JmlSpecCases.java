package org.dlmexact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JML specification cases read from Java source, and a syntactic check that two preconditions
 * exclude each other. Only as much of JML as the project's contracts use: {@code /*@ ... @*&#47;}
 * blocks and runs of {@code //@} lines directly above a member, cases joined by {@code also},
 * {@code requires} clauses over {@code &&}, {@code ||}, {@code !}, comparisons and
 * {@code \forall}/{@code \exists}.
 *
 * <p>The check is sound and incomplete: {@link #exclusive} answers {@code true} only when some
 * conjunct of one precondition is refuted by the conjuncts of the other through one of these
 * rules: a comparison and its negation ({@code a < b} against {@code a >= b} or
 * {@code b <= a}), two bounds on the same expression by integer literals with no integer in
 * common ({@code n == 0} against {@code n >= 1}), {@code !P} against facts that give every
 * conjunct of {@code P}, a disjunction each of whose disjuncts is refuted, and
 * {@code (\exists x; R; P)} against {@code (\forall x; R; Q)} when {@code P} is refuted by
 * {@code Q}. A pair it cannot show exclusive is reported, whether or not it overlaps.
 */
final class JmlSpecCases {

    /** One spec case: its kind ({@code normal_behavior}, {@code exceptional_behavior}, {@code behavior} or {@code lightweight}) and its preconditions. */
    record SpecCase(String kind, List<String> requires) {
    }

    /** The spec cases directly above one member of a source file. */
    record Contract(Path file, int line, String member, List<SpecCase> cases) {

        String where() {
            return file + ":" + line + " " + member;
        }
    }

    private static final Pattern KIND = Pattern.compile("\\b(normal_behavior|exceptional_behavior|behavior)\\b");
    private static final Pattern INT_LITERAL = Pattern.compile("-?\\d+L?");
    private static final String[] RELATIONS = {"==", "!=", "<=", ">=", "<", ">"};

    private JmlSpecCases() {
    }

    /** Every contract in {@code file}, with the declaration it stands above. */
    static List<Contract> contracts(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Contract> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String t = lines.get(i).strip();
            if (!t.startsWith("/*@") && !t.startsWith("//@")) {
                i++;
                continue;
            }
            int first = i;
            StringBuilder text = new StringBuilder();
            while (i < lines.size()) {
                t = lines.get(i).strip();
                if (t.startsWith("//@")) {
                    text.append(' ').append(t.substring(3));
                    i++;
                } else if (t.startsWith("/*@")) {
                    StringBuilder block = new StringBuilder(t.substring(3));
                    while (!block.toString().contains("@*/") && ++i < lines.size()) {
                        block.append('\n').append(lines.get(i).strip());
                    }
                    i++;
                    String b = block.toString();
                    b = b.substring(0, b.indexOf("@*/"));
                    for (String line : b.split("\n")) {
                        text.append(' ').append(line.strip().startsWith("@") ? line.strip().substring(1) : line);
                    }
                } else {
                    break;
                }
            }
            int j = i;
            while (j < lines.size() && (lines.get(j).isBlank() || lines.get(j).strip().startsWith("@"))) {
                j++;
            }
            String member = j < lines.size() ? lines.get(j).strip() : "";
            out.add(new Contract(file, first + 1, member, cases(text.toString())));
        }
        return out;
    }

    /** The spec cases of one contract text (the comment markers removed). */
    static List<SpecCase> cases(String text) {
        List<SpecCase> out = new ArrayList<>();
        for (String c : splitTop(text, "also")) {
            Matcher k = KIND.matcher(c);
            String kind = k.find() ? k.group(1) : "lightweight";
            List<String> requires = new ArrayList<>();
            for (String clause : splitTop(c, ";")) {
                String s = clause.strip();
                Matcher r = Pattern.compile("(?:^|\\s)(?:requires|pre)\\s").matcher(s);
                if (r.find()) {
                    requires.add(s.substring(r.end()).strip());
                }
            }
            out.add(new SpecCase(kind, requires));
        }
        return out;
    }

    /** Whether the conjunctions {@code a} and {@code b} provably exclude each other (see the class comment). */
    static boolean exclusive(List<String> a, List<String> b) {
        List<String> fa = facts(a);
        List<String> fb = facts(b);
        return fa.stream().anyMatch(x -> refutes(fb, x)) || fb.stream().anyMatch(x -> refutes(fa, x));
    }

    /** The top-level conjuncts of a list of preconditions, normalised. */
    static List<String> facts(List<String> preconditions) {
        List<String> out = new ArrayList<>();
        for (String p : preconditions) {
            String n = norm(p);
            List<String> and = splitTop(n, "&&");
            if (and.size() > 1) {
                out.addAll(facts(and));
            } else {
                out.add(n);
            }
        }
        return out;
    }

    /** Whether {@code facts} (a conjunction) refute {@code x}. */
    static boolean refutes(List<String> facts, String expression) {
        String x = norm(expression);
        List<String> or = splitTop(x, "||");
        if (or.size() > 1) {
            return or.stream().allMatch(d -> refutes(facts, d));
        }
        List<String> xs = facts(List.of(x));
        for (String f : facts) {
            String fi = negated(f);
            if (fi != null && implies(xs, fi)) {
                return true;
            }
        }
        List<String> and = splitTop(x, "&&");
        if (and.size() > 1) {
            return and.stream().anyMatch(c -> refutes(facts, c));
        }
        String inner = negated(x);
        if (inner != null) {
            return implies(facts, inner);
        }
        return facts.stream().anyMatch(f -> clash(x, f));
    }

    /** Whether {@code facts} (a conjunction) give {@code y}. */
    static boolean implies(List<String> facts, String y) {
        y = norm(y);
        List<String> and = splitTop(y, "&&");
        if (and.size() > 1) {
            return and.stream().allMatch(c -> implies(facts, c));
        }
        List<String> or = splitTop(y, "||");
        if (or.size() > 1) {
            return or.stream().anyMatch(d -> implies(facts, d));
        }
        for (String f : facts) {
            if (f.equals(y)) {
                return true;
            }
            String[] rf = relation(f);
            String[] ry = relation(y);
            if (rf != null && ry != null) {
                if (canonical(rf).equals(canonical(ry))) {
                    return true;
                }
                long[] bf = bound(rf);
                long[] by = bound(ry);
                if (bf != null && by != null && sameSubject(rf, ry)
                        && by[0] <= bf[0] && bf[1] <= by[1]) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean clash(String x, String f) {
        String[] rx = relation(x);
        String[] rf = relation(f);
        if (rx != null && rf != null) {
            List<String> negations = negations(rx);
            if (negations.contains(canonical(rf))) {
                return true;
            }
            long[] bx = bound(rx);
            long[] bf = bound(rf);
            return bx != null && bf != null && sameSubject(rx, rf) && (bx[1] < bf[0] || bf[1] < bx[0]);
        }
        String[] qx = quantifier(x);
        String[] qf = quantifier(f);
        if (qx != null && qf != null && !qx[0].equals(qf[0]) && qx[1].equals(qf[1]) && qx[2].equals(qf[2])) {
            String exists = qx[0].equals("\\exists") ? qx[3] : qf[3];
            String forall = qx[0].equals("\\forall") ? qx[3] : qf[3];
            return refutes(facts(List.of(forall)), exists);
        }
        return false;
    }

    /** {@code [\forall or \exists, declaration, range, body]} of a quantified expression, or null. */
    private static String[] quantifier(String s) {
        if (!(s.startsWith("(\\forall") || s.startsWith("(\\exists")) || close(s, 0) != s.length() - 1) {
            return null;
        }
        String q = s.substring(1, 8);
        List<String> parts = splitTop(s.substring(8, s.length() - 1), ";");
        if (parts.size() == 2) {
            return new String[] {q, parts.get(0), "true", parts.get(1)};
        }
        return parts.size() == 3 ? new String[] {q, parts.get(0), parts.get(1), parts.get(2)} : null;
    }

    /** {@code [lhs, op, rhs]} of a comparison at the top level, or null. */
    static String[] relation(String s) {
        int depth = 0;
        String[] found = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == '"') {
                i = s.indexOf('"', i + 1);
            } else if (depth == 0) {
                if (s.startsWith("==>", i) || s.startsWith("<==", i) || s.startsWith("<<", i) || s.startsWith(">>", i)
                        || s.startsWith("&&", i) || s.startsWith("||", i)) {
                    return null;
                }
                for (String op : RELATIONS) {
                    if (s.startsWith(op, i)) {
                        if (found != null) {
                            return null;
                        }
                        found = new String[] {s.substring(0, i), op, s.substring(i + op.length())};
                        i += op.length() - 1;
                        break;
                    }
                }
            }
        }
        return found;
    }

    /** {@code a<b}, {@code a<=b}, {@code a==b} (sides sorted) or {@code a!=b} (sides sorted). */
    private static String canonical(String[] r) {
        String l = r[0];
        String op = r[1];
        String rhs = r[2];
        switch (op) {
            case ">":
                return rhs + "<" + l;
            case ">=":
                return rhs + "<=" + l;
            case "==":
            case "!=":
                return l.compareTo(rhs) <= 0 ? l + op + rhs : rhs + op + l;
            default:
                return l + op + rhs;
        }
    }

    /** Canonical forms of the comparisons that contradict {@code r}. */
    private static List<String> negations(String[] r) {
        String c = canonical(r);
        String[] n = relation(c);
        String l = n[0];
        String rhs = n[2];
        switch (n[1]) {
            case "<":
                return List.of(rhs + "<=" + l, rhs + "<" + l, canonical(new String[] {l, "==", rhs}));
            case "<=":
                return List.of(rhs + "<" + l);
            case "==":
                return List.of(canonical(new String[] {l, "!=", rhs}), l + "<" + rhs, rhs + "<" + l);
            default:
                return List.of(canonical(new String[] {l, "==", rhs}));
        }
    }

    /**
     * The integers allowed by a comparison of an expression with an integer literal:
     * {@code [min, max]}, or null.
     */
    private static long[] bound(String[] r) {
        boolean right = INT_LITERAL.matcher(r[2]).matches();
        boolean left = INT_LITERAL.matcher(r[0]).matches();
        if (right == left || r[1].equals("!=")) {
            return null;
        }
        long k = Long.parseLong((right ? r[2] : r[0]).replace("L", ""));
        String op = r[1];
        if (left) {
            op = switch (op) {
                case "<" -> ">";
                case "<=" -> ">=";
                case ">" -> "<";
                case ">=" -> "<=";
                default -> op;
            };
        }
        long lo = Long.MIN_VALUE;
        long hi = Long.MAX_VALUE;
        switch (op) {
            case "<" -> hi = k - 1;
            case "<=" -> hi = k;
            case ">" -> lo = k + 1;
            case ">=" -> lo = k;
            default -> {
                lo = k;
                hi = k;
            }
        }
        return new long[] {lo, hi};
    }

    private static boolean sameSubject(String[] a, String[] b) {
        String sa = INT_LITERAL.matcher(a[2]).matches() ? a[0] : a[2];
        String sb = INT_LITERAL.matcher(b[2]).matches() ? b[0] : b[2];
        return sa.equals(sb);
    }

    /** The operand of a top-level {@code !}, or null. */
    private static String negated(String s) {
        if (!s.startsWith("!") || s.startsWith("!=")) {
            return null;
        }
        String rest = s.substring(1);
        if (relation(rest) != null) {
            return null;
        }
        return norm(rest);
    }

    /** Whitespace removed, redundant outer parentheses removed (not those of a quantifier). */
    static String norm(String s) {
        String t = s.replaceAll("\\s+", "");
        while (t.startsWith("(") && !t.startsWith("(\\") && close(t, 0) == t.length() - 1) {
            t = t.substring(1, t.length() - 1);
        }
        return t;
    }

    private static int close(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                i = s.indexOf('"', i + 1);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** {@code s} split at {@code sep} outside parentheses, brackets and string literals ({@code also} as a word). */
    static List<String> splitTop(String s, String sep) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        boolean word = Character.isLetter(sep.charAt(0));
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                i = s.indexOf('"', i + 1);
                if (i < 0) {
                    break;
                }
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (depth == 0 && s.startsWith(sep, i) && (!word || isWordAt(s, i, sep.length()))) {
                out.add(s.substring(start, i));
                start = i + sep.length();
                i = start - 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    private static boolean isWordAt(String s, int i, int n) {
        boolean before = i == 0 || !Character.isJavaIdentifierPart(s.charAt(i - 1));
        boolean after = i + n >= s.length() || !Character.isJavaIdentifierPart(s.charAt(i + n));
        return before && after;
    }
}
