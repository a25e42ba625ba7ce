package org.dlmexact.sampler;

import java.util.Objects;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.InformationCurve;

/**
 * The closed form of the path-averaged error of the optimal predictor (theory.md section 3,
 * CCL Thm 4 / Thm 16):
 * {@code Ideal(k) = sum_j sum_{m=1..k_j} (Z_{N_{j-1}+m} - Z_{N_{j-1}+1})}, from the information
 * curve only (no brute force), in the equivalent form
 * {@code sum_j [k_j e_{a+1} - (k_j - 1) e_a - e_{a+k_j}]} ({@code a = N_{j-1}}): one combination of
 * the {@code e_k}, built as one value, so it is usable wherever an {@link InformationCurve} is (an
 * enumerated law, or a structured law at any length).
 */
public final class IdealError {

    private IdealError() {
    }

    /** {@code Ideal(k)}. */
    /*@ public normal_behavior
      @   requires info != null && schedule != null && schedule.length() == info.length();
      @   ensures \result.signum() >= 0;
      @ also public exceptional_behavior
      @   requires info != null && schedule != null && schedule.length() != info.length();
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public static ExactReal closedForm(InformationCurve info, Schedule schedule) {
        check(info, schedule);
        Rational[] c = zeros(info.length());
        for (int j = 1; j <= schedule.steps(); j++) {
            addBlock(c, schedule.revealed(j - 1), schedule.size(j));
        }
        return info.averageEntropyCombination(c);
    }

    /** The term of step {@code j}: {@code sum_{m=1..k_j} (Z_{a+m} - Z_{a+1})} with {@code a = N_{j-1}}. */
    /*@ public normal_behavior
      @   requires info != null && schedule != null && schedule.length() == info.length();
      @   requires 1 <= j && j <= schedule.steps();
      @   ensures schedule.size(j) == 1 ==> \result.isZero();
      @ also public exceptional_behavior
      @   requires info != null && schedule != null && (schedule.length() != info.length()
      @        || j < 1 || j > schedule.steps());
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public static ExactReal stepTerm(InformationCurve info, Schedule schedule, int j) {
        check(info, schedule);
        if (j < 1 || j > schedule.steps()) {
            throw new IllegalArgumentException("step " + j + " outside 1.." + schedule.steps());
        }
        return blockTerm(info, schedule.revealed(j - 1), schedule.size(j));
    }

    /**
     * The term of a block of {@code size} tokens revealed when {@code before} tokens are visible:
     * {@code sum_{m=1..size} (Z_{before+m} - Z_{before+1})}. {@code Ideal(k)} is the sum of the
     * block terms of its steps, which is what makes the optimal schedule a dynamic programme.
     */
    /*@ public normal_behavior
      @   requires info != null && before >= 0 && size >= 1 && before + size <= info.length();
      @   ensures size == 1 ==> \result.isZero();
      @ also public exceptional_behavior
      @   requires info != null && (before < 0 || size < 1 || before + size > info.length());
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public static ExactReal blockTerm(InformationCurve info, int before, int size) {
        Objects.requireNonNull(info, "info");
        if (before < 0 || size < 1 || before + size > info.length()) {
            throw new IllegalArgumentException("block of " + size + " tokens after " + before
                    + " visible ones does not fit in length " + info.length());
        }
        Rational[] c = zeros(info.length());
        addBlock(c, before, size);
        return info.averageEntropyCombination(c);
    }

    /** Adds the block term {@code size e_{a+1} - (size - 1) e_a - e_{a+size}} ({@code a = before}) to {@code c}. */
    private static void addBlock(Rational[] c, int before, int size) {
        if (size >= 2) {
            c[before + 1] = c[before + 1].add(Rational.of(size));
            c[before] = c[before].subtract(Rational.of(size - 1L));
            c[before + size] = c[before + size].subtract(Rational.ONE);
        }
    }

    private static Rational[] zeros(int l) {
        Rational[] c = new Rational[l + 1];
        java.util.Arrays.fill(c, Rational.ZERO);
        return c;
    }

    private static void check(InformationCurve info, Schedule schedule) {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(schedule, "schedule");
        if (schedule.length() != info.length()) {
            throw new IllegalArgumentException("schedule " + schedule + " has length " + schedule.length()
                    + " but the law has length " + info.length());
        }
    }
}
