package org.stemcheck.core.internal.checks.mix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

import org.junit.jupiter.api.Test;
import org.stemcheck.core.nulltest.Residual;
import org.stemcheck.core.nulltest.Segment;

/** Where a part no stem carries sounds, read from the residual's 100 ms stretches. */
class MissingTimeTest {

    /** {@code seconds} of 100 ms stretches whose residual level (RMS) is {@code level(i)}, a steady mix. */
    private static Residual residual(int seconds, IntToDoubleFunction level) {
        List<Segment> s = new ArrayList<>();
        for (int i = 0; i < seconds * 10; i++) {
            s.add(new Segment(i / 10.0, (i + 1) / 10.0, level.applyAsDouble(i), 0.3));
        }
        return new Residual(s, List.of(), 1.0);
    }

    @Test
    void aPartThatPlaysAllAlongPlaysThroughout() {
        // A kick on every beat at 120 bpm: one loud stretch in five, silence between.
        MissingTime t = MissingTime.of(residual(60, i -> i % 5 == 0 ? 0.1 : 0.0), 0).orElseThrow();
        assertThat(t.share()).isEqualTo(1.0);
        assertThat(t.describe()).isEqualTo("throughout");
    }

    @Test
    void aPartThatPlaysInOneSectionIsPlacedThere() {
        // A part from 0:20 to 0:35 of a minute (the stretches before and after silent), read from
        // a comparison that starts 2 s into the files.
        MissingTime t = MissingTime.of(residual(60, i -> i >= 200 && i < 350 ? 0.05 : 0.0), 2.0).orElseThrow();
        assertThat(t.share()).isEqualTo(0.25);
        assertThat(t.describe()).isEqualTo("at 0:22-0:37");
    }

    @Test
    void aSpanPastAnHourIsGivenWithItsHour() {
        // A reel of a film compared from 1:00:00: the part sounds 0:20-0:35 into it.
        MissingTime t = MissingTime.of(residual(60, i -> i >= 200 && i < 350 ? 0.05 : 0.0), 3600.0).orElseThrow();
        assertThat(t.describe()).isEqualTo("at 1:00:20-1:00:35");
    }

    @Test
    void shortRestsStayInsideOneSpanAndLongOnesSplitIt() {
        // Plays 0-10 s, rests 1.5 s (inside), plays to 20 s, rests 10 s, plays 30-40 s; faint
        // leakage 30 dB under it in the long rest is not the part.
        IntToDoubleFunction level = i -> i < 100 || i >= 115 && i < 200 || i >= 300 && i < 400 ? 0.1
                : i >= 200 && i < 300 ? 0.003 : 0.0;
        MissingTime t = MissingTime.of(residual(60, level), 0).orElseThrow();
        assertThat(t.spans()).hasSize(2);
        assertThat(t.describe()).isEqualTo("at 0:00-0:20, 0:30-0:40");
    }

    @Test
    void moreThanThreeSpansAreCounted() {
        // Plays one second in every eight.
        MissingTime t = MissingTime.of(residual(64, i -> i % 80 < 10 ? 0.1 : 0.0), 0).orElseThrow();
        assertThat(t.spans()).hasSize(8);
        assertThat(t.describe()).isEqualTo("at 0:00-0:01, 0:08-0:09, 0:16-0:17 and 5 more");
    }

    @Test
    void aSilentResidualHasNoTime() {
        assertThat(MissingTime.of(residual(10, i -> 0.0), 0)).isEmpty();
        assertThat(MissingTime.of(new Residual(List.of(), List.of(), 1.0), 0)).isEmpty();
    }
}
