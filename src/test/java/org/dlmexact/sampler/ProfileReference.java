package org.dlmexact.sampler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.law.SequenceSpace;

/**
 * A second, deliberately literal implementation of every implementation profile of SPEC section
 * 10.3, for tests only. It enumerates EVERY random choice of a run, recursively over steps: at each
 * step the independent draws at each position (one outcome at a time), the tie orders of a
 * ranking (as permutations), the kept sets; it never merges two paths that reach the same state.
 * It reads its parameters from the profile text with its own parser and the defaults of SPEC
 * section 10.2, and uses only the predictor's rows ({@link PredictiveRows#row}), {@link Rational},
 * {@link ExactReal} (entropies) and its own helpers for temperature, top-p, top-k, counts and
 * ties: no class of the engine ({@code Moves}, {@code ProcessLaw}, the samplers, {@code Rows},
 * {@code Grid}, {@code Ranking}, {@code TokenRule}).
 *
 * <p>Per path it also counts the steps taken at a state with a masked position and the model
 * calls (SPEC section 10.3, "Model calls"), and records the state after every step, so the
 * expected steps, expected calls, per-step state laws, per-step revealed-count laws and per-step
 * unchanged probabilities can be compared with the engine's.
 */
final class ProfileReference {

    /** What the enumeration found. */
    static final class Result {
        /** Output law: outcome index to probability (positive entries). */
        final Map<Integer, Rational> law = new HashMap<>();
        /** Per step {@code j = 0..}: state key {@code mask << 32 | values} to probability. */
        final List<Map<Long, Rational>> layers = new ArrayList<>();
        /** Per step {@code j = 1..}: revealed count to probability (index {@code j - 1}). */
        final List<Map<Integer, Rational>> revealed = new ArrayList<>();
        /** Per step {@code j = 1..}: probability that the step leaves the state unchanged. */
        final List<Rational> unchanged = new ArrayList<>();
        Rational expectedSteps = Rational.ZERO;
        Rational expectedCalls = Rational.ZERO;
        /** Number of leaves (complete paths) enumerated. */
        long paths;
    }

    /** One outcome of one step: its probability and the next sequence ({@code -1} masked). */
    private record Next(Rational p, int[] x) {
    }

    private final PredictiveRows rows;
    private final SequenceSpace sp;
    private final int l;
    private final int v;
    private final String name;
    private final Map<String, String> keys;
    private final Map<String, ExactReal> entropyMemo = new HashMap<>();

    private ProfileReference(PredictiveRows rows, String spec) {
        this.rows = rows;
        this.sp = rows.lattice().law().space();
        this.l = sp.length();
        this.v = sp.alphabetSize();
        int colon = spec.indexOf(':');
        this.name = spec.substring(0, colon);
        this.keys = new LinkedHashMap<>();
        for (String item : spec.substring(colon + 1).split(",")) {
            int eq = item.indexOf('=');
            keys.put(item.substring(0, eq), item.substring(eq + 1));
        }
    }

    /** Enumerates every run of the profile {@code spec} with the predictor of {@code rows}. */
    static Result compute(PredictiveRows rows, String spec) {
        return new ProfileReference(rows, spec).run();
    }

    // ---------------------------------------------------------------- parameters (SPEC 10.2)

    private String key(String k, String fallback) {
        return keys.getOrDefault(k, fallback);
    }

    private Rational rational(String k, String fallback) {
        String s = key(k, fallback);
        return s == null ? null : Rational.parse(s);
    }

    private int integer(String k, int fallback) {
        String s = keys.get(k);
        return s == null ? fallback : Integer.parseInt(s);
    }

    /** {@code n} of temperature {@code 1/n}; 0 for temperature 0. */
    private int power() {
        Rational t = rational("temperature", "1");
        return t.isZero() ? 0 : t.reciprocal().numerator().intValueExact();
    }

    /** {@code t_i = 1 - i (1 - eps)/N}. */
    private static Rational time(int i, int n, Rational eps) {
        return Rational.ONE.subtract(Rational.ONE.subtract(eps).multiply(i).divide(n));
    }

    // ---------------------------------------------------------------- the enumeration

    private int fixed;
    private final List<int[]> finishedAt = new ArrayList<>();

