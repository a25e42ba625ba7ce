package org.dlmexact.info;

import java.util.HashSet;
import java.util.Set;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.law.Structure;

/**
 * Closed forms whose values have a handful of small atoms, kept canonical: products of
 * independent tokens, the repetition and even-parity codes, disjoint equal pairs, Reed-Solomon
 * codes, and exchangeable laws whose components are point masses (all tokens equal). In each,
 * {@code H(X_S)} depends on {@code S} through a simple count (proofs-notes/structured-laws.md).
 */
final class SimpleForms extends ClosedForms {

    /** The entropy of a set of positions, and {@code e_k}, for one family. */
    private abstract static class Family {
        abstract ExactReal subset(int[] positions);

        abstract ExactReal average(int k);

        /** {@code sum_i H(X_{[L] \ {i}})}, in closed form. */
        abstract ExactReal leaveOneOutSum(int l);
    }

    private final int length;
    private final int alphabetSize;
    private final Family family;

    private SimpleForms(int length, int alphabetSize, Family family) {
        this.length = length;
        this.alphabetSize = alphabetSize;
        this.family = family;
    }

    /** Independent tokens: {@code H(X_S) = sum_{i in S} H(p_i)}, {@code e_k = (k/L) sum_i H(p_i)}. */
    static SimpleForms product(Structure.Product p) {
        int l = p.length();
        ExactReal[] h = new ExactReal[p.identical() ? 1 : l];
        ExactReal total = ExactReal.ZERO;
        for (int i = 0; i < h.length; i++) {
            h[i] = entropy(p.marginal(i));
            total = total.add(h[i]);
        }
        ExactReal sum = p.identical() ? total.multiply(l) : total;
        return new SimpleForms(l, p.alphabetSize(), new Family() {
            @Override
            ExactReal subset(int[] s) {
                if (p.identical()) {
                    return h[0].multiply(s.length);
                }
                ExactReal r = ExactReal.ZERO;
                for (int i : s) {
                    r = r.add(h[i]);
                }
                return r;
            }

            @Override
            ExactReal average(int k) {
                return sum.multiply(Rational.of(k, l));
            }

            @Override
            ExactReal leaveOneOutSum(int length) {
                // each position is left out once: sum_i (total - H(p_i)) = (L - 1) total
                return sum.multiply(l - 1);
            }
        });
    }

    /** Repetition code: {@code H(X_S) = ln V} for every non-empty {@code S}. */
    static SimpleForms repetition(Structure.Repetition r) {
        ExactReal h = ExactReal.ln(r.alphabetSize());
        return new SimpleForms(r.length(), r.alphabetSize(), counting(k -> h));
    }

    /**
     * All tokens equal to one symbol drawn from {@code w} (an exchangeable law whose components are
     * point masses): {@code H(X_S) = H(w)} for every non-empty {@code S}.
     */
    static SimpleForms allEqual(int length, int alphabetSize, Rational[] w) {
        ExactReal h = entropy(w);
        return new SimpleForms(length, alphabetSize, counting(k -> h));
    }

    /** Even parity: {@code H(X_S) = |S| ln 2} for {@code |S| < L}, {@code (L-1) ln 2} for {@code S = [L]}. */
    static SimpleForms parity(Structure.Parity p) {
        int l = p.length();
        ExactReal ln2 = ExactReal.ln(2);
        return new SimpleForms(l, 2, counting(k -> ln2.multiply(k < l ? k : l - 1)));
    }

    /** Reed-Solomon: {@code H(X_S) = min(|S|, k) ln q}. */
    static SimpleForms reedSolomon(Structure.ReedSolomon rs) {
        ExactReal lnq = ExactReal.ln(rs.q());
        return new SimpleForms(rs.n(), rs.q(), counting(m -> lnq.multiply(Math.min(m, rs.k()))));
    }

    /**
     * Disjoint equal pairs: {@code H(X_S) = (number of pairs S meets) ln 2};
     * {@code e_k = (L(L-1) - (L-k)(L-k-1)) / (2(L-1)) ln 2}.
     */
    static SimpleForms pairs(Structure.Pairs p) {
        int l = p.length();
        ExactReal ln2 = ExactReal.ln(2);
        return new SimpleForms(l, 2, new Family() {
            @Override
            ExactReal subset(int[] s) {
                Set<Integer> pairs = new HashSet<>();
                for (int i : s) {
                    pairs.add(i / 2);
                }
                return ln2.multiply(pairs.size());
            }

            @Override
            ExactReal average(int k) {
                long n = (long) l * (l - 1) - (long) (l - k) * (l - k - 1);
                return ln2.multiply(Rational.of(n, 2L * (l - 1)));
            }

            @Override
            ExactReal leaveOneOutSum(int length) {
                // without one position every pair is still met (through the other one)
                return ln2.multiply(Rational.of((long) l * (l / 2)));
            }
        });
    }

    /** A family whose subset entropy depends on the size only ({@code e_k = f(k)}). */
    private static Family counting(java.util.function.IntFunction<ExactReal> f) {
        return new Family() {
            @Override
            ExactReal subset(int[] s) {
                return average(s.length);
            }

            @Override
            ExactReal average(int k) {
                return k == 0 ? ExactReal.ZERO : f.apply(k);
            }

            @Override
            ExactReal leaveOneOutSum(int l) {
                return average(l - 1).multiply(l);
            }
        };
    }

    /** {@code H(p) = -sum_a p_a ln p_a}, exact. */
    static ExactReal entropy(Rational[] p) {
        ExactReal h = ExactReal.ZERO;
        for (Rational q : p) {
            h = h.subtract(ExactReal.xLnX(q));
        }
        return h;
    }

    @Override
    int length() {
        return length;
    }

    @Override
    int alphabetSize() {
        return alphabetSize;
    }

    @Override
    ExactReal subsetEntropy(int[] positions) {
        return family.subset(positions);
    }

    @Override
    ExactReal averageEntropy(int k) {
        return family.average(k);
    }

    @Override
    ExactReal sumSingles() {
        ExactReal s = ExactReal.ZERO;
        for (int i = 0; i < length; i++) {
            s = s.add(family.subset(new int[] {i}));
        }
        return s;
    }

    @Override
    ExactReal joint() {
        int[] all = new int[length];
        for (int i = 0; i < length; i++) {
            all[i] = i;
        }
        return family.subset(all);
    }

    @Override
    ExactReal sumLeaveOneOut() {
        return family.leaveOneOutSum(length);
    }
}
