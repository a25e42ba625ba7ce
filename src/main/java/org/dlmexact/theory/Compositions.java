package org.dlmexact.theory;

import java.util.ArrayList;
import java.util.List;

/** Compositions of {@code L} (ordered positive parts summing to {@code L}), in reveal order. */
public final class Compositions {

    /** Largest {@code L} for which all {@code 2^(L-1)} compositions are enumerated. */
    public static final int MAX_ENUMERATION_LENGTH = 16;

    private Compositions() {
    }

    /**
     * Every composition of {@code l}, in lexicographic order of the part sequence read as
     * the set of cut points (bit {@code c} of the index set = a cut after position {@code c+1}).
     */
    /*@ public normal_behavior
      @   requires 1 <= l && l <= MAX_ENUMERATION_LENGTH;
      @   ensures \result.size() == (1 << (l - 1));
      @ pure @*/
    public static List<int[]> all(int l) {
        if (l < 1 || l > MAX_ENUMERATION_LENGTH) {
            throw new IllegalArgumentException("compositions are enumerated for 1 <= L <= " + MAX_ENUMERATION_LENGTH
                    + ", got " + l);
        }
        List<int[]> out = new ArrayList<>(1 << (l - 1));
        for (int cuts = 0; cuts < (1 << (l - 1)); cuts++) {
            int[] parts = new int[Integer.bitCount(cuts) + 1];
            int p = 0;
            int size = 1;
            for (int c = 0; c < l - 1; c++) {
                if ((cuts & (1 << c)) != 0) {
                    parts[p++] = size;
                    size = 1;
                } else {
                    size++;
                }
            }
            parts[p] = size;
            out.add(parts);
        }
        return out;
    }

    /** The largest part. */
    /*@ public normal_behavior
      @   requires k != null && k.length >= 1;
      @   ensures (\forall int j; 0 <= j && j < k.length; k[j] <= \result);
      @   ensures (\exists int j; 0 <= j && j < k.length; k[j] == \result);
      @ pure @*/
    public static int maxPart(int[] k) {
        int m = 0;
        for (int x : k) {
            m = Math.max(m, x);
        }
        return m;
    }

    /** The balanced composition of {@code l} into {@code t} parts: the first {@code l mod t} parts get the larger size. */
    /*@ public normal_behavior
      @   requires 1 <= t && t <= l;
      @   ensures \result.length == t;
      @ pure @*/
    public static int[] balanced(int l, int t) {
        if (t < 1 || t > l) {
            throw new IllegalArgumentException("balanced schedule needs 1 <= T <= L, got T = " + t + ", L = " + l);
        }
        int[] k = new int[t];
        for (int j = 0; j < t; j++) {
            k[j] = l / t + (j < l % t ? 1 : 0);
        }
        return k;
    }

    /** {@code ceil(log2 s)} for {@code s >= 1}: the least {@code c} with {@code 2^c >= s}. */
    //@ requires s >= 1;
    //@ ensures (1L << \result) >= s && (\result == 0 || (1L << (\result - 1)) < s);
    //@ pure
    public static int ceilLog2(int s) {
        if (s < 1) {
            throw new IllegalArgumentException("ceilLog2 needs s >= 1, got " + s);
        }
        return 32 - Integer.numberOfLeadingZeros(s - 1);
    }
}
