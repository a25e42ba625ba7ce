package org.dlmexact.sampler;

import java.math.BigInteger;
import org.dlmexact.exact.Rational;
import org.dlmexact.info.InformationProfile;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.law.SequenceSpace;

/**
 * The mutant {@link Mutant#JOINT_BATCH} of the random-order sampler: step {@code j} chooses a uniform
 * {@code k_j}-subset {@code B} of the masked positions, as the sampler does, but draws its tokens
 * jointly from the law's conditional {@code mu(x_B | x_S)} (one branch per joint outcome, point rows)
 * instead of independently from the predictor's marginals. With the optimal predictor its output law
 * is {@code mu} itself. At a state the law never produces ({@code mu(x_S) = 0}) the conditional is
 * undefined and the tokens are drawn from the predictor's rows. Immutable.
 */
final class JointBatch implements Sampler {

    private final RandomOrder base;

    JointBatch(RandomOrder base) {
        this.base = base;
    }

    @Override
    public String spec() {
        return "joint-batch:" + base.schedule();
    }

    @Override
    public String name() {
        return "joint-batch";
    }

    @Override
    public int length() {
        return base.length();
    }

    @Override
    public int fixedSteps() {
        return base.fixedSteps();
    }

    @Override
    public boolean revealsByState() {
        return false;
    }

    @Override
    public void step(State state, Moves moves) {
        int k = base.schedule().size(state.step());
        int free = state.maskedMask();
        Rational w = Rational.of(BigInteger.ONE, InformationProfile.binomial(Integer.bitCount(free), k));
        MarginalLattice lat = state.rows().lattice();
        SequenceSpace sp = lat.law().space();
        BigInteger total = lat.marginal(state.visibleMask())[state.valuesIndex()];
        int[] x = new int[sp.length()];
        for (int b = free; b != 0; b = (b - 1) & free) {
            if (Integer.bitCount(b) != k) {
                continue;
            }
            if (total.signum() == 0) {
                moves.reveal(w, b);
                continue;
            }
            int joint = state.visibleMask() | b;
            BigInteger[] m = lat.marginal(joint);
            int[] pos = Context.positions(b);
            for (int y = 0; y < sp.power(k); y++) {
                Context.decode(sp, state.visibleMask(), state.valuesIndex(), x);
                int rest = y;
                Rational[][] rows = new Rational[sp.length()][];
                for (int n = pos.length - 1; n >= 0; n--) {
                    x[pos[n]] = rest % sp.alphabetSize();
                    rest /= sp.alphabetSize();
                    rows[pos[n]] = Rows.pointMass(sp.alphabetSize(), x[pos[n]]);
                }
                BigInteger num = m[Context.encode(sp, joint, x)];
                if (num.signum() > 0) {
                    moves.draw(w.multiply(Rational.of(num, total)), b, rows, null);
                }
            }
        }
    }

    @Override
    public String tieBreak() {
        return base.tieBreak();
    }

    @Override
    public BigInteger work(int v) {
        return base.work(v);
    }
}
