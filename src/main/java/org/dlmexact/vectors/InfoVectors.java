package org.dlmexact.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.law.LawEnumerator;
import org.dlmexact.law.LawJson;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.info.InformationProfile;

/**
 * Kind {@code info}: the information measures of laws (entropy, TC, DTC, SumI, the information
 * curve Z and the average entropies e_k). Hand-picked special cases first, then seeded laws, then
 * sweeps summarised by a SHA-256 digest.
 */
public final class InfoVectors implements Kind {

    /** The tolerance policy of every group of this kind (relative, absolute). */
    static final String[] TOLERANCE = {"1e-12", "1e-15"};

    /** The hand-picked laws: family spec, comment, whether a theory.md special case. */
    private static final String[][] SPECIAL = {
        {"product:1:1,0", "point mass, L = 1: every measure is 0"},
        {"uniform:2,1", "L = 1, uniform bit: H = ln 2, TC = DTC = SumI = 0"},
        {"product:3:0,1", "point mass on (1,1,1): every measure is 0"},
        {"uniform:3,2", "uniform on [3]^2: H = 2 ln 3, Z = 0"},
        {"product:3:1/4,3/4", "independent tokens: Z = 0, TC = DTC = 0 (theory.md 3)"},
        {"repetition:2,3", "repetition code: Z_1 = 0, Z_j = ln 2 for j >= 2 (theory.md 3)"},
        {"repetition:3,3", "repetition code over [3]: Z_j = ln 3 for j >= 2 (theory.md 3)"},
        {"parity:3", "even parity: Z_j = 0 for j < L, Z_L = ln 2 (theory.md 3)"},
        {"parity:4", "even parity, L = 4 (theory.md 3)"},
        {"pairs:4", "disjoint perfectly correlated bit pairs (theory.md 3)"},
        {"markov:3:1/2,1/2;0,1:1/2,1/2", "Markov chain with an absorbing state: zeros in the support"},
        {"code:2:1,1,0;0,1,1", "binary linear code: 4 codewords of 8 outcomes"},
        {"markov:4:9/10,1/10;1/10,9/10", "sticky binary Markov chain, stationary start"},
    };

    /** Seeded sweeps: kind, V, L, first seed, count of explicit cases, count in the digest. */
    private static final Object[][] SWEEPS = {
        {"sparse", 2, 3, 1L, 4, 40},
        {"markov", 2, 4, 1L, 3, 20},
        {"product", 3, 2, 1L, 2, 20},
        {"sparse", 3, 2, 1L, 3, 20},
    };

    //@ pure
    @Override
    public String name() {
        return "info";
    }

    /** The measured values of a law, in canonical field order. */
    /*@ public normal_behavior
      @   requires law != null;
      @ pure @*/
    public static ObjectNode values(Law law) {
        InformationProfile info = InformationProfile.of(law);
        ObjectNode v = LawJson.mapper().createObjectNode();
        v.set("entropy", Quantity.of(info.entropy()));
        v.set("totalCorrelation", Quantity.of(info.totalCorrelation()));
        v.set("dualTotalCorrelation", Quantity.of(info.dualTotalCorrelation()));
        v.set("sumMutualInformation", Quantity.of(info.sumMutualInformation()));
        ArrayNode z = v.putArray("informationCurve");
        for (ExactReal x : info.informationCurve()) {
            z.add(Quantity.of(x));
        }
        ArrayNode e = v.putArray("averageEntropies");
        for (int k = 0; k <= law.length(); k++) {
            e.add(Quantity.of(info.averageEntropy(k)));
        }
        return v;
    }

