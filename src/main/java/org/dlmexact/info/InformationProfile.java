package org.dlmexact.info;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.dlmexact.law.Law;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;

/**
 * The information measures of a law (theory.md section 1): {@code e_k}, the information curve
 * {@code Z_1..Z_L} and its increments, total correlation, dual total correlation and
 * {@code SumI = sum_i I(X_i ; X_{-i})}. All exact, by enumeration: the {@link InformationCurve} of a
 * law known by its table.
 *
 * <p>Every measure is a combination of the averages {@code e_k}:
 * {@code Z_j = e_1 + e_{j-1} - e_j}, {@code TC = L e_1 - e_L} (as {@code sum_i H(X_i) = L e_1}),
 * {@code DTC = L e_{L-1} - (L - 1) e_L} (as {@code sum_i H(X_{-i}) = L e_{L-1}}) and
 * {@code SumI = TC + DTC}. The {@code e_k} come from one depth-first walk over all subsets
 * ({@link EntropySums#averageEntropies}), which never holds the marginals of all subsets at once;
 * the per-subset {@link Entropies} (and their marginal lattice) are built only when asked for.
 */
public final class InformationProfile implements InformationCurve {

    private final Law law;
    private Entropies entropies;
    private final List<ExactReal> e;
    private final List<ExactReal> z;
    private final ExactReal totalCorrelation;
    private final ExactReal dualTotalCorrelation;
    private final ExactReal sumMutualInformation;

    private InformationProfile(Law law, Entropies entropies) {
        this.law = law;
        this.entropies = entropies;
        List<ExactReal> ek = EntropySums.averageEntropies(law);
        int l = law.length();
        this.e = Collections.unmodifiableList(ek);
        List<ExactReal> zj = new ArrayList<>();
        for (int j = 1; j <= l; j++) {
            zj.add(ek.get(1).add(ek.get(j - 1)).subtract(ek.get(j)));
        }
        this.z = Collections.unmodifiableList(zj);
        this.totalCorrelation = ek.get(1).multiply(l).subtract(ek.get(l));
        this.dualTotalCorrelation = ek.get(l - 1).multiply(l).subtract(ek.get(l).multiply(l - 1));
        this.sumMutualInformation = totalCorrelation.add(dualTotalCorrelation);
    }

    /*@ public normal_behavior
      @   requires law != null;
      @   ensures \result.law() == law;
      @ pure @*/
    public static InformationProfile of(Law law) {
        return new InformationProfile(Objects.requireNonNull(law, "law"), null);
    }

    /*@ public normal_behavior
      @   requires entropies != null;
      @   ensures \result.entropies() == entropies;
      @ pure @*/
    public static InformationProfile of(Entropies entropies) {
        Objects.requireNonNull(entropies, "entropies");
        return new InformationProfile(entropies.law(), entropies);
    }

    //@ pure
    public Law law() {
        return law;
    }

    //@ also ensures \result == law().length();
    //@ pure
    @Override
    public int length() {
        return law.length();
    }

    //@ also ensures \result == law().alphabetSize();
    //@ pure
    @Override
    public int alphabetSize() {
        return law.alphabetSize();
    }

    /** {@code sum_k c[k] e_k}, summed exactly (null entries read as zero). */
    /*@ also public normal_behavior
      @   requires c != null && c.length == length() + 1;
      @ also public exceptional_behavior
      @   requires c != null && c.length != length() + 1;
      @   signals_only IllegalArgumentException;
      @ pure @*/
    @Override
    public ExactReal averageEntropyCombination(Rational[] c) {
        InformationCurve.checkCoefficients(c, length());
        ExactReal s = ExactReal.ZERO;
        for (int k = 1; k < c.length; k++) {
            if (c[k] != null && !c[k].isZero()) {
                s = s.add(e.get(k).multiply(c[k]));
            }
        }
        return s;
    }

    /**
     * The entropies of single subsets, built on first use (their marginal lattice is refused above
     * {@link org.dlmexact.law.MarginalLattice#MAX_CELLS}).
     */
    //@ ensures \result.law() == law();
    //@ pure
    public Entropies entropies() {
        if (entropies == null) {
            entropies = Entropies.of(law);
        }
        return entropies;
    }

    /** {@code e_k}, the average entropy of a {@code k}-subset, {@code 0 <= k <= L}. */
    //@ requires 0 <= k && k <= law().length();
    //@ ensures k == 0 ==> \result.isZero();
    //@ pure
    public ExactReal averageEntropy(int k) {
        return e.get(k);
    }

    /** {@code H(X) = e_L}. */
    //@ pure
    public ExactReal entropy() {
        return e.get(e.size() - 1);
    }

    /** The information curve {@code Z_j}, {@code 1 <= j <= L}: {@code Z_j = e_1 + e_{j-1} - e_j}. */
    //@ requires 1 <= j && j <= law().length();
    //@ ensures j == 1 ==> \result.isZero();
    //@ pure
    public ExactReal z(int j) {
        return z.get(j - 1);
    }

    /** {@code Z_1..Z_L} in order. */
    //@ ensures \result.size() == law().length();
    //@ pure
    public List<ExactReal> informationCurve() {
        return z;
    }

    /** {@code Delta Z_k = Z_{k+1} - Z_k}, {@code 1 <= k <= L-1}. */
    //@ requires 1 <= k && k < law().length();
    //@ pure
    public ExactReal increment(int k) {
        return z(k + 1).subtract(z(k));
    }

    //@ pure
    public ExactReal totalCorrelation() {
        return totalCorrelation;
    }

    //@ pure
    public ExactReal dualTotalCorrelation() {
        return dualTotalCorrelation;
    }

    /** {@code SumI = sum_i I(X_i ; X_{-i})}. */
    //@ pure
    public ExactReal sumMutualInformation() {
        return sumMutualInformation;
    }

    /** {@code C(n, k)} exactly. */
    //@ requires 0 <= k && k <= n;
    //@ pure
    public static BigInteger binomial(int n, int k) {
        BigInteger r = BigInteger.ONE;
        for (int i = 0; i < k; i++) {
            r = r.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return r;
    }
}
