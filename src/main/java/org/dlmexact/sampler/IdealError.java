package org.dlmexact.sampler;

import java.util.Objects;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.info.InformationProfile;

/**
 * The closed form of the path-averaged error of the optimal predictor (theory.md section 3,
 * CCL Thm 4 / Thm 16):
 * {@code Ideal(k) = sum_j sum_{m=1..k_j} (Z_{N_{j-1}+m} - Z_{N_{j-1}+1})}, from the information
 * curve only (no brute force): {@code O(L)} exact additions once the profile is known, so it is
 * usable wherever {@link InformationProfile} is (e.g. {@code L = 12}, {@code V = 2}).
 */
public final class IdealError {

    private IdealError() {
    }

    /** {@code Ideal(k)}. */
    /*@ public normal_behavior
      @   requires info != null && schedule != null && schedule.length() == info.law().length();
      @   ensures \result.signum() >= 0;
      @ also public exceptional_behavior
      @   requires info != null && schedule != null && schedule.length() != info.law().length();
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public static ExactReal closedForm(InformationProfile info, Schedule schedule) {
        check(info, schedule);
        ExactReal sum = ExactReal.ZERO;
        for (int j = 1; j <= schedule.steps(); j++) {
            sum = sum.add(stepTerm(info, schedule, j));
        }
        return sum;
    }

    /** The term of step {@code j}: {@code sum_{m=1..k_j} (Z_{a+m} - Z_{a+1})} with {@code a = N_{j-1}}. */
    /*@ public normal_behavior
      @   requires info != null && schedule != null && schedule.length() == info.law().length();
      @   requires 1 <= j && j <= schedule.steps();
      @   ensures schedule.size(j) == 1 ==> \result.isZero();
      @ also public exceptional_behavior
      @   requires info != null && schedule != null && (schedule.length() != info.law().length()
      @        || j < 1 || j > schedule.steps());
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public static ExactReal stepTerm(InformationProfile info, Schedule schedule, int j) {
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
      @   requires info != null && before >= 0 && size >= 1 && before + size <= info.law().length();
      @   ensures size == 1 ==> \result.isZero();
      @ also public exceptional_behavior
      @   requires info != null && (before < 0 || size < 1 || before + size > info.law().length());
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public static ExactReal blockTerm(InformationProfile info, int before, int size) {
        Objects.requireNonNull(info, "info");
        if (before < 0 || size < 1 || before + size > info.law().length()) {
            throw new IllegalArgumentException("block of " + size + " tokens after " + before
                    + " visible ones does not fit in length " + info.law().length());
        }
        ExactReal base = info.z(before + 1);
        ExactReal sum = ExactReal.ZERO;
        for (int m = 2; m <= size; m++) {
            sum = sum.add(info.z(before + m)).subtract(base);
        }
        return sum;
    }

    private static void check(InformationProfile info, Schedule schedule) {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(schedule, "schedule");
        if (schedule.length() != info.law().length()) {
            throw new IllegalArgumentException("schedule " + schedule + " has length " + schedule.length()
                    + " but the law has length " + info.law().length());
        }
    }
}
