package org.dlmexact.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dlmexact.exact.Rational;
import org.dlmexact.law.SequenceSpace;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The per-position (Bernoulli) samplers as mixtures over their per-step sizes (theory.md section 7,
 * {@link SizeMixture}): the reveal step of each position is drawn independently, so the sizes
 * {@code (n_1, ..., n_N, n_f)} are multinomial with cell probabilities
 * {@code q_j = r_j prod_{i<j} (1 - r_i)} and {@code q_f = prod_i (1 - r_i)}. The components' schedules
 * and probabilities are compared with that multinomial law, enumerated here size vector by size vector
 * and grouped by the nonzero sizes, and the mixture of the components' random-order laws with the
 * sampler's exact law (exact equality).
 */
class ProfileMixtureTest {

    /** The reveal probabilities {@code r_1..r_N} of a per-position profile text, from SPEC 10.2/10.3. */
    static Rational[] reveals(String spec, int[] finalStep) {
        Map<String, String> k = new HashMap<>();
        String name = spec.substring(0, spec.indexOf(':'));
        for (String item : spec.substring(spec.indexOf(':') + 1).split(",")) {
            k.put(item.substring(0, item.indexOf('=')), item.substring(item.indexOf('=') + 1));
        }
        Rational[] t;
        if (name.equals("bernoulli")) {
            String[] a = k.get("alphas").split(";");
            t = new Rational[a.length];
            for (int i = 0; i < a.length; i++) {
                t[i] = Rational.ONE.subtract(Rational.parse(a[i]));
            }
        } else {
            int n = Integer.parseInt(k.get("steps"));
            Rational eps = Rational.parse(k.getOrDefault("eps", name.equals("mdlm") ? "1/100000" : "1/1000"));
            t = new Rational[n + 1];
            for (int i = 0; i <= n; i++) {
                t[i] = Rational.ONE.subtract(Rational.ONE.subtract(eps).multiply(i).divide(n));
            }
        }
        int n = t.length - 1;
        Rational[] r = new Rational[n];
        for (int j = 1; j <= n; j++) {
            // (alpha_j - alpha_{j-1}) / (1 - alpha_{j-1}) = (t_{j-1} - t_j) / t_{j-1}
            r[j - 1] = t[j - 1].isZero() ? Rational.ONE : t[j - 1].subtract(t[j]).divide(t[j - 1]);
        }
        if (name.equals("dream")) {
            r[n - 1] = Rational.ONE;
        }
        finalStep[0] = name.equals("dream") ? 0 : k.getOrDefault("final", "argmax").equals("argmax") ? 1 : 2;
        return r;
    }

    static final List<String> SPECS = List.of("mdlm:steps=1,eps=1/2", "mdlm:steps=2,eps=1/2,final=sample",
            "mdlm:steps=3,eps=1/1000", "mdlm:steps=2,eps=0", "bernoulli:alphas=1/4;1/4;1/2;1",
            "bernoulli:alphas=0;1/3;2/3,final=sample", "bernoulli:alphas=1/2;3/4", "dream:alg=origin,steps=3,eps=1/2",
            "dream:alg=origin,steps=2,temperature=1/2", "dream:alg=origin,steps=2,top_k=1");

    private static BigInteger factorial(int n) {
        BigInteger f = BigInteger.ONE;
        for (int i = 2; i <= n; i++) {
            f = f.multiply(BigInteger.valueOf(i));
        }
        return f;
    }

    /** The multinomial law of the nonzero sizes (the final step's size last, as a negative number). */
    static Map<List<Integer>, Rational> sizeLaw(int l, Rational[] r) {
        int n = r.length;
        Rational[] q = new Rational[n + 1];
        Rational stay = Rational.ONE;
        for (int j = 0; j < n; j++) {
            q[j] = stay.multiply(r[j]);
            stay = stay.multiply(Rational.ONE.subtract(r[j]));
        }
        q[n] = stay;
        Map<List<Integer>, Rational> out = new HashMap<>();
        int[] sizes = new int[n + 1];
        fill(l, 0, sizes, q, out);
        return out;
    }

