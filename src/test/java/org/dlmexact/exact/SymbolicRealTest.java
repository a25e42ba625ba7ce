package org.dlmexact.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Symbolic exact reals ({@link ExactReal#combination}) against the same values built canonically:
 * every operation must give the value, whatever the representation. The test bases have terms
 * {@code t_i = c_i + ln(n_i)} with known exact forms, including integers that share factors
 * ({@code ln 2}, {@code ln 4}, {@code ln 6}), so that some combinations vanish only after expansion
 * (not formally), which exercises the exact fallback.
 */
class SymbolicRealTest {

    /** Terms {@code t_i = c_i + ln(n_i)}; counts its enclosure sweeps. */
    static final class LnBasis extends TermBasis {
        final long[] n;
        final Rational[] c;
        int sweeps;

        LnBasis(long[] n, Rational[] c) {
            super(n.length);
            this.n = n;
            this.c = c;
        }

        ExactReal canonicalTerm(int i) {
            return ExactReal.ln(n[i]).add(c[i]);
        }

        @Override
        protected BigInteger[][] computeBounds(int bits) {
            sweeps++;
            BigInteger[][] out = new BigInteger[size()][];
            for (int i = 0; i < size(); i++) {
                Interval iv = canonicalTerm(i).enclosure(bits + 2);
                BigInteger scale = BigInteger.ONE.shiftLeft(bits);
                out[i] = new BigInteger[] {iv.lo().multiply(Rational.of(scale)).floor(),
                    iv.hi().multiply(Rational.of(scale)).ceil()};
            }
            return out;
        }

        @Override
        protected ExactReal computeExact(int i) {
            return canonicalTerm(i);
        }

        @Override
        protected BitSet computeAtoms(int i) {
            BitSet b = new BitSet();
            b.set(i);
            return b;
        }
    }

    /** {@code e_k = sum_{i<k} t_i}, derived from a {@link LnBasis}. */
    static final class PrefixBasis extends TermBasis {
        final LnBasis parent;

        PrefixBasis(LnBasis parent) {
            super(parent.size());
            this.parent = parent;
        }

        @Override
        public TermBasis parent() {
            return parent;
        }

        @Override
        public ExactReal expansion(int i) {
            int[] idx = new int[i + 1];
            BigInteger[] num = new BigInteger[i + 1];
            for (int j = 0; j <= i; j++) {
                idx[j] = j;
                num[j] = BigInteger.ONE;
            }
            return ExactReal.combination(parent, idx, num, BigInteger.ONE);
        }

        @Override
        protected BigInteger[][] computeBounds(int bits) {
            BigInteger[][] out = new BigInteger[size()][];
            BigInteger lo = BigInteger.ZERO;
            BigInteger hi = BigInteger.ZERO;
            for (int i = 0; i < size(); i++) {
                BigInteger[] t = parent.bounds(i, bits);
                lo = lo.add(t[0]);
                hi = hi.add(t[1]);
                out[i] = new BigInteger[] {lo, hi};
            }
            return out;
        }
    }

    private static final long[] N = {2, 3, 4, 6, 7, 10, 12, 1_000_003};
    private static final Rational[] C = {Rational.ZERO, Rational.of(1, 2), Rational.ZERO, Rational.of(-3, 4),
        Rational.ZERO, Rational.of(2), Rational.ZERO, Rational.of(1, 7)};

    private static LnBasis basis() {
        return new LnBasis(N, C);
    }

    /** The canonical value of {@code (1/den) sum num_j t_{idx_j}}. */
    private static ExactReal canonical(LnBasis b, int[] idx, long[] num, long den) {
        ExactReal s = ExactReal.ZERO;
        for (int j = 0; j < idx.length; j++) {
            s = s.add(b.canonicalTerm(idx[j]).multiply(Rational.of(num[j], den)));
        }
        return s;
    }

    private static ExactReal symbolic(LnBasis b, int[] idx, long[] num, long den) {
        BigInteger[] n = new BigInteger[num.length];
        for (int j = 0; j < num.length; j++) {
            n[j] = BigInteger.valueOf(num[j]);
        }
        return ExactReal.combination(b, idx, n, BigInteger.valueOf(den));
    }

    /** Seeded random combinations (seed in the test name): symbolic and canonical forms agree in every operation. */
    @TestFactory
    Stream<DynamicTest> operationsAgreeWithTheCanonicalForm() {
        List<DynamicTest> out = new ArrayList<>();
        for (long seed = 1; seed <= 40; seed++) {
            long sd = seed;
            out.add(dynamicTest("seed " + seed, () -> {
                java.util.Random r = new java.util.Random(sd);
                LnBasis b = basis();
                int[] idx = new int[1 + r.nextInt(4)];
                long[] num = new long[idx.length];
                for (int j = 0; j < idx.length; j++) {
                    idx[j] = r.nextInt(N.length);
                    num[j] = r.nextInt(11) - 5;
                }
                long den = 1 + r.nextInt(6);
                int[] idx2 = {r.nextInt(N.length), r.nextInt(N.length)};
                long[] num2 = {r.nextInt(7) - 3, r.nextInt(7) - 3};
                ExactReal x = symbolic(b, idx, num, den);
                ExactReal cx = canonical(b, idx, num, den);
                ExactReal y = symbolic(b, idx2, num2, 3);
                ExactReal cy = canonical(b, idx2, num2, 3);
                assertEquals(cx, x);
                assertEquals(cx, x.canonical());
                assertFalse(x.canonical().isSymbolic());
                assertEquals(cx.toString(), x.toString());
                assertEquals(cx.hashCode(), x.hashCode());
                assertEquals(cx.signum(), x.signum());
                assertEquals(cx.isZero(), x.isZero());
                assertEquals(cx.floor(), x.floor());
                assertEquals(cx.ceil(), x.ceil());
                assertEquals(cx.toDecimal(25), x.toDecimal(25));
                assertEquals(cx.toDouble(), x.toDouble());
                assertEquals(cx.rationalPart(), x.rationalPart());
                assertEquals(cx.logCoefficients(), x.logCoefficients());
                assertEquals(cx.isRational(), x.isRational());
                assertEquals(cx.add(cy), x.add(y));
                assertEquals(cx.subtract(cy), x.subtract(y));
                assertEquals(cx.subtract(cy), x.subtract(cy));
                assertEquals(cx.subtract(cy), cx.subtract(y));
                assertEquals(cx.multiply(Rational.of(-5, 3)), x.multiply(Rational.of(-5, 3)));
                assertEquals(cx.add(Rational.of(7, 2)), x.add(Rational.of(7, 2)));
                assertEquals(Integer.signum(cx.compareTo(cy)), Integer.signum(x.compareTo(y)));
                assertTrue(x.enclosure(64).contains(cx.enclosure(200).lo()) || !cx.isRational());
                Interval wide = x.enclosure(64);
                Interval tight = cx.enclosure(300);
                assertTrue(wide.lo().compareTo(tight.hi()) <= 0 && tight.lo().compareTo(wide.hi()) <= 0,
                        "the enclosure contains the value");
                if (!cy.isZero()) {
                    assertEquals(cx.rationalRatio(cy), x.rationalRatio(y));
                    assertEquals(Ratios.decimal(cx, cy, 12), Ratios.decimal(x, y, 12));
                }
            }));
        }
        return out.stream();
    }

    @Test
    void formalCancellationNeedsNoCanonicalForm() {
        LnBasis b = basis();
        ExactReal x = symbolic(b, new int[] {0, 5}, new long[] {3, -2}, 7);
        ExactReal z = x.subtract(x.multiply(Rational.of(2)).divide(Rational.of(2)));
        assertTrue(z.isZero());
        assertFalse(z.isSymbolic(), "a form whose coefficients all cancel is canonical zero");
        assertEquals(0, b.sweeps, "no enclosure was needed");
        assertEquals(Rational.of(-5, 2), x.multiply(Rational.of(-5, 2)).knownRatio(x));
    }

    @Test
    void zeroAfterExpansionIsDecidedExactly() {
        // 2 ln 2 - ln 4 = 0 and ln 2 + ln 3 - ln 6 = 3/4 (the terms carry rational parts 0, 1/2, -3/4)
        LnBasis b = basis();
        ExactReal z = symbolic(b, new int[] {0, 2}, new long[] {2, -1}, 1);
        assertTrue(z.isSymbolic());
        assertNull(z.knownRatio(ExactReal.ONE), "no formal ratio to a canonical value");
        assertTrue(z.isZero());
        assertEquals(0, z.signum());
        assertEquals("0.000", z.toDecimal(3));
        ExactReal w = symbolic(b, new int[] {0, 1, 3}, new long[] {1, 1, -1}, 1);
        assertEquals(ExactReal.of(Rational.of(5, 4)), w);
        assertEquals("1.25", w.toDecimal(2));
        assertEquals("1", w.toDecimal(0), "a rational tie (1.25 to 1 digit is 1.3; to 0 digits 1) is rounded exactly");
        assertEquals("1.3", w.toDecimal(1));
        assertEquals(BigInteger.ONE, w.floor());
        assertEquals(BigInteger.TWO, w.ceil());
        assertTrue(w.isRational());
        assertEquals(Rational.of(5, 4), w.rationalRatio(ExactReal.ONE));
        assertEquals("5", Ratios.decimal(w, ExactReal.of(Rational.of(1, 4)), 0));
        // floor at an integer reached only by expansion: ln 4 - 2 ln 2 + 3 = 3
        ExactReal three = z.add(Rational.of(3));
        assertEquals(BigInteger.valueOf(3), three.floor());
        assertEquals(BigInteger.valueOf(3), three.ceil());
        assertEquals(3.0, three.toDouble());
    }

    @Test
    void derivedBasisValuesAddFormallyToTheirParent() {
        LnBasis b = basis();
        PrefixBasis e = new PrefixBasis(b);
        // e_2 - t_0 - t_1 - t_2 = 0 formally after expanding the short derived value
        ExactReal e2 = ExactReal.term(e, 2);
        ExactReal parts = symbolic(b, new int[] {0, 1, 2}, new long[] {1, 1, 1}, 1);
        ExactReal d = e2.subtract(parts);
        assertTrue(d.isSymbolic(), "values over a derived basis and its parent are carried, not expanded");
        assertFalse(SymbolicForm.merged(d).isSymbolic(), "merging the parts over related bases cancels them formally");
        int sweeps = b.sweeps;
        assertTrue(d.isZero());
        assertEquals(0, d.signum());
        assertTrue(b.sweeps - sweeps <= 1, "decided after the first enclosure by the formal merge, not by refinement");
        assertEquals(canonical(b, new int[] {0, 1, 2}, new long[] {1, 1, 1}, 1), e2);
        assertEquals(e.exact(2), e2.canonical());
        BitSet atoms = e.atoms(2);
        assertEquals(3, atoms.cardinality());
        assertEquals(3, e2.symbolicAtomCount());
    }

    @Test
    void mergingKeepsTheValueOfNestedSums() {
        LnBasis b = basis();
        PrefixBasis e = new PrefixBasis(b);
        // (e_3 + 1/2) - (t_0 + t_2) + t_5 over both bases, with rational parts on either side
        ExactReal x = ExactReal.term(e, 3).add(Rational.of(1, 2));
        ExactReal y = symbolic(b, new int[] {0, 2}, new long[] {1, 1}, 1).add(Rational.of(-1, 3));
        ExactReal z = x.subtract(y).add(ExactReal.term(b, 5));
        ExactReal expected = canonical(b, new int[] {1, 3, 5}, new long[] {1, 1, 1}, 1).add(Rational.of(5, 6));
        assertEquals(expected, z);
        assertEquals(expected, SymbolicForm.merged(z));
        assertEquals(expected, SymbolicForm.merged(y.subtract(x).negate().add(ExactReal.term(b, 5))));
        assertEquals(expected.toDecimal(20), z.toDecimal(20));
        ExactReal canonicalRest = ExactReal.term(e, 1).add(ExactReal.ln(5));
        assertEquals(canonicalRest, SymbolicForm.merged(canonicalRest), "nothing to merge: the same value");
    }

    @Test
    void longDerivedValuesAreCarriedAlongNotExpanded() {
        long[] n = new long[40];
        Rational[] c = new Rational[40];
        for (int i = 0; i < n.length; i++) {
            n[i] = 2 + i;
            c[i] = Rational.ZERO;
        }
        LnBasis b = new LnBasis(n, c);
        PrefixBasis e = new PrefixBasis(b);
        int[] idx = new int[30];
        BigInteger[] num = new BigInteger[30];
        for (int j = 0; j < 30; j++) {
            idx[j] = j;
            num[j] = BigInteger.valueOf(j % 2 == 0 ? 1 : -1);
        }
        ExactReal longValue = ExactReal.combination(e, idx, num, BigInteger.ONE);
        ExactReal overParent = ExactReal.term(b, 39);
        ExactReal sum = longValue.add(overParent);
        assertTrue(sum.isSymbolic());
        ExactReal expected = ExactReal.ZERO;
        for (int j = 0; j < 30; j++) {
            expected = expected.add(e.exact(j).multiply(j % 2 == 0 ? 1 : -1));
        }
        expected = expected.add(ExactReal.ln(41));
        assertEquals(expected, sum);
        assertEquals(expected.toDecimal(30), sum.toDecimal(30));
        assertEquals(expected, sum.subtract(overParent).add(overParent));
        assertTrue(sum.subtract(expected).isZero());
    }

    @Test
    void valuesOverUnrelatedBasesAreStillExact() {
        LnBasis a = basis();
        LnBasis b = basis();
        ExactReal x = ExactReal.term(a, 3);
        ExactReal y = ExactReal.term(b, 3);
        assertNull(x.knownRatio(y), "different bases are never proportional formally");
        assertEquals(x, y);
        assertTrue(x.subtract(y).isZero());
        assertEquals(Rational.ONE, x.rationalRatio(y));
    }

    /** {@code ln(N + 1) - ln(N)} for {@code N = 2^bits}: positive, smaller than {@code 2^-bits}. */
    private static ExactReal tinyOverBasis(int bits) {
        TermBasis b = bigLnBasis(bits);
        return ExactReal.combination(b, new int[] {0, 1}, new BigInteger[] {BigInteger.ONE.negate(), BigInteger.ONE},
                BigInteger.ONE);
    }

    /** Terms {@code ln(2^bits)} and {@code ln(2^bits + 1)}. */
    private static TermBasis bigLnBasis(int bits) {
        BigInteger big = BigInteger.ONE.shiftLeft(bits);
        return new TermBasis(2) {
            final BigInteger[] n = {big, big.add(BigInteger.ONE)};

            @Override
            protected BigInteger[][] computeBounds(int p) {
                return new BigInteger[][] {CertifiedLog.lnBounds(n[0], p), CertifiedLog.lnBounds(n[1], p)};
            }

            @Override
            protected ExactReal computeExact(int i) {
                return ExactReal.ln(n[i]);
            }

            @Override
            protected BitSet computeAtoms(int i) {
                BitSet s = new BitSet();
                s.set(i);
                return s;
            }
        };
    }

    @Test
    void valuesTooCloseToZeroForTheFirstEnclosuresAreStillSigned() {
        ExactReal tiny = tinyOverBasis(70);
        assertFalse(tiny.isZero());
        assertEquals(1, tiny.signum());
        assertEquals(-1, tiny.negate().signum());
        assertEquals(1, tiny.compareTo(ExactReal.ZERO));
        ExactReal below = tinyOverBasis(1100);
        assertEquals(1, below.signum(), "below 2^-1024: decided by the canonical form");
        assertFalse(below.isZero());
        assertEquals("0.00000", below.toDecimal(5));
    }

    @Test
    void aMergeThatLeavesAValueBelowTheFirstEnclosuresDecidesItsSign() {
        // e_1 - 2 t_0 = ln(N+1) - ln(N) ~ 2^-300 with N = 2^300: the first enclosure (192 bits) cannot
        // tell it from zero, the merge over the parent leaves a non-zero value, refined to its sign
        TermBasis parent = bigLnBasis(300);
        TermBasis prefix = new TermBasis(2) {
            @Override
            public TermBasis parent() {
                return parent;
            }

            @Override
            public ExactReal expansion(int i) {
                return ExactReal.combination(parent, i == 0 ? new int[] {0} : new int[] {0, 1},
                        i == 0 ? new BigInteger[] {BigInteger.ONE} : new BigInteger[] {BigInteger.ONE, BigInteger.ONE},
                        BigInteger.ONE);
            }

            @Override
            protected BigInteger[][] computeBounds(int bits) {
                BigInteger[] a = parent.bounds(0, bits);
                BigInteger[] c = parent.bounds(1, bits);
                return new BigInteger[][] {a, {a[0].add(c[0]), a[1].add(c[1])}};
            }
        };
        ExactReal d = ExactReal.term(prefix, 1).subtract(ExactReal.term(parent, 0).multiply(2));
        assertEquals(1, d.signum());
        assertEquals(-1, d.negate().signum());
    }

    @Test
    void aMergeThatLeavesANonZeroValueDecidesItsSign() {
        // e_1 - 2 t_0 = t_1 - t_0 = ln((N+1)/N) > 0, below the first enclosure's width
        long big = 1_000_000_000_000_000_000L;
        LnBasis b = new LnBasis(new long[] {big, big + 1},
                new Rational[] {Rational.ZERO, Rational.ZERO});
        PrefixBasis e = new PrefixBasis(b);
        ExactReal d = ExactReal.term(e, 1).subtract(ExactReal.term(b, 0).multiply(2));
        assertEquals(1, d.signum());
        assertEquals(-1, d.negate().signum());
        assertTrue(d.compareTo(ExactReal.ZERO) > 0);
    }

    @Test
    void aDoubleTieIsRoundedFromTheCanonicalForm() {
        // 1 + 2^-53 lies halfway between two doubles: enclosures never decide, the exact value rounds to even (1.0)
        LnBasis b = basis();
        ExactReal half = symbolic(b, new int[] {0, 2}, new long[] {2, -1}, 1)
                .add(Rational.of(BigInteger.ONE.shiftLeft(53).add(BigInteger.ONE), BigInteger.ONE.shiftLeft(53)));
        assertTrue(half.isSymbolic());
        assertEquals(1.0, half.toDouble());
        // 5/4 / 1/2 = 5/2 is a rounding tie at 0 digits: away from zero
        ExactReal w = symbolic(b, new int[] {0, 1, 3}, new long[] {1, 1, -1}, 1);
        assertEquals("3", Ratios.decimal(w, ExactReal.of(Rational.of(1, 2)), 0));
        assertEquals("-3", Ratios.decimal(w.negate(), ExactReal.of(Rational.of(1, 2)), 0));
        // and with the symbolic value in the denominator: (5/4) / (5/2 symbolically) = 1/2, a tie at 0 digits
        assertEquals("1", Ratios.decimal(ExactReal.of(Rational.of(5, 4)), w.multiply(2), 0));
    }

    @Test
    void equalityOfSymbolicValues() {
        LnBasis b = basis();
        ExactReal x = ExactReal.term(b, 1);
        assertNotEquals(x, ExactReal.term(b, 2));
        assertNotEquals(ExactReal.term(b, 2), x);
        assertNotEquals(x, b.canonicalTerm(2));
        assertNotEquals(b.canonicalTerm(2), x);
        assertEquals(x, b.canonicalTerm(1));
        assertEquals(b.canonicalTerm(1), x);
        assertEquals(x, x.add(ExactReal.term(b, 4)).subtract(ExactReal.term(b, 4)));
        assertNotEquals(x, (Object) "t_1");
    }

    @Test
    void formalRatiosNeedEveryTermProportional() {
        LnBasis b = basis();
        ExactReal x = symbolic(b, new int[] {0, 1}, new long[] {1, 1}, 1);
        ExactReal y = symbolic(b, new int[] {0, 1}, new long[] {1, 2}, 1);
        assertNull(x.knownRatio(y));
        assertEquals(Rational.of(3), symbolic(b, new int[] {0, 1}, new long[] {3, 6}, 1).knownRatio(y));
        assertNull(x.add(Rational.ONE).knownRatio(x), "a different rational part");
        // indices out of order and repeated: merged, so t_3 cancels and the value is 2 t_1
        ExactReal merged = symbolic(b, new int[] {3, 1, 3}, new long[] {1, 2, -1}, 1);
        assertEquals(Rational.of(2), merged.knownRatio(ExactReal.term(b, 1)));
        assertEquals(1, merged.symbolicAtomCount());
        assertEquals(Rational.ONE, symbolic(b, new int[] {0}, new long[] {2}, 4)
                .knownRatio(ExactReal.term(b, 0).multiply(Rational.of(1, 2))));
    }

    @Test
    void atomCountsAddAcrossBases() {
        LnBasis a = basis();
        LnBasis c = basis();
        ExactReal sum = ExactReal.term(a, 0).add(ExactReal.term(a, 3)).add(ExactReal.term(c, 5));
        assertEquals(3, sum.symbolicAtomCount());
        assertEquals(2 + 1, ExactReal.term(a, 0).add(ExactReal.ln(15)).symbolicAtomCount(),
                "a canonical part adds its own atoms (3 and 5)");
    }

    @Test
    void oneTermAndPointEnclosuresAreFine() {
        LnBasis one = new LnBasis(new long[] {1}, new Rational[] {Rational.of(1, 2)});
        assertEquals(1, one.size());
        BigInteger[] point = one.bounds(0, 1);
        assertEquals(point[0], point[1], "1/2 is an exact point at any precision");
        assertEquals(ExactReal.of(Rational.of(1, 2)), ExactReal.term(one, 0));
    }

    @Test
    void basesOfIndependentTermsEncloseEachTermAlone() {
        int[] computed = new int[3];
        TermBasis b = new TermBasis(3) {
            @Override
            protected BigInteger[] computeBound(int i, int bits) {
                computed[i]++;
                return CertifiedLog.lnBounds(BigInteger.valueOf(2 + i), bits);
            }

            @Override
            protected ExactReal computeExact(int i) {
                return ExactReal.ln(2 + i);
            }

            @Override
            protected BitSet computeAtoms(int i) {
                return new BitSet();
            }
        };
        // not declared independent: the default computes every term, one by one
        ExactReal t1 = ExactReal.term(b, 1);
        assertEquals(ExactReal.ln(3), t1);
        assertTrue(computed[0] >= 1);
        assertEquals(computed[0], computed[2], "all at once");
        assertEquals(0, t1.symbolicAtomCount());
    }

    @Test
    void badCombinationsAreRefused() {
        LnBasis b = basis();
        assertThrows(IllegalArgumentException.class, () -> ExactReal.combination(b, new int[] {0}, new BigInteger[0],
                BigInteger.ONE));
        assertThrows(IllegalArgumentException.class, () -> ExactReal.combination(b, new int[] {0},
                new BigInteger[] {BigInteger.ONE}, BigInteger.ZERO));
        assertThrows(IllegalArgumentException.class, () -> ExactReal.term(b, N.length));
        assertThrows(IllegalArgumentException.class, () -> ExactReal.term(b, -1));
        assertThrows(IllegalArgumentException.class, () -> b.bounds(0, 0));
        assertEquals(2, b.bounds(0, 1).length);
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> b.bounds(N.length, 64));
        assertTrue(bad.getMessage().contains("outside 0..7"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.bounds(-1, 64));
        assertThrows(IllegalArgumentException.class, () -> b.atoms(-1));
        assertThrows(IllegalArgumentException.class, () -> b.atoms(N.length));
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> ExactReal.combination(b, new int[] {9}, new BigInteger[] {BigInteger.ONE}, BigInteger.ONE));
        assertTrue(outside.getMessage().contains("term 9 outside 0..7"), outside.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.exact(N.length));
        assertThrows(UnsupportedOperationException.class, () -> b.expansion(0));
        assertThrows(ArithmeticException.class, () -> ExactReal.term(b, 0).knownRatio(ExactReal.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new LnBasis(new long[0], new Rational[0]));
    }

    @Test
    void basisEnclosuresAreCachedAndRoundedToLevels() {
        LnBasis b = basis();
        BigInteger[] lo = b.bounds(1, 10);
        assertEquals(1, b.sweeps);
        assertEquals(TermBasis.MIN_BITS, 192);
        b.bounds(2, 100);
        b.bounds(3, 192);
        assertEquals(1, b.sweeps, "requests up to the lowest level share one sweep");
        BigInteger[] fine = b.bounds(1, 200);
        assertEquals(2, b.sweeps, "a finer request computes a new level (256 bits)");
        b.bounds(1, 256);
        assertEquals(2, b.sweeps);
        // the coarse bounds are the fine ones rounded outward
        assertEquals(fine[0].shiftRight(190), b.bounds(1, 10)[0]);
        assertTrue(lo[0].compareTo(b.bounds(1, 10)[0]) <= 0);
        Rational value = Rational.ONE;
        assertNotEquals(value, Rational.ZERO);
    }
}
