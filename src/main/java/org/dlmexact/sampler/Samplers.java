package org.dlmexact.sampler;

import java.util.Objects;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.Rational;

/**
 * The parser of a {@code --sampler NAME:ARGS} argument: every sampler the engine knows, by name.
 * The names and keys are the interface users' scripts depend on (SPEC.md section 7).
 */
public final class Samplers {

    private Samplers() {
    }

    /** The sampler names, in the order the help lists them. */
    public static final String NAMES = "random-order, entropy-sum, top-probability, low-confidence, mdlm, bernoulli,"
            + " dream, llada, fast-dllm, eb, remdm";

    /** Largest {@code steps} accepted. */
    static final int MAX_STEPS = 100_000;

    /**
     * The sampler {@code text} for sequences of length {@code length}; explicit sizes are read in
     * {@code convention}.
     *
     * @throws InvalidInputException {@code sampler.unknown} for an unknown name, {@code sampler.syntax},
     *     {@code sampler.missing-key}, {@code sampler.unknown-key}, {@code sampler.value}, or the
     *     {@code schedule.*} and {@code rule.*} codes of the sizes and thresholds
     */
    /*@ public behavior
      @   requires text != null && convention != null && length >= 1;
      @   ensures \result.length() == length;
      @   signals_only InvalidInputException;
      @ pure @*/
    public static Sampler parse(String text, int length, Schedule.Convention convention) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(convention, "convention");
        SpecText spec = SpecText.parse(text);
        switch (spec.name()) {
            case "random-order": {
                spec.finish();
                if (spec.positional().equals("all")) {
                    throw new InvalidInputException("schedule.syntax", "--sampler '" + text
                            + "': a sampler takes one schedule, not 'all' (use --schedule all)");
                }
                try {
                    return RandomOrder.of(Schedule.parse(spec.positional(), length, convention));
                } catch (InvalidInputException e) {
                    throw new InvalidInputException(e.code(), "--sampler '" + text + "': " + e.getMessage());
                }
            }
            case "entropy-sum":
            case "top-probability":
            case "low-confidence":
                return Rule.read("--sampler", text, length, convention);
            case "mdlm":
                return mdlm(spec, length);
            case "bernoulli":
                return bernoulli(spec, length);
            case "dream":
                return dream(spec, length);
            case "llada":
                return llada(spec, length);
            case "fast-dllm":
                return fastDllm(spec, length);
            case "eb":
                return eb(spec, length);
            case "remdm":
                return remdm(spec, length);
            default:
                throw new InvalidInputException("sampler.unknown", "--sampler '" + text + "': unknown sampler '"
                        + spec.name() + "'; expected one of " + NAMES);
        }
    }

    private static void noPositional(SpecText spec) {
        if (!spec.positional().isEmpty()) {
            throw new InvalidInputException("sampler.syntax", "--sampler '" + spec.text() + "': " + spec.name()
                    + " takes only KEY=VALUE arguments, not '" + spec.positional() + "'");
        }
    }

    private static int steps(SpecText spec) {
        return spec.integer("steps", true, 0, 1, MAX_STEPS);
    }

    private static Grid linear(SpecText spec, int steps, String eps) {
        Rational e = spec.rational("eps", false, Rational.parse(eps), Rational.ZERO, Rational.ONE);
        if (e.equals(Rational.ONE)) {
            throw new InvalidInputException("sampler.value", "'" + spec.text() + "': eps=1 leaves no time to sample");
        }
        return Grid.linear(steps, e);
    }

    private static PerPosition.Final last(SpecText spec) {
        return spec.choice("final", "argmax", "argmax", "sample").equals("argmax") ? PerPosition.Final.ARGMAX
                : PerPosition.Final.SAMPLE;
    }

    private static boolean flag(SpecText spec, String key, String fallback) {
        return spec.choice(key, fallback, "true", "false").equals("true");
    }

    private static Ranking.Ties ties(SpecText spec) {
        return Ranking.Ties.parse(spec.string("ties", "lowest"));
    }

    private static Ranking.Inclusion inclusion(SpecText spec) {
        return Ranking.Inclusion.parse(spec.string("boundary", "inclusive"));
    }

    private static Sampler mdlm(SpecText spec, int length) {
        noPositional(spec);
        int n = steps(spec);
        Grid g = linear(spec, n, "1/100000");
        PerPosition.Final f = last(spec);
        boolean cache = flag(spec, "cache", "true");
        spec.finish();
        return new PerPosition("mdlm", "steps=" + n + ",eps=" + Rational.ONE.subtract(g.alpha(n)) + ",final="
                + f.name().toLowerCase(java.util.Locale.ROOT) + ",cache=" + cache, length, g, f, false, cache,
                TokenRule.PLAIN);
    }

    private static Sampler bernoulli(SpecText spec, int length) {
        noPositional(spec);
        String text = spec.string("alphas", null);
        if (text == null) {
            throw spec.missing("alphas");
        }
        String[] parts = text.split(";", -1);
        Rational[] a = new Rational[parts.length];
        for (int i = 0; i < parts.length; i++) {
            a[i] = spec.rationalValue("alphas[" + i + "]", parts[i].strip(), Rational.ZERO, Rational.ONE);
        }
        Grid g;
        try {
            g = Grid.ofAlphas(a);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.code(), "--sampler '" + spec.text() + "': " + e.getMessage());
        }
        if (g.steps() > MAX_STEPS) {
            throw new InvalidInputException("sampler.value", "--sampler '" + spec.text() + "': " + g.steps()
                    + " steps, above the limit " + MAX_STEPS);
        }
        PerPosition.Final f = last(spec);
        boolean cache = flag(spec, "cache", "false");
        spec.finish();
        return new PerPosition("bernoulli", "alphas=" + g + ",final=" + f.name().toLowerCase(java.util.Locale.ROOT)
                + ",cache=" + cache, length, g, f, false, cache, TokenRule.PLAIN);
    }

    private static Sampler dream(SpecText spec, int length) {
        noPositional(spec);
        String alg = spec.choice("alg", "origin", "origin", "maskgit_plus", "topk_margin", "entropy");
        if (!spec.has("alg")) {
            throw spec.missing("alg");
        }
        int n = steps(spec);
        Grid g = linear(spec, n, "1/1000");
        TokenRule tok = TokenRule.read(spec, "1", true, TokenRule.TopP.BEFORE);
        if (spec.has("alg_temp")) {
            String at = spec.string("alg_temp", "0");
            if (!Rational.parse(at).isZero()) {
                throw new InvalidInputException("sampler.value", "'" + spec.text() + "': alg_temp=" + at + " draws"
                        + " positions from a softmax over confidences, whose probabilities are irrational; use"
                        + " alg_temp=0 (top-k) instead");
            }
        }
        String keys = "alg=" + alg + ",steps=" + n + ",eps=" + Rational.ONE.subtract(g.alpha(n)) + "," + tok;
        if (alg.equals("origin")) {
            spec.finish();
            return new PerPosition("dream", keys, length, g, PerPosition.Final.NONE, true, false, tok);
        }
        Ranking.Ties t = ties(spec);
        spec.finish();
        DreamTopK.Alg a = DreamTopK.Alg.valueOf(alg.toUpperCase(java.util.Locale.ROOT));
        return new DreamTopK(keys + ",ties=" + t, length, a, g, tok, t);
    }

    private static Sampler llada(SpecText spec, int length) {
        noPositional(spec);
        int n = steps(spec);
        int block = spec.integer("block", false, length, 1, length);
        if (length % block != 0) {
            throw new InvalidInputException("sampler.value", "'" + spec.text() + "': block=" + block
                    + " does not divide the length " + length + " (LLaDA asserts gen_length % block_length == 0)");
        }
        if (n % (length / block) != 0) {
            throw new InvalidInputException("sampler.value", "'" + spec.text() + "': steps=" + n + " is not a multiple"
                    + " of the " + (length / block) + " blocks (LLaDA asserts steps % num_blocks == 0)");
        }
        boolean random = spec.choice("remasking", "low_confidence", "low_confidence", "random").equals("random");
        TokenRule tok = TokenRule.read(spec, "1", false, TokenRule.TopP.BEFORE);
        Ranking.Ties t = ties(spec);
        spec.finish();
        return new Llada("steps=" + n + ",block=" + block + ",remasking=" + (random ? "random" : "low_confidence")
                + "," + tok + ",ties=" + t, length, n, block, random, tok, t);
    }

    private static Sampler fastDllm(SpecText spec, int length) {
        noPositional(spec);
        Rational tau = spec.rational("threshold", false, null, Rational.ZERO, Rational.ONE);
        Rational f = spec.rational("factor", false, null, Rational.ZERO, null);
        if ((tau == null) == (f == null)) {
            throw new InvalidInputException(tau == null ? "sampler.missing-key" : "sampler.value", "'" + spec.text()
                    + "': fast-dllm takes exactly one of threshold=TAU and factor=F");
        }
        int block = spec.integer("block", false, length, 1, length);
        if (length % block != 0) {
            throw new InvalidInputException("sampler.value", "'" + spec.text() + "': block=" + block
                    + " does not divide the length " + length);
        }
        TokenRule tok = TokenRule.read(spec, "1", false, TokenRule.TopP.BEFORE);
        Ranking.Inclusion inc = inclusion(spec);
        Ranking.Ties t = ties(spec);
        spec.finish();
        return new FastDllm((tau != null ? "threshold=" + tau : "factor=" + f) + ",block=" + block + "," + tok
                + ",boundary=" + inc + ",ties=" + t, length, tau, f, block, tok, inc, t);
    }

    private static Sampler eb(SpecText spec, int length) {
        noPositional(spec);
        Rational gamma = spec.rational("gamma", true, null, Rational.ZERO, null);
        TokenRule tok = TokenRule.read(spec, "1", false, TokenRule.TopP.BEFORE);
        Ranking.Inclusion inc = inclusion(spec);
        Ranking.Ties t = ties(spec);
        spec.finish();
        return new EntropyBounded("gamma=" + gamma + "," + tok + ",boundary=" + inc + ",ties=" + t, length, gamma, tok,
                inc, t);
    }

    private static Sampler remdm(SpecText spec, int length) {
        noPositional(spec);
        String mode = spec.string("mode", null);
        if (mode == null) {
            throw spec.missing("mode");
        }
        if (mode.equals("conf")) {
            throw new InvalidInputException("sampler.value", "'" + spec.text() + "': mode=conf spreads sigma by a"
                    + " softmax over confidences, whose values are irrational; use mode=cap or mode=rescale");
        }
        if (!mode.equals("cap") && !mode.equals("rescale")) {
            throw new InvalidInputException("sampler.value", "'" + spec.text() + "': mode=" + mode + " is not one of"
                    + " cap, rescale");
        }
        Rational eta = spec.rational("eta", true, null, Rational.ZERO, Rational.ONE);
        int n = steps(spec);
        Grid g = linear(spec, n, "1/100000");
        Rational p = spec.rational("top_p", false, Rational.ONE, Rational.ZERO, Rational.ONE);
        if (p.isZero()) {
            throw new InvalidInputException("sampler.value", "'" + spec.text() + "': top_p must be positive");
        }
        spec.choice("final", "argmax", "argmax");
        spec.finish();
        TokenRule tok = p.equals(Rational.ONE) ? TokenRule.PLAIN : TokenRule.nucleus(p);
        return new Remdm("mode=" + mode + ",eta=" + eta + ",steps=" + n + ",eps=" + Rational.ONE.subtract(g.alpha(n))
                + ",top_p=" + p + ",final=argmax", length, mode.equals("cap"), eta, g, tok);
    }
}
