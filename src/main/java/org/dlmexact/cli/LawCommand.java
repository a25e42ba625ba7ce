package org.dlmexact.cli;

import java.util.concurrent.Callable;
import org.dlmexact.law.LawJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Prints a validated law as canonical {@code dlm-exact/law@1} JSON. */
@Command(name = "law", mixinStandardHelpOptions = true,
        description = "Print the validated law as canonical dlm-exact/law@1 JSON (outcomes in lexicographic order, "
                + "reduced fractions, zero-probability outcomes omitted).")
final class LawCommand implements Callable<Integer> {

    @Mixin
    LawOptions lawOptions = new LawOptions();

    @Spec
    /*@ nullable @*/ CommandSpec spec; // injected by picocli after construction

    @Override
    public Integer call() {
        String text = LawJson.toCanonicalText(lawOptions.resolve());
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
