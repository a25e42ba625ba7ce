package org.dlmexact.sampler;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.law.SequenceSpace;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.Divergence;
import org.dlmexact.info.InformationProfile;

/**
 * The closed form of the predictor's share of the path-averaged error (theory.md section 3) and
 * LC's training error, without brute force. With
 * {@code A(c) = avg_{|C| = c} sum_{i not in C} E_mu[ln(p*_i(X_i | X_C) / p̂_i(X_i | X_C))]}
 * {@code = avg_{|C| = c} sum_i E[KL(p*_i || p̂_i)(X_C)]}:
 * <ul>
 *   <li>step term {@code (k_j / m_j) A(N_{j-1})}, {@code m_j = L - N_{j-1}}; their sum is the
 *       predictor term, equal to {@code eps_train} with {@code P(step j) = k_j / L};</li>
 *   <li>{@code eps_train} with {@code P(step j) = 1/T}: {@code sum_j (1/T)(L/m_j) A(N_{j-1})}.</li>
 * </ul>
 * Infinite when {@code p̂} gives probability 0 to a token the data produces in a visited context;
 * then the first such context (order: visible-set size, mask, values index, position, token) is
 * kept (per step, only the steps whose visible size has an offending context are infinite). Work: {@code sum_c C(L, c) V^c (L - c) V} logarithm terms over the distinct visible sizes.
 * Immutable.
 */
public final class PredictorTerm {

    //@ public invariant stepTerms().size() >= 1;
    private final List<Divergence> stepTerms;
    private final Divergence total;
    private final Divergence uniformSteps;
    private final Context witness;

    private PredictorTerm(List<Divergence> stepTerms, Divergence total, Divergence uniformSteps, Context witness) {
        this.stepTerms = Collections.unmodifiableList(stepTerms);
        this.total = total;
        this.uniformSteps = uniformSteps;
        this.witness = witness;
    }

    /**
     * Computes the predictor term of {@code schedule} for the rows' law and predictor. For a
     * schedule of the law's length, one {@code behavior} case: a predictor row the rows refuse
     * makes it throw.
     */
    /*@ public behavior
      @   requires rows != null && schedule != null && schedule.length() == rows.lattice().law().length();
      @   ensures \result.stepTerms().size() == schedule.steps();
      @   signals_only org.dlmexact.exact.InvalidInputException;
      @ also public exceptional_behavior
      @   requires rows != null && schedule != null && schedule.length() != rows.lattice().law().length();
      @   signals_only IllegalArgumentException;
      @*/
    public static PredictorTerm compute(PredictiveRows rows, Schedule schedule) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(schedule, "schedule");
        MarginalLattice lat = rows.lattice();
        int l = lat.law().length();
        if (schedule.length() != l) {
            throw new IllegalArgumentException("schedule " + schedule + " has length " + schedule.length()
                    + " but the law has length " + l);
        }
        int t = schedule.steps();
        Map<Integer, Object> a = new HashMap<>();
        Context witness = null;
        for (int j = 1; j <= t; j++) {
            int c = schedule.revealed(j - 1);
            if (!a.containsKey(c)) {
                Object r = averageLogRatio(rows, c);
                a.put(c, r);
                if (r instanceof Context && witness == null) {
                    witness = (Context) r;
                }
            }
        }
        List<Divergence> steps = new ArrayList<>();
        ExactReal sum = ExactReal.ZERO;
        ExactReal uniform = ExactReal.ZERO;
        for (int j = 1; j <= t; j++) {
            Object r = a.get(schedule.revealed(j - 1));
            if (r instanceof Context) {
                steps.add(Divergence.infinite(firstOutcome(lat, (Context) r)));
                continue;
            }
            ExactReal ac = (ExactReal) r;
            ExactReal term = ac.multiply(Rational.of(schedule.size(j), schedule.masked(j)));
            steps.add(Divergence.finite(term));
            sum = sum.add(term);
            uniform = uniform.add(ac.multiply(Rational.of(l, (long) t * schedule.masked(j))));
        }
        if (witness != null) {
            Divergence inf = Divergence.infinite(firstOutcome(lat, witness));
            return new PredictorTerm(steps, inf, inf, witness);
        }
        return new PredictorTerm(steps, Divergence.finite(sum), Divergence.finite(uniform), null);
    }

    /**
     * {@code (k_j / m_j) A(N_{j-1})} for each step, in order; {@code +inf} (witnessed by the first
     * offending outcome of that step's visible size) for the steps whose contexts are offended.
     */
    //@ pure helper
    public List<Divergence> stepTerms() {
        return stepTerms;
    }

    /** The predictor term {@code sum_j (k_j / m_j) A(N_{j-1})} = eps_train with {@code P(j) = k_j/L}. */
    //@ pure
    public Divergence total() {
        return total;
    }

    /** {@code eps_train} with {@code P(step j) = 1/T}. */
    //@ pure
    public Divergence uniformSteps() {
        return uniformSteps;
    }

    /** The first offending context when infinite. */
    //@ ensures \result.isPresent() == total().isInfinite();
    //@ pure
    public Optional<Context> infiniteContext() {
        return Optional.ofNullable(witness);
    }

    /** {@code A(c)} as an ExactReal, or the first offending Context when it is infinite. */
    private static Object averageLogRatio(PredictiveRows rows, int c) {
        MarginalLattice lat = rows.lattice();
        SequenceSpace sp = lat.law().space();
        int v = sp.alphabetSize();
        LogSum sum = new LogSum();
        for (int mask = 0; mask <= sp.fullMask(); mask++) {
            if (Integer.bitCount(mask) != c) {
                continue;
            }
            BigInteger[] wc = lat.marginal(mask);
            for (int values = 0; values < wc.length; values++) {
                if (wc[values].signum() == 0) {
                    continue;
                }
                for (int i = 0; i < sp.length(); i++) {
                    if ((mask & (1 << i)) != 0) {
                        continue;
                    }
                    BigInteger[] wci = lat.marginal(mask | (1 << i));
                    Rational[] r = rows.row(mask, values, i);
                    for (int tok = 0; tok < v; tok++) {
                        BigInteger w = wci[Context.extend(sp, mask, values, i, tok)];
                        if (w.signum() == 0) {
                            continue;
                        }
                        if (r[tok].isZero()) {
                            return Context.of(sp, mask, values, i, tok);
                        }
                        sum.add(w, w);
                        sum.add(wc[values], w.negate());
                        sum.add(r[tok], w.negate());
                    }
                }
            }
        }
        BigInteger count = InformationProfile.binomial(sp.length(), c);
        return sum.value(Rational.of(BigInteger.ONE, lat.law().denominator().multiply(count)));
    }

    /** The first outcome (lexicographic) with {@code mu > 0} that extends the context and its token. */
    static int firstOutcome(MarginalLattice lat, Context ctx) {
        SequenceSpace sp = lat.law().space();
        int[] x = new int[sp.length()];
        for (int idx = 0; idx < sp.size(); idx++) {
            if (lat.law().weight(idx).signum() == 0) {
                continue;
            }
            Context.decode(sp, sp.fullMask(), idx, x);
            if (Context.encode(sp, ctx.visibleMask(), x) == ctx.valuesIndex() && x[ctx.position()] == ctx.token()) {
                return idx;
            }
        }
        throw new IllegalStateException("no outcome extends " + ctx);
    }
}
