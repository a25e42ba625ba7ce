package org.dlmexact.sampler;

import java.math.BigInteger;
import java.util.Objects;
import java.util.function.Consumer;
import org.dlmexact.law.Law;
import org.dlmexact.law.SequenceSpace;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.InformationProfile;

/**
 * The random-order sampler partition by partition (theory.md section 2): the brute force that
 * the dynamic programme of {@link ProcessLaw} is checked against, and that the path-averaged
 * error is defined by.
 *
 * <ul>
 *   <li>{@link #forPartition}: {@code nu_B(x) = prod_j prod_{i in B_j} p̂_i(x_i | x_{C_j})} for a
 *       fixed ordered partition {@code B}; {@code O(V^L L)} rational products.</li>
 *   <li>{@link #averageOverPartitions}: the literal average of {@code nu_B} over every ordered
 *       partition with sizes {@code k_j}, which is the sampler's output law {@code nu}
 *       ({@code L!/prod k_j!} laws).</li>
 * </ul>
 */
public final class Partitions {

    private Partitions() {
    }

    /** The number {@code L! / prod_j k_j!} of ordered partitions with sizes {@code k_j}. */
    /*@ public normal_behavior
      @   requires schedule != null;
      @   ensures \result.signum() > 0;
      @ pure @*/
    public static BigInteger partitionCount(Schedule schedule) {
        BigInteger r = BigInteger.ONE;
        for (int j = 1; j <= schedule.steps(); j++) {
            r = r.multiply(InformationProfile.binomial(schedule.masked(j), schedule.size(j)));
        }
        return r;
    }

    /**
     * Calls {@code action} with every ordered partition {@code B_1..B_T} of the positions with
     * {@code |B_j| = k_j}, each block a bit mask; blocks in lexicographic order of
     * {@code (B_1, B_2, ...)} as masks. The array passed is reused between calls.
     */
    /*@ public normal_behavior
      @   requires schedule != null && action != null;
      @*/
    public static void forEachPartition(Schedule schedule, Consumer<int[]> action) {
        Objects.requireNonNull(action, "action");
        int full = (1 << schedule.length()) - 1;
        partitions(schedule, 1, full, new int[schedule.steps()], action);
    }

    private static void partitions(Schedule s, int j, int rest, int[] blocks, Consumer<int[]> action) {
        if (j > s.steps()) {
            action.accept(blocks);
            return;
        }
        int k = s.size(j);
        for (int b = rest; b != 0; b = (b - 1) & rest) {
            if (Integer.bitCount(b) == k) {
                blocks[j - 1] = b;
                partitions(s, j + 1, rest & ~b, blocks, action);
            }
        }
    }

    /**
     * {@code nu_B} for the ordered partition {@code blocks} (bit masks, disjoint, covering every
     * position, in reveal order). For a partition, one {@code behavior} case: a predictor row the
     * rows refuse ({@link PredictiveRows#row}) makes it throw.
     */
    /*@ public behavior
      @   requires rows != null && blocks != null && isOrderedPartition(blocks, rows.lattice().law().space().fullMask());
      @   ensures \result.space().equals(rows.lattice().law().space());
      @   signals_only org.dlmexact.exact.InvalidInputException;
      @ also public exceptional_behavior
      @   requires rows != null && blocks != null && !isOrderedPartition(blocks, rows.lattice().law().space().fullMask());
      @   signals_only IllegalArgumentException;
      @*/
    public static Law forPartition(PredictiveRows rows, int[] blocks) {
        SequenceSpace sp = rows.lattice().law().space();
        if (!isOrderedPartition(blocks, sp.fullMask())) {
            throw new IllegalArgumentException("blocks must be non-empty, disjoint subsets of the positions"
                    + " that cover every position");
        }
        Rational[] p = new Rational[sp.size()];
        int[] x = new int[sp.length()];
        for (int idx = 0; idx < sp.size(); idx++) {
            Context.decode(sp, sp.fullMask(), idx, x);
            Rational q = Rational.ONE;
            int c = 0;
            for (int b = 0; b < blocks.length && !q.isZero(); b++) {
                int values = Context.encode(sp, c, x);
                for (int m = blocks[b]; m != 0 && !q.isZero(); m &= m - 1) {
                    int i = Integer.numberOfTrailingZeros(m);
                    q = q.multiply(rows.row(c, values, i)[x[i]]);
                }
                c |= blocks[b];
            }
            p[idx] = q;
        }
        return Law.fromProbabilities(sp, p);
    }

    /**
     * Whether {@code blocks} are non-empty, pairwise disjoint bit masks inside {@code fullMask}
     * whose union is {@code fullMask}.
     */
    /*@ public normal_behavior
      @   requires blocks != null;
      @ pure @*/
    public static boolean isOrderedPartition(int[] blocks, int fullMask) {
        int seen = 0;
        for (int b : blocks) {
            if ((b & seen) != 0 || b == 0 || (b & ~fullMask) != 0) {
                return false;
            }
            seen |= b;
        }
        return seen == fullMask;
    }

    /** The literal average of {@code nu_B} over every ordered partition with sizes {@code k_j}. */
    /*@ public normal_behavior
      @   requires rows != null && schedule != null && schedule.length() == rows.lattice().law().length();
      @*/
    public static Law averageOverPartitions(PredictiveRows rows, Schedule schedule) {
        SequenceSpace sp = rows.lattice().law().space();
        Rational[] sum = new Rational[sp.size()];
        java.util.Arrays.fill(sum, Rational.ZERO);
        forEachPartition(schedule, blocks -> {
            Law nu = forPartition(rows, blocks.clone());
            for (int i = 0; i < sum.length; i++) {
                sum[i] = sum[i].add(nu.probability(i));
            }
        });
        Rational n = Rational.of(partitionCount(schedule));
        for (int i = 0; i < sum.length; i++) {
            sum[i] = sum[i].divide(n);
        }
        return Law.fromProbabilities(sp, sum);
    }
}
