package org.stemcheck.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Peak heap use of a JVM run, from its unified GC log ({@code -Xlog:gc,gc+heap+exit:file=LOG}).
 * Used heap only grows between collections, so its peak is the largest "before" figure of a
 * collection ({@code 23M->5M(256M)}) or the heap in use at exit, whichever is larger.
 *
 * <pre>java -cp stem-bench/target/benchmarks.jar org.stemcheck.bench.harness.GcLog LOG</pre>
 * prints the peak in MiB, or {@code -} when the log has no heap figure.
 */
public final class GcLog {

    private static final Pattern PAUSE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
    /** G1's exit summary: "garbage-first heap   total 262144K, used 20480K [...]". */
    private static final Pattern EXIT_USED = Pattern.compile("heap\\s+total \\d+[KMG], used (\\d+)([KMG])");

    private GcLog() {
    }

    public static void main(String[] args) throws IOException {
        OptionalDouble peak = peakUsedMiB(Files.readAllLines(Path.of(args[0])));
        System.out.println(peak.isPresent() ? String.format(Locale.ROOT, "%.0f", peak.getAsDouble()) : "-");
    }

    /** The peak used heap in MiB, empty when no line carries a heap figure. */
    static OptionalDouble peakUsedMiB(List<String> lines) {
        double peak = -1;
        for (String line : lines) {
            Matcher m = PAUSE.matcher(line);
            if (line.contains("Pause") && m.find()) {
                peak = Math.max(peak, mib(m.group(1), m.group(2)));
                continue;
            }
            Matcher e = EXIT_USED.matcher(line);
            if (line.contains("gc,heap,exit") && e.find()) {
                peak = Math.max(peak, mib(e.group(1), e.group(2)));
            }
        }
        return peak < 0 ? OptionalDouble.empty() : OptionalDouble.of(peak);
    }

    private static double mib(String value, String unit) {
        double v = Double.parseDouble(value);
        switch (unit) {
            case "K":
                return v / 1024;
            case "G":
                return v * 1024;
            default:
                return v;
        }
    }
}
