package org.dlmexact.law;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.dlmexact.exact.Rational;

/**
 * The one generator of test laws, shared by the tests and the golden-vector generator. Every law
 * comes with a stable name that reproduces it, and every random choice is drawn from
 * {@link SplitMix64} in a documented order, so the same laws can be rebuilt in any language.
 *
 * <ul>
 *   <li><b>Exhaustive grids</b> ({@link #grid}): every weight vector over {@code [V]^L} with entries
 *       in {@code 0..maxWeight}, the all-zero vector skipped, one vector per law (only vectors whose
 *       positive entries have gcd 1 are kept, since {@code w} and {@code w/g} are the same law).
 *       Ordered by support size, then total weight, then weight vector (lexicographic in outcome
 *       index order), so a smallest counterexample comes first.</li>
 *   <li><b>Supports up to symmetry</b> ({@link #supportsUpToSymmetry}): the uniform law on every
 *       non-empty support, one per orbit under permutations of positions and per-position
 *       relabellings of symbols (all the identities of theory.md section 1 are invariant under
 *       that group).</li>
 *   <li><b>The standard sweep</b> ({@link #smallLaws}): the grids and supports above for every
 *       space with {@code V <= 3}, {@code L <= 4} small enough, in increasing {@code V^L}.</li>
 *   <li><b>Seeded random laws</b> ({@link #sparseRandom}): per outcome in index order one draw
 *       {@code z = nextLong()}; weight {@code 0} when the top two bits of {@code z} are zero
 *       (probability 1/4), otherwise {@code 1 + ((z >>> 58) & 15)} in {@code 1..16}. If every
 *       weight is zero, the whole vector is drawn again from the continuing stream.</li>
 *   <li><b>Structured families by seed</b>: {@link #randomProduct} and {@link #randomMarkov},
 *       whose distributions are drawn by {@link #randomDistribution}.</li>
 * </ul>
 */
public final class LawEnumerator {

    /** Largest number of raw weight vectors {@code (maxWeight+1)^(V^L) - 1} a grid may visit. */
    public static final int MAX_GRID_VECTORS = 20_000;
    /** Largest space {@code V^L} whose supports may be enumerated up to symmetry. */
    public static final int MAX_SUPPORT_OUTCOMES = 16;
    /** Largest symmetry group {@code L! (V!)^L} used by {@link #supportsUpToSymmetry}. */
    public static final int MAX_GROUP = 5_000;
    /** Largest weight {@link #randomDistribution} and {@link #sparseRandom} draw. */
    public static final int MAX_RANDOM_WEIGHT = 16;

    /** A law with a name that says how to rebuild it. */
    public static final class Named {
        private final String name;
        private final Law law;

        //@ requires name != null && law != null;
        //@ ensures name().equals(name) && law() == law;
        public Named(String name, Law law) {
            this.name = Objects.requireNonNull(name, "name");
            this.law = Objects.requireNonNull(law, "law");
        }

        //@ pure
        public String name() {
            return name;
        }

        //@ pure
        public Law law() {
            return law;
        }

    /*@ also public normal_behavior
      @   ensures \result != null;
      @ pure @*/
        @Override
        public String toString() {
            return name;
        }
    }

    private LawEnumerator() {
    }

    /** {@code (maxWeight+1)^(V^L) - 1}, the number of non-zero weight vectors of a grid. */
    //@ requires v >= 2 && l >= 1 && maxWeight >= 1;
    //@ ensures \result.signum() > 0;
    //@ pure
    public static BigInteger gridVectors(int v, int l, int maxWeight) {
        checkSpaceArgs(v, l);
        if (maxWeight < 1) {
            throw new IllegalArgumentException("maxWeight must be at least 1, got " + maxWeight);
        }
        return BigInteger.valueOf(maxWeight + 1L).pow(SequenceSpace.estimateOutcomes(v, l).intValueExact())
                .subtract(BigInteger.ONE);
    }

