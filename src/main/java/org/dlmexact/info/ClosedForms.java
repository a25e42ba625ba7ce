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
        BigInteger common = BigInteger.ONE;
        for (Rational c : coefficients.values()) {
            common = common.divide(common.gcd(c.denominator())).multiply(c.denominator());
        }
        int[] idx = new int[coefficients.size()];
        BigInteger[] num = new BigInteger[idx.length];
        int k = 0;
        for (Map.Entry<Integer, Rational> e : coefficients.entrySet()) {
            idx[k] = e.getKey();
            num[k++] = e.getValue().numerator().multiply(common.divide(e.getValue().denominator()));
        }
        return ExactReal.combination(basis, idx, num, common).add(constant);
    }

    /** {@code C(n, r)}, zero outside {@code 0 <= r <= n}. */
    static BigInteger binomial(int n, int r) {
        return r < 0 || r > n || n < 0 ? BigInteger.ZERO : InformationProfile.binomial(n, r);
    }

    /** Positions {@code 0..L-1} without {@code i}. */
    static int[] allBut(int l, int i) {
        int[] s = new int[l - 1];
        for (int p = 0, k = 0; p < l; p++) {
            if (p != i) {
                s[k++] = p;
            }
        }
        return s;
    }
}