    private static void fill(int left, int j, int[] sizes, Rational[] q, Map<List<Integer>, Rational> out) {
        if (j == sizes.length - 1) {
            sizes[j] = left;
            Rational p = Rational.of(factorial(Arrays.stream(sizes).sum()));
            List<Integer> key = new ArrayList<>();
            for (int i = 0; i < sizes.length; i++) {
                p = p.multiply(q[i].pow(sizes[i])).divide(Rational.of(factorial(sizes[i])));
                if (sizes[i] > 0) {
                    key.add(i == sizes.length - 1 ? -sizes[i] : sizes[i]);
                }
            }
            if (!p.isZero()) {
                out.merge(key, p, Rational::add);
            }
            return;
        }
        for (int k = 0; k <= left; k++) {
            sizes[j] = k;
            fill(left - k, j + 1, sizes, q, out);
        }
    }

    @TestFactory
    Stream<DynamicTest> theSizeMixtureIsTheSamplersLaw() {
        List<DynamicTest> out = new ArrayList<>();
        for (ProfileReferenceTest.Case c : ProfileIdentitiesTest.corpus(9)) {
            for (String spec : SPECS) {
                out.add(dynamicTest(spec + " on " + c, () -> {
                    int l = c.build().length();
                    Sampler s = Samplers.parse(spec, l, Schedule.Convention.REVEAL);
                    SizeMixture mix = SizeMixture.of(s).orElseThrow();
                    int[] fin = new int[1];
                    // key: the schedule of the nonzero sizes, then 1 when its last batch is a final argmax
                    Map<List<Integer>, Rational> expected = new HashMap<>();
                    sizeLaw(l, reveals(spec, fin)).forEach((key, p) -> {
                        List<Integer> k = new ArrayList<>();
                        key.forEach(x -> k.add(Math.abs(x)));
                        k.add(key.get(key.size() - 1) < 0 && fin[0] == 1 ? 1 : 0);
                        expected.merge(k, p, Rational::add);
                    });
                    Map<List<Integer>, Rational> got = new HashMap<>();
                    PredictiveRows rows = ProfileReferenceTest.rows(c);
                    SequenceSpace sp = c.build().space();
                    Rational[] mixed = new Rational[sp.size()];
                    Arrays.fill(mixed, Rational.ZERO);
                    BigInteger work = BigInteger.ZERO;
                    for (SizeMixture.Component comp : mix.components()) {
                        List<Integer> key = new ArrayList<>();
                        Arrays.stream(comp.schedule().sizes()).forEach(key::add);
                        key.add(comp.finalArgmax() ? 1 : 0);
                        got.merge(key, comp.probability(), Rational::add);
                        ProcessLaw q = ProcessLaw.compute(rows, comp.sampler());
                        for (int x = 0; x < sp.size(); x++) {
                            mixed[x] = mixed[x].add(comp.probability().multiply(q.law().probability(x)));
                        }
                        work = work.add(RandomOrder.work(sp.alphabetSize(), comp.schedule()));
                    }
                    assertEquals(expected, got, "component probabilities");
                    ProcessLaw law = ProcessLaw.compute(rows, s);
                    for (int x = 0; x < sp.size(); x++) {
                        assertEquals(law.law().probability(x), mixed[x], "mixture at " + sp.format(x));
                    }
                    assertEquals(work, mix.work(sp.alphabetSize()));
                    assertEquals(!spec.contains("temperature") && !spec.contains("top_"), mix.plainTokens());
                }));
            }
        }
        return out.stream();
    }

    @Test
    void onlyPerPositionSamplersAreSizeMixtures() {
        for (String s : new String[] {"random-order:2,2", "dream:alg=entropy,steps=2", "llada:steps=2",
            "fast-dllm:threshold=1/2", "eb:gamma=1", "remdm:mode=cap,eta=0,steps=2"}) {
            assertFalse(SizeMixture.of(Samplers.parse(s, 4, Schedule.Convention.REVEAL)).isPresent(), s);
        }
        assertTrue(SizeMixture.of(Samplers.parse("mdlm:steps=2", 4, Schedule.Convention.REVEAL)).isPresent());
    }
}
