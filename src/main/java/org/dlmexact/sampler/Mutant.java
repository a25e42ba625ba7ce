package org.dlmexact.sampler;

import java.util.Locale;
import java.util.Objects;
import org.dlmexact.exact.Echo;
import org.dlmexact.exact.InvalidInputException;

/**
 * Planted bugs: realistic wrong samplers built on the one engine, for checking that a validation
 * harness rejects them ({@code sample --mutant NAME}; SPEC section 10.6). Each mutant names the
 * samplers it mutates and {@link #apply turns} a correct one into a {@link Sampler} that differs from
 * it in one place: a schedule, a ranking, a threshold comparison, a count, a missing step, or the
 * rows the tokens are drawn from. Mutants can be sampled (with their trajectories), never given an
 * exact law: they are what the validators must catch.
 */
public enum Mutant {

    /** The schedule applied backwards. */
    REVERSED_SCHEDULE("reversed-schedule", "random-order",
            "the schedule applied backwards: step j reveals k_{T+1-j} positions"),
    /** Each batch drawn jointly from the law's conditional. */
    JOINT_BATCH("joint-batch", "random-order",
            "each batch drawn jointly from the law's conditional mu(x_B | x_S) instead of position by position from"
                    + " the predictor's marginals (the ideal sampler: wrong only against the independent-draw sampler it"
                    + " claims to be)"),
    /** Rows conditioned on one visible position too few. */
    OFF_BY_ONE_VISIBLE("off-by-one-visible", "any sampler",
            "every row conditioned on the visible set without its last (highest) position, as a loop that stops one"
                    + " short"),
    /** Tokens at temperature 1/2. */
    TEMPERATURE_HALF("temperature-half", "any sampler",
            "rows at temperature 1/2 (p^2 renormalised) instead of 1, for tokens and confidences alike"),
    /** Dream's entropy ranking reversed. */
    ENTROPY_REVERSED("entropy-reversed", "dream:alg=entropy",
            "the entropy ranking reversed: each step reveals the positions of LARGEST entropy"),
    /** {@code >} instead of {@code >=} at a threshold. */
    STRICT_THRESHOLD("strict-threshold", "fast-dllm, eb, entropy-sum",
            "'>' instead of '>=' at the threshold (boundary=exclusive): a key exactly at the threshold fails"),
    /** Exact ties to the higher position. */
    TIES_HIGHEST("ties-highest", "samplers with ties=lowest",
            "exact ties of a ranking broken towards the higher position (ties=highest)"),
    /** Dream's counts rounded instead of floored. */
    DREAM_ROUND("dream-round", "dream:alg=maskgit_plus|topk_margin|entropy",
            "each step's count round(M (1 - t_j/t_{j-1})) (Python's round: half to even) instead of int (floor)"),
    /** MDLM without its final argmax step. */
    MDLM_NO_FINAL("mdlm-no-final", "mdlm, bernoulli (with a final step)",
            "no final step: positions still masked after the last regular step stay masked (-1 in the output, as the"
                    + " code returns the mask token); runs have one state fewer"),
    /** The row of position i-1 used for position i. */
    SHIFTED_LOGITS("shifted-logits", "any sampler",
            "the row of position i-1 used for position i (Dream's logit shift applied to a model that needs none;"
                    + " position 0 keeps its own row, a visible i-1 gives its own token)");

    private final String id;
    private final String mutates;
    private final String description;

    Mutant(String id, String mutates, String description) {
        this.id = id;
        this.mutates = mutates;
        this.description = description;
    }

    /** The name used by {@code --mutant}, e.g. {@code joint-batch}. */
    //@ ensures \result != null;
    //@ pure
    public String id() {
        return id;
    }

    /** The samplers it mutates, in words. */
    //@ ensures \result != null;
    //@ pure
    public String mutates() {
        return mutates;
    }

    /** What it does wrong, in words. */
    //@ ensures \result != null;
    //@ pure
    public String description() {
        return description;
    }

    /** The line {@code --mutant list} prints: id, the samplers it mutates, what it does. */
    //@ ensures \result != null;
    //@ pure
    public String line() {
        return String.format(Locale.ROOT, "%-19s %-43s %s", id, mutates, description);
    }

