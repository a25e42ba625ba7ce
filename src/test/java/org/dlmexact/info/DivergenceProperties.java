package org.dlmexact.info;

import static org.dlmexact.info.Corpus.assertExact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.law.LawEnumerator;
import org.dlmexact.law.LawEnumerator.Named;
import org.dlmexact.exact.ExactReal;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** KL(mu || nu) >= 0, zero exactly when mu = nu, +infinity with the right witness off the support. */
class DivergenceProperties {

    /** Pairs: all pairs of the small grids on [2]^1 and [3]^1, each grid law of [2]^2 with a few others, seeded pairs. */
    static List<Named[]> pairs() {
        List<Named[]> out = new ArrayList<>();
        for (List<Named> g : List.of(LawEnumerator.grid(2, 1, 3), LawEnumerator.grid(3, 1, 3))) {
            for (Named a : g) {
                for (Named b : g) {
                    out.add(new Named[] {a, b});
                }
            }
        }
        List<Named> g = LawEnumerator.grid(2, 2, 3);
        for (int i = 0; i < g.size(); i++) {
            for (int d = 0; d < 4; d++) {
                out.add(new Named[] {g.get(i), g.get((i + 7 * d) % g.size())});
            }
        }
        int[][] spaces = {{2, 3}, {2, 4}, {2, 6}, {3, 3}, {4, 2}};
        for (int[] s : spaces) {
            List<Named> a = LawEnumerator.seeded("sparse", s[0], s[1], 1, 6);
            List<Named> b = new ArrayList<>(LawEnumerator.seeded("markov", s[0], s[1], 1, 3));
            b.addAll(LawEnumerator.seeded("product", s[0], s[1], 1, 3));
            for (int i = 0; i < a.size(); i++) {
                out.add(new Named[] {a.get(i), a.get(i)});
                out.add(new Named[] {a.get(i), a.get((i + 1) % a.size())});
                out.add(new Named[] {a.get(i), b.get(i)});
                out.add(new Named[] {b.get(i), a.get(i)});
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> gibbsInequalityAndSupportWitness() {
        return pairs().stream().map(p -> dynamicTest("KL(" + p[0].name() + " || " + p[1].name() + ")", () -> {
            Law mu = p[0].law();
            Law nu = p[1].law();
            Divergence d = Divergence.kl(mu, nu);
            int witness = -1;
            for (int i = 0; i < mu.space().size(); i++) {
                if (mu.weight(i).signum() > 0 && nu.weight(i).signum() == 0) {
                    witness = i;
                    break;
                }
            }
            if (witness >= 0) {
                assertTrue(d.isInfinite(), "support of mu not inside that of nu: expected +inf, got " + d);
                assertEquals(witness, d.witness().getAsInt(), "first outcome with mu > 0 = nu");
                return;
            }
            assertFalse(d.isInfinite(), "support inside: expected finite");
            // independent value: sum_x mu(x) (ln mu(x) - ln nu(x))
            ExactReal direct = ExactReal.ZERO;
            for (int i = 0; i < mu.space().size(); i++) {
                if (mu.weight(i).signum() > 0) {
                    direct = direct.add(ExactReal.ln(mu.probability(i)).subtract(ExactReal.ln(nu.probability(i)))
                            .multiply(mu.probability(i)));
                }
            }
            assertExact(direct, d.value(), "KL value");
            int s = d.value().signum();
            assertTrue(s >= 0, "KL < 0: " + d);
            assertEquals(mu.equals(nu), s == 0, "KL = 0 exactly when mu = nu; KL = " + d);
        }));
    }

    @Test
    void differentSpacesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Divergence.kl(Families.uniform(2, 2), Families.uniform(2, 3)));
        assertThrows(IllegalArgumentException.class, () -> Divergence.kl(Families.uniform(2, 2), Families.uniform(4, 1)));
    }

    @Test
    void knownValues() {
        // KL(uniform on [2]^2 || parity:2) = +inf at [0,1]; KL(parity:2 || uniform) = ln 2
        Divergence d = Divergence.kl(Families.uniform(2, 2), Families.parity(2));
        assertTrue(d.isInfinite());
        assertEquals(1, d.witness().getAsInt());
        assertExact(ExactReal.ln(2), Divergence.kl(Families.parity(2), Families.uniform(2, 2)).value(), "KL");
        assertThrows(IllegalArgumentException.class, () -> Divergence.infinite(-1));
    }
}
