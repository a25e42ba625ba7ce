package org.dlmexact.info;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;

/**
 * The information curve of a law (theory.md §1): the average subset entropies {@code e_0..e_L},
 * the curve {@code Z_j = e_1 + e_{j-1} - e_j}, and {@code TC}, {@code DTC}, {@code SumI}. Everything
 * the closed-form error {@code Ideal(k)}, the optimal schedules and the curve-level checks need.
 *
 * <p>Two sources: {@link InformationProfile}, by enumeration of the law's subset lattice (small
 * laws), and {@link StructuredCurve}, by closed forms of a structured family at any length. Values
 * of a long structured law are symbolic exact reals ({@link ExactReal#isSymbolic()}): exact, compared
 * through certified enclosures first.
 *
 * <p>Sums of many curve values should go through {@link #averageEntropyCombination}: one symbolic
 * value is built, where adding symbolic values one by one costs time quadratic in their length.
 */
public interface InformationCurve {

    /** The sequence length {@code L}. */
    //@ ensures \result >= 1;
    //@ pure
    int length();

    /** The alphabet size {@code V}. */
    //@ ensures \result >= 2;
    //@ pure
    int alphabetSize();

    /** {@code e_k}, the average entropy of a {@code k}-subset, {@code 0 <= k <= L} ({@code e_0 = 0}). */
    //@ requires 0 <= k && k <= length();
    //@ ensures k == 0 ==> \result.isZero();
    //@ pure
    ExactReal averageEntropy(int k);

    /**
     * {@code sum_{k=0..L} c[k] e_k} for rational coefficients ({@code c.length == L + 1}, null entries
     * read as zero), built as one value.
     */
    //@ requires c != null && c.length == length() + 1;
    //@ pure
    ExactReal averageEntropyCombination(Rational[] c);

    /** {@code TC = sum_i H(X_i) - H(X)}. */
    //@ ensures \result.signum() >= 0;
    //@ pure
    ExactReal totalCorrelation();

    /** {@code DTC = H(X) - sum_i H(X_i | X_{-i})}. */
    //@ ensures \result.signum() >= 0;
    //@ pure
    ExactReal dualTotalCorrelation();

    /** {@code SumI = sum_i I(X_i ; X_{-i})}. */
    //@ ensures \result.signum() >= 0;
    //@ pure
    ExactReal sumMutualInformation();

    /** {@code H(X) = e_L}. */
    //@ pure
    default ExactReal entropy() {
        return averageEntropy(length());
    }

    /** {@code Z_j = e_1 + e_{j-1} - e_j}, {@code 1 <= j <= L}. */
    //@ requires 1 <= j && j <= length();
    //@ ensures j == 1 ==> \result.isZero();
    //@ pure
    default ExactReal z(int j) {
        if (j < 1 || j > length()) {
            throw new IllegalArgumentException("Z_" + j + " outside Z_1..Z_" + length());
        }
        Rational[] cz = new Rational[length() + 1];
        cz[j] = Rational.ONE;
        return curveCombination(cz);
    }

    /** {@code Z_1..Z_L} in order. */
    //@ ensures \result.size() == length();
    //@ pure
    default List<ExactReal> informationCurve() {
        List<ExactReal> out = new ArrayList<>();
        for (int j = 1; j <= length(); j++) {
            out.add(z(j));
        }
        return Collections.unmodifiableList(out);
    }

    /** {@code Delta Z_k = Z_{k+1} - Z_k}, {@code 1 <= k <= L-1}. */
    //@ requires 1 <= k && k < length();
    //@ pure
    default ExactReal increment(int k) {
        if (k < 1 || k >= length()) {
            throw new IllegalArgumentException("Delta Z_" + k + " outside 1.." + (length() - 1));
        }
        Rational[] cz = new Rational[length() + 1];
        cz[k + 1] = Rational.ONE;
        cz[k] = Rational.ONE.negate();
        return curveCombination(cz);
    }

    /**
     * {@code sum_{j=1..L} c[j] Z_j} ({@code c.length == L + 1}, {@code c[0]} and null entries read
     * as zero), built as one value through {@code Z_j = e_1 + e_{j-1} - e_j}.
     */
    //@ requires c != null && c.length == length() + 1;
    //@ pure
    default ExactReal curveCombination(Rational[] c) {
        return averageEntropyCombination(curveToAverageEntropies(c));
    }

    /** Refuses coefficients that are not {@code L + 1} long (one per {@code e_0..e_L}). */
    /*@ public normal_behavior
      @   requires c != null && c.length == l + 1;
      @ also public exceptional_behavior
      @   requires c != null && c.length != l + 1;
      @   signals_only IllegalArgumentException;
      @ pure @*/
    static void checkCoefficients(Rational[] c, int l) {
        if (c.length != l + 1) {
            throw new IllegalArgumentException("expected " + (l + 1) + " coefficients on e_0..e_L, got " + c.length);
        }
    }

    /**
     * The coefficients on {@code e_0..e_L} of {@code sum_j c[j] Z_j}: {@code Z_j} puts {@code c[j]} on
     * {@code e_1} and {@code e_{j-1}}, and {@code -c[j]} on {@code e_j}.
     */
    /*@ public normal_behavior
      @   requires c != null && c.length >= 1;
      @   ensures \result.length == c.length;
      @ pure @*/
    static Rational[] curveToAverageEntropies(Rational[] c) {
        int l = c.length - 1;
        Rational[] e = new Rational[l + 1];
        java.util.Arrays.fill(e, Rational.ZERO);
        for (int j = 1; j <= l; j++) {
            if (c[j] == null || c[j].isZero()) {
                continue;
            }
            e[1] = e[1].add(c[j]);
            e[j - 1] = e[j - 1].add(c[j]);
            e[j] = e[j].subtract(c[j]);
        }
        return e;
    }
}
