package org.stemcheck.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Findings are immutable values with validated codes, any message text and ordered numbers. */
class FindingTest {

    @Test
    void withersReturnNewFindingsAndKeepMeasurementOrder() {
        Finding base = Finding.error("mix.gain", "Bass is 3.0 dB louder than in the mix");
        Finding full = base.withFiles("Song_Bass_120bpm.wav").withMeasurement("z_last", 1).withMeasurement("a_first", 2)
                .withFix("pull the fader down 3 dB");

        assertThat(base.files()).isEmpty();
        assertThat(base.fix()).isEmpty();
        assertThat(full.measurements().keySet()).containsExactly("z_last", "a_first");
        assertThat(full.severity()).isEqualTo(Severity.ERROR);
        assertThat(full.withSeverity(Severity.INFO).severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void badCodesAndMultiLineMessagesAreRefused() {
        assertThatThrownBy(() -> Finding.error("Mix Gain", "m")).hasMessageContaining("Mix Gain");
        assertThatThrownBy(() -> Finding.error("nogroup", "m")).isInstanceOf(IllegalArgumentException.class);
        // a file name may hold a line break: the finding keeps it, the writers escape it
        org.assertj.core.api.Assertions.assertThat(Finding.warning("a.b", "two\nlines").message()).isEqualTo("two\nlines");
        assertThatThrownBy(() -> new Finding.Span(2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Finding.info("acme.loudness-spec", "ok").code()).isEqualTo("acme.loudness-spec");
    }

    @Test
    void atMostTwentySpansAreKeptWorstFirst() {
        List<Finding.Span> spans = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            spans.add(new Finding.Span(i, i + 0.5));
        }
        Finding f = Finding.warning("level.clipping", "clips").withWhere(spans);

        assertThat(f.where()).hasSize(Finding.MAX_SPANS).first().isEqualTo(new Finding.Span(0, 0.5));
    }
}
