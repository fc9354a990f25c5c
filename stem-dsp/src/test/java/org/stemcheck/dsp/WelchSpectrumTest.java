package org.stemcheck.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stemcheck.dsp.internal.Db;

class WelchSpectrumTest {

    private static final int RATE = 48_000;

    private static WelchSpectrum.Result measure(int size, int block, double[]... channels) {
        WelchSpectrum w = WelchSpectrum.create(channels.length, RATE, size);
        Accumulators.feed(channels, block, w);
        return w.result();
    }

    private static double totalPower(Spectrum s) {
        double sum = 0;
        for (int k = 0; k < s.bins(); k++) {
            sum += Db.toPower(s.powerDb(k));
        }
        return sum;
    }

    @Test
    void sinePeaksAtItsBin() {
        double hz = 170 * (RATE / 8192.0);
        WelchSpectrum.Result r = measure(8192, 4096, Signals.sine(0.5, hz, RATE, 2 * RATE));
        Spectrum s = r.channels().get(0);
        assertThat(s.bins()).isEqualTo(4097);
        assertThat(s.binHz()).isCloseTo(RATE / 8192.0, within(1e-12));
        assertThat(s.peakBin()).isEqualTo(170);
        assertThat(s.frequency(s.peakBin())).isCloseTo(hz, within(1e-9));
        assertThat(s.segments()).isEqualTo(2 * RATE / 4096 - 1);
    }

    @Test
    void sineBetweenBinsPeaksAtTheNearestBin() {
        Spectrum s = measure(8192, 1000, Signals.sine(0.5, 1000.0, RATE, RATE)).average();
        assertThat(s.peakBin()).isEqualTo(s.bin(1000.0));
        assertThat(Math.abs(s.frequency(s.peakBin()) - 1000.0)).isLessThanOrEqualTo(s.binHz() / 2);
    }

    @Test
    void binsSumToTheMeanSquare() {
        double[] noise = Signals.noise(0.1, 4 * RATE, 1);
        Spectrum s = measure(4096, 4096, noise).channels().get(0);
        assertThat(totalPower(s)).isCloseTo(0.01, within(0.0005));
        double[] sine = Signals.sine(1.0, 997, RATE, RATE);
        assertThat(Db.power(totalPower(measure(4096, 4096, sine).average()))).isCloseTo(-3.01, within(0.05));
    }

