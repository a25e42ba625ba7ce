package org.dlmexact.info;

import java.math.BigInteger;
import java.util.Objects;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.Rational;
import org.dlmexact.law.Structure;

/**
 * The information curve of a structured law from closed forms, at any length, without enumerating
 * {@code V^L} outcomes (SPEC.md §3.4, proofs-notes/structured-laws.md). {@code e_k} comes from the
 * family's aggregated closed form; {@code TC}, {@code DTC} and {@code SumI} come from their
 * definitions over the closed-form entropies of single positions, the whole sequence and the
 * leave-one-out subsets, so the curve identities (Chen-Cong-Li Lemma 8) are real checks of the
 * aggregation. Values of Markov chains and exchangeable laws are symbolic exact reals
 * ({@link ExactReal#isSymbolic()}); the other families' values are canonical.
 */
public final class StructuredCurve implements InformationCurve {

    /** Largest length accepted. */
    public static final int MAX_LENGTH = 1 << 20;
    /** Markov chains: largest {@code V L^2} (the work of one precision level of {@code e_1..e_L}). */
    public static final long MAX_MARKOV_WORK = 1L << 26;
    /** Markov chains: largest estimated size of the stored powers of the transition matrix, in bits. */
    public static final long MAX_MARKOV_BITS = 1L << 31;
    /** Exchangeable laws: largest number of types {@code C(L+V, V) - 1} summed over {@code k = 1..L}. */
    public static final long MAX_EXCHANGEABLE_TYPES = 600_000;
    /** Exchangeable laws: largest estimated size of the integers formed for all types, in bits. */
    public static final long MAX_EXCHANGEABLE_BITS = 1L << 33;

    //@ public invariant structure() != null;
    private final Structure structure;
    private final ClosedForms forms;
    private final ExactReal totalCorrelation;
    private final ExactReal dualTotalCorrelation;
    private final ExactReal sumMutualInformation;

    private StructuredCurve(Structure structure, ClosedForms forms) {
        this.structure = structure;
        this.forms = forms;
        int l = forms.length();
        ExactReal singles = forms.sumSingles();
        ExactReal joint = forms.joint();
        ExactReal leaveOneOut = forms.sumLeaveOneOut();
        this.totalCorrelation = singles.subtract(joint);
        this.dualTotalCorrelation = leaveOneOut.subtract(joint.multiply(l - 1));
        this.sumMutualInformation = singles.add(leaveOneOut).subtract(joint.multiply(l));
    }

    /** Refuses, with the estimate, a structure too large for its closed forms. */
    /*@ public behavior
      @   requires structure != null;
      @   signals_only InvalidInputException;
      @ pure @*/
    public static void checkSize(Structure structure) {
        Objects.requireNonNull(structure, "structure");
        int l = structure.length();
        if (l > MAX_LENGTH) {
            throw new InvalidInputException("law.too-large", "too large for the closed forms: length " + l
                    + "; the limit is " + MAX_LENGTH);
        }
        if (structure instanceof Structure.Markov m) {
            BigInteger work = BigInteger.valueOf(m.alphabetSize()).multiply(BigInteger.valueOf(l).pow(2));
            BigInteger bits = MarkovForms.storedBits(m);
            if (work.compareTo(BigInteger.valueOf(MAX_MARKOV_WORK)) > 0
                    || bits.compareTo(BigInteger.valueOf(MAX_MARKOV_BITS)) > 0) {
                throw new InvalidInputException("law.too-large", "too large for the closed forms: a Markov chain with"
                        + " alphabetSize " + m.alphabetSize() + " and length " + l + " needs V L^2 = " + work
                        + " operations per precision level (the limit is " + MAX_MARKOV_WORK + ") and stores about "
                        + bits + " bits of matrix powers (the limit is " + MAX_MARKOV_BITS + ")");
            }
        }
        if (structure instanceof Structure.Exchangeable x) {
            BigInteger types = ExchangeableForms.typeCount(l, x.alphabetSize());
            if (types.compareTo(BigInteger.valueOf(MAX_EXCHANGEABLE_TYPES)) > 0) {
                throw new InvalidInputException("law.too-large", "too large for the closed forms: an exchangeable law"
                        + " with alphabetSize " + x.alphabetSize() + " and length " + l + " sums over C(L+V, V) - 1 = "
                        + types + " types; the limit is " + MAX_EXCHANGEABLE_TYPES);
            }
            BigInteger bits = ExchangeableForms.formedBits(x);
            if (bits.compareTo(BigInteger.valueOf(MAX_EXCHANGEABLE_BITS)) > 0) {
                throw new InvalidInputException("law.too-large", "too large for the closed forms: an exchangeable law"
                        + " with " + x.weights().length + " components and length " + l + " forms about " + bits
                        + " bits of integers (C(L+V, V) - 1 = " + types + " types, each a sum of one product per"
                        + " component of up to L bits(d) + bits(D) bits); the limit is " + MAX_EXCHANGEABLE_BITS);
            }
        }
    }

