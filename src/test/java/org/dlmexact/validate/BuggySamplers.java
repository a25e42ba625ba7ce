package org.dlmexact.validate;

import org.dlmexact.sampler.RandomOrder;
import java.math.BigInteger;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.law.SequenceSpace;
import org.dlmexact.law.SplitMix64;
import org.dlmexact.sampler.Context;
import org.dlmexact.sampler.ProcessSampler;
import org.dlmexact.sampler.PredictiveRows;
import org.dlmexact.sampler.Schedule;

/**
 * Samplers with plausible bugs, for measuring whether {@code validate samples} catches them. Each
 * draws the uniformly random ordered partition as {@link ProcessSampler} does and then goes wrong in
 * one way.
 */
final class BuggySamplers {

    enum Bug {
        /** No bug: the ProcessSampler itself. */
        NONE,
        /** The schedule is applied in reverse order (k_T first). */
        REVERSED_SCHEDULE,
        /** A batch is drawn jointly from mu(x_B | x_C) instead of independently from the marginals. */
        JOINT_BATCH,
        /** The predictor conditions on one visible position fewer (the last one revealed is dropped). */
        OFF_BY_ONE_VISIBLE
    }

    private final PredictiveRows rows;
    private final MarginalLattice lattice;
    private final Schedule schedule;
    private final SequenceSpace space;
    private final Bug bug;

    BuggySamplers(PredictiveRows rows, Schedule schedule, Bug bug) {
        this.rows = rows;
        this.lattice = rows.lattice();
        this.space = lattice.law().space();
        this.bug = bug;
        if (bug == Bug.REVERSED_SCHEDULE) {
            int[] k = schedule.sizes();
            int[] r = new int[k.length];
            for (int j = 0; j < k.length; j++) {
                r[j] = k[k.length - 1 - j];
            }
            this.schedule = Schedule.of(schedule.length(), r);
        } else {
            this.schedule = schedule;
        }
    }

    /** {@code n} samples with the generator seeded by {@code seed}, as counts per outcome index. */
    long[] counts(long n, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        long[] c = new long[space.size()];
        ProcessSampler exact = bug == Bug.NONE || bug == Bug.REVERSED_SCHEDULE ? new ProcessSampler(rows, RandomOrder.of(schedule)) : null;
        for (long s = 0; s < n; s++) {
            int[] x = exact != null ? exact.sample(rng) : sample(rng);
            c[space.index(x)]++;
        }
        return c;
    }

    private int[] sample(SplitMix64 rng) {
        int l = space.length();
        int[] perm = new int[l];
        for (int n = 0; n < l; n++) {
            perm[n] = n;
        }
        for (int n = l - 1; n >= 1; n--) {
            int r = (int) rng.nextBelow(n + 1);
            int t = perm[n];
            perm[n] = perm[r];
            perm[r] = t;
        }
        int[] x = new int[l];
        int visible = 0;
        int next = 0;
        int last = -1;
        for (int j = 1; j <= schedule.steps(); j++) {
            int block = 0;
            for (int n = 0; n < schedule.size(j); n++) {
                block |= 1 << perm[next++];
            }
            if (bug == Bug.JOINT_BATCH) {
                drawJointly(rng, visible, block, x);
            } else {
                int cond = last >= 0 ? visible & ~(1 << last) : visible;
                int values = Context.encode(space, cond, x);
                for (int m = block; m != 0; m &= m - 1) {
                    int i = Integer.numberOfTrailingZeros(m);
                    BigInteger[] cum = rows.cumulative(cond, values, i);
                    BigInteger u = ProcessSampler.uniformBelow(rng, cum[cum.length - 1]);
                    int a = 0;
                    while (u.compareTo(cum[a]) >= 0) {
                        a++;
                    }
                    x[i] = a;
                }
            }
            last = perm[next - 1];
            visible |= block;
        }
        return x;
    }

    /** Draws x_B from mu(x_B | x_C) by inverse CDF over the joint marginal weights. */
    private void drawJointly(SplitMix64 rng, int visible, int block, int[] x) {
        int cb = visible | block;
        BigInteger[] w = lattice.marginal(cb);
        int[] pos = Context.positions(block);
        int combos = space.power(pos.length);
        BigInteger[] weights = new BigInteger[combos];
        BigInteger total = BigInteger.ZERO;
        for (int c = 0; c < combos; c++) {
            int rest = c;
            for (int q = pos.length - 1; q >= 0; q--) {
                x[pos[q]] = rest % space.alphabetSize();
                rest /= space.alphabetSize();
            }
            weights[c] = w[Context.encode(space, cb, x)];
            total = total.add(weights[c]);
        }
        BigInteger u = ProcessSampler.uniformBelow(rng, total);
        int c = 0;
        BigInteger acc = weights[0];
        while (u.compareTo(acc) >= 0) {
            c++;
            acc = acc.add(weights[c]);
        }
        int rest = c;
        for (int q = pos.length - 1; q >= 0; q--) {
            x[pos[q]] = rest % space.alphabetSize();
            rest /= space.alphabetSize();
        }
    }
}
