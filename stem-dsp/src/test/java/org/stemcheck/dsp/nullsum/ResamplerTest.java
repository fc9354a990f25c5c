package org.stemcheck.dsp.nullsum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResamplerTest {

    private static final double AMPLITUDE = 0.5;

    /** Passband 0 .. 0.4535 of the lower rate: gain within +/- 0.001 dB and no delay (phase). */
    @ParameterizedTest
    @CsvSource({
        "48000, 44100, 20", "48000, 44100, 1000", "48000, 44100, 10000", "48000, 44100, 19990",
        "44100, 48000, 20", "44100, 48000, 1000", "44100, 48000, 15000", "44100, 48000, 19990",
        "96000, 48000, 21000", "44100, 96000, 19990"})
    void passbandSinesComeThroughWithinAThousandthOfADbAndInPhase(int in, int out, double hz) {
        double[] y = resample(sine(hz, in, in), in, out, 4096);

        double[] fit = fit(y, hz, out);
        double gainDb = 20 * Math.log10(Math.hypot(fit[0], fit[1]) / AMPLITUDE);
        assertThat(Math.abs(gainDb)).as("gain %.6f dB at %.0f Hz", gainDb, hz).isLessThan(0.001);
        assertThat(Math.abs(fit[0]) / AMPLITUDE).as("cosine part (phase)").isLessThan(1e-4);
    }

    /** Downsampling: sines above the output's Nyquist frequency must not alias back (>= 110 dB down). */
    @ParameterizedTest
    @CsvSource({"48000, 44100, 22100", "48000, 44100, 23000", "48000, 44100, 23900", "96000, 44100, 30000"})
    void downsamplingRemovesWhatWouldAliasBy110Db(int in, int out, double hz) {
        double[] y = resample(sine(hz, in, in), in, out, 4096);

        double db = 20 * Math.log10(rms(y, out) / (AMPLITUDE / Math.sqrt(2)));
        assertThat(db).as("alias level %.1f dB", db).isLessThan(-110);
    }

    /** Upsampling: the images of passband sines above the input's Nyquist frequency (>= 110 dB down). */
    @ParameterizedTest
    @CsvSource({"44100, 48000, 15000", "44100, 48000, 19000", "44100, 48000, 21000", "22050, 48000, 9000"})
    void upsamplingRemovesTheImagesBy110Db(int in, int out, double hz) {
        double[] y = resample(sine(hz, in, in), in, out, 4096);

        double[] fit = fit(y, hz, out);
        double[] rest = y.clone();
        for (int k = 0; k < rest.length; k++) {
            double w = 2 * Math.PI * hz * k / out;
            rest[k] -= fit[0] * Math.cos(w) + fit[1] * Math.sin(w);
        }
        double db = 20 * Math.log10(rms(rest, out) / (AMPLITUDE / Math.sqrt(2)));
        assertThat(db).as("image level %.1f dB", db).isLessThan(-110);
    }

    @Test
    void outputDoesNotDependOnBlockSizeAndHasTheExpectedLength() {
        double[] x = Signals.noise(3, 44_100, 0.5);

        double[] a = resample(x, 44_100, 48_000, 4096);
        double[] b = resample(x, 44_100, 48_000, 1000);
        double[] c = resample(x, 44_100, 48_000, 1);

        assertThat(a).hasSize(48_000);
        assertThat(Arrays.equals(a, b)).isTrue();
        assertThat(Arrays.equals(a, c)).isTrue();
    }

    @Test
    void lengthIsTheCeilingOfTheScaledInput() {
        double[] y = resample(new double[1000], 44_100, 48_000, 300);

        assertThat(y).hasSize((int) Math.ceil(1000 * 160 / 147.0));
    }

    @Test
    void refusesBadRatesRatiosAndShapes() {
        assertThatThrownBy(() -> Resampler.of(8000, 192_000, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1:16");
        assertThatThrownBy(() -> Resampler.of(44_100, 44_101, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("table");
        assertThatThrownBy(() -> Resampler.of(0, 48_000, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Resampler.of(44_100, 48_000, 0)).isInstanceOf(IllegalArgumentException.class);
        Resampler r = Resampler.of(44_100, 48_000, 2);
        assertThatThrownBy(() -> r.process(new double[1][10], 0, 10, new double[1][100]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.process(new double[2][10], 0, 10, new double[2][1]))
                .isInstanceOf(IllegalArgumentException.class);
        r.flush(new double[2][r.maxOutputFrames(0)]);
        assertThatThrownBy(() -> r.process(new double[2][10], 0, 10, new double[2][r.maxOutputFrames(10)]))
                .isInstanceOf(IllegalStateException.class);
    }

    private static double[] sine(double hz, int rate, int frames) {
        double[] x = new double[frames];
        for (int t = 0; t < frames; t++) {
            x[t] = AMPLITUDE * Math.sin(2 * Math.PI * hz * t / rate);
        }
        return x;
    }

    static double[] resample(double[] x, int in, int out, int block) {
        Resampler r = Resampler.of(in, out, 1);
        double[][] buf = new double[1][r.maxOutputFrames(block)];
        double[] y = new double[(int) ((long) x.length * out / in) + 16];
        int n = 0;
        for (int at = 0; at < x.length; at += block) {
            int got = r.process(new double[][] {x}, at, Math.min(block, x.length - at), buf);
            System.arraycopy(buf[0], 0, y, n, got);
            n += got;
        }
        int got = r.flush(buf);
        System.arraycopy(buf[0], 0, y, n, got);
        return Arrays.copyOf(y, n + got);
    }

    /** Least-squares {cos, sin} amplitudes at {@code hz} over the middle (ends hold the edges). */
    private static double[] fit(double[] y, double hz, int rate) {
        double cc = 0;
        double ss = 0;
        double cs = 0;
        double yc = 0;
        double ys = 0;
        for (int k = rate / 10; k < y.length - rate / 10; k++) {
            double w = 2 * Math.PI * hz * k / rate;
            double c = Math.cos(w);
            double s = Math.sin(w);
            cc += c * c;
            ss += s * s;
            cs += c * s;
            yc += y[k] * c;
            ys += y[k] * s;
        }
        double det = cc * ss - cs * cs;
        return new double[] {(yc * ss - ys * cs) / det, (ys * cc - yc * cs) / det};
    }

    private static double rms(double[] y, int rate) {
        double s = 0;
        int n = 0;
        for (int k = rate / 10; k < y.length - rate / 10; k++) {
            s += y[k] * y[k];
            n++;
        }
        return Math.sqrt(s / n);
    }
}
