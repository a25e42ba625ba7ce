package org.dlmexact.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.dlmexact.law.Law;
import org.dlmexact.law.LawJson;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.info.InformationProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Exact information measures of a law. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Exact information measures of a law: H(X), TC, DTC, SumI, the information curve Z_1..Z_L "
                + "and the average subset entropies e_k. Logarithms are natural (nats).")
final class InfoCommand implements Callable<Integer> {

    @Mixin
    LawOptions lawOptions = new LawOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    @Spec
    /*@ nullable @*/ CommandSpec spec; // injected by picocli after construction

    @Override
    public Integer call() throws JsonProcessingException {
        Options.checkDigits(output.digits);
        Law law = lawOptions.resolve();
        InformationProfile info = InformationProfile.of(law);
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            ObjectNode root = LawJson.mapper().createObjectNode();
            root.put("alphabetSize", law.alphabetSize());
            root.put("length", law.length());
            root.set("entropy", Quantities.json(info.entropy(), output.digits));
            root.set("totalCorrelation", Quantities.json(info.totalCorrelation(), output.digits));
            root.set("dualTotalCorrelation", Quantities.json(info.dualTotalCorrelation(), output.digits));
            root.set("sumMutualInformation", Quantities.json(info.sumMutualInformation(), output.digits));
            ArrayNode z = root.putArray("informationCurve");
            for (ExactReal zj : info.informationCurve()) {
                z.add(Quantities.json(zj, output.digits));
            }
            ArrayNode e = root.putArray("averageEntropies");
            for (int k = 0; k <= law.length(); k++) {
                e.add(Quantities.json(info.averageEntropy(k), output.digits));
            }
            out.println(LawJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            Table t = new Table()
                    .add("H(X)", info.entropy())
                    .add("TC", info.totalCorrelation())
                    .add("DTC", info.dualTotalCorrelation())
                    .add("SumI", info.sumMutualInformation());
            for (int j = 1; j <= law.length(); j++) {
                t.add("Z_" + j, info.z(j));
            }
            for (int k = 1; k <= law.length(); k++) {
                t.add("e_" + k, info.averageEntropy(k));
            }
            out.println("law " + lawOptions.law + ": alphabetSize " + law.alphabetSize() + ", length " + law.length()
                    + ", support " + law.supportSize() + " of " + law.space().size() + " outcomes (nats)");
            t.print(out, output.digits);
        }
        out.flush();
        return 0;
    }

}
