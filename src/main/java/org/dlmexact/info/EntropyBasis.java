package org.dlmexact.info;

import java.math.BigInteger;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.dlmexact.exact.CertifiedLog;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.exact.TermBasis;

/**
 * A term basis whose terms are entropies of distributions given by integer weights: term {@code i}
 * is {@code H = ln W - (1/W) sum_j m_j w_j ln w_j} for weights {@code w_j >= 1} taken {@code m_j}
 * times with {@code W = sum_j m_j w_j} (the distribution {@code w_j / W}, each value {@code m_j}
 * times). The closed forms of structured laws are rational combinations of such terms (entropies
 * of rows of {@code P^g}, of position marginals, of the joint law of {@code k} exchangeable tokens).
 *
 * <p>Enclosures: {@code ln w} is enclosed by {@link CertifiedLog} (which truncates long integers
 * first, so a 4000-bit weight costs as much as a short one), and the weighted sum is rounded
 * outward. Atom identifiers are positional: term {@code i} owns the identifiers
 * {@code offset_i .. offset_i + n_i} for its total and its weights; equal integers of different
 * terms are not merged, so counts are upper bounds of the number of distinct integers.
 */
final class EntropyBasis extends TermBasis {

    /** The weights of one term: {@code values[j]} taken {@code multiplicities[j]} times (null: once each). */
    record Weights(BigInteger total, BigInteger[] values, /*@ nullable @*/ BigInteger[] multiplicities) {
        BigInteger multiplicity(int j) {
            return multiplicities == null ? BigInteger.ONE : multiplicities[j];
        }
    }

    private final IntFunction<Weights> weights;
    private final int[] offsets;

    /**
     * A basis of {@code count} terms; {@code weights.apply(i)} gives term {@code i}'s weights (it may
     * recompute them; it is called once per precision level and once for the exact form), and
     * {@code atomSlots[i]} bounds the number of integers of term {@code i} (its weights plus one).
     */
    EntropyBasis(int count, IntFunction<Weights> weights, int[] atomSlots) {
        super(count);
        this.weights = weights;
        this.offsets = new int[count + 1];
        for (int i = 0; i < count; i++) {
            offsets[i + 1] = Math.addExact(offsets[i], atomSlots[i]);
        }
    }

    /** A basis over weight vectors held in memory. */
    static EntropyBasis of(java.util.List<Weights> terms) {
        int[] slots = new int[terms.size()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = terms.get(i).values().length + 1;
        }
        return new EntropyBasis(terms.size(), terms::get, slots);
    }

    @Override
    protected boolean independentTerms() {
        return true;
    }

    @Override
    protected BigInteger[] computeBound(int i, int bits) {
        int b = bits + 4;
        Weights w = weights.apply(i);
        BigInteger[] lnW = CertifiedLog.lnBounds(w.total(), b);
        BigInteger sumLo = BigInteger.ZERO;
        BigInteger sumHi = BigInteger.ZERO;
        for (int j = 0; j < w.values().length; j++) {
            BigInteger v = w.values()[j];
            if (v.compareTo(BigInteger.ONE) <= 0) {
                continue;
            }
            BigInteger[] ln = CertifiedLog.lnBounds(v, b);
            BigInteger c = w.multiplicity(j).multiply(v);
            sumLo = sumLo.add(c.multiply(ln[0]));
            sumHi = sumHi.add(c.multiply(ln[1]));
        }
        // H 2^b in [lnW_lo - ceil(sumHi / W), lnW_hi - floor(sumLo / W)]
        BigInteger lo = lnW[0].subtract(ceilDiv(sumHi, w.total()));
        BigInteger hi = lnW[1].subtract(sumLo.divide(w.total()));
        return new BigInteger[] {lo.shiftRight(4), hi.negate().shiftRight(4).negate()};
    }

    @Override
    protected ExactReal computeExact(int i) {
        Weights w = weights.apply(i);
        Map<BigInteger, Rational> terms = new HashMap<>();
        terms.put(w.total(), Rational.ONE);
        for (int j = 0; j < w.values().length; j++) {
            BigInteger v = w.values()[j];
            if (v.compareTo(BigInteger.ONE) > 0) {
                terms.merge(v, Rational.of(w.multiplicity(j).multiply(v), w.total()).negate(), Rational::add);
            }
        }
        return ExactReal.lnCombination(Rational.ZERO, terms);
    }

    @Override
    protected BitSet computeAtoms(int i) {
        Weights w = weights.apply(i);
        BitSet s = new BitSet();
        if (w.total().compareTo(BigInteger.ONE) > 0) {
            s.set(offsets[i]);
        }
        for (int j = 0; j < w.values().length && offsets[i] + 1 + j < offsets[i + 1]; j++) {
            if (w.values()[j].compareTo(BigInteger.ONE) > 0) {
                s.set(offsets[i] + 1 + j);
            }
        }
        return s;
    }

    private static BigInteger ceilDiv(BigInteger x, BigInteger d) {
        BigInteger[] qr = x.divideAndRemainder(d);
        return qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    }
}