    /**
     * Every law on {@code [V]^L} whose weights (reduced by their gcd) lie in {@code 0..maxWeight},
     * each exactly once, ordered by support size, then total weight, then weight vector. Names
     * are {@code grid:V,L:w0,w1,...} with the weights in outcome index order.
     */
    /*@ public normal_behavior
      @   requires v >= 2 && l >= 1 && maxWeight >= 1;
      @   requires gridVectors(v, l, maxWeight).compareTo(BigInteger.valueOf(MAX_GRID_VECTORS)) <= 0;
      @   ensures (\forall int i; 0 <= i && i < \result.size(); \result.get(i).law().alphabetSize() == v
      @                                                       && \result.get(i).law().length() == l);
      @ also public exceptional_behavior
      @   requires v < 2 || l < 1 || maxWeight < 1
      @         || gridVectors(v, l, maxWeight).compareTo(BigInteger.valueOf(MAX_GRID_VECTORS)) > 0;
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public static List<Named> grid(int v, int l, int maxWeight) {
        return grid(v, l, maxWeight, false);
    }

    /**
     * As {@link #grid}, keeping one law per orbit under permutations of positions and
     * per-position relabellings of symbols: the weight vector that is smallest (lexicographic in
     * outcome index order) among its images. For properties invariant under that group.
     */
    /*@ public normal_behavior
      @   requires v >= 2 && l >= 1 && maxWeight >= 1;
      @   requires gridVectors(v, l, maxWeight).compareTo(BigInteger.valueOf(MAX_GRID_VECTORS)) <= 0;
      @   ensures \result.size() <= grid(v, l, maxWeight).size();
      @ also public exceptional_behavior
      @   requires v < 2 || l < 1 || maxWeight < 1
      @         || gridVectors(v, l, maxWeight).compareTo(BigInteger.valueOf(MAX_GRID_VECTORS)) > 0;
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public static List<Named> gridUpToSymmetry(int v, int l, int maxWeight) {
        return grid(v, l, maxWeight, true);
    }

    private static List<Named> grid(int v, int l, int maxWeight, boolean upToSymmetry) {
        BigInteger count = gridVectors(v, l, maxWeight);
        if (count.compareTo(BigInteger.valueOf(MAX_GRID_VECTORS)) > 0) {
            throw new IllegalArgumentException("grid of " + v + "^" + l + " outcomes with weights 0.." + maxWeight
                    + " has " + count + " vectors; the limit is " + MAX_GRID_VECTORS);
        }
        SequenceSpace sp = SequenceSpace.of(v, l);
        int n = sp.size();
        int[][] group = upToSymmetry ? symmetryGroup(sp) : new int[0][];
        List<int[]> vectors = new ArrayList<>();
        int[] w = new int[n];
        int[] image = new int[n];
        while (increment(w, maxWeight)) {
            int g = 0;
            for (int x : w) {
                g = gcd(g, x);
            }
            boolean keep = g == 1;
            for (int k = 0; keep && k < group.length; k++) {
                for (int i = 0; i < n; i++) {
                    image[group[k][i]] = w[i];
                }
                keep = Arrays.compare(image, w) >= 0;
            }
            if (keep) {
                vectors.add(w.clone());
            }
        }
        vectors.sort(Comparator.<int[]>comparingInt(LawEnumerator::support)
                .thenComparingInt(LawEnumerator::total)
                .thenComparing(Arrays::compare));
        List<Named> out = new ArrayList<>(vectors.size());
        for (int[] vec : vectors) {
            out.add(new Named("grid:" + v + "," + l + ":" + join(vec), fromInts(sp, vec)));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The uniform law on each non-empty support {@code A} of {@code [V]^L}, one per orbit of the
     * group generated by permutations of positions and per-position permutations of symbols; the
     * representative is the orbit's smallest support as a bit set over outcome indices. Ordered
     * by support size, then that bit set. Names are {@code support:V,L:i0,i1,...} listing the
     * outcome indices of the support.
     */
    /*@ public normal_behavior
      @   requires v >= 2 && l >= 1 && SequenceSpace.estimateOutcomes(v, l).compareTo(BigInteger.valueOf(MAX_SUPPORT_OUTCOMES)) <= 0;
      @   ensures (\forall int i; 0 <= i && i < \result.size(); \result.get(i).law().alphabetSize() == v
      @                                                       && \result.get(i).law().length() == l);
      @ also public exceptional_behavior
      @   requires v < 2 || l < 1 || SequenceSpace.estimateOutcomes(v, l).compareTo(BigInteger.valueOf(MAX_SUPPORT_OUTCOMES)) > 0;
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public static List<Named> supportsUpToSymmetry(int v, int l) {
        checkSpaceArgs(v, l);
        if (SequenceSpace.estimateOutcomes(v, l).compareTo(BigInteger.valueOf(MAX_SUPPORT_OUTCOMES)) > 0) {
            throw new IllegalArgumentException("supports of " + v + "^" + l + " outcomes: the limit is "
                    + MAX_SUPPORT_OUTCOMES + " outcomes");
        }
        SequenceSpace sp = SequenceSpace.of(v, l);
        int n = sp.size();
        int[][] group = symmetryGroup(sp);
        List<Integer> reps = new ArrayList<>();
        for (int mask = 1; mask < (1 << n); mask++) {
            boolean minimal = true;
            for (int[] g : group) {
                int image = 0;
                for (int i = 0; i < n; i++) {
                    if ((mask & (1 << i)) != 0) {
                        image |= 1 << g[i];
                    }
                }
                if (image < mask) {
                    minimal = false;
                    break;
                }
            }
            if (minimal) {
                reps.add(mask);
            }
        }
        reps.sort(Comparator.comparingInt(Integer::bitCount).thenComparingInt(Integer::intValue));
        List<Named> out = new ArrayList<>(reps.size());
        for (int mask : reps) {
            int[] w = new int[n];
            StringBuilder name = new StringBuilder("support:" + v + "," + l + ":");
            boolean first = true;
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) != 0) {
                    w[i] = 1;
                    name.append(first ? "" : ",").append(i);
                    first = false;
                }
            }
            out.add(new Named(name.toString(), fromInts(sp, w)));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The standard exhaustive sweep, in increasing {@code V^L}: all grids with weights
     * {@code 0..3} on {@code [2]^1, [3]^1, [2]^2}; grids with weights {@code 0..2} on
     * {@code [2]^3} and {@code [3]^2} up to symmetry; all supports of {@code [2]^4} up to
     * symmetry. About 1,300 laws. Only for properties invariant under relabelling positions and
     * symbols; {@link #grid} gives the full grids.
     */
    //@ ensures !\result.isEmpty();
    //@ pure
    public static List<Named> smallLaws() {
        List<Named> out = new ArrayList<>();
        out.addAll(grid(2, 1, 3));
        out.addAll(grid(3, 1, 3));
        out.addAll(grid(2, 2, 3));
        out.addAll(gridUpToSymmetry(2, 3, 2));
        out.addAll(gridUpToSymmetry(3, 2, 2));
        out.addAll(supportsUpToSymmetry(2, 4));
        return Collections.unmodifiableList(out);
    }