    private Result run() {
        Result res = new Result();
        fixed = switch (name) {
            case "mdlm", "remdm" -> integer("steps", -1) + 1;
            case "bernoulli" -> key("alphas", null).split(";").length;
            case "dream", "llada" -> integer("steps", -1);
            case "fast-dllm", "eb" -> -1;
            default -> throw new IllegalArgumentException("no reference for " + name);
        };
        int[] x = new int[l];
        Arrays.fill(x, -1);
        List<Object[]> finished = new ArrayList<>();
        walk(res, 1, x, Rational.ONE, 0, 0, true, finished);
        // pad the paths of "until every position is visible" that finished before the longest one
        int depth = res.layers.size() - 1;
        for (Object[] f : finished) {
            int end = (Integer) f[0];
            long state = (Long) f[1];
            Rational p = (Rational) f[2];
            for (int j = end + 1; j <= depth; j++) {
                res.layers.get(j).merge(state, p, Rational::add);
                res.revealed.get(j - 1).merge(0, p, Rational::add);
                res.unchanged.set(j - 1, res.unchanged.get(j - 1).add(p));
            }
        }
        return res;
    }

    private static <T> T at(List<T> list, int i, java.util.function.Supplier<T> fresh) {
        while (list.size() <= i) {
            list.add(fresh.get());
        }
        return list.get(i);
    }

    private void walk(Result res, int j, int[] x, Rational p, int steps, int calls, boolean changedBefore,
                      List<Object[]> finished) {
        at(res.layers, j - 1, HashMap::new).merge(key(x), p, Rational::add);
        boolean full = masked(x) == 0;
        boolean done = fixed >= 0 ? j > fixed : full;
        if (done) {
            int idx = 0;
            for (int i = 0; i < l; i++) {
                if (x[i] < 0) {
                    throw new IllegalStateException("a position is masked after the last step");
                }
                idx = idx * v + x[i];
            }
            res.law.merge(idx, p, Rational::add);
            res.expectedSteps = res.expectedSteps.add(p.multiply(steps));
            res.expectedCalls = res.expectedCalls.add(p.multiply(calls(steps, calls)));
            res.paths++;
            if (fixed < 0) {
                finished.add(new Object[] {j - 1, key(x), p});
            }
            return;
        }
        List<Next> nexts;
        int newCalls = calls + (callsAt(j, changedBefore) ? 1 : 0);
        if (full && !name.equals("remdm")) {
            nexts = List.of(new Next(Rational.ONE, x)); // a finished state stays put
        } else {
            nexts = step(j, x);
        }
        Rational total = Rational.ZERO;
        for (Next n : nexts) {
            total = total.add(n.p);
            Rational q = p.multiply(n.p);
            int rev = 0;
            for (int i = 0; i < l; i++) {
                rev += x[i] < 0 && n.x[i] >= 0 ? 1 : 0;
            }
            boolean same = Arrays.equals(x, n.x);
            at(res.revealed, j - 1, HashMap::new).merge(rev, q, Rational::add);
            at(res.unchanged, j - 1, () -> Rational.ZERO);
            if (same) {
                res.unchanged.set(j - 1, res.unchanged.get(j - 1).add(q));
            }
            if (fixed < 0 && same && !full) {
                throw new IllegalStateException("an adaptive step revealed nothing at step " + j);
            }
            walk(res, j + 1, n.x, q, steps + (full ? 0 : 1), newCalls, !same, finished);
        }
        if (!total.equals(Rational.ONE)) {
            throw new IllegalStateException("step " + j + " outcomes sum to " + total);
        }
    }

    /** Whether step {@code j} calls the model (SPEC 10.3, "Model calls"); counted as the step is taken. */
    private boolean callsAt(int j, boolean changedBefore) {
        switch (name) {
            case "mdlm":
            case "bernoulli":
            case "remdm": {
                int n = fixed - 1;
                if (j > n) {
                    return true; // the final step always calls
                }
                boolean cache = name.equals("remdm") || Boolean.parseBoolean(key("cache",
                        name.equals("mdlm") ? "true" : "false"));
                return !cache || j == 1 || changedBefore;
            }
            case "dream":
            case "llada":
                return true; // once per step, also when nothing changes
            default:
                return false; // adaptive samplers: one per step taken (counted in calls())
        }
    }

    private int calls(int steps, int calls) {
        return fixed < 0 ? steps : calls;
    }

    // ---------------------------------------------------------------- one step of each profile

