package org.dlmexact.controls;

/**
 * Deliberately wrong JML contracts, shaped like the project's integer kernels. OpenJML's static
 * checker must refute every method marked WRONG; the {@code openjml} Maven profile fails the
 * build if it proves them all (a vacuous setup). Not compiled by the normal build.
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
