package org.dlmexact.theory;

import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.Divergence;
import org.dlmexact.sampler.Schedule;

/**
 * Li-Cai Theorem 1 (v2 form), every schedule:
 * {@code E_B KL(mu || nu_B) <= (2^ceil(log2 s_max) - 1)/L * SumI + eps_train}.
 */
public final class LiCaiTheorem1 {

    public static final String ID = "li-cai-theorem-1";

    private LiCaiTheorem1() {
    }

    /** {@code ceil(log2 s)} for {@code s >= 1}: the least {@code c} with {@code 2^c >= s}. */
    /*@ public normal_behavior
      @   requires s >= 1;
      @   ensures (1L << \result) >= s && (\result == 0 || (1L << (\result - 1)) < s);
      @ also public exceptional_behavior
      @   requires s < 1;
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public static int ceilLog2(int s) {
        if (s < 1) {
            throw new IllegalArgumentException("ceilLog2 needs s >= 1, got " + s);
        }
        return 32 - Integer.numberOfLeadingZeros(s - 1);
    }

    /** The constant {@code (2^ceil(log2 s_max) - 1) / L}. */
    //@ requires 1 <= sMax && sMax <= l;
    //@ pure
    public static Rational constant(int l, int sMax) {
        return Rational.of((1L << ceilLog2(sMax)) - 1, l);
    }

    /*@ public normal_behavior
      @   requires schedule != null && pathError != null && sumI != null && epsTrain != null;
      @   ensures \result.id().equals(ID);
      @ pure @*/
    public static Check check(Schedule schedule, Divergence pathError, ExactReal sumI, Divergence epsTrain) {
        int sMax = schedule.maxSize();
        Rational c = constant(schedule.length(), sMax);
        Divergence rhs = epsTrain.isInfinite() ? epsTrain
                : Divergence.finite(sumI.multiply(c).add(epsTrain.value()));
        return Check.of(ID, Sources.LI_CAI + ", Theorem 1", Confidence.PAPER, Relation.LE, pathError, rhs,
                "s_max = " + sMax + ", constant (2^ceil(log2 s_max) - 1)/L = " + c);
    }
}