    /** The closed-form curve of {@code structure} (refused up front when too large, see {@link #checkSize}). */
    /*@ public behavior
      @   requires structure != null;
      @   ensures \result.structure() == structure && \result.length() == structure.length();
      @   signals_only InvalidInputException;
      @ pure @*/
    public static StructuredCurve of(Structure structure) {
        checkSize(structure);
        ClosedForms f;
        if (structure instanceof Structure.Product p) {
            f = SimpleForms.product(p);
        } else if (structure instanceof Structure.Repetition r) {
            f = SimpleForms.repetition(r);
        } else if (structure instanceof Structure.Parity p) {
            f = SimpleForms.parity(p);
        } else if (structure instanceof Structure.Pairs p) {
            f = SimpleForms.pairs(p);
        } else if (structure instanceof Structure.ReedSolomon rs) {
            f = SimpleForms.reedSolomon(rs);
        } else if (structure instanceof Structure.Markov m) {
            f = new MarkovForms(m);
        } else {
            f = ExchangeableForms.of((Structure.Exchangeable) structure);
        }
        return new StructuredCurve(structure, f);
    }

    //@ pure helper
    public Structure structure() {
        return structure;
    }

    //@ also ensures \result == structure().length();
    //@ pure
    @Override
    public int length() {
        return forms.length();
    }

    //@ also ensures \result == structure().alphabetSize();
    //@ pure
    @Override
    public int alphabetSize() {
        return forms.alphabetSize();
    }

    /** {@code H(X_S)} by the closed form, for strictly increasing positions in {@code [0, L)}. */
    /*@ public normal_behavior
      @   requires positions != null;
      @   requires (\forall int i; 0 <= i && i < positions.length; 0 <= positions[i] && positions[i] < length());
      @   requires (\forall int i; 0 < i && i < positions.length; positions[i - 1] < positions[i]);
      @   ensures positions.length == 0 ==> \result.isZero();
      @ also public exceptional_behavior
      @   requires positions != null;
      @   requires (\exists int i; 0 <= i && i < positions.length; positions[i] < 0 || positions[i] >= length())
      @        || (\exists int i; 0 < i && i < positions.length; positions[i - 1] >= positions[i]);
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public ExactReal subsetEntropy(int[] positions) {
        for (int i = 0; i < positions.length; i++) {
            if (positions[i] < 0 || positions[i] >= length() || (i > 0 && positions[i - 1] >= positions[i])) {
                throw new IllegalArgumentException("positions must increase strictly within [0, " + length() + "), got "
                        + java.util.Arrays.toString(positions));
            }
        }
        return forms.subsetEntropy(positions.clone());
    }

    /*@ also public normal_behavior
      @   requires 0 <= k && k <= length();
      @ also public exceptional_behavior
      @   requires k < 0 || k > length();
      @   signals_only IllegalArgumentException;
      @ pure @*/
    @Override
    public ExactReal averageEntropy(int k) {
        if (k < 0 || k > length()) {
            throw new IllegalArgumentException("e_" + k + " outside e_0..e_" + length());
        }
        return forms.averageEntropy(k);
    }

    /*@ also public normal_behavior
      @   requires c != null && c.length == length() + 1;
      @ also public exceptional_behavior
      @   requires c != null && c.length != length() + 1;
      @   signals_only IllegalArgumentException;
      @ pure @*/
    @Override
    public ExactReal averageEntropyCombination(Rational[] c) {
        InformationCurve.checkCoefficients(c, length());
        return forms.averageEntropyCombination(c);
    }

    //@ pure
    @Override
    public ExactReal totalCorrelation() {
        return totalCorrelation;
    }

    //@ pure
    @Override
    public ExactReal dualTotalCorrelation() {
        return dualTotalCorrelation;
    }

    //@ pure
    @Override
    public ExactReal sumMutualInformation() {
        return sumMutualInformation;
    }
}
