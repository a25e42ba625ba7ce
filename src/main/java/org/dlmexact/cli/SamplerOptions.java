package org.dlmexact.cli;

import org.dlmexact.law.Law;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.sampler.PredictiveRows;
import org.dlmexact.sampler.Predictor;
import org.dlmexact.sampler.Predictors;
import org.dlmexact.sampler.ProcessLaw;
import org.dlmexact.sampler.RandomOrder;
import org.dlmexact.sampler.Rule;
import org.dlmexact.sampler.Sampler;
import org.dlmexact.sampler.Samplers;
import org.dlmexact.sampler.Schedule;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The sampler options shared by commands (a picocli mixin): exactly one of {@code --schedule}
 * (the random-order sampler), {@code --rule} (an adaptive rule) and {@code --sampler} (any sampler
 * by name), plus {@code --convention} and {@code --predictor}.
 */
final class SamplerOptions {

    /** Exactly one of the three ways to choose the sampler. */
    static final class Choice {
        @Option(names = "--schedule", required = true, paramLabel = "S",
                description = "Random-order sampler with sizes such as 2,1,1, or balanced:T (first L mod T reveal "
                        + "steps get ceil(L/T)), ones, one-shot; error also takes all (every composition, L <= "
                        + Schedule.MAX_ALL_LENGTH + "; --json then prints an array with one result per schedule).")
        /*@ nullable @*/ String schedule; // set by picocli; null when another choice is given

        @Option(names = "--rule", required = true, paramLabel = "R",
                description = "An adaptive rule instead of a schedule: entropy-sum:THRESHOLD (masked positions by "
                        + "the entropy of the predicted marginal ascending, ties by lower position; the longest prefix "
                        + "with entropy sum <= THRESHOLD nats, at least one), top-probability:k1,k2,.. (the k_j "
                        + "positions with the largest maximum predicted probability, ties by lower position), "
                        + "low-confidence:k1,k2,.. (LLaDA remasking: draw every masked position, keep the k_j draws "
                        + "with the largest predicted probability, ties by lower position, re-mask the rest). "
                        + "The k_j sum to L (any schedule form but all).")
        /*@ nullable @*/ String rule; // set by picocli; null when another choice is given

        @Option(names = "--sampler", required = true, paramLabel = "NAME:ARGS",
                description = "Any sampler by name (SPEC.md section 7): " + Samplers.NAMES + "; "
                        + "random-order:SIZES is --schedule SIZES, the three rule names are --rule. "
                        + "Keys KEY=VALUE follow positional arguments, e.g. top-probability:2,2,ties=highest.")
        /*@ nullable @*/ String sampler; // set by picocli; null when another choice is given
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Choice choice = new Choice();

    @Option(names = "--convention", paramLabel = "reveal|forward", defaultValue = "reveal",
            description = "How explicit sizes (of --schedule or of a rule) are read: reveal order (default; first "
                    + "size = first reverse step) or Li-Cai forward time (k_j = s_{T+1-j}).")
    /*@ nullable @*/ String convention; // set by picocli

    @Option(names = "--predictor", paramLabel = "P", defaultValue = "optimal",
            description = "optimal (default), smoothed:LAMBDA with rational LAMBDA in [0,1], or a "
                    + "dlm-exact/predictor@1 file.")
    /*@ nullable @*/ String predictor; // set by picocli

    Schedule.Convention convention() {
        return Schedule.Convention.parse(convention);
    }

    /** Whether the choice is {@code --schedule} (which alone accepts {@code all}). */
    boolean hasSchedule() {
        return choice != null && choice.schedule != null;
    }

    /** The {@code --schedule} text (only when {@link #hasSchedule()}). */
    String schedule() {
        return choice.schedule;
    }

    /** The configured sampler for sequences of length {@code length} ({@code --schedule all} excluded). */
    Sampler sampler(int length) {
        if (hasSchedule()) {
            return RandomOrder.of(Schedule.parse(choice.schedule, length, convention()));
        }
        if (choice.rule != null) {
            return Rule.parse(choice.rule, length, convention());
        }
        return Samplers.parse(choice.sampler, length, convention());
    }

    /**
     * The exact law {@code nu} of the configured sampler's output for data law {@code law}.
     * Refused up front when too large.
     */
    ProcessLaw processLaw(Law law) {
        Sampler s = sampler(law.length());
        s.checkSize(law.alphabetSize());
        MarginalLattice lattice = MarginalLattice.of(law);
        Predictor p = Predictors.parse(predictor, lattice);
        return ProcessLaw.compute(new PredictiveRows(lattice, p), s);
    }

    /** A one-line description of the configured sampler. */
    String describe(Law law) {
        Sampler s = sampler(law.length());
        String what = s instanceof RandomOrder ? "schedule " + ((RandomOrder) s).schedule() + " (reveal order)"
                : s instanceof Rule ? "rule " + s.spec() : "sampler " + s.spec();
        return what + ", predictor " + predictor.strip();
    }
}
