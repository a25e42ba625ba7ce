package org.dlmexact.validate;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.law.SplitMix64;
import org.dlmexact.sampler.PredictiveRows;
import org.dlmexact.sampler.Predictors;
import org.dlmexact.sampler.ProcessLaw;
import org.dlmexact.sampler.ProcessSampler;
import org.dlmexact.sampler.Sampler;
import org.dlmexact.sampler.Samplers;
import org.dlmexact.sampler.Schedule;

/**
 * What the measurement classes {@link FalseRejectionRate} and {@link MutantPower} share: one
 * configuration (law, the sampler validated against, the sampler drawn from), and the verdicts of
 * {@code validate samples} and {@code validate trajectories} on the same {@code n} runs of one seed.
 */
final class Measure {

    final Law law;
    final PredictiveRows rows;
    final Sampler right;
    final ProcessSampler drawn;
    final Law nu;

    Measure(String lawSpec, String samplerSpec, /*@ nullable @*/ java.util.function.UnaryOperator<Sampler> wrong) {
        this.law = Families.parse(lawSpec);
        MarginalLattice lat = MarginalLattice.of(law);
        this.rows = new PredictiveRows(lat, Predictors.optimal(lat));
        this.right = Samplers.parse(samplerSpec, law.length(), Schedule.Convention.REVEAL);
        this.drawn = new ProcessSampler(rows, wrong == null ? right : wrong.apply(right));
        this.nu = ProcessLaw.compute(rows, right).law();
    }

    /** Whether {@code validate samples} and {@code validate trajectories} reject {@code n} runs of {@code seed}. */
    boolean[] rejects(int n, long seed, double alpha) {
        SplitMix64 rng = new SplitMix64(seed);
        long[] counts = new long[law.space().size()];
        boolean malformed = false;
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < n; c++) {
            List<int[]> run = drawn.trajectory(rng);
            int[] x = run.get(run.size() - 1);
            boolean masked = false;
            for (int t : x) {
                masked |= t < 0;
            }
            if (masked) {
                malformed = true; // validate samples refuses a -1 token: the harness notices
            } else {
                counts[law.space().index(x)]++;
            }
            text.append(TrajectoryValidatorTest.line(run)).append('\n');
        }
        boolean samples = malformed || !SampleValidator.test(nu, counts, alpha).consistent();
        boolean trajectories;
        try {
            trajectories = !TrajectoryValidator.validate(new StringReader(text.toString()), "runs", rows, right, alpha)
                    .consistent();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return new boolean[] {samples, trajectories};
    }
}
