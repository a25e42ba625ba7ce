package org.dlmexact.cli;

import org.dlmexact.exact.InvalidInputException;

/** Checks of option values shared by commands. */
final class Options {

    static final int MAX_DIGITS = 1000;

    private Options() {
    }

    /** Largest number of atoms of one symbolic value whose exact text {@code --exact} builds. */
    static final int MAX_EXACT_ATOMS = 800;

    /**
     * Refuses {@code --exact} up front when a value's exact text would need a coprime base of more
     * than {@link #MAX_EXACT_ATOMS} long integers (about {@code N^2/2} gcds).
     */
    static void checkExact(java.util.List<org.dlmexact.exact.ExactReal> values) {
        for (org.dlmexact.exact.ExactReal x : values) {
            int n = x.isSymbolic() ? x.symbolicAtomCount() : 0;
            if (n > MAX_EXACT_ATOMS) {
                throw new InvalidInputException("option.exact", "too large to compute: --exact needs the exact text of a"
                        + " value whose symbolic form has " + n + " atoms (its coprime base costs about " + n + "^2/2"
                        + " gcds of long integers); the limit is " + MAX_EXACT_ATOMS + " atoms");
            }
        }
    }

    static void checkDigits(int digits) {
        if (digits < 0 || digits > MAX_DIGITS) {
            throw new InvalidInputException("option.digits", "--digits must be between 0 and " + MAX_DIGITS
                    + ", got " + digits);
        }
    }
}
