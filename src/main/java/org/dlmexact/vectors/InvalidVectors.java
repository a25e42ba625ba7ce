package org.dlmexact.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.law.LawJson;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.sampler.Predictor;
import org.dlmexact.sampler.PredictorTable;
import org.dlmexact.sampler.Predictors;
import org.dlmexact.sampler.SamplerError;
import org.dlmexact.sampler.Schedule;

/**
 * Kind {@code invalid}: inputs that must be refused, each with the stable error code it must
 * produce, and inputs that are legitimate but give an infinite error (which must be reported, not
 * refused). Every input goes through one pipeline: read the law, read the schedule, read the
 * predictor, compute the sampler's errors.
 */
public final class InvalidVectors implements Kind {

    private static final String L1 = "{\"schema\":\"dlm-exact/law@1\",\"alphabetSize\":2,\"length\":1,\"support\":[";
    private static final String L2 = "{\"schema\":\"dlm-exact/law@1\",\"alphabetSize\":2,\"length\":2,\"support\":[";
    private static final String P2 = "{\"schema\":\"dlm-exact/predictor@1\",\"alphabetSize\":2,\"length\":1,"
            + "\"entries\":[";

    /** Law errors: law text (or family:SPEC), error code, comment, flag. */
    static final String[][] LAW = {
        {L1 + "{\"x\":[0],\"p\":\"1/2\"},{\"x\":[1],\"p\":\"1/3\"}]}", "law.sum-not-one", "probabilities sum to 5/6",
            "BadSum"},
        {L1 + "{\"x\":[0],\"p\":\"1/2\"},{\"x\":[1],\"p\":\"2/3\"}]}", "law.sum-not-one", "probabilities sum to 7/6",
            "BadSum"},
        {L1 + "{\"x\":[0],\"p\":0.3},{\"x\":[1],\"p\":0.7000001}]}", "law.sum-not-one",
            "decimal numbers read exactly: 0.3 + 0.7000001 is not 1", "BadSum"},
        {L1 + "{\"x\":[0],\"p\":\"1/2\"},{\"x\":[0],\"p\":\"1/2\"}]}", "law.duplicate-outcome",
            "outcome [0] listed twice", "DuplicateOutcome"},
        {L1 + "{\"x\":[0],\"p\":\"3/2\"},{\"x\":[1],\"p\":\"-1/2\"}]}", "law.probability-above-one",
            "a probability above 1 (the sum is 1)", "BadProbability"},
        {L1 + "{\"x\":[1],\"p\":\"-1/2\"},{\"x\":[0],\"p\":\"3/2\"}]}", "law.negative-probability",
            "a negative probability (the sum is 1)", "BadProbability"},
        {L1 + "{\"x\":[0],\"p\":\"one half\"},{\"x\":[1],\"p\":\"1/2\"}]}", "law.probability",
            "a probability that is not a number", "BadProbability"},
        {L1 + "{\"x\":[2],\"p\":\"1\"}]}", "law.token", "token 2 outside [0, 2)", "BadOutcome"},
        {L2 + "{\"x\":[0],\"p\":\"1\"}]}", "law.outcome-length", "outcome of length 1 for L = 2", "BadOutcome"},
        {"{\"schema\":\"dlm-exact/law@2\",\"alphabetSize\":2,\"length\":1,\"support\":[{\"x\":[0],\"p\":\"1\"}]}",
            "law.schema", "unknown schema version", "BadStructure"},
        {L1 + "{\"x\":[0],\"p\":\"1\"}],\"comment\":\"x\"}", "law.unknown-field", "unknown top-level field",
            "BadStructure"},
        {L1 + "{\"x\":[0],\"p\":\"1\",\"p\":\"1\"}]}", "json.syntax", "duplicate JSON key", "BadStructure"},
        {L1 + "{\"x\":[0],\"p\":\"1\"}", "json.syntax", "truncated JSON", "BadStructure"},
        {"family:nosuchfamily:3", "family.unknown", "unknown built-in family", "BadFamily"},
        {"family:parity:0", "law.length", "parity code of length 0", "BadFamily"},
    };

