package org.dlmexact.cli;

import org.dlmexact.sampler.Rule;
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
        String schedule;

        @Option(names = "--rule", required = true, paramLabel = "R",
                description = "An adaptive rule instead of a schedule: entropy-sum:THRESHOLD (masked positions by "
                        + "the entropy of the predicted marginal ascending, ties by lower position; the longest prefix "
                        + "with entropy sum <= THRESHOLD nats, at least one), top-probability:k1,k2,.. (the k_j "
                        + "positions with the largest maximum predicted probability, ties by lower position), "
                        + "low-confidence:k1,k2,.. (LLaDA remasking: draw every masked position, keep the k_j draws "
                        + "with the largest predicted probability, ties by lower position, re-mask the rest). "
                        + "The k_j sum to L (any schedule form but all).")
        String rule;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Choice choice = new Choice();

    @Option(names = "--convention", paramLabel = "reveal|forward", defaultValue = "reveal",
            description = "How explicit sizes (of --schedule or of a rule) are read: reveal order (default; first "
                    + "size = first reverse step) or Li-Cai forward time (k_j = s_{T+1-j}).")
    String convention;

    @Option(names = "--predictor", paramLabel = "P", defaultValue = "optimal",
            description = "optimal (default), smoothed:LAMBDA with rational LAMBDA in [0,1], or a "
                    + "dlm-exact/predictor@1 file.")
    String predictor;

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
}
