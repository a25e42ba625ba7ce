package org.dlmexact.sampler;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.dlmexact.law.Law;
import org.dlmexact.law.SequenceSpace;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.InformationProfile;

/**
 * The exact output laws of the random-order sampler (theory.md section 2).
 *
 * <ul>
 *   <li>{@link #forPartition}: {@code nu_B(x) = prod_j prod_{i in B_j} p̂_i(x_i | x_{C_j})} for a
 *       fixed ordered partition {@code B}; {@code O(V^L L)} rational products.</li>
 *   <li>{@link #sampler}: {@code nu = average of nu_B} over uniformly random ordered partitions
 *       with sizes {@code k_j}, by a dynamic programme over the states (visible set {@code C},
 *       visible values {@code x_C}): given the history, the next batch is a uniform
 *       {@code k_j}-subset of the masked positions and its tokens depend only on {@code (C, x_C)},
 *       so the state is a Markov chain. Work: {@code sum_j C(L, N_{j-1}) C(m_j, k_j) V^{N_j}}
 *       rational multiply-adds ({@link #work}); no partition is enumerated.</li>
 *   <li>{@link #averageOverPartitions}: the literal average of {@code nu_B} over every ordered
 *       partition (the independent check of the programme; {@code L!/prod k_j!} laws).</li>
 * </ul>
 */
public final class OutputLaws {

    private OutputLaws() {
    }

    /** The number of rational multiply-adds of {@link #sampler} (and of the chain-rule error). */
    /*@ public normal_behavior
      @   requires v >= 2 && schedule != null;
      @   ensures \result.signum() >= 0;
      @ pure @*/
    public static BigInteger work(int v, Schedule schedule) {
        BigInteger w = BigInteger.ZERO;
        int l = schedule.length();
        for (int j = 1; j <= schedule.steps(); j++) {
            w = w.add(InformationProfile.binomial(l, schedule.revealed(j - 1))
                    .multiply(InformationProfile.binomial(schedule.masked(j), schedule.size(j)))
                    .multiply(BigInteger.valueOf(v).pow(schedule.revealed(j))));
        }
        return w;
    }

    /** The number {@code L! / prod_j k_j!} of ordered partitions with sizes {@code k_j}. */
    /*@ public normal_behavior
      @   requires schedule != null;
      @   ensures \result.signum() > 0;
      @ pure @*/
    public static BigInteger partitionCount(Schedule schedule) {
        BigInteger r = BigInteger.ONE;
        for (int j = 1; j <= schedule.steps(); j++) {
            r = r.multiply(InformationProfile.binomial(schedule.masked(j), schedule.size(j)));
        }
        return r;
    }

    /**
     * Calls {@code action} with every ordered partition {@code B_1..B_T} of the positions with
     * {@code |B_j| = k_j}, each block a bit mask; blocks in lexicographic order of
     * {@code (B_1, B_2, ...)} as masks. The array passed is reused between calls.
     */
    /*@ public normal_behavior
      @   requires schedule != null && action != null;
      @*/
    public static void forEachPartition(Schedule schedule, Consumer<int[]> action) {
        Objects.requireNonNull(action, "action");
        int full = (1 << schedule.length()) - 1;
        partitions(schedule, 1, full, new int[schedule.steps()], action);
    }

    private static void partitions(Schedule s, int j, int rest, int[] blocks, Consumer<int[]> action) {
        if (j > s.steps()) {
            action.accept(blocks);
            return;
        }
        int k = s.size(j);
        for (int b = rest; b != 0; b = (b - 1) & rest) {
            if (Integer.bitCount(b) == k) {
                blocks[j - 1] = b;
                partitions(s, j + 1, rest & ~b, blocks, action);
            }
        }
    }

