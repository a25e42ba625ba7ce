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
     * The value's text, escaped, at most {@value #MAX_ECHO} characters: a longer text (once escaped)
     * becomes the escaped form of its first characters (at most 60), {@code ...} and
     * {@code (N characters)}, N the length of the original text.
     */
    /*@ public normal_behavior
      @   requires text != null;
      @   ensures \result.indexOf('\n') < 0 && \result.indexOf('\r') < 0;
      @ pure @*/
    public static String of(String text) {
        StringBuilder sb = new StringBuilder();
        if (escapePrefix(text, MAX_ECHO, sb) == text.length()) {
            return sb.toString();
        }
        return cut(text, text.length() + " characters");
    }

    /** {@link #of(String)} between single quotes (the length, when cut, after the closing quote). */
    /*@ public normal_behavior
      @   requires text != null;
      @   ensures \result.startsWith("'") && \result.indexOf('\n') < 0;
      @ pure @*/
    public static String quoted(String text) {
        StringBuilder sb = new StringBuilder("'");
        if (escapePrefix(text, MAX_ECHO, sb) == text.length()) {
            return sb.append('\'').toString();
        }
        sb.setLength(1);
        escapePrefix(text, MAX_ECHO - 20, sb);
        return sb.append("...' (").append(text.length()).append(" characters)").toString();
    }

    /**
     * A value shown only in part: the escaped form of the first characters of {@code prefix} (at
     * most 60 characters once escaped), then {@code ...} and {@code (SIZE)}, for example
     * {@code [0,0,0,... (26000000 values)}.
     */
    /*@ public normal_behavior
      @   requires prefix != null && size != null;
      @   ensures \result.indexOf('\n') < 0;
      @ pure @*/
    public static String cut(String prefix, String size) {
        StringBuilder sb = new StringBuilder();
        escapePrefix(prefix, MAX_ECHO - 20, sb);
        return sb.append("... (").append(size).append(')').toString();
    }

    /**
     * Appends the escaped form of the longest prefix of {@code text} whose escaped form has at most
     * {@code limit} characters; returns the number of characters of {@code text} it took.
     */
    private static int escapePrefix(String text, int limit, StringBuilder sb) {
        int start = sb.length();
        int i = 0;
        for (; i < text.length(); i++) {
            String e = escaped(text.charAt(i));
            if (sb.length() - start + e.length() > limit) {
                break;
            }
            sb.append(e);
        }
        return i;
    }

    private static String escaped(char c) {
        if (!needsEscape(c)) {
            return String.valueOf(c);
        }
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                return String.format("\\u%04x", (int) c);
        }
    }

    /**
     * A whole message made safe for one line: control characters escaped and the result cut to
     * {@value #MAX_MESSAGE} characters (a last defence; each echoed value is cut much earlier).
     */
    /*@ public normal_behavior
      @   requires message != null;
      @   ensures \result.indexOf('\n') < 0 && \result.indexOf('\r') < 0;
      @ pure @*/
    public static String line(String message) {
        StringBuilder sb = new StringBuilder();
        if (escapePrefix(message, MAX_MESSAGE, sb) == message.length()) {
            return sb.toString();
        }
        sb.setLength(0);
        escapePrefix(message, MAX_MESSAGE - 40, sb);
        return sb.append("... (message of ").append(message.length()).append(" characters)").toString();
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
            sb.append(escaped(text.charAt(i)));
        }
        return sb.toString();
    }

    private static boolean needsEscape(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }
}
