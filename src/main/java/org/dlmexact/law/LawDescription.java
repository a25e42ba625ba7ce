package org.dlmexact.law;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A law as named on the command line: an enumerated {@link Law} (a law file, {@code random},
 * {@code code}) or a {@link Structure} (the structured families), which is enumerated only when
 * {@link #law()} is asked for. Commands that need the table call {@link #law()} and get the usual
 * size refusal for a long structured law; commands that need only the information curve use the
 * structure's closed forms instead.
 */
public final class LawDescription {

    //@ public invariant name() != null && (structure() != null || enumerated != null);
    private final String name;
    private final /*@ nullable @*/ Structure structure;
    private /*@ nullable @*/ Law enumerated;

    private LawDescription(String name, /*@ nullable @*/ Structure structure, /*@ nullable @*/ Law law) {
        this.name = name;
        this.structure = structure;
        this.enumerated = law;
    }

    /** An enumerated law. */
    /*@ public normal_behavior
      @   requires name != null && law != null;
      @   ensures \result.structure() == null && \result.name().equals(name);
      @ pure @*/
    public static LawDescription of(String name, Law law) {
        return new LawDescription(Objects.requireNonNull(name, "name"), null, Objects.requireNonNull(law, "law"));
    }

    /** A structured law, not enumerated. */
    /*@ public normal_behavior
      @   requires name != null && structure != null;
      @   ensures \result.structure() == structure && \result.name().equals(name);
      @ pure @*/
    public static LawDescription of(String name, Structure structure) {
        return new LawDescription(Objects.requireNonNull(name, "name"), Objects.requireNonNull(structure, "structure"),
                null);
    }

    /** The name the law was given by ({@code markov:1024:...} or a file name). */
    //@ pure helper
    public String name() {
        return name;
    }

    /** The structure, or null for a law known only by its table. */
    //@ pure helper
    public /*@ nullable @*/ Structure structure() {
        return structure;
    }

    //@ ensures \result >= 2;
    //@ pure
    public int alphabetSize() {
        return structure != null ? structure.alphabetSize() : enumerated.alphabetSize();
    }

    //@ ensures \result >= 1;
    //@ pure
    public int length() {
        return structure != null ? structure.length() : enumerated.length();
    }

    /** Whether {@link #law()} succeeds: {@code 2 <= V <= 16} and {@code V^L} within {@link SequenceSpace#MAX_OUTCOMES}. */
    //@ pure
    public boolean isEnumerable() {
        if (enumerated != null) {
            return true;
        }
        int v = alphabetSize();
        int l = length();
        // V >= 2: beyond 64 positions V^L exceeds any limit, and computing it could take minutes
        return v <= SequenceSpace.MAX_ALPHABET && l <= 64
                && SequenceSpace.estimateOutcomes(v, l).compareTo(BigInteger.valueOf(SequenceSpace.MAX_OUTCOMES)) <= 0;
    }

    /** The enumerated law (built once), refused with the size estimate when it is too large. */
    /*@ public behavior
      @   ensures \result != null;
      @   signals_only org.dlmexact.exact.InvalidInputException;
      @*/
    public synchronized Law law() {
        if (enumerated == null) {
            enumerated = structure.enumerate();
        }
        return enumerated;
    }
}