    /** Schedule errors: law family, schedule text, convention, error code, comment. */
    static final String[][] SCHEDULE = {
        {"parity:4", "2,1", "reveal", "schedule.bad-sum", "sizes sum to 3, not L = 4"},
        {"parity:3", "2,2", "reveal", "schedule.bad-sum", "sizes sum to 4, not L = 3"},
        {"parity:3", "0,3", "reveal", "schedule.non-positive-part", "a size of 0"},
        {"parity:3", "4,-1", "reveal", "schedule.non-positive-part", "a negative size"},
        {"parity:3", "-1,4", "forward", "schedule.non-positive-part", "a negative forward-time size"},
        {"parity:3", "1,1,1,1", "reveal", "schedule.too-many-steps", "T = 4 > L = 3"},
        {"parity:3", "balanced:0", "reveal", "schedule.non-positive-part", "balanced:0"},
        {"parity:3", "balanced:4", "reveal", "schedule.too-many-steps", "balanced:4 for L = 3"},
        {"parity:3", "", "reveal", "schedule.empty", "empty schedule"},
        {"parity:3", "2,x", "reveal", "schedule.syntax", "a size that is not an integer"},
        {"parity:3", "2,,1", "reveal", "schedule.syntax", "an empty size"},
        {"parity:3", "all", "reveal", "schedule.syntax", "'all' where one schedule is expected"},
        {"parity:3", "2,1", "sideways", "schedule.convention", "unknown convention"},
    };

    /** Predictor errors on uniform:2,1 with schedule 1: predictor (text or table:JSON), error code, comment. */
    static final String[][] PREDICTOR = {
        {"table:" + P2 + "{\"visible\":[],\"values\":[],\"position\":0,\"p\":[\"1/2\",\"1/3\"]}]}", "predictor.row-sum",
            "row sums to 5/6"},
        {"table:" + P2 + "{\"visible\":[],\"values\":[],\"position\":0,\"p\":[\"1/2\",\"2/3\"]}]}", "predictor.row-sum",
            "row sums to 7/6"},
        {"table:" + P2 + "{\"visible\":[],\"values\":[],\"position\":0,\"p\":[\"1\"]}]}", "predictor.row-length",
            "row of 1 entry for V = 2"},
        {"table:" + P2 + "{\"visible\":[],\"values\":[],\"position\":0,\"p\":[\"3/2\",\"-1/2\"]}]}",
            "predictor.probability", "entries outside [0, 1] summing to 1"},
        {"table:" + P2 + "]}", "predictor.missing-context",
            "no row for the empty context, which the sampler needs and the data produces"},
        {"table:" + P2 + "{\"visible\":[],\"values\":[],\"position\":0,\"p\":[\"1/2\",\"1/2\"]},"
            + "{\"visible\":[],\"values\":[],\"position\":0,\"p\":[\"1/2\",\"1/2\"]}]}", "predictor.duplicate-context",
            "the same context twice"},
        {"table:" + P2 + "{\"visible\":[],\"values\":[],\"position\":1,\"p\":[\"1/2\",\"1/2\"]}]}",
            "predictor.position", "position 1 outside [0, L)"},
        {"table:{\"schema\":\"dlm-exact/predictor@1\",\"alphabetSize\":3,\"length\":1,\"entries\":[]}",
            "predictor.space", "table for V = 3 used with a law over V = 2"},
        {"table:{\"schema\":\"dlm-exact/predictor@0\",\"alphabetSize\":2,\"length\":1,\"entries\":[]}",
            "predictor.schema", "unknown schema"},
        {"smoothed:3/2", "predictor.smoothing", "smoothing weight above 1"},
        {"smoothed:-1/2", "predictor.smoothing", "negative smoothing weight"},
        {"smoothed:half", "predictor.syntax", "smoothing weight that is not a number"},
    };

