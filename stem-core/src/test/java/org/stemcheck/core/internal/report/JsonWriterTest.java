package org.stemcheck.core.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.stemcheck.core.testing.Json;

/** The JSON writer escapes what JSON requires and writes numbers JSON can hold. */
class JsonWriterTest {

    private static String write(Object value) throws IOException {
        StringWriter out = new StringWriter();
        JsonWriter j = new JsonWriter(out);
        j.beginArray();
        if (value instanceof String) {
            j.value((String) value);
        } else {
            j.value((Number) value);
        }
        j.endArray();
        return out.toString();
    }

    @Test
    void controlCharactersQuotesAndLoneSurrogatesAreEscaped() throws IOException {
        String s = "a\"b\\c\u0000d\u001fe\nf\u2029g\ud800h\udc00i\ud83c\udfb5";
        String json = write(s);

        assertThat(json).doesNotContain("\u0000", "\u001f", "\n", "\u2029");
        assertThat(json).contains("\\u0000", "\\u001f", "\\n", "\\u2029", "\\ud800", "\\udc00", "\ud83c\udfb5");
        assertThat(Json.parse(json).toString()).isEqualTo("[" + s + "]");
    }

    @Test
    void integralNumbersHaveNoFractionAndOthersRoundTrip() throws IOException {
        assertThat(write(48000.0)).isEqualTo("[48000]");
        assertThat(write(-0.0)).isEqualTo("[0]");
        assertThat(write(0.1)).isEqualTo("[0.1]");
        assertThat(write(1e300)).isEqualTo("[1.0E300]");
        assertThat(write(Long.MAX_VALUE)).isEqualTo("[9223372036854775807]");
        assertThat(write(Double.NaN)).isEqualTo("[null]");
        assertThat(write(Double.NEGATIVE_INFINITY)).isEqualTo("[null]");
        assertThat(Json.parse(write(1e300)).toString()).isEqualTo("[1.0E+300]");
    }

    @Test
    void membersAndElementsAreSeparatedByCommas() throws IOException {
        StringWriter out = new StringWriter();
        new JsonWriter(out).beginObject().name("a").beginArray().value(1L).value(true).nullValue().endArray()
                .name("b").beginObject().endObject().name("c").value("x").endObject();

        assertThat(out).hasToString("{\"a\":[1,true,null],\"b\":{},\"c\":\"x\"}");
    }
}
