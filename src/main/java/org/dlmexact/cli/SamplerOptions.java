package org.dlmexact.cli;

import org.dlmexact.law.Law;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.sampler.OutputLaws;
import org.dlmexact.sampler.PredictiveRows;
import org.dlmexact.sampler.Predictor;
import org.dlmexact.sampler.Predictors;
import org.dlmexact.sampler.Rule;
import org.dlmexact.sampler.RuleLaw;
import org.dlmexact.sampler.SamplerError;
import org.dlmexact.sampler.Schedule;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The sampler options shared by commands (a picocli mixin): exactly one of {@code --schedule}
 * (the random-order sampler) and {@code --rule} (an adaptive rule), plus {@code --convention} and
 * {@code --predictor}.
 */
final class SamplerOptions {

    /** Exactly one of the two ways to choose what each round reveals. */
    static final class Choice {
        @Option(names = "--schedule", required = true, paramLabel = "S",
                description = "Random-order sampler with sizes such as 2,1,1, or balanced:T (first L mod T reveal "
                        + "steps get ceil(L/T)), ones, one-shot; error also takes all (every composition, L <= "
                        + Schedule.MAX_ALL_LENGTH + "; --json then prints an array with one result per schedule).")
        /*@ nullable @*/ String schedule; // set by picocli; null when --rule is given

        @Option(names = "--rule", required = true, paramLabel = "R",
                description = "An adaptive rule instead of a schedule: entropy-sum:THRESHOLD (masked positions by "
                        + "the entropy of the predicted marginal ascending, ties by lower position; the longest prefix "
                        + "with entropy sum <= THRESHOLD nats, at least one), top-probability:k1,k2,.. (the k_j "
                        + "positions with the largest maximum predicted probability, ties by lower position), "
                        + "low-confidence:k1,k2,.. (LLaDA remasking: draw every masked position, keep the k_j draws "
                        + "with the largest predicted probability, ties by lower position, re-mask the rest). "
                        + "The k_j sum to L (any schedule form but all).")
        /*@ nullable @*/ String rule; // set by picocli; null when --schedule is given
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

    boolean hasRule() {
        return choice != null && choice.rule != null;
    }

    String schedule() {
        return choice.schedule;
    }

    Schedule.Convention convention() {
        return Schedule.Convention.parse(convention);
    }

    Rule rule(int length) {
        return Rule.parse(choice.rule, length, convention());
    }

    /** The schedule for {@code law} (only when no rule is given). */
    Schedule schedule(Law law) {
        return Schedule.parse(choice.schedule, law.length(), convention());
    }

    /**
     * The exact law {@code nu} of the configured sampler's output for data law {@code law}: the
     * random-order sampler's for a schedule, the rule's for a rule. Refused up front when too large.
     */
    Law outputLaw(Law law) {
        MarginalLattice lattice = MarginalLattice.of(law);
        Predictor p = Predictors.parse(predictor, lattice);
        if (hasRule()) {
            Rule r = rule(law.length());
            RuleLaw.checkSize(law.alphabetSize(), law.length(), r);
            return RuleLaw.compute(new PredictiveRows(lattice, p), r).law();
        }
        Schedule s = schedule(law);
        try {
            SamplerError.checkSize(law.alphabetSize(), s);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.code(), "too large: the exact output law for alphabet size "
                    + law.alphabetSize() + ", length " + law.length() + " and schedule " + s + " needs about "
                    + OutputLaws.work(law.alphabetSize(), s) + " exact terms; the limit is " + SamplerError.MAX_WORK);
        }
        return OutputLaws.sampler(new PredictiveRows(lattice, p), s).law();
    }

    /** A one-line description of the configured sampler. */
    String describe(Law law) {
        return (hasRule() ? "rule " + rule(law.length()) : "schedule " + schedule(law) + " (reveal order)")
                + ", predictor " + predictor.strip();
    }
}
