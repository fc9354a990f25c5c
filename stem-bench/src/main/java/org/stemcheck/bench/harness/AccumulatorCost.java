package org.stemcheck.bench.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.stemcheck.bench.PerFileAccumulators;
import org.stemcheck.dsp.Accumulator;
import org.stemcheck.dsp.FftThreads;
import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.SampleStream;

/**
 * The CPU time each per-file accumulator spends on a real delivery: every WAV file of a folder is
 * read once, on one thread, in blocks of 8192 frames (stem-core's {@code FileAnalysis} block), and
 * each block is handed to every accumulator of {@link PerFileAccumulators} in turn, timed with the
 * thread's CPU clock (so other processes on the machine barely move the numbers).
 *
 * <pre>java -cp stem-bench/target/benchmarks.jar org.stemcheck.bench.harness.AccumulatorCost DIR [PASSES]</pre>
 *
 * With PASSES above 1 the folder is measured that many times and the last pass is printed (the
 * first pass includes JIT compilation).
 *
 * <p>JTransforms does every transform on the calling thread ({@link FftThreads#callerOnly()}, as the
 * CLI sets it): otherwise the Welch segments' 8192-point transforms run on stemcheck's own FFT,
 * which never uses JTransforms' pool but is slower on one thread, and the welch line would not be
 * the CLI's.
 */
public final class AccumulatorCost {

    /** Frames per block, as stem-core's FileAnalysis reads. */
    static final int BLOCK = 8192;

    private AccumulatorCost() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: AccumulatorCost DIR [PASSES]");
            System.exit(2);
        }
        FftThreads.callerOnly();
        int passes = args.length == 2 ? Integer.parseInt(args[1]) : 1;
        List<Path> files = DecodeOnly.audioFiles(Path.of(args[0]));
        Map<String, Long> nanos = null;
        for (int p = 0; p < passes; p++) {
            nanos = pass(files);
        }
        long total = nanos.values().stream().mapToLong(Long::longValue).sum();
        for (Map.Entry<String, Long> e : nanos.entrySet()) {
            System.out.printf(Locale.ROOT, "%-12s %8.3f s CPU  %5.1f %%%n", e.getKey(), e.getValue() / 1e9,
                    100.0 * e.getValue() / total);
        }
        System.out.printf(Locale.ROOT, "%-12s %8.3f s CPU (%d files)%n", "total", total / 1e9, files.size());
    }

    private static Map<String, Long> pass(List<Path> files) throws Exception {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Map<String, Long> nanos = new LinkedHashMap<>();
        nanos.put("decode", 0L);
        for (String name : PerFileAccumulators.names()) {
            nanos.put(name, 0L);
        }
        for (Path path : files) {
            AudioFile f = AudioFiles.open(path);
            List<String> names = new ArrayList<>();
            List<Accumulator<?>> accs = new ArrayList<>();
            for (String name : PerFileAccumulators.names()) {
                names.add(name);
                accs.add(PerFileAccumulators.create(name, f.format()));
            }
            double[][] block = new double[f.format().channels()][BLOCK];
            try (SampleStream s = f.openStream()) {
                while (true) {
                    long t0 = bean.getCurrentThreadCpuTime();
                    int n = s.read(block, 0, BLOCK);
                    nanos.merge("decode", bean.getCurrentThreadCpuTime() - t0, Long::sum);
                    if (n <= 0) {
                        break;
                    }
                    for (int i = 0; i < accs.size(); i++) {
                        long a = bean.getCurrentThreadCpuTime();
                        accs.get(i).accept(block, 0, n);
                        nanos.merge(names.get(i), bean.getCurrentThreadCpuTime() - a, Long::sum);
                    }
                }
            }
            for (int i = 0; i < accs.size(); i++) {
                long a = bean.getCurrentThreadCpuTime();
                accs.get(i).result();
                nanos.merge(names.get(i), bean.getCurrentThreadCpuTime() - a, Long::sum);
            }
        }
        return nanos;
    }
}
