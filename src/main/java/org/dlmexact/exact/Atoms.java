package org.dlmexact.exact;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The atoms of exact logarithms: the integers {@code b >= 2} under {@code ln(b)}.
 *
 * <p>An integer is split by trial division into primes below {@link #SMALL_PRIME_LIMIT} and a
 * cofactor with no prime factor below that limit. Small primes are pairwise coprime and
 * coprime to every cofactor, so only cofactors ever need gcd-based coprime refinement
 * ({@link #refine}), which needs no integer factoring. A cofactor below
 * {@code SMALL_PRIME_LIMIT^2} is itself prime.
 */
public final class Atoms {

    /** Trial division removes every prime below this bound. */
    public static final int SMALL_PRIME_LIMIT = 1 << 16;
    private static final int[] PRIMES = sieve(SMALL_PRIME_LIMIT);
    private static final BigInteger LIMIT = BigInteger.valueOf(SMALL_PRIME_LIMIT);
    private static final ConcurrentHashMap<BigInteger, long[]> CACHE = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 500_000;

    private Atoms() {
    }

    /** Empties the factorisation cache (tests use it so that every case exercises the code, not the cache). */
    static void clearCache() {
        CACHE.clear();
    }

    /** Whether {@code a} is an atom that never needs refinement (a prime below the limit). */
    //@ requires a != null;
    //@ ensures \result <==> a.compareTo(BigInteger.valueOf(65536)) < 0;
    //@ pure
    public static boolean isSmallPrime(BigInteger a) {
        return a.compareTo(LIMIT) < 0;
    }

    /**
     * Splits {@code n >= 1} into {@code {p1, e1, p2, e2, ..., cofactor}}: the small primes with
     * their exponents, in increasing order, and the cofactor (1 when {@code n} factors
     * completely over the small primes). The cofactor is stored as the last element only when
     * it fits in a long; otherwise {@code -1} marks that {@link #bigCofactor} must be used.
     */
    private static long[] split(BigInteger n) {
        long[] cached = CACHE.get(n);
        if (cached != null) {
            return cached;
        }
        long[] result = n.bitLength() < 63 ? splitLong(n.longValue()) : splitBig(n);
        if (CACHE.size() > CACHE_LIMIT) {
            CACHE.clear();
        }
        CACHE.put(n, result);
        return result;
    }

    private static long[] splitLong(long n) {
        // n < 2^63 has at most 15 distinct prime factors (the product of the first 16 primes
        // exceeds 2^63), so 15 pairs always fit: no growth is needed here
        long[] buf = new long[2 * 15];
        int len = 0;
        long m = n;
        for (int p : PRIMES) {
            if ((long) p * p > m) {
                break;
            }
            if (m % p == 0) {
                int e = 0;
                do {
                    m /= p;
                    e++;
                } while (m % p == 0);
                buf[len++] = p;
                buf[len++] = e;
            }
        }
        if (m > 1 && m < SMALL_PRIME_LIMIT) {
            // m is a prime below the limit (all smaller primes were removed and p*p > m)
            buf[len++] = m;
            buf[len++] = 1;
            m = 1;
        }
        long[] out = new long[len + 1];
        System.arraycopy(buf, 0, out, 0, len);
        out[len] = m;
        // increasing primes: trial division goes upwards, and a remaining prime m exceeds every
        // prime tried (it has no factor among them)
        return out;
    }

    /** Primes grouped so that each group's product is one BigInteger: one gcd screens a whole group. */
    private static final int GROUP = 32;

    /** The products of the groups and of all small primes, made on first use (only numbers of 63 bits and more need them). */
    private static final class Products {
        static final BigInteger[] GROUPS = groupProducts();
        static final BigInteger ALL = product(GROUPS, 0, GROUPS.length);
    }

    private static BigInteger[] groupProducts() {
        BigInteger[] g = new BigInteger[(PRIMES.length + GROUP - 1) / GROUP];
        for (int i = 0; i < g.length; i++) {
            BigInteger p = BigInteger.ONE;
            for (int k = i * GROUP; k < Math.min(PRIMES.length, (i + 1) * GROUP); k++) {
                p = p.multiply(BigInteger.valueOf(PRIMES[k]));
            }
            g[i] = p;
        }
        return g;
    }

    private static BigInteger product(BigInteger[] a, int from, int to) {
        return to - from == 1 ? a[from] : product(a, from, (from + to) / 2).multiply(product(a, (from + to) / 2, to));
    }

    /**
     * Splits {@code n >= 2^63}: one gcd with the product of all small primes gives the product
     * {@code d} of the distinct small primes dividing {@code n}; the groups are screened against
     * {@code d} (small) instead of {@code n}, and only until {@code d} is used up.
     */
    private static long[] splitBig(BigInteger n) {
        long[] buf = new long[2 * 16 + 1];
        int len = 0;
        BigInteger m = n;
        BigInteger rest = m.gcd(Products.ALL);
        for (int group = 0; group < Products.GROUPS.length && !rest.equals(BigInteger.ONE); group++) {
            if (m.bitLength() < 63) {
                return withLongRest(buf, len, m.longValue());
            }
            BigInteger d = rest.gcd(Products.GROUPS[group]);
            if (d.equals(BigInteger.ONE)) {
                continue;
            }
            rest = rest.divide(d);
            for (int k = group * GROUP; k < Math.min(PRIMES.length, (group + 1) * GROUP); k++) {
                BigInteger bp = BigInteger.valueOf(PRIMES[k]);
                if (d.mod(bp).signum() != 0) {
                    continue;
                }
                int e = 0;
                BigInteger[] qr = m.divideAndRemainder(bp);
                while (qr[1].signum() == 0) {
                    m = qr[0];
                    e++;
                    qr = m.divideAndRemainder(bp);
                }
                buf = ensure(buf, len + 3);
                buf[len++] = PRIMES[k];
                buf[len++] = e;
            }
        }
        if (m.bitLength() < 63) {
            return withLongRest(buf, len, m.longValue());
        }
        long[] out = new long[len + 1];
        System.arraycopy(buf, 0, out, 0, len);
        out[len] = -1;
        return out;
    }

    /** The pairs found so far followed by the split of the remaining cofactor {@code rest}. */
    private static long[] withLongRest(long[] buf, int len, long rest) {
        long[] tail = splitLong(rest);
        long[] out = new long[len + tail.length];
        System.arraycopy(buf, 0, out, 0, len);
        System.arraycopy(tail, 0, out, len, tail.length);
        // still increasing: every prime of the groups screened so far was divided out of rest
        return out;
    }

    private static BigInteger bigCofactor(BigInteger n, long[] split) {
        BigInteger m = n;
        for (int i = 0; i + 1 < split.length; i += 2) {
            m = m.divide(BigInteger.valueOf(split[i]).pow((int) split[i + 1]));
        }
        return m;
    }

    private static long[] ensure(long[] buf, int size) {
        if (size <= buf.length) {
            return buf;
        }
        long[] b = new long[Math.max(size, 2 * buf.length)];
        System.arraycopy(buf, 0, b, 0, buf.length);
        return b;
    }

    /**
     * Adds {@code coefficient * ln(n)} to {@code small} (small primes) and {@code large}
     * (cofactors, not yet refined).
     */
    /*@ public normal_behavior
      @   requires n != null && n.signum() > 0 && coefficient != null && small != null && large != null;
      @   assignable small.*, large.*;
      @*/
    public static void addLn(BigInteger n, Rational coefficient, Map<BigInteger, Rational> small,
                             Map<BigInteger, Rational> large) {
        Objects.requireNonNull(n, "n");
        if (n.signum() <= 0) {
            throw new IllegalArgumentException("logarithm of non-positive integer " + n);
        }
        if (coefficient.isZero() || n.equals(BigInteger.ONE)) {
            return;
        }
        long[] s = split(n);
        for (int i = 0; i + 1 < s.length; i += 2) {
            small.merge(BigInteger.valueOf(s[i]), coefficient.multiply(s[i + 1]), Rational::add);
        }
        long last = s[s.length - 1];
        if (last == -1) {
            large.merge(bigCofactor(n, s), coefficient, Rational::add);
        } else if (last > 1) {
            large.merge(BigInteger.valueOf(last), coefficient, Rational::add);
        }
    }

    /**
     * Adds {@code coefficient * ln(n)} with an integer coefficient to integer-coefficient maps
     * (the fast path for sums of {@code w ln w}).
     */
    /*@ public normal_behavior
      @   requires n != null && n.signum() > 0 && coefficient != null && small != null && large != null;
      @   assignable small.*, large.*;
      @*/
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void addLnInteger(BigInteger n, BigInteger coefficient, Map<BigInteger, BigInteger> small,
                                    Map<BigInteger, BigInteger> large) {
        addLnIntegers(n, new BigInteger[] {Objects.requireNonNull(coefficient, "coefficient")},
                new Map[] {small}, new Map[] {large});
    }

    /**
     * Adds {@code coefficients[s] * ln(n)} to {@code small[s]} and {@code large[s]} for every slot
     * {@code s} whose coefficient is neither null nor zero; {@code n} is split once for all slots.
     */
    /*@ public normal_behavior
      @   requires n != null && n.signum() > 0 && coefficients != null && small != null && large != null;
      @   requires coefficients.length == small.length && coefficients.length == large.length;
      @   assignable small[*].*, large[*].*;
      @ also public exceptional_behavior
      @   requires n != null && n.signum() <= 0;
      @   signals_only IllegalArgumentException;
      @*/
    public static void addLnIntegers(BigInteger n, BigInteger[] coefficients, Map<BigInteger, BigInteger>[] small,
                                     Map<BigInteger, BigInteger>[] large) {
        Objects.requireNonNull(n, "n");
        if (n.signum() <= 0) {
            throw new IllegalArgumentException("logarithm of non-positive integer " + n);
        }
        if (n.equals(BigInteger.ONE)) {
            return;
        }
        long[] s = split(n);
        long last = s[s.length - 1];
        BigInteger cofactor = last == -1 ? bigCofactor(n, s) : last > 1 ? BigInteger.valueOf(last) : null;
        for (int slot = 0; slot < coefficients.length; slot++) {
            BigInteger coefficient = coefficients[slot];
            if (coefficient == null || coefficient.signum() == 0) {
                continue;
            }
            for (int i = 0; i + 1 < s.length; i += 2) {
                BigInteger c = s[i + 1] == 1 ? coefficient : coefficient.multiply(BigInteger.valueOf(s[i + 1]));
                small[slot].merge(BigInteger.valueOf(s[i]), c, BigInteger::add);
            }
            if (cofactor != null) {
                large[slot].merge(cofactor, coefficient, BigInteger::add);
            }
        }
    }

    /**
     * Coprime-base refinement: rewrites {@code sum q_b ln(b)} over a pairwise coprime set of
     * atoms. A pair {@code a, c} with {@code g = gcd(a, c) > 1} is replaced by {@code g},
     * {@code a/g}, {@code c/g} (since {@code ln a = ln g + ln(a/g)}); the product of all atoms
     * strictly decreases at each split, so the process terminates. Atoms whose coefficient
     * vanishes are dropped. No integer is factored.
     */
    /*@ public normal_behavior
      @   requires terms != null;
      @   ensures (\forall BigInteger a; \result.containsKey(a);
      @              (\forall BigInteger b; \result.containsKey(b) && !a.equals(b); a.gcd(b).equals(BigInteger.ONE)));
      @ pure @*/
    public static TreeMap<BigInteger, Rational> refine(Map<BigInteger, Rational> terms) {
        return refine(terms, false);
    }

    /**
     * As {@link #refine(Map)} when every atom below {@code 2^32} is prime: true of the atoms of
     * every {@link ExactReal}, which are small primes or cofactors without a prime factor below
     * {@link #SMALL_PRIME_LIMIT} (and pieces of them), and a cofactor below
     * {@code SMALL_PRIME_LIMIT^2 = 2^32} is prime. Two distinct such primes are coprime, so their
     * gcd is never computed: a new atom below {@code 2^32} is only tried against the atoms above
     * {@code 2^32}, in the same order. The splits made, and so the result, are those of
     * {@link #refine(Map)}.
     */
    static TreeMap<BigInteger, Rational> refineCofactors(Map<BigInteger, Rational> terms) {
        return refine(terms, true);
    }

    private static TreeMap<BigInteger, Rational> refine(Map<BigInteger, Rational> terms, boolean cofactors) {
        TreeMap<BigInteger, Rational> base = new TreeMap<>();
        // with cofactors: the atoms of base above 2^32, the only ones a prime below 2^32 can divide
        TreeSet<BigInteger> wide = new TreeSet<>();
        int candidates = 0;
        for (Map.Entry<BigInteger, Rational> e : terms.entrySet()) {
            if (e.getKey().signum() <= 0) {
                throw new IllegalArgumentException("atom must be a positive integer, got " + e.getKey());
            }
            if (!cofactors || e.getKey().bitLength() > 32) {
                candidates++;
            }
        }
        // atoms coprime to all the others are final as they are: found at once by a batch gcd, so that
        // the pairwise search below only sees the atoms that do share a factor
        Set<BigInteger> alone = candidates >= SCREEN_MIN ? coprimeToTheOthers(terms.keySet()) : Set.of();
        Deque<Object[]> work = new ArrayDeque<>();
        for (Map.Entry<BigInteger, Rational> e : terms.entrySet()) {
            if (!alone.contains(e.getKey())) {
                work.push(new Object[] {e.getKey(), e.getValue()});
            }
        }
        outer:
        while (!work.isEmpty()) {
            Object[] item = work.pop();
            BigInteger c = (BigInteger) item[0];
            Rational q = (Rational) item[1];
            if (c.equals(BigInteger.ONE)) {
                continue;
            }
            Rational existing = base.get(c);
            if (existing != null) {
                base.put(c, existing.add(q));
                continue;
            }
            boolean knownPrime = cofactors && c.bitLength() <= 32;
            for (BigInteger a : knownPrime ? wide : base.keySet()) {
                BigInteger g = a.gcd(c);
                if (!g.equals(BigInteger.ONE)) {
                    Rational qa = base.remove(a);
                    wide.remove(a);
                    work.push(new Object[] {a.divide(g), qa});
                    work.push(new Object[] {c.divide(g), q});
                    work.push(new Object[] {g, qa.add(q)});
                    continue outer;
                }
            }
            base.put(c, q);
            if (cofactors && !knownPrime) {
                wide.add(c);
            }
        }
        for (BigInteger a : alone) {
            base.put(a, terms.get(a));
        }
        base.values().removeIf(Rational::isZero);
        return base;
    }

    /** {@link #refine} screens its atoms with {@link #coprimeToTheOthers} when it has at least this many. */
    private static final int SCREEN_MIN = 16;

    /**
     * The integers {@code c > 1} of {@code atoms} with {@code gcd(c, P / c) = 1}, {@code P} the
     * product of all of them: those coprime to every other one. Bernstein's batch gcd: a product
     * tree gives {@code P}, a remainder tree gives {@code P mod c^2} for every {@code c} (reducing
     * modulo the squares of the tree's nodes, from the root down), and
     * {@code (P mod c^2) / c = (P / c) mod c}. Quasi-linear in the total size instead of a gcd for
     * every pair.
     */
    static Set<BigInteger> coprimeToTheOthers(Collection<BigInteger> atoms) {
        BigInteger[] leaves = atoms.stream().filter(a -> a.compareTo(BigInteger.ONE) > 0).toArray(BigInteger[]::new);
        if (leaves.length == 0) {
            return Set.of();
        }
        List<BigInteger[]> tree = new ArrayList<>();
        tree.add(leaves);
        while (tree.get(tree.size() - 1).length > 1) {
            BigInteger[] below = tree.get(tree.size() - 1);
            BigInteger[] level = new BigInteger[(below.length + 1) / 2];
            for (int i = 0; i < level.length; i++) {
                level[i] = 2 * i + 1 < below.length ? below[2 * i].multiply(below[2 * i + 1]) : below[2 * i];
            }
            tree.add(level);
        }
        BigInteger[] rest = tree.get(tree.size() - 1); // P mod P^2 = P
        for (int k = tree.size() - 2; k >= 0; k--) {
            BigInteger[] level = tree.get(k);
            BigInteger[] next = new BigInteger[level.length];
            for (int i = 0; i < level.length; i++) {
                next[i] = rest[i / 2].mod(level[i].multiply(level[i]));
            }
            rest = next;
        }
        Set<BigInteger> out = new HashSet<>();
        for (int i = 0; i < leaves.length; i++) {
            if (rest[i].divide(leaves[i]).gcd(leaves[i]).equals(BigInteger.ONE)) {
                out.add(leaves[i]);
            }
        }
        return out;
    }

    private static int[] sieve(int limit) {
        boolean[] composite = new boolean[limit];
        int count = 0;
        for (int i = 2; i < limit; i++) {
            if (!composite[i]) {
                count++;
                for (long j = (long) i * i; j < limit; j += i) {
                    composite[(int) j] = true;
                }
            }
        }
        int[] primes = new int[count];
        int k = 0;
        for (int i = 2; i < limit; i++) {
            if (!composite[i]) {
                primes[k++] = i;
            }
        }
        return primes;
    }
}
