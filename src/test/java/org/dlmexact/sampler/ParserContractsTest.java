package org.dlmexact.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.dlmexact.PreconditionTable;
import org.dlmexact.exact.InvalidInputException;
import org.dlmexact.law.Families;
import org.dlmexact.law.Law;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.law.SequenceSpace;
import org.dlmexact.sampler.Schedule.Convention;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The preconditions of the sampler parsers' contracts on the forms and errors of SPEC §5.1
 * (schedules), §5.2 (predictors) and §7.1 (rules) (see {@link PreconditionTable}).
 */
class ParserContractsTest {

    /** A schedule or rule text with the length and convention it is read for. */
    record In(String text, int length, Convention convention) {

        @Override
        public String toString() {
            return "'" + text + "' L=" + length + " " + convention;
        }
    }

    private static In r(String text, int length) {
        return new In(text, length, Convention.REVEAL);
    }

    private static In f(String text, int length) {
        return new In(text, length, Convention.FORWARD);
    }

    /** Single schedules: every form of SPEC §5.1 but {@code all}, and {@code all} for {@code L = 1}. */
    private static final List<In> SINGLE = List.of(r("2,1,1", 4), f("2,1,1", 4), r(" 1 , 3 ", 4), r("4", 4),
            r("balanced:2", 5), f("balanced:3", 3), r("balanced: 1", 2), r("ones", 3), f("ones", 1), r("one-shot", 6),
            r("all", 1));
    /** Invalid for every reading: empty or unreadable text, a part <= 0, a bad sum, T > L. */
    private static final List<In> INVALID = List.of(r("", 3), r("  ", 3), r("2,1", 4), f("2,1", 4), r("0,4", 4),
            f("0,4", 4), r("-1,5", 4), r("a,b", 2), r("2,,1", 3), r("1,", 1), r("balanced:0", 3), r("balanced:4", 3),
            r("balanced:x", 3), r("balanced:", 3), r("1,1,1", 2), r("ones", 0), r("one-shot", 0), r("all", 11),
            r("2.5,1.5", 4), r("99999999999", 4), r("twos", 3));

    @TestFactory
    Stream<DynamicTest> scheduleParseAll() {
        List<In> valid = Stream.concat(SINGLE.stream(), Stream.of(r("all", 4), f("all", 10))).toList();
        return new PreconditionTable<In>("sampler/Schedule.java",
                "public static List<Schedule> parseAll(String text, int length, Convention convention)",
                "isValidText(text, length, convention)", "!isValidText(text, length, convention)",
                in -> Schedule.isValidText(in.text, in.length, in.convention),
                in -> !Schedule.isValidText(in.text, in.length, in.convention),
                in -> Schedule.parseAll(in.text, in.length, in.convention), InvalidInputException.class,
                valid, INVALID).tests().stream();
    }

    @TestFactory
    Stream<DynamicTest> scheduleParse() {
        List<In> invalid = Stream.concat(INVALID.stream(), Stream.of(r("all", 2), r(" all ", 4), f("all", 3))).toList();
        return new PreconditionTable<In>("sampler/Schedule.java",
                "public static Schedule parse(String text, int length, Convention convention)",
                "isValidText(text, length, convention) && !(isAll(text) && length != 1)",
                "!isValidText(text, length, convention) || (isAll(text) && length != 1)",
                in -> Schedule.isValidText(in.text, in.length, in.convention) && !(Schedule.isAll(in.text) && in.length != 1),
                in -> !Schedule.isValidText(in.text, in.length, in.convention) || (Schedule.isAll(in.text) && in.length != 1),
                in -> Schedule.parse(in.text, in.length, in.convention), InvalidInputException.class,
                SINGLE, invalid).tests().stream();
    }

    @TestFactory
    Stream<DynamicTest> conventionParse() {
        return new PreconditionTable<String>("sampler/Schedule.java", "public static Convention parse(String text)",
                "text.strip().equals(\"reveal\") || text.strip().equals(\"forward\")",
                "!(text.strip().equals(\"reveal\") || text.strip().equals(\"forward\"))",
                t -> t.strip().equals("reveal") || t.strip().equals("forward"),
                t -> !(t.strip().equals("reveal") || t.strip().equals("forward")),
                Convention::parse, InvalidInputException.class,
                List.of("reveal", "forward", " forward "), List.of("", "REVEAL", "backward", "reveal,forward"))
                .tests().stream();
    }

