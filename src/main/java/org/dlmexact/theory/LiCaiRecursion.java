package org.dlmexact.theory;

import java.util.ArrayList;
import java.util.List;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.InformationCurve;
import org.dlmexact.info.InformationProfile;
import org.dlmexact.sampler.IdealError;
import org.dlmexact.sampler.Schedule;

/**
 * The recursion of Li-Cai's proof: with {@code eps(s)} the largest {@code Ideal} over schedules
 * with {@code s_max <= s}, {@code eps(1) = 0} and {@code eps(s) <= eps(ceil(s/2)) + s/(2L) SumI}.
 * Decided over every composition of {@code L}.
 */
public final class LiCaiRecursion {

    public static final String ID = "li-cai-recursion";
    /** Largest {@code L} (2^(L-1) compositions). */
    public static final int MAX_LENGTH = Schedule.MAX_ALL_LENGTH;

    private LiCaiRecursion() {
    }

    /** {@code eps(s)} for {@code s = 1..L} (index {@code s - 1}), from every composition. */
    /*@ public normal_behavior
      @   requires info != null && info.length() <= MAX_LENGTH;
      @   ensures \result.size() == info.length();
      @ pure @*/
    public static List<ExactReal> worstBySMax(InformationCurve info) {
        int l = info.length();
        if (l > MAX_LENGTH) {
            throw new IllegalArgumentException("the recursion enumerates 2^(L-1) compositions; L <= " + MAX_LENGTH);
        }
        ExactReal[] exact = new ExactReal[l + 1];
        for (Schedule k : Schedule.all(l)) {
            int s = k.maxSize();
            ExactReal v = IdealError.closedForm(info, k);
            exact[s] = exact[s] == null ? v : exact[s].max(v);
        }
        List<ExactReal> eps = new ArrayList<>();
        ExactReal run = null;
        for (int s = 1; s <= l; s++) {
            run = run == null ? exact[s] : run.max(exact[s]);
            eps.add(run);
        }
        return eps;
    }

    /** {@code eps(1) = 0}, then one check per {@code s = 2..L}. */
    /*@ public normal_behavior
      @   requires info != null && info.length() <= MAX_LENGTH;
      @   ensures \result.size() == info.length();
      @ pure @*/
    public static List<Check> checks(InformationCurve info) {
        int l = info.length();
        List<ExactReal> eps = worstBySMax(info);
        List<Check> out = new ArrayList<>();
        out.add(Check.of(ID, Sources.LI_CAI + ", proof of Theorem 1", Confidence.PAPER, Relation.EQ, eps.get(0),
                ExactReal.ZERO, "eps(1) = 0"));
        for (int s = 2; s <= l; s++) {
            int half = (s + 1) / 2;
            ExactReal rhs = eps.get(half - 1).add(info.sumMutualInformation().multiply(Rational.of(s, 2L * l)));
            out.add(Check.of(ID, Sources.LI_CAI + ", proof of Theorem 1", Confidence.PAPER, Relation.LE,
                    eps.get(s - 1), rhs, "eps(" + s + ") <= eps(" + half + ") + " + s + "/(2L) SumI"));
        }
        return out;
    }
}
