package org.dlmexact.theory;

import java.util.List;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.InformationCurve;
import org.dlmexact.sampler.Schedule;

/**
 * Chen-Cong-Li App. F.1:
 * {@code Ideal <= sum_j (k_j - 1)(Z_{N_j} - Z_{N_{j-1}}) <= (s_max - 1) Z_L = (s_max - 1)/L SumI}
 * (with {@code Z_0 = 0}).
 */
public final class ChenCongLiChain {

    public static final String ID = "chen-cong-li-f1-chain";
    public static final String ID_MAX = "chen-cong-li-f1-chain-max";

    private ChenCongLiChain() {
    }

    /** The middle term {@code sum_j (k_j - 1)(Z_{N_j} - Z_{N_{j-1}})}. */
    /*@ public normal_behavior
      @   requires info != null && schedule != null && schedule.length() == info.length();
      @ pure @*/
    public static ExactReal middle(InformationCurve info, Schedule schedule) {
        Rational[] cz = new Rational[info.length() + 1];
        java.util.Arrays.fill(cz, Rational.ZERO);
        for (int j = 1; j <= schedule.steps(); j++) {
            Rational w = Rational.of(schedule.size(j) - 1L);
            cz[schedule.revealed(j)] = cz[schedule.revealed(j)].add(w);
            cz[schedule.revealed(j - 1)] = cz[schedule.revealed(j - 1)].subtract(w); // index 0 is Z_0 = 0, ignored
        }
        cz[0] = Rational.ZERO;
        return info.curveCombination(cz);
    }

    /** Both links of the chain for the optimal-predictor error {@code ideal}. */
    /*@ public normal_behavior
      @   requires info != null && schedule != null && ideal != null;
      @   ensures \result.size() == 2;
      @ pure @*/
    public static List<Check> checks(InformationCurve info, Schedule schedule, ExactReal ideal) {
        ExactReal mid = middle(info, schedule);
        int sMax = schedule.maxSize();
        ExactReal right = info.z(info.length()).multiply(sMax - 1);
        return List.of(
                Check.of(ID, Sources.CHEN_CONG_LI + ", App. F.1", Confidence.PAPER, Relation.LE, ideal, mid,
                        "Ideal <= sum_j (k_j - 1)(Z_{N_j} - Z_{N_{j-1}})"),
                Check.of(ID_MAX, Sources.CHEN_CONG_LI + ", App. F.1", Confidence.PAPER, Relation.LE, mid, right,
                        "sum_j (k_j - 1)(Z_{N_j} - Z_{N_{j-1}}) <= (s_max - 1) Z_L, s_max = " + sMax));
    }
}