    @Test
    void conventionParseReadsBothNames() {
        assertEquals(Convention.REVEAL, Convention.parse(" reveal"));
        assertEquals(Convention.FORWARD, Convention.parse("forward"));
    }

    @TestFactory
    Stream<DynamicTest> ruleParse() {
        return new PreconditionTable<In>("sampler/Rule.java",
                "public static Rule parse(String text, int length, Schedule.Convention convention)",
                "isValidText(text, length, convention)", "!isValidText(text, length, convention)",
                in -> Rule.isValidText(in.text, in.length, in.convention),
                in -> !Rule.isValidText(in.text, in.length, in.convention),
                in -> Rule.parse(in.text, in.length, in.convention), InvalidInputException.class,
                List.of(r("entropy-sum:0", 3), r("entropy-sum:1/2", 3), r(" entropy-sum : 0.75 ", 2),
                        r("top-probability:2,1", 3), f("top-probability:2,1", 3), r("low-confidence:balanced:2", 4),
                        r("low-confidence:ones", 2), r("top-probability:one-shot", 5)),
                List.of(r("", 3), r("entropy-sum", 3), r("entropy-sum:-1", 3), r("entropy-sum:x", 3),
                        r("entropy-sum:NaN", 3), r("top-probability:2,2", 3), r("top-probability:0,3", 3),
                        r("low-confidence:all", 3), r("low-confidence:", 3), r("greedy:1", 3), r(":1", 3),
                        r("top-probability:1,1,1,1", 3), r("top-probability:all", 1))).tests().stream();
    }

    private static final SequenceSpace TWO_BY_TWO = SequenceSpace.of(2, 2);
    private static final String TABLE = "{\"schema\":\"dlm-exact/predictor@1\",\"alphabetSize\":2,\"length\":2,\"entries\":";

    /** A table text for the space {@code 2 x 2}. */
    record Table(String text) {

        @Override
        public String toString() {
            return text.replace(TABLE, "{...,\"entries\":");
        }
    }

    @TestFactory
    Stream<DynamicTest> predictorTableParse() {
        List<Table> valid = Stream.of("[]}", "[{\"visible\":[],\"values\":[],\"position\":0,\"p\":[\"1/2\",\"1/2\"]}]}",
                "[{\"visible\":[1],\"values\":[0],\"position\":0,\"p\":[0.25,\"3/4\"]},"
                        + "{\"visible\":[0],\"values\":[1],\"position\":1,\"p\":[\"1\",\"0\"]}]}")
                .map(e -> new Table(TABLE + e)).toList();
        List<Table> invalid = Stream.concat(Stream.of("", "[]", "{\"schema\":\"dlm-exact/predictor@1\"}",
                TABLE.replace("predictor@1", "predictor@2") + "[]}", TABLE.replace("\"length\":2", "\"length\":3") + "[]}",
                TABLE.replace("\"alphabetSize\":2", "\"alphabetSize\":3") + "[]}", TABLE + "[], \"extra\":0}"),
                Stream.of("[{\"visible\":[],\"values\":[],\"position\":0,\"p\":[\"1/2\",\"1/3\"]}]}",
                        "[{\"visible\":[],\"values\":[],\"position\":0,\"p\":[\"1/2\"]}]}",
                        "[{\"visible\":[],\"values\":[],\"position\":2,\"p\":[\"1/2\",\"1/2\"]}]}",
                        "[{\"visible\":[0],\"values\":[0],\"position\":0,\"p\":[\"1/2\",\"1/2\"]}]}",
                        "[{\"visible\":[0],\"values\":[],\"position\":1,\"p\":[\"1/2\",\"1/2\"]}]}",
                        "[{\"visible\":[1,0],\"values\":[0,0],\"position\":1,\"p\":[\"1/2\",\"1/2\"]}]}",
                        "[{\"visible\":[],\"values\":[],\"position\":0,\"p\":[\"-1/2\",\"3/2\"]}]}",
                        "[{\"visible\":[],\"values\":[],\"position\":0,\"p\":[\"1/2\",\"1/2\"]},"
                                + "{\"visible\":[],\"values\":[],\"position\":0,\"p\":[\"1\",\"0\"]}]}",
                        "[{\"visible\":[],\"values\":[],\"position\":0,\"p\":[\"1/2\",\"1/2\"],\"q\":1}]}")
                        .map(e -> TABLE + e)).map(Table::new).toList();
        return new PreconditionTable<Table>("sampler/PredictorTable.java",
                "public static PredictorTable parse(String text, SequenceSpace space)",
                "isValidText(text, space)", "!isValidText(text, space)",
                t -> PredictorTable.isValidText(t.text, TWO_BY_TWO), t -> !PredictorTable.isValidText(t.text, TWO_BY_TWO),
                t -> PredictorTable.parse(t.text, TWO_BY_TWO), InvalidInputException.class, valid, invalid)
                .tests().stream();
    }

