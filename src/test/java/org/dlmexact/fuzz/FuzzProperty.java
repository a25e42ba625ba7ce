package org.dlmexact.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.dlmexact.exact.Echo;
import org.dlmexact.exact.InvalidInputException;

/**
 * The property every fuzz target checks (issue 13): a parser or validator given any input either
 * returns, or refuses with an {@link InvalidInputException} whose message is one line of at most
 * {@link Echo#MAX_MESSAGE} characters; it never throws anything else, and one input costs at most
 * 10 s and 512 MB of allocation ({@link #MAX_MILLIS}, {@link #MAX_ALLOCATED}; ten times more while
 * fuzzing, see {@link #SLACK}). (The two number parsers
 * {@code Rational.parse} and {@code ExactReal.parse} refuse with {@link NumberFormatException}, their
 * documented contract, which every caller turns into an {@code InvalidInputException}; the same
 * message rules apply.)
 */
final class FuzzProperty {

    /**
     * While fuzzing (JAZZER_FUZZ set) every class runs with coverage instrumentation and comparison
     * hooks, which slow it down and allocate on their own; the bounds are then ten times looser.
     */
    static final long SLACK = System.getenv("JAZZER_FUZZ") == null || System.getenv("JAZZER_FUZZ").isEmpty() ? 1 : 10;
    /** Time one input may take, in milliseconds (a refusal "up front" is far faster). */
    static final long MAX_MILLIS = 10_000 * SLACK;
    /** Bytes one input may allocate. */
    static final long MAX_ALLOCATED = (512L << 20) * SLACK;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private FuzzProperty() {
    }

    /** What a target runs on one input. */
    @FunctionalInterface
    interface Target {
        void run() throws Exception;
    }

    /** Runs {@code target} and checks the property; {@code numberParser} admits a NumberFormatException. */
    static void check(Target target, boolean numberParser) throws Exception {
        long t0 = System.nanoTime();
        long a0 = THREADS.getCurrentThreadAllocatedBytes();
        try {
            target.run();
        } catch (InvalidInputException e) {
            assertOneLine(e.getMessage(), e);
        } catch (NumberFormatException e) {
            if (!numberParser) {
                throw e;
            }
            assertOneLine(e.getMessage(), e);
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - a0;
        assertTrue(millis <= MAX_MILLIS, "one input took " + millis + " ms");
        assertTrue(allocated <= MAX_ALLOCATED, "one input allocated " + (allocated >> 20) + " MB");
    }

    /** As {@link #check(Target, boolean)} for a target that must refuse with InvalidInputException only. */
    static void check(Target target) throws Exception {
        check(target, false);
    }

    private static void assertOneLine(String message, Exception e) {
        assertTrue(message != null && !message.isEmpty(), "a refusal says why: " + e);
        assertTrue(message.indexOf('\n') < 0 && message.indexOf('\r') < 0, "one line: " + Echo.of(message));
        assertTrue(message.length() <= Echo.MAX_MESSAGE, "at most " + Echo.MAX_MESSAGE + " characters, not "
                + message.length());
        for (int i = 0; i < message.length(); i++) {
            assertTrue(!Character.isISOControl(message.charAt(i)), "no control character: " + Echo.of(message));
        }
    }

    /** The input as text (malformed UTF-8 replaced, as for an option given on the command line). */
    static String text(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }

    /**
     * Splits an input into a parameter line and the rest: {@code "4 forward\n2,1,1"} gives
     * {@code ["4 forward", "2,1,1"]}; without a line end the parameters are empty.
     */
    static String[] header(byte[] data) {
        String s = text(data);
        int nl = s.indexOf('\n');
        return nl < 0 ? new String[] {"", s} : new String[] {s.substring(0, nl), s.substring(nl + 1)};
    }

    /** The {@code index}-th space-separated integer of a parameter line, kept in {@code [min, max]}; {@code fallback} if absent. */
    static int param(String line, int index, int min, int max, int fallback) {
        String[] p = line.strip().split("\\s+");
        if (index >= p.length) {
            return fallback;
        }
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(p[index])));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
