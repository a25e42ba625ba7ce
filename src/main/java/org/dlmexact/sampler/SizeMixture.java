package org.dlmexact.sampler;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.InformationProfile;

/**
 * A per-position (Bernoulli) sampler as a mixture over its per-step sizes (theory.md section 7):
 * every position's reveal step is drawn independently of the others and of the tokens, so given
 * the sizes {@code n_1, ..., n_N} (and {@code n_f} of a final step) the ordered partition of the
 * positions is uniform among those with these sizes, and the sampler is the random-order sampler
 * with the schedule of the nonzero sizes; each step draws its tokens as the sampler's step does
 * (the final argmax for the final batch). Given {@code m} masked positions before step {@code j},
 * {@code n_j} is binomial with {@code m} trials and the step's reveal probability. A component is
 * a schedule, whether its last batch is a final argmax, and its probability; components with equal
 * schedules and final batches are merged. Immutable.
 */
public final class SizeMixture {

    /** One component. Immutable. */
    public static final class Component {
        //@ public invariant schedule() != null && probability().signum() > 0;
        private final Schedule schedule;
        private final boolean finalArgmax;
        private final Rational probability;
        private final Sampler sampler;

        Component(Schedule schedule, boolean finalArgmax, Rational probability, Sampler sampler) {
            this.schedule = schedule;
            this.finalArgmax = finalArgmax;
            this.probability = probability;
            this.sampler = sampler;
        }

        /** The schedule of the nonzero sizes, reveal order. */
        //@ pure helper
        public Schedule schedule() {
            return schedule;
        }

        /** Whether the last batch is the final argmax step. */
        //@ pure helper
        public boolean finalArgmax() {
            return finalArgmax;
        }

        /** The probability of this component. */
        //@ pure helper
        public Rational probability() {
            return probability;
        }

        /** The random-order sampler of this component, with the per-step token rules of the sampler. */
        //@ pure helper
        public Sampler sampler() {
            return sampler;
        }
    }

    //@ public invariant components() != null;
    private final List<Component> components;
    private final boolean plainTokens;

    private SizeMixture(List<Component> components, boolean plainTokens) {
        this.components = components;
        this.plainTokens = plainTokens;
    }

    /** The mixture of a per-position sampler; empty for other samplers. */
    /*@ public normal_behavior
      @   requires sampler != null;
      @ pure @*/
    public static Optional<SizeMixture> of(Sampler sampler) {
        Objects.requireNonNull(sampler, "sampler");
        if (!(sampler instanceof PerPosition)) {
            return Optional.empty();
        }
        PerPosition pp = (PerPosition) sampler;
        int l = pp.length();
        int n = pp.grid().steps();
        // prefix of nonzero sizes (with a trailing marker for a final step) to probability
        Map<List<Integer>, Rational> cur = new TreeMap<>(SizeMixture::compare);
        cur.put(List.of(), Rational.ONE);
        for (int j = 1; j <= n; j++) {
            Rational r = pp.reveal(j);
            Map<List<Integer>, Rational> next = new TreeMap<>(SizeMixture::compare);
            for (Map.Entry<List<Integer>, Rational> e : cur.entrySet()) {
                int m = l - sum(e.getKey());
                for (int k = 0; k <= m; k++) {
                    Rational p = e.getValue().multiply(binomialProbability(m, k, r));
                    if (p.isZero()) {
                        continue;
                    }
                    List<Integer> key = new ArrayList<>(e.getKey());
                    if (k > 0) {
                        key.add(k);
                    }
                    next.merge(Collections.unmodifiableList(key), p, Rational::add);
                }
            }
            cur = next;
        }
        boolean argmax = pp.last() == PerPosition.Final.ARGMAX;
        List<Component> out = new ArrayList<>();
        for (Map.Entry<List<Integer>, Rational> e : cur.entrySet()) {
            List<Integer> sizes = new ArrayList<>(e.getKey());
            int rest = l - sum(sizes);
            boolean fin = rest > 0;
            if (fin) {
                if (pp.last() == PerPosition.Final.NONE) {
                    throw new IllegalStateException("positions left masked by a sampler without a final step");
                }
                sizes.add(rest);
            }
            Schedule s = Schedule.of(l, sizes.stream().mapToInt(Integer::intValue).toArray());
            TokenRule[] rules = new TokenRule[s.steps()];
            Arrays.fill(rules, pp.tokens());
            if (fin && argmax) {
                rules[rules.length - 1] = Profile.ARGMAX;
            } else if (fin) {
                rules[rules.length - 1] = TokenRule.PLAIN;
            }
            out.add(new Component(s, fin && argmax, e.getValue(), RandomOrder.withTokenRules(s, rules)));
        }
        return Optional.of(new SizeMixture(Collections.unmodifiableList(out), pp.tokens().plain()));
    }

    /** The components, in lexicographic order of their sizes. */
    //@ pure helper
    public List<Component> components() {
        return components;
    }

    /** Whether every regular step draws from the predictor's rows unchanged (temperature 1, no filters). */
    //@ pure helper
    public boolean plainTokens() {
        return plainTokens;
    }

    /** The total work of the components' output-law programmes for alphabet size {@code v}. */
    /*@ public normal_behavior
      @   requires v >= 2;
      @   ensures \result.signum() >= 0;
      @ pure @*/
    public BigInteger work(int v) {
        BigInteger w = BigInteger.ZERO;
        for (Component c : components) {
            w = w.add(RandomOrder.work(v, c.schedule()));
        }
        return w;
    }

    private static Rational binomialProbability(int m, int k, Rational r) {
        return Rational.of(InformationProfile.binomial(m, k)).multiply(r.pow(k))
                .multiply(Rational.ONE.subtract(r).pow(m - k));
    }

    private static int sum(List<Integer> xs) {
        int s = 0;
        for (int x : xs) {
            s += x;
        }
        return s;
    }

    private static int compare(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