    private static final List<String> VALID_BUILT_INS = List.of("optimal", " optimal ", "smoothed:0", "smoothed:1",
            "smoothed:1/3", "smoothed:0.5");
    private static final List<String> INVALID_BUILT_INS = List.of("smoothed:", "smoothed:x", "smoothed:-1/2",
            "smoothed:3/2", "smoothed:1/0", "smoothed:1/2/3");

    @TestFactory
    Stream<DynamicTest> predictorsParseForALattice() {
        MarginalLattice lattice = MarginalLattice.of(Families.parse("uniform:2,2"));
        return new PreconditionTable<String>("sampler/Predictors.java",
                "public static Predictor parse(String spec, MarginalLattice lattice)",
                "isValidBuiltIn(spec)", "isBuiltIn(spec) && !isValidBuiltIn(spec)",
                Predictors::isValidBuiltIn, s -> Predictors.isBuiltIn(s) && !Predictors.isValidBuiltIn(s),
                s -> Predictors.parse(s, lattice), InvalidInputException.class, VALID_BUILT_INS, INVALID_BUILT_INS)
                .tests().stream();
    }

    /** A predictor spec with the law it is resolved for. */
    record ForLaw(String spec, Law law) {

        @Override
        public String toString() {
            return "'" + spec + "' V=" + law.alphabetSize() + " L=" + law.length();
        }
    }

    @TestFactory
    Stream<DynamicTest> predictorsParseForALaw() {
        Law small = Families.parse("uniform:2,3");
        Law tooLarge = Families.parse("uniform:2,15"); // (V+1)^L = 3^15 > 5 000 000 lattice cells
        List<ForLaw> invalid = Stream.concat(INVALID_BUILT_INS.stream().map(s -> new ForLaw(s, small)),
                Stream.of(new ForLaw("optimal", tooLarge), new ForLaw("smoothed:1/2", tooLarge))).toList();
        String cells = "MarginalLattice.estimateCells(law.alphabetSize(), law.length())"
                + ".compareTo(BigInteger.valueOf(MarginalLattice.MAX_CELLS))";
        return new PreconditionTable<ForLaw>("sampler/Predictors.java",
                "public static Predictor parse(String spec, org.dlmexact.law.Law law)",
                "isValidBuiltIn(spec) && " + cells + " <= 0",
                "isBuiltIn(spec) && (!isValidBuiltIn(spec) || " + cells + " > 0)",
                in -> Predictors.isValidBuiltIn(in.spec) && fitsLattice(in.law),
                in -> Predictors.isBuiltIn(in.spec) && (!Predictors.isValidBuiltIn(in.spec) || !fitsLattice(in.law)),
                in -> Predictors.parse(in.spec, in.law), InvalidInputException.class,
                VALID_BUILT_INS.stream().map(s -> new ForLaw(s, small)).toList(), invalid).tests().stream();
    }

    private static boolean fitsLattice(Law law) {
        return MarginalLattice.estimateCells(law.alphabetSize(), law.length())
                .compareTo(java.math.BigInteger.valueOf(MarginalLattice.MAX_CELLS)) <= 0;
    }

    @Test
    void aFileSpecIsTheBehaviorCaseOfPredictorsParse() {
        for (String spec : List.of("table.json", "/no/such/file", "optimal.json", "optimal:1", "smoothed", "")) {
            assertFalse(Predictors.isBuiltIn(spec), spec);
            assertFalse(Predictors.isValidBuiltIn(spec), spec);
        }
        assertTrue(Predictors.isBuiltIn("smoothed:anything"));
    }
}
