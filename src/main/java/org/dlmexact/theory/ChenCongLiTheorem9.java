package org.dlmexact.theory;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.InformationCurve;
import org.dlmexact.info.InformationProfile;
import org.dlmexact.sampler.IdealError;
import org.dlmexact.sampler.Schedule;

/**
 * Chen-Cong-Li Theorem 9: from an estimate {@code TC^ >= TC} (here {@code TC} itself) and a target
 * {@code eps > 0}, a schedule with at most {@code 2 + (1 + ln L)(1 + ceil(TC^/eps))} steps and
 * {@code Ideal <= eps}; likewise with {@code DTC}. The construction (floor/ceil choices) is
 * reconstructed from the proof (theory.md §4):
 * TC version: {@code zeta = 1 + ceil(TC/eps)}; if {@code zeta >= L+1} all ones; else
 * {@code N_i = N_{i-1} + floor((L - N_{i-1})/zeta)} for {@code i <= lambda},
 * {@code lambda = floor(ln(L-zeta+1) / ln(1/(1-1/zeta))) + 2}, then single tokens; zero-size steps
 * dropped. DTC version: the mirror image, {@code N'_0 = L}, {@code N'_i = ceil(N'_{i-1}(1 - 1/zeta))},
 * single tokens first, growing batches after.
 */
public final class ChenCongLiTheorem9 {

    public static final String ID_STEPS = "chen-cong-li-theorem-9-steps";
    public static final String ID_ERROR = "chen-cong-li-theorem-9-error";

    /** Which estimate drives the schedule. */
    public enum Version {
        TC("tc"), DTC("dtc");

        private final String label;

        Version(String label) {
            this.label = label;
        }

        //@ pure
        public String label() {
            return label;
        }
    }

    private ChenCongLiTheorem9() {
    }

    /** {@code zeta = 1 + ceil(estimate / eps)}, decided exactly. */
    /*@ public normal_behavior
      @   requires estimate != null && eps != null && eps.signum() > 0 && estimate.signum() >= 0;
      @   ensures \result.signum() > 0;
      @ pure @*/
    public static BigInteger zeta(ExactReal estimate, Rational eps) {
        if (eps.signum() <= 0) {
            throw new IllegalArgumentException("target epsilon must be positive, got " + eps);
        }
        return BigInteger.ONE.add(estimate.divide(eps).ceil());
    }

    /** {@code lambda = floor(ln(L - zeta + 1) / ln(zeta/(zeta - 1))) + 2} for {@code 2 <= zeta <= L}. */
    //@ requires 2 <= zeta && zeta <= l;
    //@ ensures \result >= 2;
    //@ pure
    public static int lambda(int l, int zeta) {
        ExactReal num = ExactReal.ln(Rational.of(l - zeta + 1));
        ExactReal den = ExactReal.ln(Rational.of(zeta, zeta - 1));
        int n = 0;
        while (den.multiply(n + 1).compareTo(num) <= 0) {
            n++;
        }
        return n + 2;
    }

    /** The schedule (reveal order) for the given version, estimate and target. */
    /*@ public normal_behavior
      @   requires l >= 1 && version != null && estimate != null && eps != null && eps.signum() > 0;
      @   ensures \result.length() == l;
      @ pure @*/
    public static Schedule schedule(int l, Version version, ExactReal estimate, Rational eps) {
        Objects.requireNonNull(version, "version");
        BigInteger z = zeta(estimate, eps);
        if (z.compareTo(BigInteger.valueOf(l + 1L)) >= 0) {
            int[] ones = new int[l];
            java.util.Arrays.fill(ones, 1);
            return Schedule.of(l, ones);
        }
        int zeta = z.intValueExact();
        List<Integer> parts = new ArrayList<>();
        if (zeta == 1) {
            parts.add(l);
        } else if (version == Version.TC) {
            int lam = lambda(l, zeta);
            int n = 0;
            for (int i = 1; i <= lam && n < l; i++) {
                int step = (l - n) / zeta;
                if (step > 0) {
                    parts.add(step);
                    n += step;
                }
            }
            for (; n < l; n++) {
                parts.add(1);
            }
        } else {
            int lam = lambda(l, zeta);
            List<Integer> tail = new ArrayList<>();
            int n = l;
            for (int i = 1; i <= lam && n > 0; i++) {
                // N'_i = ceil(N'_{i-1} (zeta - 1) / zeta)
                int next = (int) (((long) n * (zeta - 1) + zeta - 1) / zeta);
                if (n - next > 0) {
                    tail.add(n - next);
                }
                n = next;
            }
            for (int i = 0; i < n; i++) {
                parts.add(1);
            }
            Collections.reverse(tail);
            parts.addAll(tail);
        }
        return Schedule.of(l, parts.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The step-count and error checks for one version and target. */
    /*@ public normal_behavior
      @   requires info != null && version != null && eps != null && eps.signum() > 0;
      @   ensures \result.size() == 2;
      @ pure @*/
    public static List<Check> checks(InformationCurve info, Version version, Rational eps) {
        int l = info.length();
        ExactReal estimate = version == Version.TC ? info.totalCorrelation() : info.dualTotalCorrelation();
        Schedule k = schedule(l, version, estimate, eps);
        BigInteger z = zeta(estimate, eps);
        ExactReal stepBound = ExactReal.ln(l).add(Rational.ONE).multiply(Rational.of(z)).add(Rational.of(2));
        String note = version.label().toUpperCase(java.util.Locale.ROOT) + " version, eps = " + eps + ", zeta = " + z
                + ", schedule " + ScheduleText.of(k) + "; construction reconstructed from the proof";
        return List.of(
                Check.of(ID_STEPS, Sources.CHEN_CONG_LI + ", Theorem 9", Confidence.RECONSTRUCTED, Relation.LE,
                        ExactReal.of(k.steps()), stepBound, note + "; T <= 2 + (1 + ln L) zeta"),
                Check.of(ID_ERROR, Sources.CHEN_CONG_LI + ", Theorem 9", Confidence.RECONSTRUCTED, Relation.LE,
                        IdealError.closedForm(info, k), ExactReal.of(eps), note + "; Ideal <= eps"));
    }
}
