package org.dlmexact.cli;

import org.dlmexact.law.Law;
import org.dlmexact.law.Laws;
import picocli.CommandLine.Option;

/** The {@code --law} option shared by commands. */
final class LawOptions {

    @Option(names = "--law", required = true, paramLabel = "NAME:ARGS|FILE",
            description = "A built-in family (uniform:V,L  product:L:p0,p1,..  repetition:V,L  parity:L  pairs:L  "
                    + "markov:L:ROWS[:START]  random:V,L,SEED  code:q:G) or a dlm-exact/law@1 JSON file.")
    /*@ nullable @*/ String law; // set by picocli after construction

    Law resolve() {
        return Laws.resolve(law);
    }
}
