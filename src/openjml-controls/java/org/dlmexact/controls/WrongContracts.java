package org.dlmexact.controls;

/**
 * Deliberately wrong JML contracts, shaped like the project's integer kernels. OpenJML's static
 * checker must find a counterexample to every method marked WRONG, and an infeasible path in the
 * method marked VACUOUS; the {@code openjml} Maven profile checks each method's own verdict
 * ({@code src/openjml/verdicts.txt}) and fails the build if any of them is proved. Not compiled by
 * the normal build.
 */
public final class WrongContracts {

    private WrongContracts() {
    }

    /** WRONG: the largest part of a possibly negative array need not be one of its entries (0 start). */
    /*@ requires k != null && k.length >= 1;
      @ ensures (\exists int j; 0 <= j && j < k.length; k[j] == \result);
      @ pure @*/
    public static int maxPartFromZero(int[] k) {
        int m = 0;
        for (int x : k) {
            m = Math.max(m, x);
        }
        return m;
    }

    /** WRONG: an index one past the last outcome (off by one). */
    /*@ requires 2 <= v && v <= 16 && 0 <= x && x < v;
      @ ensures 0 <= \result && \result < v;
      @ pure @*/
    public static int shiftedToken(int v, int x) {
        return x + 1;
    }

    /** WRONG: a size of a step that can be zero when more steps than tokens are asked for. */
    /*@ requires 1 <= l && 1 <= t;
      @ ensures \result >= 1;
      @ pure @*/
    public static int balancedSmallPart(int l, int t) {
        return l / t;
    }

    /** WRONG: the masked count after a step can be negative when the step is larger than the rest. */
    /*@ requires 0 <= revealed && revealed <= l && size >= 1;
      @ ensures \result >= 0;
      @ pure @*/
    public static int maskedAfter(int l, int revealed, int size) {
        return l - revealed - size;
    }

    /**
     * WRONG, the shape of {@code Schedule.parseAll}'s contract before issue 15: the exceptional
     * precondition does not exclude the normal one, so no call can return normally.
     */
    /*@ public normal_behavior
      @   requires l >= 1;
      @   ensures \result == l;
      @ also public exceptional_behavior
      @   requires true;
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public static int overlappingCases(int l) {
        if (l < 1) {
            throw new IllegalArgumentException("l < 1");
        }
        return l;
    }

    /**
     * VACUOUS: a false postcondition that holds "after" a call to {@link #overlappingCases}, whose
     * contract forbids a normal return. Without feasibility checks it is proved; with them the
     * return is reported infeasible.
     */
    /*@ requires l >= 1;
      @ ensures \result == -1;
      @ pure @*/
    public static int afterOverlappingCall(int l) {
        return overlappingCases(l);
    }

    /** RIGHT (control of the control): must be proved. */
    /*@ requires 1 <= l && 1 <= t && t <= l;
      @ ensures \result >= 1 && \result * t <= l;
      @ pure @*/
    public static int balancedSmallPartOk(int l, int t) {
        return l / t;
    }

    /**
     * WRONG: the marginal kernel's sum without the bound check: two weights of up to
     * {@code 2^62 - 1} each still fit, but with the bound {@code Long.MAX_VALUE} the sum overflows.
     */
    /*@ requires 0 <= x && x <= Long.MAX_VALUE && 0 <= y && y <= Long.MAX_VALUE;
      @ ensures \result >= x;
      @ pure @*/
    public static long unboundedWeightSum(long x, long y) {
        return x + y;
    }

    /** Control of the control: the same sum under the kernel's bound {@code 2^62 - 1} is proved. */
    /*@ requires 0 <= x && x <= 4611686018427387903L && 0 <= y && y <= 4611686018427387903L;
      @ ensures \result >= x && \result <= 9223372036854775806L;
      @ pure @*/
    public static long boundedWeightSum(long x, long y) {
        return x + y;
    }
}
