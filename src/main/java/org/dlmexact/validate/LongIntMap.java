package org.dlmexact.validate;

import java.util.Arrays;

/**
 * A map from {@code long} keys to {@code int} values by open addressing (linear probing), without
 * boxing: the compact tables of {@link TrajectoryValidator}, whose size is bounded by a limit the
 * caller checks. Not thread-safe.
 */
final class LongIntMap {

    private static final long EMPTY = Long.MIN_VALUE;

    private long[] keys;
    private int[] values;
    private int size;
    private boolean hasEmptyKey;
    private int emptyKeyValue;

    LongIntMap(int capacity) {
        int c = Integer.highestOneBit(Math.max(4, capacity) - 1) << 1;
        keys = new long[c];
        values = new int[c];
        Arrays.fill(keys, EMPTY);
    }

    int size() {
        return size + (hasEmptyKey ? 1 : 0);
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32 ^ h) & (keys.length - 1);
    }

    /** The value of {@code key}, or {@code missing} when absent. */
    int get(long key, int missing) {
        if (key == EMPTY) {
            return hasEmptyKey ? emptyKeyValue : missing;
        }
        for (int i = slot(key);; i = (i + 1) & (keys.length - 1)) {
            if (keys[i] == key) {
                return values[i];
            }
            if (keys[i] == EMPTY) {
                return missing;
            }
        }
    }

    /** Adds {@code delta} to the value of {@code key} (absent: 0) and returns the new value. */
    int add(long key, int delta) {
        if (key == EMPTY) {
            emptyKeyValue = (hasEmptyKey ? emptyKeyValue : 0) + delta;
            hasEmptyKey = true;
            return emptyKeyValue;
        }
        int i = slot(key);
        while (keys[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & (keys.length - 1);
        }
        if (keys[i] == key) {
            values[i] += delta;
            return values[i];
        }
        keys[i] = key;
        values[i] = delta;
        if (++size * 2 > keys.length) {
            grow();
        }
        return delta;
    }

    /** Sets the value of {@code key}. */
    void put(long key, int value) {
        int old = get(key, 0);
        add(key, value - old);
    }

    private void grow() {
        long[] k = keys;
        int[] v = values;
        keys = new long[k.length * 2];
        values = new int[k.length * 2];
        Arrays.fill(keys, EMPTY);
        size = 0;
        for (int i = 0; i < k.length; i++) {
            if (k[i] != EMPTY) {
                int s = slot(k[i]);
                while (keys[s] != EMPTY) {
                    s = (s + 1) & (keys.length - 1);
                }
                keys[s] = k[i];
                values[s] = v[i];
                size++;
            }
        }
    }

    /** The keys, in no particular order. */
    long[] keys() {
        long[] r = new long[size()];
        int n = 0;
        for (long k : keys) {
            if (k != EMPTY) {
                r[n++] = k;
            }
        }
        if (hasEmptyKey) {
            r[n] = EMPTY;
        }
        return r;
    }
}
