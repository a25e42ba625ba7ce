package org.dlmexact.exact;

import java.math.BigDecimal;
import java.util.Objects;

/** Certified decimals of ratios of exact reals (tightness ratios of bounds). */
public final class Ratios {

    private Ratios() {
    }

    /**
     * {@code x / y} correctly rounded to {@code digits} places (ties away from zero). A ratio known to
     * be rational ({@link ExactReal#knownRatio}) is rounded exactly; otherwise the quotient of the two
     * enclosures is refined until both of its ends round alike. For canonical values that terminates,
     * because a ratio that is not known rational is irrational and so not a rounding boundary; for
     * symbolic values the refinement stops at a cap, and then the ratio is decided exactly
     * ({@link ExactReal#rationalRatio}) before refining on.
     */
    /*@ public normal_behavior
      @   requires x != null && y != null && !y.isZero() && digits >= 0;
      @   ensures \result != null;
      @ also public exceptional_behavior
      @   requires x != null && y != null && y.isZero();
      @   signals_only ArithmeticException;
      @ pure @*/
    public static String decimal(ExactReal x, ExactReal y, int digits) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (digits < 0) {
            throw new IllegalArgumentException("negative digit count " + digits);
        }
        /*@ nullable @*/ Rational r = x.knownRatio(y);
        if (r != null) {
            return r.round(digits).toPlainString();
        }
        boolean decided = !x.isSymbolic() && !y.isSymbolic();
        for (int bits = Math.max(64, digits * 4 + 32); ; bits *= 2) {
            if (!decided && bits > SymbolicForm.PRECISION_CAP) {
                r = x.rationalRatio(y);
                if (r != null) {
                    return r.round(digits).toPlainString();
                }
                decided = true;
            }
            Interval a = x.enclosure(bits);
            Interval b = y.enclosure(bits);
            if (b.strictSign() == 0) {
                continue;
            }
            Rational[] q = {a.lo().divide(b.lo()), a.lo().divide(b.hi()), a.hi().divide(b.lo()), a.hi().divide(b.hi())};
            Rational lo = q[0];
            Rational hi = q[0];
            for (Rational c : q) {
                lo = lo.min(c);
                hi = hi.max(c);
            }
            BigDecimal l = lo.round(digits);
            if (l.equals(hi.round(digits))) {
                return l.toPlainString();
            }
        }
    }
}
