package org.dlmexact.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dlmexact.exact.Rational;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The built-in families against their documented definitions. */
class FamiliesTest {

    /** The first outputs of SplitMix64 from seed 0 (published reference values of the algorithm). */
    @Test
    void splitMix64ReferenceValues() {
        SplitMix64 r = new SplitMix64(0);
        assertEquals(0xE220A8397B1DCDAFL, r.nextLong());
        assertEquals(0x6E789E6AA1B965F4L, r.nextLong());
        assertEquals(0x06C45D188009454FL, r.nextLong());
    }

    @Test
    void nextBelowIsInRangeAndUsesOneDrawWhenAccepted() {
        SplitMix64 a = new SplitMix64(42);
        SplitMix64 b = new SplitMix64(42);
        for (int i = 0; i < 1000; i++) {
            long bound = 1 + (i % 17);
            long x = a.nextBelow(bound);
            assertTrue(0 <= x && x < bound);
            assertEquals(Long.remainderUnsigned(b.nextLong(), bound), x, "tiny bounds never reject in practice");
        }
    }

    @TestFactory
    Stream<DynamicTest> randomFollowsItsJavadoc() {
        List<DynamicTest> out = new ArrayList<>();
        for (long seed : new long[] {0, 1, -1, 42, Long.MAX_VALUE, Long.MIN_VALUE}) {
            for (int[] s : new int[][] {{2, 1}, {2, 4}, {3, 3}, {7, 2}}) {
                String spec = "random:" + s[0] + "," + s[1] + "," + seed;
                out.add(dynamicTest(spec, () -> {
                    SequenceSpace sp = SequenceSpace.of(s[0], s[1]);
                    SplitMix64 rng = new SplitMix64(seed);
                    BigInteger[] w = new BigInteger[sp.size()];
                    for (int i = 0; i < w.length; i++) {
                        w[i] = BigInteger.valueOf(1 + (rng.nextLong() >>> 60)); // 1 + top 4 bits
                    }
                    Law expected = Law.fromWeights(sp, w);
                    Law law = Families.parse(spec);
                    assertEquals(expected, law);
                    assertEquals(law, Families.parse(spec), "deterministic");
                    assertEquals(law, Families.random(s[0], s[1], seed));
                    assertEquals(sp.size(), law.supportSize(), "weights 1..16: full support");
                }));
            }
        }
        return out.stream();
    }

    @Test
    void randomSeedsDiffer() {
        assertFalse(Families.parse("random:3,3,1").equals(Families.parse("random:3,3,2")));
    }

    @TestFactory
    Stream<DynamicTest> markovStationaryLawIsStationary() {
        List<DynamicTest> out = new ArrayList<>();
        for (int v = 2; v <= 5; v++) {
            for (long seed = 1; seed <= 6; seed++) {
                int vv = v;
                long sd = seed;
                out.add(dynamicTest("randomTransitions(" + v + ", " + seed + ", no zeros)", () -> {
                    Rational[][] rows = LawEnumerator.randomTransitions(vv, sd, false);
                    Rational[] pi = Families.stationary(rows);
                    Rational sum = Rational.ZERO;
                    for (int b = 0; b < vv; b++) {
                        Rational s = Rational.ZERO;
                        for (int a = 0; a < vv; a++) {
                            s = s.add(pi[a].multiply(rows[a][b]));
                        }
                        assertEquals(pi[b], s, "(pi P)_" + b);
                        assertTrue(pi[b].signum() > 0, "positive chain: pi_" + b + " > 0");
                        sum = sum.add(pi[b]);
                    }
                    assertEquals(Rational.ONE, sum);
                    // the chain started in pi has marginal pi at every position
                    StringBuilder spec = new StringBuilder("markov:3:");
                    for (int a = 0; a < vv; a++) {
                        for (int b = 0; b < vv; b++) {
                            spec.append(b == 0 ? (a == 0 ? "" : ";") : ",").append(rows[a][b]);
                        }
                    }
                    Law law = Families.parse(spec.toString());
                    MarginalLattice m = MarginalLattice.of(law);
                    for (int i = 0; i < 3; i++) {
                        BigInteger[] mi = m.marginal(1 << i);
                        for (int a = 0; a < vv; a++) {
                            assertEquals(pi[a], Rational.of(mi[a], law.denominator()), "P(X_" + i + " = " + a + ")");
                        }
                    }
                }));
            }
        }
        return out.stream();
    }

