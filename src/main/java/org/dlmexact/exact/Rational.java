package org.dlmexact.exact;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * An exact rational number in canonical form: reduced, with a positive denominator and the
 * sign on the numerator. Arithmetic is delegated to Commons Numbers {@link BigFraction};
 * this class adds the canonical sign, the canonical text form ({@code p/q} or {@code p},
 * e.g. {@code -1/2}, never {@code 1/-2}) and a strict parser for user input.
 */
public final class Rational implements Comparable<Rational> {

    /** Largest decimal exponent accepted by {@link #parse(String)}, in absolute value. */
    public static final int MAX_EXPONENT = 1000;
    /** Longest text accepted by {@link #parse(String)}. */
    public static final int MAX_TEXT_LENGTH = 10_000;

    public static final Rational ZERO = new Rational(BigFraction.ZERO);
    public static final Rational ONE = new Rational(BigFraction.ONE);

    private static final Pattern FRACTION = Pattern.compile("([+-]?[0-9]+)/([0-9]+)");
    private static final Pattern DECIMAL =
            Pattern.compile("([+-]?)([0-9]*)(?:\\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?");

    //@ public invariant denominator().signum() > 0;
    //@ public invariant numerator().gcd(denominator()).equals(BigInteger.ONE) || numerator().signum() == 0;
    //@ spec_public
    private final BigFraction value;
    private final BigInteger num;
    private final BigInteger den;

    private Rational(BigFraction f) {
        BigInteger n = f.getNumerator();
        BigInteger d = f.getDenominator();
        if (d.signum() < 0) {
            n = n.negate();
            d = d.negate();
        }
        if (n.signum() == 0) {
            d = BigInteger.ONE;
        }
        this.value = f;
        this.num = n;
        this.den = d;
    }

    /*@ public normal_behavior
      @   ensures \result.numerator().equals(BigInteger.valueOf(n)) && \result.denominator().equals(BigInteger.ONE);
      @ pure @*/
    public static Rational of(long n) {
        return new Rational(BigFraction.of(n));
    }

    /*@ public normal_behavior
      @   requires n != null;
      @   ensures \result.denominator().equals(BigInteger.ONE);
      @ pure @*/
    public static Rational of(BigInteger n) {
        return new Rational(BigFraction.of(Objects.requireNonNull(n, "n")));
    }

    /*@ public normal_behavior
      @   requires d != 0;
      @ also public exceptional_behavior
      @   requires d == 0;
      @   signals_only ArithmeticException;
      @ pure @*/
    public static Rational of(long n, long d) {
        if (d == 0) {
            throw new ArithmeticException("zero denominator in " + n + "/" + d);
        }
        return new Rational(BigFraction.of(BigInteger.valueOf(n), BigInteger.valueOf(d)));
    }

    /*@ public normal_behavior
      @   requires n != null && d != null && d.signum() != 0;
      @ also public exceptional_behavior
      @   requires n != null && d != null && d.signum() == 0;
      @   signals_only ArithmeticException;
      @ pure @*/
    public static Rational of(BigInteger n, BigInteger d) {
        Objects.requireNonNull(n, "n");
        Objects.requireNonNull(d, "d");
        if (d.signum() == 0) {
            throw new ArithmeticException("zero denominator in " + n + "/" + d);
        }
        return new Rational(BigFraction.of(n, d));
    }

    /**
     * Parses an integer ({@code -3}), a fraction ({@code 3/4}, the sign only on the numerator)
     * or an exact decimal ({@code 0.125}, {@code 1.5e-3}; the exponent at most
     * {@value #MAX_EXPONENT} in absolute value). Anything else, including {@code NaN},
     * infinities, an empty denominator or a zero denominator, is refused.
     *
     * @throws NumberFormatException naming the offending text and the reason
     */
    /*@ public normal_behavior
      @   requires isValidText(text);
      @   ensures \result != null;
      @ also public exceptional_behavior
      @   requires !isValidText(text);
      @   signals_only NumberFormatException;
      @ pure @*/
    public static Rational parse(String text) {
        return read(text, Integer.MAX_VALUE);
    }

    /**
     * Whether {@link #parse} accepts {@code text} (by the parser's own code, {@link Parsers}); the
     * tests hold it against the accepted and refused forms of SPEC §2.1.
     */
    /*@ public normal_behavior
      @   ensures true;
      @ pure @*/
    public static boolean isValidText(String text) {
        return Parsers.accepts(() -> read(text, Integer.MAX_VALUE), NumberFormatException.class);
    }

