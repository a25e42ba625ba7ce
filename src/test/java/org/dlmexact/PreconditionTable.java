package org.dlmexact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.dlmexact.JmlSpecCases.Contract;
import org.dlmexact.JmlSpecCases.SpecCase;
import org.junit.jupiter.api.DynamicTest;

/**
 * One row of a parser's precondition table: the preconditions of its {@code normal_behavior} and
 * {@code exceptional_behavior} cases as written in its contract, the same preconditions as Java
 * predicates, and inputs that SPEC.md calls valid or invalid (chosen from the grammar and error
 * list of the SPEC section, not from the parser's output). Checks that the contract in the source
 * still reads as the row says, that a valid input satisfies exactly the normal precondition and the
 * parser returns, and that an invalid input satisfies exactly the exceptional precondition and the
 * parser throws the exceptional case's exception.
 *
 * @param <I> the parser's input (a string, or a record of its arguments)
 */
public record PreconditionTable<I>(String file, String member, String normal, String exceptional,
        Predicate<I> normalHolds, Predicate<I> exceptionalHolds, Function<I, ?> parse,
        Class<? extends RuntimeException> refusal, List<I> valid, List<I> invalid) {

    /** The checks of this row, one dynamic test each. */
    public List<DynamicTest> tests() {
        String name = member.substring(0, member.indexOf('(') + 1) + "...)";
        List<DynamicTest> out = new java.util.ArrayList<>();
        out.add(DynamicTest.dynamicTest(name + " contract reads as the table", this::checkSource));
        for (I in : valid) {
            out.add(DynamicTest.dynamicTest(name + " valid " + in, () -> {
                assertTrue(normalHolds.test(in), "normal precondition false for the valid input " + in);
                assertTrue(!exceptionalHolds.test(in), "exceptional precondition true for the valid input " + in);
                parse.apply(in);
            }));
        }
        for (I in : invalid) {
            out.add(DynamicTest.dynamicTest(name + " invalid " + in, () -> {
                assertTrue(exceptionalHolds.test(in), "exceptional precondition false for the invalid input " + in);
                assertTrue(!normalHolds.test(in), "normal precondition true for the invalid input " + in);
                assertThrows(refusal, () -> parse.apply(in));
            }));
        }
        return out;
    }

    private void checkSource() throws IOException {
        Contract c = JmlSpecCases.contracts(Path.of("src", "main", "java", "org", "dlmexact").resolve(file)).stream()
                .filter(k -> k.member().startsWith(member)).findFirst()
                .orElseThrow(() -> new AssertionError("no contract above '" + member + "' in " + file));
        assertEquals(List.of(compact(normal)), joined(c, "normal_behavior"), c.where());
        assertEquals(List.of(compact(exceptional)), joined(c, "exceptional_behavior"), c.where());
    }

    /** The preconditions of each case of that kind, conjoined, without white space. */
    private static List<String> joined(Contract c, String kind) {
        return c.cases().stream().filter(k -> k.kind().equals(kind)).map(SpecCase::requires)
                .map(r -> compact(String.join("&&", r))).toList();
    }

    private static String compact(String s) {
        return s.replaceAll("\\s+", "");
    }
}
