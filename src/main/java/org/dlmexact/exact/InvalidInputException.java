package org.dlmexact.exact;

import java.util.Objects;

/**
 * Bad user input: a law, schedule, predictor, number or file that cannot be accepted. Carries a
 * stable error code (e.g. {@code law.sum-not-one}) so that test vectors can name the error an
 * implementation must produce, and a message naming the field, position and value.
 */
public class InvalidInputException extends IllegalArgumentException {

    private final String code;

    /*@ public normal_behavior
      @   requires code != null && message != null;
      @   ensures code().equals(code);
      @*/
    public InvalidInputException(String code, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The stable error code, {@code <area>.<problem>}. */
    //@ pure
    public String code() {
        return code;
    }
}
