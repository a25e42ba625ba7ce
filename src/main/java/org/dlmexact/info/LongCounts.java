package org.dlmexact.info;

/**
 * How often each integer {@code >= 2} occurs: a counter over machine integers with open
 * addressing and linear probing (no boxing; the inner loop of {@link EntropySums}). Keys
 * {@code 0} and {@code 1} are never stored ({@code 0} marks an empty slot).
 */
final class LongCounts {

    private long[] keys;
    private long[] counts;
    private int size;
    private int shift;

    LongCounts() {
        keys = new long[16];
        counts = new long[16];
        shift = 64 - 4;
    }

    /** Adds one occurrence of {@code key >= 2}. */
    void increment(long key) {
        int mask = keys.length - 1;
        int i = slot(key);
        while (true) {
            long k = keys[i];
            if (k == key) {
                counts[i]++;
                return;
            }
            if (k == 0) {
                keys[i] = key;
                counts[i] = 1;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /** The number of occurrences of {@code key}, 0 when it never occurred. */
    long count(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) {
                return counts[i];
            }
            if (k == 0) {
                return 0;
            }
        }
    }

    /** The distinct keys, in no particular order. */
    long[] keys() {
        long[] out = new long[size];
        int n = 0;
        for (long k : keys) {
            if (k != 0) {
                out[n++] = k;
            }
        }
        return out;
    }

    private int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new long[oldKeys.length * 2];
        shift--;
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != 0) {
                int i = slot(oldKeys[j]);
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                counts[i] = oldCounts[j];
            }
        }
    }
}
