package org.dlmexact.theory;

import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.Divergence;

/**
 * Li-Cai Corollary 1 for balanced schedules ({@code s_max <= ceil(L/T)}):
 * {@code E_B KL <= C_1/T * SumI + eps_train} with {@code C_1 = 3}. The constant is ours, derived
 * in proofs-notes/li-cai-theorem-1.md; the paper states only {@code C_1 ≍ 1}.
 */
public final class LiCaiCorollary1 {

    public static final String ID = "li-cai-corollary-1";
    /** Our derived constant. */
    public static final int C1 = 3;

    private LiCaiCorollary1() {
    }

    /** Whether the composition is balanced in the corollary's sense: {@code s_max <= ceil(L/T)}. */
    /*@ public normal_behavior
      @   requires k != null && k.length >= 1;
      @ pure @*/
    public static boolean applies(int[] k) {
        int l = 0;
        for (int x : k) {
            l += x;
        }
        int t = k.length;
        return Compositions.maxPart(k) <= (l + t - 1) / t;
    }

    /*@ public normal_behavior
      @   requires k != null && applies(k) && pathError != null && sumI != null && epsTrain != null;
      @ also public exceptional_behavior
      @   requires k != null && !applies(k);
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public static Check check(int[] k, Divergence pathError, ExactReal sumI, Divergence epsTrain) {
        if (!applies(k)) {
            throw new IllegalArgumentException("Corollary 1 needs a balanced schedule (s_max <= ceil(L/T))");
        }
        Rational c = Rational.of(C1, k.length);
        Divergence rhs = epsTrain.isInfinite() ? epsTrain
                : Divergence.finite(sumI.multiply(c).add(epsTrain.value()));
        return Check.of(ID, Sources.LI_CAI + ", Corollary 1", Confidence.DERIVED, Relation.LE, pathError, rhs,
                "C_1 = 3 is our derived constant (proofs-notes/li-cai-theorem-1.md); T = " + k.length);
    }
}
