package org.dlmexact.theory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.dlmexact.law.Families;
import org.dlmexact.law.LawEnumerator;
import org.dlmexact.law.LawEnumerator.Named;

/** The laws the theory properties run on: the exhaustive small sweep, then seeded laws up to L = 7. */
final class TheoryCorpus {

    private TheoryCorpus() {
    }

    /** Exhaustive small laws (about 1,300, L <= 4) followed by seeded random ones up to L = 7. */
    static List<Named> laws() {
        List<Named> out = new ArrayList<>(LawEnumerator.smallLaws());
        out.addAll(seeded());
        return Collections.unmodifiableList(out);
    }

    /** Seeded random, product and Markov laws, V = 2 up to L = 7 and V = 3 up to L = 5. */
    static List<Named> seeded() {
        List<Named> out = new ArrayList<>();
        for (String kind : List.of("sparse", "product", "markov")) {
            for (int l = 2; l <= 7; l++) {
                out.addAll(LawEnumerator.seeded(kind, 2, l, 1000L * l, l <= 5 ? 4 : 2));
            }
            for (int l = 2; l <= 5; l++) {
                out.addAll(LawEnumerator.seeded(kind, 3, l, 7000L * l, l <= 4 ? 3 : 1));
            }
        }
        for (String spec : List.of("repetition:2,6", "repetition:3,4", "parity:6", "pairs:6", "uniform:2,5",
                "code:2:1,1,0,1;0,1,1,1", "code:3:1,1,1;0,1,2", "random:2,7,1", "random:3,5,1")) {
            out.add(new Named(spec, Families.parse(spec)));
        }
        return out;
    }
}
