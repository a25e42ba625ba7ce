package org.dlmexact.fuzz;

import static org.dlmexact.fuzz.FuzzProperty.check;
import static org.dlmexact.fuzz.FuzzProperty.header;
import static org.dlmexact.fuzz.FuzzProperty.param;
import static org.dlmexact.fuzz.FuzzProperty.text;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.exact.NumberSize;
import org.dlmexact.exact.Rational;
import org.dlmexact.io.InputFiles;
import org.dlmexact.law.Families;
import org.dlmexact.law.LawJson;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.law.SequenceSpace;
import org.dlmexact.sampler.PredictorTable;
import org.dlmexact.sampler.Predictors;
import org.dlmexact.sampler.Rule;
import org.dlmexact.sampler.Samplers;
import org.dlmexact.sampler.Schedule;
import org.dlmexact.validate.SampleValidator;
import org.dlmexact.validate.ValuesValidator;
import org.dlmexact.vectors.Kind;
import org.dlmexact.vectors.Vectors;

/**
 * Coverage-guided fuzz tests (Jazzer) of every parser and validator of user input, each checking
 * {@link FuzzProperty}. In the normal test run ({@code mvn -B verify}) each target runs on the
 * empty input and on its regression corpus, {@code src/test/resources/org/dlmexact/fuzz/
 * ParserFuzzTestInputs/<target>/}: every input that ever failed (the reproductions of issue 13
 * among them) and a few seeds. Fuzzing proper: {@code JAZZER_FUZZ=1}, one target per run (README,
 * "Fuzzing"). Inputs are bytes; targets with parameters read them from a first line
 * ({@link FuzzProperty#header}), so corpus files stay readable. Adding a target is one method:
 * {@code @FuzzTest void name(byte[] data) throws Exception { check(() -> parser(text(data))); }}.
 */
class ParserFuzzTest {

    /**
     * The golden vectors, read by the results target and compared with by the vector target (the
     * checked-in files, which VectorsTest proves equal to a fresh generation).
     */
    private static final Path VECTORS = Path.of("test-vectors");

    /** A space {@code V^L} from a parameter line {@code "V L"} (default 2 3). */
    private static SequenceSpace space(String line) {
        int v = param(line, 0, 2, 4, 2);
        int l = param(line, 1, 1, 6, 3);
        return SequenceSpace.of(v, l);
    }

    /** Schedule convention from the parameter line's word {@code forward} (else reveal). */
    private static Schedule.Convention convention(String line) {
        return line.contains("forward") ? Schedule.Convention.FORWARD : Schedule.Convention.REVEAL;
    }

    @FuzzTest(maxDuration = "2m")
    void lawJson(byte[] data) throws Exception {
        check(() -> LawJson.parse(InputFiles.decode(data, "fuzz input")));
    }

    @FuzzTest(maxDuration = "2m")
    void rationalText(byte[] data) throws Exception {
        check(() -> Rational.parse(text(data)), true);
        check(() -> NumberSize.parse(text(data), "fuzz input"), true);
    }

    @FuzzTest(maxDuration = "2m")
    void exactRealText(byte[] data) throws Exception {
        check(() -> ExactReal.parse(text(data)), true);
    }

    @FuzzTest(maxDuration = "2m")
    void familyArguments(byte[] data) throws Exception {
        check(() -> Families.parse(text(data)));
    }

    @FuzzTest(maxDuration = "2m")
    void schedule(byte[] data) throws Exception {
        String[] h = header(data);
        check(() -> Schedule.parseAll(h[1], param(h[0], 0, 1, 16, 4), convention(h[0])));
    }

    @FuzzTest(maxDuration = "2m")
    void ruleSpec(byte[] data) throws Exception {
        String[] h = header(data);
        check(() -> Rule.parse(h[1], param(h[0], 0, 1, 16, 4), convention(h[0])));
    }

    /** A {@code --sampler NAME:ARGS} spec (SPEC §10), for the length on the parameter line (default 4). */
    @FuzzTest(maxDuration = "2m")
    void samplerSpec(byte[] data) throws Exception {
        String[] h = header(data);
        check(() -> Samplers.parse(h[1], param(h[0], 0, 1, 16, 4), convention(h[0])));
    }

    /** {@code optimal} and {@code smoothed:LAMBDA} (a predictor file name is a path: the table target covers files). */
    @FuzzTest(maxDuration = "2m")
    void predictorSpec(byte[] data) throws Exception {
        String spec = text(data);
        if (spec.strip().equals("optimal") || spec.strip().startsWith("smoothed:")) {
            check(() -> Predictors.parse(spec, MarginalLattice.of(Families.uniform(2, 2))));
        }
    }

    @FuzzTest(maxDuration = "2m")
    void predictorTable(byte[] data) throws Exception {
        String[] h = header(data);
        check(() -> PredictorTable.parse(h[1], space(h[0])));
    }

    @FuzzTest(maxDuration = "2m")
    void resultsFile(byte[] data) throws Exception {
        check(() -> ValuesValidator.validate(VECTORS, InputFiles.decode(data, "fuzz input")));
    }

    @FuzzTest(maxDuration = "2m")
    void samplesFile(byte[] data) throws Exception {
        String[] h = header(data);
        check(() -> SampleValidator.readCounts(new BufferedReader(new StringReader(h[1])), space(h[0]), "fuzz input"));
    }

    /** A vector file of the kind named on the first line (default info): lint, recomputation, comparison. */
    @FuzzTest(maxDuration = "2m")
    void vectorFile(byte[] data) throws Exception {
        String[] h = header(data);
        Kind k = Vectors.kind(h[0].strip());
        Kind kind = k == null ? Vectors.kind("info") : k;
        String file = kind.name() + ".json";
        String expected = Files.readString(VECTORS.resolve(file));
        check(() -> {
            Vectors.Report r = new Vectors.Report();
            Vectors.verifyFile(kind, file, h[1], expected, r);
        });
    }
}
