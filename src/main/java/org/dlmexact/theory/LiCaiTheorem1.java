package org.dlmexact.theory;

import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.Divergence;

/**
 * Li-Cai Theorem 1 (v2 form), every schedule:
 * {@code E_B KL(mu || nu_B) <= (2^ceil(log2 s_max) - 1)/L * SumI + eps_train}.
 */
public final class LiCaiTheorem1 {

    public static final String ID = "li-cai-theorem-1";

    private LiCaiTheorem1() {
    }

    /** The constant {@code (2^ceil(log2 s_max) - 1) / L}. */
    //@ requires 1 <= sMax && sMax <= l;
    //@ pure
    public static Rational constant(int l, int sMax) {
        return Rational.of((1L << Compositions.ceilLog2(sMax)) - 1, l);
    }

    /*@ public normal_behavior
      @   requires k != null && k.length >= 1 && pathError != null && sumI != null && epsTrain != null;
      @   ensures \result.id().equals(ID);
      @ pure @*/
    public static Check check(int[] k, Divergence pathError, ExactReal sumI, Divergence epsTrain) {
        int l = 0;
        for (int x : k) {
            l += x;
        }
        int sMax = Compositions.maxPart(k);
        Rational c = constant(l, sMax);
        Divergence rhs = epsTrain.isInfinite() ? epsTrain
                : Divergence.finite(sumI.multiply(c).add(epsTrain.value()));
        return Check.of(ID, Sources.LI_CAI + ", Theorem 1", Confidence.PAPER, Relation.LE, pathError, rhs,
                "s_max = " + sMax + ", constant (2^ceil(log2 s_max) - 1)/L = " + c);
    }
}
