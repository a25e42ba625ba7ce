package org.dlmexact.theory;

import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.Divergence;
import org.dlmexact.sampler.Schedule;

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
      @   requires schedule != null;
      @ pure @*/
    public static boolean applies(Schedule schedule) {
        int t = schedule.steps();
        return schedule.maxSize() <= (schedule.length() + t - 1) / t;
    }

    /*@ public normal_behavior
      @   requires schedule != null && applies(schedule) && pathError != null && sumI != null && epsTrain != null;
      @ also public exceptional_behavior
      @   requires schedule != null && !applies(schedule);
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public static Check check(Schedule schedule, Divergence pathError, ExactReal sumI, Divergence epsTrain) {
        if (!applies(schedule)) {
            throw new IllegalArgumentException("Corollary 1 needs a balanced schedule (s_max <= ceil(L/T))");
        }
        Rational c = Rational.of(C1, schedule.steps());
        Divergence rhs = epsTrain.isInfinite() ? epsTrain
                : Divergence.finite(sumI.multiply(c).add(epsTrain.value()));
        return Check.of(ID, Sources.LI_CAI + ", Corollary 1", Confidence.DERIVED, Relation.LE, pathError, rhs,
                "C_1 = 3 is our derived constant (proofs-notes/li-cai-theorem-1.md); T = " + schedule.steps());
    }
}
