package org.dlmexact.sampler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;

/** The small laws the sampler property tests enumerate, named by their family spec. */
final class SamplerCases {

    private SamplerCases() {
    }

    /** Built-in family laws and seeded random laws of length {@code l} over {@code v} symbols. */
    static Map<String, Law> laws(int v, int l, int randomSeeds) {
        Map<String, Law> m = new LinkedHashMap<>();
        List<String> specs = new ArrayList<>();
        specs.add("uniform:" + v + "," + l);
        specs.add("repetition:" + v + "," + l);
        if (v == 2) {
            specs.add("parity:" + l);
            if (l % 2 == 0) {
                specs.add("pairs:" + l);
            }
            specs.add("markov:" + l + ":3/4,1/4;1/3,2/3");
            specs.add("product:" + l + ":1/3,2/3");
        } else if (v == 3) {
            specs.add("markov:" + l + ":1/2,1/4,1/4;0,1/2,1/2;1/3,1/3,1/3");
            specs.add("product:" + l + ":1/6,1/3,1/2");
        }
        for (String s : specs) {
            m.put(s, Families.parse(s));
        }
        for (long seed = 1; seed <= randomSeeds; seed++) {
            String s = "random:" + v + "," + l + "," + seed;
            m.put(s, Families.random(v, l, seed));
        }
        return m;
    }
}
