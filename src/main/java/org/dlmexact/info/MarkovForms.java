package org.dlmexact.info;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.exact.TermBasis;
import org.dlmexact.law.Structure;

/**
 * Closed forms of a Markov chain {@code X_0 ~ mu_0}, {@code X_{i+1} ~ P(X_i, .)}
 * (proofs-notes/structured-laws.md). With {@code mu_s = mu_0 P^s} and
 * {@code r(a, g) = H(P^g(a, .))}, the Markov property gives, for {@code S = {s_1 < ... < s_k}},
 * <pre>
 *   H(X_S) = H(mu_{s_1}) + sum_{i<k} sum_a mu_{s_i}(a) r(a, s_{i+1} - s_i),
 * </pre>
 * and counting the {@code k}-subsets with a given first element and a given pair of consecutive
 * elements,
 * <pre>
 *   C(L, k) e_k = sum_s C(L-1-s, k-1) H(mu_s) + sum_{g=1}^{L-1} C(L-g-1, k-2) sum_a M_g(a) r(a, g),
 *   M_g(a) = sum_{s=0}^{L-1-g} mu_s(a).
 * </pre>
 * For a stationary start ({@code mu_s = pi}) this is theory.md §8's form with
 * {@code h(g) = sum_a pi_a r(a, g)} and {@code M_g = (L - g) pi}.
 *
 * <p>The primitive terms are the distinct entropies {@code H(mu_s)} and {@code r(a, g)}, kept in an
 * {@link EntropyBasis}; equal distributions (up to the order of their probabilities) share one term
 * and point masses (entropy zero) are dropped, so degenerate chains get small bases. With
 * {@code P = A/d} ({@code A} integer, {@code d} the common denominator) and {@code mu_0 = u_0/D},
 * {@code mu_s = u_s/(D d^s)} with {@code u_{s+1} = u_s A} and row {@code a} of {@code P^g} is row
 * {@code a} of {@code A^g} over {@code d^g}: all integer arithmetic. When the primitive basis is
 * large, {@code e_1..e_L} form a derived basis of their own, whose enclosures are computed
 * directly: {@code O(V^2 L)} certified logarithms and {@code O(L^2)} short multiplications per
 * precision level.
 */
final class MarkovForms extends ClosedForms {

    private static final BigInteger FINGERPRINT_PRIME = BigInteger.ONE.shiftLeft(61).subtract(BigInteger.ONE);

    /** Primitive bases up to this size carry {@code e_k} directly (no derived basis). */
    static final int SMALL_BASIS = 8;

    private final int l;
    private final int v;
    private final BigInteger d;
    private final BigInteger d0;
    /** {@code u[s][a]}: {@code mu_s(a) = u[s][a] / (D d^s)}. */
    private final BigInteger[][] u;
    /** Term of {@code H(mu_s)}, or -1 for a point mass. */
    private final int[] marg;
    /** {@code row[g][a]}: term of {@code r(a, g)}, or -1 for a point mass ({@code g >= 1}). */
    private final int[][] row;
    /** {@code q[g][a] = N_g(a) d^{g-1}} with {@code M_g(a) = q[g][a] / (D d^{L-2})} ({@code g >= 1}, {@code L >= 2}). */
    private final BigInteger[][] q;
    private final EntropyBasis prim;
    private final /*@ nullable @*/ AverageBasis averages;
    private final /*@ nullable @*/ ExactReal[] smallAverages;