    /**
     * The mutant called {@code name}.
     *
     * @throws InvalidInputException {@code mutant.unknown}, naming the known ones
     */
    /*@ public normal_behavior
      @   requires name != null && (\exists Mutant m; m.id().equals(name));
      @   ensures \result.id().equals(name);
      @ also public exceptional_behavior
      @   requires name != null && !(\exists Mutant m; m.id().equals(name));
      @   signals_only InvalidInputException;
      @ pure @*/
    public static Mutant parse(String name) {
        Objects.requireNonNull(name, "name");
        StringBuilder known = new StringBuilder();
        for (Mutant m : values()) {
            if (m.id.equals(name.strip())) {
                return m;
            }
            known.append(known.length() == 0 ? "" : ", ").append(m.id);
        }
        throw new InvalidInputException("mutant.unknown", "--mutant " + Echo.quoted(name) + ": unknown mutant; expected list or one"
                + " of " + known);
    }

    /**
     * The wrong version of {@code base}.
     *
     * @throws InvalidInputException {@code mutant.sampler} when this mutant does not apply to
     *     {@code base} (naming the samplers it mutates)
     */
    /*@ public behavior
      @   requires base != null;
      @   ensures \result.length() == base.length();
      @   signals_only InvalidInputException;
      @ pure @*/
    public Sampler apply(Sampler base) {
        Objects.requireNonNull(base, "base");
        switch (this) {
            case REVERSED_SCHEDULE:
                if (base instanceof RandomOrder) {
                    Schedule s = ((RandomOrder) base).schedule();
                    return new Mutated(this, base, RandomOrder.of(Schedule.of(s.length(), s.forwardSizes())), null);
                }
                break;
            case JOINT_BATCH:
                if (base instanceof RandomOrder) {
                    return new Mutated(this, base, new JointBatch((RandomOrder) base), null);
                }
                break;
            case OFF_BY_ONE_VISIBLE:
            case TEMPERATURE_HALF:
            case SHIFTED_LOGITS:
                return new Mutated(this, base, base, this);
            case ENTROPY_REVERSED:
                if (base instanceof DreamTopK && ((DreamTopK) base).alg() == DreamTopK.Alg.ENTROPY) {
                    return new Mutated(this, base, ((DreamTopK) base).mutated(false, true), null);
                }
                break;
            case DREAM_ROUND:
                if (base instanceof DreamTopK) {
                    return new Mutated(this, base, ((DreamTopK) base).mutated(true, false), null);
                }
                break;
            case MDLM_NO_FINAL:
                if (base instanceof PerPosition && ((PerPosition) base).last() != PerPosition.Final.NONE) {
                    return new Mutated(this, base, ((PerPosition) base).withoutFinal(), null);
                }
                break;
            case STRICT_THRESHOLD:
                return keyed(base, "boundary", "inclusive", "exclusive");
            default: // TIES_HIGHEST
                return keyed(base, "ties", "lowest", "highest");
        }
        throw notApplicable(base);
    }

    /** The sampler re-read with {@code key} changed from {@code from} to {@code to}, if it has that key so set. */
    private Sampler keyed(Sampler base, String key, String from, String to) {
        SpecText spec = SpecText.parse(base.spec());
        String value = spec.string(key, base instanceof Rule && (key.equals("ties")
                || ((Rule) base).kind() == Rule.Kind.ENTROPY_SUM) ? from : null);
        if (!from.equals(value)) {
            throw notApplicable(base);
        }
        return new Mutated(this, base, Samplers.parse(spec.with(key, to), base.length(), Schedule.Convention.REVEAL),
                null);
    }

    private InvalidInputException notApplicable(Sampler base) {
        return new InvalidInputException("mutant.sampler", "--mutant " + id + " mutates " + mutates + ", not "
                + base.spec());
    }

    /** The name, e.g. {@code joint-batch}. */
    /*@ also public normal_behavior
      @   ensures \result.equals(id());
      @ pure @*/
    @Override
    public String toString() {
        return id;
    }
}
