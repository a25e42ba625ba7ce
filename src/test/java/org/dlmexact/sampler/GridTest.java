package org.dlmexact.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.Rational;
import org.junit.jupiter.api.Test;

/** Time grids (SPEC section 10.2): {@code t_i = 1 - i (1 - eps)/N} and grids given by their alphas. */
class GridTest {

    @Test
    void theLinearGrid() {
        // N = 4, eps = 1/5: t = 1, 4/5, 3/5, 2/5, 1/5; reveal probabilities (t - s)/t = 1/5, 1/4, 1/3, 1/2
        Grid g = Grid.linear(4, Rational.of(1, 5));
        assertEquals(4, g.steps());
        assertEquals(Rational.of(1, 5), g.time(4));
        assertEquals(Rational.of(4, 5), g.alpha(4));
        assertEquals(Rational.ZERO, g.alpha(0));
        String[] reveal = {"1/5", "1/4", "1/3", "1/2"};
        for (int j = 1; j <= 4; j++) {
            assertEquals(Rational.parse(reveal[j - 1]), g.reveal(j), "step " + j);
        }
        assertEquals("0;1/5;2/5;3/5;4/5", g.toString());
        assertEquals(Rational.ONE, Grid.linear(3, Rational.ZERO).reveal(3));
    }

    @Test
    void gridsGivenByTheirAlphas() {
        // alpha 1/4, 1/4, 1/2, 1: reveal 0, then (1/2 - 1/4)/(3/4) = 1/3, then 1; after alpha = 1 everything is revealed
        Grid g = Grid.ofAlphas(RowsTest.r("1/4", "1/4", "1/2", "1", "1"));
        assertEquals(4, g.steps());
        assertEquals(Rational.ZERO, g.reveal(1));
        assertEquals(Rational.of(1, 3), g.reveal(2));
        assertEquals(Rational.ONE, g.reveal(3));
        assertEquals(Rational.ONE, g.reveal(4), "a position still masked at alpha = 1 is revealed");
        assertEquals(Rational.of(3, 4), g.time(0));
    }

    @Test
    void badGridsAreRefused() {
        for (String eps : new String[] {"-1/2", "1", "3/2"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> Grid.linear(2, Rational.parse(eps)));
            assertEquals("sampler.value", e.code());
            assertTrue(e.getMessage().contains("eps=" + eps), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Grid.linear(0, Rational.ZERO));
        String[][] bad = {{"0"}, {"-1/2", "1"}, {"0", "3/2"}, {"1/2", "1/4"}, {"1", "1"}};
        String[] says = {"at least two", "alphas[0] = -1/2 is outside", "alphas[1] = 3/2 is outside",
            "alphas[1] = 1/4 is below alphas[0] = 1/2", "alpha_0 must be below 1"};
        for (int i = 0; i < bad.length; i++) {
            String[] b = bad[i];
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> Grid.ofAlphas(RowsTest.r(b)));
            assertEquals("sampler.value", e.code());
            assertTrue(e.getMessage().contains(says[i]), e.getMessage());
        }
    }
}
