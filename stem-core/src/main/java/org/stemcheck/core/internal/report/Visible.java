package org.stemcheck.core.internal.report;

/**
 * Text from outside (file names, messages that quote them) made safe to show: characters that
 * would move the cursor, change a terminal's colours or reorder the line (C0 and C1 controls,
 * DEL, line separators, bidirectional overrides) become visible escapes ({@code \n},
 * {@code \x1b}, {@code \u202e}), so that a file named with an escape sequence shows its name
 * instead of acting on the terminal or the page. Everything else is kept as it is.
 */
public final class Visible {

    private Visible() {
    }

    /**
     * The text with every control character shown as an escape.
     *
     * @param s the text, or null
     * @return the visible text; an empty string for null
     */
    public static String of(String s) {
        if (s == null) {
            return "";
        }
        int i = 0;
        while (i < s.length() && !hidden(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 8).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!hidden(c)) {
                b.append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c <= 0xff) {
                b.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
            } else {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return b.toString();
    }

    /**
     * Whether a character must not reach a terminal or a page as it is: C0 controls, DEL, C1
     * controls, the line and paragraph separators, and the bidirectional embeddings, overrides and
     * isolates (Unicode TR9: U+202A..U+202E, U+2066..U+2069), which reorder what follows them.
     */
    static boolean hidden(char c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f || c == 0x2028 || c == 0x2029
                || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069;
    }
}
