package org.stemcheck.dsp.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.stemcheck.dsp.Accumulators;
import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.SampleStream;
import org.stemcheck.io.testing.TestData;

/**
 * The features of the real dev101 stems: bass, vocal and drums tell apart on the features the
 * label check uses, and the stems exported through the mix-bus limiter sit at its ceiling.
 */
class Dev101FeaturesTest {

    private static StemFeatures.Result stem(String variant, String label) throws IOException {
        Path dir = TestData.require("songs/dev101/" + variant);
        AudioFile f = AudioFiles.open(dir.resolve("DistantHarbor_" + label + "_86bpm.wav"));
        StemFeatures acc = StemFeatures.create(f.format().sampleRate(), f.format().channels());
        try (SampleStream s = f.openStream()) {
            Accumulators.feed(s, 8192, acc);
        }
        return acc.result();
    }

    @Test
    void bassHoldsItsPowerLowAndItsPitchBelow110Hz() throws IOException {
        StemFeatures.Result bass = stem("clean", "Bass");

        assertThat(bass.bands().below300()).isGreaterThan(0.9);
        assertThat(bass.pitch().medianHz()).isLessThan(110.0);
        assertThat(bass.pitch().voicedShare()).isGreaterThan(0.7);
    }

    @Test
    void leadVocalSitsInTheVoiceRangeWithASungPitch() throws IOException {
        StemFeatures.Result vocal = stem("clean", "Vocals");

        assertThat(vocal.bands().below300()).isLessThan(0.2);
        assertThat(vocal.bands().voiceRange()).isGreaterThan(0.7);
        assertThat(vocal.pitch().medianHz()).isBetween(150.0, 400.0);
        assertThat(vocal.pitch().voicedShare()).isGreaterThan(0.5);
    }

    @Test
    void drumsHaveHitsAndLittlePitch() throws IOException {
        StemFeatures.Result drums = stem("clean", "Drums");

        assertThat(drums.onsetsPerSecond()).isGreaterThan(1.0);
        assertThat(drums.pitch().voicedShare()).isLessThan(0.2);
        assertThat(drums.centroidSpreadHz()).isGreaterThan(1000.0);
    }

    @Test
    void limitedDrumsReachTheCeilingInManyWindowsWhileTheCleanOnesReachTheirPeakOnce() throws IOException {
        StemFeatures.Result clean = stem("clean", "Drums");
        StemFeatures.Result limited = stem("limiter_in_stems", "Drums");

        assertThat(clean.hopsNearPeak()).isLessThanOrEqualTo(2);
        assertThat(limited.peakDbfs()).isBetween(-1.01, -0.99);
        assertThat(limited.hopsNearPeak()).isGreaterThanOrEqualTo(8);
        assertThat(limited.nearPeakLevelSpreadDb()).isGreaterThan(3.0);
        assertThat(limited.hops()).isEqualTo(80);
    }
}
