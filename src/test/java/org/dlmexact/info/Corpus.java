package org.dlmexact.info;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.dlmexact.law.LawEnumerator;
import org.dlmexact.law.LawEnumerator.Named;
import org.dlmexact.exact.ExactReal;

/** The laws the information properties run on, with their profiles computed once. */
final class Corpus {

    private static List<Named> small;
    private static List<Named> seeded;
    private static final Map<Named, InformationProfile> PROFILES = new ConcurrentHashMap<>();

    private Corpus() {
    }

    /** Every law of {@link LawEnumerator#smallLaws()} (exhaustive, L <= 4, increasing size). */
    static synchronized List<Named> small() {
        if (small == null) {
            small = LawEnumerator.smallLaws();
        }
        return small;
    }

    /** Seeded random laws up to L = 6: sparse, product and Markov, for V = 2, 3, 4. */
    static synchronized List<Named> seeded() {
        if (seeded == null) {
            List<Named> out = new ArrayList<>();
            int[][] spaces = {{2, 1}, {2, 2}, {2, 3}, {2, 4}, {2, 5}, {2, 6}, {3, 2}, {3, 3}, {3, 4}, {3, 5},
                              {4, 2}, {4, 3}};
            for (int[] s : spaces) {
                int v = s[0];
                int l = s[1];
                int n = v == 3 && l == 5 ? 3 : 8;
                out.addAll(LawEnumerator.seeded("sparse", v, l, 1, n));
                out.addAll(LawEnumerator.seeded("product", v, l, 101, 2));
                out.addAll(LawEnumerator.seeded("markov", v, l, 201, 2));
            }
            seeded = Collections.unmodifiableList(out);
        }
        return seeded;
    }

    /** Small and seeded laws together. */
    static List<Named> all() {
        List<Named> out = new ArrayList<>(small());
        out.addAll(seeded());
        return out;
    }

    static InformationProfile profile(Named law) {
        return PROFILES.computeIfAbsent(law, n -> InformationProfile.of(n.law()));
    }

    /** Exact equality, reported with both exact values. */
    static void assertExact(ExactReal expected, ExactReal actual, String what) {
        if (!expected.subtract(actual).isZero()) {
            throw new AssertionError(what + ": expected exactly " + expected + ", got " + actual);
        }
    }
}
