package org.dlmexact.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.Divergence;
import org.junit.jupiter.api.Test;

/** Verdicts, slack and ratio of a check, with finite and infinite sides. */
class CheckTest {

    private static Check le(Divergence a, Divergence b) {
        return Check.of("t", "s", Confidence.PAPER, Relation.LE, a, b, null);
    }

    @Test
    void verdictsAreDecidedExactly() {
        ExactReal ln2 = ExactReal.ln(2);
        ExactReal third8 = ExactReal.ln(8).multiply(Rational.of(1, 3));
        assertEquals(Verdict.EQUALITY, Check.of("t", "s", Confidence.PAPER, Relation.LE, ln2, third8, "").verdict());
        assertEquals(Verdict.EQUALITY, Check.of("t", "s", Confidence.PAPER, Relation.EQ, ln2, third8, "").verdict());
        // ln 2 = 0.693147... vs 693147/1000000 = 0.693147: differs in the 7th digit
        ExactReal close = ExactReal.of(Rational.of(693147, 1000000));
        assertEquals(Verdict.FAILS, Check.of("t", "s", Confidence.PAPER, Relation.LE, ln2, close, "").verdict());
        assertEquals(Verdict.HOLDS, Check.of("t", "s", Confidence.PAPER, Relation.GE, ln2, close, "").verdict());
        assertEquals(Verdict.FAILS, Check.of("t", "s", Confidence.PAPER, Relation.EQ, ln2, close, "").verdict());
        assertEquals(ln2.subtract(close), Check.of("t", "s", Confidence.PAPER, Relation.GE, ln2, close, "").slack());
    }

    @Test
    void infiniteSides() {
        Divergence inf = Divergence.infinite(0);
        Divergence one = Divergence.finite(ExactReal.ONE);
        assertEquals(Verdict.HOLDS, le(one, inf).verdict());
        assertEquals(Verdict.FAILS, le(inf, one).verdict());
        assertEquals(Verdict.EQUALITY, le(inf, inf).verdict());
        assertNull(le(one, inf).slack());
        assertNull(le(one, inf).ratio(5));
    }

    @Test
    void ratios() {
        ExactReal ln2 = ExactReal.ln(2);
        assertEquals("0.50000", Check.of("t", "s", Confidence.PAPER, Relation.LE, ln2, ln2.multiply(2), "").ratio(5));
        // ln 2 / ln 3 = 0.63092975357145743709...
        assertEquals("0.6309297536", Check.of("t", "s", Confidence.PAPER, Relation.LE, ln2, ExactReal.ln(3), "").ratio(10));
        assertNull(Check.of("t", "s", Confidence.PAPER, Relation.LE, ln2, ExactReal.ZERO, "").ratio(3));
        assertThrows(NullPointerException.class,
                () -> Check.of(null, "s", Confidence.PAPER, Relation.LE, ln2, ln2, ""));
    }

    /** Every relation against every order of the sides, finite and infinite: the verdict table of SPEC. */
    @Test
    void verdictTable() {
        Divergence one = Divergence.finite(ExactReal.ONE);
        Divergence two = Divergence.finite(ExactReal.of(Rational.of(2)));
        Divergence inf = Divergence.infinite(3);
        Divergence[][] lessThan = {{one, two}, {one, inf}};
        for (Divergence[] p : lessThan) {
            assertEquals(Verdict.HOLDS, Check.of("t", "s", Confidence.PAPER, Relation.LE, p[0], p[1], null).verdict());
            assertEquals(Verdict.FAILS, Check.of("t", "s", Confidence.PAPER, Relation.GE, p[0], p[1], null).verdict());
            assertEquals(Verdict.FAILS, Check.of("t", "s", Confidence.PAPER, Relation.EQ, p[0], p[1], null).verdict());
            assertEquals(Verdict.FAILS, Check.of("t", "s", Confidence.PAPER, Relation.LE, p[1], p[0], null).verdict());
            assertEquals(Verdict.HOLDS, Check.of("t", "s", Confidence.PAPER, Relation.GE, p[1], p[0], null).verdict());
            assertEquals(Verdict.FAILS, Check.of("t", "s", Confidence.PAPER, Relation.EQ, p[1], p[0], null).verdict());
        }
        for (Relation r : Relation.values()) {
            assertEquals(Verdict.EQUALITY, Check.of("t", "s", Confidence.PAPER, r, two, two, null).verdict());
            assertEquals(Verdict.EQUALITY, Check.of("t", "s", Confidence.PAPER, r, inf, inf, null).verdict());
        }
        // slack: rhs - lhs for <= and =, lhs - rhs for >=
        assertEquals(ExactReal.ONE, Check.of("t", "s", Confidence.PAPER, Relation.LE, one, two, null).slack());
        assertEquals(ExactReal.ONE, Check.of("t", "s", Confidence.PAPER, Relation.EQ, one, two, null).slack());
        assertEquals(ExactReal.ONE.negate(), Check.of("t", "s", Confidence.PAPER, Relation.GE, one, two, null).slack());
        org.junit.jupiter.api.Assertions.assertNull(Check.of("t", "s", Confidence.PAPER, Relation.GE, inf, two, null).slack());
        org.junit.jupiter.api.Assertions.assertNull(Check.of("t", "s", Confidence.PAPER, Relation.GE, two, inf, null).ratio(3));
        Check c = Check.of("id-x", "a source", Confidence.DERIVED, Relation.GE, two, one, null);
        assertEquals("", c.note());
        assertEquals("a source", c.source());
        assertEquals(Confidence.DERIVED, c.confidence());
        assertEquals("id-x: 2 " + Relation.GE.symbol() + " 1 -> " + Verdict.HOLDS.label(), c.toString());
    }
}
