package org.dlmexact.sampler;

import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.validate.SampleValidator;

/**
 * A measurement, not a test: for each pair of {@link ProfileSamplingTest#PAIRS} and of the subtler
 * {@link #SUBTLE} pairs (exact laws closer together; not asserted by any test), the fraction of
 * seeds whose exact samples of the profile are rejected at level 0.001 against the neighbouring
 * profile's exact law (power) and against the profile's own law (false rejections), for n = 1,000 and
 * n = 20,000. Run with {@code java -cp target/classes:target/test-classes:<dependencies>
 * org.dlmexact.sampler.ProfilePower [SEEDS]}; prints a Markdown table.
 */
public final class ProfilePower {

    private ProfilePower() {
    }

    /** Neighbours whose exact laws are close (KL between 0.002 and 0.04 nats). */
    static final java.util.List<ProfileSamplingTest.Pair> SUBTLE = java.util.List.of(
            new ProfileSamplingTest.Pair("random:2,4,1", "remdm:mode=cap,eta=1,steps=2,eps=1/2", "mdlm:steps=2,eps=1/2"),
            new ProfileSamplingTest.Pair("markov:4:9/10,1/10;1/10,9/10", "remdm:mode=cap,eta=1,steps=3,eps=1/2",
                    "mdlm:steps=3,eps=1/2"),
            new ProfileSamplingTest.Pair("random:3,3,1", "dream:alg=topk_margin,steps=2", "dream:alg=entropy,steps=2"),
            new ProfileSamplingTest.Pair("random:2,4,1", "eb:gamma=1/2", "eb:gamma=2"),
            new ProfileSamplingTest.Pair("random:2,4,1", "eb:gamma=0", "eb:gamma=1"),
            new ProfileSamplingTest.Pair("random:2,4,1", "dream:alg=origin,steps=2,temperature=1/2", "dream:alg=origin,steps=2"),
            new ProfileSamplingTest.Pair("random:2,4,2", "llada:steps=2,remasking=random,temperature=1/2",
                    "llada:steps=2,remasking=random"),
            new ProfileSamplingTest.Pair("random:2,4,1", "fast-dllm:threshold=3/4,temperature=1/2", "fast-dllm:threshold=3/4"));

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int[] sizes = {1_000, 20_000};
        System.out.println("| law | sampler | neighbour | rejected, n = 1000 | own law rejected | rejected, n = 20000"
                + " | own law rejected |");
        System.out.println("|---|---|---|---|---|---|---|");
        java.util.List<ProfileSamplingTest.Pair> all = new java.util.ArrayList<>(ProfileSamplingTest.PAIRS);
        all.addAll(SUBTLE);
        for (ProfileSamplingTest.Pair p : all) {
            Law law = Families.parse(p.law());
            Law own = ProfileSamplingTest.exact(law, p.sampler());
            Law other = ProfileSamplingTest.exact(law, p.neighbour());
            StringBuilder row = new StringBuilder("| `" + p.law() + "` | `" + p.sampler() + "` | `" + p.neighbour() + "` |");
            for (int n : sizes) {
                int power = 0;
                int wrong = 0;
                for (int seed = 1; seed <= seeds; seed++) {
                    long[] c = ProfileSamplingTest.counts(law, p.sampler(), 7_000_000L + 1000L * n + seed, n);
                    power += SampleValidator.test(other, c, ProfileSamplingTest.ALPHA).consistent() ? 0 : 1;
                    wrong += SampleValidator.test(own, c, ProfileSamplingTest.ALPHA).consistent() ? 0 : 1;
                }
                row.append(' ').append(power).append('/').append(seeds).append(" | ").append(wrong).append('/')
                        .append(seeds).append(" |");
            }
            System.out.println(row);
        }
    }
}
