package org.dlmexact.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.report.Values;

/** A name / certified decimal / exact text table with aligned decimal points. */
final class Table {

    private final List<String> names = new ArrayList<>();
    private final List<ExactReal> values = new ArrayList<>();

    Table add(String name, ExactReal value) {
        names.add(name);
        values.add(value);
        return this;
    }

    void print(PrintWriter out, int digits) {
        print(out, digits, false);
    }

    /** As {@link #print(PrintWriter, int)}; {@code exact} shows every exact text (see {@link Values#exactText}). */
    void print(PrintWriter out, int digits, boolean exact) {
        int nameWidth = "quantity".length();
        int intWidth = 1;
        List<String> decimals = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            nameWidth = Math.max(nameWidth, names.get(i).length());
            String d = values.get(i).toDecimal(digits);
            decimals.add(d);
            int dot = d.indexOf('.');
            intWidth = Math.max(intWidth, dot < 0 ? d.length() : dot);
        }
        int decWidth = Math.max("decimal".length(), intWidth + (digits > 0 ? digits + 1 : 0));
        out.println(Quantities.pad("quantity", nameWidth) + "  " + Quantities.pad("decimal", decWidth) + "  exact");
        for (int i = 0; i < names.size(); i++) {
            out.println(Quantities.pad(names.get(i), nameWidth) + "  "
                    + Quantities.pad(Quantities.decimalColumn(decimals.get(i), intWidth), decWidth) + "  "
                    + Values.exactText(values.get(i), exact));
        }
    }
}