    @Test
    void markovWithStartLawMatchesDefinition() {
        Law law = Families.parse("markov:3:1/2,1/2;1/4,3/4:1/3,2/3");
        Rational[] start = {Rational.of(1, 3), Rational.of(2, 3)};
        Rational[][] p = {{Rational.of(1, 2), Rational.of(1, 2)}, {Rational.of(1, 4), Rational.of(3, 4)}};
        for (int idx = 0; idx < 8; idx++) {
            int[] x = law.space().outcome(idx);
            Rational q = start[x[0]].multiply(p[x[0]][x[1]]).multiply(p[x[1]][x[2]]);
            assertEquals(q, law.probability(idx), "x = " + law.space().format(idx));
        }
        assertEquals(Families.parse("markov:3:1/2,1/2;1/4,3/4:1/3,2/3"), Families.markov(3, start, p));
    }

    @Test
    void repetitionCodeIsRepetition() {
        assertEquals(Families.repetition(2, 3), Families.parse("code:2:1,1,1"));
        assertEquals(Families.repetition(3, 4), Families.parse("code:3:1,1,1,1"));
        assertEquals(Families.repetition(2, 1), Families.parse("code:2:1"));
    }

    @Test
    void parityCheckCodeIsParity() {
        // generator of the even-weight code: rows e_i + e_{L-1}, i < L-1
        for (int l = 2; l <= 6; l++) {
            StringBuilder g = new StringBuilder("code:2:");
            for (int r = 0; r < l - 1; r++) {
                for (int c = 0; c < l; c++) {
                    g.append(c == 0 ? (r == 0 ? "" : ";") : ",").append(c == r || c == l - 1 ? 1 : 0);
                }
            }
            assertEquals(Families.parity(l), Families.parse(g.toString()), g.toString());
        }
        // a non-systematic generator of the same code
        assertEquals(Families.parity(3), Families.parse("code:2:1,1,0;0,1,1"));
    }

    @Test
    void codeWithDependentRowsStaysUniformOnCodewords() {
        // rows 1,1 and 1,1 span the repetition code; each codeword reached twice
        assertEquals(Families.repetition(2, 2), Families.parse("code:2:1,1;1,1"));
        assertEquals(Families.uniform(2, 2), Families.parse("code:2:1,0;0,1"));
    }

    @Test
    void familiesMatchTheirDefinitions() {
        Law u = Families.parse("uniform:3,2");
        for (int i = 0; i < 9; i++) {
            assertEquals(Rational.of(1, 9), u.probability(i));
        }
        Law pairs = Families.parse("pairs:4");
        for (int i = 0; i < 16; i++) {
            int[] x = pairs.space().outcome(i);
            boolean ok = x[0] == x[1] && x[2] == x[3];
            assertEquals(ok ? Rational.of(1, 4) : Rational.ZERO, pairs.probability(i), pairs.space().format(i));
        }
        Law parity = Families.parse("parity:4");
        for (int i = 0; i < 16; i++) {
            int[] x = parity.space().outcome(i);
            int s = x[0] + x[1] + x[2] + x[3];
            assertEquals(s % 2 == 0 ? Rational.of(1, 8) : Rational.ZERO, parity.probability(i));
        }
        Law prod = Families.parse("product:1/2,1/2;1/5,4/5");
        assertEquals(Rational.of(2, 5), prod.probability(new int[] {1, 1}));
        assertEquals(Families.parse("product:2:1/3,2/3"), Families.parse("product:1/3,2/3;1/3,2/3"));
        assertTrue(Families.isFamily("parity:3"));
        assertFalse(Families.isFamily("law.json"));
        assertFalse(Families.isFamily("nope:3"));
    }
}
