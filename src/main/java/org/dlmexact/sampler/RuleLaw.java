package org.dlmexact.sampler;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.dlmexact.law.Law;
import org.dlmexact.law.SequenceSpace;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.InformationProfile;

/**
 * The exact output law {@code Q_pi} of an adaptive {@link Rule} and the law of its state
 * (visible set {@code S}, visible values {@code x_S}) after every round, by a dynamic programme
 * over the states, round by round. A state whose visible set is full stays put (the process has
 * stopped), so the state law after round {@code j} is the law of "the state after
 * {@code min(j, rounds)} rounds".
 *
 * <ul>
 *   <li>deterministic rules: from {@code (S, x_S)} the batch {@code B = rule.batch(S, x_S)} is
 *       drawn token by token from the predictor, {@code Q(x_{S+B} | x_S) = prod_{i in B}
 *       p̂_i(x_i | x_S)};</li>
 *   <li>{@code low-confidence}: the joint enumeration of the draws {@code y} of all {@code m}
 *       masked positions ({@code V^m} per state, each with probability
 *       {@code prod_i p̂_i(y_i | x_S)}); the kept set {@code K(y)} goes to {@code (S + K, x_S, y_K)}.</li>
 * </ul>
 * Work ({@link #work}): for {@code low-confidence} {@code V^L sum_j C(L, N_{j-1})} draws (an upper
 * bound: every state of round {@code j} and every draw of its masked positions); for the
 * deterministic rules {@code (V+1)^L L} (every state and every masked position). Refused above
 * {@value #MAX_WORK} ({@link #checkSize}). Immutable.
 */
public final class RuleLaw {

    /** Largest {@link #work} accepted. */
    public static final long MAX_WORK = 2_000_000L;

    //@ public invariant law() != null && rule() != null && rounds() >= 1;
    private final Law law;
    private final Rule rule;
    private final List<Map<Integer, Rational[]>> layers;
    private final Rational expectedRounds;

    private RuleLaw(Law law, Rule rule, List<Map<Integer, Rational[]>> layers, Rational expectedRounds) {
        this.law = law;
        this.rule = rule;
        this.layers = layers;
        this.expectedRounds = expectedRounds;
    }

    /** The work estimate of {@link #compute} (see the class comment). */
    /*@ public normal_behavior
      @   requires v >= 2 && length >= 1 && rule != null;
      @   ensures \result.signum() > 0;
      @ also public exceptional_behavior
      @   requires rule != null && (v < 2 || length < 1);
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public static BigInteger work(int v, int length, Rule rule) {
        Objects.requireNonNull(rule, "rule");
        if (v < 2 || length < 1) {
            throw new IllegalArgumentException("need an alphabet size >= 2 and a length >= 1, got " + v + " and "
                    + length);
        }
        if (rule.deterministic()) {
            return BigInteger.valueOf(v + 1L).pow(length).multiply(BigInteger.valueOf(length));
        }
        Schedule s = rule.sizes().orElseThrow();
        BigInteger w = BigInteger.ZERO;
        for (int j = 1; j <= s.steps(); j++) {
            w = w.add(InformationProfile.binomial(length, s.revealed(j - 1)));
        }
        return w.multiply(BigInteger.valueOf(v).pow(length));
    }

    /**
     * Refuses up front, with the estimate, a programme whose {@link #work} exceeds {@link #MAX_WORK}.
     *
     * @throws InvalidInputException {@code rule.too-large}
     */
    /*@ public normal_behavior
      @   requires rule != null && v >= 2 && length >= 1 && work(v, length, rule).compareTo(BigInteger.valueOf(MAX_WORK)) <= 0;
      @ also public exceptional_behavior
      @   requires rule != null && v >= 2 && length >= 1 && work(v, length, rule).compareTo(BigInteger.valueOf(MAX_WORK)) > 0;
      @   signals_only InvalidInputException;
      @ pure @*/
    public static void checkSize(int v, int length, Rule rule) {
        BigInteger w = work(v, length, rule);
        if (w.compareTo(BigInteger.valueOf(MAX_WORK)) > 0) {
            throw new InvalidInputException("rule.too-large", "too large for the exact law of the rule " + rule
                    + ": alphabet size " + v + " and length " + length + " need about " + w
                    + (rule.deterministic() ? " state-position visits ((V+1)^L L)"
                            : " enumerated draws (V^L sum_j C(L,N_{j-1}))")
                    + "; the limit is " + MAX_WORK);
        }
    }

