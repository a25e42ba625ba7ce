package org.dlmexact.cli;

import org.dlmexact.law.Law;
import org.dlmexact.law.LawDescription;
import org.dlmexact.law.Laws;
import picocli.CommandLine.Option;

/** The {@code --law} option shared by commands. */
final class LawOptions {

    @Option(names = "--law", required = true, paramLabel = "NAME:ARGS|FILE",
            description = "A built-in family (uniform:V,L  product:L:p0,p1,..  repetition:V,L  parity:L  pairs:L  "
                    + "markov:L:ROWS[:START]  random:V,L,SEED  code:q:G  exchangeable:L:W1@P1;W2@P2;..  rs:q,n,k) or a "
                    + "dlm-exact/law@1 JSON file. Structured families too long to enumerate use closed forms where "
                    + "a command needs only the information curve.")
    /*@ nullable @*/ String law; // set by picocli after construction

    Law resolve() {
        return Laws.resolve(law);
    }

    /** The law without enumerating a structured family (see {@link Laws#describe}). */
    LawDescription describe() {
        return Laws.describe(law);
    }
}
