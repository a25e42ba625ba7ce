package org.dlmexact.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dlmexact.law.Law;
import org.dlmexact.law.Laws;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.law.SplitMix64;
import org.dlmexact.info.InformationProfile;
import org.dlmexact.sampler.ProcessSampler;
import org.dlmexact.sampler.RandomOrder;
import org.dlmexact.sampler.IdealError;
import org.dlmexact.sampler.PredictiveRows;
import org.dlmexact.sampler.Predictor;
import org.dlmexact.sampler.Predictors;
import org.dlmexact.sampler.SamplerError;
import org.dlmexact.sampler.Schedule;
import org.dlmexact.theory.Audit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Wall-clock benchmark of the main computations (median of repeated runs in one JVM; the first
 * run of a case also pays for class loading and for the process-wide caches of certified
 * logarithms and factorisations). A measurement, never a test.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure wall times of the exact computations on the standard benchmark cases "
                + "(info, error, closed-form, sample, audit) and print a Markdown table.")
final class BenchCommand implements Callable<Integer>, Main.Streaming {

    @Option(names = "--task", paramLabel = "TASK", split = ",", defaultValue = "info,error,closed-form,sample,audit",
            description = "Which tasks to time, comma-separated (default ${DEFAULT-VALUE}).")
    List<String> tasks;

    @Option(names = "--repeat", defaultValue = "3", description = "Runs per case; the median is reported (default 3).")
    int repeat;

    @Spec
    /*@ nullable @*/ CommandSpec spec; // injected by picocli after construction

    private interface Case {
        void run();
    }

    /** The tasks, in the order they run. */
    static final List<String> TASKS = List.of("info", "error", "closed-form", "sample", "audit");

    @Override
    public Integer call() {
        if (repeat < 1 || repeat > 100) {
            throw new org.dlmexact.exact.InvalidInputException("option.repeat", "--repeat must be in 1..100, got " + repeat);
        }
        for (String task : tasks) {
            if (!TASKS.contains(task)) {
                throw new org.dlmexact.exact.InvalidInputException("option.task", "unknown --task "
                        + org.dlmexact.exact.Echo.quoted(task) + " (" + String.join(", ", TASKS) + ")");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("| task | case | median wall time (ms) | runs |");
        out.println("|---|---|---|---|");
        for (String task : tasks) {
            List<String> names = new ArrayList<>();
            List<Case> cases = new ArrayList<>();
            switch (task) {
                case "info":
                    for (String s : List.of("random:2,8,1", "random:2,10,1", "random:2,12,1", "random:2,14,1",
                            "random:2,16,1", "random:3,5,1",
                            "random:3,6,1", "random:3,7,1")) {
                        names.add(s);
                        cases.add(() -> info(s));
                    }
                    break;
                case "error":
                    for (String s : List.of("random:2,8,1", "random:3,6,1")) {
                        names.add(s + " balanced:3");
                        cases.add(() -> {
                            Law law = Laws.resolve(s);
                            SamplerError.compute(law, Schedule.balanced(law.length(), 3), Predictors.optimal(law))
                                    .pathAveragedKL();
                        });
                    }
                    break;
                case "closed-form":
                    names.add("random:2,12,1 balanced:3");
                    cases.add(() -> {
                        Law law = Laws.resolve("random:2,12,1");
                        IdealError.closedForm(InformationProfile.of(law), Schedule.balanced(12, 3)).toDecimal(20);
                    });
                    break;
                case "sample":
                    names.add("random:2,8,1 balanced:3, 100000 samples");
                    cases.add(() -> {
                        Law law = Laws.resolve("random:2,8,1");
                        MarginalLattice lattice = MarginalLattice.of(law);
                        Predictor p = Predictors.optimal(lattice);
                        ProcessSampler sampler = new ProcessSampler(new PredictiveRows(lattice, p),
                                RandomOrder.of(Schedule.balanced(8, 3)));
                        SplitMix64 rng = new SplitMix64(1);
                        for (int i = 0; i < 100_000; i++) {
                            sampler.sample(rng);
                        }
                    });
                    break;
                case "audit":
                    names.add("random:2,6,1, balanced schedules");
                    cases.add(() -> {
                        Law law = Laws.resolve("random:2,6,1");
                        List<Schedule> all = new ArrayList<>();
                        for (int t = 1; t <= 6; t++) {
                            all.add(Schedule.balanced(6, t));
                        }
                        Audit.run(law, all, Predictors.optimal(law), Audit.Options.defaults(), null);
                    });
                    break;
                default:
                    throw new IllegalStateException("task " + task + " was checked above");
            }
            for (int c = 0; c < cases.size(); c++) {
                long[] times = new long[repeat];
                for (int r = 0; r < repeat; r++) {
                    long t0 = System.nanoTime();
                    cases.get(c).run();
                    times[r] = System.nanoTime() - t0;
                }
                java.util.Arrays.sort(times);
                out.printf("| %s | %s | %d | %d |%n", task, names.get(c), times[repeat / 2] / 1_000_000, repeat);
                out.flush();
            }
        }
        return 0;
    }

    private static void info(String spec) {
        Law law = Laws.resolve(spec);
        InformationProfile info = InformationProfile.of(law);
        info.entropy().toDecimal(20);
        info.totalCorrelation().toDecimal(20);
        info.dualTotalCorrelation().toDecimal(20);
        for (int j = 1; j <= law.length(); j++) {
            info.z(j).toDecimal(20);
        }
    }
}
