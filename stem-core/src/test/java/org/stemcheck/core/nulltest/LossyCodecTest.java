package org.stemcheck.core.nulltest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Report;
import org.stemcheck.core.StemSet;
import org.stemcheck.core.testing.Dev101;
import org.stemcheck.core.testing.Findings;
import org.stemcheck.core.testing.Ffmpeg;

/**
 * Conformance with a real codec: dev101 with every file (the stems and both mixes) encoded
 * separately as AAC at 256 kbit/s and decoded back to float WAV by the ffmpeg on the path, as MUSDB18
 * ships its stems and users decode them (issue 18; {@code scripts/lmms/lossy.py} does the same to
 * the LMMS corpus). Skipped, with a message, without ffmpeg. The rules these cases rest on are
 * tested with a codec made in code ({@code Signals.lossy}) where they were fixed.
 */
class LossyCodecTest {

    private static final String MIX = "mixdown.wav";
    private static final String NOBUS = "mixdown_nobus.wav";
    private static final String BASS = Dev101.stem("Bass");

    private static Report throughAac(Path dir) throws IOException {
        Ffmpeg.roundTrip(dir, "aac", "256k", "m4a");
        return StemSet.from(dir).run();
    }

    /** No error or warning names a stem other than {@code guilty} (or none). */
    private static void nothingOnInnocentStems(Report r, String... guilty) {
        Findings.nothingOnInnocentStems(r, List.of(MIX, NOBUS), guilty);
    }

    @Test
    void cleanDeliveryThroughAacBlamesNoStem(@TempDir Path tmp) throws IOException {
        Ffmpeg.require("aac");
        Report r = throughAac(Dev101.variant("clean", tmp));

        nothingOnInnocentStems(r);
        assertThat(r.findings()).noneMatch(f -> f.code().startsWith("set.") || f.code().equals("content.lossy-transcode"));
    }

    @Test
    void bassLeftOutOfADeliveryThroughAacIsAMissingStem(@TempDir Path tmp) throws IOException {
        Ffmpeg.require("aac");
        Report r = throughAac(Dev101.cleanWith(tmp, BASS, null));

        assertThat(r.findings()).filteredOn(f -> f.code().equals("set.missing-stem")).singleElement()
                .satisfies(f -> assertThat(f.files()).containsAnyOf(MIX, NOBUS));
        nothingOnInnocentStems(r);
    }

    @Test
    void bassThreeDbHotThroughAacIsFoundOnTheBass(@TempDir Path tmp) throws IOException {
        Ffmpeg.require("aac");
        Report r = throughAac(Dev101.cleanWith(tmp, BASS, Dev101.gainDb(3.0)));

        Finding f = r.findings().stream().filter(x -> x.code().equals("mix.gain")).findFirst().orElseThrow();
        assertThat(f.files()).containsExactly(BASS);
        assertThat(f.measurements().get("gain_db")).isCloseTo(3.0, Offset.offset(0.5));
        nothingOnInnocentStems(r, BASS);
    }
}
