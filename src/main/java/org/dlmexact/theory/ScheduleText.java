package org.dlmexact.theory;

import org.dlmexact.sampler.Schedule;

/** Schedules as text in reports and check notes: plain when short, run-length encoded when long. */
public final class ScheduleText {

    /** Plain text up to this many characters. */
    public static final int MAX_PLAIN = 40;

    private ScheduleText() {
    }

    /**
     * The sizes ({@code 2,1,1}) when that takes at most {@link #MAX_PLAIN} characters, otherwise
     * run-length encoded: {@code 2x511,1x2} is 511 steps of 2 tokens, then 2 steps of 1 (a run of one
     * step is written without a count).
     */
    /*@ public normal_behavior
      @   requires s != null;
      @   ensures \result.length() <= MAX_PLAIN ==> \result.equals(s.toString()) || s.toString().length() > MAX_PLAIN;
      @ pure @*/
    public static String of(Schedule s) {
        String plain = s.toString();
        if (plain.length() <= MAX_PLAIN) {
            return plain;
        }
        StringBuilder sb = new StringBuilder();
        int[] k = s.sizes();
        for (int i = 0; i < k.length; ) {
            int j = i;
            while (j < k.length && k[j] == k[i]) {
                j++;
            }
            sb.append(sb.length() == 0 ? "" : ",").append(k[i]);
            if (j - i > 1) {
                sb.append('x').append(j - i);
            }
            i = j;
        }
        return sb.toString();
    }
}