    /**
     * A seeded random law with zeros: per outcome in index order, {@code z = nextLong()}; weight 0
     * if {@code z >>> 62 == 0}, else {@code 1 + ((z >>> 58) & 15)}; redrawn as a whole while all
     * weights are zero.
     */
    /*@ public normal_behavior
      @   requires v >= 2 && l >= 1 && SequenceSpace.estimateOutcomes(v, l).compareTo(BigInteger.valueOf(SequenceSpace.MAX_OUTCOMES)) <= 0;
      @   ensures \result.alphabetSize() == v && \result.length() == l;
      @ pure @*/
    public static Law sparseRandom(int v, int l, long seed) {
        checkSpaceArgs(v, l);
        SequenceSpace sp = SequenceSpace.of(v, l);
        SplitMix64 rng = new SplitMix64(seed);
        BigInteger[] w = new BigInteger[sp.size()];
        boolean any;
        do {
            any = false;
            for (int i = 0; i < w.length; i++) {
                long z = rng.nextLong();
                w[i] = (z >>> 62) == 0 ? BigInteger.ZERO : BigInteger.valueOf(1 + ((z >>> 58) & 15));
                any |= w[i].signum() > 0;
            }
        } while (!any);
        return Law.fromWeights(sp, w);
    }

    /**
     * A seeded random law over exactly the denominator {@code denominator} (to test arithmetic at
     * a size boundary, e.g. {@code 2^62}): the first outcome gets weight 1 (so no common factor
     * reduces the weights); each further outcome but the last, in index order, takes from what is
     * left, by the draw {@code r = nextLong() >>> 1}: nothing ({@code r mod 4 = 0}), all of it
     * ({@code 1}), or the share {@code floor(rest * (r mod 1000) / 1000)} (otherwise); the last
     * outcome gets the rest.
     */
    /*@ public normal_behavior
      @   requires v >= 2 && l >= 1 && SequenceSpace.estimateOutcomes(v, l).compareTo(BigInteger.valueOf(SequenceSpace.MAX_OUTCOMES)) <= 0;
      @   requires denominator != null && denominator.compareTo(BigInteger.TWO) >= 0;
      @   ensures \result.denominator().equals(denominator);
      @ also public exceptional_behavior
      @   requires denominator != null && denominator.compareTo(BigInteger.TWO) < 0;
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public static Law withDenominator(int v, int l, BigInteger denominator, long seed) {
        checkSpaceArgs(v, l);
        if (denominator.compareTo(BigInteger.TWO) < 0) {
            throw new IllegalArgumentException("a law with two outcomes' weights needs a denominator >= 2, got "
                    + denominator);
        }
        SequenceSpace sp = SequenceSpace.of(v, l);
        SplitMix64 rng = new SplitMix64(seed);
        BigInteger[] w = new BigInteger[sp.size()];
        w[0] = BigInteger.ONE;
        BigInteger rest = denominator.subtract(BigInteger.ONE);
        BigInteger thousand = BigInteger.valueOf(1000);
        for (int i = 1; i < w.length - 1; i++) {
            long r = rng.nextLong() >>> 1;
            int pick = (int) (r % 4);
            w[i] = pick == 0 ? BigInteger.ZERO
                    : pick == 1 ? rest : rest.multiply(BigInteger.valueOf(r % 1000)).divide(thousand);
            rest = rest.subtract(w[i]);
        }
        w[w.length - 1] = rest;
        return Law.fromWeights(sp, w);
    }

    /**
     * A probability vector on {@code [v]} from {@code rng}: per symbol one draw {@code z}; weight
     * {@code 1 + ((z >>> 58) & 15)}, except that with {@code allowZeros} it is 0 when
     * {@code z >>> 62 == 0}; redrawn as a whole while all weights are zero. The result is the
     * weights over their sum.
     */
    /*@ public normal_behavior
      @   requires rng != null && v >= 1;
      @   ensures \result.length == v;
      @   ensures (\forall int i; 0 <= i && i < v; \result[i].signum() >= 0);
      @   assignable rng.state;
      @*/
    public static Rational[] randomDistribution(SplitMix64 rng, int v, boolean allowZeros) {
        Objects.requireNonNull(rng, "rng");
        if (v < 1) {
            throw new IllegalArgumentException("a distribution needs at least one symbol, got " + v);
        }
        long[] w = new long[v];
        long total;
        do {
            total = 0;
            for (int a = 0; a < v; a++) {
                long z = rng.nextLong();
                w[a] = allowZeros && (z >>> 62) == 0 ? 0 : 1 + ((z >>> 58) & 15);
                total += w[a];
            }
        } while (total == 0);
        Rational[] p = new Rational[v];
        for (int a = 0; a < v; a++) {
            p[a] = Rational.of(w[a], total);
        }
        return p;
    }

