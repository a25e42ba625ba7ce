package org.dlmexact.cli;

import picocli.CommandLine.Option;

/** The output options shared by the value-printing commands (a picocli mixin). */
final class OutputOptions {

    @Option(names = "--digits", paramLabel = "D", defaultValue = "20",
            description = "Certified digits after the decimal point (default ${DEFAULT-VALUE}; 0..1000).")
    int digits;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;
}