    /**
     * {@code nu_B} for the ordered partition {@code blocks} (bit masks, disjoint, covering every
     * position, in reveal order). For a partition, one {@code behavior} case: a predictor row the
     * rows refuse ({@link PredictiveRows#row}) makes it throw.
     */
    /*@ public behavior
      @   requires rows != null && blocks != null && isOrderedPartition(blocks, rows.lattice().law().space().fullMask());
      @   ensures \result.space().equals(rows.lattice().law().space());
      @   signals_only org.dlmexact.exact.InvalidInputException;
      @ also public exceptional_behavior
      @   requires rows != null && blocks != null && !isOrderedPartition(blocks, rows.lattice().law().space().fullMask());
      @   signals_only IllegalArgumentException;
      @*/
    public static Law forPartition(PredictiveRows rows, int[] blocks) {
        SequenceSpace sp = rows.lattice().law().space();
        if (!isOrderedPartition(blocks, sp.fullMask())) {
            throw new IllegalArgumentException("blocks must be non-empty, disjoint subsets of the positions"
                    + " that cover every position");
        }
        Rational[] p = new Rational[sp.size()];
        int[] x = new int[sp.length()];
        for (int idx = 0; idx < sp.size(); idx++) {
            Context.decode(sp, sp.fullMask(), idx, x);
            Rational q = Rational.ONE;
            int c = 0;
            for (int b = 0; b < blocks.length && !q.isZero(); b++) {
                int values = Context.encode(sp, c, x);
                for (int m = blocks[b]; m != 0 && !q.isZero(); m &= m - 1) {
                    int i = Integer.numberOfTrailingZeros(m);
                    q = q.multiply(rows.row(c, values, i)[x[i]]);
                }
                c |= blocks[b];
            }
            p[idx] = q;
        }
        return Law.fromProbabilities(sp, p);
    }

    /**
     * Whether {@code blocks} are non-empty, pairwise disjoint bit masks inside {@code fullMask}
     * whose union is {@code fullMask}.
     */
    /*@ public normal_behavior
      @   requires blocks != null;
      @ pure @*/
    public static boolean isOrderedPartition(int[] blocks, int fullMask) {
        int seen = 0;
        for (int b : blocks) {
            if ((b & seen) != 0 || b == 0 || (b & ~fullMask) != 0) {
                return false;
            }
            seen |= b;
        }
        return seen == fullMask;
    }

    /** The literal average of {@code nu_B} over every ordered partition with sizes {@code k_j}. */
    /*@ public normal_behavior
      @   requires rows != null && schedule != null && schedule.length() == rows.lattice().law().length();
      @*/
    public static Law averageOverPartitions(PredictiveRows rows, Schedule schedule) {
        SequenceSpace sp = rows.lattice().law().space();
        Rational[] sum = new Rational[sp.size()];
        java.util.Arrays.fill(sum, Rational.ZERO);
        forEachPartition(schedule, blocks -> {
            Law nu = forPartition(rows, blocks.clone());
            for (int i = 0; i < sum.length; i++) {
                sum[i] = sum[i].add(nu.probability(i));
            }
        });
        Rational n = Rational.of(partitionCount(schedule));
        for (int i = 0; i < sum.length; i++) {
            sum[i] = sum[i].divide(n);
        }
        return Law.fromProbabilities(sp, sum);
    }

