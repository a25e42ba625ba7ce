package org.dlmexact.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.dlmexact.PreconditionTable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The preconditions of the number parsers' contracts on the accepted and refused forms of SPEC
 * §2.1 and §2.2 (see {@link PreconditionTable}).
 */
class ParserContractsTest {

    @TestFactory
    Stream<DynamicTest> rationalParse() {
        return new PreconditionTable<String>("exact/Rational.java", "public static Rational parse(String text)",
                "isValidText(text)", "!isValidText(text)",
                Rational::isValidText, t -> !Rational.isValidText(t), Rational::parse, NumberFormatException.class,
                List.of("-3", "0", "3/4", "-1/2", "0.125", "-.5", "1.5e-3", "1e1000", "  7  "),
                List.of("", " ", "NaN", "Infinity", "1/0", "1/-2", "0x10", "1e1001", "1/", "/2", ".", "1.2.3", "1 2",
                        "1".repeat(Rational.MAX_TEXT_LENGTH + 1)))
                .tests().stream();
    }

    @TestFactory
    Stream<DynamicTest> exactRealParse() {
        return new PreconditionTable<String>("exact/ExactReal.java", "public static ExactReal parse(String text)",
                "isValidText(text)", "!isValidText(text)",
                ExactReal::isValidText, t -> !ExactReal.isValidText(t), ExactReal::parse, NumberFormatException.class,
                List.of("0", "1/2", "-3", "ln(2)", "3*ln(2)", "-ln(5)", "1/2*ln(3) - 2", "ln(1)", "0.25*ln(7)",
                        "2/9*ln(2) + 17/4*ln(3) - 25/36*ln(5)"),
                List.of("", "  ", "ln(0)", "ln(-2)", "1 2", "ln(x)", "ln(2", "2 ln(3)", "1/2 + ", "*ln(2)", "ln(2)ln(3)",
                        "1/0", "1".repeat(Rational.MAX_TEXT_LENGTH + 1)))
                .tests().stream();
    }

    @Test
    void acceptsReportsWhetherTheParserReturns() {
        int[] runs = {0};
        assertTrue(Parsers.accepts(() -> runs[0]++, NumberFormatException.class));
        assertEquals(1, runs[0]);
        assertFalse(Parsers.accepts(() -> {
            throw new NumberFormatException("no");
        }, NumberFormatException.class));
        assertFalse(Parsers.accepts(() -> {
            throw new InvalidInputException("code", "no");
        }, InvalidInputException.class));
    }

    @Test
    void acceptsPassesOnOtherExceptions() {
        IllegalStateException e = new IllegalStateException("a bug, not a refusal");
        assertSame(e, assertThrows(IllegalStateException.class, () -> Parsers.accepts(() -> {
            throw e;
        }, NumberFormatException.class)));
        assertThrows(NullPointerException.class, () -> Parsers.accepts(() -> { }, null));
    }
}
