package org.dlmexact.sampler;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Objects;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.law.SequenceSpace;
import org.dlmexact.exact.Echo;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.NumberSize;
import org.dlmexact.exact.Rational;
import org.dlmexact.io.InputFiles;

/**
 * The built-in predictors and the parser of a {@code --predictor} argument:
 * <ul>
 *   <li>{@code optimal}: {@code p*_i(a | x_C) = w_{C+i}(x_C, a) / w_C(x_C)} from the marginal
 *       lattice; no row where {@code w_C(x_C) = 0} (the context the data never produces);</li>
 *   <li>{@code smoothed:LAMBDA}: {@code (1 - λ) p* + λ / V} with a rational {@code λ} in
 *       {@code [0, 1]}; no row where {@code p*} has none;</li>
 *   <li>a {@code dlm-exact/predictor@1} file ({@link PredictorTable}).</li>
 * </ul>
 * Rows are computed on demand in {@code O(V)} from the lattice; {@link PredictiveRows} caches them.
 */
public final class Predictors {

    private Predictors() {
    }

    /**
     * The built-in predictors, whose rows sum to exactly 1 by construction
     * ({@code sum_a w_{C+i}(x_C, a) = w_C(x_C)}; {@code (1 - λ) + λ = 1}), so that
     * {@link PredictiveRows} need not re-validate them.
     */
    private static final String OPTIMAL = "optimal";
    private static final String SMOOTHED = "smoothed:";

    /**
     * Whether {@code spec} has the form of a built-in predictor ({@code optimal} or
     * {@code smoothed:...}) rather than naming a file; {@link #parse} decides such a spec by its
     * text alone.
     */
    /*@ public normal_behavior
      @   ensures \result == (spec.strip().equals("optimal") || spec.strip().startsWith("smoothed:"));
      @ pure @*/
    public static boolean isBuiltIn(String spec) {
        String s = spec.strip();
        return s.equals(OPTIMAL) || s.startsWith(SMOOTHED);
    }

    /**
     * Whether {@code spec} is a valid built-in predictor (SPEC §5.2): {@code optimal}, or
     * {@code smoothed:LAMBDA} with {@code LAMBDA} read by {@link Rational#parse} and in {@code [0, 1]}.
     */
    /*@ public normal_behavior
      @   ensures \result ==> isBuiltIn(spec);
      @ pure @*/
    public static boolean isValidBuiltIn(String spec) {
        String s = spec.strip();
        if (!s.startsWith(SMOOTHED)) {
            return s.equals(OPTIMAL);
        }
        String t = s.substring(SMOOTHED.length());
        if (!Rational.isValidText(t)) {
            return false;
        }
        Rational lambda = Rational.parse(t);
        return lambda.signum() >= 0 && lambda.compareTo(Rational.ONE) <= 0;
    }

    abstract static class BuiltIn implements Predictor {
        final SequenceSpace space;

        BuiltIn(SequenceSpace space) {
            this.space = space;
        }
    }

    /** The optimal predictor of {@code law} (builds its marginal lattice). */
    /*@ public normal_behavior
      @   requires law != null;
      @   ensures \result.isOptimal();
      @ pure @*/
    public static Predictor optimal(org.dlmexact.law.Law law) {
        return optimal(MarginalLattice.of(Objects.requireNonNull(law, "law")));
    }

    /**
     * As {@link #parse(String, MarginalLattice)} for {@code law} (builds its marginal lattice, which
     * {@link MarginalLattice#checkSize} may refuse).
     */
    /*@ public normal_behavior
      @   requires isValidBuiltIn(spec);
      @   requires MarginalLattice.estimateCells(law.alphabetSize(), law.length())
      @                .compareTo(BigInteger.valueOf(MarginalLattice.MAX_CELLS)) <= 0;
      @   ensures \result != null;
      @ also public exceptional_behavior
      @   requires isBuiltIn(spec) && (!isValidBuiltIn(spec) || MarginalLattice.estimateCells(law.alphabetSize(),
      @                law.length()).compareTo(BigInteger.valueOf(MarginalLattice.MAX_CELLS)) > 0);
      @   signals_only InvalidInputException;
      @ also public behavior
      @   requires !isBuiltIn(spec);
      @   ensures \result != null;
      @   signals_only InvalidInputException;
      @*/
    public static Predictor parse(String spec, org.dlmexact.law.Law law) {
        return parse(spec, MarginalLattice.of(Objects.requireNonNull(law, "law")));
    }

