package org.dlmexact.law;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.dlmexact.exact.Echo;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.NumberSize;
import org.dlmexact.exact.Parsers;
import org.dlmexact.exact.Rational;

/**
 * The built-in families of laws, named {@code NAME:ARGS} wherever a law is expected. One
 * generator serves the command line, the tests and the vector generator.
 *
 * <ul>
 *   <li>{@code uniform:V,L}: the uniform law on {@code [V]^L};</li>
 *   <li>{@code product:L:p0,...,p(V-1)}: {@code L} independent tokens with the same marginal;
 *       {@code product:p0,..;q0,..;...}: one marginal per position (separated by {@code ;});</li>
 *   <li>{@code repetition:V,L}: all tokens equal, the common value uniform;</li>
 *   <li>{@code parity:L}: uniform on bit strings of even parity;</li>
 *   <li>{@code pairs:L}: {@code L} even, positions {@code (0,1), (2,3), ...} perfectly correlated
 *       uniform bit pairs, independent across pairs;</li>
 *   <li>{@code markov:L:ROWS} or {@code markov:L:ROWS:START}: a Markov chain with transition
 *       matrix rows separated by {@code ;} and the start law given, or (omitted) the unique
 *       stationary law;</li>
 *   <li>{@code random:V,L,SEED}: weights {@code 1 + (top 4 bits of SplitMix64(SEED))} drawn in
 *       index order, so every outcome has a weight in {@code 1..16};</li>
 *   <li>{@code code:q:G}: the uniform law on the codewords {@code mG} of the linear code over
 *       {@code F_q} ({@code q} prime) with generator matrix {@code G} (rows separated by
 *       {@code ;}).</li>
 *   <li>{@code exchangeable:L:W1@P1;W2@P2;...}: with probability {@code Wc} all {@code L} tokens are
 *       drawn independently from the marginal {@code Pc = p0,p1,...} (a rational mixture of i.i.d.
 *       laws);</li>
 *   <li>{@code rs:q,n,k}: the Reed-Solomon {@code [n, k]} code over {@code F_q}, {@code q} a prime
 *       power ({@link Structure.ReedSolomon}).</li>
 * </ul>
 *
 * <p>{@link #describe} reads a family without building its table: the structured families
 * (uniform, product, repetition, parity, pairs, markov, exchangeable, rs) become a
 * {@link Structure}, at any length; {@link #parse} builds the law, refusing it when {@code V^L} is
 * too large.
 */
public final class Families {

    /** The family names, for help texts and errors. */
    public static final List<String> NAMES =
            List.of("uniform", "product", "repetition", "parity", "pairs", "markov", "random", "code", "exchangeable", "rs");

    private Families() {
    }

    /** Whether {@code spec} names a built-in family (rather than a file). */
    //@ requires spec != null;
    //@ pure
    public static boolean isFamily(String spec) {
        int c = spec.indexOf(':');
        return c > 0 && NAMES.contains(spec.substring(0, c));
    }

    /** The law named by {@code spec}, enumerated (refused with the size estimate when too large). */
    /*@ public normal_behavior
      @   requires isValidSpec(spec);
      @   ensures \result != null;
      @ also public exceptional_behavior
      @   requires !isValidSpec(spec);
      @   signals_only InvalidInputException;
      @ pure @*/
    public static Law parse(String spec) {
        return read(spec).law();
    }

    /**
     * Whether {@link #parse} accepts {@code spec} (by the parser's own code, {@link Parsers}): a
     * valid description ({@link #isDescribable}) whose table is within the limits of SPEC §3.3. The
     * tests hold it against the families of SPEC §3.2 and malformed or too large arguments.
     */
    /*@ public normal_behavior
      @   ensures true;
      @ pure @*/
    public static boolean isValidSpec(String spec) {
        return Parsers.accepts(() -> read(spec).law(), InvalidInputException.class);
    }

    /**
     * The law named by {@code spec}, as a {@link Structure} for the structured families (no table
     * is built, whatever the length) or as an enumerated law for {@code random} and {@code code}.
     */
    /*@ public normal_behavior
      @   requires isDescribable(spec);
      @   ensures \result != null;
      @ also public exceptional_behavior
      @   requires !isDescribable(spec);
      @   signals_only InvalidInputException;
      @ pure @*/
    public static LawDescription describe(String spec) {
        return read(spec);
    }

