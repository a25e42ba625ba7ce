package org.dlmexact.info;

import java.math.BigInteger;
import java.util.Map;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.exact.TermBasis;

/**
 * The closed forms of one structured family: the entropy of any subset of positions, the average
 * subset entropies {@code e_k}, and the three sums from which {@code TC}, {@code DTC} and
 * {@code SumI} follow by their definitions. Derivations: proofs-notes/structured-laws.md.
 * Package-private; {@link StructuredCurve} is the public face.
 */
abstract class ClosedForms {

    /** The sequence length. */
    abstract int length();

    /** The alphabet size. */
    abstract int alphabetSize();

    /** {@code H(X_S)} for strictly increasing positions in {@code [0, L)}. */
    abstract ExactReal subsetEntropy(int[] positions);

    /** {@code e_k}, {@code 1 <= k <= L}. */
    abstract ExactReal averageEntropy(int k);

    /** {@code sum_{k=1..L} c[k] e_k} ({@code c[0]} ignored, null read as zero). */
    ExactReal averageEntropyCombination(Rational[] c) {
        ExactReal s = ExactReal.ZERO;
        for (int k = 1; k < c.length; k++) {
            if (c[k] != null && !c[k].isZero()) {
                s = s.add(averageEntropy(k).multiply(c[k]));
            }
        }
        return s;
    }

    /** {@code sum_i H(X_i)}. */
    abstract ExactReal sumSingles();

    /** {@code H(X)}. */
    abstract ExactReal joint();

    /** {@code sum_i H(X_{[L] \ {i}})}. */
    abstract ExactReal sumLeaveOneOut();

    /** The symbolic value {@code sum_t coefficients[t] * term_t} over {@code basis}, plus {@code constant}. */
    static ExactReal combination(TermBasis basis, Map<Integer, Rational> coefficients, ExactReal constant) {
        int[] idx = new int[coefficients.size()];
        Rational[] c = new Rational[idx.length];
        int k = 0;
        for (Map.Entry<Integer, Rational> e : coefficients.entrySet()) {
            idx[k] = e.getKey();
            c[k++] = e.getValue();
        }
        return combination(basis, idx, c).add(constant);
    }

    /** The symbolic value {@code sum_j c[j] * term_{idx[j]}} over {@code basis}, over one common denominator. */
    static ExactReal combination(TermBasis basis, int[] idx, Rational[] c) {
        BigInteger common = BigInteger.ONE;
        for (Rational x : c) {
            BigInteger d = x.denominator();
            if (!d.equals(BigInteger.ONE) && !common.mod(d).equals(BigInteger.ZERO)) {
                common = common.divide(common.gcd(d)).multiply(d);
            }
        }
        BigInteger[] num = new BigInteger[idx.length];
        for (int j = 0; j < idx.length; j++) {
            BigInteger d = c[j].denominator();
            num[j] = d.equals(common) ? c[j].numerator() : c[j].numerator().multiply(common.divide(d));
        }
        return ExactReal.combination(basis, idx, num, common);
    }

    /** {@code sum_{k>=1} c[k] e_k} over a basis whose term {@code k - 1} is {@code e_k}. */
    static ExactReal averagesCombination(TermBasis averages, Rational[] c) {
        int n = 0;
        for (int k = 1; k < c.length; k++) {
            n += c[k] != null && !c[k].isZero() ? 1 : 0;
        }
        int[] idx = new int[n];
        Rational[] x = new Rational[n];
        for (int k = 1, j = 0; k < c.length; k++) {
            if (c[k] != null && !c[k].isZero()) {
                idx[j] = k - 1;
                x[j++] = c[k];
            }
        }
        return combination(averages, idx, x);
    }

    /** {@code C(n, r)}, zero outside {@code 0 <= r <= n}. */
    static BigInteger binomial(int n, int r) {
        return r < 0 || r > n || n < 0 ? BigInteger.ZERO : InformationProfile.binomial(n, r);
    }
}
