package org.dlmexact.info;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.dlmexact.law.Law;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;

/**
 * The exact entropy {@code H(X_S)} of every subset {@code S} of positions of a law, and the
 * information measures built from them. With {@code mu = w / D},
 * {@code H(X_S) = ln D - (1/D) sum_y w_S(y) ln w_S(y)}; the sums {@code sum w ln w} are kept as
 * integer combinations of logarithms of atoms, so averages over subsets cost integer additions.
 * The marginals come from the {@link MarginalLattice}; the sum of a subset is computed on first
 * use ({@link EntropySums}: distinct weights counted, each split into atoms once).
 */
public final class Entropies {

    private final Law law;
    private final MarginalLattice lattice;
    /** Per mask, once computed: {@code sum_y w ln w} as integer coefficients over small primes and over cofactors. */
    private final Map<BigInteger, BigInteger>[] smallLogs;
    private final Map<BigInteger, BigInteger>[] largeLogs;
    private final ExactReal[] entropy;

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Entropies(Law law) {
        this.law = law;
        this.lattice = MarginalLattice.of(law);
        int n = law.space().fullMask() + 1;
        this.smallLogs = new Map[n];
        this.largeLogs = new Map[n];
        this.entropy = new ExactReal[n];
    }

    /** Computes the entropies of all subsets (refused up front when the lattice is too large). */
    /*@ public normal_behavior
      @   requires law != null;
      @   ensures \result.law() == law;
      @ pure @*/
    public static Entropies of(Law law) {
        return new Entropies(Objects.requireNonNull(law, "law"));
    }

    //@ pure
    public Law law() {
        return law;
    }

    //@ pure
    public MarginalLattice lattice() {
        return lattice;
    }

    /** {@code H(X_S)} for the subset with bit mask {@code mask}; {@code H(X_empty) = 0}. */
    /*@ public normal_behavior
      @   requires 0 <= mask && mask <= law().space().fullMask();
      @   ensures mask == 0 ==> \result.isZero();
      @ pure @*/
    public ExactReal entropy(int mask) {
        checkMask(mask);
        ExactReal h = entropy[mask];
        if (h == null) {
            h = combination(new int[] {mask}, new long[] {1}, Rational.ONE);
            entropy[mask] = h;
        }
        return h;
    }

    /** {@code H(X)}, the entropy of the whole sequence. */
    //@ pure
    public ExactReal jointEntropy() {
        return entropy(law.space().fullMask());
    }

    /**
     * {@code scale * sum_i c_i H(X_{S_i})}, summed as integer logarithm combinations before a
     * single normalisation (cheap for averages over many subsets).
     */
    /*@ public normal_behavior
      @   requires masks != null && counts != null && masks.length == counts.length && scale != null;
      @ pure @*/
    public ExactReal combination(int[] masks, long[] counts, Rational scale) {
        if (masks.length != counts.length) {
            throw new IllegalArgumentException("masks and counts differ in length");
        }
        Map<BigInteger, BigInteger> small = new HashMap<>();
        Map<BigInteger, BigInteger> large = new HashMap<>();
        long lnD = 0;
        for (int i = 0; i < masks.length; i++) {
            checkMask(masks[i]);
            if (masks[i] == 0 || counts[i] == 0) {
                continue;
            }
            lnD += counts[i];
            BigInteger c = BigInteger.valueOf(counts[i]);
            computeLogs(masks[i]);
            smallLogs[masks[i]].forEach((k, v) -> small.merge(k, v.multiply(c), BigInteger::add));
            largeLogs[masks[i]].forEach((k, v) -> large.merge(k, v.multiply(c), BigInteger::add));
        }
        // H = ln D - (1/D) sum w ln w, per subset
        ExactReal sumWlnW = ExactReal.fromIntegerLogs(Rational.ZERO,
                Rational.of(BigInteger.ONE, law.denominator()).negate(), small, large);
        return ExactReal.ln(law.denominator()).multiply(lnD).add(sumWlnW).multiply(scale);
    }

    /**
     * {@code sum_S coefficients[S] * H(X_S)} for rational coefficients: scaled to a common
     * denominator and summed as one integer combination.
     */
    /*@ public normal_behavior
      @   requires coefficients != null;
      @ pure @*/
    public ExactReal linearCombination(Map<Integer, Rational> coefficients) {
        BigInteger common = BigInteger.ONE;
        for (Rational c : coefficients.values()) {
            common = common.divide(common.gcd(c.denominator())).multiply(c.denominator());
        }
        int[] masks = new int[coefficients.size()];
        long[] counts = new long[masks.length];
        int i = 0;
        for (Map.Entry<Integer, Rational> e : coefficients.entrySet()) {
            masks[i] = e.getKey();
            counts[i] = e.getValue().multiply(common).numerator().longValueExact();
            i++;
        }
        return combination(masks, counts, Rational.of(BigInteger.ONE, common));
    }

    /** {@code H(X_A | X_C) = H(X_{A u C}) - H(X_C)}. */
    //@ requires 0 <= a && a <= law().space().fullMask() && 0 <= c && c <= law().space().fullMask();
    //@ pure
    public ExactReal conditionalEntropy(int a, int c) {
        return entropy(a | c).subtract(entropy(c));
    }

    /**
     * {@code I(X_A ; X_B | X_C) = H(AC) + H(BC) - H(ABC) - H(C)} for disjoint masks.
     */
    /*@ public normal_behavior
      @   requires (a & b) == 0 && (a & c) == 0 && (b & c) == 0;
      @   requires 0 <= (a | b | c) && (a | b | c) <= law().space().fullMask();
      @ also public exceptional_behavior
      @   requires (a & b) != 0 || (a & c) != 0 || (b & c) != 0;
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public ExactReal mutualInformation(int a, int b, int c) {
        if ((a & b) != 0 || (a & c) != 0 || (b & c) != 0) {
            throw new IllegalArgumentException("the position sets must be disjoint, got masks "
                    + Integer.toBinaryString(a) + ", " + Integer.toBinaryString(b) + ", " + Integer.toBinaryString(c));
        }
        return combination(new int[] {a | c, b | c, a | b | c, c}, new long[] {1, 1, -1, -1}, Rational.ONE);
    }

    /** Fills {@code smallLogs[mask]} and {@code largeLogs[mask]} on first use. */
    private void computeLogs(int mask) {
        if (smallLogs[mask] != null) {
            return;
        }
        EntropySums sums = new EntropySums(1, 0);
        if (lattice.fitsLong()) {
            sums.add(0, lattice.longMarginal(mask));
        } else {
            sums.add(0, lattice.marginal(mask));
        }
        Map<BigInteger, BigInteger>[][] logs = sums.finish();
        smallLogs[mask] = logs[0][0];
        largeLogs[mask] = logs[1][0];
    }

    private void checkMask(int mask) {
        if (mask < 0 || mask > law.space().fullMask()) {
            throw new IllegalArgumentException("subset mask " + mask + " outside [0, " + law.space().fullMask() + "]");
        }
    }
}
