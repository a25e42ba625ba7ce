package org.dlmexact.info;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.law.Structure;

/**
 * Closed forms of an exchangeable law {@code sum_c w_c p_c^{(x) L}} (proofs-notes/structured-laws.md).
 * Any {@code k} positions have the law of the first {@code k}, so {@code H(X_S) = f(|S|)} with
 * <pre>
 *   f(k) = -sum_n multinomial(k; n) m(n) ln m(n),   m(n) = sum_c w_c prod_a p_c(a)^{n_a},
 * </pre>
 * the sum over the types {@code n} ({@code n_a} tokens equal to {@code a}, {@code sum n_a = k}); and
 * {@code e_k = f(k)}. The terms {@code f(1)..f(L)} form an {@link EntropyBasis} whose weights are
 * recomputed when needed (with {@code p_c = P_c / d} and {@code w_c = U_c / D},
 * {@code m(n) = u(n) / (D d^k)} with {@code u(n) = sum_c U_c prod_a P_c(a)^{n_a}}, integers).
 * Degenerate laws get canonical forms: one distinct component is an i.i.d. law, and components
 * that are all point masses make every token equal.
 */
final class ExchangeableForms extends ClosedForms {

    private final int l;
    private final int v;
    private final EntropyBasis basis;

    private ExchangeableForms(int l, int v, BigInteger[] weights, BigInteger[][] marginals, BigInteger denominator) {
        this.l = l;
        this.v = v;
        int c = weights.length;
        // powers[c][a][e] = P_c(a)^e for e <= L
        BigInteger[][][] powers = new BigInteger[c][v][l + 1];
        for (int i = 0; i < c; i++) {
            for (int a = 0; a < v; a++) {
                powers[i][a][0] = BigInteger.ONE;
                for (int e = 1; e <= l; e++) {
                    powers[i][a][e] = powers[i][a][e - 1].multiply(marginals[i][a]);
                }
            }
        }
        BigInteger total = BigInteger.ZERO;
        for (BigInteger w : weights) {
            total = total.add(w);
        }
        BigInteger weightTotal = total;
        BigInteger[] factorial = new BigInteger[l + 1];
        factorial[0] = BigInteger.ONE;
        for (int i = 1; i <= l; i++) {
            factorial[i] = factorial[i - 1].multiply(BigInteger.valueOf(i));
        }
        int[] slots = new int[l];
        for (int k = 1; k <= l; k++) {
            slots[k - 1] = binomial(k + v - 1, v - 1).intValueExact() + 1;
        }
        this.basis = new EntropyBasis(l, i -> {
            int k = i + 1;
            List<BigInteger> values = new ArrayList<>();
            List<BigInteger> mult = new ArrayList<>();
            int[] n = new int[v];
            n[v - 1] = k;
            do {
                BigInteger u = BigInteger.ZERO;
                for (int comp = 0; comp < c; comp++) {
                    BigInteger t = weights[comp];
                    for (int a = 0; a < v && t.signum() != 0; a++) {
                        t = t.multiply(powers[comp][a][n[a]]);
                    }
                    u = u.add(t);
                }
                if (u.signum() > 0) {
                    BigInteger m = factorial[k];
                    for (int a = 0; a < v; a++) {
                        m = m.divide(factorial[n[a]]);
                    }
                    values.add(u);
                    mult.add(m);
                }
            } while (nextType(n));
            return new EntropyBasis.Weights(weightTotal.multiply(denominator.pow(k)), values.toArray(new BigInteger[0]),
                    mult.toArray(new BigInteger[0]));
        }, slots);
    }

    /** The next composition of {@code sum n} into {@code n.length} parts (lexicographic on the first parts); false after the last. */
    private static boolean nextType(int[] n) {
        int last = n.length - 1;
        // find the rightmost position before the last that can grow, taking one from the tail
        for (int i = last - 1; i >= 0; i--) {
            int tail = 0;
            for (int j = i + 1; j <= last; j++) {
                tail += n[j];
            }
            if (tail > 0) {
                n[i]++;
                for (int j = i + 1; j < last; j++) {
                    n[j] = 0;
                }
                n[last] = tail - 1;
                return true;
            }
        }
        return false;
    }