    /**
     * Whether {@link #describe} accepts {@code spec} (by the parser's own code): a structured family
     * with valid parameters at any length, or a {@code random} or {@code code} law within the limits.
     */
    /*@ public normal_behavior
      @   ensures true;
      @ pure @*/
    public static boolean isDescribable(String spec) {
        return Parsers.accepts(() -> read(spec), InvalidInputException.class);
    }

    private static LawDescription read(String spec) {
        Objects.requireNonNull(spec, "spec");
        int c = spec.indexOf(':');
        if (c <= 0) {
            throw new InvalidInputException("family.unknown", Echo.quoted(spec) + " is not a family NAME:ARGS; families: "
                    + String.join(", ", NAMES));
        }
        String name = spec.substring(0, c);
        String args = spec.substring(c + 1).strip();
        switch (name) {
            case "uniform": {
                int[] a = ints(spec, args, 2);
                if (a[0] < 2 || a[0] > SequenceSpace.MAX_ALPHABET || a[1] < 1) {
                    SequenceSpace.of(a[0], a[1]); // the usual alphabet and length refusals
                }
                Rational[] m = new Rational[a[0]];
                java.util.Arrays.fill(m, Rational.of(1, a[0]));
                return LawDescription.of(spec, new Structure.Product(a[1], new Rational[][] {m}));
            }
            case "repetition": {
                int[] a = ints(spec, args, 2);
                return LawDescription.of(spec, new Structure.Repetition(a[0], a[1]));
            }
            case "parity":
                return LawDescription.of(spec, new Structure.Parity(ints(spec, args, 1)[0]));
            case "pairs":
                return LawDescription.of(spec, new Structure.Pairs(ints(spec, args, 1)[0]));
            case "exchangeable":
                return LawDescription.of(spec, parseExchangeable(spec, args));
            case "rs": {
                int[] a = ints(spec, args, 3);
                return LawDescription.of(spec, new Structure.ReedSolomon(a[0], a[1], a[2]));
            }
            case "random": {
                String[] p = args.split(",", -1);
                if (p.length != 3) {
                    throw bad(spec, "expected random:V,L,SEED");
                }
                int[] vl = ints(spec, p[0] + "," + p[1], 2);
                long seed;
                try {
                    seed = Long.parseLong(p[2].strip());
                } catch (NumberFormatException e) {
                    throw bad(spec, "SEED " + Echo.quoted(p[2]) + " is not a 64-bit integer");
                }
                return LawDescription.of(spec, random(vl[0], vl[1], seed));
            }
            case "product":
                return LawDescription.of(spec, parseProduct(spec, args));
            case "markov":
                return LawDescription.of(spec, parseMarkov(spec, args));
            case "code":
                return LawDescription.of(spec, parseCode(spec, args));
            default:
                    throw new InvalidInputException("family.unknown", "unknown family " + Echo.quoted(name) + " in "
                        + Echo.quoted(spec) + "; families: " + String.join(", ", NAMES));
        }
    }

    /** The uniform law on {@code [V]^L}. */
    //@ requires v >= 2 && l >= 1;
    //@ pure
    public static Law uniform(int v, int l) {
        SequenceSpace sp = SequenceSpace.of(v, l);
        BigInteger[] w = new BigInteger[sp.size()];
        java.util.Arrays.fill(w, BigInteger.ONE);
        return Law.fromWeights(sp, w);
    }

    /** All tokens equal, the common value uniform on {@code [V]}. */
    //@ requires v >= 2 && l >= 1;
    //@ pure
    public static Law repetition(int v, int l) {
        SequenceSpace sp = SequenceSpace.of(v, l);
        BigInteger[] w = zeros(sp.size());
        for (int a = 0; a < v; a++) {
            int[] x = new int[l];
            java.util.Arrays.fill(x, a);
            w[sp.index(x)] = BigInteger.ONE;
        }
        return Law.fromWeights(sp, w);
    }

