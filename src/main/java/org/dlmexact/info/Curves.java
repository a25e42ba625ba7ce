package org.dlmexact.info;

import java.math.BigInteger;
import java.util.Objects;
import org.dlmexact.law.LawDescription;
import org.dlmexact.law.MarginalLattice;

/** Chooses the source of a law's information curve: enumeration when it fits, closed forms otherwise. */
public final class Curves {

    private Curves() {
    }

    /**
     * Whether {@link #of} enumerates this law: always for a law known only by its table, and for a
     * structured law when its table and subset lattice are within the enumeration limits.
     */
    //@ requires law != null;
    //@ pure
    public static boolean enumerates(LawDescription law) {
        return law.structure() == null || (law.isEnumerable() && MarginalLattice.estimateCells(law.alphabetSize(),
                law.length()).compareTo(BigInteger.valueOf(MarginalLattice.MAX_CELLS)) <= 0);
    }

    /**
     * The information curve of {@code law}: by enumeration ({@link InformationProfile}, whose
     * limits refuse a law file or a {@code random} law that is too large) when {@link #enumerates},
     * otherwise from the closed forms of its structure ({@link StructuredCurve}, with its own limits).
     */
    /*@ public behavior
      @   requires law != null;
      @   ensures \result.length() == law.length() && \result.alphabetSize() == law.alphabetSize();
      @   signals_only org.dlmexact.exact.InvalidInputException;
      @ pure @*/
    public static InformationCurve of(LawDescription law) {
        Objects.requireNonNull(law, "law");
        return enumerates(law) ? InformationProfile.of(law.law()) : StructuredCurve.of(law.structure());
    }
}
