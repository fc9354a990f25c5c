package org.stemcheck.core.nulltest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stemcheck.core.testing.Findings.problems;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Report;
import org.stemcheck.core.StemSet;
import org.stemcheck.core.testing.Dev101;
import org.stemcheck.io.testing.Verbose;

/** Faults injected in code into the clean dev101 delivery: each gives its code on the right file. */
class Dev101FaultsTest {

    private static final String BASS = Dev101.stem("Bass");
    private static final String DRUMS = Dev101.stem("Drums");
    /** One beat at 86 bpm and 48 kHz, in whole samples (33488.4). */
    private static final int ONE_BEAT = 33488;

    private static Report check(Path dir) {
        Report r = StemSet.from(dir).run();
        r.findings().forEach(f -> Verbose.println("  " + f + " " + f.measurements()));
        return r;
    }

    static Finding only(Report r, String code, String file) {
        List<Finding> fs = r.findings().stream().filter(f -> f.code().equals(code)).toList();
        assertThat(fs).as("findings of %s", code).singleElement()
                .satisfies(f -> assertThat(f.files()).first().isEqualTo(file));
        return fs.get(0);
    }

    @Test
    void cleanDeliveryNullsAgainstTheUnprocessedMixAndHasNoProblem(@TempDir Path tmp) throws IOException {
        Report r = check(Dev101.variant("clean", tmp));

        assertThat(problems(r)).isEmpty();
        assertThat(r.reference()).hasValueSatisfying(ref -> {
            assertThat(ref.file()).isEqualTo("mixdown_nobus.wav");
            assertThat(ref.nullDb().getAsDouble()).isLessThan(-110);
            assertThat(ref.mixbusProcessing()).contains(false);
        });
        Finding info = only(r, "mix.reference", "mixdown_nobus.wav");
        assertThat(info.message()).contains("mixdown.wav").contains("carries mix-bus processing");
    }

    @Test
    void bassThreeDecibelsLouderIsAGainErrorOnBass(@TempDir Path tmp) throws IOException {
        Report r = check(Dev101.cleanWith(tmp, BASS, Dev101.gainDb(3.0)));

        Finding f = only(r, "mix.gain", BASS);
        assertThat(f.measurements().get("gain_db")).isCloseTo(3.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(f.message()).startsWith("Bass is 3.0 dB louder than in the mix");
        assertThat(problems(r)).extracting(Finding::code).containsOnly("mix.gain");
    }

    @Test
    void bassSixDecibelsQuieterIsAGainErrorOnBass(@TempDir Path tmp) throws IOException {
        Report r = check(Dev101.cleanWith(tmp, BASS, Dev101.gainDb(-6.0)));

        Finding f = only(r, "mix.gain", BASS);
        assertThat(f.measurements().get("gain_db")).isCloseTo(-6.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(f.message()).contains("quieter");
    }

    @Test
    void invertedBassIsAPolarityErrorOnBassAndNoGainError(@TempDir Path tmp) throws IOException {
        Report r = check(Dev101.cleanWith(tmp, BASS, Dev101::invert));

        Finding f = only(r, "mix.polarity", BASS);
        assertThat(f.measurements().get("scale")).isCloseTo(-1.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(problems(r)).extracting(Finding::code).containsOnly("mix.polarity");
    }

    @ParameterizedTest(name = "{0} samples")
    @ValueSource(ints = {240, 350, -720, 960, ONE_BEAT, -ONE_BEAT})
    void shiftedDrumsAreAnOffsetErrorExactToTheSample(int samples, @TempDir Path tmp) throws IOException {
        Report r = check(Dev101.cleanWith(tmp, DRUMS, Dev101.shift(samples)));

        Finding f = only(r, "mix.offset", DRUMS);
        assertThat(Math.round(f.measurements().get("offset_samples"))).isEqualTo(samples);
        assertThat(f.message()).contains(samples > 0 ? "late" : "early");
        assertThat(f.measurements().get("offset_beats")).isCloseTo(samples / (Dev101.RATE * 60.0 / Dev101.BPM),
                org.assertj.core.data.Offset.offset(0.001));
        // A late shift keeps the file's length, so it pushes the drums' last beats off the end: the
        // file then ends while sounding, a true level.cut-tail on the Drums file, and nothing else.
        List<Finding> others = problems(r).stream().filter(x -> !x.code().equals("mix.offset")).toList();
        assertThat(others).allSatisfy(x -> {
            assertThat(samples).isPositive();
            assertThat(x.code()).isEqualTo("level.cut-tail");
            assertThat(x.files()).containsExactly(DRUMS);
        });
        assertThat(problems(r)).extracting(Finding::code).containsOnlyOnce("mix.offset");
    }

    @Test
    void droppedFxStemIsMissingFxOnTheMix(@TempDir Path tmp) throws IOException {
        Report r = check(Dev101.cleanWith(tmp, Dev101.stem("FX"), null));

        only(r, "mix.missing-fx", "mixdown_nobus.wav");
        assertThat(r.findings()).noneMatch(f -> f.code().equals("set.missing-stem"));
    }

    @Test
    void droppedBassStemIsAMissingLowStemOnTheMix(@TempDir Path tmp) throws IOException {
        Report r = check(Dev101.cleanWith(tmp, BASS, null));

        Finding f = only(r, "set.missing-stem", "mixdown_nobus.wav");
        assertThat(f.message()).contains("low-frequency");
        assertThat(r.findings()).noneMatch(x -> x.code().equals("mix.missing-fx"));
    }

    @Test
    void drumsLateByTwoAndAHalfSamplesAreAnOffsetToAFractionOfASample(@TempDir Path tmp) throws IOException {
        Report r = check(Dev101.cleanWith(tmp, DRUMS, Dev101.fractionalDelay(2.5)));

        Finding f = only(r, "mix.offset", DRUMS);
        assertThat(f.measurements().get("offset_samples")).isCloseTo(2.5, org.assertj.core.data.Offset.offset(0.05));
        assertThat(f.message()).contains("2.50 samples").contains("late");
        assertThat(r.findings()).noneMatch(x -> x.code().equals("mix.missing-fx") || x.code().equals("set.missing-stem"));
    }

    @Test
    void drumsOnAClockFiftyPpmFastAreADriftErrorOnDrums(@TempDir Path tmp) throws IOException {
        Report r = check(Dev101.cleanWith(tmp, DRUMS, Dev101.drift(50.0)));

        Finding f = only(r, "mix.drift", DRUMS);
        assertThat(f.measurements().get("drift_ppm")).isCloseTo(50.0, org.assertj.core.data.Offset.offset(10.0));
        assertThat(f.message()).contains("later");
        // Its whole-song offset (the drift's middle) and its gain (lowered by the correlation the
        // drift loses) are not faults of their own.
        assertThat(r.findings()).noneMatch(x -> (x.code().equals("mix.offset") || x.code().equals("mix.gain"))
                && x.files().contains(DRUMS));
    }

    @Test
    void cleanDeliveryHasNoDrift(@TempDir Path tmp) throws IOException {
        Report r = check(Dev101.variant("clean", tmp));

        assertThat(r.findings()).noneMatch(f -> f.code().equals("mix.drift"));
    }
}
