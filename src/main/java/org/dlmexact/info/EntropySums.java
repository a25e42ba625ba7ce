package org.dlmexact.info;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dlmexact.exact.Atoms;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.law.Law;
import org.dlmexact.law.SubsetWalk;

/**
 * Sums {@code sum_y w(y) ln w(y)} over marginal weights, one sum per slot (one subset, or all
 * subsets of one size), kept as counts of distinct weights: a weight {@code w} seen {@code c}
 * times in a slot contributes {@code c w ln w}. Only when the counting is done is each distinct
 * weight split into atoms ({@link Atoms#addLnIntegers}), once for all slots. Weights 0 and 1
 * contribute nothing ({@code 0 ln 0 = 1 ln 1 = 0}) and are not kept.
 *
 * <p>Machine-integer weights below a threshold are counted in arrays, larger ones in
 * {@link LongCounts}; {@code BigInteger} weights in a map.
 */
final class EntropySums {

    /** Weights below this are counted in arrays by the average-entropy walk. */
    static final int DIRECT_LIMIT = 1 << 16;

    private final int slots;
    private final int direct;
    private final long[][] arrays;
    private final LongCounts[] counts;
    private final Map<BigInteger, long[]> big = new HashMap<>();

    /** Counters for {@code slots} sums; machine-integer weights below {@code direct} go to arrays. */
    EntropySums(int slots, int direct) {
        this.slots = slots;
        this.direct = direct;
        this.arrays = new long[slots][direct];
        this.counts = new LongCounts[slots];
        for (int s = 0; s < slots; s++) {
            counts[s] = new LongCounts();
        }
    }

    /** Counts the non-negative {@code weights} into slot {@code slot}. */
    void add(int slot, long[] weights) {
        long[] a = arrays[slot];
        LongCounts c = counts[slot];
        int limit = direct;
        for (long w : weights) {
            if (w < limit) {
                a[(int) w]++;
            } else if (w > 1) {
                c.increment(w);
            }
        }
    }

    /** Counts the non-negative {@code weights} into slot {@code slot}. */
    void add(int slot, BigInteger[] weights) {
        for (BigInteger w : weights) {
            if (w.compareTo(BigInteger.ONE) > 0) {
                big.computeIfAbsent(w, k -> new long[slots])[slot]++;
            }
        }
    }

    /**
     * The sums as integer coefficients of logarithms, per slot: {@code result[0][s]} keyed by small
     * primes, {@code result[1][s]} by cofactors (as {@link Atoms#addLnIntegers} splits them).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Map<BigInteger, BigInteger>[][] finish() {
        Map<BigInteger, BigInteger>[] small = new Map[slots];
        Map<BigInteger, BigInteger>[] large = new Map[slots];
        for (int s = 0; s < slots; s++) {
            small[s] = new HashMap<>();
            large[s] = new HashMap<>();
        }
        long[] perSlot = new long[slots];
        for (int w = 2; w < direct; w++) {
            for (int s = 0; s < slots; s++) {
                perSlot[s] = arrays[s][w];
            }
            addTerms(BigInteger.valueOf(w), perSlot, small, large);
        }
        for (long w : distinctCountedKeys()) {
            for (int s = 0; s < slots; s++) {
                perSlot[s] = counts[s].count(w);
            }
            addTerms(BigInteger.valueOf(w), perSlot, small, large);
        }
        for (Map.Entry<BigInteger, long[]> e : big.entrySet()) {
            addTerms(e.getKey(), e.getValue(), small, large);
        }
        return new Map[][] {small, large};
    }

    /** The keys of every slot's {@link LongCounts}, each once, in increasing order. */
    private long[] distinctCountedKeys() {
        long[][] parts = new long[slots][];
        int n = 0;
        for (int s = 0; s < slots; s++) {
            parts[s] = counts[s].keys();
            n += parts[s].length;
        }
        long[] all = new long[n];
        int at = 0;
        for (long[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        Arrays.sort(all);
        int distinct = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                all[distinct++] = all[i];
            }
        }
        return Arrays.copyOf(all, distinct);
    }

    /** Adds {@code perSlot[s] * w * ln(w)} to every slot with a non-zero count; {@code w} is split once. */
    private static void addTerms(BigInteger w, long[] perSlot, Map<BigInteger, BigInteger>[] small,
                                 Map<BigInteger, BigInteger>[] large) {
        BigInteger[] coefficients = new BigInteger[perSlot.length];
        boolean any = false;
        for (int s = 0; s < perSlot.length; s++) {
            if (perSlot[s] != 0) {
                coefficients[s] = BigInteger.valueOf(perSlot[s]).multiply(w);
                any = true;
            }
        }
        if (any) {
            Atoms.addLnIntegers(w, coefficients, small, large);
        }
    }

    /**
     * {@code e_0, ..., e_L}: the average entropy of the {@code k}-subsets of positions, for every
     * {@code k}, by one depth-first walk over all subsets ({@link SubsetWalk}, refused up front
     * above its size limit). With {@code mu = w / D},
     * {@code e_k = ln D - (1 / (D C(L, k))) sum_{|S| = k} sum_y w_S(y) ln w_S(y)}.
     */
    static List<ExactReal> averageEntropies(Law law) {
        return averageEntropies(law, SubsetWalk.fitsLong(law));
    }

    /** As {@link #averageEntropies(Law)}, on machine integers only when {@code fits} (tests compare both paths). */
    static List<ExactReal> averageEntropies(Law law, boolean fits) {
        int l = law.length();
        SubsetWalk.checkSize(law.alphabetSize(), l);
        BigInteger d = law.denominator();
        EntropySums sums = new EntropySums(l + 1, fits ? (int) Math.min(DIRECT_LIMIT, d.longValue() + 1) : 0);
        if (fits) {
            SubsetWalk.walkLong(law, (mask, w) -> sums.add(Integer.bitCount(mask), w));
        } else {
            SubsetWalk.walkBig(law, (mask, w) -> sums.add(Integer.bitCount(mask), w));
        }
        Map<BigInteger, BigInteger>[][] logs = sums.finish();
        ExactReal lnD = ExactReal.ln(d);
        List<ExactReal> e = new ArrayList<>(l + 1);
        e.add(ExactReal.ZERO);
        for (int k = 1; k <= l; k++) {
            Rational scale = Rational.of(BigInteger.ONE.negate(), d.multiply(InformationProfile.binomial(l, k)));
            e.add(ExactReal.fromIntegerLogs(Rational.ZERO, scale, logs[0][k], logs[1][k]).add(lnD));
        }
        return e;
    }
}
