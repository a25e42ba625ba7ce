package org.dlmexact.info;

import static org.dlmexact.info.Corpus.assertExact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.Rational;
import org.dlmexact.law.Law;
import org.dlmexact.law.LawEnumerator;
import org.dlmexact.law.LawEnumerator.Named;
import org.dlmexact.law.SubsetWalkTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The average entropies {@code e_k} of the depth-first walk ({@link EntropySums#averageEntropies},
 * what {@link InformationProfile} uses) against the entropies of single subsets from the stored
 * marginal lattice ({@link Entropies}, a separate path: marginals kept per mask, each subset's
 * {@code sum w ln w} on its own), averaged over the subsets of each size. Exact equality, on every
 * small law (exhaustive up to {@code L = 4}), on seeded random laws up to {@code L = 9}, and on
 * laws whose denominator is at the 62-bit boundary of the machine-integer path; there the
 * machine-integer and {@code BigInteger} paths must also agree exactly.
 */
class DepthFirstEntropiesProperties {

    /** The corpus of the information tests and larger seeded laws, seeds in the names. */
    static List<Named> laws() {
        List<Named> out = new ArrayList<>(Corpus.all());
        out.addAll(LawEnumerator.seeded("sparse", 2, 7, 301, 3));
        out.addAll(LawEnumerator.seeded("sparse", 2, 8, 311, 2));
        out.addAll(LawEnumerator.seeded("markov", 2, 9, 321, 1));
        out.addAll(LawEnumerator.seeded("sparse", 3, 6, 331, 1));
        return out;
    }

    /** {@code e_k} as the average of the single-subset entropies of {@link Entropies}. */
    static List<ExactReal> latticeAverages(Law law) {
        Entropies h = Entropies.of(law);
        int l = law.length();
        List<ExactReal> e = new ArrayList<>();
        for (int k = 0; k <= l; k++) {
            ExactReal sum = ExactReal.ZERO;
            for (int mask = 0; mask <= law.space().fullMask(); mask++) {
                if (Integer.bitCount(mask) == k) {
                    sum = sum.add(h.entropy(mask));
                }
            }
            e.add(sum.multiply(Rational.of(BigInteger.ONE, InformationProfile.binomial(l, k))));
        }
        return e;
    }

    static List<ExactReal> averages(InformationProfile p) {
        List<ExactReal> e = new ArrayList<>();
        for (int k = 0; k <= p.law().length(); k++) {
            e.add(p.averageEntropy(k));
        }
        return e;
    }

    static void assertSameAverages(List<ExactReal> expected, List<ExactReal> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + ": number of averages");
        for (int k = 0; k < expected.size(); k++) {
            assertExact(expected.get(k), actual.get(k), what + ": e_" + k);
        }
    }

    @TestFactory
    Stream<DynamicTest> depthFirstAveragesEqualLatticeAverages() {
        return laws().stream().map(n -> dynamicTest(n.name(), () -> {
            List<ExactReal> walked = averages(Corpus.profile(n));
            assertSameAverages(latticeAverages(n.law()), walked, n.name());
        }));
    }

    @TestFactory
    Stream<DynamicTest> machineIntegerAndBigIntegerWalksAgree() {
        return Corpus.all().stream().map(n -> dynamicTest(n.name(), () -> {
            List<ExactReal> big = EntropySums.averageEntropies(n.law(), false);
            List<ExactReal> machine = EntropySums.averageEntropies(n.law(), true);
            assertSameAverages(big, machine, n.name());
            assertEquals(big.toString(), machine.toString(), "same exact text");
        }));
    }

    @TestFactory
    Stream<DynamicTest> atTheBoundaryBothPathsAgreeWithTheLattice() {
        return SubsetWalkTest.boundaryLaws().stream().map(n -> dynamicTest(n.name(), () -> {
            List<ExactReal> expected = latticeAverages(n.law());
            List<ExactReal> big = EntropySums.averageEntropies(n.law(), false);
            assertSameAverages(expected, big, "BigInteger walk");
            List<ExactReal> auto = averages(InformationProfile.of(n.law()));
            assertSameAverages(expected, auto, "automatic path");
            if (org.dlmexact.law.SubsetWalk.fitsLong(n.law())) {
                assertSameAverages(big, EntropySums.averageEntropies(n.law(), true), "machine-integer walk");
            }
        }));
    }
}
