package org.stemcheck.core.internal.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming JSON writer (RFC 8259): compact output, strings escaped, numbers that are not
 * finite written as {@code null}. Not thread-safe.
 */
public final class JsonWriter {

    /** Integral doubles below 2^53 are written without a fraction: they are exact there (IEEE 754). */
    private static final double EXACT_INTEGER_LIMIT = 9_007_199_254_740_992.0;

    private final Writer out;
    /** One entry per open object or array: true while nothing has been written in it. */
    private final Deque<Boolean> empty = new ArrayDeque<>();
    private boolean afterName;

    public JsonWriter(Writer out) {
        this.out = out;
    }

    public JsonWriter beginObject() throws IOException {
        return open('{');
    }

    public JsonWriter endObject() throws IOException {
        return close('}');
    }

    public JsonWriter beginArray() throws IOException {
        return open('[');
    }

    public JsonWriter endArray() throws IOException {
        return close(']');
    }

    /** The next member's name, in an object. */
    public JsonWriter name(String name) throws IOException {
        separate();
        string(name);
        out.write(':');
        afterName = true;
        return this;
    }

    public JsonWriter value(String s) throws IOException {
        if (s == null) {
            return nullValue();
        }
        separate();
        string(s);
        return this;
    }

    public JsonWriter value(boolean b) throws IOException {
        separate();
        out.write(b ? "true" : "false");
        return this;
    }

    public JsonWriter value(long n) throws IOException {
        separate();
        out.write(Long.toString(n));
        return this;
    }

    /** A number; NaN and infinities are written as {@code null} (JSON has no such numbers). */
    public JsonWriter value(double d) throws IOException {
        if (!Double.isFinite(d)) {
            return nullValue();
        }
        separate();
        if (d == Math.rint(d) && Math.abs(d) < EXACT_INTEGER_LIMIT) {
            out.write(Long.toString((long) d));
        } else {
            out.write(Double.toString(d));
        }
        return this;
    }

    /** A number or {@code null}. */
    public JsonWriter value(Number n) throws IOException {
        if (n == null) {
            return nullValue();
        }
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return value(n.longValue());
        }
        return value(n.doubleValue());
    }

    public JsonWriter nullValue() throws IOException {
        separate();
        out.write("null");
        return this;
    }

    private JsonWriter open(char c) throws IOException {
        separate();
        out.write(c);
        empty.push(true);
        return this;
    }

    private JsonWriter close(char c) throws IOException {
        if (empty.isEmpty()) {
            throw new IllegalStateException("nothing to close");
        }
        empty.pop();
        out.write(c);
        return this;
    }

    private void separate() throws IOException {
        if (afterName) {
            afterName = false;
            return;
        }
        if (!empty.isEmpty()) {
            if (!empty.peek()) {
                out.write(',');
            }
            empty.pop();
            empty.push(false);
        }
    }

    private void string(String s) throws IOException {
        out.write('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    out.write("\\\"");
                    break;
                case '\\':
                    out.write("\\\\");
                    break;
                case '\n':
                    out.write("\\n");
                    break;
                case '\r':
                    out.write("\\r");
                    break;
                case '\t':
                    out.write("\\t");
                    break;
                default:
                    if (c < 0x20 || c == 0x2028 || c == 0x2029 || isLoneSurrogate(s, i)) {
                        out.write(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.write(c);
                    }
            }
        }
        out.write('"');
    }

    /** A surrogate without its partner cannot be encoded in UTF-8: it is escaped instead. */
    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
