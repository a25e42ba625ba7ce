package org.dlmexact.validate;

import java.util.List;
import java.util.Locale;
import org.dlmexact.sampler.Mutant;

/**
 * A measurement, not a test: for each mutant, on two laws, the smallest number of runs {@code n} (from
 * a grid) at which {@code validate samples} and {@code validate trajectories} reject the mutant's runs
 * in at least 19 of 20 seeds, at the commands' default level 0.001. Both tests see the same runs (the
 * samples are the runs' last states; a sample with a masked position, which only {@code mdlm-no-final}
 * leaves, is refused by {@code validate samples} and counts as a rejection). Prints a Markdown table.
 * Run with
 * {@code java -cp target/classes:target/test-classes:<dependencies> org.dlmexact.validate.MutantPower [MAX_N]}.
 */
public final class MutantPower {

    private MutantPower() {
    }

    /** The laws: one without ties or values at a threshold, one with many. */
    static final List<String> LAWS = List.of("random:2,4,7", "pairs:4");

    /** The sampler each mutant is applied to. */
    static String sampler(Mutant m) {
        switch (m) {
            case REVERSED_SCHEDULE:
                return "random-order:3,1";
            case ENTROPY_REVERSED:
                return "dream:alg=entropy,steps=3";
            case STRICT_THRESHOLD:
                return "fast-dllm:threshold=1/2";
            case TIES_HIGHEST:
                return "top-probability:1,3";
            case DREAM_ROUND:
                return "dream:alg=entropy,steps=2";
            case MDLM_NO_FINAL:
                return "mdlm:steps=3";
            default:
                return "random-order:2,2";
        }
    }

    static final int[] GRID = {10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000};

    public static void main(String[] args) {
        int max = args.length > 0 ? Integer.parseInt(args[0]) : GRID[GRID.length - 1];
        int seeds = 20;
        double alpha = 0.001;
        System.out.println("smallest n (runs) with at least 19 of 20 seeds rejected at level " + alpha
                + "; grid " + java.util.Arrays.toString(GRID) + " up to " + max);
        for (String law : LAWS) {
            System.out.println();
            System.out.println("Law `" + law + "`:");
            System.out.println();
            System.out.println("| mutant | sampler | validate samples | validate trajectories |");
            System.out.println("|---|---|---|---|");
            for (Mutant m : Mutant.values()) {
                Measure meas = new Measure(law, sampler(m), m::apply);
                int[] found = {-1, -1};
                for (int n : GRID) {
                    if (n > max || (found[0] > 0 && found[1] > 0)) {
                        break;
                    }
                    int[] rejected = new int[2];
                    for (long seed = 1; seed <= seeds; seed++) {
                        boolean[] r = meas.rejects(n, 1000L * n + seed, alpha);
                        rejected[0] += r[0] ? 1 : 0;
                        rejected[1] += r[1] ? 1 : 0;
                    }
                    for (int k = 0; k < 2; k++) {
                        if (found[k] < 0 && rejected[k] >= 19) {
                            found[k] = n;
                        }
                    }
                }
                System.out.println(String.format(Locale.ROOT, "| %s | `%s` | %s | %s |", m.id(), sampler(m),
                        found[0] < 0 ? "> " + max : Integer.toString(found[0]),
                        found[1] < 0 ? "> " + max : Integer.toString(found[1])));
                System.out.flush();
            }
        }
    }
}