    /** Uniform on even-parity bit strings of length {@code L}. */
    //@ requires l >= 1;
    //@ pure
    public static Law parity(int l) {
        SequenceSpace sp = SequenceSpace.of(2, l);
        BigInteger[] w = zeros(sp.size());
        for (int i = 0; i < sp.size(); i++) {
            if (Integer.bitCount(i) % 2 == 0) {
                w[i] = BigInteger.ONE;
            }
        }
        return Law.fromWeights(sp, w);
    }

    /** Disjoint perfectly correlated uniform bit pairs {@code (0,1), (2,3), ...}. */
    //@ requires l >= 2 && l % 2 == 0;
    //@ pure
    public static Law pairs(int l) {
        if (l < 2 || l % 2 != 0) {
            throw new InvalidInputException("family.args", "pairs:L needs an even L >= 2, got " + l);
        }
        SequenceSpace sp = SequenceSpace.of(2, l);
        BigInteger[] w = zeros(sp.size());
        for (int i = 0; i < sp.size(); i++) {
            boolean ok = true;
            for (int p = 0; p < l; p += 2) {
                ok &= sp.token(i, p) == sp.token(i, p + 1);
            }
            if (ok) {
                w[i] = BigInteger.ONE;
            }
        }
        return Law.fromWeights(sp, w);
    }

    /** Seeded random weights in {@code 1..16}, drawn in index order. */
    //@ requires v >= 2 && l >= 1;
    //@ pure
    public static Law random(int v, int l, long seed) {
        SequenceSpace sp = SequenceSpace.of(v, l);
        SplitMix64 rng = new SplitMix64(seed);
        BigInteger[] w = new BigInteger[sp.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = BigInteger.valueOf(1 + (rng.nextLong() >>> 60));
        }
        return Law.fromWeights(sp, w);
    }

    /** Independent tokens, position {@code i} with marginal {@code marginals[i]}. */
    /*@ public behavior
      @   requires marginals != null && marginals.length >= 1;
      @   signals_only InvalidInputException;
      @ pure @*/
    public static Law product(Rational[][] marginals) {
        int l = marginals.length;
        if (l < 1) {
            throw new InvalidInputException("law.length", "length must be at least 1, got " + l);
        }
        int v = marginals[0].length;
        for (int i = 0; i < l; i++) {
            if (marginals[i].length != v) {
                throw new InvalidInputException("family.args", "marginal of position " + i + " has "
                        + marginals[i].length + " entries, position 0 has " + v);
            }
            Structure.checkDistribution(marginals[i], "marginal of position " + i);
        }
        SequenceSpace sp = SequenceSpace.of(v, l);
        long bits = 0;
        for (int i = 0; i < l; i++) {
            bits += Structure.commonDenominatorBits(marginals[i], "the marginal of position " + i);
        }
        NumberSize.checkEstimate(bits, "the product law's common denominator (the product of the " + l
                + " marginals' common denominators)");
        Rational[] p = new Rational[sp.size()];
        for (int idx = 0; idx < sp.size(); idx++) {
            Rational q = Rational.ONE;
            for (int i = 0; i < l; i++) {
                q = q.multiply(marginals[i][sp.token(idx, i)]);
            }
            p[idx] = q;
        }
        return Law.fromProbabilities(sp, p);
    }

    /** A Markov chain of length {@code L} with the given start law and transition rows. */
    /*@ public behavior
      @   requires l >= 1 && start != null && rows != null && rows.length == start.length;
      @   signals_only InvalidInputException;
      @ pure @*/
    public static Law markov(int l, Rational[] start, Rational[][] rows) {
        int v = start.length;
        if (rows.length != v) {
            throw new InvalidInputException("family.args", "the chain has " + rows.length + " transition rows but the"
                    + " start law has " + v + " entries");
        }
        Structure.checkDistribution(start, "start law");
        for (int a = 0; a < v; a++) {
            if (rows[a].length != v) {
                throw new InvalidInputException("family.args", "transition row " + a + " has " + rows[a].length
                        + " entries, expected " + v);
            }
            Structure.checkDistribution(rows[a], "transition row " + a);
        }
        SequenceSpace sp = SequenceSpace.of(v, l);
        NumberSize.checkEstimate(Structure.commonDenominatorBits(start, "the start law")
                        + (long) (l - 1) * Structure.commonDenominatorBits(rows, "the transition rows", "transition row "),
                "the chain's common denominator (the start law's times the rows' to the power L-1 = " + (l - 1) + ")");
        Rational[] p = new Rational[sp.size()];
        for (int idx = 0; idx < sp.size(); idx++) {
            Rational q = start[sp.token(idx, 0)];
            for (int i = 1; i < l && !q.isZero(); i++) {
                q = q.multiply(rows[sp.token(idx, i - 1)][sp.token(idx, i)]);
            }
            p[idx] = q;
        }
        return Law.fromProbabilities(sp, p);
    }

