package org.dlmexact.theory;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Interval;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.InformationCurve;
import org.dlmexact.sampler.IdealError;
import org.dlmexact.sampler.Schedule;

/**
 * Chen-Cong-Li Theorem 4: the schedule with {@code T} steps that minimises {@code Ideal(k)}, for
 * every {@code T = 1..L}, by a dynamic programme over block boundaries ({@code Ideal} is a sum of
 * block costs {@code c(a, s) = s e_{a+1} - (s-1) e_a - e_{a+s}} that depend only on where a block
 * starts and its size). Ties are broken towards the schedule whose part sequence is
 * lexicographically smallest. Cross-checked against enumeration.
 *
 * <p>Cost and exactness (proofs-notes/chen-cong-li-schedules.md). The programme visits
 * {@code sum_T sum_a (L - a - T + 1) ~ L^3/6} candidates (1.8e8 at {@code L = 1024}); an exact
 * comparison per candidate would cost far too much, so candidates are compared through enclosures
 * held in 64-bit integers: the {@code e_k} are enclosed once, in a fixed-point unit chosen so that
 * no sum can overflow, and every candidate's interval is exact integer arithmetic on those. When two
 * intervals overlap, the two candidates are compared exactly (their values are rebuilt from the
 * table of first parts as combinations of the {@code e_k}, {@code O(L)} each). When every
 * {@code e_k} is a known rational multiple of {@code e_L} ({@link ExactReal#knownRatio}: codes,
 * products, degenerate chains), the unit is {@code e_L / D} itself and the intervals are exact
 * points, so overlaps are exact ties and need no comparison at all.
 */
public final class ChenCongLiOptimalSchedule {

    public static final String ID = "chen-cong-li-optimal-schedule";
    /** Largest {@code L} for the dynamic programme: its work grows as {@code L^3/6}. */
    public static final int MAX_LENGTH = 2048;

    /** One optimum: the number of steps, a minimising schedule and its error. */
    public static final class Optimum {
        private final int steps;
        private final Schedule schedule;
        private final ExactReal error;

        Optimum(int steps, Schedule schedule, ExactReal error) {
            this.steps = steps;
            this.schedule = schedule;
            this.error = error;
        }

        //@ pure
        public int steps() {
            return steps;
        }

        //@ pure
        public Schedule schedule() {
            return schedule;
        }

        //@ pure
        public ExactReal error() {
            return error;
        }
    }

    /** What the last run of {@link #optimise} did (for the benchmark and the tests). */
    public static final class Statistics {
        private final boolean exactPoints;
        private final long candidates;
        private final long exactComparisons;
        private final long fineComparisons;

        Statistics(boolean exactPoints, long candidates, long exactComparisons, long fineComparisons) {
            this.exactPoints = exactPoints;
            this.candidates = candidates;
            this.exactComparisons = exactComparisons;
            this.fineComparisons = fineComparisons;
        }

        /** The number of comparisons decided by the finer ({@value Programme#FINE_BITS}-bit) enclosures. */
        //@ pure
        public long fineComparisons() {
            return fineComparisons;
        }

        /** Whether the candidates were exact points (every {@code e_k} a known multiple of {@code e_L}). */
        //@ pure
        public boolean exactPoints() {
            return exactPoints;
        }

        /** The number of candidates compared. */
        //@ pure
        public long candidates() {
            return candidates;
        }

        /** The number of exact comparisons (candidates whose finer enclosures overlap too). */
        //@ pure
        public long exactComparisons() {
            return exactComparisons;
        }
    }

    private static volatile Statistics last = new Statistics(true, 0, 0, 0);

    private ChenCongLiOptimalSchedule() {
    }

    /** The statistics of the last completed {@link #optimise} in this process. */
    //@ pure
    public static Statistics lastStatistics() {
        return last;
    }

    /** The {@code e_0..e_L} as 64-bit intervals (or exact points) in one unit. */
    private static final class Enclosed {
        final long[] lo;
        final long[] hi;
        final boolean exact;