    /**
     * The sampler's output law and its state law after every reverse step. For a schedule of the
     * law's length, one {@code behavior} case: a predictor row the rows refuse makes it throw.
     */
    /*@ public behavior
      @   requires rows != null && schedule != null && schedule.length() == rows.lattice().law().length();
      @   ensures \result.law().space().equals(rows.lattice().law().space());
      @   signals_only org.dlmexact.exact.InvalidInputException;
      @ also public exceptional_behavior
      @   requires rows != null && schedule != null && schedule.length() != rows.lattice().law().length();
      @   signals_only IllegalArgumentException;
      @*/
    public static SamplerLaw sampler(PredictiveRows rows, Schedule schedule) {
        SequenceSpace sp = rows.lattice().law().space();
        if (schedule.length() != sp.length()) {
            throw new IllegalArgumentException("schedule " + schedule + " has length " + schedule.length()
                    + " but the law has length " + sp.length());
        }
        int v = sp.alphabetSize();
        int l = sp.length();
        List<Map<Integer, Rational[]>> layers = new ArrayList<>();
        Map<Integer, Rational[]> cur = new HashMap<>();
        cur.put(0, new Rational[] {Rational.ONE});
        layers.add(Collections.unmodifiableMap(cur));
        int[] x = new int[l];
        for (int j = 1; j <= schedule.steps(); j++) {
            int k = schedule.size(j);
            Rational choose = Rational.of(BigInteger.ONE,
                    InformationProfile.binomial(schedule.masked(j), k));
            Map<Integer, Rational[]> next = new HashMap<>();
            for (Map.Entry<Integer, Rational[]> e : cur.entrySet()) {
                int c = e.getKey();
                int free = sp.fullMask() & ~c;
                Rational[] q = e.getValue();
                for (int values = 0; values < q.length; values++) {
                    if (q[values] == null || q[values].isZero()) {
                        continue;
                    }
                    Rational base = q[values].multiply(choose);
                    Context.decode(sp, c, values, x);
                    Rational[][] r = new Rational[l][];
                    for (int m = free; m != 0; m &= m - 1) {
                        int i = Integer.numberOfTrailingZeros(m);
                        r[i] = rows.row(c, values, i);
                    }
                    for (int b = free; b != 0; b = (b - 1) & free) {
                        if (Integer.bitCount(b) != k) {
                            continue;
                        }
                        int target = c | b;
                        Rational[] dst = next.computeIfAbsent(target, t -> new Rational[sp.power(Integer.bitCount(t))]);
                        int[] pos = Context.positions(b);
                        spread(sp, pos, 0, base, r, x, target, dst);
                    }
                }
            }
            cur = next;
            layers.add(Collections.unmodifiableMap(next));
        }
        Rational[] fin = cur.get(sp.fullMask());
        Rational[] p = new Rational[sp.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = fin[i] == null ? Rational.ZERO : fin[i];
        }
        return new SamplerLaw(Law.fromProbabilities(sp, p), schedule, layers);
    }

    private static void spread(SequenceSpace sp, int[] pos, int n, Rational q, Rational[][] r, int[] x, int target,
                               Rational[] dst) {
        if (n == pos.length) {
            int idx = Context.encode(sp, target, x);
            dst[idx] = dst[idx] == null ? q : dst[idx].add(q);
            return;
        }
        int i = pos[n];
        for (int a = 0; a < sp.alphabetSize(); a++) {
            Rational p = r[i][a];
            if (p.isZero()) {
                continue;
            }
            x[i] = a;
            spread(sp, pos, n + 1, q.multiply(p), r, x, target, dst);
        }
    }

    /**
     * The sampler's output law {@code nu} and the law of the state (visible set, visible values)
     * after each reverse step. Immutable.
     */
    public static final class SamplerLaw {

        //@ public invariant law() != null && schedule() != null;
        private final Law law;
        private final Schedule schedule;
        private final List<Map<Integer, Rational[]>> layers;

        private SamplerLaw(Law law, Schedule schedule, List<Map<Integer, Rational[]>> layers) {
            this.law = law;
            this.schedule = schedule;
            this.layers = layers;
        }

        /** {@code nu}. */
        //@ pure helper
        public Law law() {
            return law;
        }

        //@ pure helper
        public Schedule schedule() {
            return schedule;
        }

        /**
         * {@code P(after step j the visible set is C and its values are x_C)}, {@code 0 <= j <= T};
         * zero unless {@code |C| = N_j}.
         */
        /*@ public normal_behavior
          @   requires 0 <= step && step <= schedule().steps() && visibleMask >= 0 && valuesIndex >= 0;
          @   ensures \result.signum() >= 0;
          @ pure @*/
        public Rational stateProbability(int step, int visibleMask, int valuesIndex) {
            if (step < 0 || step > schedule.steps()) {
                throw new IllegalArgumentException("step " + step + " outside 0.." + schedule.steps());
            }
            Rational[] q = layers.get(step).get(visibleMask);
            if (q == null || valuesIndex < 0 || valuesIndex >= q.length || q[valuesIndex] == null) {
                return Rational.ZERO;
            }
            return q[valuesIndex];
        }

        /** The visible sets with positive probability after step {@code j}, increasing. */
        /*@ public normal_behavior
          @   requires 0 <= step && step <= schedule().steps();
          @ pure @*/
        public List<Integer> visibleSets(int step) {
            List<Integer> r = new ArrayList<>(layers.get(step).keySet());
            Collections.sort(r);
            return r;
        }
    }
}