    private List<Next> step(int j, int[] x) {
        switch (name) {
            case "mdlm": {
                int n = integer("steps", -1);
                Rational eps = rational("eps", "1/100000");
                if (j > n) {
                    return finalStep(x, key("final", "argmax").equals("argmax"));
                }
                Rational t = time(j - 1, n, eps);
                Rational s = time(j, n, eps);
                return perPosition(x, t.subtract(s).divide(t), 1, null, null);
            }
            case "bernoulli": {
                String[] a = key("alphas", null).split(";");
                int n = a.length - 1;
                if (j > n) {
                    return finalStep(x, key("final", "argmax").equals("argmax"));
                }
                Rational a0 = Rational.parse(a[j - 1]);
                Rational a1 = Rational.parse(a[j]);
                Rational rest = Rational.ONE.subtract(a0);
                return perPosition(x, rest.isZero() ? Rational.ONE : a1.subtract(a0).divide(rest), 1, null, null);
            }
            case "dream":
                return dream(j, x);
            case "llada":
                return llada(j, x);
            case "fast-dllm":
                return fastDllm(x);
            case "eb":
                return eb(x);
            case "remdm":
                return remdm(j, x);
            default:
                throw new IllegalArgumentException(name);
        }
    }

    /**
     * Each masked position independently: revealed with probability {@code r}, its token from the
     * token row (power, Dream's top-p, top-k; argmax at power 0); still masked otherwise.
     */
    private List<Next> perPosition(int[] x, Rational r, int power, Rational topP, Integer topK) {
        List<List<Object[]>> per = new ArrayList<>();
        for (int i = 0; i < l; i++) {
            List<Object[]> o = new ArrayList<>();
            if (x[i] >= 0) {
                o.add(new Object[] {Rational.ONE, x[i]});
            } else {
                Rational[] tok = tokenRow(row(x, i), power, topP, topK, false);
                for (int a = 0; a < v; a++) {
                    if (tok[a].signum() > 0) {
                        o.add(new Object[] {r.multiply(tok[a]), a});
                    }
                }
                if (!Rational.ONE.equals(r)) {
                    o.add(new Object[] {Rational.ONE.subtract(r), -1});
                }
            }
            per.add(o);
        }
        return product(per);
    }

    /** Every masked position gets the argmax of its row ({@code argmax}) or a draw from it. */
    private List<Next> finalStep(int[] x, boolean argmax) {
        return perPosition(x, Rational.ONE, argmax ? 0 : 1, null, null);
    }

    /** The joint outcomes of independent per-position outcome lists, enumerated one by one. */
    private List<Next> product(List<List<Object[]>> per) {
        List<Next> out = new ArrayList<>();
        productFrom(per, 0, Rational.ONE, new int[l], out);
        return out;
    }

    private void productFrom(List<List<Object[]>> per, int i, Rational p, int[] y, List<Next> out) {
        if (i == l) {
            out.add(new Next(p, y.clone()));
            return;
        }
        for (Object[] o : per.get(i)) {
            Rational q = (Rational) o[0];
            if (q.signum() == 0) {
                continue;
            }
            y[i] = (Integer) o[1];
            productFrom(per, i + 1, p.multiply(q), y, out);
        }
    }

    private List<Next> dream(int j, int[] x) {
        String alg = key("alg", null);
        int n = integer("steps", -1);
        Rational eps = rational("eps", "1/1000");
        int power = power();
        Rational topP = rational("top_p", null);
        String k = key("top_k", null);
        Integer topK = k == null ? null : Integer.valueOf(k);
        Rational t = time(j - 1, n, eps);
        Rational s = time(j, n, eps);
        if (alg.equals("origin")) {
            return perPosition(x, j == n ? Rational.ONE : Rational.ONE.subtract(s.divide(t)), power, topP, topK);
        }
        int m = masked(x);
        int count = j == n ? m : Rational.ONE.subtract(s.divide(t)).multiply(m).floor().intValueExact();
        if (count == 0) {
            return List.of(new Next(Rational.ONE, x));
        }
        int[] cand = maskedPositions(x, -1, -1);
        Rational[][] filtered = new Rational[l][];
        Rational[][] tok = new Rational[l][];
        for (int i : cand) {
            filtered[i] = tokenRow(row(x, i), power, topP, topK, true);
            tok[i] = power == 0 ? pointMass(argmax(filtered[i])) : filtered[i];
        }
        List<Next> out = new ArrayList<>();
        if (alg.equals("maskgit_plus")) {
            for (Next d : drawAll(x, cand, tok)) {
                List<Comparable<Object>> conf = new ArrayList<>();
                for (int i : cand) {
                    conf.add(comparable(ExactReal.of(filtered[i][d.x[i]])));
                }
                keepTop(x, d, cand, conf, count, out);
            }
            return out;
        }
        List<Comparable<Object>> conf = new ArrayList<>();
        for (int i : cand) {
            Rational[] f = filtered[i];
            if (alg.equals("topk_margin")) {
                Rational[] sorted = f.clone();
                Arrays.sort(sorted, Comparator.reverseOrder());
                conf.add(comparable(ExactReal.of(sorted[0].subtract(sorted[1]))));
            } else {
                conf.add(comparable(entropy(f).negate()));
            }
        }
        for (Next d : drawAll(x, cand, tok)) {
            keepTop(x, d, cand, conf, count, out);
        }
        return out;
    }