    /**
     * The exact output law of {@code rule} with the predictor of {@code rows}.
     *
     * When the rule fits the law's length, one {@code behavior} case: the size limit and the
     * predictor's rows decide whether it returns.
     *
     * @throws IllegalArgumentException when the rule's sizes have another length than the law
     * @throws InvalidInputException {@code rule.too-large} or a predictor error
     */
    /*@ public behavior
      @   requires rows != null && rule != null;
      @   requires rule.sizes().isEmpty() || rule.sizes().get().length() == rows.lattice().law().length();
      @   ensures \result.rule() == rule && \result.law().space().equals(rows.lattice().law().space());
      @   signals_only InvalidInputException;
      @ also public exceptional_behavior
      @   requires rows != null && rule != null;
      @   requires !(rule.sizes().isEmpty() || rule.sizes().get().length() == rows.lattice().law().length());
      @   signals_only IllegalArgumentException;
      @*/
    public static RuleLaw compute(PredictiveRows rows, Rule rule) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(rule, "rule");
        SequenceSpace sp = rows.lattice().law().space();
        if (rule.sizes().isPresent() && rule.sizes().get().length() != sp.length()) {
            throw new IllegalArgumentException("rule " + rule + " has length " + rule.sizes().get().length()
                    + " but the law has length " + sp.length());
        }
        checkSize(sp.alphabetSize(), sp.length(), rule);
        int full = sp.fullMask();
        List<Map<Integer, Rational[]>> layers = new ArrayList<>();
        Map<Integer, Rational[]> cur = new HashMap<>();
        cur.put(0, new Rational[] {Rational.ONE});
        layers.add(Collections.unmodifiableMap(cur));
        Rational rounds = Rational.ZERO;
        int[] x = new int[sp.length()];
        while (!(cur.size() == 1 && cur.containsKey(full))) {
            Map<Integer, Rational[]> next = new HashMap<>();
            for (Map.Entry<Integer, Rational[]> e : cur.entrySet()) {
                int c = e.getKey();
                Rational[] q = e.getValue();
                if (c == full) {
                    Rational[] dst = next.computeIfAbsent(full, t -> new Rational[sp.size()]);
                    for (int i = 0; i < q.length; i++) {
                        if (q[i] != null) {
                            dst[i] = dst[i] == null ? q[i] : dst[i].add(q[i]);
                        }
                    }
                    continue;
                }
                for (int values = 0; values < q.length; values++) {
                    if (q[values] == null || q[values].isZero()) {
                        continue;
                    }
                    rounds = rounds.add(q[values]);
                    Context.decode(sp, c, values, x);
                    if (rule.deterministic()) {
                        int b = rule.batch(rows, c, values);
                        int target = c | b;
                        Rational[] dst = next.computeIfAbsent(target, t -> new Rational[sp.power(Integer.bitCount(t))]);
                        int[] pos = Context.positions(b);
                        Rational[][] r = new Rational[sp.length()][];
                        for (int i : pos) {
                            r[i] = rows.row(c, values, i);
                        }
                        spread(sp, pos, 0, q[values], r, x, dst, target);
                    } else {
                        lowConfidence(rows, rule, c, values, q[values], x, next);
                    }
                }
            }
            cur = next;
            layers.add(Collections.unmodifiableMap(next));
        }
        Rational[] fin = cur.get(full);
        Rational[] p = new Rational[sp.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = fin[i] == null ? Rational.ZERO : fin[i];
        }
        return new RuleLaw(Law.fromProbabilities(sp, p), rule, layers, rounds);
    }

    private static void spread(SequenceSpace sp, int[] pos, int n, Rational q, Rational[][] r, int[] x,
                               Rational[] dst, int target) {
        if (n == pos.length) {
            int idx = Context.encode(sp, target, x);
            dst[idx] = dst[idx] == null ? q : dst[idx].add(q);
            return;
        }
        int i = pos[n];
        for (int a = 0; a < sp.alphabetSize(); a++) {
            if (r[i][a].isZero()) {
                continue;
            }
            x[i] = a;
            spread(sp, pos, n + 1, q.multiply(r[i][a]), r, x, dst, target);
        }
    }

    /**
     * The joint enumeration of the draws at every masked position of one state. The draws'
     * probabilities are integers over the common denominator {@code prod_i D_i} of the rows,
     * summed per target state in integers; each target then gets one exact rational addition.
     */
    private static void lowConfidence(PredictiveRows rows, Rule rule, int c, int values, Rational q, int[] x,
                                      Map<Integer, Rational[]> next) {
        SequenceSpace sp = rows.lattice().law().space();
        Schedule s = rule.sizes().orElseThrow();
        int k = s.size(Rule.round(s, Integer.bitCount(c)));
        int[] pos = Context.positions(sp.fullMask() & ~c);
        Rational[][] r = new Rational[sp.length()][];
        BigInteger[][] num = new BigInteger[sp.length()][];
        BigInteger den = BigInteger.ONE;
        TreeSet<Rational> distinct = new TreeSet<>();
        for (int i : pos) {
            r[i] = rows.row(c, values, i);
            Collections.addAll(distinct, r[i]);
            BigInteger[] cum = rows.cumulative(c, values, i);
            num[i] = new BigInteger[sp.alphabetSize()];
            for (int a = 0; a < num[i].length; a++) {
                num[i][a] = a == 0 ? cum[0] : cum[a].subtract(cum[a - 1]);
            }
            den = den.multiply(cum[cum.length - 1]);
        }
        // integer ranks of the probabilities: comparing ranks is comparing the rationals exactly
        List<Rational> sorted = new ArrayList<>(distinct);
        int[][] rank = new int[sp.length()][];
        for (int i : pos) {
            rank[i] = new int[sp.alphabetSize()];
            for (int a = 0; a < rank[i].length; a++) {
                rank[i][a] = Collections.binarySearch(sorted, r[i][a]);
            }
        }
        Map<Long, BigInteger> acc = new HashMap<>();
        draws(sp, pos, 0, BigInteger.ONE, num, rank, new int[pos.length], k, c, x, acc);
        Rational factor = q.divide(Rational.of(den));
        for (Map.Entry<Long, BigInteger> e : acc.entrySet()) {
            int target = (int) (e.getKey() >>> 32);
            int idx = (int) (long) e.getKey();
            Rational[] dst = next.computeIfAbsent(target, t -> new Rational[sp.power(Integer.bitCount(t))]);
            Rational add = factor.multiply(e.getValue());
            dst[idx] = dst[idx] == null ? add : dst[idx].add(add);
        }
    }

    private static void draws(SequenceSpace sp, int[] pos, int n, BigInteger w, BigInteger[][] num, int[][] rank,
                              int[] key, int k, int c, int[] x, Map<Long, BigInteger> acc) {
        if (n == pos.length) {
            int target = c | Rule.topRanks(pos, key, k);
            long id = (long) target << 32 | Context.encode(sp, target, x);
            acc.merge(id, w, BigInteger::add);
            return;
        }
        int i = pos[n];
        for (int a = 0; a < sp.alphabetSize(); a++) {
            if (num[i][a].signum() == 0) {
                continue;
            }
            x[i] = a;
            key[n] = rank[i][a];
            draws(sp, pos, n + 1, w.multiply(num[i][a]), num, rank, key, k, c, x, acc);
        }
    }

    /** {@code Q_pi}. */
    //@ pure helper
    public Law law() {
        return law;
    }

    //@ pure helper
    public Rule rule() {
        return rule;
    }

    /** The largest number of rounds the process takes with positive probability. */
    //@ ensures \result >= 1;
    //@ pure helper
    public int rounds() {
        return layers.size() - 1;
    }

    /** The expected number of rounds under the process itself, exact. */
    //@ ensures \result.signum() > 0;
    //@ pure
    public Rational expectedRounds() {
        return expectedRounds;
    }

    /**
     * {@code P(after min(round, rounds()) rounds the visible set is S and its values are x_S)}.
     */
    /*@ public normal_behavior
      @   requires round >= 0 && visibleMask >= 0 && valuesIndex >= 0;
      @   ensures \result.signum() >= 0;
      @ also public exceptional_behavior
      @   requires round < 0;
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public Rational stateProbability(int round, int visibleMask, int valuesIndex) {
        Rational[] q = layer(round).get(visibleMask);
        if (q == null || valuesIndex < 0 || valuesIndex >= q.length || q[valuesIndex] == null) {
            return Rational.ZERO;
        }
        return q[valuesIndex];
    }

    /** The visible sets with positive probability after {@code round} rounds, increasing. */
    /*@ public normal_behavior
      @   requires round >= 0;
      @ also public exceptional_behavior
      @   requires round < 0;
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public List<Integer> visibleSets(int round) {
        List<Integer> r = new ArrayList<>(layer(round).keySet());
        Collections.sort(r);
        return r;
    }

    Map<Integer, Rational[]> layer(int round) {
        if (round < 0) {
            throw new IllegalArgumentException("round must be non-negative, got " + round);
        }
        return layers.get(Math.min(round, layers.size() - 1));
    }
}
