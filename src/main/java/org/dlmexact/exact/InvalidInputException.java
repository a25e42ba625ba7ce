package org.dlmexact.exact;

import java.util.Objects;

/**
 * Bad user input: a law, schedule, predictor, number or file that cannot be accepted. Carries a
 * stable error code (e.g. {@code law.sum-not-one}) so that test vectors can name the error an
 * implementation must produce, and a message naming the field, position and value. The message is
 * always one line of at most {@value Echo#MAX_MESSAGE} characters: control characters are escaped
 * and a longer text is cut ({@link Echo#line}); values are echoed through {@link Echo} where the
 * message is made.
 */
public class InvalidInputException extends IllegalArgumentException {

    private final String code;

    /*@ public normal_behavior
      @   requires code != null && message != null;
      @   ensures code().equals(code) && getMessage().equals(Echo.line(message));
      @*/
    public InvalidInputException(String code, String message) {
        super(Echo.line(Objects.requireNonNull(message, "message")));
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The stable error code, {@code <area>.<problem>}. */
    //@ pure
    public String code() {
        return code;
    }
}