    private List<Next> llada(int j, int[] x) {
        int n = integer("steps", -1);
        int block = integer("block", l);
        boolean random = key("remasking", "low_confidence").equals("random");
        int power = power();
        int perBlock = n / (l / block);
        int b = (j - 1) / perBlock;
        int i0 = (j - 1) % perBlock;
        int count = block / perBlock + (i0 < block % perBlock ? 1 : 0);
        if (count == 0) {
            return List.of(new Next(Rational.ONE, x));
        }
        int[] cand = maskedPositions(x, b * block, (b + 1) * block);
        List<Next> out = new ArrayList<>();
        for (Next d : drawAll(x, cand, lladaTokens(x, cand, power))) {
            if (random) {
                // a uniform random number per position: the top count form a uniformly random count-subset
                List<int[]> subsets = subsets(cand, count);
                Rational w = d.p.divide(subsets.size());
                for (int[] kept : subsets) {
                    out.add(new Next(w, reveal(x, d.x, kept, count)));
                }
            } else {
                List<Comparable<Object>> conf = new ArrayList<>();
                for (int i : cand) {
                    conf.add(comparable(ExactReal.of(row(x, i)[d.x[i]])));
                }
                keepTop(x, d, cand, conf, count, out);
            }
        }
        return out;
    }

    /** LLaDA's and Fast-dLLM's token rows: the argmax at temperature 0, else the row at temperature 1/n. */
    private Rational[][] lladaTokens(int[] x, int[] cand, int power) {
        Rational[][] tok = new Rational[l][];
        for (int i : cand) {
            Rational[] r = row(x, i);
            tok[i] = power == 0 ? pointMass(argmax(r)) : tokenRow(r, power, null, null, false);
        }
        return tok;
    }

    private List<Next> fastDllm(int[] x) {
        int block = integer("block", l);
        int power = power();
        Rational tau = rational("threshold", null);
        Rational factor = rational("factor", null);
        boolean inclusive = key("boundary", "inclusive").equals("inclusive");
        int first = 0;
        while (x[first] >= 0) {
            first++;
        }
        int b = first / block;
        int[] cand = maskedPositions(x, b * block, (b + 1) * block);
        List<Next> out = new ArrayList<>();
        for (Next d : drawAll(x, cand, lladaTokens(x, cand, power))) {
            Rational[] c = new Rational[cand.length];
            List<Comparable<Object>> conf = new ArrayList<>();
            for (int n = 0; n < cand.length; n++) {
                c[n] = row(x, cand[n])[d.x[cand[n]]];
                conf.add(comparable(ExactReal.of(c[n])));
            }
            int count;
            if (tau != null) {
                int pass = 0;
                for (Rational ci : c) {
                    int cmp = ci.compareTo(tau);
                    pass += inclusive ? (cmp >= 0 ? 1 : 0) : (cmp > 0 ? 1 : 0);
                }
                count = Math.max(1, pass);
            } else {
                Rational[] sorted = c.clone();
                Arrays.sort(sorted, Comparator.reverseOrder());
                int m = sorted.length;
                // get_transfer_index_dynamic: threshs[0] = -1, threshs[i] = 1 - F/(i+2); break at the first
                // c[i] < threshs[i]; top_i is the loop variable (m - 1 when the loop never breaks)
                int topI = 0;
                for (topI = 0; topI < m; topI++) {
                    Rational th = topI == 0 ? Rational.ONE.negate()
                            : Rational.ONE.subtract(factor.divide(Rational.of(topI + 2)));
                    int cmp = sorted[topI].compareTo(th);
                    if (inclusive ? cmp < 0 : cmp <= 0) {
                        break;
                    }
                }
                if (topI == m) {
                    topI = m - 1;
                }
                if (topI == 0 || topI == m - 1) {
                    topI++;
                }
                count = topI;
            }
            keepTop(x, d, cand, conf, count, out);
        }
        return out;
    }