    MarkovForms(Structure.Markov m) {
        this.l = m.length();
        this.v = m.alphabetSize();
        BigInteger den = BigInteger.ONE;
        for (Rational[] r : m.rows()) {
            for (Rational x : r) {
                den = lcm(den, x.denominator());
            }
        }
        this.d = den;
        BigInteger[][] a = new BigInteger[v][v];
        for (int i = 0; i < v; i++) {
            for (int j = 0; j < v; j++) {
                a[i][j] = m.rows()[i][j].multiply(den).numerator();
            }
        }
        BigInteger sd = BigInteger.ONE;
        for (Rational x : m.start()) {
            sd = lcm(sd, x.denominator());
        }
        this.d0 = sd;
        this.u = new BigInteger[l][];
        u[0] = new BigInteger[v];
        for (int i = 0; i < v; i++) {
            u[0][i] = m.start()[i].multiply(sd).numerator();
        }
        for (int s = 1; s < l; s++) {
            u[s] = times(u[s - 1], a);
        }
        List<EntropyBasis.Weights> terms = new ArrayList<>();
        Map<List<Long>, List<Integer>> index = new HashMap<>();
        this.marg = new int[l];
        for (int s = 0; s < l; s++) {
            marg[s] = termOf(u[s], terms, index);
        }
        this.row = new int[l][];
        BigInteger[][] power = identity(v);
        for (int g = 1; g < l; g++) {
            power = times(power, a);
            row[g] = new int[v];
            for (int i = 0; i < v; i++) {
                row[g][i] = termOf(power[i], terms, index);
            }
        }
        // N_{L-1} = u_0, N_{g-1} = d N_g + u_{L-g}; q_g = N_g d^{g-1}
        this.q = new BigInteger[l][];
        if (l >= 2) {
            BigInteger[] n = u[0].clone();
            for (int g = l - 1; g >= 1; g--) {
                if (g < l - 1) {
                    for (int i = 0; i < v; i++) {
                        n[i] = n[i].multiply(d).add(u[l - 1 - g][i]);
                    }
                }
                q[g] = new BigInteger[v];
                BigInteger dg = d.pow(g - 1);
                for (int i = 0; i < v; i++) {
                    q[g][i] = n[i].multiply(dg);
                }
            }
        }
        if (terms.isEmpty()) {
            // every distribution is a point mass: a deterministic chain from a deterministic start
            terms.add(new EntropyBasis.Weights(BigInteger.ONE, new BigInteger[] {BigInteger.ONE}, null));
        }
        this.prim = EntropyBasis.of(terms);
        if (prim.size() <= SMALL_BASIS) {
            this.averages = null;
            this.smallAverages = new ExactReal[l + 1];
            for (int k = 1; k <= l; k++) {
                smallAverages[k] = expansion(k);
            }
        } else {
            this.averages = new AverageBasis();
            this.smallAverages = null;
        }
    }

    /** The size of the integers a chain of this shape stores, in bits (for the size refusal). */
    static BigInteger storedBits(Structure.Markov m) {
        BigInteger den = BigInteger.ONE;
        for (Rational[] r : m.rows()) {
            for (Rational x : r) {
                den = lcm(den, x.denominator());
            }
        }
        long v = m.alphabetSize();
        long l = m.length();
        // rows of A^g (V^2 per g), u_s and q_g (V each): about g log2(d) bits each
        return BigInteger.valueOf(v * v + 2 * v).multiply(BigInteger.valueOf(l).pow(2))
                .multiply(BigInteger.valueOf(den.bitLength())).divide(BigInteger.TWO);
    }

    /**
     * The term of the entropy of {@code weights / sum(weights)}: an existing term when a distribution
     * with the same multiset of probabilities was seen before, -1 for a point mass. Candidates are
     * found through a fingerprint (the sorted probabilities {@code w_j / W} as residues modulo the
     * prime {@code 2^61 - 1}, equal for equal rationals) and confirmed by exact cross-multiplication,
     * so no gcd of long integers is needed.
     */
    private static int termOf(BigInteger[] weights, List<EntropyBasis.Weights> terms, Map<List<Long>, List<Integer>> index) {
        List<BigInteger> nonZero = new ArrayList<>();
        BigInteger total = BigInteger.ZERO;
        for (BigInteger w : weights) {
            if (w.signum() > 0) {
                nonZero.add(w);
                total = total.add(w);
            }
        }
        if (nonZero.size() <= 1) {
            return -1;
        }
        java.util.Collections.sort(nonZero);
        List<Long> fingerprint = new ArrayList<>();
        BigInteger totalMod = total.mod(FINGERPRINT_PRIME);
        BigInteger inverse = totalMod.signum() == 0 ? BigInteger.ZERO : totalMod.modInverse(FINGERPRINT_PRIME);
        for (BigInteger w : nonZero) {
            fingerprint.add(w.mod(FINGERPRINT_PRIME).multiply(inverse).mod(FINGERPRINT_PRIME).longValue());
        }
        BigInteger[] values = nonZero.toArray(new BigInteger[0]);
        List<Integer> bucket = index.computeIfAbsent(fingerprint, f -> new ArrayList<>());
        for (int t : bucket) {
            EntropyBasis.Weights other = terms.get(t);
            boolean same = true;
            for (int j = 0; j < values.length && same; j++) {
                same = values[j].multiply(other.total()).equals(other.values()[j].multiply(total));
            }
            if (same) {
                return t;
            }
        }
        terms.add(new EntropyBasis.Weights(total, values, null));
        bucket.add(terms.size() - 1);
        return terms.size() - 1;
    }

