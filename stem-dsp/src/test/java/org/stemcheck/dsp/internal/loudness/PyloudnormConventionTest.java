package org.stemcheck.dsp.internal.loudness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.stemcheck.dsp.internal.Biquad;
import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.SampleStream;
import org.stemcheck.io.testing.TestData;

/**
 * Explains pyloudnorm's regression value for {@code sine_1000.wav} (1 s, 1 kHz, mono, 44.1 kHz,
 * 0 dBFS): -3.0523438444331137 LUFS, asserted by pyloudnorm with numpy's {@code isclose}
 * (rtol 1e-5, i.e. 3.1e-5 LU here).
 *
 * <p>pyloudnorm ({@code csteinmetz1/pyloudnorm}, {@code meter.py}, filter class "K-weighting") does
 * not use BS.1770's curve: it builds RBJ "Audio EQ Cookbook" sections without pre-warping, a high
 * shelf at 1500 Hz, +4 dB, Q 1/sqrt(2), and a high-pass at 38 Hz, Q 0.5 ({@code iirfilter.py}).
 * Its gating is BS.1770's. Fed through our engine with those two sections, the file reads
 * pyloudnorm's value to its own tolerance; with the BS.1770 sections it reads 0.041 LU more, which
 * is exactly the two curves' difference at 1 kHz.
 */
class PyloudnormConventionTest {

    static final double PYLOUDNORM_VALUE = -3.0523438444331137;
    /** numpy.isclose default: rtol 1e-5 x 3.05 + atol 1e-8. */
    static final double PYLOUDNORM_TOLERANCE = 3.1e-5;

    /** RBJ cookbook high shelf ({@code A = 10^(G/40)}, {@code alpha = sin(w0)/(2Q)}), normalised to a0 = 1. */
    static Biquad rbjHighShelf(double f0, double gainDb, double q, double fs) {
        double a = Math.pow(10, gainDb / 40);
        double w0 = 2 * Math.PI * f0 / fs;
        double cos = Math.cos(w0);
        double alpha = Math.sin(w0) / (2 * q);
        double twoSqrtAAlpha = 2 * Math.sqrt(a) * alpha;
        double a0 = (a + 1) - (a - 1) * cos + twoSqrtAAlpha;
        return Biquad.of(
                a * ((a + 1) + (a - 1) * cos + twoSqrtAAlpha) / a0,
                -2 * a * ((a - 1) + (a + 1) * cos) / a0,
                a * ((a + 1) + (a - 1) * cos - twoSqrtAAlpha) / a0,
                2 * ((a - 1) - (a + 1) * cos) / a0,
                ((a + 1) - (a - 1) * cos - twoSqrtAAlpha) / a0);
    }

    /** RBJ cookbook high-pass, normalised to a0 = 1. */
    static Biquad rbjHighPass(double f0, double q, double fs) {
        double w0 = 2 * Math.PI * f0 / fs;
        double cos = Math.cos(w0);
        double alpha = Math.sin(w0) / (2 * q);
        double a0 = 1 + alpha;
        return Biquad.of((1 + cos) / 2 / a0, -(1 + cos) / a0, (1 + cos) / 2 / a0, -2 * cos / a0, (1 - alpha) / a0);
    }

    static KWeighting pyloudnormWeighting(double fs) {
        return KWeighting.of(rbjHighShelf(1500, 4.0, 1 / Math.sqrt(2), fs), rbjHighPass(38, 0.5, fs));
    }

    private static double integrated(Path file, KWeighting weighting) throws IOException {
        AudioFile audio = AudioFiles.open(file);
        LoudnessEngine engine = new LoudnessEngine(audio.format().sampleRate(), new double[] {1.0}, weighting);
        double[][] block = new double[1][4096];
        try (SampleStream s = audio.openStream()) {
            for (int n; (n = s.read(block, 0, 4096)) > 0; ) {
                engine.accept(block, 0, n);
            }
        }
        return engine.integrated()[0];
    }

    @Test
    void withPyloudnormsFiltersOurGatingReproducesItsValue() throws IOException {
        Path file = TestData.require("conformance/itu-bs2217-pyloudnorm/sine_1000.wav");
        assertThat(integrated(file, pyloudnormWeighting(44100))).isCloseTo(PYLOUDNORM_VALUE, within(PYLOUDNORM_TOLERANCE));
    }

    @Test
    void withBs1770FiltersTheWholeDifferenceIsTheTwoCurvesAtOneKilohertz() throws IOException {
        Path file = TestData.require("conformance/itu-bs2217-pyloudnorm/sine_1000.wav");
        double ours = integrated(file, KWeighting.forRate(44100));
        double curveDifference = KWeighting.forRate(44100).responseDb(1000, 44100)
                - pyloudnormWeighting(44100).responseDb(1000, 44100);
        assertThat(curveDifference).isCloseTo(0.041, within(0.001));
        assertThat(ours - PYLOUDNORM_VALUE).isCloseTo(curveDifference, within(0.001));
        assertThat(ours).isCloseTo(-3.01, within(0.005)); // BS.1770: 0 dBFS 1 kHz in one channel
    }
}
