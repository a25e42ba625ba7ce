package org.dlmexact.cli;

import picocli.CommandLine.Option;

/** The options of the statistical validation commands (a picocli mixin): the level, an effect for the power, JSON. */
final class TestOptions {

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.001",
            description = "Significance level, 0 < A < 1 (default ${DEFAULT-VALUE}).")
    /*@ nullable @*/ String alpha; // set by picocli

    @Option(names = "--effect", paramLabel = "tv=D|kl=K",
            description = "Also print how many samples (runs, for trajectories) the test needs to detect a law at this "
                    + "distance with probability 0.9.")
    /*@ nullable @*/ String effect; // set by picocli

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    /** The level, checked. */
    double level() {
        return ValidateCommand.Samples.parseAlpha(alpha);
    }

    /** The effect, checked (null when not given). */
    /*@ nullable @*/ PowerOutput.Effect effect() {
        return PowerOutput.parse(effect);
    }
}
