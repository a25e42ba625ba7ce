package org.dlmexact.exact;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The symbolic form of an exact real: {@code q0 + rest + (1/den) sum_j num_j t_{idx_j}} over the
 * terms {@code t} of one {@link TermBasis}. Indices are strictly increasing, every {@code num_j != 0},
 * {@code den > 0} and there is at least one term (a form without terms is {@code q0 + rest} and never
 * built). {@code rest} is an exact real with a zero rational part when canonical; it may be symbolic
 * over another basis (a sum of values over two bases that are not formally added: see
 * {@link #combine}). Package-private: {@link ExactReal} is the only user.
 */
final class SymbolicForm {

    /** Enclosures of a symbolic value are refined up to this precision before its canonical form is built. */
    static final int PRECISION_CAP = 1024;


    final TermBasis basis;
    final int[] idx;
    final BigInteger[] num;
    final BigInteger den;
    final Rational q0;
    final ExactReal rest;

    private SymbolicForm(TermBasis basis, int[] idx, BigInteger[] num, BigInteger den, Rational q0, ExactReal rest) {
        this.basis = basis;
        this.idx = idx;
        this.num = num;
        this.den = den;
        this.q0 = q0;
        this.rest = rest;
    }

    /**
     * The value {@code q0 + rest + (1/den) sum num_j t_{idx_j}}: canonical when every coefficient
     * cancels, symbolic otherwise. Indices may repeat and come in any order.
     */
    static ExactReal of(TermBasis basis, int[] idx, BigInteger[] num, BigInteger den, Rational q0, ExactReal rest) {
        if (idx.length != num.length) {
            throw new IllegalArgumentException("indices and numerators differ in length: " + idx.length + " and " + num.length);
        }
        if (den.signum() <= 0) {
            throw new IllegalArgumentException("the common denominator must be positive, got " + den);
        }
        boolean increasing = true;
        for (int j = 0; j < idx.length; j++) {
            if (idx[j] < 0 || idx[j] >= basis.size()) {
                throw new IllegalArgumentException("term " + idx[j] + " outside 0.." + (basis.size() - 1));
            }
            increasing &= j == 0 || idx[j - 1] < idx[j];
        }
        int[] i2;
        BigInteger[] n2;
        if (increasing) {
            // already sorted and distinct (sums of forms, combinations built in order): drop zeros only
            int nonZero = 0;
            for (BigInteger n : num) {
                nonZero += n.signum() != 0 ? 1 : 0;
            }
            i2 = new int[nonZero];
            n2 = new BigInteger[nonZero];
            for (int j = 0, k = 0; j < idx.length; j++) {
                if (num[j].signum() != 0) {
                    i2[k] = idx[j];
                    n2[k++] = num[j];
                }
            }
        } else {
            TreeMap<Integer, BigInteger> m = new TreeMap<>();
            for (int j = 0; j < idx.length; j++) {
                if (num[j].signum() != 0) {
                    m.merge(idx[j], num[j], BigInteger::add);
                }
            }
            m.values().removeIf(v -> v.signum() == 0);
            i2 = new int[m.size()];
            n2 = new BigInteger[m.size()];
            int k = 0;
            for (Map.Entry<Integer, BigInteger> e : m.entrySet()) {
                i2[k] = e.getKey();
                n2[k++] = e.getValue();
            }
        }
        ExactReal base = rest.add(q0);
        if (i2.length == 0) {
            return base;
        }
        Rational r0 = base.isSymbolic() ? q0 : base.rationalPart();
        ExactReal r1 = base.isSymbolic() ? rest : base.add(r0.negate());
        BigInteger g = den;
        for (int k = 0; k < n2.length && !g.equals(BigInteger.ONE); k++) {
            g = g.gcd(n2[k]);
        }
        BigInteger d = den;
        if (!g.equals(BigInteger.ONE)) {
            for (int j = 0; j < n2.length; j++) {
                n2[j] = n2[j].divide(g);
            }
            d = den.divide(g);
        }
        return ExactReal.symbolic(new SymbolicForm(basis, i2, n2, d, r0, r1));
    }

    /** {@code this * q} (q not zero). */
    SymbolicForm scale(Rational q) {
        BigInteger[] n = new BigInteger[num.length];
        for (int j = 0; j < n.length; j++) {
            n[j] = num[j].multiply(q.numerator());
        }
        return new SymbolicForm(basis, idx, n, den.multiply(q.denominator()), q0.multiply(q), rest.multiply(q));
    }

    /** {@code this + q}. */
    SymbolicForm plus(Rational q) {
        return new SymbolicForm(basis, idx, num, den, q0.add(q), rest);
    }

    /**
     * {@code x + sign * y} where at least one of the two is symbolic. Values over one basis are added
     * formally; otherwise the second value is carried along in the rest of the first (a sum over two
     * bases), and {@link #merged} adds them formally when a decision needs it.
     */
    static ExactReal combine(ExactReal x, ExactReal y, boolean subtract) {
        Rational sign = subtract ? Rational.ONE.negate() : Rational.ONE;
        SymbolicForm a = x.symbolicForm();
        SymbolicForm b = y.symbolicForm();
        if (a == null) {
            // canonical + symbolic
            SymbolicForm bs = b.scale(sign);
            return of(bs.basis, bs.idx, bs.num, bs.den, bs.q0, bs.rest.add(x));
        }
        if (b == null) {
            return of(a.basis, a.idx, a.num, a.den, a.q0, a.rest.add(y.multiply(sign)));
        }
        if (a.basis != b.basis) {
            return of(a.basis, a.idx, a.num, a.den, a.q0, a.rest.add(y.multiply(sign)));
        }
        BigInteger g = a.den.gcd(b.den);
        BigInteger fa = b.den.divide(g);
        BigInteger fb = a.den.divide(g).multiply(sign.numerator());
        int[] i2 = new int[a.idx.length + b.idx.length];
        BigInteger[] n2 = new BigInteger[i2.length];
        int p = 0;
        int q = 0;
        int k = 0;
        while (p < a.idx.length || q < b.idx.length) {
            if (q >= b.idx.length || (p < a.idx.length && a.idx[p] < b.idx[q])) {
                i2[k] = a.idx[p];
                n2[k++] = a.num[p++].multiply(fa);
            } else if (p >= a.idx.length || b.idx[q] < a.idx[p]) {
                i2[k] = b.idx[q];
                n2[k++] = b.num[q++].multiply(fb);
            } else {
                i2[k] = a.idx[p];
                n2[k++] = a.num[p++].multiply(fa).add(b.num[q++].multiply(fb));
            }
        }
        return of(a.basis, Arrays.copyOf(i2, k), Arrays.copyOf(n2, k), a.den.multiply(fa),
                a.q0.add(b.q0.multiply(sign)), a.rest.add(b.rest.multiply(sign)));
    }

    /**
     * The same value with its parts over a derived basis and over that basis' parent added formally
     * (the derived part expanded over the parent, {@code O(terms x parent terms)}); {@code self} when
     * there is nothing to merge. The result may be canonical (everything cancelled).
     */
    static ExactReal merged(ExactReal self) {
        SymbolicForm a = self.symbolicForm();
        if (a == null) {
            return self;
        }
        ExactReal rest = merged(a.rest);
        SymbolicForm b = rest.symbolicForm();
        ExactReal head = rest == a.rest ? self : of(a.basis, a.idx, a.num, a.den, a.q0, rest);
        if (b == null || head.symbolicForm() == null) {
            return head;
        }
        a = head.symbolicForm();
        if (a.basis.parent() == b.basis) {
            // the terms over the parent, plus the rest (over the parent too: added formally), plus q0
            return combine(a.expandTerms(), a.rest, false).add(a.q0);
        }
        if (b.basis.parent() == a.basis) {
            ExactReal own = of(a.basis, a.idx, a.num, a.den, a.q0, ExactReal.ZERO);
            ExactReal restOver = combine(b.expandTerms(), b.rest, false).add(b.q0);
            return combine(restOver, own, false);
        }
        return head;
    }

    /** The terms of this form ({@code (1/den) sum num_j t_j}, without {@code q0} and the rest) over the parent basis. */
    private ExactReal expandTerms() {
        TermBasis parent = basis.parent();
        SymbolicForm[] parts = new SymbolicForm[idx.length];
        BigInteger common = BigInteger.ONE;
        for (int j = 0; j < idx.length; j++) {
            SymbolicForm f = basis.expansion(idx[j]).symbolicForm();
            if (f == null || f.basis != parent) {
                throw new IllegalStateException("term " + idx[j] + " of a derived basis does not expand over its parent");
            }
            parts[j] = f;
            common = common.divide(common.gcd(f.den)).multiply(f.den);
        }
        // sum_j (num_j/den) (f_j.q0 + f_j.rest + (1/f_j.den) sum_t f_j.num_t s_t), over the denominator common * den
        Map<Integer, BigInteger> acc = new TreeMap<>();
        ExactReal constant = ExactReal.ZERO;
        for (int j = 0; j < idx.length; j++) {
            SymbolicForm f = parts[j];
            BigInteger scale = common.divide(f.den).multiply(num[j]);
            for (int t = 0; t < f.idx.length; t++) {
                acc.merge(f.idx[t], f.num[t].multiply(scale), BigInteger::add);
            }
            constant = constant.add(f.rest.add(f.q0).multiply(Rational.of(num[j], den)));
        }
        int[] i2 = new int[acc.size()];
        BigInteger[] n2 = new BigInteger[acc.size()];
        int k = 0;
        for (Map.Entry<Integer, BigInteger> e : acc.entrySet()) {
            i2[k] = e.getKey();
            n2[k++] = e.getValue();
        }
        return of(parent, i2, n2, common.multiply(den), Rational.ZERO, constant);
    }

    /** A certified enclosure at about {@code bits} bits. */
    Interval enclosure(int bits) {
        BigInteger total = BigInteger.ZERO;
        for (BigInteger n : num) {
            total = total.add(n.abs());
        }
        int guard = Math.max(0, total.bitLength() - den.bitLength()) + 4;
        // at a precision the basis keeps, so that its bounds are read without shifting
        int b = TermBasis.level(bits + guard);
        BigInteger lo = BigInteger.ZERO;
        BigInteger hi = BigInteger.ZERO;
        for (int j = 0; j < idx.length; j++) {
            BigInteger[] t = basis.bounds(idx[j], b);
            if (num[j].signum() > 0) {
                lo = lo.add(num[j].multiply(t[0]));
                hi = hi.add(num[j].multiply(t[1]));
            } else {
                lo = lo.add(num[j].multiply(t[1]));
                hi = hi.add(num[j].multiply(t[0]));
            }
        }
        BigInteger d = den.shiftLeft(b);
        Interval r = rest.enclosure(bits);
        Rational shift = q0;
        return Interval.of(Rational.of(lo, d).add(shift).add(r.lo()), Rational.of(hi, d).add(shift).add(r.hi()));
    }

    /** The canonical form. */
    ExactReal materialize() {
        Map<BigInteger, Rational> terms = new HashMap<>();
        Rational q = q0;
        for (int j = 0; j < idx.length; j++) {
            Rational c = Rational.of(num[j], den);
            ExactReal e = basis.exact(idx[j]);
            q = q.add(e.rationalPart().multiply(c));
            for (Map.Entry<BigInteger, Rational> t : e.logCoefficients().entrySet()) {
                terms.merge(t.getKey(), t.getValue().multiply(c), Rational::add);
            }
        }
        return ExactReal.lnCombination(q, terms).add(rest.canonical());
    }

    /** The number of atoms of the symbolic form (identifiers of its terms' atoms, plus the canonical part's). */
    int atomCount() {
        BitSet all = new BitSet();
        for (int i : idx) {
            all.or(basis.atoms(i));
        }
        return all.cardinality() + rest.symbolicAtomCount();
    }

    /**
     * {@code r} with {@code this = r * o} when both forms are proportional term by term (over one
     * basis), else null. A sufficient test: null does not mean that the ratio is irrational.
     */
    /*@ nullable @*/ Rational ratio(SymbolicForm o) {
        if (o.basis != basis || !Arrays.equals(o.idx, idx)) {
            return null;
        }
        Rational r = Rational.of(num[0].multiply(o.den), o.num[0].multiply(den));
        for (int j = 1; j < idx.length; j++) {
            if (!num[j].multiply(o.num[0]).equals(o.num[j].multiply(num[0]))) {
                return null;
            }
        }
        if (rest.isSymbolic() || o.rest.isSymbolic() || !q0.equals(o.q0.multiply(r))
                || !rest.subtract(o.rest.multiply(r)).isZero()) {
            return null;
        }
        return r;
    }
}
