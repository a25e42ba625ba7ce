package org.dlmexact.sampler;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.List;
import java.util.stream.Stream;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.law.SplitMix64;
import org.dlmexact.validate.SampleValidator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Seeded exact samples ({@link ProcessSampler}) of every profile pass {@link SampleValidator#test}
 * against the profile's own exact law at level 0.001, and are rejected against a neighbouring
 * profile (another final step, confidence, remasking, threshold, gamma, grid, filter, tie-break, or
 * remasking against none) on a law where the two laws differ enough for {@value #N} samples. One fixed
 * seed per pair, in the test name (deterministic). {@link ProfilePower} measures how often either
 * verdict happens over many seeds.
 */
class ProfileSamplingTest {

    /** Samples per test. */
    static final int N = 3000;
    /** Level of the tests. */
    static final double ALPHA = 0.001;

    /** A law, a profile and a neighbouring profile whose exact law differs on that law. */
    record Pair(String law, String sampler, String neighbour) {
    }

    static final List<Pair> PAIRS = List.of(
            new Pair("markov:3:3/4,1/4;1/3,2/3", "mdlm:steps=1,eps=1/2", "mdlm:steps=1,eps=1/2,final=sample"),
            new Pair("random:2,4,1", "mdlm:steps=3,eps=1/2,cache=false", "mdlm:steps=3,eps=1/1000"),
            new Pair("random:2,4,1", "bernoulli:alphas=0;1/2;1", "bernoulli:alphas=0;1/2;3/4"),
            new Pair("random:3,3,1", "dream:alg=origin,steps=3,top_k=2", "dream:alg=origin,steps=3"),
            new Pair("random:2,4,1", "dream:alg=entropy,steps=2", "dream:alg=maskgit_plus,steps=2"),
            new Pair("random:3,3,1", "dream:alg=maskgit_plus,steps=2,temperature=1/2", "dream:alg=maskgit_plus,steps=2"),
            new Pair("random:3,3,1", "dream:alg=topk_margin,steps=2,temperature=0", "dream:alg=topk_margin,steps=2"),
            new Pair("markov:4:3/4,1/4;1/4,3/4", "dream:alg=topk_margin,steps=2,ties=uniform",
                    "dream:alg=topk_margin,steps=2"),
            new Pair("random:2,4,1", "llada:steps=2,remasking=random", "llada:steps=2"),
            new Pair("random:2,4,1", "llada:steps=4,block=2", "llada:steps=4"),
            new Pair("markov:4:3/4,1/4;1/4,3/4", "fast-dllm:threshold=1/2", "fast-dllm:threshold=3/4"),
            new Pair("random:2,4,1", "fast-dllm:factor=1", "fast-dllm:factor=2"),
            new Pair("markov:4:9/10,1/10;1/10,9/10", "eb:gamma=0", "eb:gamma=1"),
            new Pair("code:2:1,1,0;0,0,1", "eb:gamma=1,ties=uniform", "eb:gamma=1"),
            new Pair("random:2,4,1", "eb:gamma=1/2,temperature=0", "eb:gamma=1/2"),
            new Pair("pairs:4", "remdm:mode=cap,eta=1,steps=3,eps=1/2", "mdlm:steps=3,eps=1/2"),
            new Pair("repetition:3,3", "remdm:mode=rescale,eta=1,steps=3,eps=1/2", "mdlm:steps=3,eps=1/2"),
            new Pair("random:2,4,1", "remdm:mode=cap,eta=1,steps=2,eps=0,top_p=3/5", "remdm:mode=cap,eta=1,steps=2,eps=0"));

    /** The rows of the optimal predictor of {@code law}. */
    static PredictiveRows rows(Law law) {
        MarginalLattice lat = MarginalLattice.of(law);
        return new PredictiveRows(lat, Predictors.optimal(lat));
    }

    static Sampler sampler(Law law, String spec) {
        return Samplers.parse(spec, law.length(), Schedule.Convention.REVEAL);
    }

    /** The counts of {@code n} seeded samples of {@code spec} on {@code law}, by outcome index. */
    static long[] counts(Law law, String spec, long seed, int n) {
        ProcessSampler ps = new ProcessSampler(rows(law), sampler(law, spec));
        SplitMix64 rng = new SplitMix64(seed);
        long[] c = new long[law.space().size()];
        for (int i = 0; i < n; i++) {
            c[law.space().index(ps.sample(rng))]++;
        }
        return c;
    }

    static Law exact(Law law, String spec) {
        return ProcessLaw.compute(rows(law), sampler(law, spec)).law();
    }

    @TestFactory
    Stream<DynamicTest> samplesPassTheirOwnLawAndFailTheNeighbours() {
        return PAIRS.stream().map(p -> {
            long seed = 1000 + PAIRS.indexOf(p);
            return dynamicTest(p.sampler() + " on " + p.law() + " (seed " + seed + ", n " + N + ") vs " + p.neighbour(),
                    () -> {
                        Law law = Families.parse(p.law());
                        long[] c = counts(law, p.sampler(), seed, N);
                        SampleValidator.Result own = SampleValidator.test(exact(law, p.sampler()), c, ALPHA);
                        assertTrue(own.consistent(), "own law rejected, p = " + own.pValue());
                        SampleValidator.Result other = SampleValidator.test(exact(law, p.neighbour()), c, ALPHA);
                        assertFalse(other.consistent(), "neighbour not rejected, p = " + other.pValue());
                    });
        });
    }
}
