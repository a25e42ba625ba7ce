package org.dlmexact.sampler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.dlmexact.exact.InvalidInputException;

/**
 * A schedule: a composition {@code k_1, ..., k_T} of the length {@code L} in REVEAL order
 * (theory.md section 2): {@code k_1} tokens are revealed in the first reverse step, starting from
 * the all-mask sequence. {@code N_j = k_1 + ... + k_j} (partial sums, {@code N_0 = 0}) and
 * {@code s_max = max_j k_j}. Immutable.
 *
 * <p>Text forms accepted by {@link #parse(String, int, Convention)}:
 * <ul>
 *   <li>an explicit list {@code 2,1,1} (in the stated convention);</li>
 *   <li>{@code balanced:T}: {@code T} sizes differing by at most one; the FIRST {@code L mod T}
 *       reveal steps get the larger size {@code ceil(L/T)}, the others {@code floor(L/T)}
 *       (so the first reverse batch is the largest);</li>
 *   <li>{@code ones}: {@code T = L}, every {@code k_j = 1};</li>
 *   <li>{@code one-shot}: {@code T = 1}, {@code k_1 = L};</li>
 *   <li>{@code all}: every composition of {@code L} ({@link #parseAll}; only {@code L <= }
 *       {@value #MAX_ALL_LENGTH}).</li>
 * </ul>
 * With {@link Convention#FORWARD} an explicit list is read as Li-Cai's forward-time sizes
 * {@code s_1..s_T}, converted by {@code k_j = s_{T+1-j}}; the families are symmetric in that
 * reading except {@code balanced:T}, whose forward reading puts the larger sizes on the LAST
 * reveal steps (the first forward steps).
 */
public final class Schedule {

    /** Largest {@code L} for which {@code all} (all {@code 2^(L-1)} compositions) is accepted. */
    public static final int MAX_ALL_LENGTH = 10;

    /** Which time direction an explicit list of sizes is written in. */
    public enum Convention {
        /** Reveal order: the first size is the first reverse (unmasking) step. */
        REVEAL,
        /** Li-Cai forward (masking) time: the first size is the LAST reverse step. */
        FORWARD;

        /** {@code reveal} or {@code forward}. */
        //@ requires text != null;
        //@ pure
        public static Convention parse(String text) {
            switch (text.strip()) {
                case "reveal":
                    return REVEAL;
                case "forward":
                    return FORWARD;
                default:
                    throw new InvalidInputException("schedule.convention",
                            "--convention must be 'reveal' or 'forward', got '" + text + "'");
            }
        }
    }

    //@ public invariant steps() >= 1 && length() >= steps();
    //@ public invariant (\forall int j; 1 <= j && j <= steps(); size(j) >= 1);
    //@ public invariant revealed(steps()) == length();
    private final int[] k;
    private final int[] partial;

    private Schedule(int[] k) {
        this.k = k;
        this.partial = new int[k.length + 1];
        for (int j = 0; j < k.length; j++) {
            partial[j + 1] = partial[j] + k[j];
        }
    }

    /**
     * The schedule with reveal-order sizes {@code sizes} for length {@code length}.
     *
     * @throws InvalidInputException {@code schedule.empty}, {@code schedule.non-positive-part},
     *     {@code schedule.bad-sum} or {@code schedule.too-many-steps}
     */
    /*@ public normal_behavior
      @   requires sizes != null && sizes.length >= 1 && length >= 1 && sizes.length <= length;
      @   requires (\forall int j; 0 <= j && j < sizes.length; sizes[j] >= 1);
      @   requires (\sum int j; 0 <= j && j < sizes.length; sizes[j]) == length;
      @   ensures \result.steps() == sizes.length && \result.length() == length;
      @ also public exceptional_behavior
      @   requires sizes != null && (sizes.length == 0 || length < 1 || sizes.length > length
      @        || (\exists int j; 0 <= j && j < sizes.length; sizes[j] < 1)
      @        || (\sum int j; 0 <= j && j < sizes.length; sizes[j]) != length);
      @   signals_only InvalidInputException;
      @ pure @*/
    public static Schedule of(int length, int... sizes) {
        Objects.requireNonNull(sizes, "sizes");
        if (sizes.length == 0) {
            throw new InvalidInputException("schedule.empty", "the schedule has no steps; give sizes such as 2,1,1");
        }
        long sum = 0;
        for (int j = 0; j < sizes.length; j++) {
            if (sizes[j] <= 0) {
                throw new InvalidInputException("schedule.non-positive-part", "schedule size at step " + (j + 1)
                        + " (reveal order) is " + sizes[j] + "; every size must be a positive integer");
            }
            sum += sizes[j];
        }
        if (sizes.length > length) {
            throw new InvalidInputException("schedule.too-many-steps", "the schedule has T = " + sizes.length
                    + " steps but the length is L = " + length + "; T must be at most L");
        }
        if (sum != length) {
            throw new InvalidInputException("schedule.bad-sum", "schedule sizes " + text(sizes) + " sum to " + sum
                    + " but the length is L = " + length + "; they must sum to L");
        }
        return new Schedule(sizes.clone());
    }

