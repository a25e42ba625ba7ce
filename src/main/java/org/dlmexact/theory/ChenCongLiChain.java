package org.dlmexact.theory;

import java.util.List;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.info.InformationProfile;

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
      @   requires info != null && k != null;
      @ pure @*/
    public static ExactReal middle(InformationProfile info, int[] k) {
        ExactReal s = ExactReal.ZERO;
        int n = 0;
        for (int kj : k) {
            s = s.add(ClosedForm.zOrZero(info, n + kj).subtract(ClosedForm.zOrZero(info, n)).multiply(kj - 1));
            n += kj;
        }
        return s;
    }

    /** Both links of the chain for the optimal-predictor error {@code ideal}. */
    /*@ public normal_behavior
      @   requires info != null && k != null && ideal != null;
      @   ensures \result.size() == 2;
      @ pure @*/
    public static List<Check> checks(InformationProfile info, int[] k, ExactReal ideal) {
        ExactReal mid = middle(info, k);
        int sMax = Compositions.maxPart(k);
        ExactReal right = info.z(info.law().length()).multiply(sMax - 1);
        return List.of(
                Check.of(ID, Sources.CHEN_CONG_LI + ", App. F.1", Confidence.PAPER, Relation.LE, ideal, mid,
                        "Ideal <= sum_j (k_j - 1)(Z_{N_j} - Z_{N_{j-1}})"),
                Check.of(ID_MAX, Sources.CHEN_CONG_LI + ", App. F.1", Confidence.PAPER, Relation.LE, mid, right,
                        "sum_j (k_j - 1)(Z_{N_j} - Z_{N_{j-1}}) <= (s_max - 1) Z_L, s_max = " + sMax));
    }
}
