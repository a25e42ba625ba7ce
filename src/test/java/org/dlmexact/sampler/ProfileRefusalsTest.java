package org.dlmexact.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.stream.Stream;
import org.dlmexact.exact.InvalidInputException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every bad profile text of {@link BadProfiles} is refused by {@link Samplers#parse} with the code SPEC
 * section 10.2 names, a message quoting the text and naming the key, value or range; the command line
 * prints that message (the cli tests).
 */
class ProfileRefusalsTest {

    static InvalidInputException refusal(String spec) {
        return assertThrows(InvalidInputException.class, () -> Samplers.parse(spec, 4, Schedule.Convention.REVEAL),
                spec);
    }

    @TestFactory
    Stream<DynamicTest> badProfilesAreRefusedWithTheirCode() {
        return BadProfiles.LIST.stream().map(b -> dynamicTest(b.spec() + " -> " + b.code(), () -> {
            InvalidInputException e = refusal(b.spec());
            assertEquals(b.code(), e.code(), e.getMessage());
            assertTrue(e.getMessage().contains(b.mentions()), e.getMessage());
            assertTrue(e.getMessage().contains(b.spec()), "the message quotes the text: " + e.getMessage());
        }));
    }

    /** A Bernoulli grid of 100 000 steps is the largest accepted, as for {@code steps}. */
    @Test
    void bernoulliGridsHaveAtMostOneHundredThousandSteps() {
        StringBuilder g = new StringBuilder("0");
        for (int i = 1; i < 100_000; i++) {
            g.append(";0");
        }
        String ok = "bernoulli:alphas=" + g + ";1";
        assertEquals(100_001, Samplers.parse(ok, 4, Schedule.Convention.REVEAL).fixedSteps());
        InvalidInputException e = refusal("bernoulli:alphas=0;" + g + ";1");
        assertEquals("sampler.value", e.code());
        assertTrue(e.getMessage().contains("100001 steps, above the limit 100000"), e.getMessage().substring(
                e.getMessage().length() - 60));
    }
}