    /**
     * The marginals of {@link #randomProduct}: from {@code SplitMix64(seed)}, position 0's
     * distribution, then position 1's, ..., each by {@link #randomDistribution} with zeros.
     */
    /*@ public normal_behavior
      @   requires v >= 2 && l >= 1;
      @   ensures \result.length == l && (\forall int i; 0 <= i && i < l; \result[i].length == v);
      @ pure @*/
    public static Rational[][] randomProductMarginals(int v, int l, long seed) {
        checkSpaceArgs(v, l);
        SplitMix64 rng = new SplitMix64(seed);
        Rational[][] m = new Rational[l][];
        for (int i = 0; i < l; i++) {
            m[i] = randomDistribution(rng, v, true);
        }
        return m;
    }

    /** The product law of {@link #randomProductMarginals}. */
    /*@ public normal_behavior
      @   requires v >= 2 && l >= 1 && SequenceSpace.estimateOutcomes(v, l).compareTo(BigInteger.valueOf(SequenceSpace.MAX_OUTCOMES)) <= 0;
      @   ensures \result.alphabetSize() == v && \result.length() == l;
      @ pure @*/
    public static Law randomProduct(int v, int l, long seed) {
        return Families.product(randomProductMarginals(v, l, seed));
    }

    /**
     * A random transition matrix on {@code [v]}: from {@code SplitMix64(seed)}, rows 0..v-1 in
     * order, each by {@link #randomDistribution}.
     */
    /*@ public normal_behavior
      @   requires v >= 2;
      @   ensures \result.length == v && (\forall int i; 0 <= i && i < v; \result[i].length == v);
      @ pure @*/
    public static Rational[][] randomTransitions(int v, long seed, boolean allowZeros) {
        if (v < 2) {
            throw new IllegalArgumentException("alphabet size must be at least 2, got " + v);
        }
        return randomRows(new SplitMix64(seed), v, allowZeros);
    }

