package org.dlmexact.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.dlmexact.dist.Law;
import org.dlmexact.dist.Laws;
import org.dlmexact.info.InformationProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Wall-clock benchmark of the main computations. Each case runs in a fresh computation (caches
 * of certified logarithms and factorisations are process-wide, so the first case pays for them).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure wall times of the exact computations on the standard benchmark laws.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--law", paramLabel = "NAME:ARGS", split = " ",
            description = "Laws to time (default: random:2,L,1 for L = 8, 10, 12 and random:3,L,1 for L = 5, 6, 7).")
    List<String> laws = List.of("random:2,8,1", "random:2,10,1", "random:2,12,1",
            "random:3,5,1", "random:3,6,1", "random:3,7,1");

    @Option(names = "--repeat", defaultValue = "3", description = "Runs per case; the median is reported.")
    int repeat;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("| task | law | median wall time (ms) | runs |");
        out.println("|---|---|---|---|");
        for (String spec : laws) {
            long[] times = new long[Math.max(1, repeat)];
            for (int r = 0; r < times.length; r++) {
                long t0 = System.nanoTime();
                Law law = Laws.resolve(spec);
                InformationProfile info = InformationProfile.of(law);
                info.entropy().toDecimal(20);
                info.totalCorrelation().toDecimal(20);
                info.dualTotalCorrelation().toDecimal(20);
                for (int j = 1; j <= law.length(); j++) {
                    info.z(j).toDecimal(20);
                }
                times[r] = System.nanoTime() - t0;
            }
            java.util.Arrays.sort(times);
            out.printf("| info | %s | %d | %d |%n", spec, times[times.length / 2] / 1_000_000, times.length);
            out.flush();
        }
        return 0;
    }
}
