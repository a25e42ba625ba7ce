package org.dlmexact.law;

import org.dlmexact.exact.InvalidInputException;

/**
 * The finite field {@code F_q}, {@code q = p^m} a prime power. Elements are the integers
 * {@code 0..q-1}: the element {@code c_0 + c_1 t + ... + c_{m-1} t^{m-1}} of
 * {@code F_p[t]/(f)} is encoded as {@code c_0 + c_1 p + ... + c_{m-1} p^{m-1}} (for prime {@code q}
 * this is arithmetic mod {@code q}). The modulus {@code f} is the first monic irreducible polynomial
 * of degree {@code m} over {@code F_p} when monic polynomials are ordered by their encoding (the same
 * encoding, with the leading coefficient {@code p^m} added). Package-private: the Reed-Solomon family
 * uses it.
 */
final class FiniteField {

    private final int p;
    private final int m;
    private final int q;
    /** Coefficients of the modulus {@code f}, lowest first, without the leading 1. */
    private final int[] modulus;

    private FiniteField(int p, int m) {
        this.p = p;
        this.m = m;
        int qq = 1;
        for (int i = 0; i < m; i++) {
            qq *= p;
        }
        this.q = qq;
        this.modulus = firstIrreducible(p, m);
    }

    /** The field with {@code q} elements. */
    static FiniteField of(int q) {
        int p = primeOf(q);
        if (p == 0) {
            throw new InvalidInputException("family.args", "F_q needs a prime power q, got " + q);
        }
        int m = 0;
        for (int r = q; r > 1; r /= p) {
            m++;
        }
        return new FiniteField(p, m);
    }

    /** The prime {@code p} with {@code q = p^m}, {@code m >= 1}; 0 when {@code q} is not a prime power. */
    static int primeOf(int q) {
        if (q < 2) {
            return 0;
        }
        int p = q;
        for (int d = 2; (long) d * d <= q; d++) {
            if (q % d == 0) {
                p = d;
                break;
            }
        }
        int r = q;
        while (r % p == 0) {
            r /= p;
        }
        return r == 1 ? p : 0;
    }

    int size() {
        return q;
    }

    int add(int a, int b) {
        int r = 0;
        int scale = 1;
        for (int i = 0; i < m; i++) {
            r += ((a % p + b % p) % p) * scale;
            a /= p;
            b /= p;
            scale *= p;
        }
        return r;
    }

    int multiply(int a, int b) {
        int[] x = digits(a);
        int[] y = digits(b);
        int[] prod = new int[2 * m - 1];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                prod[i + j] = (prod[i + j] + x[i] * y[j]) % p;
            }
        }
        // reduce modulo f: t^m = -(f_0 + ... + f_{m-1} t^{m-1})
        for (int d = 2 * m - 2; d >= m; d--) {
            int c = prod[d];
            if (c != 0) {
                prod[d] = 0;
                for (int i = 0; i < m; i++) {
                    prod[d - m + i] = ((prod[d - m + i] - c * modulus[i]) % p + p) % p;
                }
            }
        }
        int r = 0;
        for (int i = m - 1; i >= 0; i--) {
            r = r * p + prod[i];
        }
        return r;
    }

    private int[] digits(int a) {
        int[] d = new int[m];
        for (int i = 0; i < m; i++) {
            d[i] = a % p;
            a /= p;
        }
        return d;
    }

    /** The first monic irreducible polynomial of degree {@code m} over {@code F_p} (coefficients below the leading one). */
    static int[] firstIrreducible(int p, int m) {
        int count = 1;
        for (int i = 0; i < m; i++) {
            count *= p;
        }
        for (int code = 0; code < count; code++) {
            int[] f = monic(code, m, p);
            if (isIrreducible(f, p)) {
                int[] low = new int[m];
                System.arraycopy(f, 0, low, 0, m);
                return low;
            }
        }
        throw new IllegalStateException("no irreducible polynomial of degree " + m + " over F_" + p);
    }

    /** The monic polynomial of degree {@code d} whose lower coefficients are the base-{@code p} digits of {@code code}, lowest first. */
    private static int[] monic(int code, int d, int p) {
        int[] f = new int[d + 1];
        int c = code;
        for (int i = 0; i < d; i++) {
            f[i] = c % p;
            c /= p;
        }
        f[d] = 1;
        return f;
    }

    /** No monic factor of degree 1..deg/2 (trial division over all monic polynomials of those degrees). */
    private static boolean isIrreducible(int[] f, int p) {
        int deg = f.length - 1;
        for (int d = 1; 2 * d <= deg; d++) {
            int count = 1;
            for (int i = 0; i < d; i++) {
                count *= p;
            }
            for (int code = 0; code < count; code++) {
                if (divides(monic(code, d, p), f, p)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether the monic {@code g} divides {@code f} over {@code F_p}. */
    private static boolean divides(int[] g, int[] f, int p) {
        int[] r = f.clone();
        int dg = g.length - 1;
        for (int d = r.length - 1; d >= dg; d--) {
            int c = r[d];
            if (c != 0) {
                for (int i = 0; i <= dg; i++) {
                    r[d - dg + i] = ((r[d - dg + i] - c * g[i]) % p + p) % p;
                }
            }
        }
        for (int i = 0; i < dg; i++) {
            if (r[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
