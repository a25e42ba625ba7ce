package org.dlmexact.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dlmexact.io.OutputFiles;
import org.dlmexact.law.Law;
import org.dlmexact.law.LawJson;
import org.dlmexact.law.MarginalLattice;
import org.dlmexact.sampler.ConditionalTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Prints a validated law as canonical {@code dlm-exact/law@1} JSON, or its optimal predictor as a table. */
@Command(name = "law", mixinStandardHelpOptions = true,
        description = "Print the validated law as canonical dlm-exact/law@1 JSON (outcomes in lexicographic order, "
                + "reduced fractions, zero-probability outcomes omitted), or with --conditionals its optimal predictor "
                + "as a dlm-exact/predictor@1 table.")
final class LawCommand implements Callable<Integer> {

    @Mixin
    LawOptions lawOptions = new LawOptions();

    @Option(names = "--conditionals",
            description = "Print the optimal predictor instead: for every visible set, visible values and masked "
                    + "position the exact conditional row mu(X_i = . | X_C = x_C); contexts of probability zero get the "
                    + "uniform row and \"zeroProbability\":true. L (V+1)^(L-1) entries, at most "
                    + ConditionalTable.MAX_ENTRIES + ".")
    boolean conditionals;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write to FILE (a temporary file in the same folder, then a move; an existing FILE "
                    + "must be a regular file) instead of standard output.")
    /*@ nullable @*/ Path outFile; // set by picocli; null when absent

    @Spec
    /*@ nullable @*/ CommandSpec spec; // injected by picocli after construction

    @Override
    public Integer call() {
        Law law = lawOptions.resolve();
        String text;
        if (conditionals) {
            ConditionalTable.checkSize(law.alphabetSize(), law.length());
            text = ConditionalTable.text(MarginalLattice.of(law));
        } else {
            text = LawJson.toCanonicalText(law);
        }
        if (outFile != null) {
            try (OutputFiles files = OutputFiles.begin()) {
                files.write(outFile, "--out", text);
                files.commit();
            }
            return 0;
        }
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
