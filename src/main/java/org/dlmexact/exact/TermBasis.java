package org.dlmexact.exact;

import java.math.BigInteger;
import java.util.BitSet;
import java.util.Objects;

/**
 * A finite family of real numbers {@code t_0, ..., t_{m-1}} (the terms) known by certified
 * enclosures and, on demand, by their exact forms. A symbolic exact real
 * ({@link ExactReal#combination}) is a rational combination of the terms of one basis: its
 * enclosure is the weighted sum of the terms' enclosures, and its canonical form
 * {@code q0 + sum q_j ln(b_j)} is built only when an exact decision needs it or its exact text is
 * asked for. This is how quantities with thousands of large logarithm atoms (the information curve
 * of a long Markov chain) are compared and printed without being expanded.
 *
 * <p>A subclass computes the enclosures of all its terms at once ({@link #computeBounds}) and, for a
 * primitive basis, the exact form of one term ({@link #computeExact}) and the set of atoms the
 * term's exact form is built from ({@link #computeAtoms}, identifiers of the integers under
 * {@code ln} before factoring; they measure the size of an exact text before it is built). Results
 * are cached here. Enclosures are computed at a precision of at least {@value #MIN_BITS} bits,
 * rounded up to a multiple of 64, and lower requests are served from the highest one computed (a
 * derived basis asks its parent for a few guard bits more than it serves, which then costs one
 * parent level, not two).
 *
 * <p>A derived basis ({@link #parent()} not null) has terms that are themselves symbolic
 * combinations of its parent's terms ({@link #expansion}); values over a derived basis and over its
 * parent can then be added formally.
 */
public abstract class TermBasis {

    /** The lowest precision at which the enclosures of a basis are computed. */
    public static final int MIN_BITS = 192;

    private final int size;
    /** Per term: its enclosure and the precision it was computed at (0: not yet). */
    private final BigInteger[][] bounds;
    private final int[] boundsBits;
    private final ExactReal[] exact;
    private final BitSet[] atoms;

