package org.dlmexact.sampler;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.law.SequenceSpace;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.Rational;

/**
 * The rows of a predictor for one law, validated, completed by the missing-context rule and
 * cached. The rule: when the predictor has no row for a context ({@link Predictor#row} returns
 * {@code null}),
 * <ul>
 *   <li>if the data can produce the context ({@code w_C(x_C) > 0}) this is an error,
 *       {@code predictor.missing-context}, naming the context;</li>
 *   <li>otherwise (a context reached only through the predictor's own draws) the row is uniform,
 *       {@code 1/V}.</li>
 * </ul>
 * Any sequence through a context with {@code w_C(x_C) = 0} has {@code mu = 0}, so the rule
 * changes the output laws only outside the support of {@code mu}, and changes no KL and no
 * path error. Every returned row has {@code V} entries in {@code [0, 1]} summing to exactly 1
 * ({@code predictor.row-length}, {@code predictor.probability}, {@code predictor.row-sum}); the rows of
 * the built-in predictors of {@link Predictors} hold this by construction and are not re-checked.
 */
public final class PredictiveRows {

    //@ public invariant lattice() != null && predictor() != null;
    private final MarginalLattice lattice;
    private final Predictor predictor;
    private final SequenceSpace space;
    private final Rational[] uniform;
    private final Map<Long, Rational[]> cache = new HashMap<>();
    private final Map<Long, BigInteger[]> cumulativeCache = new HashMap<>();

    /**
     * The rows of {@code predictor} for the lattice's law. A built-in predictor must have been
     * built for a law on the same space (it may be another law: the optimal predictor of one law
     * is an imperfect predictor for another).
     */
    /*@ public normal_behavior
      @   requires lattice != null && predictor != null && fits(predictor, lattice.law().space());
      @   ensures lattice() == lattice && predictor() == predictor;
      @ also public exceptional_behavior
      @   requires lattice != null && predictor != null && !fits(predictor, lattice.law().space());
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public PredictiveRows(MarginalLattice lattice, Predictor predictor) {
        this.lattice = Objects.requireNonNull(lattice, "lattice");
        this.predictor = Objects.requireNonNull(predictor, "predictor");
        this.space = lattice.law().space();
        if (!fits(predictor, space)) {
            throw new IllegalArgumentException("the predictor " + predictor.description() + " was built for "
                    + ((Predictors.BuiltIn) predictor).space + ", not " + space);
        }
        this.uniform = new Rational[space.alphabetSize()];
        java.util.Arrays.fill(uniform, Rational.of(1, space.alphabetSize()));
    }

    /**
     * Whether {@code predictor} can give rows for a law on {@code space}: a built-in predictor only
     * for the space it was built for; a table always (its rows are checked when they are read).
     */
    /*@ public normal_behavior
      @   requires predictor != null && space != null;
      @ pure @*/
    public static boolean fits(Predictor predictor, SequenceSpace space) {
        return !(predictor instanceof Predictors.BuiltIn) || ((Predictors.BuiltIn) predictor).space.equals(space);
    }

    //@ pure helper
    public MarginalLattice lattice() {
        return lattice;
    }

    //@ pure helper
    public Predictor predictor() {
        return predictor;
    }

