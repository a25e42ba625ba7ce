package org.dlmexact.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dlmexact.exact.InvalidInputException;
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

    /** SPEC §5.4: accept the unsigned draw {@code r} when {@code r < 2^64 - (2^64 mod b)}, return {@code r mod b}. */
    @Test
    void nextBelowRejectsTheTopOfTheRangeAsSpecified() {
        BigInteger two64 = BigInteger.ONE.shiftLeft(64);
        // bounds where 2^64 mod b is a large share of the range, so rejections happen often
        long[] bounds = {3L << 61, (1L << 62) + 1, Long.MAX_VALUE, (1L << 63) - 25, 5_000_000_000_000_000_000L};
        for (long bound : bounds) {
            BigInteger b = BigInteger.valueOf(bound);
            BigInteger accept = two64.subtract(two64.mod(b));
            SplitMix64 a = new SplitMix64(bound);
            SplitMix64 raw = new SplitMix64(bound);
            int rejected = 0;
            for (int i = 0; i < 400; i++) {
                BigInteger r;
                while (true) {
                    r = new BigInteger(Long.toUnsignedString(raw.nextLong()));
                    if (r.compareTo(accept) < 0) {
                        break;
                    }
                    rejected++;
                }
                assertEquals(r.mod(b).longValueExact(), a.nextBelow(bound), "bound " + bound + ", draw " + i);
            }
            if (two64.mod(b).compareTo(two64.shiftRight(3)) > 0) {
                assertTrue(rejected > 10, "bound " + bound + ": " + rejected + " rejections in 400 draws");
            }
        }
        assertEquals(0, new SplitMix64(1).nextBelow(1));
        assertThrows(IllegalArgumentException.class, () -> new SplitMix64(1).nextBelow(0));
    }

    @Test
    void markovRefusesRowsThatAreNotDistributions() {
        Rational h = Rational.of(1, 2);
        Rational[] ok = {h, h};
        Rational[] bad = {h, Rational.of(1, 3)};
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Families.markov(3, bad, new Rational[][] {ok, ok}));
        assertTrue(e.getMessage().contains("start law sums to 5/6"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> Families.markov(3, ok, new Rational[][] {ok, bad}));
        assertTrue(e.getMessage().contains("transition row 1 sums to 5/6"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> Families.parse("markov:3:1/2,1/2;1/2,1/3"));
        assertTrue(e.getMessage().contains("transition row 1"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> Families.parse("markov:3:1/2,1/2;1/2,1/2:1/2,1/3"));
        assertTrue(e.getMessage().contains("start law"), e.getMessage());
    }

    @Test
    void lawTextListsTheSupportWithProbabilities() {
        Law law = Families.parse("pairs:2");
        String text = law.toString();
        assertTrue(text.startsWith("Law"), text);
        assertEquals(law.supportSize(), text.split("=", -1).length - 1, text);
        for (int i = 0; i < law.space().size(); i++) {
            String cell = law.space().format(i) + "=" + law.probability(i);
            assertEquals(law.weight(i).signum() > 0, text.contains(cell), cell + " in " + text);
        }
        assertTrue(text.endsWith("}"), text);
    }

    @Test
    void lawAndSpaceEqualityAndHashing() {
        Law a = Families.parse("parity:3");
        assertEquals(a, Families.parity(3));
        assertFalse(a.equals(Families.parse("uniform:2,3")));
        assertFalse(a.equals(Families.parity(4)));
        assertFalse(a.equals("parity:3"));
        assertFalse(SequenceSpace.of(2, 3).equals(SequenceSpace.of(3, 2)));
        assertFalse(SequenceSpace.of(2, 3).equals(SequenceSpace.of(2, 4)));
        assertFalse(SequenceSpace.of(2, 3).equals("2^3"));
        java.util.Set<Integer> lawHashes = new java.util.HashSet<>();
        java.util.Set<Integer> spaceHashes = new java.util.HashSet<>();
        for (int v = 2; v <= 4; v++) {
            for (int l = 1; l <= 4; l++) {
                lawHashes.add(Families.uniform(v, l).hashCode());
                lawHashes.add(Families.repetition(v, l).hashCode());
                spaceHashes.add(SequenceSpace.of(v, l).hashCode());
            }
        }
        assertTrue(lawHashes.size() > 12, "24 distinct laws gave " + lawHashes.size() + " hash codes");
        assertTrue(spaceHashes.size() > 6, "12 distinct spaces gave " + spaceHashes.size() + " hash codes");
    }

    @Test
    void marginalLatticeRefusesTooManyCellsAndKeepsItsLaw() {
        Law law = Families.parse("parity:4");
        assertSame(law, MarginalLattice.of(law).law());
        // (V+1)^L = 3^15 > 5,000,000 although 2^15 outcomes are allowed
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> MarginalLattice.of(Families.uniform(2, 15)));
        assertEquals("law.too-large", e.code());
        MarginalLattice.checkSize(4_999_999, 1); // exactly MAX_CELLS cells is allowed
        assertThrows(InvalidInputException.class, () -> MarginalLattice.checkSize(5_000_000, 1));
    }

    @Test
    void resolveReadsFamiliesAndFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        assertEquals(Families.parity(3), Laws.resolve("parity:3"));
        Law law = Families.parse("markov:3:1/2,1/2;1/4,3/4");
        java.nio.file.Path file = dir.resolve("law.json");
        java.nio.file.Files.writeString(file, LawJson.toCanonicalText(law));
        assertEquals(law, Laws.resolve(file.toString()));
    }

    @Test
    void sizeLimitsAreInclusive() {
        assertEquals(1 << 20, SequenceSpace.of(2, 20).size());
        assertEquals(1 << 20, SequenceSpace.of(4, 10).size());
        assertEquals(1 << 20, SequenceSpace.of(16, 5).size());
        // a code with exactly 2^20 messages (the identity generator) is the uniform law
        int[][] identity = new int[20][20];
        for (int i = 0; i < 20; i++) {
            identity[i][i] = 1;
        }
        assertEquals(Families.uniform(2, 20), Families.linearCode(2, identity));
        int[][] twentyOne = new int[21][21];
        for (int i = 0; i < 21; i++) {
            twentyOne[i][i] = 1;
        }
        assertThrows(InvalidInputException.class, () -> Families.linearCode(2, twentyOne));
    }

    @Test
    void tokensAndIndicesOutsideTheSpaceAreRefused() {
        SequenceSpace sp = SequenceSpace.of(3, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sp.index(new int[] {0, 3}));
        assertTrue(e.getMessage().contains("token 3 at position 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sp.index(new int[] {-1, 0}));
        assertEquals(8, sp.index(new int[] {2, 2}));
        assertThrows(IndexOutOfBoundsException.class, () -> sp.outcome(9));
        assertThrows(IndexOutOfBoundsException.class, () -> sp.outcome(-1));
        assertEquals(List.of(2, 2), java.util.Arrays.stream(sp.outcome(8)).boxed().toList());
    }

    @Test
    void stationaryLawMayHaveATransientState() {
        // state 1 leaves for 0 and never returns: the stationary law is (1, 0)
        Rational h = Rational.of(1, 2);
        Rational[] pi = Families.stationary(new Rational[][] {{Rational.ONE, Rational.ZERO}, {h, h}});
        assertEquals(Rational.ONE, pi[0]);
        assertEquals(Rational.ZERO, pi[1]);
        assertEquals(Rational.ONE, Families.parse("markov:3:1,0;1/2,1/2").probability(0), "P(000) = 1");
    }

    @Test
    void familyArgumentCountsAreNamedInTheMessage() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Families.parse("uniform:2"));
        assertTrue(e.getMessage().contains("expected 2 comma-separated integers, got '2'"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> Families.parse("parity:1,2"));
        assertTrue(e.getMessage().contains("expected 1 comma-separated integer, got '1,2'"), e.getMessage());
    }

    @Test
    void raggedTransitionRowsAreRefusedBeforeAnyArithmetic() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Families.parse("markov:3:1/2,1/2;1"));
        assertTrue(e.getMessage().contains("transition row 1 has 1 entries, expected 2"), e.getMessage());
    }

    @Test
    void lawTextIsExactlyTheSupportInIndexOrder() {
        Law law = Families.parity(3);
        StringBuilder cells = new StringBuilder();
        for (int i = 0; i < law.space().size(); i++) {
            if (law.weight(i).signum() > 0) {
                cells.append(cells.length() == 0 ? "" : ", ").append(law.space().format(i)).append('=').append(law.probability(i));
            }
        }
        assertEquals("Law" + law.space() + "{" + cells + "}", law.toString());
        // the JSON support lists the same four outcomes, not the zero-weight ones
        assertEquals(law.supportSize(), LawJson.toTree(law).get("support").size());
    }
}