    /** A schedule from Li-Cai forward-time sizes {@code s_1..s_T}: {@code k_j = s_{T+1-j}}. */
    /*@ public normal_behavior
      @   requires forwardSizes != null;
      @   ensures \result.steps() == forwardSizes.length;
      @   ensures (\forall int j; 1 <= j && j <= \result.steps(); \result.size(j) == forwardSizes[forwardSizes.length - j]);
      @ also public exceptional_behavior
      @   requires forwardSizes != null;
      @   signals_only InvalidInputException;
      @ pure @*/
    public static Schedule ofForward(int length, int... forwardSizes) {
        int[] r = new int[forwardSizes.length];
        for (int j = 0; j < r.length; j++) {
            r[j] = forwardSizes[r.length - 1 - j];
        }
        return of(length, r);
    }

    /** {@code balanced:T}: the first {@code L mod T} reveal steps get {@code ceil(L/T)}. */
    /*@ public normal_behavior
      @   requires 1 <= steps && steps <= length;
      @   ensures \result.steps() == steps;
      @ also public exceptional_behavior
      @   requires steps < 1 || steps > length;
      @   signals_only InvalidInputException;
      @ pure @*/
    public static Schedule balanced(int length, int steps) {
        if (steps < 1) {
            throw new InvalidInputException("schedule.non-positive-part", "balanced:T needs T >= 1, got T = " + steps);
        }
        if (steps > length) {
            throw new InvalidInputException("schedule.too-many-steps", "balanced:T has T = " + steps
                    + " steps but the length is L = " + length + "; T must be at most L");
        }
        int[] r = new int[steps];
        for (int j = 0; j < steps; j++) {
            r[j] = length / steps + (j < length % steps ? 1 : 0);
        }
        return of(length, r);
    }

    /** Every composition of {@code length}, in lexicographic order of the reveal-order sizes. */
    /*@ public normal_behavior
      @   requires 1 <= length && length <= MAX_ALL_LENGTH;
      @   ensures \result.size() == (1 << (length - 1));
      @ also public exceptional_behavior
      @   requires length < 1 || length > MAX_ALL_LENGTH;
      @   signals_only InvalidInputException;
      @ pure @*/
    public static List<Schedule> all(int length) {
        if (length < 1 || length > MAX_ALL_LENGTH) {
            throw new InvalidInputException("schedule.all-too-long", "'all' enumerates 2^(L-1) compositions and is"
                    + " limited to L <= " + MAX_ALL_LENGTH + ", got L = " + length);
        }
        List<Schedule> out = new ArrayList<>();
        compositions(length, new int[length], 0, out);
        return Collections.unmodifiableList(out);
    }

    private static void compositions(int rest, int[] buf, int n, List<Schedule> out) {
        if (rest == 0) {
            out.add(new Schedule(Arrays.copyOf(buf, n)));
            return;
        }
        for (int first = 1; first <= rest; first++) {
            buf[n] = first;
            compositions(rest - first, buf, n + 1, out);
        }
    }

    /**
     * Parses one schedule (every form but {@code all}) for length {@code length}.
     *
     * @throws InvalidInputException {@code schedule.syntax} for unreadable text, and the codes of
     *     {@link #of}
     */
    /*@ public normal_behavior
      @   requires text != null && convention != null && length >= 1;
      @   ensures \result.length() == length;
      @ also public exceptional_behavior
      @   requires text != null && convention != null;
      @   signals_only InvalidInputException;
      @ pure @*/
    public static Schedule parse(String text, int length, Convention convention) {
        List<Schedule> r = parseAll(text, length, convention);
        if (r.size() != 1) {
            throw new InvalidInputException("schedule.syntax", "'all' names " + r.size()
                    + " schedules where one schedule is expected");
        }
        return r.get(0);
    }

