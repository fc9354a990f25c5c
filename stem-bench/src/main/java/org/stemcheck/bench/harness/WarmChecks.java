package org.stemcheck.bench.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;

import org.stemcheck.core.Checks;
import org.stemcheck.core.Report;
import org.stemcheck.core.StemSet;
import org.stemcheck.dsp.FftThreads;

/**
 * Checks one delivery several times in one JVM, as an application that embeds the library (or a
 * catalogue run) does, and prints each run's wall time and the process CPU it took: the first run
 * pays for the JIT compiler (several seconds of CPU on 2 cores), the later ones show the steady
 * speed of the checks themselves. Every check is on, as {@code stemcheck check} runs them, with
 * the CLI's FFT setting ({@link FftThreads#callerOnly()}).
 *
 * <pre>java -Xmx256m -cp stem-bench/target/benchmarks.jar org.stemcheck.bench.harness.WarmChecks DIR [RUNS]</pre>
 */
public final class WarmChecks {

    private WarmChecks() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: WarmChecks DIR [RUNS]");
            System.exit(2);
        }
        int runs = args.length == 2 ? Integer.parseInt(args[1]) : 3;
        FftThreads.callerOnly();
        StemSet set = StemSet.from(Path.of(args[0])).check(Checks.standard());
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int r = 1; r <= runs; r++) {
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            Report report = set.run();
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            System.out.printf(Locale.ROOT, "run %d: %.2f s wall, %.2f s CPU (%.0f %% of %d cores), %d findings, %d threads alive%n",
                    r, wall, cpu, 100 * cpu / wall / Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().availableProcessors(), report.findings().size(), threads.getThreadCount());
        }
    }
}