    /*@ protected normal_behavior
      @   requires size >= 1;
      @ pure @*/
    protected TermBasis(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a term basis needs at least one term, got " + size);
        }
        this.size = size;
        this.bounds = new BigInteger[size][];
        this.boundsBits = new int[size];
        this.exact = new ExactReal[size];
        this.atoms = new BitSet[size];
    }

    /** The precision at which a request for {@code bits} bits is computed: at least {@link #MIN_BITS}, a multiple of 64. */
    //@ requires bits >= 1;
    //@ ensures \result >= bits && \result >= MIN_BITS && \result % 64 == 0;
    //@ pure
    public static int level(int bits) {
        return Math.max(MIN_BITS, (bits + 63) / 64 * 64);
    }

    /** The number of terms. */
    //@ ensures \result >= 1;
    //@ pure helper
    public final int size() {
        return size;
    }

    /**
     * Integers {@code {lo, hi}} with {@code lo / 2^bits <= t_i <= hi / 2^bits}.
     */
    /*@ public normal_behavior
      @   requires 0 <= i && i < size() && bits >= 1;
      @   ensures \result.length == 2 && \result[0].compareTo(\result[1]) <= 0;
      @ also public exceptional_behavior
      @   requires i < 0 || i >= size() || bits < 1;
      @   signals_only IllegalArgumentException;
      @*/
    public final BigInteger[] bounds(int i, int bits) {
        checkIndex(i);
        if (bits < 1) {
            throw new IllegalArgumentException("precision must be at least 1 bit, got " + bits);
        }
        BigInteger[] b;
        int have;
        synchronized (this) {
            if (boundsBits[i] < bits) {
                int level = level(bits);
                if (independentTerms()) {
                    bounds[i] = checked(computeBound(i, level), i);
                    boundsBits[i] = level;
                } else {
                    BigInteger[][] fresh = computeBounds(level);
                    if (fresh.length != size) {
                        throw new IllegalStateException("computeBounds returned " + fresh.length + " terms, expected " + size);
                    }
                    for (int t = 0; t < size; t++) {
                        bounds[t] = checked(fresh[t], t);
                        boundsBits[t] = level;
                    }
                }
            }
            b = bounds[i];
            have = boundsBits[i];
        }
        int shift = have - bits;
        if (shift == 0) {
            return new BigInteger[] {b[0], b[1]};
        }
        return new BigInteger[] {b[0].shiftRight(shift), b[1].negate().shiftRight(shift).negate()};
    }

    private static BigInteger[] checked(BigInteger[] b, int t) {
        if (b.length != 2 || b[0].compareTo(b[1]) > 0) {
            throw new IllegalStateException("an empty enclosure was computed for term " + t);
        }
        return b;
    }

    /** The exact (canonical) form of term {@code i}. */
    /*@ public normal_behavior
      @   requires 0 <= i && i < size();
      @   ensures !\result.isSymbolic();
      @ also public exceptional_behavior
      @   requires i < 0 || i >= size();
      @   signals_only IllegalArgumentException;
      @*/
    public final ExactReal exact(int i) {
        checkIndex(i);
        return cached(exact, i, () -> Objects.requireNonNull(computeExact(i), "computeExact").canonical());
    }

    /** {@code cache[i]}, computed (outside the lock) and stored on first use. */
    private static <T> T cached(T[] cache, int i, java.util.function.Supplier<T> compute) {
        T v;
        synchronized (cache) {
            v = cache[i];
        }
        if (v == null) {
            v = compute.get();
            synchronized (cache) {
                cache[i] = v;
            }
        }
        return v;
    }

    /**
     * Identifiers of the integers whose logarithms make up term {@code i} (before factoring): the
     * size of its exact text. Identifiers are shared with the parent basis of a derived basis.
     */
    /*@ public normal_behavior
      @   requires 0 <= i && i < size();
      @ also public exceptional_behavior
      @   requires i < 0 || i >= size();
      @   signals_only IllegalArgumentException;
      @*/
    public final BitSet atoms(int i) {
        checkIndex(i);
        return (BitSet) cached(atoms, i, () -> (BitSet) Objects.requireNonNull(computeAtoms(i), "computeAtoms").clone())
                .clone();
    }

    /** The basis whose terms expand this basis' terms, or null for a primitive basis. */
    //@ pure
    public /*@ nullable @*/ TermBasis parent() {
        return null;
    }

    /**
     * Term {@code i} as a symbolic combination of the terms of {@link #parent()} (derived bases
     * only). The default refuses: a primitive basis has no expansion.
     */
    /*@ public normal_behavior
      @   requires parent() != null && 0 <= i && i < size();
      @ also public exceptional_behavior
      @   requires parent() == null;
      @   signals_only UnsupportedOperationException;
      @*/
    public ExactReal expansion(int i) {
        throw new UnsupportedOperationException("a primitive basis has no expansion");
    }

    /**
     * Enclosures of every term at {@code bits} bits: {@code result[i] = {lo, hi}} with
     * {@code lo / 2^bits <= t_i <= hi / 2^bits}. The default computes them one by one with
     * {@link #computeBound}.
     */
    protected BigInteger[][] computeBounds(int bits) {
        BigInteger[][] out = new BigInteger[size][];
        for (int t = 0; t < size; t++) {
            out[t] = computeBound(t, bits);
        }
        return out;
    }

    /**
     * Whether the enclosure of one term can be computed on its own ({@link #computeBound}); then only
     * the terms a value uses are ever enclosed. False by default: all terms at once.
     */
    protected boolean independentTerms() {
        return false;
    }

    /** The enclosure of term {@code i} alone at {@code bits} bits (bases with {@link #independentTerms()}). */
    protected BigInteger[] computeBound(int i, int bits) {
        throw new UnsupportedOperationException("this basis computes its enclosures all at once");
    }

    /**
     * The exact form of term {@code i} (canonical or symbolic; it is made canonical by the caller).
     * The default, for a derived basis, is the term's expansion.
     */
    protected ExactReal computeExact(int i) {
        return expansion(i);
    }

    /**
     * The atom identifiers of term {@code i} (see {@link #atoms}). The default, for a derived basis,
     * is the union of the identifiers of the parent terms in the term's expansion.
     */
    protected BitSet computeAtoms(int i) {
        ExactReal e = expansion(i);
        BitSet s = new BitSet();
        SymbolicForm f = e.symbolicForm();
        if (f != null) {
            for (int t : f.idx) {
                s.or(f.basis.atoms(t));
            }
        }
        return s;
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= size) {
            throw new IllegalArgumentException("term " + i + " outside 0.." + (size - 1));
        }
    }
}