        Enclosed(long[] lo, long[] hi, boolean exact) {
            this.lo = lo;
            this.hi = hi;
            this.exact = exact;
        }

        /**
         * Exact points when every {@code e_k = n_k e_L / D} with known rationals and
         * {@code |n_k| 4L < 2^62}; otherwise fixed point with {@code 2^-P} as unit,
         * {@code P = 61 - bits(4L) - bits(ceil(e_L))} (every {@code e_k <= e_L}), so that no candidate
         * ({@code |value| <= 4 L e_L}) overflows.
         */
        static Enclosed of(InformationCurve info) {
            int l = info.length();
            long[] lo = new long[l + 1];
            long[] hi = new long[l + 1];
            ExactReal top = info.averageEntropy(l);
            long bound = Long.MAX_VALUE / 4 / (4L * l);
            if (top.isZero()) {
                return new Enclosed(lo, hi, true);
            }
            Rational[] r = new Rational[l + 1];
            r[0] = Rational.ZERO;
            BigInteger common = BigInteger.ONE;
            boolean known = true;
            for (int k = 1; k <= l && known; k++) {
                r[k] = info.averageEntropy(k).knownRatio(top);
                known = r[k] != null;
                if (known) {
                    common = common.divide(common.gcd(r[k].denominator())).multiply(r[k].denominator());
                    known = common.bitLength() < 62;
                }
            }
            if (known) {
                boolean fits = true;
                for (int k = 0; k <= l && fits; k++) {
                    BigInteger n = r[k].multiply(common).numerator();
                    fits = n.abs().compareTo(BigInteger.valueOf(bound)) <= 0;
                    if (fits) {
                        lo[k] = n.longValueExact();
                        hi[k] = lo[k];
                    }
                }
                if (fits) {
                    return new Enclosed(lo, hi, true);
                }
            }
            int p = 61 - (64 - Long.numberOfLeadingZeros(4L * l)) - top.ceil().bitLength();
            if (p < 8) {
                throw new IllegalArgumentException("e_L = " + top.toDecimal(3) + " and L = " + l
                        + " leave too few fixed-point bits for the optimal-schedule programme");
            }
            for (int k = 1; k <= l; k++) {
                Interval iv = info.averageEntropy(k).enclosure(p + 8);
                lo[k] = iv.lo().multiply(Rational.of(BigInteger.ONE.shiftLeft(p))).floor().longValueExact();
                hi[k] = iv.hi().multiply(Rational.of(BigInteger.ONE.shiftLeft(p))).ceil().longValueExact();
            }
            return new Enclosed(lo, hi, false);
        }
    }

    /** The optimum for every {@code T = 1..L}, by dynamic programming. */
    /*@ public normal_behavior
      @   requires info != null && info.length() <= MAX_LENGTH;
      @   ensures \result.size() == info.length();
      @ also public exceptional_behavior
      @   requires info != null && info.length() > MAX_LENGTH;
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public static List<Optimum> optimise(InformationCurve info) {
        Objects.requireNonNull(info, "info");
        int l = info.length();
        if (l > MAX_LENGTH) {
            throw new IllegalArgumentException("the optimal-schedule programme visits about L^3/6 candidates; L <= "
                    + MAX_LENGTH + ", got L = " + l);
        }
        Programme p = new Programme(info);
        p.run();
        int[][] firstPart = p.firstPart;
        last = new Statistics(p.e.exact, p.candidates, p.exactComparisons, p.fineComparisons);
        List<Optimum> out = new ArrayList<>();
        for (int t = 1; t <= l; t++) {
            int[] starts = blockStarts(firstPart, l, t);
            int[] k = new int[t];
            for (int j = 0; j < t; j++) {
                k[j] = starts[j + 1] - starts[j];
            }
            Schedule schedule = Schedule.of(l, k);
            out.add(new Optimum(t, schedule, IdealError.closedForm(info, schedule)));
        }
        return out;
    }

    /**
     * The programme's state. Level 1: the {@code e_k} and every row of {@code tail} as 64-bit
     * intervals. Level 2, switched on at the first overlap of level-1 intervals: the {@code e_k} at
     * {@value #FINE_BITS} bits and the tails of the chosen candidates at that precision
     * ({@code BigInteger}s, {@code O(1)} per cell; the rows computed before the switch are rebuilt
     * from the table of first parts once). Level 3: exact comparison of the two candidates' values.
     */
    private static final class Programme {
        static final int FINE_BITS = 256;

