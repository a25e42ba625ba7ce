package org.dlmexact.theory;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.InformationCurve;
import org.dlmexact.info.InformationProfile;
import org.dlmexact.sampler.IdealError;
import org.dlmexact.sampler.Schedule;

/**
 * Li-Cai Theorem 2 (lower bound), partly reconstructed: for every {@code s_max >= 2} some
 * schedule with that {@code s_max} has error at least
 * {@code s_max/(16 L) * F}, {@code F = sum_i sum_{j>=0} 2^{-j} E[I(X_i ; X_{W_j^{(-i)}})]}
 * (plus {@code eps_train}, zero for the optimal predictor used here). The law of the random
 * sets {@code W_j} is not recoverable from the sources; four readings are offered
 * ({@link Reading}) and every check names the one it used. The infinite sum over {@code j} is
 * evaluated exactly: for readings (a) and (b) the sets are eventually all of {@code [L] \ {i}},
 * for (c) and (d) the weights sum to closed-form rationals.
 */
public final class LiCaiTheorem2 {

    public static final String ID = "li-cai-theorem-2";
    public static final String ID_FUNCTIONAL = "li-cai-theorem-2-functional-at-most-2-sumi";

    /** The four readings of the law of {@code W_j^{(-i)}} (theory.md §4). */
    public enum Reading {
        A("a", "uniform subset of [L]\\{i} of size min(L-1, 2^j s_max)"),
        B("b", "uniform subset of [L]\\{i} of size L - ceil(s_max / 2^j)"),
        C("c", "each other position independently with probability 1 - 2^-j"),
        D("d", "each other position independently with probability 1 - 2^-j s_max / L");

        private final String label;
        private final String description;

        Reading(String label, String description) {
            this.label = label;
            this.description = description;
        }

        //@ pure
        public String label() {
            return label;
        }

        //@ pure
        public String description() {
            return description;
        }
    }

    private LiCaiTheorem2() {
    }

    /**
     * The total weight {@code sum_j 2^{-j} P_j(W)} of one set {@code W} of size {@code a} among the
     * {@code L - 1} other positions, under the given reading.
     */
    /*@ public normal_behavior
      @   requires l >= 2 && 2 <= sMax && sMax <= l && 0 <= a && a <= l - 1;
      @   ensures \result.signum() >= 0;
      @ pure @*/
    public static Rational weight(Reading reading, int l, int sMax, int a) {
        int b = l - 1 - a;
        switch (reading) {
            case A:
            case B: {
                Rational w = Rational.ZERO;
                for (int j = 0; ; j++) {
                    int size = reading == Reading.A
                            ? (int) Math.min(l - 1L, (1L << Math.min(j, 40)) * sMax)
                            : l - (int) ((sMax + (1L << Math.min(j, 40)) - 1) >> Math.min(j, 40));
                    if (size == l - 1) {
                        // from here on the set is all other positions: sum_{j' >= j} 2^-j' = 2^(1-j)
                        if (a == l - 1) {
                            w = w.add(Rational.of(BigInteger.TWO, BigInteger.ONE.shiftLeft(j)));
                        }
                        return w;
                    }
                    if (size == a) {
                        w = w.add(Rational.of(BigInteger.ONE,
                                BigInteger.ONE.shiftLeft(j).multiply(InformationProfile.binomial(l - 1, a))));
                    }
                }
            }
            case C:
            case D: {
                // sum_j 2^-j q_j^a (1-q_j)^b with 1 - q_j = c 2^-j (c = 1 for C, s_max/L for D)
                // = sum_t C(a,t) (-1)^t c^(t+b) / (1 - 2^-(1+t+b))
                Rational c = reading == Reading.C ? Rational.ONE : Rational.of(sMax, l);
                Rational w = Rational.ZERO;
                for (int t = 0; t <= a; t++) {
                    Rational geometric = Rational.ONE.divide(Rational.ONE.subtract(
                            Rational.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(1 + t + b))));
                    Rational term = c.pow(t + b).multiply(InformationProfile.binomial(a, t)).multiply(geometric);
                    w = t % 2 == 0 ? w.add(term) : w.subtract(term);
                }
                return w;
            }
            default:
                throw new IllegalArgumentException("unknown reading " + reading);
        }
    }

    /**
     * {@code F = sum_i sum_j 2^{-j} E[I(X_i ; X_{W_j^{(-i)}})]}, exactly. With {@code w(a)} the total
     * weight of one set of size {@code a} ({@link #weight}), summing over the {@code C(L-1, a)} sets
     * of each size and over {@code i} turns the subset entropies into averages:
     * {@code F = L sum_a w(a) C(L-1, a) (e_1 + e_a - e_{a+1}) = L sum_a w(a) C(L-1, a) Z_{a+1}}
     * (proofs-notes/li-cai-theorem-2.md), so only the information curve is needed.
     */
    /*@ public normal_behavior
      @   requires info != null && reading != null && 2 <= sMax && sMax <= info.length();
      @ pure @*/
    public static ExactReal functional(InformationCurve info, Reading reading, int sMax) {
        int l = info.length();
        Rational[] cz = new Rational[l + 1];
        for (int a = 0; a < l; a++) {
            cz[a + 1] = weight(reading, l, sMax, a).multiply(InformationProfile.binomial(l - 1, a)).multiply(l);
        }
        return info.curveCombination(cz);
    }

    /**
     * For each {@code s_max = 2..L}: the worst schedule with largest part exactly {@code s_max}
     * (by enumeration) against the lower bound, under {@code reading}; and the derived safe fact
     * {@code F <= 2 SumI}.
     */
    /*@ public normal_behavior
      @   requires info != null && reading != null && info.length() <= LiCaiRecursion.MAX_LENGTH;
      @ pure @*/
    public static List<Check> checks(InformationCurve info, Reading reading) {
        int l = info.length();
        ExactReal[] worst = new ExactReal[l + 1];
        Schedule[] argWorst = new Schedule[l + 1];
        for (Schedule k : Schedule.all(l)) {
            int s = k.maxSize();
            ExactReal v = IdealError.closedForm(info, k);
            if (worst[s] == null || v.compareTo(worst[s]) > 0) {
                worst[s] = v;
                argWorst[s] = k;
            }
        }
        List<Check> out = new ArrayList<>();
        for (int s = 2; s <= l; s++) {
            ExactReal f = functional(info, reading, s);
            ExactReal lower = f.multiply(Rational.of(s, 16L * l));
            out.add(Check.of(ID, Sources.LI_CAI + ", Theorem 2", Confidence.RECONSTRUCTED, Relation.GE, worst[s], lower,
                    "assumption: W_j law (" + reading.label() + ") " + reading.description() + "; s_max = " + s
                            + "; worst schedule " + ScheduleText.of(argWorst[s])
                            + "; optimal predictor, eps_train = 0"));
            out.add(Check.of(ID_FUNCTIONAL, Sources.LI_CAI + ", Theorem 2", Confidence.DERIVED, Relation.LE, f,
                    info.sumMutualInformation().multiply(2),
                    "F <= 2 SumI under reading (" + reading.label() + "), s_max = " + s));
        }
        return out;
    }
}