    /** Legitimate inputs with an infinite error: law family, schedule, predictor table, comment. */
    static final String[][] INFINITE = {
        {"uniform:2,1", "1", P2 + "{\"visible\":[],\"values\":[],\"position\":0,\"p\":[\"1\",\"0\"]}]}",
            "the predictor never produces token 1, which the data produces: +inf, context: nothing visible, "
                + "position 0, token 1"},
        {"parity:2", "1,1", "{\"schema\":\"dlm-exact/predictor@1\",\"alphabetSize\":2,\"length\":2,\"entries\":["
            + "{\"visible\":[],\"values\":[],\"position\":0,\"p\":[\"1/2\",\"1/2\"]},"
            + "{\"visible\":[],\"values\":[],\"position\":1,\"p\":[\"1/2\",\"1/2\"]},"
            + "{\"visible\":[0],\"values\":[0],\"position\":1,\"p\":[\"1\",\"0\"]},"
            + "{\"visible\":[0],\"values\":[1],\"position\":1,\"p\":[\"1\",\"0\"]},"
            + "{\"visible\":[1],\"values\":[0],\"position\":0,\"p\":[\"1\",\"0\"]},"
            + "{\"visible\":[1],\"values\":[1],\"position\":0,\"p\":[\"0\",\"1\"]}]}",
            "the predictor of position 1 given x_0 = 1 is sure of 0 while the data has x = (1,1): +inf at visible "
                + "[0] = [1], position 1, token 1"},
    };

    //@ pure
    @Override
    public String name() {
        return "invalid";
    }

    /** The pipeline of an input: law, schedule, predictor, errors. */
    static SamplerError run(JsonNode input) {
        String lawText = input.get("law").asText();
        Law law = lawText.startsWith("family:") ? Families.parse(lawText.substring("family:".length()))
                : LawJson.parse(lawText);
        Schedule s = Schedule.parse(input.get("schedule").asText(), law.length(),
                Schedule.Convention.parse(input.get("convention").asText()));
        MarginalLattice lattice = MarginalLattice.of(law);
        String p = input.get("predictor").asText();
        Predictor pred = p.startsWith("table:") ? PredictorTable.parse(p.substring("table:".length()), law.space())
                : Predictors.parse(p, lattice);
        return SamplerError.compute(law, s, pred);
    }

    private static ObjectNode input(String law, String schedule, String convention, String predictor) {
        ObjectNode n = LawJson.mapper().createObjectNode();
        n.put("law", law);
        n.put("schedule", schedule);
        n.put("convention", convention);
        n.put("predictor", predictor);
        return n;
    }

    private static String code(JsonNode input) {
        try {
            run(input);
            return null;
        } catch (InvalidInputException e) {
            return e.code();
        }
    }

