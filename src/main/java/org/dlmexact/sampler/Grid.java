package org.dlmexact.sampler;

import java.util.Arrays;
import java.util.Objects;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.Rational;

/**
 * A rational time grid {@code 1 = t_0 > t_1 > ... > t_N = eps} with step {@code j} going from
 * {@code t = t_{j-1}} to {@code s = t_j}; equivalently the unmasked probabilities
 * {@code alpha_j = 1 - t_j}. {@link #linear} is the grid of MDLM and Dream,
 * {@code t_i = 1 - i (1 - eps)/N} ({@code torch.linspace(1, eps, N+1)} in exact arithmetic). Immutable.
 */
public final class Grid {

    //@ public invariant steps() >= 1;
    private final Rational[] alpha;

    private Grid(Rational[] alpha) {
        this.alpha = alpha;
    }

    /**
     * {@code t_i = 1 - i (1 - eps)/N}, {@code i = 0..N}: {@code alpha_i = i (1 - eps)/N}.
     *
     * @throws InvalidInputException {@code sampler.value} unless {@code 0 <= eps < 1}
     */
    /*@ public normal_behavior
      @   requires steps >= 1 && eps != null && eps.signum() >= 0 && eps.compareTo(Rational.ONE) < 0;
      @   ensures \result.steps() == steps;
      @ also public exceptional_behavior
      @   requires steps >= 1 && eps != null && !(eps.signum() >= 0 && eps.compareTo(Rational.ONE) < 0);
      @   signals_only InvalidInputException;
      @ pure @*/
    public static Grid linear(int steps, Rational eps) {
        Objects.requireNonNull(eps, "eps");
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        if (eps.signum() < 0 || eps.compareTo(Rational.ONE) >= 0) {
            throw new InvalidInputException("sampler.value", "eps=" + eps + " is outside [0, 1)");
        }
        Rational[] a = new Rational[steps + 1];
        Rational span = Rational.ONE.subtract(eps);
        for (int i = 0; i <= steps; i++) {
            a[i] = span.multiply(i).divide(steps);
        }
        return new Grid(a);
    }

    /**
     * A grid given by its unmasked probabilities {@code alpha_0 <= alpha_1 <= ... <= alpha_N},
     * {@code 0 <= alpha_0 < 1}, {@code alpha_N <= 1}.
     *
     * @throws InvalidInputException {@code sampler.value} naming the first offending entry
     */
    /*@ public behavior
      @   requires alphas != null;
      @   ensures \result.steps() == alphas.length - 1;
      @   signals_only InvalidInputException;
      @ pure @*/
    public static Grid ofAlphas(Rational[] alphas) {
        if (alphas.length < 2) {
            throw new InvalidInputException("sampler.value", "alphas needs at least two values (alpha_0;alpha_1;...),"
                    + " got " + alphas.length);
        }
        for (int i = 0; i < alphas.length; i++) {
            Rational a = Objects.requireNonNull(alphas[i], "alpha");
            if (a.signum() < 0 || a.compareTo(Rational.ONE) > 0) {
                throw new InvalidInputException("sampler.value", "alphas[" + i + "] = " + a + " is outside [0, 1]");
            }
            if (i > 0 && a.compareTo(alphas[i - 1]) < 0) {
                throw new InvalidInputException("sampler.value", "alphas[" + i + "] = " + a + " is below alphas["
                        + (i - 1) + "] = " + alphas[i - 1] + "; the unmasked probability cannot decrease");
            }
        }
        if (alphas[0].equals(Rational.ONE)) {
            throw new InvalidInputException("sampler.value", "alphas[0] = 1: the process starts from the all-mask"
                    + " sequence, so alpha_0 must be below 1");
        }
        return new Grid(alphas.clone());
    }

    /** {@code N}. */
    //@ ensures \result >= 1;
    //@ pure
    public int steps() {
        return alpha.length - 1;
    }

    /** {@code alpha_i = 1 - t_i}, {@code 0 <= i <= N}. */
    /*@ public normal_behavior
      @   requires 0 <= i && i <= steps();
      @ pure @*/
    public Rational alpha(int i) {
        return alpha[i];
    }

    /** {@code t_i = 1 - alpha_i}. */
    /*@ public normal_behavior
      @   requires 0 <= i && i <= steps();
      @ pure @*/
    public Rational time(int i) {
        return Rational.ONE.subtract(alpha[i]);
    }

    /**
     * The probability that a position still masked at {@code t_{j-1}} is unmasked at {@code t_j}:
     * {@code (alpha_j - alpha_{j-1}) / (1 - alpha_{j-1})} ({@code (t - s)/t} on a linear grid); 1 when
     * {@code alpha_{j-1} = 1}.
     */
    /*@ public normal_behavior
      @   requires 1 <= j && j <= steps();
      @ pure @*/
    public Rational reveal(int j) {
        Rational rest = Rational.ONE.subtract(alpha[j - 1]);
        return rest.isZero() ? Rational.ONE : alpha[j].subtract(alpha[j - 1]).divide(rest);
    }

    /** The alphas joined by {@code ;}. */
    /*@ also public normal_behavior
      @   ensures \result != null;
      @ pure @*/
    @Override
    public String toString() {
        return String.join(";", Arrays.stream(alpha).map(Rational::toString).toArray(String[]::new));
    }
}
