package org.stemcheck.core.internal.spec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON reader (RFC 8259): one value, with only the whitespace, escapes, literals and
 * number grammar the RFC allows. No comments, no trailing commas, no single quotes, no
 * {@code NaN}/{@code Infinity}, no leading zeros, no raw control characters in strings, no
 * duplicate keys in an object (the RFC leaves their meaning open; a spec file with one is a
 * mistake). A leading byte order mark is skipped, as the RFC allows. Every error names the line
 * and column where reading stopped. Stateless; {@link #read} may be called from any thread.
 */
public final class JsonReader {

    /**
     * Nesting deeper than this is refused: a spec file is 3 levels deep, and a limit keeps a
     * hostile file from exhausting the stack.
     */
    static final int MAX_DEPTH = 64;

    private final String s;
    private int i;
    private int line = 1;
    private int lineStart;

    private JsonReader(String text) {
        this.s = text;
    }

    /** A syntax error, at a 1-based line and column. */
    public static final class SyntaxError extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;

        SyntaxError(int line, int column, String reason) {
            super("line " + line + ", column " + column + ": " + reason);
            this.line = line;
            this.column = column;
        }

        /** The 1-based line where reading stopped. */
        public int line() {
            return line;
        }

        /** The 1-based column where reading stopped. */
        public int column() {
            return column;
        }
    }

    /**
     * Reads one JSON text.
     *
     * @param text the whole text
     * @return its value, with positions
     * @throws SyntaxError when the text is not one valid JSON value
     */
    public static Json read(String text) {
        JsonReader r = new JsonReader(text);
        if (r.s.startsWith("\uFEFF")) {
            r.i = 1;
            r.lineStart = 1;
        }
        r.ws();
        if (r.i >= r.s.length()) {
            throw r.error("no JSON value (the text is empty)");
        }
        Json v = r.value(0);
        r.ws();
        if (r.i < r.s.length()) {
            throw r.error("unexpected " + r.found() + " after the JSON value");
        }
        return v;
    }

    private Json value(int depth) {
        if (i >= s.length()) {
            throw error("unexpected end of the text, expected a value");
        }
        char c = s.charAt(i);
        switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"': {
                int l = line;
                int col = column();
                return new Json.Str(string(), l, col);
            }
            case 't':
                return literal("true", new Json.Bool(true, line, column()));
            case 'f':
                return literal("false", new Json.Bool(false, line, column()));
            case 'n':
                return literal("null", new Json.Null(line, column()));
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected " + found() + ", expected a value (object, array, string, number,"
                        + " true, false or null)");
        }
    }

    private Json.Obj object(int depth) {
        int l = line;
        int col = column();
        if (depth > MAX_DEPTH) {
            throw error("nested more than " + MAX_DEPTH + " levels deep");
        }
        i++; // {
        Map<String, Json> members = new LinkedHashMap<>();
        ws();
        if (peek() == '}') {
            i++;
            return new Json.Obj(members, l, col);
        }
        while (true) {
            ws();
            if (peek() != '"') {
                throw error("unexpected " + found() + ", expected a key in double quotes");
            }
            int keyLine = line;
            int keyColumn = column();
            String key = string();
            if (members.containsKey(key)) {
                throw new SyntaxError(keyLine, keyColumn, "duplicate key " + quote(key) + " in one object");
            }
            ws();
            if (peek() != ':') {
                throw error("unexpected " + found() + ", expected ':' after the key " + quote(key));
            }
            i++;
            ws();
            members.put(key, value(depth));
            ws();
            char c = peek();
            if (c == ',') {
                i++;
                ws();
                if (peek() == '}') {
                    throw error("a comma before '}' (trailing commas are not JSON)");
                }
            } else if (c == '}') {
                i++;
                return new Json.Obj(members, l, col);
            } else {
                throw error("unexpected " + found() + ", expected ',' or '}' after the value of " + quote(key));
            }
        }
    }

    private Json.Arr array(int depth) {
        int l = line;
        int col = column();
        if (depth > MAX_DEPTH) {
            throw error("nested more than " + MAX_DEPTH + " levels deep");
        }
        i++; // [
        List<Json> items = new ArrayList<>();
        ws();
        if (peek() == ']') {
            i++;
            return new Json.Arr(items, l, col);
        }
        while (true) {
            ws();
            items.add(value(depth));
            ws();
            char c = peek();
            if (c == ',') {
                i++;
                ws();
                if (peek() == ']') {
                    throw error("a comma before ']' (trailing commas are not JSON)");
                }
            } else if (c == ']') {
                i++;
                return new Json.Arr(items, l, col);
            } else {
                throw error("unexpected " + found() + ", expected ',' or ']' in an array");
            }
        }
    }

    private String string() {
        i++; // opening quote
        StringBuilder b = new StringBuilder();
        while (true) {
            if (i >= s.length()) {
                throw error("unexpected end of the text inside a string (a closing '\"' is missing)");
            }
            char c = s.charAt(i);
            if (c == '"') {
                i++;
                return b.toString();
            }
            if (c < 0x20) {
                throw error("a raw control character (U+" + String.format(java.util.Locale.ROOT, "%04X", (int) c)
                        + ") inside a string; write it as an escape such as \\n or \\t");
            }
            if (c != '\\') {
                b.append(c);
                i++;
                continue;
            }
            i++;
            if (i >= s.length()) {
                throw error("unexpected end of the text after '\\'");
            }
            char e = s.charAt(i);
            switch (e) {
                case '"': b.append('"'); break;
                case '\\': b.append('\\'); break;
                case '/': b.append('/'); break;
                case 'b': b.append('\b'); break;
                case 'f': b.append('\f'); break;
                case 'n': b.append('\n'); break;
                case 'r': b.append('\r'); break;
                case 't': b.append('\t'); break;
                case 'u':
                    b.append(hex4());
                    continue;
                default:
                    throw error("unknown escape \\" + e + " (JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX;"
                            + " a regular expression's backslash is written \\\\)");
            }
            i++;
        }
    }

    /** The four hex digits after {@code \\u}; leaves {@code i} after them. */
    private char hex4() {
        int start = i + 1;
        if (start + 4 > s.length()) {
            throw error("\\u needs four hex digits");
        }
        int v = 0;
        for (int k = start; k < start + 4; k++) {
            int d = Character.digit(s.charAt(k), 16);
            if (d < 0) {
                i = k;
                throw error("\\u needs four hex digits, found " + found());
            }
            v = v * 16 + d;
        }
        i = start + 4;
        return (char) v;
    }

    private Json.Num number() {
        int l = line;
        int col = column();
        int start = i;
        if (peek() == '-') {
            i++;
        }
        if (peek() == '0') {
            i++;
            if (isDigit(peek())) {
                throw error("a number with a leading zero");
            }
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("unexpected " + found() + ", expected a digit");
        }
        if (peek() == '.') {
            i++;
            if (!isDigit(peek())) {
                throw error("unexpected " + found() + ", expected a digit after the decimal point");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            i++;
            if (peek() == '+' || peek() == '-') {
                i++;
            }
            if (!isDigit(peek())) {
                throw error("unexpected " + found() + ", expected a digit in the exponent");
            }
            digits();
        }
        String text = s.substring(start, i);
        try {
            return new Json.Num(new BigDecimal(text), text, l, col);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new SyntaxError(l, col, "the number " + text + " is out of range");
        }
    }

    private void digits() {
        while (isDigit(peek())) {
            i++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Json literal(String word, Json v) {
        if (!s.startsWith(word, i)) {
            throw error("unexpected " + found() + ", expected a value (object, array, string, number, true, false"
                    + " or null)");
        }
        i += word.length();
        return v;
    }

    /** Skips the four whitespace characters of RFC 8259, counting lines. */
    private void ws() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            i++;
        }
    }

    private char peek() {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private int column() {
        return i - lineStart + 1;
    }

    private String found() {
        if (i >= s.length()) {
            return "end of the text";
        }
        char c = s.charAt(i);
        if (c < 0x20 || c == 0x7f) {
            return String.format(java.util.Locale.ROOT, "character U+%04X", (int) c);
        }
        return "'" + c + "'";
    }

    private SyntaxError error(String reason) {
        return new SyntaxError(line, column(), reason);
    }

    /** A string as JSON writes it, for messages: {@code "yes"}. */
    static String quote(String v) {
        StringBuilder b = new StringBuilder("\"");
        for (int k = 0; k < v.length(); k++) {
            char c = v.charAt(k);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