        final InformationCurve info;
        final int l;
        final Enclosed e;
        final int[][] firstPart;
        long candidates;
        long exactComparisons;
        long fineComparisons;
        /** Level 2: e_k enclosures over 2^FINE_BITS, and the rows of tail (null until switched on). */
        BigInteger[] fineLo;
        BigInteger[] fineHi;
        BigInteger[][] prevFine;
        BigInteger[][] curFine;

        Programme(InformationCurve info) {
            this.info = info;
            this.l = info.length();
            this.e = Enclosed.of(info);
            this.firstPart = new int[l + 1][l + 1];
        }

        void run() {
            long[] elo = e.lo;
            long[] ehi = e.hi;
            // tail[t][a] = min cost of covering positions a..L-1 with t parts; rows t-1 (prev) and t (cur)
            long[] prevLo = new long[l + 1];
            long[] prevHi = new long[l + 1];
            long[] curLo = new long[l + 1];
            long[] curHi = new long[l + 1];
            for (int a = 0; a < l; a++) {
                // one part: the block a..L-1
                int s = l - a;
                curLo[a] = s == 1 ? 0 : s * elo[a + 1] - (s - 1) * ehi[a] - ehi[l];
                curHi[a] = s == 1 ? 0 : s * ehi[a + 1] - (s - 1) * elo[a] - elo[l];
                firstPart[1][a] = s;
                candidates++;
            }
            for (int t = 2; t <= l; t++) {
                long[] x = prevLo;
                prevLo = curLo;
                curLo = x;
                x = prevHi;
                prevHi = curHi;
                curHi = x;
                if (fineLo != null) {
                    BigInteger[][] y = prevFine;
                    prevFine = curFine;
                    curFine = y;
                }
                for (int a = l - t; a >= 0; a--) {
                    long ea1lo = elo[a + 1];
                    long ea1hi = ehi[a + 1];
                    long ealo = elo[a];
                    long eahi = ehi[a];
                    // s = 1: cost 0
                    long bLo = prevLo[a + 1];
                    long bHi = prevHi[a + 1];
                    int arg = 1;
                    BigInteger[] bestFine = null;
                    int last = l - a - (t - 1);
                    candidates += last;
                    for (int s = 2; s <= last; s++) {
                        int rest = a + s;
                        long vLo = s * ea1lo - (s - 1) * eahi - ehi[rest] + prevLo[rest];
                        long vHi = s * ea1hi - (s - 1) * ealo - elo[rest] + prevHi[rest];
                        if (vHi < bLo) {
                            bLo = vLo;
                            bHi = vHi;
                            arg = s;
                            bestFine = null;
                        } else if (vLo <= bHi && !e.exact) {
                            // the intervals overlap: finer enclosures, then the exact values
                            if (fineLo == null) {
                                switchOn(t, a);
                            }
                            if (bestFine == null) {
                                bestFine = fine(a, arg);
                            }
                            BigInteger[] v = fine(a, s);
                            boolean better;
                            if (v[1].compareTo(bestFine[0]) < 0) {
                                better = true;
                                fineComparisons++;
                            } else if (v[0].compareTo(bestFine[1]) > 0) {
                                better = false;
                                fineComparisons++;
                            } else {
                                exactComparisons++;
                                better = exactValue(info, firstPart, t, a, s)
                                        .compareTo(exactValue(info, firstPart, t, a, arg)) < 0;
                            }
                            if (better) {
                                bLo = vLo;
                                bHi = vHi;
                                arg = s;
                                bestFine = v;
                            }
                        }
                    }
                    curLo[a] = bLo;
                    curHi[a] = bHi;
                    firstPart[t][a] = arg;
                    if (fineLo != null) {
                        curFine[a] = bestFine != null ? bestFine : fine(a, arg);
                    }
                }
            }
        }