    /** Parses a schedule text that may also be {@code all} (then every composition). */
    /*@ public normal_behavior
      @   requires text != null && convention != null && length >= 1;
      @   ensures !\result.isEmpty();
      @ also public exceptional_behavior
      @   requires text != null && convention != null;
      @   signals_only InvalidInputException;
      @ pure @*/
    public static List<Schedule> parseAll(String text, int length, Convention convention) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(convention, "convention");
        String s = text.strip();
        if (s.isEmpty()) {
            throw new InvalidInputException("schedule.empty", "the schedule is empty; give sizes such as 2,1,1 or a"
                    + " family balanced:T, ones, one-shot, all");
        }
        switch (s) {
            case "ones": {
                int[] r = new int[length];
                Arrays.fill(r, 1);
                return List.of(of(length, r));
            }
            case "one-shot":
                return List.of(of(length, length));
            case "all":
                return all(length);
            default:
                break;
        }
        if (s.startsWith("balanced:")) {
            String t = s.substring("balanced:".length()).strip();
            int steps;
            try {
                steps = Integer.parseInt(t);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("schedule.syntax", "balanced:T needs an integer T, got '" + t + "'");
            }
            Schedule b = balanced(length, steps);
            return List.of(convention == Convention.FORWARD ? ofForward(length, b.k) : b);
        }
        String[] parts = s.split(",", -1);
        int[] sizes = new int[parts.length];
        for (int j = 0; j < parts.length; j++) {
            String p = parts[j].strip();
            if (p.isEmpty()) {
                throw new InvalidInputException("schedule.syntax", "schedule '" + s + "': size " + (j + 1)
                        + " is empty");
            }
            try {
                sizes[j] = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("schedule.syntax", "schedule '" + s + "': size " + (j + 1) + " is '"
                        + p + "', not an integer (or use balanced:T, ones, one-shot, all)");
            }
        }
        if (convention == Convention.FORWARD) {
            for (int j = 0; j < sizes.length; j++) {
                if (sizes[j] <= 0) {
                    throw new InvalidInputException("schedule.non-positive-part", "forward-time size s_" + (j + 1)
                            + " is " + sizes[j] + "; every size must be a positive integer");
                }
            }
            return List.of(ofForward(length, sizes));
        }
        return List.of(of(length, sizes));
    }

    /** {@code L}. */
    //@ pure
    public int length() {
        return partial[k.length];
    }

    /** {@code T}. */
    //@ pure
    public int steps() {
        return k.length;
    }

    /** {@code k_j}, {@code 1 <= j <= T}. */
    //@ requires 1 <= j && j <= steps();
    //@ ensures \result >= 1;
    //@ pure
    public int size(int j) {
        return k[j - 1];
    }

    /** {@code N_j = k_1 + ... + k_j}, {@code 0 <= j <= T}. */
    //@ requires 0 <= j && j <= steps();
    //@ ensures j == 0 ==> \result == 0;
    //@ pure
    public int revealed(int j) {
        return partial[j];
    }

    /** {@code m_j = L - N_{j-1}}, the number of masked positions before step {@code j}. */
    //@ requires 1 <= j && j <= steps();
    //@ ensures \result == length() - revealed(j - 1);
    //@ pure
    public int masked(int j) {
        return length() - partial[j - 1];
    }

    /** {@code s_max = max_j k_j}. */
    //@ ensures \result >= 1;
    //@ pure
    public int maxSize() {
        int m = 0;
        for (int x : k) {
            m = Math.max(m, x);
        }
        return m;
    }

    /** The reveal-order sizes {@code k_1..k_T} (a copy). */
    //@ ensures \result.length == steps();
    //@ pure
    public int[] sizes() {
        return k.clone();
    }

    /** The forward-time sizes {@code s_t = k_{T+1-t}} (a copy). */
    //@ ensures \result.length == steps();
    //@ pure
    public int[] forwardSizes() {
        int[] r = new int[k.length];
        for (int j = 0; j < r.length; j++) {
            r[j] = k[k.length - 1 - j];
        }
        return r;
    }

    private static String text(int[] sizes) {
        StringBuilder sb = new StringBuilder();
        for (int x : sizes) {
            sb.append(sb.length() == 0 ? "" : ",").append(x);
        }
        return sb.toString();
    }

    //@ pure
    @Override
    public boolean equals(Object o) {
        return o instanceof Schedule && Arrays.equals(k, ((Schedule) o).k);
    }

    //@ pure
    @Override
    public int hashCode() {
        return Arrays.hashCode(k);
    }

    /** The reveal-order sizes, e.g. {@code 2,1,1}. */
    //@ pure
    @Override
    public String toString() {
        return text(k);
    }
}
