package org.dlmexact.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dlmexact.law.LawJson;
import org.dlmexact.exact.ExactReal;
import org.dlmexact.report.Values;

/** The JSON and table forms of exact quantities shared by every command. */
final class Quantities {

    private Quantities() {
    }

    /** {@code {"exact":"<canonical exact text>","decimal":"<certified, D digits>"}}. */
    static ObjectNode json(ExactReal x, int digits) {
        return json(x, digits, false);
    }

    /** As {@link #json(ExactReal, int)}, with the omission rule of {@link Values#json(ExactReal, int, boolean)}. */
    static ObjectNode json(ExactReal x, int digits, boolean exact) {
        return Values.json(x, digits, exact);
    }

    static String pad(String s, int width) {
        StringBuilder sb = new StringBuilder(s);
        while (sb.length() < width) {
            sb.append(' ');
        }
        return sb.toString();
    }

    static String padLeft(String s, int width) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() + s.length() < width) {
            sb.append(' ');
        }
        return sb.append(s).toString();
    }

    /** Aligns the decimal points of a column. */
    static String decimalColumn(String decimal, int intWidth) {
        int dot = decimal.indexOf('.');
        int head = dot < 0 ? decimal.length() : dot;
        return padLeft("", intWidth - head) + decimal;
    }
}
