package org.dlmexact.theory;

import java.util.ArrayList;
import java.util.List;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.InformationCurve;

/**
 * The exact identities and inequalities of the information curve that the audit reports for a
 * law (theory.md §1 and §5): Chen-Cong-Li Lemma 8, Wainwright Prop. 3 and Dmitriev-Huang-Wei
 * Lemma 16 in increment form.
 */
public final class InformationIdentities {

    public static final String ID_LEMMA_8 = "chen-cong-li-lemma-8";
    public static final String ID_WAINWRIGHT = "wainwright-identities";
    public static final String ID_DMITRIEV = "dmitriev-lemma-16";

    private InformationIdentities() {
    }

    /** {@code TC = sum_j Z_j}, {@code DTC = L Z_L - TC}, {@code SumI = TC + DTC}. */
    /*@ public normal_behavior
      @   requires info != null;
      @   ensures \result.size() == 3;
      @ pure @*/
    public static List<Check> chenCongLiLemma8(InformationCurve info) {
        int l = info.length();
        Rational[] ones = new Rational[l + 1];
        java.util.Arrays.fill(ones, Rational.ONE);
        ExactReal sumZ = info.curveCombination(ones);
        String src = Sources.CHEN_CONG_LI + ", Lemma 8";
        return List.of(
                Check.of(ID_LEMMA_8, src, Confidence.PAPER, Relation.EQ, info.totalCorrelation(), sumZ, "TC = sum_j Z_j"),
                Check.of(ID_LEMMA_8, src, Confidence.PAPER, Relation.EQ, info.dualTotalCorrelation(),
                        info.z(l).multiply(l).subtract(info.totalCorrelation()), "DTC = L Z_L - TC"),
                Check.of(ID_LEMMA_8, src, Confidence.PAPER, Relation.EQ, info.sumMutualInformation(),
                        info.totalCorrelation().add(info.dualTotalCorrelation()), "SumI = TC + DTC"));
    }

    /** {@code TSE = sum_{k=1..L} (e_k - (k/L) e_L)}. */
    //@ requires info != null;
    //@ pure
    public static ExactReal tse(InformationCurve info) {
        int l = info.length();
        Rational[] c = new Rational[l + 1];
        c[0] = Rational.ZERO;
        for (int k = 1; k <= l; k++) {
            c[k] = Rational.ONE;
        }
        // sum_k (k/L) e_L = (L+1)/2 e_L
        c[l] = c[l].subtract(Rational.of(l + 1L, 2));
        return info.averageEntropyCombination(c);
    }

    /** The Bernoulli unmasking complexity {@code H(0,1) = 2 TSE/(L+1)}. */
    //@ requires info != null;
    //@ pure
    public static ExactReal bernoulliComplexity(InformationCurve info) {
        return tse(info).multiply(Rational.of(2, info.length() + 1L));
    }

    /** The fixed-cardinality complexity {@code H^card = sum_k k(L-k)/L ΔZ_k}. */
    //@ requires info != null;
    //@ pure
    public static ExactReal cardinalityComplexity(InformationCurve info) {
        int l = info.length();
        Rational[] w = new Rational[l];
        for (int k = 1; k < l; k++) {
            w[k] = Rational.of((long) k * (l - k), l);
        }
        return incrementCombination(info, w);
    }

    /** Wainwright Prop. 3: {@code H^card = (L+1)/L H(0,1)} and {@code H(0,1) <= min(TC, DTC)}. */
    /*@ public normal_behavior
      @   requires info != null;
      @   ensures \result.size() == 3;
      @ pure @*/
    public static List<Check> wainwright(InformationCurve info) {
        int l = info.length();
        ExactReal h01 = bernoulliComplexity(info);
        String src = Sources.WAINWRIGHT + ", Prop. 3";
        return List.of(
                Check.of(ID_WAINWRIGHT, src, Confidence.PAPER, Relation.EQ, cardinalityComplexity(info),
                        h01.multiply(Rational.of(l + 1L, l)), "H^card = (L+1)/L H(0,1), H(0,1) = 2 TSE/(L+1)"),
                Check.of(ID_WAINWRIGHT, src, Confidence.PAPER, Relation.LE, h01, info.totalCorrelation(), "H(0,1) <= TC"),
                Check.of(ID_WAINWRIGHT, src, Confidence.PAPER, Relation.LE, h01, info.dualTotalCorrelation(),
                        "H(0,1) <= DTC"));
    }

    /** DHW Lemma 16 in increment form: {@code TC = sum_k (L-k) ΔZ_k}, {@code DTC = sum_k k ΔZ_k}. */
    /*@ public normal_behavior
      @   requires info != null;
      @   ensures \result.size() == 2;
      @ pure @*/
    public static List<Check> dmitriev(InformationCurve info) {
        int l = info.length();
        Rational[] wt = new Rational[l];
        Rational[] wd = new Rational[l];
        for (int k = 1; k < l; k++) {
            wt[k] = Rational.of(l - k);
            wd[k] = Rational.of(k);
        }
        ExactReal tc = incrementCombination(info, wt);
        ExactReal dtc = incrementCombination(info, wd);
        String src = Sources.DMITRIEV_HUANG_WEI + ", Lemma 16";
        return List.of(
                Check.of(ID_DMITRIEV, src, Confidence.DERIVED, Relation.EQ, info.totalCorrelation(), tc,
                        "TC = sum_k (L - k) ΔZ_k (increment form of TC = ∫ (e^t - 1) I(t) dt)"),
                Check.of(ID_DMITRIEV, src, Confidence.DERIVED, Relation.EQ, info.dualTotalCorrelation(), dtc,
                        "DTC = sum_k k ΔZ_k (increment form of DTC = ∫ I(t) dt)"));
    }

    /** {@code sum_{k=1..L-1} w[k] Delta Z_k} as one value ({@code Delta Z_k = Z_{k+1} - Z_k}). */
    private static ExactReal incrementCombination(InformationCurve info, Rational[] w) {
        Rational[] cz = new Rational[info.length() + 1];
        java.util.Arrays.fill(cz, Rational.ZERO);
        for (int k = 1; k < w.length; k++) {
            cz[k + 1] = cz[k + 1].add(w[k]);
            cz[k] = cz[k].subtract(w[k]);
        }
        return info.curveCombination(cz);
    }

    /** All of the above. */
    //@ requires info != null;
    //@ pure
    public static List<Check> all(InformationCurve info) {
        List<Check> out = new ArrayList<>(chenCongLiLemma8(info));
        out.addAll(wainwright(info));
        out.addAll(dmitriev(info));
        return out;
    }
}