    /** The unique stationary law of a transition matrix, by exact Gaussian elimination. */
    /*@ public behavior
      @   requires rows != null && rows.length >= 2;
      @   signals_only InvalidInputException;
      @ pure @*/
    public static Rational[] stationary(Rational[][] rows) {
        int v = rows.length;
        // Cramer and Hadamard: the solution's denominators divide a determinant of v rows of integers
        // below the rows' common denominator R (after clearing it), so they have at most v (bits(R) + log2 v) bits
        NumberSize.checkEstimate((long) v * (Structure.commonDenominatorBits(rows, "the transition rows", "transition row ")
                        + 32 - Integer.numberOfLeadingZeros(v)),
                "the stationary law's common denominator (at most " + v + " times the rows' common denominator)");
        // solve pi (P - I) = 0 with sum pi = 1: v+1 equations, v unknowns; use v-1 balance rows + normalisation
        Rational[][] a = new Rational[v][v + 1];
        for (int j = 0; j < v - 1; j++) {
            for (int i = 0; i < v; i++) {
                Rational pij = rows[i][j];
                a[j][i] = i == j ? pij.subtract(Rational.ONE) : pij;
            }
            a[j][v] = Rational.ZERO;
        }
        for (int i = 0; i < v; i++) {
            a[v - 1][i] = Rational.ONE;
        }
        a[v - 1][v] = Rational.ONE;
        for (int col = 0; col < v; col++) {
            int piv = -1;
            for (int r = col; r < v; r++) {
                if (!a[r][col].isZero()) {
                    piv = r;
                    break;
                }
            }
            if (piv < 0) {
                throw new InvalidInputException("family.args", "the chain has no unique stationary law;"
                        + " give the start law explicitly as markov:L:ROWS:START");
            }
            Rational[] t = a[piv];
            a[piv] = a[col];
            a[col] = t;
            for (int r = 0; r < v; r++) {
                if (r != col && !a[r][col].isZero()) {
                    Rational f = a[r][col].divide(a[col][col]);
                    for (int c = col; c <= v; c++) {
                        a[r][c] = a[r][c].subtract(f.multiply(a[col][c]));
                    }
                }
            }
        }
        Rational[] pi = new Rational[v];
        for (int i = 0; i < v; i++) {
            pi[i] = a[i][v].divide(a[i][i]);
            if (pi[i].signum() < 0) {
                throw new InvalidInputException("family.args", "the chain has no stationary law");
            }
        }
        return pi;
    }

    /** The uniform law on the codewords {@code mG}, {@code m} in {@code F_q^k}, {@code q} prime. */
    /*@ public behavior
      @   requires q >= 2 && generator != null && generator.length >= 1;
      @   signals_only InvalidInputException;
      @ pure @*/
    public static Law linearCode(int q, int[][] generator) {
        if (q < 2 || !BigInteger.valueOf(q).isProbablePrime(50) || q > SequenceSpace.MAX_ALPHABET) {
            throw new InvalidInputException("family.args", "code:q:G needs a prime q <= " + SequenceSpace.MAX_ALPHABET
                    + ", got " + q);
        }
        int k = generator.length;
        int l = generator[0].length;
        for (int r = 0; r < k; r++) {
            if (generator[r].length != l) {
                throw new InvalidInputException("family.args", "generator row " + r + " has " + generator[r].length
                        + " entries, row 0 has " + l);
            }
            for (int c = 0; c < l; c++) {
                if (generator[r][c] < 0 || generator[r][c] >= q) {
                    throw new InvalidInputException("family.args", "generator entry (" + r + ", " + c + ") = "
                            + generator[r][c] + " is outside F_" + q);
                }
            }
        }
        SequenceSpace sp = SequenceSpace.of(q, l);
        BigInteger messages = BigInteger.valueOf(q).pow(k);
        if (messages.compareTo(BigInteger.valueOf(SequenceSpace.MAX_OUTCOMES)) > 0) {
            throw new InvalidInputException("law.too-large", "too large to compute: " + messages + " messages");
        }
        BigInteger[] w = zeros(sp.size());
        int[] m = new int[k];
        for (int n = 0; n < messages.intValueExact(); n++) {
            int r = n;
            for (int i = k - 1; i >= 0; i--) {
                m[i] = r % q;
                r /= q;
            }
            int[] x = new int[l];
            for (int c = 0; c < l; c++) {
                int s = 0;
                for (int i = 0; i < k; i++) {
                    s = (s + m[i] * generator[i][c]) % q;
                }
                x[c] = s;
            }
            int idx = sp.index(x);
            w[idx] = w[idx].add(BigInteger.ONE);
        }
        return Law.fromWeights(sp, w);
    }