    /** The optimal predictor of the lattice's law. */
    /*@ public normal_behavior
      @   requires lattice != null;
      @   ensures \result.isOptimal();
      @ pure @*/
    public static Predictor optimal(MarginalLattice lattice) {
        Objects.requireNonNull(lattice, "lattice");
        SequenceSpace sp = lattice.law().space();
        return new BuiltIn(sp) {
            /*@ also public normal_behavior
              @   ensures \result == null || \result.length >= 2;
              @ pure @*/
            @Override
            public /*@ nullable @*/ Rational[] row(int mask, int values, int position) {
                BigInteger total = lattice.marginal(mask)[values];
                if (total.signum() == 0) {
                    return null;
                }
                BigInteger[] ext = lattice.marginal(mask | (1 << position));
                Rational[] r = new Rational[sp.alphabetSize()];
                for (int a = 0; a < r.length; a++) {
                    r[a] = Rational.of(ext[Context.extend(sp, mask, values, position, a)], total);
                }
                return r;
            }

            /*@ also public normal_behavior
              @   ensures true;
              @ pure @*/
            @Override
            public boolean isOptimal() {
                return true;
            }

            /*@ also public normal_behavior
              @   ensures \result != null;
              @ pure @*/
            @Override
            public String description() {
                return "optimal";
            }
        };
    }

    /**
     * {@code (1 - λ) p* + λ / V}.
     *
     * @throws InvalidInputException {@code predictor.smoothing} when {@code λ} is outside [0, 1]
     */
    /*@ public normal_behavior
      @   requires lattice != null && lambda != null && lambda.signum() >= 0 && lambda.compareTo(Rational.ONE) <= 0;
      @   ensures \result.isOptimal() == lambda.isZero();
      @ also public exceptional_behavior
      @   requires lattice != null && lambda != null && (lambda.signum() < 0 || lambda.compareTo(Rational.ONE) > 0);
      @   signals_only InvalidInputException;
      @ pure @*/
    public static Predictor smoothed(MarginalLattice lattice, Rational lambda) {
        Objects.requireNonNull(lambda, "lambda");
        if (lambda.signum() < 0 || lambda.compareTo(Rational.ONE) > 0) {
            throw new InvalidInputException("predictor.smoothing", "smoothed:LAMBDA needs LAMBDA in [0, 1], got "
                    + Echo.of(lambda.toString()));
        }
        Predictor opt = optimal(lattice);
        int v = lattice.law().alphabetSize();
        Rational keep = Rational.ONE.subtract(lambda);
        Rational flat = lambda.divide(v);
        return new BuiltIn(lattice.law().space()) {
            /*@ also public normal_behavior
              @   ensures \result == null || \result.length >= 2;
              @ pure @*/
            @Override
            public /*@ nullable @*/ Rational[] row(int mask, int values, int position) {
                Rational[] p = opt.row(mask, values, position);
                if (p == null) {
                    return null;
                }
                Rational[] r = new Rational[v];
                for (int a = 0; a < v; a++) {
                    r[a] = keep.multiply(p[a]).add(flat);
                }
                return r;
            }

            /*@ also public normal_behavior
              @   ensures true;
              @ pure @*/
            @Override
            public boolean isOptimal() {
                return lambda.isZero();
            }

            /*@ also public normal_behavior
              @   ensures \result != null;
              @ pure @*/
            @Override
            public String description() {
                return "smoothed:" + lambda;
            }
        };
    }

    /**
     * Resolves {@code optimal}, {@code smoothed:LAMBDA} or a predictor file for the lattice's law.
     *
     * @throws InvalidInputException {@code predictor.syntax}, {@code predictor.not-found}, or the
     *     codes of {@link PredictorTable#read}
     */
    /*@ public normal_behavior
      @   requires isValidBuiltIn(spec);
      @   ensures \result != null;
      @ also public exceptional_behavior
      @   requires isBuiltIn(spec) && !isValidBuiltIn(spec);
      @   signals_only InvalidInputException;
      @ also public behavior
      @   requires !isBuiltIn(spec);
      @   ensures \result != null;
      @   signals_only InvalidInputException;
      @*/
    public static Predictor parse(String spec, MarginalLattice lattice) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(lattice, "lattice");
        String s = spec.strip();
        if (s.equals(OPTIMAL)) {
            return optimal(lattice);
        }
        if (s.startsWith(SMOOTHED)) {
            String t = s.substring(SMOOTHED.length());
            Rational lambda;
            try {
                lambda = NumberSize.parse(t, "smoothed:LAMBDA");
            } catch (NumberFormatException e) {
                throw new InvalidInputException("predictor.syntax", "smoothed:LAMBDA: " + e.getMessage());
            }
            return smoothed(lattice, lambda);
        }
        Path p = InputFiles.existing(s);
        if (p != null) {
            return PredictorTable.read(p, lattice.law().space());
        }
        throw new InvalidInputException("predictor.not-found", "--predictor " + Echo.quoted(spec) + " is neither "
                + "'optimal', 'smoothed:LAMBDA' nor a readable dlm-exact/predictor@1 file");
    }
}
