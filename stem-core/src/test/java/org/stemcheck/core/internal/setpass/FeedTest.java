package org.stemcheck.core.internal.setpass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.internal.delivery.Source;
import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.Metadata;
import org.stemcheck.io.WavWriter;

/** A file as the set pass reads it: moved, silent after its end, mono copied, resampled. */
class FeedTest {

    private static Source write(Path dir, int rate, double[]... channels) throws IOException {
        Path p = dir.resolve("f" + rate + "_" + channels.length + ".wav");
        WavWriter.float32().write(p, rate, channels);
        AudioFile f = AudioFiles.open(p);
        return new Source(p.getFileName().toString(), true, Optional.of("wav"), Optional.of(f.format()), f.frames(),
                Metadata.EMPTY, Optional.empty(), Optional.empty(), () -> AudioFiles.open(p).openStream());
    }

    private static double[] ramp(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i + 1) / 100_000.0;
        }
        return x;
    }

    private static double[][] read(Feed feed, int channels, int frames) {
        double[][] out = new double[channels][frames];
        double[][] block = new double[channels][Feed.BLOCK];
        for (int at = 0; at < frames; ) {
            int n = Math.min(Feed.BLOCK, frames - at);
            feed.fill(block, n);
            for (int c = 0; c < channels; c++) {
                System.arraycopy(block[c], 0, out[c], at, n);
            }
            at += n;
        }
        return out;
    }

    @Test
    void lateFileIsMovedEarlierAndSilentPastItsEnd(@TempDir Path dir) throws IOException {
        Source in = write(dir, 48_000, ramp(20_000), ramp(20_000));
        try (Feed f = Feed.open(in, 48_000, 300)) {
            double[][] x = read(f, 2, 25_000);
            assertThat(x[1][0]).isEqualTo(301 / 100_000.0, within(1e-7));
            assertThat(x[0][19_699]).isEqualTo(20_000 / 100_000.0, within(1e-7));
            assertThat(x[0][19_700]).isZero();
            assertThat(x[1][24_999]).isZero();
        }
    }

    @Test
    void earlyFileStartsWithSilence(@TempDir Path dir) throws IOException {
        Source in = write(dir, 48_000, ramp(20_000));
        try (Feed f = Feed.open(in, 48_000, -9000)) {
            double[][] x = read(f, 1, 20_000);
            assertThat(x[0][8_999]).isZero();
            assertThat(x[0][9_000]).isEqualTo(1 / 100_000.0, within(1e-7));
        }
    }

    @Test
    void monoFileIsCopiedIntoEveryChannel(@TempDir Path dir) throws IOException {
        Source in = write(dir, 48_000, ramp(10_000));
        assertThat(Feed.fits(in.format().orElseThrow(), 2)).isTrue();
        try (Feed f = Feed.open(in, 48_000, 0)) {
            double[][] x = read(f, 2, 10_000);
            assertThat(x[1]).containsExactly(x[0]);
            assertThat(x[1][9_999]).isEqualTo(0.1, within(1e-7));
        }
    }

    @Test
    void fileAtAnotherRateIsResampledToTheSameTone(@TempDir Path dir) throws IOException {
        int n = 44_100;
        double[] tone = new double[n];
        for (int i = 0; i < n; i++) {
            tone[i] = 0.5 * Math.sin(2 * Math.PI * 1000.0 * i / 44_100);
        }
        Source in = write(dir, 44_100, tone);
        try (Feed f = Feed.open(in, 48_000, 0)) {
            double[][] x = read(f, 1, 48_000);
            for (int i = 1000; i < 47_000; i += 997) {
                assertThat(x[0][i]).as("frame %d", i).isEqualTo(0.5 * Math.sin(2 * Math.PI * 1000.0 * i / 48_000), within(1e-4));
            }
        }
    }

    /** Records what a sink hears: the raw samples of channel 0, then the end or the failure. */
    private static final class Recording implements FileSink {
        final java.util.List<Double> samples = new java.util.ArrayList<>();
        final java.util.List<String> events = new java.util.ArrayList<>();

        @Override
        public void accept(double[][] block, int n) {
            for (int i = 0; i < n; i++) {
                samples.add(block[0][i]);
            }
        }

        @Override
        public void end() {
            events.add("end");
        }

        @Override
        public void fail(String why) {
            events.add("fail: " + why);
        }
    }

    @Test
    void theSinkHearsTheFileAsReadBeforeResamplingAndShiftToItsEnd(@TempDir Path dir) throws IOException {
        double[] ramp = ramp(30_000);
        Source in = write(dir, 44_100, ramp);
        Recording sink = new Recording();
        try (Feed f = Feed.open(in, 48_000, 500, sink)) {
            read(f, 1, 10_000); // the pass needs only the start
            assertThat(sink.events).isEmpty();
            f.drainToSink();
            f.drainToSink(); // once at the end, whatever is asked
        }
        assertThat(sink.events).containsExactly("end");
        assertThat(sink.samples).hasSize(ramp.length);
        for (int i = 0; i < ramp.length; i += 1001) {
            assertThat(sink.samples.get(i)).as("frame %d", i).isEqualTo(ramp[i], within(1e-7));
        }
    }

    @Test
    void aReadFailureIsHandedToTheSinkOnceAndTheFileIsSilentAfter(@TempDir Path dir) throws IOException {
        Source good = write(dir, 48_000, ramp(30_000));
        Source cut = new Source(good.name(), true, good.container(), good.format(), good.frames(), Metadata.EMPTY,
                Optional.empty(), Optional.empty(), () -> new org.stemcheck.io.SampleStream() {
                    private final org.stemcheck.io.SampleStream s = good.opener().open();
                    private int reads;

                    @Override
                    public org.stemcheck.io.AudioFormat format() {
                        return s.format();
                    }

                    @Override
                    public int read(double[][] dst, int offset, int maxFrames) throws IOException {
                        if (++reads == 2) {
                            throw new IOException("bad sector");
                        }
                        return s.read(dst, offset, maxFrames);
                    }

                    @Override
                    public long position() {
                        return s.position();
                    }

                    @Override
                    public void close() throws IOException {
                        s.close();
                    }
                });
        Recording sink = new Recording();
        try (Feed f = Feed.open(cut, 48_000, 0, sink)) {
            double[][] x = read(f, 1, 30_000);
            f.drainToSink();
            assertThat(x[0][Feed.BLOCK - 1]).isEqualTo(Feed.BLOCK / 100_000.0, within(1e-7));
            assertThat(x[0][Feed.BLOCK]).isZero();
        }
        assertThat(sink.events).containsExactly("fail: bad sector");
        assertThat(sink.samples).hasSize(Feed.BLOCK);
    }
}