    /** The mixture {@code sum_c weights[c] * (marginals[c])^{(x) L}} of i.i.d. laws. */
    /*@ public behavior
      @   requires l >= 1 && weights != null && marginals != null && weights.length == marginals.length;
      @   signals_only InvalidInputException;
      @ pure @*/
    public static Law exchangeable(int l, Rational[] weights, Rational[][] marginals) {
        new Structure.Exchangeable(l, weights, marginals); // validates
        SequenceSpace sp = SequenceSpace.of(marginals[0].length, l);
        Rational[] p = new Rational[sp.size()];
        for (int idx = 0; idx < sp.size(); idx++) {
            Rational sum = Rational.ZERO;
            for (int c = 0; c < weights.length; c++) {
                Rational q = weights[c];
                for (int i = 0; i < l && !q.isZero(); i++) {
                    q = q.multiply(marginals[c][sp.token(idx, i)]);
                }
                sum = sum.add(q);
            }
            p[idx] = sum;
        }
        return Law.fromProbabilities(sp, p);
    }

    /**
     * The Reed-Solomon {@code [n, k]} code over {@code F_q}: uniform on
     * {@code x_i = sum_{j<k} m_j a_i^j}, {@code m} uniform on {@code F_q^k}, {@code a_i} the field
     * element encoded {@code i} ({@link FiniteField}).
     */
    /*@ public behavior
      @   requires q >= 2 && 1 <= k && k <= n && n <= q;
      @   signals_only InvalidInputException;
      @ pure @*/
    public static Law reedSolomon(int q, int n, int k) {
        new Structure.ReedSolomon(q, n, k); // validates
        SequenceSpace sp = SequenceSpace.of(q, n);
        FiniteField f = FiniteField.of(q);
        BigInteger[] w = zeros(sp.size());
        int messages = sp.power(k);
        int[] m = new int[k];
        int[] x = new int[n];
        for (int msg = 0; msg < messages; msg++) {
            int r = msg;
            for (int j = k - 1; j >= 0; j--) {
                m[j] = r % q;
                r /= q;
            }
            for (int i = 0; i < n; i++) {
                // Horner: f(a) = m_0 + a (m_1 + a (m_2 + ...))
                int v = 0;
                for (int j = k - 1; j >= 0; j--) {
                    v = f.add(f.multiply(v, i), m[j]);
                }
                x[i] = v;
            }
            int idx = sp.index(x);
            w[idx] = w[idx].add(BigInteger.ONE);
        }
        return Law.fromWeights(sp, w);
    }

    private static Structure parseProduct(String spec, String args) {
        String[] head = args.split(":", -1);
        if (head.length == 2) {
            int l = ints(spec, head[0], 1)[0];
            if (l < 1) {
                throw new InvalidInputException("law.length", "length must be at least 1, got " + l);
            }
            return new Structure.Product(l, new Rational[][] {rationals(spec, head[1], "marginal")});
        }
        if (head.length != 1) {
            throw bad(spec, "expected product:L:p0,p1,... or product:p0,p1,...;q0,q1,...");
        }
        String[] rows = args.split(";", -1);
        Rational[][] all = new Rational[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            all[i] = rationals(spec, rows[i], "marginal of position " + i);
        }
        return new Structure.Product(all.length, all);
    }

