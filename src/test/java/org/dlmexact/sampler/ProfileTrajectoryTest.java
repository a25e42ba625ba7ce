package org.dlmexact.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.statistics.inference.GTest;
import org.dlmexact.exact.Rational;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.law.SequenceSpace;
import org.dlmexact.law.SplitMix64;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Seeded trajectories of the profiles ({@link ProcessSampler#trajectory}) follow the exact law of
 * the state after every step (G-test per step, and no state of exact probability 0 ever visited);
 * a trajectory ends in the sample drawn with the same seed; and the documented order of draws
 * (SPEC section 10.1: the branch only when there are several, the kept set only when there are
 * several; §5.4's {@code nextBelow} and the rejection rule for {@code D >= 2^63}) is checked against
 * {@link SplitMix64} directly.
 */
class ProfileTrajectoryTest {

    /** Trajectories per test. */
    static final int N = 2000;

    static final List<String[]> CASES = List.of(
            new String[] {"pairs:4", "remdm:mode=cap,eta=1/2,steps=3,eps=1/2"},
            new String[] {"random:2,3,1", "remdm:mode=rescale,eta=1,steps=2,eps=0,top_p=3/5"},
            new String[] {"markov:4:3/4,1/4;1/4,3/4", "fast-dllm:threshold=3/4"},
            new String[] {"code:2:1,1,0;0,0,1", "eb:gamma=1,ties=uniform"},
            new String[] {"random:2,4,1", "llada:steps=4,block=2,remasking=random"},
            new String[] {"random:3,3,1", "dream:alg=maskgit_plus,steps=3,temperature=1/2,ties=uniform"},
            new String[] {"random:2,3,2", "mdlm:steps=3,eps=1/2"},
            new String[] {"random:2,3,2", "random-order:1,2"});

    /** The state key {@code mask << 32 | values} of a sequence with {@code -1} at masked positions. */
    static long key(SequenceSpace sp, int[] x) {
        int mask = 0;
        long values = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] >= 0) {
                mask |= 1 << i;
                values = values * sp.alphabetSize() + x[i];
            }
        }
        return (long) mask << 32 | values;
    }

    @TestFactory
    Stream<DynamicTest> trajectoriesFollowTheExactStateLaws() {
        return CASES.stream().map(c -> dynamicTest(c[1] + " on " + c[0] + " (seed 77)", () -> {
            Law law = Families.parse(c[0]);
            SequenceSpace sp = law.space();
            PredictiveRows rows = ProfileSamplingTest.rows(law);
            Sampler s = ProfileSamplingTest.sampler(law, c[1]);
            ProcessLaw q = ProcessLaw.compute(rows, s);
            ProcessSampler ps = new ProcessSampler(rows, s);
            SplitMix64 rng = new SplitMix64(77);
            List<Map<Long, Long>> counts = new ArrayList<>();
            for (int n = 0; n < N; n++) {
                List<int[]> t = ps.trajectory(rng);
                if (s.fixedSteps() > 0) {
                    assertEquals(s.fixedSteps() + 1, t.size(), "one entry before the first step and one per step");
                }
                assertEquals(0, key(sp, t.get(0)), "the run starts from the all-mask state");
                assertEquals(sp.fullMask(), (int) (key(sp, t.get(t.size() - 1)) >>> 32), "it ends with every position"
                        + " visible");
                // a run that has finished stays in its last state (as the state law after min(j, steps))
                for (int j = 0; j <= Math.max(q.steps(), t.size() - 1); j++) {
                    while (counts.size() <= j) {
                        counts.add(new HashMap<>());
                    }
                    counts.get(j).merge(key(sp, t.get(Math.min(j, t.size() - 1))), 1L, Long::sum);
                }
            }
            for (int j = 1; j < counts.size(); j++) {
                assertFits(q, j, counts.get(j));
            }
        }));
    }

    /** G-test of the visited states after step {@code j} against the exact state law (cells below 5 pooled). */
    static void assertFits(ProcessLaw q, int j, Map<Long, Long> observed) {
        SequenceSpace sp = q.law().space();
        List<Double> e = new ArrayList<>();
        List<Long> o = new ArrayList<>();
        double pooledE = 0;
        long pooledO = 0;
        long seen = 0;
        for (int mask = 0; mask <= sp.fullMask(); mask++) {
            for (int v = 0; v < sp.power(Integer.bitCount(mask)); v++) {
                Rational p = q.stateProbability(j, mask, v);
                long got = observed.getOrDefault((long) mask << 32 | v, 0L);
                seen += got;
                if (p.isZero()) {
                    assertEquals(0, got, "a state of probability 0 after step " + j + " was visited");
                    continue;
                }
                double ex = p.toDouble() * N;
                if (ex < 5) {
                    pooledE += ex;
                    pooledO += got;
                } else {
                    e.add(ex);
                    o.add(got);
                }
            }
        }
        assertEquals(N, seen);
        if (pooledE > 0) {
            e.add(pooledE);
            o.add(pooledO);
        }
        if (e.size() < 2) {
            return;
        }
        double p = GTest.withDefaults().test(e.stream().mapToDouble(Double::doubleValue).toArray(),
                o.stream().mapToLong(Long::longValue).toArray()).getPValue();
        assertTrue(p > 1e-4, "state law after step " + j + ": p = " + p + " over " + e.size() + " cells");
    }

    @Test
    void aTrajectoryEndsInTheSampleOfTheSameSeed() {
        for (String[] c : CASES) {
            Law law = Families.parse(c[0]);
            ProcessSampler ps = new ProcessSampler(ProfileSamplingTest.rows(law), ProfileSamplingTest.sampler(law, c[1]));
            for (long seed = 1; seed <= 20; seed++) {
                List<int[]> t = ps.trajectory(new SplitMix64(seed));
                assertArrayEquals(ps.sample(new SplitMix64(seed)), t.get(t.size() - 1), c[1] + " seed " + seed);
            }
        }
    }

    /** {@code n} samples of a one-position law, each token from a stream of {@code SplitMix64(seed)}. */
    private static int[] tokens(String spec, long seed, int n) {
        Law law = Families.parse("uniform:2,1");
        ProcessSampler ps = new ProcessSampler(ProfileSamplingTest.rows(law), ProfileSamplingTest.sampler(law, spec));
        SplitMix64 rng = new SplitMix64(seed);
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = ps.sample(rng)[0];
        }
        return t;
    }

    /**
     * One branch without a selector (Dream origin, one step), and one branch whose selector keeps one
     * set (maskgit_plus, one step, one position): a sample takes exactly one draw, {@code nextBelow(2)}
     * over the row (1/2, 1/2) written over D = 2 (token 0 iff u < 1).
     */
    @Test
    void aSingleBranchAndASingleKeptSetTakeNoDraw() {
        for (String spec : new String[] {"dream:alg=origin,steps=1", "dream:alg=maskgit_plus,steps=1",
            "llada:steps=1", "fast-dllm:threshold=1/2"}) {
            for (long seed = 1; seed <= 8; seed++) {
                SplitMix64 ref = new SplitMix64(seed);
                int[] expected = new int[5];
                for (int i = 0; i < expected.length; i++) {
                    expected[i] = (int) ref.nextBelow(2);
                }
                assertArrayEquals(expected, tokens(spec, seed, 5), spec + " seed " + seed);
            }
        }
    }

    /** Bounds below {@code 2^63} take {@code nextBelow}; larger ones the rejection rule of SPEC 5.4. */
    @Test
    void uniformBelowFollowsTheDocumentedRule() {
        BigInteger two = BigInteger.TWO;
        BigInteger b63 = two.pow(62).add(BigInteger.ONE); // bitLength 63: still nextBelow
        BigInteger b64 = two.pow(63).add(BigInteger.ONE); // bitLength 64: one 64-bit word, rejection
        BigInteger range = two.pow(64);
        BigInteger limit = range.subtract(range.mod(b64));
        for (long seed = 1; seed <= 20; seed++) {
            assertEquals(BigInteger.valueOf(new SplitMix64(seed).nextBelow(b63.longValueExact())),
                    ProcessSampler.uniformBelow(new SplitMix64(seed), b63));
            SplitMix64 ref = new SplitMix64(seed);
            BigInteger r;
            do {
                r = new BigInteger(Long.toUnsignedString(ref.nextLong()));
            } while (r.compareTo(limit) >= 0);
            assertEquals(r.mod(b64), ProcessSampler.uniformBelow(new SplitMix64(seed), b64));
            assertEquals(BigInteger.ZERO, ProcessSampler.uniformBelow(new SplitMix64(seed), BigInteger.ONE));
        }
        assertThrows(IllegalArgumentException.class, () -> ProcessSampler.uniformBelow(new SplitMix64(1),
                BigInteger.ZERO));
        assertThrows(IllegalArgumentException.class, () -> ProcessSampler.uniformBelow(new SplitMix64(1),
                BigInteger.ONE.negate()));
    }
}
