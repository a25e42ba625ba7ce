package org.dlmexact.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.ArrayList;
import java.util.List;
import org.dlmexact.law.LawDescription;
import org.dlmexact.law.LawJson;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.info.Curves;
import org.dlmexact.info.InformationCurve;
import org.dlmexact.info.InformationProfile;
import org.dlmexact.info.StructuredCurve;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Exact information measures of a law. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Exact information measures of a law: H(X), TC, DTC, SumI, the information curve Z_1..Z_L "
                + "and the average subset entropies e_k. Logarithms are natural (nats). A structured family too long "
                + "to enumerate is computed from closed forms; long exact texts are then omitted unless --exact.")
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
        LawDescription law = lawOptions.describe();
        InformationCurve info = Curves.of(law);
        List<ExactReal> shown = new ArrayList<>(List.of(info.entropy(), info.totalCorrelation(),
                info.dualTotalCorrelation(), info.sumMutualInformation()));
        shown.addAll(info.informationCurve());
        for (int k = 1; k <= info.length(); k++) {
            shown.add(info.averageEntropy(k));
        }
        if (output.exact) {
            Options.checkExact(shown);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            ObjectNode root = LawJson.mapper().createObjectNode();
            root.put("alphabetSize", info.alphabetSize());
            root.put("length", info.length());
            if (info instanceof StructuredCurve) {
                root.put("source", "closed-form");
            }
            root.set("entropy", Quantities.json(info.entropy(), output.digits, output.exact));
            root.set("totalCorrelation", Quantities.json(info.totalCorrelation(), output.digits, output.exact));
            root.set("dualTotalCorrelation", Quantities.json(info.dualTotalCorrelation(), output.digits, output.exact));
            root.set("sumMutualInformation", Quantities.json(info.sumMutualInformation(), output.digits, output.exact));
            ArrayNode z = root.putArray("informationCurve");
            for (ExactReal zj : info.informationCurve()) {
                z.add(Quantities.json(zj, output.digits, output.exact));
            }
            ArrayNode e = root.putArray("averageEntropies");
            for (int k = 0; k <= info.length(); k++) {
                e.add(Quantities.json(info.averageEntropy(k), output.digits, output.exact));
            }
            out.println(LawJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            Table t = new Table()
                    .add("H(X)", info.entropy())
                    .add("TC", info.totalCorrelation())
                    .add("DTC", info.dualTotalCorrelation())
                    .add("SumI", info.sumMutualInformation());
            for (int j = 1; j <= info.length(); j++) {
                t.add("Z_" + j, info.z(j));
            }
            for (int k = 1; k <= info.length(); k++) {
                t.add("e_" + k, info.averageEntropy(k));
            }
            out.println("law " + lawOptions.law + ": " + header(law, info) + " (nats)");
            t.print(out, output.digits, output.exact);
        }
        out.flush();
        return 0;
    }

    /** The header's description of the law and of how its curve was computed. */
    static String header(LawDescription law, InformationCurve info) {
        String size = "alphabetSize " + info.alphabetSize() + ", length " + info.length();
        if (info instanceof InformationProfile p) {
            return size + ", support " + p.law().supportSize() + " of " + p.law().space().size() + " outcomes";
        }
        return size + ", " + law.structure().describe() + ", by closed forms (the " + info.alphabetSize() + "^"
                + info.length() + " outcomes are not enumerated)";
    }
}
