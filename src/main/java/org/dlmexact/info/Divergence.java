package org.dlmexact.info;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import org.dlmexact.law.Law;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;

/**
 * An exact Kullback-Leibler divergence {@code KL(mu || nu)}: either a finite exact real or
 * {@code +infinity}, in which case the first outcome (lexicographic order) with
 * {@code mu(x) > 0 = nu(x)} is recorded.
 */
public final class Divergence {

    //@ public invariant isInfinite() <==> value() == null;
    private final ExactReal value;
    private final int witness;

    private Divergence(ExactReal value, int witness) {
        this.value = value;
        this.witness = witness;
    }

    /** A finite divergence. */
    //@ requires value != null;
    //@ ensures !\result.isInfinite();
    //@ pure
    public static Divergence finite(ExactReal value) {
        return new Divergence(Objects.requireNonNull(value, "value"), -1);
    }

    /** An infinite divergence witnessed by the outcome with index {@code witness}. */
    //@ requires witness >= 0;
    //@ ensures \result.isInfinite();
    //@ pure
    public static Divergence infinite(int witness) {
        if (witness < 0) {
            throw new IllegalArgumentException("witness index must be non-negative, got " + witness);
        }
        return new Divergence(null, witness);
    }

    /**
     * {@code KL(mu || nu) = sum_x mu(x) ln(mu(x)/nu(x))}, exact; {@code +infinity} when some
     * {@code mu(x) > 0 = nu(x)}.
     */
    /*@ public normal_behavior
      @   requires mu != null && nu != null && mu.space().equals(nu.space());
      @   ensures !\result.isInfinite() ==> \result.value().signum() >= 0;
      @ also public exceptional_behavior
      @   requires mu != null && nu != null && !mu.space().equals(nu.space());
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public static Divergence kl(Law mu, Law nu) {
        Objects.requireNonNull(mu, "mu");
        Objects.requireNonNull(nu, "nu");
        if (!mu.space().equals(nu.space())) {
            throw new IllegalArgumentException("laws on different spaces: " + mu.space() + " and " + nu.space());
        }
        Map<BigInteger, Rational> terms = new HashMap<>();
        BigInteger d = mu.denominator();
        BigInteger e = nu.denominator();
        for (int i = 0; i < mu.space().size(); i++) {
            BigInteger w = mu.weight(i);
            if (w.signum() == 0) {
                continue;
            }
            BigInteger u = nu.weight(i);
            if (u.signum() == 0) {
                return infinite(i);
            }
            // (w/D) (ln w - ln D - ln u + ln E)
            Rational p = Rational.of(w, d);
            terms.merge(w, p, Rational::add);
            terms.merge(u, p.negate(), Rational::add);
        }
        // sum_x mu(x) (ln E - ln D) = ln E - ln D
        terms.merge(e, Rational.ONE, Rational::add);
        terms.merge(d, Rational.ONE.negate(), Rational::add);
        return finite(ExactReal.lnCombination(Rational.ZERO, terms));
    }

    //@ pure helper
    public boolean isInfinite() {
        return value == null;
    }

    /** The finite value, or {@code null} when infinite. */
    //@ pure helper
    public ExactReal value() {
        return value;
    }

    /** The index of the outcome that makes the divergence infinite. */
    //@ requires isInfinite();
    //@ pure
    public OptionalInt witness() {
        return witness < 0 ? OptionalInt.empty() : OptionalInt.of(witness);
    }

    /*@ also public normal_behavior
      @   ensures \result != null;
      @ pure @*/
    @Override
    public String toString() {
        return value == null ? "+inf" : value.toString();
    }
}