        /**
         * The level-2 interval of the candidate with first part {@code s} from {@code a}:
         * {@code s e_{a+1} - (s-1) e_a - e_{a+s}} plus the level-2 tail of the previous row.
         */
        BigInteger[] fine(int a, int s) {
            BigInteger lo = prevFine[a + s][0];
            BigInteger hi = prevFine[a + s][1];
            if (s >= 2) {
                BigInteger bs = BigInteger.valueOf(s);
                BigInteger bs1 = BigInteger.valueOf(s - 1L);
                lo = lo.add(bs.multiply(fineLo[a + 1])).subtract(bs1.multiply(fineHi[a])).subtract(fineHi[a + s]);
                hi = hi.add(bs.multiply(fineHi[a + 1])).subtract(bs1.multiply(fineLo[a])).subtract(fineLo[a + s]);
            }
            return new BigInteger[] {lo, hi};
        }

        /**
         * Switches level 2 on while row {@code t} is being filled at start {@code a}: encloses the
         * {@code e_k} at {@value #FINE_BITS} bits and rebuilds the previous row and the finished cells
         * of row {@code t} from their paths.
         */
        void switchOn(int t, int a) {
            fineLo = new BigInteger[l + 1];
            fineHi = new BigInteger[l + 1];
            fineLo[0] = BigInteger.ZERO;
            fineHi[0] = BigInteger.ZERO;
            Rational scale = Rational.of(BigInteger.ONE.shiftLeft(FINE_BITS));
            for (int k = 1; k <= l; k++) {
                Interval iv = info.averageEntropy(k).enclosure(FINE_BITS + 8);
                fineLo[k] = iv.lo().multiply(scale).floor();
                fineHi[k] = iv.hi().multiply(scale).ceil();
            }
            prevFine = new BigInteger[l + 1][];
            curFine = new BigInteger[l + 1][];
            prevFine[l] = new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO};
            for (int b = 0; b <= l - (t - 1); b++) {
                if (b < l) {
                    prevFine[b] = pathFine(t - 1, b);
                }
            }
            for (int b = a + 1; b <= l - t; b++) {
                curFine[b] = pathFine(t, b);
            }
        }

