package org.dlmexact.sampler;

import java.util.Objects;
import org.dlmexact.exact.InvalidInputException;

/**
 * The parser of a {@code --sampler NAME:ARGS} argument: every sampler the engine knows, by name.
 * The names and keys are the interface users' scripts depend on (SPEC.md section 7).
 */
public final class Samplers {

    private Samplers() {
    }

    /** The sampler names, in the order the help lists them. */
    public static final String NAMES = "random-order, entropy-sum, top-probability, low-confidence";

    /**
     * The sampler {@code text} for sequences of length {@code length}; explicit sizes are read in
     * {@code convention}.
     *
     * @throws InvalidInputException {@code sampler.unknown} for an unknown name, {@code sampler.syntax},
     *     {@code sampler.missing-key}, {@code sampler.unknown-key}, {@code sampler.value}, or the
     *     {@code schedule.*} and {@code rule.*} codes of the sizes and thresholds
     */
    /*@ public behavior
      @   requires text != null && convention != null && length >= 1;
      @   ensures \result.length() == length;
      @   signals_only InvalidInputException;
      @ pure @*/
    public static Sampler parse(String text, int length, Schedule.Convention convention) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(convention, "convention");
        SpecText spec = SpecText.parse(text);
        switch (spec.name()) {
            case "random-order": {
                spec.finish();
                if (spec.positional().equals("all")) {
                    throw new InvalidInputException("schedule.syntax", "--sampler '" + text
                            + "': a sampler takes one schedule, not 'all' (use --schedule all)");
                }
                try {
                    return RandomOrder.of(Schedule.parse(spec.positional(), length, convention));
                } catch (InvalidInputException e) {
                    throw new InvalidInputException(e.code(), "--sampler '" + text + "': " + e.getMessage());
                }
            }
            case "entropy-sum":
            case "top-probability":
            case "low-confidence":
                return Rule.parse("--sampler", text, length, convention);
            default:
                throw new InvalidInputException("sampler.unknown", "--sampler '" + text + "': unknown sampler '"
                        + spec.name() + "'; expected one of " + NAMES);
        }
    }
}