    /** The number of types summed over all {@code k = 1..L}: {@code C(L+V, V) - 1}. */
    static BigInteger typeCount(int l, int v) {
        return InformationProfile.binomial(l + v, v).subtract(BigInteger.ONE);
    }

    /**
     * The estimated size in bits of the integers the closed forms form: for each of the
     * {@link #typeCount} types, one product per component of at most {@code L bits(d) + bits(D)} bits
     * ({@code d} the common denominator of the marginals, {@code D} that of the weights).
     */
    static BigInteger formedBits(Structure.Exchangeable x) {
        int l = x.length();
        long perProduct = (long) l * Structure.commonDenominatorBits(x.marginals(), "the components' marginals",
                "marginal of component ") + Structure.commonDenominatorBits(x.weights(), "the mixture weights");
        return typeCount(l, x.alphabetSize()).multiply(BigInteger.valueOf(x.weights().length))
                .multiply(BigInteger.valueOf(perProduct));
    }

    /** The closed forms of an exchangeable law (canonical ones for the degenerate cases). */
    static ClosedForms of(Structure.Exchangeable x) {
        int l = x.length();
        int v = x.alphabetSize();
        // drop components of weight zero and merge components with equal marginals
        Map<List<Rational>, Rational> merged = new TreeMap<>((p, q) -> {
            for (int a = 0; a < p.size(); a++) {
                int cmp = p.get(a).compareTo(q.get(a));
                if (cmp != 0) {
                    return cmp;
                }
            }
            return 0;
        });
        for (int c = 0; c < x.weights().length; c++) {
            if (x.weights()[c].signum() > 0) {
                merged.merge(List.of(x.marginals()[c]), x.weights()[c], Rational::add);
            }
        }
        if (merged.size() == 1) {
            Rational[] m = merged.keySet().iterator().next().toArray(new Rational[0]);
            return SimpleForms.product(new Structure.Product(l, new Rational[][] {m}));
        }
        boolean pointMasses = true;
        Rational[] symbol = new Rational[v];
        java.util.Arrays.fill(symbol, Rational.ZERO);
        for (Map.Entry<List<Rational>, Rational> e : merged.entrySet()) {
            int ones = 0;
            int at = -1;
            for (int a = 0; a < v; a++) {
                if (e.getKey().get(a).equals(Rational.ONE)) {
                    ones++;
                    at = a;
                }
            }
            if (ones != 1) {
                pointMasses = false;
                break;
            }
            symbol[at] = symbol[at].add(e.getValue());
        }
        if (pointMasses) {
            return SimpleForms.allEqual(l, v, symbol);
        }
        int c = merged.size();
        BigInteger dm = BigInteger.ONE;
        BigInteger dw = BigInteger.ONE;
        for (Map.Entry<List<Rational>, Rational> e : merged.entrySet()) {
            dw = lcm(dw, e.getValue().denominator());
            for (Rational p : e.getKey()) {
                dm = lcm(dm, p.denominator());
            }
        }
        BigInteger[] weights = new BigInteger[c];
        BigInteger[][] marginals = new BigInteger[c][v];
        int i = 0;
        for (Map.Entry<List<Rational>, Rational> e : merged.entrySet()) {
            weights[i] = e.getValue().multiply(dw).numerator();
            for (int a = 0; a < v; a++) {
                marginals[i][a] = e.getKey().get(a).multiply(dm).numerator();
            }
            i++;
        }
        return new ExchangeableForms(l, v, weights, marginals, dm);
    }

    private static BigInteger lcm(BigInteger a, BigInteger b) {
        return a.divide(a.gcd(b)).multiply(b);
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
    ExactReal subsetEntropy(int[] positions) {
        return averageEntropy(positions.length);
    }

    @Override
    ExactReal averageEntropy(int k) {
        return k == 0 ? ExactReal.ZERO : ExactReal.term(basis, k - 1);
    }

    @Override
    ExactReal averageEntropyCombination(Rational[] c) {
        return averagesCombination(basis, c);
    }

    @Override
    ExactReal sumSingles() {
        return averageEntropy(1).multiply(l);
    }

    @Override
    ExactReal joint() {
        return averageEntropy(l);
    }

    @Override
    ExactReal sumLeaveOneOut() {
        return averageEntropy(l - 1).multiply(l);
    }
}