    /**
     * A random Markov chain of length {@code l}: from {@code SplitMix64(seed)}, first the start
     * law, then rows 0..v-1 of the transition matrix, each by {@link #randomDistribution} with
     * zeros allowed.
     */
    /*@ public normal_behavior
      @   requires v >= 2 && l >= 1 && SequenceSpace.estimateOutcomes(v, l).compareTo(BigInteger.valueOf(SequenceSpace.MAX_OUTCOMES)) <= 0;
      @   ensures \result.alphabetSize() == v && \result.length() == l;
      @ pure @*/
    public static Law randomMarkov(int v, int l, long seed) {
        checkSpaceArgs(v, l);
        SplitMix64 rng = new SplitMix64(seed);
        Rational[] start = randomDistribution(rng, v, true);
        return Families.markov(l, start, randomRows(rng, v, true));
    }

    /**
     * {@code count} laws of one kind for seeds {@code firstSeed, firstSeed+1, ...}: {@code kind}
     * is {@code sparse}, {@code product} or {@code markov}. Names are
     * {@code sparse-random:V,L,SEED}, {@code random-product:V,L,SEED}, {@code random-markov:V,L,SEED}.
     */
    /*@ public normal_behavior
      @   requires kind != null && (kind.equals("sparse") || kind.equals("product") || kind.equals("markov"));
      @   requires v >= 2 && l >= 1 && count >= 0;
      @   ensures \result.size() == count;
      @ also public exceptional_behavior
      @   requires kind != null && !(kind.equals("sparse") || kind.equals("product") || kind.equals("markov"));
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public static List<Named> seeded(String kind, int v, int l, long firstSeed, int count) {
        Objects.requireNonNull(kind, "kind");
        if (!kind.equals("sparse") && !kind.equals("product") && !kind.equals("markov")) {
            throw new IllegalArgumentException("unknown kind '" + kind + "' (sparse, product, markov)");
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must be non-negative, got " + count);
        }
        List<Named> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            long seed = firstSeed + k;
            String args = v + "," + l + "," + seed;
            switch (kind) {
                case "sparse":
                    out.add(new Named("sparse-random:" + args, sparseRandom(v, l, seed)));
                    break;
                case "product":
                    out.add(new Named("random-product:" + args, randomProduct(v, l, seed)));
                    break;
                case "markov":
                    out.add(new Named("random-markov:" + args, randomMarkov(v, l, seed)));
                    break;
                default:
                    throw new IllegalArgumentException("unknown kind '" + kind + "' (sparse, product, markov)");
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static Rational[][] randomRows(SplitMix64 rng, int v, boolean allowZeros) {
        Rational[][] rows = new Rational[v][];
        for (int a = 0; a < v; a++) {
            rows[a] = randomDistribution(rng, v, allowZeros);
        }
        return rows;
    }

    /** Outcome-index permutations of all position permutations and per-position symbol relabellings. */
    private static int[][] symmetryGroup(SequenceSpace sp) {
        int v = sp.alphabetSize();
        int l = sp.length();
        List<int[]> posPerms = permutations(l);
        List<int[]> symPerms = permutations(v);
        long size = (long) posPerms.size() * BigInteger.valueOf(symPerms.size()).pow(l).longValueExact();
        if (size > MAX_GROUP) {
            throw new IllegalArgumentException("symmetry group of " + sp + " has " + size + " elements; the limit is "
                    + MAX_GROUP);
        }
        List<int[]> group = new ArrayList<>();
        int[] choice = new int[l];
        for (int[] pp : posPerms) {
            Arrays.fill(choice, 0);
            while (true) {
                int[] g = new int[sp.size()];
                for (int idx = 0; idx < sp.size(); idx++) {
                    int[] x = sp.outcome(idx);
                    int[] y = new int[l];
                    for (int i = 0; i < l; i++) {
                        y[pp[i]] = symPerms.get(choice[i])[x[i]];
                    }
                    g[idx] = sp.index(y);
                }
                group.add(g);
                int i = 0;
                while (i < l && ++choice[i] == symPerms.size()) {
                    choice[i++] = 0;
                }
                if (i == l) {
                    break;
                }
            }
        }
        return group.toArray(new int[0][]);
    }