    /**
     * The validated row {@code p̂_i(. | x_C)} (shared: do not modify). For a context, one
     * {@code behavior} case: whether the predictor's row there is usable depends on the predictor
     * (a user's table), which the contract does not name.
     *
     * @throws InvalidInputException {@code predictor.missing-context} or a row error, naming the context
     * @throws IllegalArgumentException when the arguments are not a context
     */
    /*@ public behavior
      @   requires 0 <= visibleMask && visibleMask <= lattice().law().space().fullMask()
      @        && 0 <= valuesIndex && valuesIndex < lattice().law().space().power(Integer.bitCount(visibleMask))
      @        && 0 <= position && position < lattice().law().length() && (visibleMask & (1 << position)) == 0;
      @   ensures \result.length == lattice().law().alphabetSize();
      @   signals_only InvalidInputException;
      @ also public exceptional_behavior
      @   requires !(0 <= visibleMask && visibleMask <= lattice().law().space().fullMask()
      @        && 0 <= valuesIndex && valuesIndex < lattice().law().space().power(Integer.bitCount(visibleMask))
      @        && 0 <= position && position < lattice().law().length() && (visibleMask & (1 << position)) == 0);
      @   signals_only IllegalArgumentException;
      @*/
    public Rational[] row(int visibleMask, int valuesIndex, int position) {
        long key = (((long) visibleMask << 16 | valuesIndex) << 4) | position;
        Rational[] r = cache.get(key);
        if (r != null) {
            return r;
        }
        if (visibleMask < 0 || visibleMask > space.fullMask() || position < 0 || position >= space.length()
                || (visibleMask & (1 << position)) != 0 || valuesIndex < 0
                || valuesIndex >= space.power(Integer.bitCount(visibleMask))) {
            Context.of(space, visibleMask, valuesIndex, position, -1); // throws IllegalArgumentException
        }
        r = predictor.row(visibleMask, valuesIndex, position);
        if (r == null) {
            if (lattice.marginal(visibleMask)[valuesIndex].signum() > 0) {
                Context ctx = Context.of(space, visibleMask, valuesIndex, position, -1);
                throw new InvalidInputException("predictor.missing-context", "the predictor (" + predictor.description()
                        + ") has no row for the context " + ctx + ", which the data produces with positive probability");
            }
            r = uniform;
        } else if (!(predictor instanceof Predictors.BuiltIn)) {
            validate(r, visibleMask, valuesIndex, position);
        }
        cache.put(key, r);
        return r;
    }

    private void validate(Rational[] r, int mask, int values, int position) {
        int v = space.alphabetSize();
        if (r.length != v) {
            throw new InvalidInputException("predictor.row-length", "the predictor's row for "
                    + Context.of(space, mask, values, position, -1) + " has " + r.length + " entries, expected " + v);
        }
        Rational sum = Rational.ZERO;
        for (int a = 0; a < v; a++) {
            if (r[a] == null || r[a].signum() < 0 || r[a].compareTo(Rational.ONE) > 0) {
                throw new InvalidInputException("predictor.probability", "the predictor's row for "
                        + Context.of(space, mask, values, position, -1) + " has entry " + a + " = " + r[a]
                        + ", outside [0, 1]");
            }
            sum = sum.add(r[a]);
        }
        if (!sum.equals(Rational.ONE)) {
            throw new InvalidInputException("predictor.row-sum", "the predictor's row for "
                    + Context.of(space, mask, values, position, -1) + " sums to " + sum + ", not exactly 1");
        }
    }

    /**
     * The row as integers over its common denominator: entries {@code 0..V-1} are the cumulative
     * numerators {@code c_a = D (p_0 + ... + p_a)} and entry {@code V} is {@code D} (the least
     * common denominator of the row), so {@code c_{V-1} = D}.
     */
    /*@ public normal_behavior
      @   requires 0 <= visibleMask && visibleMask <= lattice().law().space().fullMask();
      @   ensures \result.length == lattice().law().alphabetSize() + 1;
      @   ensures \result[\result.length - 2].equals(\result[\result.length - 1]);
      @*/
    public BigInteger[] cumulative(int visibleMask, int valuesIndex, int position) {
        long key = (((long) visibleMask << 16 | valuesIndex) << 4) | position;
        BigInteger[] cached = cumulativeCache.get(key);
        if (cached != null) {
            return cached.clone();
        }
        Rational[] r = row(visibleMask, valuesIndex, position);
        BigInteger d = BigInteger.ONE;
        for (Rational q : r) {
            d = d.divide(d.gcd(q.denominator())).multiply(q.denominator());
        }
        BigInteger[] c = new BigInteger[r.length + 1];
        BigInteger run = BigInteger.ZERO;
        for (int a = 0; a < r.length; a++) {
            run = run.add(r[a].numerator().multiply(d.divide(r[a].denominator())));
            c[a] = run;
        }
        c[r.length] = d;
        cumulativeCache.put(key, c);
        return c.clone();
    }
}