    /** {@link #termOf} for tests of the sharing of distributions. */
    static int termOfForTest(BigInteger[] weights, List<EntropyBasis.Weights> terms, Map<List<Long>, List<Integer>> index) {
        return termOf(weights, terms, index);
    }

    private static BigInteger[] times(BigInteger[] x, BigInteger[][] a) {
        BigInteger[] y = new BigInteger[x.length];
        for (int j = 0; j < x.length; j++) {
            BigInteger s = BigInteger.ZERO;
            for (int i = 0; i < x.length; i++) {
                if (x[i].signum() != 0 && a[i][j].signum() != 0) {
                    s = s.add(x[i].multiply(a[i][j]));
                }
            }
            y[j] = s;
        }
        return y;
    }

    private static BigInteger[][] times(BigInteger[][] x, BigInteger[][] a) {
        BigInteger[][] y = new BigInteger[x.length][];
        for (int i = 0; i < x.length; i++) {
            y[i] = times(x[i], a);
        }
        return y;
    }

    private static BigInteger[][] identity(int v) {
        BigInteger[][] id = new BigInteger[v][v];
        for (int i = 0; i < v; i++) {
            for (int j = 0; j < v; j++) {
                id[i][j] = i == j ? BigInteger.ONE : BigInteger.ZERO;
            }
        }
        return id;
    }

    private static BigInteger lcm(BigInteger a, BigInteger b) {
        return a.divide(a.gcd(b)).multiply(b);
    }

    /** {@code mu_s(a)} exactly. */
    private Rational mu(int s, int a) {
        return Rational.of(u[s][a], d0.multiply(d.pow(s)));
    }

    /** {@code M_g(a)} exactly. */
    private Rational bigM(int g, int a) {
        return Rational.of(q[g][a], d0.multiply(d.pow(l - 2)));
    }

    private static void add(Map<Integer, Rational> c, int term, Rational x) {
        if (term >= 0 && !x.isZero()) {
            c.merge(term, x, Rational::add);
        }
    }

    private ExactReal value(Map<Integer, Rational> c) {
        c.values().removeIf(Rational::isZero);
        return combination(prim, c, ExactReal.ZERO);
    }

    /**
     * {@code e_k} as a symbolic value over the primitive terms, over the common denominator
     * {@code C(L,k) D d^{L-2}}: {@code H(mu_s)} gets {@code C(L-1-s, k-1) D d^{L-2}} and
     * {@code r(a, g)} gets {@code C(L-g-1, k-2) q_g(a)}.
     */
    ExactReal expansion(int k) {
        BigInteger scale = l >= 2 ? d0.multiply(d.pow(l - 2)) : BigInteger.ONE;
        Map<Integer, BigInteger> c = new TreeMap<>();
        BigInteger w = binomial(l - 1, k - 1);
        for (int s = 0; s < l && w.signum() > 0; s++) {
            if (marg[s] >= 0) {
                c.merge(marg[s], w.multiply(scale), BigInteger::add);
            }
            int n = l - 1 - s;
            w = n == 0 ? BigInteger.ZERO : w.multiply(BigInteger.valueOf(n - (k - 1))).divide(BigInteger.valueOf(n));
        }
        w = k >= 2 ? binomial(l - 2, k - 2) : BigInteger.ZERO;
        for (int g = 1; g < l && w.signum() > 0; g++) {
            for (int a = 0; a < v; a++) {
                if (row[g][a] >= 0 && q[g][a].signum() != 0) {
                    c.merge(row[g][a], w.multiply(q[g][a]), BigInteger::add);
                }
            }
            int n = l - g - 1;
            w = n == 0 ? BigInteger.ZERO : w.multiply(BigInteger.valueOf(n - (k - 2))).divide(BigInteger.valueOf(n));
        }
        int[] idx = new int[c.size()];
        BigInteger[] num = new BigInteger[idx.length];
        int i = 0;
        for (Map.Entry<Integer, BigInteger> e : c.entrySet()) {
            idx[i] = e.getKey();
            num[i++] = e.getValue();
        }
        return ExactReal.combination(prim, idx, num, binomial(l, k).multiply(scale));
    }

    @Override
    int length() {
        return l;
    }

    @Override
    int alphabetSize() {
        return v;
    }