    private static List<int[]> permutations(int n) {
        List<int[]> out = new ArrayList<>();
        permute(new int[n], new boolean[n], 0, out);
        return out;
    }

    private static void permute(int[] p, boolean[] used, int k, List<int[]> out) {
        if (k == p.length) {
            out.add(p.clone());
            return;
        }
        for (int a = 0; a < p.length; a++) {
            if (!used[a]) {
                used[a] = true;
                p[k] = a;
                permute(p, used, k + 1, out);
                used[a] = false;
            }
        }
    }

    private static void checkSpaceArgs(int v, int l) {
        if (v < 2) {
            throw new IllegalArgumentException("alphabet size must be at least 2, got " + v);
        }
        if (l < 1) {
            throw new IllegalArgumentException("length must be at least 1, got " + l);
        }
    }

    /** Next vector in base {@code maxWeight+1}, least significant entry last; false after the last. */
    private static boolean increment(int[] w, int maxWeight) {
        for (int i = w.length - 1; i >= 0; i--) {
            if (w[i] < maxWeight) {
                w[i]++;
                return true;
            }
            w[i] = 0;
        }
        return false;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static int support(int[] w) {
        int s = 0;
        for (int x : w) {
            s += x > 0 ? 1 : 0;
        }
        return s;
    }

    private static int total(int[] w) {
        int s = 0;
        for (int x : w) {
            s += x;
        }
        return s;
    }

    private static String join(int[] w) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            sb.append(i == 0 ? "" : ",").append(w[i]);
        }
        return sb.toString();
    }

    private static Law fromInts(SequenceSpace sp, int[] w) {
        BigInteger[] b = new BigInteger[w.length];
        for (int i = 0; i < w.length; i++) {
            b[i] = BigInteger.valueOf(w[i]);
        }
        return Law.fromWeights(sp, b);
    }
}