    /*@ also public normal_behavior
      @   ensures \result != null;
      @ pure @*/
    @Override
    public ObjectNode generate() {
        VectorFile f = new VectorFile(name(), List.of(
                "Inputs that must be refused, each with the stable error code the refusal must carry (SPEC.md), so "
                        + "that an implementation cannot pass by failing for the wrong reason; and legitimate inputs "
                        + "whose error is +inf, which must be reported with the offending context, not refused.",
                "input.law: the text of a dlm-exact/law@1 file, or 'family:NAME:ARGS' for a built-in family. "
                        + "input.schedule: a schedule text (sizes such as 2,1, or balanced:T, ones, one-shot). "
                        + "input.convention: 'reveal' or 'forward'. input.predictor: optimal, smoothed:LAMBDA, or "
                        + "'table:' followed by the text of a dlm-exact/predictor@1 file.",
                "Pipeline: read the law, then the schedule (for the law's L), then the predictor, then compute the "
                        + "sampler's errors; the first refusal is the expected one. result 'invalid': errorCode is "
                        + "the code of that refusal. result 'valid': no refusal; values as in the sampler kind."));
        f.note("BadSum", "The probabilities of a law do not sum to exactly 1 (exact rational arithmetic).");
        f.note("DuplicateOutcome", "An outcome is listed twice in a law file.");
        f.note("BadProbability", "A probability outside [0, 1] or not a number.");
        f.note("BadOutcome", "An outcome with a token outside [0, V) or of the wrong length.");
        f.note("BadStructure", "The file is not valid JSON for its schema (syntax, duplicate key, schema version, "
                + "unknown field).");
        f.note("BadFamily", "A built-in family spec that names no law.");
        f.note("BadSchedule", "A schedule that is not a composition of L: wrong sum, non-positive part, too many "
                + "steps, unreadable text or unknown convention.");
        f.note("BadPredictor", "A predictor that is not a valid conditional law: a row not summing to exactly 1, of "
                + "the wrong length or with entries outside [0, 1], a missing context the sampler needs, a "
                + "duplicate context, a bad position, a table for another space, or a bad smoothing weight.");
        f.note("InfiniteError", "A legitimate predictor that gives probability 0 to a token the data produces: the "
                + "input is accepted and the error is +inf with the first offending context named.");
        ArrayNode t1 = f.group(group("law", "Law files and families that must be refused."));
        for (String[] c : LAW) {
            add(f, t1, input(c[0], "1", "reveal", "optimal"), c[1], "law: " + c[2], c[3]);
        }
        ArrayNode t2 = f.group(group("schedule", "Schedules that must be refused."));
        for (String[] c : SCHEDULE) {
            add(f, t2, input("family:" + c[0], c[1], c[2], "optimal"), c[3], "schedule '" + c[1] + "' (" + c[2]
                    + ") for " + c[0] + ": " + c[4], "BadSchedule");
        }
        ArrayNode t3 = f.group(group("predictor", "Predictors that must be refused (law uniform:2,1, schedule 1)."));
        for (String[] c : PREDICTOR) {
            add(f, t3, input("family:uniform:2,1", "1", "reveal", c[0]), c[1], "predictor: " + c[2], "BadPredictor");
        }
        ArrayNode t4 = f.group(SamplerVectors.groupFields("infinite", "Accepted inputs whose error is +inf (the "
                + "output error may be finite).", SamplerVectors.TOLERANCE, SamplerVectors.WHY));
        for (String[] c : INFINITE) {
            ObjectNode body = LawJson.mapper().createObjectNode();
            ObjectNode in = input("family:" + c[0], c[1], "reveal", "table:" + c[2]);
            body.set("input", in);
            body.set("values", infiniteValues(run(in)));
            f.addTest(t4, c[3], List.of("InfiniteError"), body, "valid");
        }
        return f.tree(VectorFile.commonConventions());
    }

    private static ObjectNode group(String id, String comment) {
        ObjectNode g = LawJson.mapper().createObjectNode();
        g.put("groupId", id);
        g.put("comment", comment);
        return g;
    }

    static ObjectNode infiniteValues(SamplerError e) {
        ObjectNode v = LawJson.mapper().createObjectNode();
        v.set("pathAveragedKL", Quantity.of(e.pathAveragedKL()));
        v.set("outputKL", Quantity.of(e.outputKL()));
        v.set("predictorError", Quantity.of(e.predictorError()));
        v.set("infiniteContext", Inputs.context(e.infiniteContext().orElse(null)));
        return v;
    }

    private static void add(VectorFile f, ArrayNode tests, ObjectNode input, String expected, String comment,
                            String flag) {
        String got = code(input);
        if (!expected.equals(got)) {
            throw new IllegalStateException("invalid vector '" + comment + "' expects " + expected + " but the "
                    + "pipeline gives " + got);
        }
        ObjectNode body = LawJson.mapper().createObjectNode();
        body.set("input", input);
        body.put("errorCode", expected);
        f.addTest(tests, comment, List.of(flag), body, "invalid");
    }

    /*@ also public normal_behavior
      @   requires group != null && test != null;
      @   ensures \result != null;
      @ pure @*/
    @Override
    public List<String> verify(JsonNode group, JsonNode test) {
        List<String> problems = new ArrayList<>();
        JsonNode input = test.get("input");
        if ("invalid".equals(test.path("result").asText())) {
            String got = code(input);
            String want = test.path("errorCode").asText();
            if (!want.equals(got)) {
                problems.add("expected error code " + want + ", the input gives " + (got == null ? "no error" : got));
            }
        } else {
            Checks.sameValues(infiniteValues(run(input)), test.get("values"), "values", problems);
        }
        return problems;
    }
}
