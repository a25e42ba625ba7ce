package org.dlmexact.theory;

/** How sure we are that a checked statement is the paper's (theory.md confidence marks). */
public enum Confidence {
    /** Stated in the named paper. */
    PAPER("paper"),
    /** Follows from the paper's statements by an argument in proofs-notes/. */
    DERIVED("derived"),
    /** The paper's exact form could not be recovered; the check rests on a stated assumption. */
    RECONSTRUCTED("reconstructed");

    private final String label;

    Confidence(String label) {
        this.label = label;
    }

    //@ pure
    public String label() {
        return label;
    }
}
