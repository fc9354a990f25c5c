package org.stemcheck.core.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The strict JSON reader: RFC 8259 values, positions, and an error at the right line and column for each thing it refuses. */
class JsonReaderTest {

    @Test
    void readsEveryKindOfValueWithItsPosition() {
        Json v = JsonReader.read("{\n  \"a\": [1, -2.5e3, 0.125],\n  \"b\": {\"t\": true, \"f\": false, \"n\": null},\n"
                + "  \"s\": \"x\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83c\\udfb5\"\n}");
        Json.Obj o = (Json.Obj) v;
        assertThat(o.members().keySet()).containsExactly("a", "b", "s");
        Json.Arr a = (Json.Arr) o.members().get("a");
        assertThat(a.items()).extracting(j -> ((Json.Num) j).value())
                .containsExactly(new BigDecimal("1"), new BigDecimal("-2.5e3"), new BigDecimal("0.125"));
        assertThat(a.line()).isEqualTo(2);
        assertThat(a.column()).isEqualTo(8);
        Json.Obj b = (Json.Obj) o.members().get("b");
        assertThat(b.members().get("t")).isEqualTo(new Json.Bool(true, 3, 14));
        assertThat(b.members().get("n")).isInstanceOf(Json.Null.class);
        assertThat(((Json.Str) o.members().get("s")).value()).isEqualTo("x\"\\/\b\f\n\r\t\u00e9\ud83c\udfb5");
    }

    @Test
    void scalarsAtTheTopLevelAndALeadingByteOrderMarkAreAccepted() {
        assertThat(JsonReader.read(" 42 ")).isInstanceOf(Json.Num.class);
        assertThat(JsonReader.read("\"x\"")).isEqualTo(new Json.Str("x", 1, 1));
        assertThat(JsonReader.read("\uFEFF{}")).isInstanceOf(Json.Obj.class);
        assertThat(JsonReader.read("[]")).isEqualTo(new Json.Arr(java.util.List.of(), 1, 1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "empty text                |``                        |1|1|empty",
        "trailing comma in object  |`{\"a\": 1,}`             |1|9|trailing commas",
        "trailing comma in array   |`[1, 2,]`                 |1|7|trailing commas",
        "single quotes             |`{'a': 1}`                |1|2|expected a key in double quotes",
        "comment                   |`{\"a\": 1 // x\n}`       |1|9|expected ',' or '}'",
        "NaN                       |`{\"a\": NaN}`            |1|7|expected a value",
        "Infinity                  |`[Infinity]`              |1|2|expected a value",
        "leading zero              |`[012]`                   |1|3|leading zero",
        "plus sign                 |`[+1]`                    |1|2|expected a value",
        "bare decimal point        |`[1.]`                    |1|4|after the decimal point",
        "empty exponent            |`[1e]`                    |1|4|in the exponent",
        "duplicate key             |`{\"a\": 1,\n \"a\": 2}`  |2|2|duplicate key \"a\"",
        "raw newline in a string   |`[\"a\nb\"]`              |1|4|raw control character",
        "unknown escape            |`[\"\\x\"]`               |1|4|unknown escape \\x",
        "short unicode escape      |`[\"\\u12\"]`             |1|7|four hex digits",
        "unterminated string       |`[\"abc`                  |1|6|closing '\"' is missing",
        "two values                |`{} {}`                   |1|4|after the JSON value",
        "missing colon             |`{\"a\" 1}`               |1|6|expected ':'",
        "missing comma in array    |`[1 2]`                   |1|4|expected ',' or ']'",
        "unclosed object           |`{\"a\": 1`               |1|8|end of the text",
        "misspelt literal          |`[tru]`                   |1|2|expected a value",
        "capitalised literal       |`[True]`                  |1|2|expected a value",
    })
    void refusesWhatRfc8259Refuses(String what, String text, int line, int column, String says) {
        assertThatThrownBy(() -> JsonReader.read(text))
                .isInstanceOfSatisfying(JsonReader.SyntaxError.class, e -> {
                    assertThat(e.line()).as("line").isEqualTo(line);
                    assertThat(e.column()).as("column").isEqualTo(column);
                })
                .hasMessageStartingWith("line " + line + ", column " + column + ": ")
                .hasMessageContaining(says);
    }

    @Test
    void nestingIsBounded() {
        String deep = "[".repeat(JsonReader.MAX_DEPTH + 1) + "]".repeat(JsonReader.MAX_DEPTH + 1);
        assertThatThrownBy(() -> JsonReader.read(deep)).hasMessageContaining("nested more than 64 levels");
        String ok = "[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH);
        assertThat(JsonReader.read(ok)).isInstanceOf(Json.Arr.class);
    }

    @Test
    void valuesDescribeThemselvesAsMessagesShowThem() {
        assertThat(JsonReader.read("\"yes\"").describe()).isEqualTo("\"yes\"");
        assertThat(JsonReader.read("-1.50").describe()).isEqualTo("-1.50");
        assertThat(JsonReader.read("[]").describe()).isEqualTo("an array");
        assertThat(JsonReader.read("{}").describe()).isEqualTo("an object");
        assertThat(JsonReader.read("null").describe()).isEqualTo("null");
        assertThat(JsonReader.read("\"a\\u0001\"").describe()).isEqualTo("\"a\\u0001\"");
    }
}
