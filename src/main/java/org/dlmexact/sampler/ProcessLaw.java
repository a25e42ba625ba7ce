package org.dlmexact.sampler;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.Rational;
import org.dlmexact.law.Law;
import org.dlmexact.law.SequenceSpace;

/**
 * The exact law of any {@link Sampler}: the law of its state {@code (S, x_S)} after every step
 * and its output law, by one forward dynamic programme over the states the sampler reaches with
 * positive probability. At each step every reached state's {@link Moves} are enumerated: for each
 * branch, every outcome of the independent draws at its drawn positions (zero-probability entries
 * skipped), with the branch's selector applied to each. Probabilities are multiplied as integers
 * over the rows' common denominators and summed per next state, then divided once, so the result
 * is exact. A state with every position visible stays put (unless the sampler
 * {@link Sampler#remasks()}), so the state law after step {@code j} is that after
 * {@code min(j, steps())} steps.
 *
 * <p>Along the way it records, per step: the probability that the step is taken at a state with
 * a masked position ({@link #activeProbability}), the probability that the step leaves the state
 * unchanged ({@link #unchangedProbability}), the law of the number of positions it reveals
 * ({@link #revealedLaw}); and the decision boundaries of every reached state ({@link #boundaries}).
 * Immutable.
 */
public final class ProcessLaw {

    /** Default largest {@link Sampler#work} accepted. */
    public static final long MAX_WORK = 2_000_000L;
    /** At most this many decision boundaries are kept; the rest are counted. */
    public static final int MAX_BOUNDARIES = 10_000;

    //@ public invariant sampler() != null && law() != null && steps() >= 0;
    private final Sampler sampler;
    private final Law law;
    private final List<Map<Integer, Rational[]>> layers;
    private final List<Rational> active;
    private final List<Rational> unchanged;
    private final List<SortedMap<Integer, Rational>> revealed;
    private final SortedSet<Boundary> boundaries;
    private final long boundaryCount;

    private ProcessLaw(Sampler sampler, Law law, List<Map<Integer, Rational[]>> layers, List<Rational> active,
                       List<Rational> unchanged, List<SortedMap<Integer, Rational>> revealed,
                       SortedSet<Boundary> boundaries, long boundaryCount) {
        this.sampler = sampler;
        this.law = law;
        this.layers = layers;
        this.active = active;
        this.unchanged = unchanged;
        this.revealed = revealed;
        this.boundaries = boundaries;
        this.boundaryCount = boundaryCount;
    }

