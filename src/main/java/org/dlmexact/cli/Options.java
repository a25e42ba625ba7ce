package org.dlmexact.cli;

import org.dlmexact.exact.InvalidInputException;

/** Checks of option values shared by commands. */
final class Options {

    static final int MAX_DIGITS = 1000;

    private Options() {
    }

    static void checkDigits(int digits) {
        if (digits < 0 || digits > MAX_DIGITS) {
            throw new InvalidInputException("option.digits", "--digits must be between 0 and " + MAX_DIGITS
                    + ", got " + digits);
        }
    }
}
