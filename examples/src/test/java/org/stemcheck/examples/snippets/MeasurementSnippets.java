package org.stemcheck.examples.snippets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.stemcheck.dsp.Accumulators;
import org.stemcheck.dsp.FftThreads;
import org.stemcheck.dsp.LoudnessMeter;
import org.stemcheck.dsp.LoudnessResult;
import org.stemcheck.dsp.QueuedAccumulator;
import org.stemcheck.dsp.TruePeakMeter;
import org.stemcheck.dsp.nullsum.NullResult;
import org.stemcheck.dsp.nullsum.NullSum;
import org.stemcheck.dsp.nullsum.NullSumSetup;
import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.SampleStream;

/**
 * The code of every snippet in the javadoc of stem-io's and stem-dsp's exported packages,
 * verbatim, as {@link ApiSnippets} holds stem-core's. {@link SnippetsTest} checks that each
 * documented snippet appears here and runs every one of them, on files it writes or signals it
 * makes. Edit a snippet here first, then copy it into the documentation.
 */
final class MeasurementSnippets {

    private MeasurementSnippets() {
    }

    // FftThreads: optional; JTransforms for every size on the caller's thread (faster), for an application that owns its JVM
    static void fftThreads() {
        FftThreads.callerOnly();   // optional, once, before the first check
    }

    // AudioFiles: the sample peak of a file, read block by block
    static double peak(Path path) throws IOException {
        AudioFile f = AudioFiles.open(path);
        double peak = 0;
        try (SampleStream s = f.openStream()) {
            double[][] block = new double[f.format().channels()][4096];
            for (int n; (n = s.read(block, 0, 4096)) > 0; ) {
                for (double[] channel : block) {
                    for (int i = 0; i < n; i++) {
                        peak = Math.max(peak, Math.abs(channel[i]));
                    }
                }
            }
        }
        return peak;
    }

    // LoudnessMeter: loudness and true peak in one pass over a file
    static double loudness(Path path) throws IOException {
        AudioFile f = AudioFiles.open(path);
        LoudnessMeter loudness = LoudnessMeter.forFormat(f.format());
        TruePeakMeter peaks = TruePeakMeter.forFormat(f.format());
        try (SampleStream s = f.openStream()) {
            double[][] block = new double[f.format().channels()][4096];
            for (int n; (n = s.read(block, 0, 4096)) > 0; ) {
                loudness.accept(block, 0, n);
                peaks.accept(block, 0, n);
            }
        }
        double lufs = loudness.result().integratedLufs();
        return lufs;
    }

    // TruePeakMeter: the inter-sample peak of a signal in memory
    static double truePeak(double[] left, double[] right) {
        TruePeakMeter meter = TruePeakMeter.of(48_000, 2);
        Accumulators.feed(new double[][] {left, right}, 4096, meter);
        double dbtp = meter.result().maxTruePeakDbtp();   // EBU R 128 allows at most -1 dBTP
        return dbtp;
    }

    // NullSum: do stereo stems at 48 kHz sum to the mix?
    static boolean nulls(double[][][] stems, double[][] mix) {
        NullSum sum = NullSum.create(NullSumSetup.of(48_000, stems.length, 2));
        sum.accept(stems, mix, 0, mix[0].length);   // stems[stem][channel][frame]; blocks of any size
        NullResult r = sum.result();
        boolean nulls = r.residual().totalDb() < -50;  // stemcheck warns above -50 dB re the mix
        return nulls;
    }

    // NullSum of several mixes: which of two mixes do the stems belong to? (depths in dB: full, instrumental)
    static double[] twoMixes(double[][][] stems, double[][] full, double[][] instrumental) {
        NullSum sums = NullSum.create(NullSumSetup.of(48_000, stems.length, 2), 2);
        sums.accept(stems, new double[][][] {full, instrumental}, 0, full[0].length);
        double fullDb = sums.result(0).residual().totalDb();
        double instrumentalDb = sums.result(1).residual().totalDb();
        return new double[] {fullDb, instrumentalDb};
    }

    // QueuedAccumulator: a meter fed on a pool while the file is read
    static double queued(Path path) throws IOException {
        AudioFile f = AudioFiles.open(path);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        QueuedAccumulator<LoudnessResult> loudness =
                QueuedAccumulator.on(pool, LoudnessMeter.forFormat(f.format()), f.format().channels(), 8192);
        try (SampleStream s = f.openStream()) {
            double[][] block = new double[f.format().channels()][8192];
            for (int n; (n = s.read(block, 0, 8192)) > 0; ) {
                loudness.accept(block, 0, n);   // copied and queued; the meter runs on the pool
            }
        }
        double lufs = loudness.result().integratedLufs();   // waits until every queued block was fed
        pool.shutdown();
        return lufs;
    }
}