    private List<Next> eb(int[] x) {
        Rational gamma = rational("gamma", null);
        int power = power();
        boolean inclusive = key("boundary", "inclusive").equals("inclusive");
        int[] cand = maskedPositions(x, -1, -1);
        ExactReal[] h = new ExactReal[cand.length];
        List<Comparable<Object>> key = new ArrayList<>();
        Rational[][] tok = new Rational[l][];
        for (int n = 0; n < cand.length; n++) {
            Rational[] r = row(x, cand[n]);
            Rational[] tempered = power == 0 ? r : tokenRow(r, power, null, null, false);
            h[n] = entropy(tempered);
            key.add(comparable(h[n].negate())); // largest key first = lowest entropy first
            tok[cand[n]] = power == 0 ? pointMass(argmax(r)) : tempered;
        }
        ExactReal g = ExactReal.of(gamma);
        List<Next> out = new ArrayList<>();
        for (Object[] o : orders(cand, key)) {
            int[] order = (int[]) o[1];
            // the k-th (from 1) is revealed iff the entropies BEFORE it sum to <= gamma (< when exclusive)
            List<Integer> keep = new ArrayList<>();
            ExactReal before = ExactReal.ZERO;
            for (int pos : order) {
                int cmp = before.compareTo(g);
                // "so the first always is" (SPEC 10.3): also with boundary=exclusive and gamma = 0
                if (keep.isEmpty() || (inclusive ? cmp <= 0 : cmp < 0)) {
                    keep.add(pos);
                }
                before = before.add(h[indexOf(cand, pos)]);
            }
            int[] kept = keep.stream().mapToInt(Integer::intValue).toArray();
            for (Next d : drawAll(x, kept, tok)) {
                out.add(new Next(((Rational) o[0]).multiply(d.p), d.x));
            }
        }
        return out;
    }

    private List<Next> remdm(int j, int[] x) {
        int n = integer("steps", -1);
        Rational eps = rational("eps", "1/100000");
        Rational eta = rational("eta", null);
        boolean cap = key("mode", null).equals("cap");
        Rational topP = rational("top_p", "1");
        if (j > n) {
            return finalStep(x, true);
        }
        Rational at = Rational.ONE.subtract(time(j - 1, n, eps));
        Rational as = Rational.ONE.subtract(time(j, n, eps));
        Rational sigma;
        if (at.isZero()) {
            sigma = eta;
        } else {
            Rational ratio = Rational.ONE.subtract(as).divide(at);
            sigma = cap ? (eta.compareTo(ratio) <= 0 ? eta : ratio)
                    : eta.multiply(ratio.compareTo(Rational.ONE) <= 0 ? ratio : Rational.ONE);
        }
        Rational q = as.subtract(Rational.ONE.subtract(sigma).multiply(at)).divide(Rational.ONE.subtract(at));
        List<List<Object[]>> per = new ArrayList<>();
        for (int i = 0; i < l; i++) {
            List<Object[]> o = new ArrayList<>();
            if (x[i] >= 0) {
                o.add(new Object[] {Rational.ONE.subtract(sigma), x[i]});
                o.add(new Object[] {sigma, -1});
            } else {
                Rational[] tok = nucleus(row(x, i), topP);
                for (int a = 0; a < v; a++) {
                    o.add(new Object[] {q.multiply(tok[a]), a});
                }
                o.add(new Object[] {Rational.ONE.subtract(q), -1});
            }
            per.add(o);
        }
        return product(per);
    }

    // ---------------------------------------------------------------- draws and rankings

    /** Every joint draw at {@code cand} (independent, from {@code tok}); other positions as in {@code x}. */
    private List<Next> drawAll(int[] x, int[] cand, Rational[][] tok) {
        List<List<Object[]>> per = new ArrayList<>();
        for (int i = 0; i < l; i++) {
            List<Object[]> o = new ArrayList<>();
            if (indexOf(cand, i) < 0) {
                o.add(new Object[] {Rational.ONE, x[i]});
            } else {
                for (int a = 0; a < v; a++) {
                    o.add(new Object[] {tok[i][a], a});
                }
            }
            per.add(o);
        }
        return product(per);
    }

