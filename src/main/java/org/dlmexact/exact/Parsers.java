package org.dlmexact.exact;

import java.util.Objects;

/**
 * The validity predicates of the parsers' contracts. A parser's contract has a normal case that
 * requires {@code isValid...(input)} and an exceptional case that requires its negation, so the
 * two cases exclude each other; where the accepted language is not a cheap JML expression, the
 * predicate runs the parser's own code through {@link #accepts} (one grammar, no copy to drift
 * from it). The tests hold each predicate against the valid and invalid inputs of SPEC.md.
 */
public final class Parsers {

    private Parsers() {
    }

    /**
     * Whether {@code parse} returns normally (its result, if any, is discarded): {@code false}
     * when it throws {@code refusal} (the parser's exception for invalid input); any other
     * exception propagates.
     */
    /*@ public normal_behavior
      @   requires parse != null && refusal != null;
      @ pure @*/
    public static boolean accepts(Runnable parse, Class<? extends RuntimeException> refusal) {
        Objects.requireNonNull(refusal, "refusal");
        try {
            parse.run();
            return true;
        } catch (RuntimeException e) {
            if (refusal.isInstance(e)) {
                return false;
            }
            throw e;
        }
    }
}
