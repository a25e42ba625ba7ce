package org.dlmexact.law;

/**
 * The SplitMix64 generator (Steele, Lea, Flood 2014), specified here so that seeded families
 * can be reproduced bit for bit in any language: {@code state += 0x9E3779B97F4A7C15}; the output
 * is {@code z = state; z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9; z = (z ^ (z >>> 27)) *
 * 0x94D049BB133111EB; z ^ (z >>> 31)} (64-bit wrapping arithmetic).
 */
public final class SplitMix64 {

    private /*@ spec_public @*/ long state;

    //@ ensures true;
    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** The next 64 output bits (64-bit wrapping arithmetic is intended: {@code code_java_math}). */
    /*@ public normal_behavior
      @   assignable this.state;
      @ code_java_math @*/
    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * A uniform integer in {@code [0, bound)} by rejection (no modulo bias): draw 64 bits as an
     * unsigned number {@code r}; accept when {@code r < 2^64 - (2^64 mod bound)}, return
     * {@code r mod bound}.
     */
    /*@ public normal_behavior
      @   requires bound > 0;
      @   ensures 0 <= \result && \result < bound;
      @   assignable this.state;
      @*/
    public long nextBelow(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        long limit = Long.remainderUnsigned(-bound, bound); // 2^64 mod bound
        while (true) {
            long r = nextLong();
            if (Long.compareUnsigned(r, -limit) < 0 || limit == 0) {
                return Long.remainderUnsigned(r, bound);
            }
        }
    }
}