    /*@ also public normal_behavior
      @   ensures \result != null;
      @ pure @*/
    @Override
    public ObjectNode generate() {
        VectorFile f = new VectorFile(name(), List.of(
                "Information measures of data laws mu on [V]^L, exact (theory.md section 1, SPEC.md section 1).",
                "values.entropy = H(X); totalCorrelation = TC = sum_i H(X_i) - H(X); dualTotalCorrelation = DTC = "
                        + "H(X) - sum_i H(X_i | X_{-i}); sumMutualInformation = SumI = sum_i I(X_i ; X_{-i}).",
                "values.informationCurve = [Z_1, ..., Z_L] with Z_j = e_1 + e_{j-1} - e_j; values.averageEntropies = "
                        + "[e_0, ..., e_L], e_k the average entropy of the C(L,k) position sets of size k.",
                "Invariants of every valid case: Z_1 = 0, Z non-decreasing, TC = sum_j Z_j, DTC = L*Z_L - TC, "
                        + "SumI = TC + DTC = L*Z_L, e_0 = 0, e_L = H(X).",
                "Sweep digests: SHA-256 (lower-case hex) of the UTF-8 text with one line per law in seed order, "
                        + "'<name> <compact JSON of values>\\n', values as in an explicit case."));
        f.note("SpecialCase", "A hand-picked law whose measures have a known closed form (theory.md section 3); kept "
                + "apart from the seeded sweeps.");
        f.note("PointMass", "The law gives probability 1 to one outcome: every measure is exactly 0.");
        f.note("LengthOne", "L = 1: there is one position, so TC = DTC = SumI = 0 and Z = [0].");
        f.note("ZerosInSupport", "Some outcomes of [V]^L have probability 0 (the law file lists only positive ones).");
        f.note("Seeded", "A law from a seeded generator (LawEnumerator: sparse-random, random-product, "
                + "random-markov; SplitMix64, SPEC.md 3.2); its exact law is in the case, the name says how to "
                + "regenerate it.");
        f.note("SweepDigest", "A whole seeded sweep summarised by a SHA-256 of all its canonical outputs (see the "
                + "header); only an exact implementation can reproduce it.");

        ObjectNode g1 = groupFields("special", "Hand-picked edge cases and the special cases of theory.md section 3.");
        ArrayNode t1 = f.group(g1);
        for (String[] s : SPECIAL) {
            Law law = Families.parse(s[0]);
            List<String> flags = new ArrayList<>(List.of("SpecialCase"));
            flags.addAll(lawFlags(law));
            f.addTest(t1, s[0] + ": " + s[1], flags, lawCase(s[0], law), "valid");
        }
        ObjectNode g2 = groupFields("seeded", "Seeded random laws, explicit.");
        ArrayNode t2 = f.group(g2);
        for (Object[] sw : SWEEPS) {
            for (LawEnumerator.Named n : LawEnumerator.seeded((String) sw[0], (Integer) sw[1], (Integer) sw[2],
                    (Long) sw[3], (Integer) sw[4])) {
                List<String> flags = new ArrayList<>(List.of("Seeded"));
                flags.addAll(lawFlags(n.law()));
                f.addTest(t2, n.name(), flags, lawCase(n.name(), n.law()), "valid");
            }
        }
        ObjectNode g3 = groupFields("sweeps", "Seeded sweeps summarised by a digest of every law's canonical values.");
        ArrayNode t3 = f.group(g3);
        for (Object[] sw : SWEEPS) {
            ObjectNode body = LawJson.mapper().createObjectNode();
            ObjectNode s = body.putObject("sweep");
            s.put("generator", (String) sw[0]);
            s.put("alphabetSize", (Integer) sw[1]);
            s.put("length", (Integer) sw[2]);
            s.put("firstSeed", (Long) sw[3]);
            s.put("count", (Integer) sw[5]);
            body.put("sha256", digest(s));
            f.addTest(t3, sw[0] + " laws on [" + sw[1] + "]^" + sw[2] + ", seeds " + sw[3] + ".."
                    + ((Long) sw[3] + (Integer) sw[5] - 1), List.of("Seeded", "SweepDigest"), body, "valid");
        }
        ObjectNode conv = VectorFile.commonConventions();
        return f.tree(conv);
    }

    static ObjectNode groupFields(String id, String comment) {
        ObjectNode g = LawJson.mapper().createObjectNode();
        g.put("groupId", id);
        g.put("comment", comment);
        ObjectNode tol = g.putObject("tolerance");
        tol.put("relative", TOLERANCE[0]);
        tol.put("absolute", TOLERANCE[1]);
        tol.put("why", "Each measure is a sum of at most a few thousand terms p*ln(p) with |ln p| <= L ln V; a careful "
                + "double computation (compensated or naive summation) stays within a few hundred ulps, far inside "
                + "1e-12 relative; values that are exactly 0 need the absolute bound.");
        return g;
    }

    static List<String> lawFlags(Law law) {
        List<String> flags = new ArrayList<>();
        if (law.supportSize() == 1) {
            flags.add("PointMass");
        }
        if (law.length() == 1) {
            flags.add("LengthOne");
        }
        if (law.supportSize() < law.space().size()) {
            flags.add("ZerosInSupport");
        }
        return flags;
    }

    private static ObjectNode lawCase(String name, Law law) {
        ObjectNode body = LawJson.mapper().createObjectNode();
        body.put("lawName", name);
        body.set("law", LawJson.toTree(law));
        body.set("values", values(law));
        return body;
    }

    /** The digest of a sweep description {@code {generator, alphabetSize, length, firstSeed, count}}. */
    /*@ public normal_behavior
      @   requires sweep != null;
      @   ensures \result.length() == 64;
      @ pure @*/
    public static String digest(JsonNode sweep) {
        List<LawEnumerator.Named> laws = LawEnumerator.seeded(sweep.get("generator").asText(),
                sweep.get("alphabetSize").asInt(), sweep.get("length").asInt(), sweep.get("firstSeed").asLong(),
                sweep.get("count").asInt());
        StringBuilder sb = new StringBuilder();
        for (LawEnumerator.Named n : laws) {
            sb.append(n.name()).append(' ').append(CanonicalJson.compact(values(n.law()))).append('\n');
        }
        return sha256(sb.toString());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /*@ also public normal_behavior
      @   requires group != null && test != null;
      @   ensures \result != null;
      @ pure @*/
    @Override
    public List<String> verify(JsonNode group, JsonNode test) {
        List<String> problems = new ArrayList<>();
        if (test.has("sweep")) {
            String d = digest(test.get("sweep"));
            if (!d.equals(test.path("sha256").asText())) {
                problems.add("sweep digest is " + d + ", the file says " + test.path("sha256").asText());
            }
            return problems;
        }
        Law law = LawJson.fromTree(test.get("law"));
        Checks.sameValues(values(law), test.get("values"), "values", problems);
        return problems;
    }
}
