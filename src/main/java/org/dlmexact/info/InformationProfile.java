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
 * {@code SumI = sum_i I(X_i ; X_{-i})}. All exact, by enumeration of the subset lattice: the
 * {@link InformationCurve} of a small law. {@code TC}, {@code DTC} and {@code SumI} are computed
 * from their definitions over single positions and leave-one-out subsets, independently of the
 * {@code e_k}.
 */
public final class InformationProfile implements InformationCurve {

    private final Entropies entropies;
    private final List<ExactReal> e;
    private final List<ExactReal> z;
    private final ExactReal totalCorrelation;
    private final ExactReal dualTotalCorrelation;
    private final ExactReal sumMutualInformation;

    private InformationProfile(Entropies entropies) {
        this.entropies = entropies;
        Law law = entropies.law();
        int l = law.length();
        int full = law.space().fullMask();
        List<ExactReal> ek = new ArrayList<>();
        for (int k = 0; k <= l; k++) {
            List<Integer> masks = new ArrayList<>();
            for (int m = 0; m <= full; m++) {
                if (Integer.bitCount(m) == k) {
                    masks.add(m);
                }
            }
            int[] ms = masks.stream().mapToInt(Integer::intValue).toArray();
            long[] ones = new long[ms.length];
            java.util.Arrays.fill(ones, 1);
            ek.add(k == 0 ? ExactReal.ZERO : entropies.combination(ms, ones, Rational.of(1, ms.length)));
        }
        this.e = Collections.unmodifiableList(ek);
        List<ExactReal> zj = new ArrayList<>();
        for (int j = 1; j <= l; j++) {
            zj.add(ek.get(1).add(ek.get(j - 1)).subtract(ek.get(j)));
        }
        this.z = Collections.unmodifiableList(zj);
        // TC = sum_i H(X_i) - H(X)
        int[] singles = new int[l + 1];
        long[] tcCounts = new long[l + 1];
        for (int i = 0; i < l; i++) {
            singles[i] = 1 << i;
            tcCounts[i] = 1;
        }
        singles[l] = full;
        tcCounts[l] = -1;
        this.totalCorrelation = entropies.combination(singles, tcCounts, Rational.ONE);
        // DTC = H(X) - sum_i (H(X) - H(X_{-i})) = (1 - L) H(X) + sum_i H(X_{-i})
        int[] rest = new int[l + 1];
        long[] dtcCounts = new long[l + 1];
        for (int i = 0; i < l; i++) {
            rest[i] = full & ~(1 << i);
            dtcCounts[i] = 1;
        }
        rest[l] = full;
        dtcCounts[l] = 1 - l;
        this.dualTotalCorrelation = entropies.combination(rest, dtcCounts, Rational.ONE);
        // SumI = sum_i (H(X_i) + H(X_{-i}) - H(X))
        int[] all = new int[2 * l + 1];
        long[] sumCounts = new long[2 * l + 1];
        for (int i = 0; i < l; i++) {
            all[2 * i] = 1 << i;
            all[2 * i + 1] = full & ~(1 << i);
            sumCounts[2 * i] = 1;
            sumCounts[2 * i + 1] = 1;
        }
        all[2 * l] = full;
        sumCounts[2 * l] = -l;
        this.sumMutualInformation = entropies.combination(all, sumCounts, Rational.ONE);
    }

    /*@ public normal_behavior
      @   requires law != null;
      @   ensures \result.law() == law;
      @ pure @*/
    public static InformationProfile of(Law law) {
        return new InformationProfile(Entropies.of(Objects.requireNonNull(law, "law")));
    }

    /*@ public normal_behavior
      @   requires entropies != null;
      @ pure @*/
    public static InformationProfile of(Entropies entropies) {
        return new InformationProfile(Objects.requireNonNull(entropies, "entropies"));
    }

    //@ pure
    public Law law() {
        return entropies.law();
    }

    //@ also ensures \result == law().length();
    //@ pure
    @Override
    public int length() {
        return entropies.law().length();
    }

    //@ also ensures \result == law().alphabetSize();
    //@ pure
    @Override
    public int alphabetSize() {
        return entropies.law().alphabetSize();
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

    //@ pure
    public Entropies entropies() {
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
