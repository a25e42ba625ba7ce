package org.dlmexact.theory;

/** The relation a check asserts between its left and right sides. */
public enum Relation {
    LE("<="), GE(">="), EQ("=");

    private final String symbol;

    Relation(String symbol) {
        this.symbol = symbol;
    }

    //@ pure
    public String symbol() {
        return symbol;
    }
}