    @Override
    ExactReal subsetEntropy(int[] s) {
        if (s.length == 0) {
            return ExactReal.ZERO;
        }
        Map<Integer, Rational> c = new TreeMap<>();
        add(c, marg[s[0]], Rational.ONE);
        for (int i = 0; i + 1 < s.length; i++) {
            int g = s[i + 1] - s[i];
            for (int a = 0; a < v; a++) {
                add(c, row[g][a], mu(s[i], a));
            }
        }
        return value(c);
    }

    @Override
    ExactReal averageEntropy(int k) {
        if (k == 0) {
            return ExactReal.ZERO;
        }
        return averages != null ? ExactReal.term(averages, k - 1) : smallAverages[k];
    }

    @Override
    ExactReal averageEntropyCombination(Rational[] c) {
        if (averages == null) {
            return super.averageEntropyCombination(c);
        }
        return averagesCombination(averages, c);
    }

    @Override
    ExactReal sumSingles() {
        Map<Integer, Rational> c = new TreeMap<>();
        for (int s = 0; s < l; s++) {
            add(c, marg[s], Rational.ONE);
        }
        return value(c);
    }

    @Override
    ExactReal joint() {
        Map<Integer, Rational> c = new TreeMap<>();
        add(c, marg[0], Rational.ONE);
        if (l >= 2) {
            for (int a = 0; a < v; a++) {
                add(c, row[1][a], bigM(1, a));
            }
        }
        return value(c);
    }

    @Override
    ExactReal sumLeaveOneOut() {
        // sum_i H(X_{-i}) = H(mu_1) + (L-1) H(mu_0) + (L-2) sum_a M_1(a) r(a,1) + sum_a M_2(a) r(a,2)
        Map<Integer, Rational> c = new TreeMap<>();
        if (l == 1) {
            return ExactReal.ZERO;
        }
        add(c, marg[1], Rational.ONE);
        add(c, marg[0], Rational.of(l - 1));
        for (int a = 0; a < v; a++) {
            add(c, row[1][a], bigM(1, a).multiply(l - 2));
            if (l >= 3) {
                add(c, row[2][a], sumOfMu(l - 3, a));
            }
        }
        return value(c);
    }

    /** {@code sum_{s=0}^{last} mu_s(a)} as a rational. */
    private Rational sumOfMu(int last, int a) {
        Rational r = Rational.ZERO;
        for (int s = 0; s <= last; s++) {
            r = r.add(mu(s, a));
        }
        return r;
    }

    /**
     * Replaces {@code x_0..x_N} by {@code y_r = sum_{n >= r} C(n, r) x_n}, the coefficients of
     * {@code p(t + 1)} for {@code p(t) = sum_n x_n t^n} (the Taylor shift by one, by repeated
     * synthetic division: {@code N(N+1)/2} additions).
     */
    static void taylorShift(BigInteger[] x) {
        int n = x.length - 1;
        for (int i = 0; i < n; i++) {
            for (int j = n - 1; j >= i; j--) {
                x[j] = x[j].add(x[j + 1]);
            }
        }
    }

    /** {@code e_1..e_L} as a basis derived from the primitive terms (term {@code k-1} is {@code e_k}). */
    private final class AverageBasis extends TermBasis {

        AverageBasis() {
            super(l);
        }

        /*@ also public normal_behavior
          @   ensures \result != null;
          @ pure @*/
        @Override
        public TermBasis parent() {
            return prim;
        }

        /*@ also public normal_behavior
          @   requires 0 <= i && i < size();
          @ pure @*/
        @Override
        public ExactReal expansion(int i) {
            return MarkovForms.this.expansion(i + 1);
        }

        /**
         * The atoms of {@code e_k}, read off the support of its expansion without computing it:
         * {@code H(mu_s)} for {@code s <= L - k} and {@code r(a, g)} for {@code g <= L - k + 1} with
         * {@code M_g(a) > 0} ({@code k >= 2}).
         */
        @Override
        protected java.util.BitSet computeAtoms(int i) {
            synchronized (this) {
                if (atomsOf == null) {
                    atomsOf = allAtoms();
                }
            }
            return atomsOf[i];
        }

        private java.util.BitSet[] atomsOf;

