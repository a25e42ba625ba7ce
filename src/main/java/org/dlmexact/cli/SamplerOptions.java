package org.dlmexact.cli;

import org.dlmexact.dist.Law;
import org.dlmexact.dist.MarginalLattice;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.sampler.OutputLaws;
import org.dlmexact.sampler.PredictiveRows;
import org.dlmexact.sampler.Predictor;
import org.dlmexact.sampler.Predictors;
import org.dlmexact.sampler.SamplerError;
import org.dlmexact.sampler.Schedule;
import picocli.CommandLine.Option;

/**
 * The options that choose a sampler: {@code --schedule}, {@code --convention}, {@code --predictor}.
 * Everything that needs the sampler goes through {@link #outputLaw} and {@link #describe}, so that a
 * further way to choose the sampler (an adaptive {@code --rule R}) is one more option here and one
 * more branch in those two methods.
 */
final class SamplerOptions {

    @Option(names = "--schedule", paramLabel = "S",
            description = "Sizes such as 2,1,1 (reveal order unless --convention forward), or balanced:T, ones, "
                    + "one-shot.")
    String schedule;

    @Option(names = "--convention", paramLabel = "reveal|forward", defaultValue = "reveal",
            description = "How explicit sizes are read (default reveal order).")
    String convention;

    @Option(names = "--predictor", paramLabel = "P", defaultValue = "optimal",
            description = "optimal (default), smoothed:LAMBDA, or a dlm-exact/predictor@1 file.")
    String predictor;

    /** The schedule for {@code law}; {@code option.schedule} when it is missing. */
    Schedule schedule(Law law) {
        if (schedule == null) {
            throw new InvalidInputException("option.schedule", "--schedule is required (sizes such as 2,1,1, or "
                    + "balanced:T, ones, one-shot)");
        }
        return Schedule.parse(schedule, law.length(), Schedule.Convention.parse(convention));
    }

    /** The exact law {@code nu} of the configured sampler's output for data law {@code law}. */
    Law outputLaw(Law law) {
        Schedule s = schedule(law);
        try {
            SamplerError.checkSize(law.alphabetSize(), s);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.code(), "too large: the exact output law for alphabet size "
                    + law.alphabetSize() + ", length " + law.length() + " and schedule " + s + " needs about "
                    + OutputLaws.work(law.alphabetSize(), s) + " exact terms; the limit is " + SamplerError.MAX_WORK);
        }
        MarginalLattice lattice = MarginalLattice.of(law);
        Predictor p = Predictors.parse(predictor, lattice);
        return OutputLaws.sampler(new PredictiveRows(lattice, p), s).law();
    }

    /** A one-line description of the configured sampler. */
    String describe(Law law) {
        Schedule s = schedule(law);
        return "schedule " + s + " (reveal order), predictor " + predictor.strip();
    }
}