    /**
     * The exact law of {@code sampler} with the predictor of {@code rows}.
     *
     * @throws IllegalArgumentException when the sampler was built for another length
     * @throws InvalidInputException the sampler's size refusal ({@link Sampler#checkSize}) or a
     *     predictor error
     */
    /*@ public behavior
      @   requires rows != null && sampler != null;
      @   ensures sampler.length() == rows.lattice().law().length();
      @   ensures \result.sampler() == sampler && \result.law().space().equals(rows.lattice().law().space());
      @   signals_only IllegalArgumentException, InvalidInputException;
      @   signals (IllegalArgumentException) sampler.length() != rows.lattice().law().length();
      @*/
    public static ProcessLaw compute(PredictiveRows rows, Sampler sampler) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(sampler, "sampler");
        SequenceSpace sp = rows.lattice().law().space();
        if (sampler.length() != sp.length()) {
            throw new IllegalArgumentException("sampler " + sampler.spec() + " has length " + sampler.length()
                    + " but the law has length " + sp.length());
        }
        sampler.checkSize(sp.alphabetSize());
        return new Programme(rows, sampler).run();
    }

    /** The dynamic programme's working state. */
    private static final class Programme {
        final PredictiveRows rows;
        final Sampler sampler;
        final SequenceSpace sp;
        final int full;
        final SortedSet<Boundary> boundaries = new TreeSet<>();
        long boundaryCount;

        Programme(PredictiveRows rows, Sampler sampler) {
            this.rows = rows;
            this.sampler = sampler;
            this.sp = rows.lattice().law().space();
            this.full = sp.fullMask();
        }

        void boundary(Boundary b) {
            if (boundaries.contains(b)) {
                return;
            }
            boundaryCount++;
            if (boundaries.size() < MAX_BOUNDARIES) {
                boundaries.add(b);
            }
        }

        ProcessLaw run() {
            int fixed = sampler.fixedSteps();
            if (sampler.remasks() && fixed < 1) {
                throw new IllegalStateException("a sampler that re-masks must have a fixed number of steps: "
                        + sampler.spec());
            }
            List<Map<Integer, Rational[]>> layers = new ArrayList<>();
            List<Rational> active = new ArrayList<>();
            List<Rational> unchanged = new ArrayList<>();
            List<SortedMap<Integer, Rational>> revealed = new ArrayList<>();
            Map<Integer, Rational[]> cur = new HashMap<>();
            cur.put(0, new Rational[] {Rational.ONE});
            layers.add(Collections.unmodifiableMap(cur));
            for (int j = 1; fixed >= 0 ? j <= fixed : !(cur.size() == 1 && cur.containsKey(full)); j++) {
                Map<Integer, Rational[]> next = new HashMap<>();
                Rational act = Rational.ZERO;
                Rational stay = Rational.ZERO;
                SortedMap<Integer, Rational> counts = new TreeMap<>();
                for (Map.Entry<Integer, Rational[]> e : cur.entrySet()) {
                    int c = e.getKey();
                    Rational[] q = e.getValue();
                    for (int values = 0; values < q.length; values++) {
                        if (q[values] == null || q[values].isZero()) {
                            continue;
                        }
                        if (c == full && !sampler.remasks()) {
                            add(next, c, values, q[values]);
                            stay = stay.add(q[values]);
                            counts.merge(0, q[values], Rational::add);
                            continue;
                        }
                        if (c != full) {
                            act = act.add(q[values]);
                        }
                        Map<Long, Rational> to = transitions(j, c, values);
                        for (Map.Entry<Long, Rational> t : to.entrySet()) {
                            int mask = (int) (t.getKey() >>> 32);
                            int idx = (int) (long) t.getKey();
                            Rational p = q[values].multiply(t.getValue());
                            add(next, mask, idx, p);
                            if (mask == c && idx == values) {
                                stay = stay.add(p);
                            }
                            counts.merge(Integer.bitCount(mask & ~c), p, Rational::add);
                        }
                    }
                }
                active.add(act);
                unchanged.add(stay);
                revealed.add(Collections.unmodifiableSortedMap(counts));
                cur = next;
                layers.add(Collections.unmodifiableMap(next));
            }
            if (!(cur.size() == 1 && cur.containsKey(full))) {
                throw new IllegalStateException("the sampler " + sampler.spec()
                        + " leaves masked positions after its last step");
            }
            Rational[] fin = cur.get(full);
            Rational[] p = new Rational[sp.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = fin[i] == null ? Rational.ZERO : fin[i];
            }
            return new ProcessLaw(sampler, Law.fromProbabilities(sp, p), Collections.unmodifiableList(layers),
                    Collections.unmodifiableList(active), Collections.unmodifiableList(unchanged),
                    Collections.unmodifiableList(revealed), Collections.unmodifiableSortedSet(boundaries),
                    boundaryCount);
        }

        private void add(Map<Integer, Rational[]> layer, int mask, int idx, Rational p) {
            Rational[] dst = layer.computeIfAbsent(mask, t -> new Rational[sp.power(Integer.bitCount(t))]);
            dst[idx] = dst[idx] == null ? p : dst[idx].add(p);
        }

        /** The kernel of step {@code j} at {@code (c, values)}: next state key to probability. */
        Map<Long, Rational> transitions(int j, int c, int values) {
            State st = State.of(rows, j, c, values, this::boundary);
            Moves mv = new Moves(st);
            sampler.step(st, mv);
            return Kernels.transitions(sampler, st, mv, sp);
        }
    }

    /** The sampler. */
    //@ pure helper
    public Sampler sampler() {
        return sampler;
    }

    /** The output law. */
    //@ pure helper
    public Law law() {
        return law;
    }

    /** The number of steps of the programme (the largest number the process takes with positive probability, or the fixed number). */
    //@ ensures \result >= 0;
    //@ pure helper
    public int steps() {
        return layers.size() - 1;
    }

    /**
     * {@code P(after min(step, steps()) steps the visible set is S and its values are x_S)}.
     */
    /*@ public normal_behavior
      @   requires step >= 0;
      @   ensures \result.signum() >= 0;
      @ also public exceptional_behavior
      @   requires step < 0;
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public Rational stateProbability(int step, int visibleMask, int valuesIndex) {
        Rational[] q = layer(step).get(visibleMask);
        if (q == null || valuesIndex < 0 || valuesIndex >= q.length || q[valuesIndex] == null) {
            return Rational.ZERO;
        }
        return q[valuesIndex];
    }

    /** The visible sets with positive probability after {@code step} steps, increasing. */
    /*@ public normal_behavior
      @   requires step >= 0;
      @ also public exceptional_behavior
      @   requires step < 0;
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public List<Integer> visibleSets(int step) {
        List<Integer> r = new ArrayList<>(layer(step).keySet());
        Collections.sort(r);
        return r;
    }

    /** The state law after {@code min(step, steps())} steps: visible set to probabilities by values index (entries may be null). */
    Map<Integer, Rational[]> layer(int step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be non-negative, got " + step);
        }
        return layers.get(Math.min(step, layers.size() - 1));
    }

    /** {@code P(the state before step j has a masked position)}, {@code 1 <= j <= steps()}. */
    /*@ public normal_behavior
      @   requires 1 <= step && step <= steps();
      @   ensures \result.signum() >= 0;
      @ pure @*/
    public Rational activeProbability(int step) {
        return active.get(checkStep(step) - 1);
    }

    /** {@code P(step j leaves the state unchanged)} (a finished state counts as unchanged). */
    /*@ public normal_behavior
      @   requires 1 <= step && step <= steps();
      @   ensures \result.signum() >= 0;
      @ pure @*/
    public Rational unchangedProbability(int step) {
        return unchanged.get(checkStep(step) - 1);
    }

    /** The law of the number of positions step {@code j} reveals (count to probability, positive entries). */
    /*@ public normal_behavior
      @   requires 1 <= step && step <= steps();
      @ pure @*/
    public SortedMap<Integer, Rational> revealedLaw(int step) {
        return revealed.get(checkStep(step) - 1);
    }

    /** The expected number of steps taken at a state with a masked position, exact. */
    //@ ensures \result.signum() >= 0;
    //@ pure
    public Rational expectedSteps() {
        Rational r = Rational.ZERO;
        for (Rational a : active) {
            r = r.add(a);
        }
        return r;
    }

    /** The expected number of model calls ({@link Sampler#expectedModelCalls}). */
    //@ ensures \result.signum() >= 0;
    //@ pure
    public Rational expectedModelCalls() {
        return sampler.expectedModelCalls(this);
    }

    /** The decision boundaries of the reached states, sorted; at most {@value #MAX_BOUNDARIES}. */
    //@ pure
    public SortedSet<Boundary> boundaries() {
        return boundaries;
    }

    /** The number of distinct decision boundaries found (may exceed the size of {@link #boundaries()}). */
    //@ ensures \result >= 0;
    //@ pure
    public long boundaryCount() {
        return boundaryCount;
    }

    private int checkStep(int step) {
        if (step < 1 || step > steps()) {
            throw new IllegalArgumentException("step " + step + " outside 1.." + steps());
        }
        return step;
    }

    /** The exact transition law of one state's {@link Moves}, shared with {@link ProcessSampler}. */
    static final class Kernels {
        private Kernels() {
        }

        /** Next state key {@code mask << 32 | values} to probability; checks the weights and rows. */
        static Map<Long, Rational> transitions(Sampler sampler, State st, Moves mv, SequenceSpace sp) {
            Rational total = Rational.ZERO;
            Map<Long, Rational> out = new HashMap<>();
            Map<Rational[], BigInteger[]> ints = new IdentityHashMap<>();
            int[] x = new int[sp.length()];
            for (Moves.Branch b : mv.branches()) {
                total = total.add(b.weight);
                int[] pos = Context.positions(b.drawn);
                BigInteger[][] num = new BigInteger[sp.length()][];
                BigInteger den = BigInteger.ONE;
                for (int i : pos) {
                    BigInteger[] c = ints.computeIfAbsent(b.rows[i], r -> checkedCumulative(r, st, i));
                    BigInteger[] n = new BigInteger[c.length - 1];
                    for (int a = 0; a < n.length; a++) {
                        n[a] = a == 0 ? c[0] : c[a].subtract(c[a - 1]);
                    }
                    num[i] = n;
                    den = den.multiply(c[c.length - 1]);
                }
                Map<Long, BigInteger> unit = new HashMap<>();
                Map<Long, Rational> weighted = new HashMap<>();
                Context.decode(sp, st.visibleMask(), st.valuesIndex(), x);
                int[] y = new int[sp.length()];
                enumerate(sp, st, b, pos, 0, BigInteger.ONE, num, x, y, unit, weighted);
                Rational factor = b.weight.divide(Rational.of(den));
                unit.forEach((k, w) -> out.merge(k, factor.multiply(w), Rational::add));
                weighted.forEach((k, w) -> out.merge(k, factor.multiply(w), Rational::add));
            }
            if (!total.equals(Rational.ONE)) {
                throw new IllegalStateException("the branches of " + sampler.spec() + " at step " + st.step()
                        + " sum to " + total + ", not 1");
            }
            if (sampler.fixedSteps() < 0 && st.maskedCount() > 0) {
                for (Long k : out.keySet()) {
                    if ((int) (k >>> 32) == st.visibleMask()) {
                        throw new IllegalStateException("the sampler " + sampler.spec() + " runs until every position"
                                + " is visible but can reveal nothing at step " + st.step());
                    }
                }
            }
            return out;
        }

        private static BigInteger[] checkedCumulative(Rational[] r, State st, int i) {
            Rational sum = Rational.ZERO;
            for (Rational p : r) {
                if (p.signum() < 0) {
                    throw new IllegalStateException("negative probability in the row of position " + i);
                }
                sum = sum.add(p);
            }
            if (!sum.equals(Rational.ONE)) {
                throw new IllegalStateException("the row of position " + i + " at step " + st.step() + " sums to "
                        + sum);
            }
            boolean visible = (st.visibleMask() & (1 << i)) != 0;
            if (visible) {
                int tok = st.token(i);
                for (int a = 0; a < st.alphabetSize(); a++) {
                    if (a != tok && r[a].signum() != 0) {
                        throw new IllegalStateException("a visible position can only be kept or re-masked, but the"
                                + " row of position " + i + " gives token " + a + " probability " + r[a]);
                    }
                }
            }
            return Rows.cumulative(r);
        }

        private static void enumerate(SequenceSpace sp, State st, Moves.Branch b, int[] pos, int n, BigInteger w,
                                      BigInteger[][] num, int[] x, int[] y, Map<Long, BigInteger> unit,
                                      Map<Long, Rational> weighted) {
            if (n == pos.length) {
                int c = st.visibleMask();
                if (b.selector == null) {
                    int kept = 0;
                    for (int i : pos) {
                        kept |= y[i] >= 0 ? 1 << i : 0;
                    }
                    unit.merge(key(sp, c, b.drawn, kept, y, x), w, BigInteger::add);
                } else {
                    Rational[] sum = {Rational.ZERO};
                    b.selector.select(y.clone(), (weight, kept) -> {
                        if ((kept & ~b.drawn) != 0) {
                            throw new IllegalStateException("a selector kept positions that were not drawn");
                        }
                        for (int m = kept; m != 0; m &= m - 1) {
                            if (y[Integer.numberOfTrailingZeros(m)] < 0) {
                                throw new IllegalStateException("a selector kept a position that drew 'masked'");
                            }
                        }
                        sum[0] = sum[0].add(weight);
                        long k = key(sp, c, b.drawn, kept, y, x);
                        if (weight.equals(Rational.ONE)) {
                            unit.merge(k, w, BigInteger::add);
                        } else {
                            weighted.merge(k, weight.multiply(w), Rational::add);
                        }
                    });
                    if (!sum[0].equals(Rational.ONE)) {
                        throw new IllegalStateException("a selector's kept sets sum to " + sum[0] + ", not 1");
                    }
                }
                return;
            }
            int i = pos[n];
            BigInteger[] r = num[i];
            for (int a = 0; a < r.length; a++) {
                if (r[a].signum() == 0) {
                    continue;
                }
                y[i] = a == sp.alphabetSize() ? -1 : a;
                int old = x[i];
                if (a < sp.alphabetSize()) {
                    x[i] = a;
                }
                enumerate(sp, st, b, pos, n + 1, w.multiply(r[a]), num, x, y, unit, weighted);
                x[i] = old;
            }
        }

        /** The next state: kept tokens revealed, drawn visible positions that drew "masked" re-masked. */
        private static long key(SequenceSpace sp, int c, int drawn, int kept, int[] y, int[] x) {
            int remasked = 0;
            for (int m = drawn & c; m != 0; m &= m - 1) {
                int i = Integer.numberOfTrailingZeros(m);
                remasked |= y[i] < 0 ? 1 << i : 0;
            }
            int target = (c & ~remasked) | (kept & ~c);
            return (long) target << 32 | Context.encode(sp, target, x);
        }
    }
}
