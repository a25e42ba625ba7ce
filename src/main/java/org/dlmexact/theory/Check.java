package org.dlmexact.theory;

import java.util.Objects;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Ratios;
import org.dlmexact.info.Divergence;

/**
 * One checked statement on one instance: the two exact sides (each finite or {@code +inf}), the
 * asserted relation, and the verdict decided exactly. A failing check is a finding, reported
 * with both sides; it is not an exception.
 */
public final class Check {

    //@ public invariant id() != null && source() != null && confidence() != null && relation() != null;
    //@ public invariant lhs() != null && rhs() != null && verdict() != null;
    private final String id;
    private final String source;
    private final Confidence confidence;
    private final Relation relation;
    private final Divergence lhs;
    private final Divergence rhs;
    private final Verdict verdict;
    private final String note;

    private Check(String id, String source, Confidence confidence, Relation relation, Divergence lhs, Divergence rhs,
                  String note) {
        this.id = id;
        this.source = source;
        this.confidence = confidence;
        this.relation = relation;
        this.lhs = lhs;
        this.rhs = rhs;
        this.note = note;
        this.verdict = decide(relation, lhs, rhs);
    }

    /** A check of {@code lhs relation rhs} with finite or infinite sides. */
    /*@ public normal_behavior
      @   requires id != null && source != null && confidence != null && relation != null && lhs != null && rhs != null;
      @   ensures \result.id().equals(id) && \result.relation() == relation;
      @ pure @*/
    public static Check of(String id, String source, Confidence confidence, Relation relation, Divergence lhs,
                           Divergence rhs, /*@ nullable @*/ String note) {
        return new Check(Objects.requireNonNull(id, "id"), Objects.requireNonNull(source, "source"),
                Objects.requireNonNull(confidence, "confidence"), Objects.requireNonNull(relation, "relation"),
                Objects.requireNonNull(lhs, "lhs"), Objects.requireNonNull(rhs, "rhs"), note == null ? "" : note);
    }

    /** A check with finite sides. */
    /*@ public normal_behavior
      @   requires id != null && source != null && confidence != null && relation != null && lhs != null && rhs != null;
      @ pure @*/
    public static Check of(String id, String source, Confidence confidence, Relation relation, ExactReal lhs,
                           ExactReal rhs, /*@ nullable @*/ String note) {
        return of(id, source, confidence, relation, Divergence.finite(lhs), Divergence.finite(rhs), note);
    }

    private static Verdict decide(Relation relation, Divergence lhs, Divergence rhs) {
        int c;
        if (lhs.isInfinite() || rhs.isInfinite()) {
            c = lhs.isInfinite() == rhs.isInfinite() ? 0 : (lhs.isInfinite() ? 1 : -1);
        } else {
            c = lhs.value().compareTo(rhs.value());
        }
        if (c == 0) {
            return Verdict.EQUALITY;
        }
        switch (relation) {
            case LE:
                return c < 0 ? Verdict.HOLDS : Verdict.FAILS;
            case GE:
                return c > 0 ? Verdict.HOLDS : Verdict.FAILS;
            default:
                return Verdict.FAILS;
        }
    }

    //@ pure helper
    public String id() {
        return id;
    }

    /** The paper and statement, e.g. "Li-Cai arXiv 2505.21400, Theorem 1". */
    //@ pure helper
    public String source() {
        return source;
    }

    //@ pure helper
    public Confidence confidence() {
        return confidence;
    }

    //@ pure helper
    public Relation relation() {
        return relation;
    }

    //@ pure helper
    public Divergence lhs() {
        return lhs;
    }

    //@ pure helper
    public Divergence rhs() {
        return rhs;
    }

    //@ pure helper
    public Verdict verdict() {
        return verdict;
    }

    /** Assumptions, parameters or remarks (never null). */
    //@ pure
    public String note() {
        return note;
    }

    /**
     * The exact slack: {@code rhs - lhs} for {@code <=}, {@code lhs - rhs} for {@code >=},
     * {@code |lhs - rhs|}-free difference {@code lhs - rhs} for {@code =}; null when a side is infinite.
     */
    //@ pure
    public /*@ nullable @*/ ExactReal slack() {
        if (lhs.isInfinite() || rhs.isInfinite()) {
            return null;
        }
        return relation == Relation.GE ? lhs.value().subtract(rhs.value()) : rhs.value().subtract(lhs.value());
    }

    /** {@code lhs / rhs} as a certified decimal, or null when undefined (a side infinite or rhs zero). */
    //@ requires digits >= 0;
    //@ pure
    public /*@ nullable @*/ String ratio(int digits) {
        if (lhs.isInfinite() || rhs.isInfinite() || rhs.value().isZero()) {
            return null;
        }
        return Ratios.decimal(lhs.value(), rhs.value(), digits);
    }

    /*@ also public normal_behavior
      @   ensures \result != null;
      @ pure @*/
    @Override
    public String toString() {
        return id + ": " + lhs + " " + relation.symbol() + " " + rhs + " -> " + verdict.label();
    }
}
