package org.dlmexact.sampler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.dlmexact.exact.Echo;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.Parsers;

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
        /*@ public normal_behavior
          @   requires text.strip().equals("reveal") || text.strip().equals("forward");
          @ also public exceptional_behavior
          @   requires !(text.strip().equals("reveal") || text.strip().equals("forward"));
          @   signals_only InvalidInputException;
          @ pure @*/
        public static Convention parse(String text) {
            switch (text.strip()) {
                case "reveal":
                    return REVEAL;
                case "forward":
                    return FORWARD;
                default:
                    throw new InvalidInputException("schedule.convention",
                            "--convention must be 'reveal' or 'forward', got " + Echo.quoted(text));
            }
        }
    }

    // steps() = T >= 1, every k_j >= 1, N_0 = 0, N_{j+1} = N_j + k_{j+1}, N_T = L >= T.
    //@ public invariant k.length >= 1 && partial.length == k.length + 1 && partial[0] == 0;
    //@ public invariant (\forall int j; 0 <= j && j < k.length; k[j] >= 1 && partial[j + 1] == partial[j] + k[j]);
    //@ public invariant (\forall int j; 0 <= j && j <= k.length; j <= partial[j] && partial[j] <= partial[k.length]);
    private final /*@ spec_public @*/ int[] k;
    private final /*@ spec_public @*/ int[] partial;

    /*@ private normal_behavior
      @   requires k != null && k.length >= 1 && (\forall int j; 0 <= j && j < k.length; k[j] >= 1);
      @   requires sums != null && sums.length == k.length + 1 && sums[0] == 0 && sums[k.length] <= Integer.MAX_VALUE;
      @   requires (\forall int j; 0 <= j && j < k.length; sums[j + 1] == sums[j] + k[j]);
      @   requires (\forall int j; 0 <= j && j <= k.length; j <= sums[j] && sums[j] <= sums[k.length]);
      @ pure @*/
    private Schedule(int[] k, long[] sums) {
        this.k = k;
        this.partial = new int[k.length + 1];
        //@ maintaining 0 <= j && j <= k.length + 1 && partial.length == k.length + 1;
        //@ maintaining (\forall int m; 0 <= m && m < j; partial[m] == sums[m]);
        //@ decreasing k.length + 1 - j;
        for (int j = 0; j <= k.length; j++) {
            partial[j] = (int) sums[j];
        }
    }

    /**
     * The partial sums {@code N_0 = 0, N_{j+1} = N_j + parts[j]} of positive parts, in {@code long}
     * (they cannot overflow).
     *
     * @throws IllegalArgumentException if a part is not positive
     */
    /*@ public normal_behavior
      @   requires parts != null && parts.length < Integer.MAX_VALUE;
      @   // parts[j] <= Integer.MAX_VALUE always holds in Java; it is stated because OpenJML does not
      @   // assume the int range of array elements (see proofs-notes/openjml.md)
      @   requires (\forall int j; 0 <= j && j < parts.length; 1 <= parts[j] && parts[j] <= Integer.MAX_VALUE);
      @   ensures \result.length == parts.length + 1 && \result[0] == 0;
      @   ensures (\forall int j; 0 <= j && j < parts.length; \result[j + 1] == \result[j] + parts[j]);
      @   ensures (\forall int j; 0 <= j && j <= parts.length; j <= \result[j] && \result[j] <= \result[parts.length]);
      @ pure @*/
    static long[] partialSums(int[] parts) {
        if (parts.length == Integer.MAX_VALUE || firstNonPositive(parts) >= 0) {
            throw new IllegalArgumentException("partialSums needs positive parts");
        }
        long[] s = new long[parts.length + 1];
        //@ maintaining 0 <= j && j <= parts.length && s.length == parts.length + 1 && s[0] == 0;
        //@ maintaining (\forall int m; 0 <= m && m < j; s[m + 1] == s[m] + parts[m]);
        //@ maintaining (\forall int m; 0 <= m && m <= j; m <= s[m] && s[m] <= s[j]);
        //@ maintaining s[j] <= j * 2147483647L;
        //@ decreasing parts.length - j;
        for (int j = 0; j < parts.length; j++) {
            s[j + 1] = s[j] + parts[j];
        }
        return s;
    }

    /** The first index {@code j} with {@code sizes[j] <= 0}, or {@code -1} if every size is positive. */
    /*@ public normal_behavior
      @   requires sizes != null;
      @   ensures -1 <= \result && \result < sizes.length;
      @   ensures \result == -1 <==> (\forall int j; 0 <= j && j < sizes.length; sizes[j] >= 1);
      @   ensures \result >= 0 ==> sizes[\result] <= 0 && (\forall int j; 0 <= j && j < \result; sizes[j] >= 1);
      @ pure @*/
    static int firstNonPositive(int[] sizes) {
        //@ maintaining 0 <= j && j <= sizes.length;
        //@ maintaining (\forall int m; 0 <= m && m < j; sizes[m] >= 1);
        //@ decreasing sizes.length - j;
        for (int j = 0; j < sizes.length; j++) {
            if (sizes[j] <= 0) {
                return j;
            }
        }
        return -1;
    }

    /** The sizes in the other time direction: {@code r[j] = sizes[T-1-j]} (a new array). */
    /*@ public normal_behavior
      @   requires sizes != null;
      @   ensures \result.length == sizes.length;
      @   ensures (\forall int j; 0 <= j && j < sizes.length; \result[j] == sizes[sizes.length - 1 - j]);
      @ pure @*/
    static int[] reversed(int[] sizes) {
        int[] r = new int[sizes.length];
        //@ maintaining 0 <= j && j <= r.length && r.length == sizes.length;
        //@ maintaining (\forall int m; 0 <= m && m < j; r[m] == sizes[sizes.length - 1 - m]);
        //@ decreasing r.length - j;
        for (int j = 0; j < r.length; j++) {
            r[j] = sizes[r.length - 1 - j];
        }
        return r;
    }

    /**
     * The sizes of {@code balanced:T} in reveal order: {@code floor(L/T)}, plus one on the first
     * {@code L mod T} steps.
     *
     * @throws IllegalArgumentException unless {@code 1 <= steps <= length}
     */
    /*@ public normal_behavior
      @   requires 1 <= steps && steps <= length;
      @   ensures \result.length == steps;
      @   ensures (\forall int j; 0 <= j && j < steps; \result[j] == length / steps + (j < length % steps ? 1 : 0));
      @   ensures (\forall int j; 0 <= j && j < steps; 1 <= \result[j] && \result[j] <= length);
      @ pure @*/
    static int[] balancedSizes(int length, int steps) {
        if (steps < 1 || steps > length) {
            throw new IllegalArgumentException("balancedSizes needs 1 <= steps <= length");
        }
        int[] r = new int[steps];
        //@ maintaining 0 <= j && j <= steps && r.length == steps;
        //@ maintaining (\forall int m; 0 <= m && m < j; r[m] == length / steps + (m < length % steps ? 1 : 0));
        //@ maintaining (\forall int m; 0 <= m && m < j; 1 <= r[m] && r[m] <= length);
        //@ decreasing steps - j;
        for (int j = 0; j < steps; j++) {
            r[j] = length / steps + (j < length % steps ? 1 : 0);
        }
        return r;
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
        int bad = firstNonPositive(sizes);
        if (bad >= 0) {
            throw new InvalidInputException("schedule.non-positive-part", "schedule size at step " + (bad + 1)
                    + " (reveal order) is " + sizes[bad] + "; every size must be a positive integer");
        }
        long[] sums = partialSums(sizes);
        long sum = sums[sizes.length];
        if (sizes.length > length) {
            throw new InvalidInputException("schedule.too-many-steps", "the schedule has T = " + sizes.length
                    + " steps but the length is L = " + length + "; T must be at most L");
        }
        if (sum != length) {
            throw new InvalidInputException("schedule.bad-sum", "schedule sizes " + text(sizes) + " sum to " + sum
                    + " but the length is L = " + length + "; they must sum to L");
        }
        return new Schedule(sizes.clone(), sums);
    }

    /** A schedule from Li-Cai forward-time sizes {@code s_1..s_T}: {@code k_j = s_{T+1-j}}. */
    /*@ public normal_behavior
      @   requires forwardSizes != null && forwardSizes.length >= 1 && length >= 1 && forwardSizes.length <= length;
      @   requires (\forall int j; 0 <= j && j < forwardSizes.length; forwardSizes[j] >= 1);
      @   requires (\sum int j; 0 <= j && j < forwardSizes.length; forwardSizes[j]) == length;
      @   ensures \result.steps() == forwardSizes.length && \result.length() == length;
      @   ensures (\forall int j; 1 <= j && j <= \result.steps(); \result.size(j) == forwardSizes[forwardSizes.length - j]);
      @ also public exceptional_behavior
      @   requires forwardSizes != null && (forwardSizes.length == 0 || length < 1 || forwardSizes.length > length
      @        || (\exists int j; 0 <= j && j < forwardSizes.length; forwardSizes[j] < 1)
      @        || (\sum int j; 0 <= j && j < forwardSizes.length; forwardSizes[j]) != length);
      @   signals_only InvalidInputException;
      @ pure @*/
    public static Schedule ofForward(int length, int... forwardSizes) {
        return of(length, reversed(forwardSizes));
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
        return of(length, balancedSizes(length, steps));
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
            int[] k = Arrays.copyOf(buf, n);
            out.add(new Schedule(k, partialSums(k)));
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
      @   requires isValidText(text, length, convention) && !(isAll(text) && length != 1);
      @   ensures \result.length() == length;
      @ also public exceptional_behavior
      @   requires !isValidText(text, length, convention) || (isAll(text) && length != 1);
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
      @   requires isValidText(text, length, convention);
      @   ensures !\result.isEmpty();
      @ also public exceptional_behavior
      @   requires !isValidText(text, length, convention);
      @   signals_only InvalidInputException;
      @ pure @*/
    public static List<Schedule> parseAll(String text, int length, Convention convention) {
        return readAll(text, length, convention);
    }

    /**
     * Whether {@link #parseAll} accepts {@code text} for length {@code length} (by the parser's own
     * code, {@link Parsers}); the tests hold it against the forms and errors of SPEC §5.1.
     */
    /*@ public normal_behavior
      @   ensures true;
      @ pure @*/
    public static boolean isValidText(String text, int length, Convention convention) {
        return Parsers.accepts(() -> readAll(text, length, convention), InvalidInputException.class);
    }

    /** Whether {@code text} is the form {@code all}, which {@link #parse} refuses unless {@code L = 1}. */
    /*@ public normal_behavior
      @   ensures \result == text.strip().equals("all");
      @ pure @*/
    public static boolean isAll(String text) {
        return text.strip().equals("all");
    }

    private static List<Schedule> readAll(String text, int length, Convention convention) {
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
                throw new InvalidInputException("schedule.syntax", "balanced:T needs an integer T, got " + Echo.quoted(t));
            }
            Schedule b = balanced(length, steps);
            return List.of(convention == Convention.FORWARD ? ofForward(length, b.k) : b);
        }
        String[] parts = s.split(",", -1);
        int[] sizes = new int[parts.length];
        for (int j = 0; j < parts.length; j++) {
            String p = parts[j].strip();
            if (p.isEmpty()) {
                throw new InvalidInputException("schedule.syntax", "schedule " + Echo.quoted(s) + ": size " + (j + 1)
                        + " is empty");
            }
            try {
                sizes[j] = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("schedule.syntax", "schedule " + Echo.quoted(s) + ": size " + (j + 1) + " is "
                        + Echo.quoted(p) + ", not an integer (or use balanced:T, ones, one-shot, all)");
            }
        }
        if (convention == Convention.FORWARD) {
            int bad = firstNonPositive(sizes);
            if (bad >= 0) {
                throw new InvalidInputException("schedule.non-positive-part", "forward-time size s_" + (bad + 1)
                        + " is " + sizes[bad] + "; every size must be a positive integer");
            }
            return List.of(ofForward(length, sizes));
        }
        return List.of(of(length, sizes));
    }

    /** {@code L}. */
    /*@ public normal_behavior
      @   ensures \result == partial[k.length] && \result >= steps();
      @ pure @*/
    public int length() {
        return partial[k.length];
    }

    /** {@code T}. */
    /*@ public normal_behavior
      @   ensures \result == k.length && \result >= 1;
      @ pure @*/
    public int steps() {
        return k.length;
    }

    /** {@code k_j}, {@code 1 <= j <= T}. */
    /*@ public normal_behavior
      @   requires 1 <= j && j <= steps();
      @   ensures \result == k[j - 1] && \result >= 1;
      @ pure @*/
    public int size(int j) {
        return k[j - 1];
    }

    /** {@code N_j = k_1 + ... + k_j}, {@code 0 <= j <= T}. */
    /*@ public normal_behavior
      @   requires 0 <= j && j <= steps();
      @   ensures \result == partial[j] && 0 <= \result && \result <= length();
      @   ensures j == 0 ==> \result == 0;
      @ pure @*/
    public int revealed(int j) {
        return partial[j];
    }

    /** {@code m_j = L - N_{j-1}}, the number of masked positions before step {@code j}. */
    /*@ public normal_behavior
      @   requires 1 <= j && j <= steps();
      @   ensures \result == length() - revealed(j - 1);
      @   ensures \result >= size(j);
      @ pure @*/
    public int masked(int j) {
        return length() - partial[j - 1];
    }

    /** {@code s_max = max_j k_j}. */
    //@ ensures \result >= 1;
    //@ ensures (\forall int j; 1 <= j && j <= steps(); size(j) <= \result);
    //@ ensures (\exists int j; 1 <= j && j <= steps(); size(j) == \result);
    //@ pure
    public int maxSize() {
        int m = k[0];
        //@ ghost int at = 0;
        //@ maintaining 1 <= j && j <= k.length && 0 <= at && at < j && k[at] == m;
        //@ maintaining (\forall int i; 0 <= i && i < j; k[i] <= m);
        //@ decreasing k.length - j;
        for (int j = 1; j < k.length; j++) {
            if (k[j] > m) {
                m = k[j];
                //@ set at = j;
            }
        }
        //@ assert size(at + 1) == m;
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
    //@ ensures (\forall int t; 1 <= t && t <= steps(); \result[t - 1] == size(steps() + 1 - t));
    //@ pure
    public int[] forwardSizes() {
        return reversed(k);
    }

    /*@ private normal_behavior
      @   requires sizes != null;
      @   ensures \result != null;
      @ pure @*/
    private static String text(int[] sizes) {
        StringBuilder sb = new StringBuilder();
        for (int x : sizes) {
            sb.append(sb.length() == 0 ? "" : ",").append(x);
        }
        return sb.toString();
    }

    /*@ also public normal_behavior
      @   ensures \result ==> o != null && o.getClass() == getClass();
      @ pure @*/
    @Override
    public boolean equals(Object o) {
        return o instanceof Schedule && Arrays.equals(k, ((Schedule) o).k);
    }

    /*@ also public normal_behavior
      @   ensures true;
      @ pure @*/
    @Override
    public int hashCode() {
        return Arrays.hashCode(k);
    }

    /** The reveal-order sizes, e.g. {@code 2,1,1}. */
    /*@ also public normal_behavior
      @   ensures \result != null;
      @ pure @*/
    @Override
    public String toString() {
        return text(k);
    }
}
