package org.dlmexact.sampler;

import java.math.BigInteger;
import java.util.Objects;
import org.dlmexact.exact.Rational;

/**
 * ReMDM's remasking samplers (kuleshov-group/remdm {@code diffusion.py},
 * {@code _ddpm_caching_update}, {@code sampler=remdm-cap|remdm-rescale}) on MDLM's grid
 * {@code t_i = 1 - i(1 - eps)/N}, {@code alpha = 1 - t}: at step {@code j} from {@code t} to
 * {@code s}, with {@code sigma = min(eta, (1 - alpha_s)/alpha_t)} ({@code cap}) or
 * {@code eta min(1, (1 - alpha_s)/alpha_t)} ({@code rescale}) ({@code sigma = eta} at
 * {@code alpha_t = 0}), every visible position is re-masked independently with probability
 * {@code sigma}, and every masked position is revealed with probability
 * {@code (alpha_s - (1 - sigma) alpha_t)/(1 - alpha_t)}, its token drawn from the predicted row after
 * ReMDM's nucleus ({@code top_p}, keep while the mass up to and including a token is at most
 * {@code p}); a final step fills the positions still masked with the argmax of the (unfiltered) row.
 * Model calls as MDLM's cache. Immutable.
 */
final class Remdm extends Profile {

    private final boolean cap;
    private final Rational eta;
    private final Grid grid;
    private final TokenRule tokens;

    Remdm(String keys, int length, boolean cap, Rational eta, Grid grid, TokenRule tokens) {
        super("remdm", length, keys);
        this.cap = cap;
        this.eta = Objects.requireNonNull(eta);
        this.grid = Objects.requireNonNull(grid);
        this.tokens = Objects.requireNonNull(tokens);
    }

    /** {@code sigma} of regular step {@code j}. */
    Rational sigma(int j) {
        Rational at = grid.alpha(j - 1);
        if (at.isZero()) {
            return eta;
        }
        Rational ratio = Rational.ONE.subtract(grid.alpha(j)).divide(at);
        return cap ? eta.min(ratio) : eta.multiply(Rational.ONE.min(ratio));
    }

    @Override
    public int fixedSteps() {
        return grid.steps() + 1;
    }

    @Override
    public boolean revealsByState() {
        return false;
    }

    /*@ also public normal_behavior
      @   ensures \result;
      @ pure @*/
    @Override
    public boolean remasks() {
        return true;
    }

    @Override
    public void step(State state, Moves moves) {
        int j = state.step();
        if (j > grid.steps()) {
            if (state.maskedMask() == 0) {
                moves.stay();
            } else {
                moves.draw(Rational.ONE, state.maskedMask(), argmaxRows(state), null);
            }
            return;
        }
        Rational at = grid.alpha(j - 1);
        Rational as = grid.alpha(j);
        Rational sigma = sigma(j);
        Rational reveal = as.subtract(Rational.ONE.subtract(sigma).multiply(at)).divide(Rational.ONE.subtract(at));
        Rational[][] rows = reveal.isZero() ? new Rational[state.length()][] : perPosition(state, reveal, tokens);
        int drawn = reveal.isZero() ? 0 : state.maskedMask();
        if (!sigma.isZero()) {
            int v = state.alphabetSize();
            for (int m = state.visibleMask(); m != 0; m &= m - 1) {
                int i = Integer.numberOfTrailingZeros(m);
                Rational[] r = new Rational[v + 1];
                java.util.Arrays.fill(r, Rational.ZERO);
                r[state.token(i)] = Rational.ONE.subtract(sigma);
                r[v] = sigma;
                rows[i] = r;
            }
            drawn |= state.visibleMask();
        }
        if (drawn == 0) {
            moves.stay();
        } else {
            moves.draw(Rational.ONE, drawn, rows, null);
        }
    }

    @Override
    public String tieBreak() {
        return "none in choosing positions (each position is revealed or re-masked independently); the final argmax"
                + " takes the lowest token among equal maxima";
    }

    /** Steps times {@code (3V+1)^L}: every state, every visible position kept or re-masked, every masked one drawn. */
    /*@ also public normal_behavior
      @   requires v >= 2;
      @   ensures \result.signum() >= 0;
      @ pure @*/
    @Override
    public BigInteger work(int v) {
        return BigInteger.valueOf(3L * v + 1).pow(length()).multiply(BigInteger.valueOf(fixedSteps()));
    }

    /*@ also public normal_behavior
      @   requires law != null && law.sampler() == this;
      @   ensures \result.signum() >= 0;
      @ pure @*/
    @Override
    public Rational expectedModelCalls(ProcessLaw law) {
        return cachedCalls(law, grid.steps(), true);
    }

    /*@ also public normal_behavior
      @   ensures \result != null;
      @ pure @*/
    @Override
    public String modelCalls() {
        return "one call at the first step and at each step after a step that changed the state (MDLM's cache),"
                + " plus one for the final step";
    }
}
