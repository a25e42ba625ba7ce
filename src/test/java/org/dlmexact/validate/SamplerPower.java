package org.dlmexact.validate;

import org.dlmexact.sampler.RandomOrder;
import org.dlmexact.sampler.ProcessLaw;
import java.util.Locale;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.sampler.PredictiveRows;
import org.dlmexact.sampler.Predictors;
import org.dlmexact.sampler.Schedule;

/**
 * A measurement, not a test: the fraction of seeds for which {@code validate samples} rejects each
 * buggy sampler (and the correct one) at level 0.001, for a few sample sizes. Run with
 * {@code java -cp target/classes:target/test-classes:<deps> org.dlmexact.validate.SamplerPower [LAW SCHEDULE SEEDS]};
 * prints a Markdown table.
 */
public final class SamplerPower {

    private SamplerPower() {
    }

    public static void main(String[] args) {
        String lawSpec = args.length > 0 ? args[0] : SampleValidatorTest.LAW;
        String sched = args.length > 1 ? args[1] : SampleValidatorTest.SCHEDULE;
        int seeds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        long[] sizes = {100, 300, 1_000, 2_000, 20_000};
        Law law = Families.parse(lawSpec);
        Schedule s = Schedule.parse(sched, law.length(), Schedule.Convention.REVEAL);
        PredictiveRows rows = new PredictiveRows(MarginalLattice.of(law), Predictors.optimal(law));
        Law nu = ProcessLaw.compute(rows, RandomOrder.of(s)).law();
        System.out.println("law " + lawSpec + ", schedule " + sched + ", alpha 0.001, " + seeds + " seeds per cell");
        System.out.println();
        System.out.print("| sampler |");
        for (long n : sizes) {
            System.out.print(" rejected, n = " + n + " |");
        }
        System.out.println();
        System.out.print("|---|");
        for (int i = 0; i < sizes.length; i++) {
            System.out.print("---|");
        }
        System.out.println();
        for (BuggySamplers.Bug bug : BuggySamplers.Bug.values()) {
            BuggySamplers sampler = new BuggySamplers(rows, s, bug);
            System.out.print("| " + bug.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " |");
            for (long n : sizes) {
                int rejected = 0;
                for (int seed = 1; seed <= seeds; seed++) {
                    if (!SampleValidator.test(nu, sampler.counts(n, 1000L * n + seed), 0.001).consistent()) {
                        rejected++;
                    }
                }
                System.out.print(" " + rejected + "/" + seeds + " |");
            }
            System.out.println();
        }
    }
}