        /**
         * The atoms of every {@code e_k} at once: the supports shrink as {@code k} grows, so they are
         * built from {@code k = L} down, adding {@code H(mu_{L-k})} and the rows {@code r(a, L-k+1)};
         * {@code e_1} has no row term.
         */
        private java.util.BitSet[] allAtoms() {
            java.util.BitSet[] out = new java.util.BitSet[l];
            java.util.BitSet marginals = new java.util.BitSet();
            java.util.BitSet rows = new java.util.BitSet();
            for (int k = l; k >= 1; k--) {
                int s = l - k;
                if (marg[s] >= 0) {
                    marginals.or(prim.atoms(marg[s]));
                }
                int g = l - k + 1;
                for (int a = 0; k >= 2 && a < v; a++) {
                    if (row[g][a] >= 0 && q[g][a].signum() != 0) {
                        rows.or(prim.atoms(row[g][a]));
                    }
                }
                out[k - 1] = (java.util.BitSet) marginals.clone();
                if (k >= 2) {
                    out[k - 1].or(rows);
                }
            }
            return out;
        }

        @Override
        protected BigInteger[][] computeBounds(int bits) {
            int guard = 8 + 2 * (32 - Integer.numberOfLeadingZeros(l));
            int b = bits + guard;
            // H(mu_s) and B_g = sum_a M_g(a) r(a, g), each as integers over 2^b (rounded outward)
            BigInteger[][] h = new BigInteger[l][];
            for (int s = 0; s < l; s++) {
                h[s] = marg[s] < 0 ? new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO} : prim.bounds(marg[s], b);
            }
            BigInteger scale = l >= 2 ? d0.multiply(d.pow(l - 2)) : BigInteger.ONE;
            BigInteger[][] bg = new BigInteger[l][];
            for (int g = 1; g < l; g++) {
                BigInteger lo = BigInteger.ZERO;
                BigInteger hi = BigInteger.ZERO;
                for (int a = 0; a < v; a++) {
                    if (row[g][a] < 0 || q[g][a].signum() == 0) {
                        continue;
                    }
                    BigInteger[] t = prim.bounds(row[g][a], b);
                    lo = lo.add(q[g][a].multiply(t[0]));
                    hi = hi.add(q[g][a].multiply(t[1]));
                }
                bg[g] = new BigInteger[] {floorDiv(lo, scale), ceilDiv(hi, scale)};
            }
            // sum_s C(L-1-s, k-1) H(mu_s) = T_{k-1}[eta] with eta_n = H(mu_{L-1-n}), and
            // sum_g C(L-g-1, k-2) B_g = T_{k-2}[beta] with beta_n = B_{L-1-n}, where
            // T_r[x] = sum_n C(n, r) x_n: one Taylor shift each (additions only), lower and upper ends apart
            BigInteger[] etaLo = new BigInteger[l];
            BigInteger[] etaHi = new BigInteger[l];
            for (int n = 0; n < l; n++) {
                etaLo[n] = h[l - 1 - n][0];
                etaHi[n] = h[l - 1 - n][1];
            }
            BigInteger[] betaLo = new BigInteger[Math.max(l - 1, 0)];
            BigInteger[] betaHi = new BigInteger[betaLo.length];
            for (int n = 0; n < betaLo.length; n++) {
                betaLo[n] = bg[l - 1 - n][0];
                betaHi[n] = bg[l - 1 - n][1];
            }
            taylorShift(etaLo);
            taylorShift(etaHi);
            taylorShift(betaLo);
            taylorShift(betaHi);
            BigInteger[][] out = new BigInteger[l][];
            BigInteger cl = BigInteger.valueOf(l);
            for (int k = 1; k <= l; k++) {
                BigInteger lo = etaLo[k - 1];
                BigInteger hi = etaHi[k - 1];
                if (k >= 2) {
                    lo = lo.add(betaLo[k - 2]);
                    hi = hi.add(betaHi[k - 2]);
                }
                out[k - 1] = new BigInteger[] {floorDiv(lo, cl).shiftRight(guard),
                    ceilDiv(hi, cl).negate().shiftRight(guard).negate()};
                if (k < l) {
                    cl = cl.multiply(BigInteger.valueOf(l - k)).divide(BigInteger.valueOf(k + 1));
                }
            }
            return out;
        }
    }

    private static BigInteger floorDiv(BigInteger x, BigInteger y) {
        BigInteger[] qr = x.divideAndRemainder(y);
        return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    private static BigInteger ceilDiv(BigInteger x, BigInteger y) {
        BigInteger[] qr = x.divideAndRemainder(y);
        return qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    }
}
