package org.dlmexact.sampler;

import java.math.BigInteger;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.exact.Rational;
import org.dlmexact.law.SplitMix64;

/**
 * A masked-diffusion sampler: a finite sequence of step kernels over partial states
 * {@code (S, x_S)} (visible set, visible values). It starts from the all-mask state; step
 * {@code j} maps the state and the predictor's rows there to a finite distribution over next
 * states ({@link #step}, as {@link Moves}). Everything else is generic over this interface: the
 * exact output law and the law of the state after every step ({@link ProcessLaw}), seeded exact
 * sampling ({@link ProcessSampler}), errors and identities ({@link ProcessError}), decision
 * boundaries ({@link Boundary}). Each sampler (the random-order sampler, the adaptive rules, the
 * implementation profiles) is a small class that says only what one step does.
 *
 * <p>A sampler either runs a fixed number of steps ({@link #fixedSteps()} {@code >= 1}; every
 * position must be visible after the last) or runs until every position is visible
 * ({@link #fixedSteps()} {@code == -1}; then every step at a state with masked positions must
 * reveal at least one). A state with every position visible stays put unless the sampler
 * {@link #remasks()}.
 */
public interface Sampler {

    /** The canonical text, e.g. {@code random-order:2,2} or {@code mdlm:steps=4,eps=1/100000,final=argmax}. */
    //@ ensures \result != null;
    //@ pure
    String spec();

    /** The family name: the part of {@link #spec()} before the colon. */
    //@ ensures \result != null;
    //@ pure
    String name();

    /** The sequence length {@code L} the sampler was built for. */
    //@ ensures \result >= 1;
    //@ pure
    int length();

    /** The number of steps when fixed, else {@code -1} (until every position is visible). */
    //@ ensures \result == -1 || \result >= 1;
    //@ pure
    int fixedSteps();

    /**
     * Whether what every step reveals is a function of the state (one branch, no selector, rows
     * of tokens): then the output determines the whole path, and
     * {@code KL(mu || law) = E_mu[sum over steps of TC(X_B | x_S)] + log-ratio terms} exactly
     * ({@link ProcessError}).
     */
    //@ pure
    boolean revealsByState();

    /**
     * A bound {@code gamma} that every step's batch {@code B} meets by construction,
     * {@code sum_{i in B} H_i - max_{i in B} H_i <= gamma} with {@code H_i} the entropies of the
     * predicted rows (the EB-sampler); empty for samplers without one.
     */
    //@ ensures \result != null;
    //@ pure
    default java.util.Optional<Rational> entropyBudget() {
        return java.util.Optional.empty();
    }

    /** Whether a step may re-mask visible positions. */
    //@ pure
    default boolean remasks() {
        return false;
    }

    /**
     * What step {@code state.step()} does at {@code state}: adds branches to {@code moves} whose
     * weights sum to exactly 1.
     *
     * @throws InvalidInputException a predictor error at this state
     */
    /*@ public normal_behavior
      @   requires state != null && moves != null;
      @*/
    void step(State state, Moves moves);

    /** How exact ties and threshold equalities are decided, in words. */
    //@ ensures \result != null;
    //@ pure
    String tieBreak();

    /**
     * An upper bound on the exact terms the dynamic programme of {@link ProcessLaw} takes for
     * alphabet size {@code v} (states visited times the outcomes enumerated per state).
     */
    /*@ public normal_behavior
      @   requires v >= 2;
      @   ensures \result.signum() >= 0;
      @ pure @*/
    BigInteger work(int v);

    /** The largest {@link #work} accepted. */
    //@ ensures \result > 0;
    //@ pure
    default long maxWork() {
        return ProcessLaw.MAX_WORK;
    }

    /**
     * Refuses up front, with the estimate, a programme whose {@link #work} exceeds
     * {@link #maxWork()}.
     *
     * @throws InvalidInputException {@code sampler.too-large}
     */
    /*@ public normal_behavior
      @   requires v >= 2 && work(v).compareTo(BigInteger.valueOf(maxWork())) <= 0;
      @ also public exceptional_behavior
      @   requires v >= 2 && work(v).compareTo(BigInteger.valueOf(maxWork())) > 0;
      @   signals_only InvalidInputException;
      @ pure @*/
    default void checkSize(int v) {
        BigInteger w = work(v);
        if (w.compareTo(BigInteger.valueOf(maxWork())) > 0) {
            throw new InvalidInputException("sampler.too-large", "too large for the exact law of the sampler "
                    + spec() + ": alphabet size " + v + " and length " + length() + " need about " + w
                    + " exact terms (states times outcomes per state); the limit is " + maxWork());
        }
    }

    /**
     * For samplers that choose the positions of every step independently of the tokens: the
     * positions each step reveals, drawn with {@code rng} before any token (bit masks, one per
     * step); {@code null} for the others (the default), whose positions come from {@link #step}.
     * {@link ProcessSampler} then reveals them with tokens drawn from the predictor's rows.
     */
    /*@ public normal_behavior
      @   requires rng != null;
      @   ensures \result == null || \result.length == fixedSteps();
      @   assignable rng.*;
      @*/
    default int /*@ nullable @*/ [] plan(SplitMix64 rng) {
        return null;
    }

    /**
     * The expected number of times the sampler calls its model, exact. The default: once per
     * step taken at a state with a masked position.
     */
    /*@ public normal_behavior
      @   requires law != null && law.sampler() == this;
      @   ensures \result.signum() >= 0;
      @ pure @*/
    default Rational expectedModelCalls(ProcessLaw law) {
        return law.expectedSteps();
    }

    /** How {@link #expectedModelCalls} counts, in words. */
    //@ ensures \result != null;
    //@ pure
    default String modelCalls() {
        return "one call per step taken while a position is masked";
    }
}
