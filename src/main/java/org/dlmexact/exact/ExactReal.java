package org.dlmexact.exact;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exact real number {@code q0 + sum_j q_j ln(b_j)} with rational {@code q0, q_j} and
 * pairwise coprime integers {@code b_j >= 2} (the atoms), every {@code q_j != 0}.
 *
 * <p>Because the logarithms of pairwise coprime integers {@code >= 2} are linearly independent
 * over the rationals, and {@code e^r} is transcendental for rational {@code r != 0}
 * (Lindemann), such a value is zero exactly when {@code q0 = 0} and there are no atoms.
 * Equality is decided by subtracting over a common coprime base; signs and comparisons by
 * certified enclosures refined until they exclude zero (which terminates, since zero is
 * detected exactly first). Decimal output is correctly rounded.
 *
 * <p>A value may also be <em>symbolic</em> ({@link #combination}): a rational combination of the
 * terms of a {@link TermBasis}, kept unexpanded. Its enclosures are weighted sums of the terms'
 * enclosures; formal cancellations (equal coefficient vectors) are detected without expansion; a
 * sign, floor or rounding is decided from enclosures refined up to {@value SymbolicForm#PRECISION_CAP}
 * bits, and only when those cannot decide it is the canonical form built and used. Every method
 * means the value, not the representation: symbolic and canonical forms of one number are equal.
 */
public final class ExactReal implements Comparable<ExactReal> {

    public static final ExactReal ZERO = new ExactReal(Rational.ZERO, new BigInteger[0], new Rational[0]);
    public static final ExactReal ONE = new ExactReal(Rational.ONE, new BigInteger[0], new Rational[0]);

    /** Whitespace inside a number or a name ("1 2", "l n(2)"): refused rather than joined. */
    private static final Pattern SPLIT_TOKEN = Pattern.compile("[0-9.]\\s+[0-9.]|[A-Za-z]\\s+[A-Za-z]");
    private static final Pattern TERM = Pattern.compile(
            "\\G([+-])?(?:([0-9]+(?:/[0-9]+|\\.[0-9]+)?)(?:\\*ln\\(([0-9]+)\\))?|ln\\(([0-9]+)\\))");

    //@ public invariant (symbolic == null) == (atoms != null) && (atoms == null) == (coeffs == null);
    //@ public invariant symbolic == null ==> rational != null && atoms.length == coeffs.length;
    //@ public invariant symbolic == null ==> (\forall int i; 0 <= i && i < atoms.length; atoms[i].compareTo(BigInteger.TWO) >= 0 && !coeffs[i].isZero());
    //@ public invariant symbolic == null ==> (\forall int i; 0 < i && i < atoms.length; atoms[i-1].compareTo(atoms[i]) < 0);
    //@ public invariant symbolic == null ==> (\forall int i, j; 0 <= i && i < j && j < atoms.length; atoms[i].gcd(atoms[j]).equals(BigInteger.ONE));
    //@ spec_public
    private final /*@ nullable @*/ Rational rational;
    //@ spec_public
    private final /*@ nullable @*/ BigInteger[] atoms;
    //@ spec_public
    private final /*@ nullable @*/ Rational[] coeffs;
    /** The symbolic form, or null for a canonical value. */
    //@ spec_public
    private final /*@ nullable @*/ SymbolicForm symbolic;
    /** The canonical form of a symbolic value, once built. */
    private volatile /*@ nullable @*/ ExactReal canonicalCache;

    private ExactReal(Rational rational, BigInteger[] atoms, Rational[] coeffs) {
        this.rational = rational;
        this.atoms = atoms;
        this.coeffs = coeffs;
        this.symbolic = null;
    }

    private ExactReal(SymbolicForm symbolic) {
        this.rational = null;
        this.atoms = null;
        this.coeffs = null;
        this.symbolic = symbolic;
    }

    static ExactReal symbolic(SymbolicForm form) {
        return new ExactReal(form);
    }

    /*@ nullable @*/ SymbolicForm symbolicForm() {
        return symbolic;
    }

    /** The canonical form of this value (itself when canonical), built once for a symbolic value. */
    private ExactReal canon() {
        if (symbolic == null) {
            return this;
        }
        ExactReal c = canonicalCache;
        if (c == null) {
            ExactReal m = SymbolicForm.merged(this);
            c = m.symbolic == null ? m : m.symbolic.materialize();
            canonicalCache = c;
        }
        return c;
    }

    /**
     * The symbolic value {@code (1/denominator) sum_j numerators[j] * t_{indices[j]}} over the terms
     * of {@code basis} (indices may repeat; coefficients that cancel are dropped, and a value without
     * terms is canonical zero).
     */
    /*@ public normal_behavior
      @   requires basis != null && indices != null && numerators != null && denominator != null;
      @   requires indices.length == numerators.length && denominator.signum() > 0;
      @   requires (\forall int j; 0 <= j && j < indices.length; 0 <= indices[j] && indices[j] < basis.size());
      @ also public exceptional_behavior
      @   requires basis != null && indices != null && numerators != null && denominator != null;
      @   requires indices.length != numerators.length || denominator.signum() <= 0
      @        || (\exists int j; 0 <= j && j < indices.length; indices[j] < 0 || indices[j] >= basis.size());
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public static ExactReal combination(TermBasis basis, int[] indices, BigInteger[] numerators, BigInteger denominator) {
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(indices, "indices");
        Objects.requireNonNull(numerators, "numerators");
        Objects.requireNonNull(denominator, "denominator");
        return SymbolicForm.of(basis, indices.clone(), numerators.clone(), denominator, Rational.ZERO, ZERO);
    }

    /** Term {@code i} of {@code basis} as a symbolic value. */
    /*@ public normal_behavior
      @   requires basis != null && 0 <= i && i < basis.size();
      @ also public exceptional_behavior
      @   requires basis != null && (i < 0 || i >= basis.size());
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public static ExactReal term(TermBasis basis, int i) {
        return combination(basis, new int[] {i}, new BigInteger[] {BigInteger.ONE}, BigInteger.ONE);
    }

    /** Whether this value is held in symbolic form (see {@link #combination}). */
    //@ ensures \result == (symbolic != null);
    //@ pure helper
    public boolean isSymbolic() {
        return symbolic != null;
    }

    /** This value in canonical form: itself when canonical; built (once) from the symbolic form otherwise. */
    /*@ public normal_behavior
      @   ensures !\result.isSymbolic() && \result.equals(this);
      @ pure @*/
    public ExactReal canonical() {
        return canon();
    }

    /**
     * The size of the exact text without building it: for a canonical value its number of atoms; for
     * a symbolic value the number of distinct integers under a logarithm in its symbolic form (before
     * factoring and coprime refinement), plus the atoms of its canonical part.
     */
    //@ ensures \result >= 0 && (!isSymbolic() ==> \result == atomCount());
    //@ pure
    public int symbolicAtomCount() {
        return symbolic == null ? atoms.length : symbolic.atomCount();
    }

    /*@ public normal_behavior
      @   requires q != null;
      @   ensures \result.isRational() && \result.rationalPart().equals(q);
      @ pure @*/
    public static ExactReal of(Rational q) {
        Objects.requireNonNull(q, "q");
        return q.isZero() ? ZERO : new ExactReal(q, new BigInteger[0], new Rational[0]);
    }

    //@ pure
    public static ExactReal of(long n) {
        return of(Rational.of(n));
    }

    /** {@code ln(n)} for an integer {@code n >= 1}. */
    /*@ public normal_behavior
      @   requires n != null && n.signum() > 0;
      @ also public exceptional_behavior
      @   requires n != null && n.signum() <= 0;
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public static ExactReal ln(BigInteger n) {
        return lnCombination(Rational.ZERO, Map.of(Objects.requireNonNull(n, "n"), Rational.ONE));
    }

    //@ requires n >= 1;
    //@ pure
    public static ExactReal ln(long n) {
        return ln(BigInteger.valueOf(n));
    }

    /** {@code ln(q)} for a rational {@code q > 0}. */
    /*@ public normal_behavior
      @   requires q != null && q.signum() > 0;
      @ also public exceptional_behavior
      @   requires q != null && q.signum() <= 0;
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public static ExactReal ln(Rational q) {
        if (q.signum() <= 0) {
            throw new IllegalArgumentException("logarithm of non-positive rational " + q);
        }
        Map<BigInteger, Rational> terms = new HashMap<>();
        terms.put(q.numerator(), Rational.ONE);
        terms.merge(q.denominator(), Rational.ONE.negate(), Rational::add);
        return lnCombination(Rational.ZERO, terms);
    }

    /** {@code p ln p} for a rational {@code p >= 0}, with {@code 0 ln 0 = 0}. */
    /*@ public normal_behavior
      @   requires p != null && p.signum() >= 0;
      @ also public exceptional_behavior
      @   requires p != null && p.signum() < 0;
      @   signals_only IllegalArgumentException;
      @ pure @*/
    public static ExactReal xLnX(Rational p) {
        if (p.signum() < 0) {
            throw new IllegalArgumentException("x ln x of negative rational " + p);
        }
        return p.isZero() ? ZERO : ln(p).multiply(p);
    }

    /**
     * {@code q0 + sum terms[n] * ln(n)} for positive integers {@code n} (not necessarily coprime,
     * {@code n = 1} allowed and ignored).
     */
    /*@ public normal_behavior
      @   requires q0 != null && terms != null;
      @ pure @*/
    public static ExactReal lnCombination(Rational q0, Map<BigInteger, Rational> terms) {
        Map<BigInteger, Rational> small = new HashMap<>();
        Map<BigInteger, Rational> large = new HashMap<>();
        for (Map.Entry<BigInteger, Rational> e : terms.entrySet()) {
            Atoms.addLn(e.getKey(), e.getValue(), small, large);
        }
        return normalize(q0, small, large);
    }

    /**
     * {@code scale * sum c_n ln(n)} for integer coefficients split as by
     * {@link Atoms#addLnInteger}: {@code small} keyed by small primes, {@code large} by cofactors.
     */
    /*@ public normal_behavior
      @   requires q0 != null && scale != null && small != null && large != null;
      @ pure @*/
    public static ExactReal fromIntegerLogs(Rational q0, Rational scale, Map<BigInteger, BigInteger> small,
                                            Map<BigInteger, BigInteger> large) {
        Map<BigInteger, Rational> s = new HashMap<>();
        for (Map.Entry<BigInteger, BigInteger> e : small.entrySet()) {
            if (e.getValue().signum() != 0) {
                s.put(e.getKey(), scale.multiply(e.getValue()));
            }
        }
        Map<BigInteger, Rational> l = new HashMap<>();
        for (Map.Entry<BigInteger, BigInteger> e : large.entrySet()) {
            if (e.getValue().signum() != 0) {
                l.put(e.getKey(), scale.multiply(e.getValue()));
            }
        }
        return normalize(q0, s, l);
    }

    private static ExactReal normalize(Rational q0, Map<BigInteger, Rational> small, Map<BigInteger, Rational> large) {
        TreeMap<BigInteger, Rational> all = nonZero(small);
        if (!large.isEmpty()) {
            all.putAll(large.size() == 1 ? nonZero(large) : Atoms.refineCofactors(large));
        }
        return fromSorted(q0, all);
    }

    /** The value {@code q0 + sum all[b] ln(b)} over atoms already pairwise coprime with non-zero coefficients. */
    private static ExactReal fromSorted(Rational q0, TreeMap<BigInteger, Rational> all) {
        if (all.isEmpty()) {
            return of(q0);
        }
        BigInteger[] a = new BigInteger[all.size()];
        Rational[] c = new Rational[all.size()];
        int i = 0;
        for (Map.Entry<BigInteger, Rational> e : all.entrySet()) {
            a[i] = e.getKey();
            c[i] = e.getValue();
            i++;
        }
        return new ExactReal(q0, a, c);
    }

    private static TreeMap<BigInteger, Rational> nonZero(Map<BigInteger, Rational> m) {
        TreeMap<BigInteger, Rational> t = new TreeMap<>();
        for (Map.Entry<BigInteger, Rational> e : m.entrySet()) {
            if (!e.getValue().isZero()) {
                t.put(e.getKey(), e.getValue());
            }
        }
        return t;
    }

    /** The rational part {@code q0} (canonical: it does not depend on the representation). */
    //@ pure helper
    public Rational rationalPart() {
        return canon().rational;
    }

    /** The logarithmic part as atom to coefficient, atoms pairwise coprime, in increasing order. */
    //@ pure
    public SortedMap<BigInteger, Rational> logCoefficients() {
        ExactReal c = canon();
        TreeMap<BigInteger, Rational> m = new TreeMap<>();
        for (int i = 0; i < c.atoms.length; i++) {
            m.put(c.atoms[i], c.coeffs[i]);
        }
        return Collections.unmodifiableSortedMap(m);
    }

    //@ pure helper
    public int atomCount() {
        return canon().atoms.length;
    }

    //@ pure helper
    public int coefficientCount() {
        return canon().coeffs.length;
    }

    //@ ensures \result == (atomCount() == 0);
    //@ pure
    public boolean isRational() {
        return canon().atoms.length == 0;
    }

    /** Exact zero test. */
    //@ ensures \result == (atomCount() == 0 && rationalPart().isZero());
    //@ pure
    public boolean isZero() {
        if (symbolic != null) {
            return signum() == 0;
        }
        return atoms.length == 0 && rational.isZero();
    }

    //@ requires o != null;
    //@ pure
    public ExactReal add(ExactReal o) {
        return combine(o, false);
    }

    //@ requires o != null;
    //@ pure
    public ExactReal subtract(ExactReal o) {
        return combine(o, true);
    }

    //@ requires q != null;
    //@ pure
    public ExactReal add(Rational q) {
        if (q.isZero()) {
            return this;
        }
        return symbolic != null ? new ExactReal(symbolic.plus(q)) : new ExactReal(rational.add(q), atoms, coeffs);
    }

    //@ pure
    public ExactReal negate() {
        return multiply(Rational.ONE.negate());
    }

    //@ requires q != null;
    //@ ensures q.isZero() ==> \result.isZero();
    //@ pure
    public ExactReal multiply(Rational q) {
        if (q.isZero()) {
            return ZERO;
        }
        if (q.equals(Rational.ONE)) {
            return this;
        }
        if (symbolic != null) {
            return new ExactReal(symbolic.scale(q));
        }
        Rational[] c = new Rational[coeffs.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = coeffs[i].multiply(q);
        }
        return new ExactReal(rational.multiply(q), atoms, c);
    }

    //@ pure
    public ExactReal multiply(long n) {
        return multiply(Rational.of(n));
    }

    /*@ public normal_behavior
      @   requires q != null && !q.isZero();
      @ also public exceptional_behavior
      @   requires q != null && q.isZero();
      @   signals_only ArithmeticException;
      @ pure @*/
    public ExactReal divide(Rational q) {
        if (q.isZero()) {
            throw new ArithmeticException("division of " + this + " by zero");
        }
        return multiply(q.reciprocal());
    }

    //@ requires n != 0;
    //@ pure
    public ExactReal divide(long n) {
        return divide(Rational.of(n));
    }

    private ExactReal combine(ExactReal o, boolean subtract) {
        if (symbolic != null || o.symbolic != null) {
            return SymbolicForm.combine(this, o, subtract);
        }
        Rational sign = subtract ? Rational.ONE.negate() : Rational.ONE;
        Rational q0 = subtract ? rational.subtract(o.rational) : rational.add(o.rational);
        if (o.atoms.length == 0) {
            return new ExactReal(q0, atoms, coeffs);
        }
        if (atoms.length == 0 && !subtract) {
            return new ExactReal(q0, o.atoms, o.coeffs);
        }
        boolean needsRefine = false;
        Map<BigInteger, Rational> small = new HashMap<>();
        Map<BigInteger, Rational> large = new HashMap<>();
        for (int i = 0; i < atoms.length; i++) {
            (Atoms.isSmallPrime(atoms[i]) ? small : large).put(atoms[i], coeffs[i]);
        }
        int largeBefore = large.size();
        for (int i = 0; i < o.atoms.length; i++) {
            Rational c = o.coeffs[i].multiply(sign);
            if (Atoms.isSmallPrime(o.atoms[i])) {
                small.merge(o.atoms[i], c, Rational::add);
            } else {
                if (largeBefore > 0 && !large.containsKey(o.atoms[i])) {
                    needsRefine = true;
                }
                large.merge(o.atoms[i], c, Rational::add);
            }
        }
        TreeMap<BigInteger, Rational> all = nonZero(small);
        all.putAll(needsRefine ? Atoms.refineCofactors(large) : nonZero(large));
        return fromSorted(q0, all);
    }

    /** A certified enclosure: the returned interval contains this value. */
    //@ requires bits >= 1;
    //@ ensures isRational() ==> (\result.lo().equals(rationalPart()) && \result.hi().equals(rationalPart()));
    //@ pure
    public Interval enclosure(int bits) {
        if (symbolic != null) {
            return symbolic.enclosure(bits);
        }
        if (atoms.length == 0) {
            return Interval.of(rational, rational);
        }
        BigInteger loNum = BigInteger.ZERO;
        BigInteger hiNum = BigInteger.ZERO;
        BigInteger common = BigInteger.ONE;
        for (Rational c : coeffs) {
            common = lcm(common, c.denominator());
        }
        for (int i = 0; i < atoms.length; i++) {
            BigInteger[] b = CertifiedLog.lnBounds(atoms[i], bits);
            BigInteger w = coeffs[i].numerator().multiply(common.divide(coeffs[i].denominator()));
            if (w.signum() > 0) {
                loNum = loNum.add(w.multiply(b[0]));
                hiNum = hiNum.add(w.multiply(b[1]));
            } else {
                loNum = loNum.add(w.multiply(b[1]));
                hiNum = hiNum.add(w.multiply(b[0]));
            }
        }
        BigInteger den = common.shiftLeft(bits);
        return Interval.of(rational.add(Rational.of(loNum, den)), rational.add(Rational.of(hiNum, den)));
    }

    private static BigInteger lcm(BigInteger a, BigInteger b) {
        return a.divide(a.gcd(b)).multiply(b);
    }

    /** The exact sign: -1, 0 or 1. */
    //@ ensures isZero() <==> \result == 0;
    //@ pure
    public int signum() {
        if (symbolic != null) {
            for (int bits = 64; bits <= SymbolicForm.PRECISION_CAP; bits *= 2) {
                int s = enclosure(bits).strictSign();
                if (s != 0) {
                    return s;
                }
                if (bits == 64) {
                    // not decided at once: add the parts over related bases formally (an identity may cancel)
                    ExactReal m = SymbolicForm.merged(this);
                    if (m != this) {
                        return m.signum();
                    }
                }
            }
            return canon().signum();
        }
        if (atoms.length == 0) {
            return rational.signum();
        }
        for (int bits = 64; ; bits *= 2) {
            int s = enclosure(bits).strictSign();
            if (s != 0) {
                return s;
            }
        }
    }

    /*@ also public normal_behavior
      @   requires o != null;
      @   ensures \result == subtract(o).signum();
      @ pure @*/
    @Override
    public int compareTo(ExactReal o) {
        return subtract(o).signum();
    }

    //@ requires o != null;
    //@ pure
    public ExactReal min(ExactReal o) {
        return compareTo(o) <= 0 ? this : o;
    }

    //@ requires o != null;
    //@ pure
    public ExactReal max(ExactReal o) {
        return compareTo(o) >= 0 ? this : o;
    }

    /**
     * The largest integer not above this value, decided exactly: a value with atoms is irrational,
     * so refining its enclosure until both ends have the same floor terminates.
     */
    //@ ensures isRational() ==> \result.equals(rationalPart().floor());
    //@ pure
    public BigInteger floor() {
        if (symbolic == null && atoms.length == 0) {
            return rational.floor();
        }
        for (int bits = 64; symbolic == null || bits <= SymbolicForm.PRECISION_CAP; bits *= 2) {
            Interval iv = enclosure(bits);
            BigInteger lo = iv.lo().floor();
            if (lo.equals(iv.hi().floor())) {
                return lo;
            }
        }
        return canon().floor();
    }

    /** The smallest integer not below this value, decided exactly. */
    //@ ensures isRational() ==> \result.equals(rationalPart().ceil());
    //@ pure
    public BigInteger ceil() {
        if (symbolic != null) {
            return negate().floor().negate();
        }
        return atoms.length == 0 ? rational.ceil() : floor().add(BigInteger.ONE);
    }

    /**
     * If {@code this / o} is rational, that rational; otherwise null. Exact: both values are
     * written over one pairwise coprime base refined from all their atoms; the only candidate is
     * the ratio of their coefficients on one atom where {@code o}'s is non-zero, verified by an
     * exact zero test.
     */
    /*@ public normal_behavior
      @   requires o != null && !o.isZero();
      @   ensures \result != null ==> subtract(o.multiply(\result)).isZero();
      @ also public exceptional_behavior
      @   requires o != null && o.isZero();
      @   signals_only ArithmeticException;
      @ pure @*/
    public /*@ nullable @*/ Rational rationalRatio(ExactReal o) {
        if (o.isZero()) {
            throw new ArithmeticException("ratio with a zero denominator");
        }
        if (symbolic != null || o.symbolic != null) {
            Rational known = knownRatio(o);
            return known != null ? known : canon().rationalRatio(o.canon());
        }
        if (isZero()) {
            return Rational.ZERO;
        }
        if (o.atoms.length == 0) {
            return atoms.length == 0 ? rational.divide(o.rational) : null;
        }
        Map<BigInteger, Rational> markers = new HashMap<>();
        for (BigInteger a : atoms) {
            markers.merge(a, Rational.ONE, Rational::add);
        }
        for (BigInteger a : o.atoms) {
            markers.merge(a, Rational.ONE, Rational::add);
        }
        for (BigInteger b : Atoms.refineCofactors(markers).keySet()) {
            Rational y = coefficientOver(o, b);
            if (!y.isZero()) {
                Rational c = coefficientOver(this, b).divide(y);
                return subtract(o.multiply(c)).isZero() ? c : null;
            }
        }
        throw new IllegalStateException("no atom of " + o + " survived refinement");
    }

    /**
     * A rational {@code r} with {@code this = r * o}, found without building a canonical form: for two
     * canonical values exactly {@link #rationalRatio} (null then means the ratio is irrational); for a
     * symbolic value, {@code r} when the two symbolic forms are proportional term by term, and null
     * otherwise (the ratio may still be rational). A cheap sufficient test for optimisations.
     */
    /*@ public normal_behavior
      @   requires o != null && !o.isZero();
      @   ensures \result != null ==> subtract(o.multiply(\result)).isZero();
      @ also public exceptional_behavior
      @   requires o != null && o.isZero();
      @   signals_only ArithmeticException;
      @ pure @*/
    public /*@ nullable @*/ Rational knownRatio(ExactReal o) {
        if (o.isZero()) {
            throw new ArithmeticException("ratio with a zero denominator");
        }
        if (symbolic == null && o.symbolic == null) {
            return rationalRatio(o);
        }
        if (symbolic == null || o.symbolic == null) {
            return null;
        }
        return symbolic.ratio(o.symbolic);
    }

    /** The coefficient of {@code ln b} when {@code x} is written over a base containing {@code b}. */
    private static Rational coefficientOver(ExactReal x, BigInteger b) {
        Rational c = Rational.ZERO;
        for (int i = 0; i < x.atoms.length; i++) {
            BigInteger a = x.atoms[i];
            int e = 0;
            while (a.mod(b).signum() == 0) {
                a = a.divide(b);
                e++;
            }
            if (e > 0) {
                c = c.add(x.coeffs[i].multiply(e));
            }
        }
        return c;
    }

    /**
     * This value correctly rounded to {@code digits} places after the decimal point (ties, which
     * only rational values can have, away from zero). Every digit shown is certified: the
     * string differs from the exact value by at most half a unit in its last place.
     */
    /*@ public normal_behavior
      @   requires digits >= 0;
      @   ensures \result != null;
      @ pure @*/
    public String toDecimal(int digits) {
        return roundedDecimal(digits).toPlainString();
    }

    /** As {@link #toDecimal(int)}, as a BigDecimal of scale {@code digits}. */
    //@ requires digits >= 0;
    //@ pure
    public BigDecimal roundedDecimal(int digits) {
        if (digits < 0) {
            throw new IllegalArgumentException("negative digit count " + digits);
        }
        if (symbolic == null && atoms.length == 0) {
            return rational.round(digits);
        }
        int start = Math.max(64, digits * 4 + 32);
        for (int bits = start; symbolic == null || bits <= Math.max(SymbolicForm.PRECISION_CAP, 2 * start); bits *= 2) {
            Interval iv = enclosure(bits);
            BigDecimal lo = iv.lo().round(digits);
            BigDecimal hi = iv.hi().round(digits);
            if (lo.equals(hi)) {
                return lo;
            }
        }
        return canon().roundedDecimal(digits);
    }

    /**
     * The double nearest to this value (round half to even), for display beside the exact value
     * and for float consumers; never used in a decision. Certified: the enclosure is refined until
     * both of its ends, widened outward to 60 significant digits, round to the same double.
     */
    //@ pure
    public double toDouble() {
        if (symbolic == null && atoms.length == 0) {
            return nearestDouble(rational);
        }
        for (int bits = 96; symbolic == null || bits <= SymbolicForm.PRECISION_CAP; bits *= 2) {
            Interval iv = enclosure(bits);
            double lo = new BigDecimal(iv.lo().numerator()).divide(new BigDecimal(iv.lo().denominator()),
                    new java.math.MathContext(60, java.math.RoundingMode.FLOOR)).doubleValue();
            double hi = new BigDecimal(iv.hi().numerator()).divide(new BigDecimal(iv.hi().denominator()),
                    new java.math.MathContext(60, java.math.RoundingMode.CEILING)).doubleValue();
            if (lo == hi) {
                return lo;
            }
        }
        return canon().toDouble();
    }

    private static double nearestDouble(Rational q) {
        if (q.isZero()) {
            return 0.0;
        }
        for (int digits = 60; ; digits *= 2) {
            BigDecimal num = new BigDecimal(q.numerator());
            BigDecimal den = new BigDecimal(q.denominator());
            double lo = num.divide(den, new java.math.MathContext(digits, java.math.RoundingMode.FLOOR)).doubleValue();
            double hi = num.divide(den, new java.math.MathContext(digits, java.math.RoundingMode.CEILING)).doubleValue();
            if (lo == hi) {
                return lo;
            }
        }
    }

    /*@ also public normal_behavior
      @   ensures \result ==> o != null && o.getClass() == getClass();
      @ pure @*/
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ExactReal)) {
            return false;
        }
        ExactReal x = (ExactReal) o;
        if (symbolic != null || x.symbolic != null) {
            return subtract(x).isZero();
        }
        return rational.equals(x.rational) && subtract(x).isZero();
    }

    /** Consistent with equals: the rational part is canonical. */
    /*@ also public normal_behavior
      @   ensures true;
      @ pure @*/
    @Override
    public int hashCode() {
        return canon().rational.hashCode();
    }

    /**
     * The exact text form, e.g. {@code 2/9*ln(2) + 17/4*ln(3) - 25/36*ln(5)}: the rational part
     * first (omitted when zero), then the atoms in increasing order; {@code 0} for zero. It is
     * unique for values whose atoms are all primes (always the case when every atom is below
     * {@code 2^32}); {@link #parse} reads it back to an equal value.
     */
    /*@ also public normal_behavior
      @   ensures \result != null;
      @ pure @*/
    @Override
    public String toString() {
        if (symbolic != null) {
            return canon().toString();
        }
        if (isZero()) {
            return "0";
        }
        StringBuilder sb = new StringBuilder();
        if (!rational.isZero()) {
            sb.append(rational);
        }
        for (int i = 0; i < atoms.length; i++) {
            Rational c = coeffs[i];
            if (sb.length() == 0) {
                if (c.signum() < 0) {
                    sb.append('-');
                }
            } else {
                sb.append(c.signum() < 0 ? " - " : " + ");
            }
            Rational a = c.abs();
            if (!a.equals(Rational.ONE)) {
                sb.append(a).append('*');
            }
            sb.append("ln(").append(atoms[i]).append(')');
        }
        return sb.toString();
    }

    /**
     * Parses the exact text form: a sum of terms {@code q}, {@code q*ln(n)} or {@code ln(n)}
     * with {@code q} an integer, {@code p/q} or a decimal and {@code n >= 1} an integer, each
     * after the first preceded by {@code +} or {@code -}. Spaces are ignored, except inside a number or a
     * name ({@code "1 2"} is refused, not read as 12).
     *
     * @throws NumberFormatException naming the position of the first unreadable character
     */
    /*@ public normal_behavior
      @   requires isValidText(text);
      @ also public exceptional_behavior
      @   requires !isValidText(text);
      @   signals_only NumberFormatException;
      @ pure @*/
    public static ExactReal parse(String text) {
        return read(text);
    }

    /**
     * Whether {@link #parse} accepts {@code text} (by the parser's own code, {@link Parsers}); the
     * tests hold it against the grammar of SPEC §2.2.
     */
    /*@ public normal_behavior
      @   ensures true;
      @ pure @*/
    public static boolean isValidText(String text) {
        return Parsers.accepts(() -> read(text), NumberFormatException.class);
    }

    private static ExactReal read(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > Rational.MAX_TEXT_LENGTH) {
            throw new NumberFormatException("not an exact real: text longer than " + Rational.MAX_TEXT_LENGTH);
        }
        String s = text.replaceAll("\\s+", "");
        if (s.isEmpty()) {
            throw new NumberFormatException("not an exact real: empty text");
        }
        Matcher split = SPLIT_TOKEN.matcher(text);
        if (split.find()) {
            throw new NumberFormatException("not an exact real: " + Echo.quoted(text) + " has a space inside a number or name at character "
                    + (split.start() + 2) + " (spaces are allowed only around signs, '*', '/' and parentheses)");
        }
        Matcher m = TERM.matcher(s);
        Rational q0 = Rational.ZERO;
        Map<BigInteger, Rational> terms = new HashMap<>();
        int pos = 0;
        boolean first = true;
        while (pos < s.length()) {
            if (!m.find(pos) || m.start() != pos || m.end() == pos || (!first && m.group(1) == null)) {
                int neg = s.indexOf("ln(-", pos);
                if (neg >= 0) {
                    throw new NumberFormatException("not an exact real: " + Echo.quoted(text) + " takes the logarithm of a"
                            + " negative number at character " + (neg + 4) + " of " + Echo.quoted(s));
                }
                throw new NumberFormatException("not an exact real: " + Echo.quoted(text) + " cannot be read at character "
                        + (pos + 1) + " of " + Echo.quoted(s) + " (expected terms like 1/2, 3*ln(2), -ln(5))");
            }
            Rational coeff = m.group(2) != null ? Rational.parse(m.group(2)) : Rational.ONE;
            if ("-".equals(m.group(1))) {
                coeff = coeff.negate();
            }
            String atom = m.group(3) != null ? m.group(3) : m.group(4);
            if (atom == null) {
                q0 = q0.add(coeff);
            } else {
                BigInteger n = new BigInteger(atom);
                if (n.signum() == 0) {
                    throw new NumberFormatException("not an exact real: " + Echo.quoted(text) + " contains ln(0)");
                }
                terms.merge(n, coeff, Rational::add);
            }
            pos = m.end();
            first = false;
        }
        return lnCombination(q0, terms);
    }
}
