package org.dlmexact.theory;

import org.dlmexact.exact.ExactReal;
import org.dlmexact.info.InformationProfile;

/**
 * The exact path-averaged error of the optimal predictor (Chen-Cong-Li Theorem 4; theory.md §3):
 * {@code Ideal(k) = sum_j sum_{m=1..k_j} (Z_{N_{j-1}+m} - Z_{N_{j-1}+1})}, a sum of block costs.
 */
public final class ClosedForm {

    private ClosedForm() {
    }

    /** The cost of a block of {@code size} tokens revealed after {@code before} visible ones. */
    /*@ public normal_behavior
      @   requires info != null && before >= 0 && size >= 1 && before + size <= info.law().length();
      @ pure @*/
    public static ExactReal blockCost(InformationProfile info, int before, int size) {
        ExactReal first = info.z(before + 1);
        ExactReal sum = ExactReal.ZERO;
        for (int m = 2; m <= size; m++) {
            sum = sum.add(info.z(before + m)).subtract(first);
        }
        return sum;
    }

    /** {@code Ideal(k)} for the composition {@code k} (reveal order). */
    /*@ public normal_behavior
      @   requires info != null && k != null;
      @   requires (\forall int j; 0 <= j && j < k.length; k[j] >= 1);
      @ pure @*/
    public static ExactReal ideal(InformationProfile info, int[] k) {
        int n = 0;
        ExactReal total = ExactReal.ZERO;
        for (int kj : k) {
            if (kj < 1) {
                throw new IllegalArgumentException("schedule parts must be positive, got " + kj);
            }
            total = total.add(blockCost(info, n, kj));
            n += kj;
        }
        if (n != info.law().length()) {
            throw new IllegalArgumentException("schedule sums to " + n + ", not L = " + info.law().length());
        }
        return total;
    }

    /** {@code Z_n} with the convention {@code Z_0 = 0}. */
    //@ requires info != null && 0 <= n && n <= info.law().length();
    //@ pure
    public static ExactReal zOrZero(InformationProfile info, int n) {
        return n == 0 ? ExactReal.ZERO : info.z(n);
    }
}
