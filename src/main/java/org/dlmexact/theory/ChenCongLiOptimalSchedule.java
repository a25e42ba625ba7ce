package org.dlmexact.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.info.InformationProfile;
import org.dlmexact.sampler.IdealError;
import org.dlmexact.sampler.Schedule;

/**
 * Chen-Cong-Li Theorem 4: the schedule with {@code T} steps that minimises {@code Ideal(k)}, by an
 * exact dynamic programme over block boundaries ({@code Ideal} is a sum of block costs that
 * depend only on where a block starts and its size). Ties are broken towards the schedule whose
 * part sequence is lexicographically smallest. Cross-checked against enumeration.
 */
public final class ChenCongLiOptimalSchedule {

    public static final String ID = "chen-cong-li-optimal-schedule";

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

    private ChenCongLiOptimalSchedule() {
    }

    /** The optimum for every {@code T = 1..L}, by dynamic programming. */
    /*@ public normal_behavior
      @   requires info != null;
      @   ensures \result.size() == info.law().length();
      @ pure @*/
    public static List<Optimum> optimise(InformationProfile info) {
        Objects.requireNonNull(info, "info");
        int l = info.law().length();
        ExactReal[][] cost = new ExactReal[l + 1][l + 1];
        for (int a = 0; a < l; a++) {
            for (int size = 1; a + size <= l; size++) {
                cost[a][size] = IdealError.blockTerm(info, a, size);
            }
        }
        int[][] firstPart = new int[l + 1][l + 1];
        // Built from the end so that ties prefer lexicographically small part sequences:
        // tail[t][a] = min cost of covering positions a..L-1 with t parts; first part chosen smallest on ties.
        ExactReal[][] tail = new ExactReal[l + 2][l + 1];
        tail[0][l] = ExactReal.ZERO;
        for (int t = 1; t <= l; t++) {
            for (int a = l - t; a >= 0; a--) {
                ExactReal b = null;
                int arg = -1;
                for (int size = 1; a + size <= l - (t - 1); size++) {
                    ExactReal rest = tail[t - 1][a + size];
                    if (rest == null) {
                        continue;
                    }
                    ExactReal v = cost[a][size].add(rest);
                    if (b == null || v.compareTo(b) < 0) {
                        b = v;
                        arg = size;
                    }
                }
                tail[t][a] = b;
                firstPart[t][a] = arg;
            }
        }
        List<Optimum> out = new ArrayList<>();
        for (int t = 1; t <= l; t++) {
            int[] starts = blockStarts(firstPart, l, t);
            int[] k = new int[t];
            for (int j = 0; j < t; j++) {
                k[j] = starts[j + 1] - starts[j];
            }
            out.add(new Optimum(t, Schedule.of(l, k), tail[t][0]));
        }
        return out;
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
      @   requires info != null && info.law().length() <= LiCaiRecursion.MAX_LENGTH;
      @   ensures \result.size() == info.law().length();
      @ pure @*/
    public static List<ExactReal> enumerate(InformationProfile info) {
        int l = info.law().length();
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
      @   requires info != null && info.law().length() <= LiCaiRecursion.MAX_LENGTH;
      @ pure @*/
    public static List<Check> checks(InformationProfile info) {
        List<Optimum> dp = optimise(info);
        List<ExactReal> en = enumerate(info);
        List<Check> out = new ArrayList<>();
        for (int t = 1; t <= dp.size(); t++) {
            Optimum o = dp.get(t - 1);
            out.add(Check.of(ID, Sources.CHEN_CONG_LI + ", Theorem 4", Confidence.PAPER, Relation.EQ, o.error(),
                    en.get(t - 1), "T = " + t + ": dynamic programme (schedule " + o.schedule
                            + ") = minimum over all compositions with T parts"));
        }
        return out;
    }
}