    /**
     * For the draw {@code d} (probability {@code d.p}): each tie order of the ranking by {@code conf}
     * (descending), with its probability; the first {@code count} are revealed with their drawn tokens.
     */
    private void keepTop(int[] x, Next d, int[] cand, List<Comparable<Object>> conf, int count, List<Next> out) {
        for (Object[] o : orders(cand, conf)) {
            out.add(new Next(d.p.multiply((Rational) o[0]), reveal(x, d.x, (int[]) o[1], count)));
        }
    }

    /** {@code x} with the first {@code count} positions of {@code order} set to their tokens in {@code y}. */
    private int[] reveal(int[] x, int[] y, int[] order, int count) {
        int[] z = x.clone();
        for (int n = 0; n < count; n++) {
            z[order[n]] = y[order[n]];
        }
        return z;
    }

    /**
     * The orders of {@code cand} by {@code key} descending that the tie-break allows, with their
     * probabilities: every permutation sorted by the key is a candidate; {@code ties=lowest} takes
     * the one with equal keys by increasing position, {@code highest} by decreasing position,
     * {@code uniform} each with equal probability.
     */
    private List<Object[]> orders(int[] cand, List<Comparable<Object>> key) {
        int m = cand.length;
        int[][] cmp = new int[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                cmp[a][b] = Integer.signum(key.get(a).compareTo(key.get(b)));
            }
        }
        String ties = key("ties", "lowest");
        List<int[]> sorted = new ArrayList<>();
        for (int[] perm : permutations(indices(m))) {
            boolean ok = true;
            boolean lowest = true;
            boolean highest = true;
            for (int n = 0; n + 1 < m; n++) {
                int c = cmp[perm[n]][perm[n + 1]];
                ok &= c >= 0;
                if (c == 0) {
                    lowest &= perm[n] < perm[n + 1];
                    highest &= perm[n] > perm[n + 1];
                }
            }
            if (ok && (ties.equals("uniform") || (ties.equals("lowest") ? lowest : highest))) {
                sorted.add(perm);
            }
        }
        List<Object[]> out = new ArrayList<>();
        for (int[] perm : sorted) {
            int[] order = new int[m];
            for (int n = 0; n < m; n++) {
                order[n] = cand[perm[n]];
            }
            out.add(new Object[] {Rational.of(1, sorted.size()), order});
        }
        return out;
    }

    private static int[] indices(int m) {
        int[] r = new int[m];
        for (int i = 0; i < m; i++) {
            r[i] = i;
        }
        return r;
    }

    /** All {@code k}-subsets of {@code items}, each in increasing order of index. */
    static List<int[]> subsets(int[] items, int k) {
        List<int[]> out = new ArrayList<>();
        for (int m = 0; m < 1 << items.length; m++) {
            if (Integer.bitCount(m) == k) {
                int[] r = new int[k];
                int n = 0;
                for (int i = 0; i < items.length; i++) {
                    if ((m & (1 << i)) != 0) {
                        r[n++] = items[i];
                    }
                }
                out.add(r);
            }
        }
        return out;
    }

    /** All permutations of {@code items}. */
    static List<int[]> permutations(int[] items) {
        List<int[]> out = new ArrayList<>();
        permute(items.clone(), 0, out);
        return out;
    }

    private static void permute(int[] a, int k, List<int[]> out) {
        if (k == a.length) {
            out.add(a.clone());
            return;
        }
        for (int i = k; i < a.length; i++) {
            int t = a[k];
            a[k] = a[i];
            a[i] = t;
            permute(a, k + 1, out);
            a[i] = a[k];
            a[k] = t;
        }
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> comparable(ExactReal r) {
        return (Comparable<Object>) (Comparable<?>) r;
    }

    // ---------------------------------------------------------------- rows and their transforms

    private Rational[] row(int[] x, int i) {
        int mask = 0;
        int values = 0;
        for (int p = 0; p < l; p++) {
            if (x[p] >= 0) {
                mask |= 1 << p;
                values = values * v + x[p];
            }
        }
        return rows.row(mask, values, i);
    }

    /**
     * The row after temperature {@code 1/power} (power 0: none), then Dream's top-p, then top-k; with
     * {@code keepFiltered} the filtered row, otherwise the distribution drawn from (a point mass at
     * the lowest maximal token at power 0).
     */
    private Rational[] tokenRow(Rational[] r, int power, Rational topP, Integer topK, boolean keepFiltered) {
        Rational[] f = r.clone();
        if (power >= 2) {
            Rational sum = Rational.ZERO;
            for (int a = 0; a < v; a++) {
                f[a] = r[a].pow(power);
                sum = sum.add(f[a]);
            }
            for (int a = 0; a < v; a++) {
                f[a] = f[a].divide(sum);
            }
        }
        if (topP != null && topP.compareTo(Rational.ONE) < 0) {
            Integer[] order = byProbability(f);
            Rational before = Rational.ZERO;
            Rational[] g = f.clone();
            for (int a : order) {
                if (before.compareTo(topP) > 0) {
                    g[a] = Rational.ZERO;
                }
                before = before.add(f[a]);
            }
            f = normalise(g);
        }
        if (topK != null && topK < v) {
            Rational[] sorted = f.clone();
            Arrays.sort(sorted, Comparator.reverseOrder());
            Rational kth = sorted[topK - 1];
            Rational[] g = f.clone();
            for (int a = 0; a < v; a++) {
                if (f[a].compareTo(kth) < 0) {
                    g[a] = Rational.ZERO;
                }
            }
            f = normalise(g);
        }
        if (keepFiltered || power != 0) {
            return f;
        }
        return pointMass(argmax(f));
    }

    /** ReMDM's nucleus: keep a token iff the mass up to and including it is at most {@code p}; the first always. */
    private Rational[] nucleus(Rational[] r, Rational p) {
        if (p.compareTo(Rational.ONE) >= 0) {
            return r;
        }
        Rational[] g = r.clone();
        Rational upTo = Rational.ZERO;
        boolean first = true;
        for (int a : byProbability(r)) {
            upTo = upTo.add(r[a]);
            if (!first && upTo.compareTo(p) > 0) {
                g[a] = Rational.ZERO;
            }
            first = false;
        }
        return normalise(g);
    }

    /** Tokens by probability descending, equal probabilities by lower token first. */
    private Integer[] byProbability(Rational[] r) {
        Integer[] order = new Integer[v];
        for (int a = 0; a < v; a++) {
            order[a] = a;
        }
        Arrays.sort(order, (a, b) -> {
            int c = r[b].compareTo(r[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        return order;
    }

    private static Rational[] normalise(Rational[] r) {
        Rational sum = Rational.ZERO;
        for (Rational q : r) {
            sum = sum.add(q);
        }
        Rational[] g = new Rational[r.length];
        for (int a = 0; a < r.length; a++) {
            g[a] = r[a].divide(sum);
        }
        return g;
    }

    private static int argmax(Rational[] r) {
        int best = 0;
        for (int a = 1; a < r.length; a++) {
            if (r[a].compareTo(r[best]) > 0) {
                best = a;
            }
        }
        return best;
    }

    private Rational[] pointMass(int a) {
        Rational[] r = new Rational[v];
        Arrays.fill(r, Rational.ZERO);
        r[a] = Rational.ONE;
        return r;
    }

    private ExactReal entropy(Rational[] r) {
        String k = Arrays.toString(r);
        ExactReal h = entropyMemo.get(k);
        if (h == null) {
            h = ExactReal.ZERO;
            for (Rational p : r) {
                h = h.subtract(ExactReal.xLnX(p));
            }
            entropyMemo.put(k, h);
        }
        return h;
    }

    // ---------------------------------------------------------------- states

    private static int masked(int[] x) {
        int n = 0;
        for (int t : x) {
            n += t < 0 ? 1 : 0;
        }
        return n;
    }

    /** The masked positions of {@code x} in {@code [from, to)} ({@code from < 0}: all), increasing. */
    private int[] maskedPositions(int[] x, int from, int to) {
        List<Integer> r = new ArrayList<>();
        for (int i = 0; i < l; i++) {
            if (x[i] < 0 && (from < 0 || (i >= from && i < to))) {
                r.add(i);
            }
        }
        return r.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int indexOf(int[] a, int t) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == t) {
                return i;
            }
        }
        return -1;
    }

    /** The state key {@code mask << 32 | values} of the engine ({@code values} over visible positions). */
    long key(int[] x) {
        int mask = 0;
        long values = 0;
        for (int p = 0; p < l; p++) {
            if (x[p] >= 0) {
                mask |= 1 << p;
                values = values * v + x[p];
            }
        }
        return (long) mask << 32 | values;
    }

}
