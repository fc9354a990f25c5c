package org.stemcheck.core.internal.spec;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON value as read by {@link JsonReader}, with the line and column it starts at, so that a
 * reader of the tree can say where a wrong value stands. Immutable.
 */
public sealed interface Json {

    /** The 1-based line the value starts on. */
    int line();

    /** The 1-based column the value starts at (in UTF-16 code units, tabs count one). */
    int column();

    /** What the value is, as an error message shows it: {@code "yes"}, {@code 12.5}, {@code an array}. */
    String describe();

    /** An object: its members in the order written (keys are unique: {@link JsonReader} refuses duplicates). */
    record Obj(Map<String, Json> members, int line, int column) implements Json {
        public Obj {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }

        @Override
        public String describe() {
            return "an object";
        }
    }

    /** An array. */
    record Arr(List<Json> items, int line, int column) implements Json {
        public Arr {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "an array";
        }
    }

    /** A string, unescaped. */
    record Str(String value, int line, int column) implements Json {
        @Override
        public String describe() {
            return JsonReader.quote(value);
        }
    }

    /** A number, exactly as written (RFC 8259 grammar), as a decimal. */
    record Num(BigDecimal value, String text, int line, int column) implements Json {
        @Override
        public String describe() {
            return text;
        }
    }

    /** {@code true} or {@code false}. */
    record Bool(boolean value, int line, int column) implements Json {
        @Override
        public String describe() {
            return Boolean.toString(value);
        }
    }

    /** {@code null}. */
    record Null(int line, int column) implements Json {
        @Override
        public String describe() {
            return "null";
        }
    }
}
