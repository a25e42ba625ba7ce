package org.dlmexact.theory;

/** The exact outcome of a check. */
public enum Verdict {
    HOLDS("holds"), EQUALITY("holds with equality"), FAILS("fails");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    //@ pure
    public String label() {
        return label;
    }

    /** Whether the asserted relation is true. */
    //@ ensures \result == (this != FAILS);
    //@ pure
    public boolean holds() {
        return this != FAILS;
    }
}