    /**
     * As {@link #parse(String)}, and refuses a numerator or denominator of more than
     * {@code maxBits} bits as written, before any arithmetic on it (so a huge number costs no gcd).
     *
     * @throws NumberFormatException naming the offending text and the reason
     * @throws InvalidInputException {@code number.too-large} when a part has more than {@code maxBits} bits
     */
    /*@ public behavior
      @   requires text != null && maxBits >= 1;
      @   ensures \result.numerator().bitLength() <= maxBits && \result.denominator().bitLength() <= maxBits;
      @   signals_only NumberFormatException, InvalidInputException;
      @ pure @*/
    public static Rational parse(String text, int maxBits) {
        return read(text, maxBits);
    }

    private static Rational read(String text, int maxBits) {
        Objects.requireNonNull(text, "text");
        String s = text.strip();
        if (s.isEmpty()) {
            throw new NumberFormatException("not a rational number: empty text");
        }
        if (s.length() > MAX_TEXT_LENGTH) {
            throw new NumberFormatException("not a rational number: text longer than " + MAX_TEXT_LENGTH + " characters");
        }
        if (s.indexOf('/') >= 0) {
            Matcher m = FRACTION.matcher(s);
            if (!m.matches()) {
                throw new NumberFormatException("not a rational number: " + Echo.quoted(s)
                        + " (expected p/q with integers p and q > 0, e.g. -1/2)");
            }
            BigInteger d = new BigInteger(m.group(2));
            if (d.signum() == 0) {
                throw new NumberFormatException("not a rational number: " + Echo.quoted(s) + " has a zero denominator");
            }
            return of(checkBits(new BigInteger(m.group(1)), s, "numerator", maxBits),
                    checkBits(d, s, "denominator", maxBits));
        }
        Matcher m = DECIMAL.matcher(s);
        if (!m.matches() || (m.group(2).isEmpty() && (m.group(3) == null || m.group(3).isEmpty()))) {
            throw new NumberFormatException("not a rational number: " + Echo.quoted(s)
                    + " (expected an integer, p/q, or an exact decimal such as 0.125)");
        }
        int exponent = 0;
        if (m.group(4) != null) {
            BigInteger e = new BigInteger(m.group(4));
            if (e.abs().compareTo(BigInteger.valueOf(MAX_EXPONENT)) > 0) {
                throw new NumberFormatException("not a rational number: " + Echo.quoted(s) + " has exponent "
                        + Echo.of(e.toString()) + ", beyond the limit of +-" + MAX_EXPONENT);
            }
            exponent = e.intValueExact();
        }
        String frac = m.group(3) == null ? "" : m.group(3);
        BigInteger digits = new BigInteger((m.group(2).isEmpty() ? "0" : m.group(2)) + frac);
        if ("-".equals(m.group(1))) {
            digits = digits.negate();
        }
        int scale = frac.length() - exponent;
        return scale >= 0 ? of(checkBits(digits, s, "numerator", maxBits),
                        checkBits(BigInteger.TEN.pow(scale), s, "denominator", maxBits))
                : of(checkBits(digits.multiply(BigInteger.TEN.pow(-scale)), s, "numerator", maxBits));
    }

    private static BigInteger checkBits(BigInteger n, String text, String part, int maxBits) {
        if (n.bitLength() > maxBits) {
            throw new InvalidInputException("number.too-large", "too large to compute: " + Echo.quoted(text) + " has a "
                    + part + " of " + n.bitLength() + " bits; the limit is " + maxBits + " bits");
        }
        return n;
    }

    /** The numerator, carrying the sign. */
    //@ ensures \result != null;
    //@ pure helper
    public BigInteger numerator() {
        return num;
    }

    /** The denominator, always positive. */
    //@ ensures \result.signum() > 0;
    //@ pure helper
    public BigInteger denominator() {
        return den;
    }

    /** The underlying Commons Numbers value. */
    //@ pure
    public BigFraction toBigFraction() {
        return value;
    }

    //@ ensures \result == numerator().signum();
    //@ pure
    public int signum() {
        return num.signum();
    }

    //@ ensures \result == (numerator().signum() == 0);
    //@ pure
    public boolean isZero() {
        return num.signum() == 0;
    }

    //@ ensures \result == (denominator().equals(BigInteger.ONE));
    //@ pure
    public boolean isInteger() {
        return den.equals(BigInteger.ONE);
    }

