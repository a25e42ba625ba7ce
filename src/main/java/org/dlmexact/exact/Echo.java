package org.dlmexact.exact;

/**
 * How a message shows a value the user gave: at most {@value #MAX_ECHO} characters of it (a longer
 * value keeps its first characters and ends with {@code ...} and its length), with every control
 * character escaped ({@code \n}, {@code \t}, {@code \u0000}), so that an error stays one short line
 * whatever the input holds (SPEC §4).
 */
public final class Echo {

    /** Longest echo of one value, in characters (before escaping). */
    public static final int MAX_ECHO = 80;
    /** Longest message of an {@link InvalidInputException}, in characters. */
    public static final int MAX_MESSAGE = 1000;

    private Echo() {
    }

    /**
     * The value's text, escaped, cut to {@value #MAX_ECHO} characters: a longer text becomes its
     * first characters, {@code ...} and {@code (N characters)}.
     */
    /*@ public normal_behavior
      @   requires text != null;
      @   ensures \result.indexOf('\n') < 0 && \result.indexOf('\r') < 0;
      @ pure @*/
    public static String of(String text) {
        if (text.length() <= MAX_ECHO) {
            return escape(text);
        }
        return cut(text, text.length() + " characters");
    }

    /** {@link #of(String)} between single quotes. */
    /*@ public normal_behavior
      @   requires text != null;
      @   ensures \result.startsWith("'") && \result.indexOf('\n') < 0;
      @ pure @*/
    public static String quoted(String text) {
        if (text.length() <= MAX_ECHO) {
            return "'" + escape(text) + "'";
        }
        return "'" + escape(text.substring(0, MAX_ECHO - 20)) + "...' (" + text.length() + " characters)";
    }

    /**
     * A value shown only in part: the first characters of {@code prefix}, escaped, then {@code ...}
     * and {@code (SIZE)}, for example {@code [0,0,0,... (26000000 values)}.
     */
    /*@ public normal_behavior
      @   requires prefix != null && size != null;
      @   ensures \result.indexOf('\n') < 0;
      @ pure @*/
    public static String cut(String prefix, String size) {
        return escape(prefix.substring(0, Math.min(prefix.length(), MAX_ECHO - 20))) + "... (" + size + ")";
    }

    /**
     * A whole message made safe for one line: control characters escaped and the text cut to
     * {@value #MAX_MESSAGE} characters (a last defence; each echoed value is cut much earlier).
     */
    /*@ public normal_behavior
      @   requires message != null;
      @   ensures \result.indexOf('\n') < 0 && \result.indexOf('\r') < 0;
      @ pure @*/
    public static String line(String message) {
        String s = message.length() <= MAX_MESSAGE ? message
                : message.substring(0, MAX_MESSAGE - 30) + "... (message of " + message.length() + " characters)";
        return escape(s);
    }

    /** Escapes every ISO control character, and the line and paragraph separators, as {@code \n}, {@code \t}, {@code \r} or {@code \\uXXXX}. */
    /*@ public normal_behavior
      @   requires text != null;
      @   ensures \result.indexOf('\n') < 0 && \result.indexOf('\r') < 0;
      @ pure @*/
    public static String escape(String text) {
        int i = 0;
        while (i < text.length() && !needsEscape(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!needsEscape(c)) {
                sb.append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb.toString();
    }

    private static boolean needsEscape(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }
}
