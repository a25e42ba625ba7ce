package org.dlmexact.validate;

import java.util.List;
import java.util.Locale;

/**
 * A measurement, not a test: how often {@code validate samples} and {@code validate trajectories}
 * reject runs of our own exact sampler (a false rejection) at level {@code alpha = 0.01}, over 200
 * seeds, for a few laws and samplers. Prints a Markdown table. Run with
 * {@code java -cp target/classes:target/test-classes:<dependencies> org.dlmexact.validate.FalseRejectionRate [RUNS SEEDS]}
 * (defaults 2000 runs, 200 seeds).
 */
public final class FalseRejectionRate {

    private FalseRejectionRate() {
    }

    static final List<String[]> CASES = List.of(
            new String[] {"pairs:4", "random-order:2,2"},
            new String[] {"random:2,4,7", "random-order:2,1,1"},
            new String[] {"markov:4:3/4,1/4;1/3,2/3", "top-probability:2,2"},
            new String[] {"random:3,3,2", "low-confidence:1,2"},
            new String[] {"random:2,4,7", "mdlm:steps=3"},
            new String[] {"random:2,4,7", "dream:alg=entropy,steps=3"},
            new String[] {"random:2,4,7", "fast-dllm:threshold=1/2"},
            new String[] {"random:2,4,7", "remdm:mode=cap,eta=1/2,steps=3"},
            new String[] {"random:2,5,3", "llada:steps=5"});

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        double alpha = 0.01;
        System.out.println("false rejections of our exact sampler at level " + alpha + ", " + runs + " runs per seed, "
                + seeds + " seeds (expected about " + Math.round(alpha * seeds) + ")");
        System.out.println();
        System.out.println("| law | sampler | validate samples | validate trajectories |");
        System.out.println("|---|---|---|---|");
        for (String[] c : CASES) {
            Measure m = new Measure(c[0], c[1], null);
            int s = 0;
            int t = 0;
            for (long seed = 1; seed <= seeds; seed++) {
                boolean[] r = m.rejects(runs, seed, alpha);
                s += r[0] ? 1 : 0;
                t += r[1] ? 1 : 0;
            }
            System.out.println(String.format(Locale.ROOT, "| `%s` | `%s` | %d/%d | %d/%d |", c[0], c[1], s, seeds, t,
                    seeds));
        }
    }
}
