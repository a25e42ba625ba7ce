package org.dlmexact.sampler;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.Rational;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.law.SequenceSpace;

/**
 * The optimal predictor of a law written out completely, as a {@code dlm-exact/predictor@1} table
 * (SPEC §5.2): one entry for every visible set {@code C} (every proper subset of the positions),
 * every value vector {@code x_C} and every masked position {@code i}, with the exact conditional
 * row {@code mu(X_i = . | X_C = x_C)}. A context of probability zero ({@code mu(X_C = x_C) = 0})
 * gets the uniform row {@code 1/V}, the row {@link PredictiveRows} gives such a context, and the
 * mark {@code "zeroProbability":true}. Read back as {@code --predictor} the table is therefore the
 * optimal predictor, row for row, including where the data never goes: every output law and error
 * is that of {@code optimal}.
 *
 * <p>There are {@code sum_k C(L, k) V^k (L - k) = L (V+1)^(L-1)} entries; tables above
 * {@link #MAX_ENTRIES} are refused up front. Entries are ordered by the visible set's bit mask, then
 * by the values' index (lexicographic), then by the position; one entry per line, a final newline,
 * so the same law always gives the same bytes.
 */
public final class ConditionalTable {

    /** Largest number of entries written. */
    public static final long MAX_ENTRIES = 1_000_000L;

    private ConditionalTable() {
    }

    /** {@code L (V+1)^(L-1)}, the number of contexts {@code (C, x_C, i)} with {@code i} outside {@code C}. */
    /*@ public normal_behavior
      @   requires v >= 1 && l >= 1;
      @   ensures \result.signum() > 0;
      @ also public exceptional_behavior
      @   requires v < 1 || l < 1;
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public static BigInteger entryCount(int v, int l) {
        if (v < 1 || l < 1) {
            throw new IllegalArgumentException("entryCount needs v >= 1 and l >= 1, got v = " + v + ", l = " + l);
        }
        return BigInteger.valueOf(v + 1L).pow(l - 1).multiply(BigInteger.valueOf(l));
    }

    /** Refuses, with the estimate, a table of more than {@link #MAX_ENTRIES} entries. */
    /*@ public normal_behavior
      @   requires v >= 1 && l >= 1 && entryCount(v, l).compareTo(BigInteger.valueOf(MAX_ENTRIES)) <= 0;
      @ also public exceptional_behavior
      @   requires v >= 1 && l >= 1 && entryCount(v, l).compareTo(BigInteger.valueOf(MAX_ENTRIES)) > 0;
      @   signals_only InvalidInputException;
      @ pure @*/
    public static void checkSize(int v, int l) {
        BigInteger n = entryCount(v, l);
        if (n.compareTo(BigInteger.valueOf(MAX_ENTRIES)) > 0) {
            throw new InvalidInputException("conditionals.too-large", "too large: the conditional table of length "
                    + l + " over " + v + " symbols has L (V+1)^(L-1) = " + n + " entries; the limit is "
                    + MAX_ENTRIES);
        }
    }

    /**
     * The table of the lattice's law as canonical text.
     *
     * @throws InvalidInputException {@code conditionals.too-large} (before any work) when the
     *     table has more than {@link #MAX_ENTRIES} entries
     */
    /*@ public normal_behavior
      @   requires lattice != null;
      @   requires entryCount(lattice.law().alphabetSize(), lattice.law().length())
      @            .compareTo(BigInteger.valueOf(MAX_ENTRIES)) <= 0;
      @   ensures \result.startsWith("{\"schema\":\"" + PredictorTable.SCHEMA + "\"") && \result.endsWith("]}\n");
      @ also public exceptional_behavior
      @   requires lattice != null;
      @   requires entryCount(lattice.law().alphabetSize(), lattice.law().length())
      @            .compareTo(BigInteger.valueOf(MAX_ENTRIES)) > 0;
      @   signals_only InvalidInputException;
      @ pure @*/
    public static String text(MarginalLattice lattice) {
        Objects.requireNonNull(lattice, "lattice");
        SequenceSpace sp = lattice.law().space();
        int v = sp.alphabetSize();
        int l = sp.length();
        checkSize(v, l);
        Predictor optimal = Predictors.optimal(lattice);
        Rational[] uniform = new Rational[v];
        Arrays.fill(uniform, Rational.of(1, v));
        StringBuilder sb = new StringBuilder();
        sb.append("{\"schema\":\"").append(PredictorTable.SCHEMA).append("\",\"alphabetSize\":").append(v)
                .append(",\"length\":").append(l).append(",\"entries\":[");
        boolean first = true;
        int[] x = new int[l];
        for (int mask = 0; mask < sp.fullMask(); mask++) {
            int[] visible = Context.positions(mask);
            BigInteger[] marginal = lattice.marginal(mask);
            for (int values = 0; values < marginal.length; values++) {
                Context.decode(sp, mask, values, x);
                String head = "  {\"visible\":" + list(visible, null) + ",\"values\":" + list(visible, x)
                        + ",\"position\":";
                boolean zero = marginal[values].signum() == 0;
                for (int i = 0; i < l; i++) {
                    if ((mask & (1 << i)) != 0) {
                        continue;
                    }
                    Rational[] row = zero ? uniform : optimal.row(mask, values, i);
                    sb.append(first ? "\n" : ",\n").append(head).append(i).append(",\"p\":[");
                    first = false;
                    for (int a = 0; a < v; a++) {
                        sb.append(a == 0 ? "\"" : ",\"").append(row[a]).append('"');
                    }
                    sb.append(']');
                    if (zero) {
                        sb.append(",\"").append(PredictorTable.ZERO_PROBABILITY).append("\":true");
                    }
                    sb.append('}');
                }
            }
        }
        return sb.append("\n]}\n").toString();
    }

    /** {@code [p, q, ...]} of the positions, or of {@code x} at those positions when {@code x} is given. */
    private static String list(int[] positions, /*@ nullable @*/ int[] x) {
        StringBuilder sb = new StringBuilder("[");
        for (int n = 0; n < positions.length; n++) {
            sb.append(n == 0 ? "" : ",").append(x == null ? positions[n] : x[positions[n]]);
        }
        return sb.append(']').toString();
    }
}