        /** The level-2 interval of the tail {@code (u, b)} by its path in the table. */
        BigInteger[] pathFine(int u, int b) {
            BigInteger lo = BigInteger.ZERO;
            BigInteger hi = BigInteger.ZERO;
            int start = b;
            for (int w = u; w >= 1; w--) {
                int s = firstPart[w][start];
                if (s >= 2) {
                    BigInteger bs = BigInteger.valueOf(s);
                    BigInteger bs1 = BigInteger.valueOf(s - 1L);
                    lo = lo.add(bs.multiply(fineLo[start + 1])).subtract(bs1.multiply(fineHi[start]))
                            .subtract(fineHi[start + s]);
                    hi = hi.add(bs.multiply(fineHi[start + 1])).subtract(bs1.multiply(fineLo[start]))
                            .subtract(fineLo[start + s]);
                }
                start += s;
            }
            return new BigInteger[] {lo, hi};
        }
    }

    /**
     * The exact value of the candidate that covers positions {@code a..L-1} with {@code t} parts, the
     * first of size {@code s} and the rest as in the table (rows {@code < t} are complete).
     */
    private static ExactReal exactValue(InformationCurve info, int[][] firstPart, int t, int a, int s) {
        int l = info.length();
        Rational[] c = new Rational[l + 1];
        java.util.Arrays.fill(c, Rational.ZERO);
        int start = a;
        int size = s;
        for (int u = t; ; u--) {
            if (size >= 2) {
                c[start + 1] = c[start + 1].add(Rational.of(size));
                c[start] = c[start].subtract(Rational.of(size - 1L));
                c[start + size] = c[start + size].subtract(Rational.ONE);
            }
            start += size;
            if (u == 1) {
                break;
            }
            size = firstPart[u - 1][start];
        }
        return info.averageEntropyCombination(c);
    }

    /**
     * The block boundaries {@code 0 = N_0 < N_1 < ... < N_t = l} of the optimum with {@code t}
     * parts, read off the table of first parts: {@code firstPart[u][a]} is the first part of the
     * best covering of positions {@code a..l-1} by {@code u} parts, so
     * {@code N_{j+1} = N_j + firstPart[t-j][N_j]}. Every entry read is checked: it must leave
     * room for the remaining parts, and a last part must end at {@code l}.
     *
     * @throws IllegalArgumentException if an entry read violates this
     */
    /*@ public behavior
      @   requires 1 <= t && t <= l && firstPart != null && firstPart.length > t;
      @   requires (\forall int u; 1 <= u && u <= t; firstPart[u] != null && firstPart[u].length > l);
      @   ensures \result.length == t + 1 && \result[0] == 0 && \result[t] == l;
      @   ensures (\forall int j; 0 <= j && j < t; \result[j] < \result[j + 1]);
      @   signals_only IllegalArgumentException;
      @ pure @*/
    static int[] blockStarts(int[][] firstPart, int l, int t) {
        int[] starts = new int[t + 1];
        int a = 0;
        //@ maintaining 0 <= j && j <= t && starts.length == t + 1 && starts[0] == 0 && starts[j] == a && 0 <= a;
        //@ maintaining j < t ==> a <= l - (t - j);
        //@ maintaining j == t ==> a == l;
        //@ maintaining (\forall int m; 0 <= m && m < j; starts[m] < starts[m + 1]);
        //@ decreasing t - j;
        for (int j = 0; j < t; j++) {
            int u = t - j;
            int p = firstPart[u][a];
            if (p < 1 || p > l - a - (u - 1) || (u == 1 && p != l - a)) {
                throw badFirstPart(u, a, p);
            }
            a += p;
            starts[j + 1] = a;
        }
        return starts;
    }

    //@ private normal_behavior
    //@   ensures \result != null;
    //@ pure helper
    private static IllegalArgumentException badFirstPart(int parts, int start, int part) {
        return new IllegalArgumentException("table of first parts: covering from position " + start + " with "
                + parts + " parts starts with a part of size " + part);
    }

    /** The smallest {@code Ideal} over compositions with {@code T} parts, by enumeration. */
    /*@ public normal_behavior
      @   requires info != null && info.length() <= LiCaiRecursion.MAX_LENGTH;
      @   ensures \result.size() == info.length();
      @ pure @*/
    public static List<ExactReal> enumerate(InformationCurve info) {
        int l = info.length();
        ExactReal[] min = new ExactReal[l + 1];
        for (Schedule k : Schedule.all(l)) {
            ExactReal v = IdealError.closedForm(info, k);
            int t = k.steps();
            min[t] = min[t] == null ? v : min[t].min(v);
        }
        List<ExactReal> out = new ArrayList<>();
        for (int t = 1; t <= l; t++) {
            out.add(min[t]);
        }
        return out;
    }

    /** For each {@code T}: the DP optimum equals the enumerated minimum exactly. */
    /*@ public normal_behavior
      @   requires info != null && info.length() <= LiCaiRecursion.MAX_LENGTH;
      @ pure @*/
    public static List<Check> checks(InformationCurve info) {
        List<Optimum> dp = optimise(info);
        List<ExactReal> en = enumerate(info);
        List<Check> out = new ArrayList<>();
        for (int t = 1; t <= dp.size(); t++) {
            Optimum o = dp.get(t - 1);
            out.add(Check.of(ID, Sources.CHEN_CONG_LI + ", Theorem 4", Confidence.PAPER, Relation.EQ, o.error(),
                    en.get(t - 1), "T = " + t + ": dynamic programme (schedule " + ScheduleText.of(o.schedule)
                            + ") = minimum over all compositions with T parts"));
        }
        return out;
    }
}