    //@ requires o != null;
    //@ pure
    public Rational add(Rational o) {
        return new Rational(value.add(o.value));
    }

    //@ requires o != null;
    //@ pure
    public Rational subtract(Rational o) {
        return new Rational(value.subtract(o.value));
    }

    //@ requires o != null;
    //@ pure
    public Rational multiply(Rational o) {
        return new Rational(value.multiply(o.value));
    }

    //@ requires n != null;
    //@ pure
    public Rational multiply(BigInteger n) {
        return new Rational(value.multiply(n));
    }

    //@ pure
    public Rational multiply(long n) {
        return new Rational(value.multiply(n));
    }

    /*@ public normal_behavior
      @   requires o != null && !o.isZero();
      @ also public exceptional_behavior
      @   requires o != null && o.isZero();
      @   signals_only ArithmeticException;
      @ pure @*/
    public Rational divide(Rational o) {
        if (o.isZero()) {
            throw new ArithmeticException("division of " + this + " by zero");
        }
        return new Rational(value.divide(o.value));
    }

    /*@ public normal_behavior
      @   requires n != 0;
      @ also public exceptional_behavior
      @   requires n == 0;
      @   signals_only ArithmeticException;
      @ pure @*/
    public Rational divide(long n) {
        if (n == 0) {
            throw new ArithmeticException("division of " + this + " by zero");
        }
        return new Rational(value.divide(n));
    }

    //@ pure
    public Rational negate() {
        return new Rational(value.negate());
    }

    //@ pure
    public Rational abs() {
        return num.signum() < 0 ? negate() : this;
    }

    /*@ public normal_behavior
      @   requires !isZero();
      @ also public exceptional_behavior
      @   requires isZero();
      @   signals_only ArithmeticException;
      @ pure @*/
    public Rational reciprocal() {
        if (isZero()) {
            throw new ArithmeticException("reciprocal of zero");
        }
        return new Rational(value.reciprocal());
    }

    //@ requires exponent >= 0;
    //@ pure
    public Rational pow(int exponent) {
        if (exponent < 0) {
            throw new IllegalArgumentException("negative exponent " + exponent);
        }
        return new Rational(value.pow(exponent));
    }

    //@ requires o != null;
    //@ pure
    public Rational min(Rational o) {
        return compareTo(o) <= 0 ? this : o;
    }

    //@ requires o != null;
    //@ pure
    public Rational max(Rational o) {
        return compareTo(o) >= 0 ? this : o;
    }

    /** The largest integer not above this value. */
    //@ pure
    public BigInteger floor() {
        BigInteger[] qr = num.divideAndRemainder(den);
        return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    /** The smallest integer not below this value. */
    //@ pure
    public BigInteger ceil() {
        return num.negate().divideAndRemainder(den)[1].signum() == 0
                ? num.divide(den) : floor().add(BigInteger.ONE);
    }

    /**
     * This value rounded to {@code digits} places after the decimal point, ties away from
     * zero. The result is exact rounding of the exact value.
     */
    //@ requires digits >= 0;
    //@ pure
    public BigDecimal round(int digits) {
        if (digits < 0) {
            throw new IllegalArgumentException("negative digit count " + digits);
        }
        return new BigDecimal(num).divide(new BigDecimal(den), digits, RoundingMode.HALF_UP);
    }

    /** The nearest double (for display beside exact values only; never used in a decision). */
    //@ pure
    public double toDouble() {
        return value.doubleValue();
    }

    /*@ also public normal_behavior
      @   requires o != null;
      @   ensures \result == subtract(o).signum();
      @ pure @*/
    @Override
    public int compareTo(Rational o) {
        return value.compareTo(o.value);
    }

    /*@ also public normal_behavior
      @   ensures \result ==> o != null && o.getClass() == getClass();
      @ pure @*/
    @Override
    public boolean equals(Object o) {
        return o instanceof Rational && num.equals(((Rational) o).num) && den.equals(((Rational) o).den);
    }

    /*@ also public normal_behavior
      @   ensures true;
      @ pure @*/
    @Override
    public int hashCode() {
        return 31 * num.hashCode() + den.hashCode();
    }

    /** The canonical text form: {@code p/q} with {@code q > 1}, or {@code p}. */
    /*@ also public normal_behavior
      @   ensures \result != null;
      @ pure @*/
    @Override
    public String toString() {
        return den.equals(BigInteger.ONE) ? num.toString() : num + "/" + den;
    }
}