    private static Structure parseExchangeable(String spec, String args) {
        String[] head = args.split(":", -1);
        if (head.length != 2) {
            throw bad(spec, "expected exchangeable:L:W1@P1;W2@P2;... with Pc = p0,p1,... (e.g."
                    + " exchangeable:8:1/2@1/4,3/4;1/2@3/4,1/4)");
        }
        int l = ints(spec, head[0], 1)[0];
        String[] comps = head[1].split(";", -1);
        Rational[] weights = new Rational[comps.length];
        Rational[][] marginals = new Rational[comps.length][];
        for (int c = 0; c < comps.length; c++) {
            String[] wp = comps[c].split("@", -1);
            if (wp.length != 2) {
                throw bad(spec, "component " + c + " " + Echo.quoted(comps[c]) + " is not WEIGHT@p0,p1,...");
            }
            if (wp[0].contains(",")) {
                throw bad(spec, "weight of component " + c + " " + Echo.quoted(wp[0]) + " is not one rational");
            }
            weights[c] = rationals(spec, wp[0], "weight of component " + c)[0];
            marginals[c] = rationals(spec, wp[1], "marginal of component " + c);
        }
        return new Structure.Exchangeable(l, weights, marginals);
    }

    private static Structure parseMarkov(String spec, String args) {
        String[] parts = args.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw bad(spec, "expected markov:L:ROWS or markov:L:ROWS:START (rows separated by ';')");
        }
        int l = ints(spec, parts[0], 1)[0];
        String[] rowText = parts[1].split(";", -1);
        Rational[][] rows = new Rational[rowText.length][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = rationals(spec, rowText[i], "transition row " + i);
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != rows.length) {
                throw bad(spec, "transition row " + i + " has " + rows[i].length + " entries, expected " + rows.length);
            }
            Structure.checkDistribution(rows[i], "transition row " + i);
        }
        Rational[] start = parts.length == 3 ? rationals(spec, parts[2], "start law") : stationary(rows);
        if (start.length != rows.length) {
            throw bad(spec, "start law has " + start.length + " entries, expected " + rows.length);
        }
        return Structure.Markov.of(l, start, rows);
    }

    private static Law parseCode(String spec, String args) {
        String[] parts = args.split(":", -1);
        if (parts.length != 2) {
            throw bad(spec, "expected code:q:G with G's rows separated by ';', e.g. code:2:1,1,0;0,1,1");
        }
        int q = ints(spec, parts[0], 1)[0];
        String[] rowText = parts[1].split(";", -1);
        int[][] g = new int[rowText.length][];
        for (int r = 0; r < g.length; r++) {
            g[r] = ints(spec, rowText[r], -1);
        }
        return linearCode(q, g);
    }

    private static int[] ints(String spec, String text, int expected) {
        String[] p = text.split(",", -1);
        if (expected >= 0 && p.length != expected) {
            throw bad(spec, "expected " + expected + " comma-separated integer" + (expected == 1 ? "" : "s")
                    + ", got " + Echo.quoted(text));
        }
        int[] r = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            try {
                r[i] = Integer.parseInt(p[i].strip());
            } catch (NumberFormatException e) {
                throw bad(spec, Echo.quoted(p[i]) + " is not an integer");
            }
        }
        return r;
    }

    private static Rational[] rationals(String spec, String text, String what) {
        String[] p = text.split(",", -1);
        List<Rational> r = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            try {
                r.add(NumberSize.parse(p[i], what + ", entry " + i));
            } catch (NumberFormatException e) {
                throw bad(spec, what + ", entry " + i + ": " + e.getMessage());
            }
        }
        return r.toArray(new Rational[0]);
    }

    private static BigInteger[] zeros(int n) {
        BigInteger[] w = new BigInteger[n];
        java.util.Arrays.fill(w, BigInteger.ZERO);
        return w;
    }

    private static InvalidInputException bad(String spec, String why) {
        return new InvalidInputException("family.args", "bad family " + Echo.quoted(spec) + ": " + why);
    }
}