    @Test
    void monoFoldOfOppositeChannelsCancelsAndAverageMeansThePowers() {
        double[] l = Signals.noise(0.1, RATE, 1);
        double[] r = Signals.scale(l, -1);
        double[] quiet = Signals.scale(l, 0.5);
        WelchSpectrum.Result cancel = measure(2048, 4096, l, r);
        assertThat(totalPower(cancel.mono())).isZero();
        WelchSpectrum.Result mixed = measure(2048, 4096, l, quiet);
        double left = totalPower(mixed.channels().get(0));
        assertThat(totalPower(mixed.average())).isCloseTo(left * (1 + 0.25) / 2, within(left * 1e-9));
        assertThat(totalPower(mixed.mono())).isCloseTo(left * 0.75 * 0.75, within(left * 1e-9));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4096})
    void blockSizeDoesNotChangeTheResult(int block) {
        double[] a = Signals.noise(0.1, 20_000, 1);
        double[] b = Signals.noise(0.1, 20_000, 2);
        WelchSpectrum.Result whole = measure(1024, 20_000, a, b);
        WelchSpectrum.Result split = measure(1024, block, a, b);
        assertThat(split.average().powerDb()).containsExactly(whole.average().powerDb());
        assertThat(split.mono().powerDb()).containsExactly(whole.mono().powerDb());
        assertThat(split.average().segments()).isEqualTo(whole.average().segments()).isEqualTo(38);
    }

    @Test
    void fileShorterThanASegmentGivesOneZeroPaddedSegment() {
        Spectrum s = measure(8192, 512, Signals.sine(0.5, 3000, RATE, 3000)).average();
        assertThat(s.segments()).isEqualTo(1);
        assertThat(s.frequency(s.peakBin())).isCloseTo(3000, within(2 * s.binHz()));
        Spectrum empty = WelchSpectrum.create(1, RATE, 1024).result().average();
        assertThat(empty.segments()).isZero();
        assertThat(empty.powerDb(3)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void combineAddsSegments() {
        double[] x = Signals.noise(0.1, 16_384, 4);
        WelchSpectrum a = WelchSpectrum.create(1, RATE, 1024);
        WelchSpectrum b = WelchSpectrum.create(1, RATE, 1024);
        a.accept(new double[][] {x}, 0, 8192);
        b.accept(new double[][] {x}, 8192, 8192);
        a.combine(b);
        assertThat(a.result().average().segments()).isEqualTo(30);
        assertThat(totalPower(a.result().average())).isCloseTo(0.01, within(0.001));
    }

    @Test
    void defaultSizeKeepsAboutSixHertzBinsAndBadSizesAreRejected() {
        assertThat(WelchSpectrum.defaultSize(48_000)).isEqualTo(8192);
        assertThat(WelchSpectrum.defaultSize(44_100)).isEqualTo(8192);
        assertThat(WelchSpectrum.defaultSize(96_000)).isEqualTo(16_384);
        assertThatThrownBy(() -> WelchSpectrum.create(1, RATE, 1000 + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WelchSpectrum.create(1, RATE, 1 << 20))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WelchSpectrum.create(65_535, RATE))
                .as("a header claiming 65535 channels must not allocate gigabytes")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65535 channels");
    }

    /**
     * Against the definition, computed plainly here: every segment of {@code size} frames at a
     * hop of {@code size / 2}, windowed, transformed, its one-sided power averaged; the mono fold
     * from the mean of the channels' samples. Two channels (the fused path) and three (the general
     * one), fed in blocks that straddle the segments' halves.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void everyChannelAndTheMonoFoldMatchThePlainDefinition(int count) {
        int size = 512;
        double[][] x = new double[count][];
        for (int c = 0; c < count; c++) {
            x[c] = Signals.noise(0.1 * (c + 1), 5 * size / 2 + 77, 10 + c);
        }
        WelchSpectrum.Result r = measure(size, 333, x);
        double[] w = new double[size];
        double windowPower = 0;
        for (int j = 0; j < size; j++) {
            w[j] = 0.5 - 0.5 * Math.cos(2 * Math.PI * j / size);
            windowPower += w[j] * w[j];
        }
        double[][] sums = new double[count + 1][size / 2 + 1];
        int segments = 0;
        org.stemcheck.dsp.internal.Fft fft = org.stemcheck.dsp.internal.Fft.ofSize(size);
        for (int at = 0; at + size <= x[0].length; at += size / 2, segments++) {
            for (int c = 0; c <= count; c++) {
                double[] t = new double[size];
                for (int j = 0; j < size; j++) {
                    double v = 0;
                    if (c < count) {
                        v = x[c][at + j];
                    } else {
                        for (double[] ch : x) {
                            v += ch[at + j] / count;
                        }
                    }
                    t[j] = v * w[j];
                }
                fft.forward(t);
                double[] p = new double[size / 2 + 1];
                fft.power(t, p);
                for (int k = 0; k < p.length; k++) {
                    sums[c][k] += p[k] * (k == 0 || k == size / 2 ? 1 : 2) / (size * windowPower);
                }
            }
        }
        assertThat(segments).isEqualTo(4);
        for (int c = 0; c <= count; c++) {
            Spectrum s = c < count ? r.channels().get(c) : r.mono();
            assertThat(s.segments()).isEqualTo(segments);
            for (int k = 0; k < s.bins(); k++) {
                double expected = sums[c][k] / segments;
                assertThat(Db.toPower(s.powerDb(k))).as("channel %d bin %d", c, k)
                        .isCloseTo(expected, within(1e-9 * expected));
            }
        }
    }
}
