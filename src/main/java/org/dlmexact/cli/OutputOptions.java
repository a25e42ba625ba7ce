package org.dlmexact.cli;

import org.dlmexact.report.Values;
import picocli.CommandLine.Option;

/** The output options shared by the value-printing commands (a picocli mixin). */
final class OutputOptions {

    @Option(names = "--digits", paramLabel = "D", defaultValue = "20",
            description = "Certified digits after the decimal point (default ${DEFAULT-VALUE}; 0..1000).")
    int digits;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--exact", description = "Print the exact text of every value, also of long symbolic values of "
            + "structured laws (whose text is otherwise omitted above " + Values.MAX_SHOWN_ATOMS + " atoms).")
    boolean exact;
}
