package org.stemcheck.bench.harness;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Properties;

/**
 * What {@code scripts/benchmark.sh} recorded for one delivery: {@code run.properties} (the
 * delivery and the machine) and {@code runs.tsv} (one line a timed run: tool id, label, run number,
 * seconds, peak heap in MiB or {@code -}, 1-minute load average after the run, and optionally
 * the peak resident set in MiB or {@code -}, the tool's CPU seconds (user + system, its children
 * included) or {@code -}, and the CPU seconds the rest of the machine used during the run).
 */
record RunResults(Properties props, Map<String, Tool> tools) {

    /** The runs of one tool. */
    record Tool(String id, String label, List<Double> seconds, List<Double> heapMiB, List<Double> load,
                List<Double> rssMiB, List<Double> cpu, List<Double> others) {

        double median() {
            return median(seconds);
        }

        /** The median CPU seconds of the tool's runs, NaN when not recorded. */
        double medianCpu() {
            return cpu.isEmpty() ? Double.NaN : median(cpu);
        }

        private static double median(List<Double> values) {
            double[] s = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        }

        OptionalDouble peakHeap() {
            return heapMiB.stream().mapToDouble(Double::doubleValue).max();
        }

        OptionalDouble peakRss() {
            return rssMiB.stream().mapToDouble(Double::doubleValue).max();
        }
    }

    static RunResults read(Path dir) throws IOException {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve("run.properties"))) {
            props.load(r);
        }
        Map<String, Tool> tools = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve("runs.tsv"))) {
            String[] f = line.split("\t");
            if (line.isBlank() || line.startsWith("#") || f.length < 6) {
                continue;
            }
            Tool t = tools.computeIfAbsent(f[0],
                    id -> new Tool(id, f[1], new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                            new ArrayList<>(), new ArrayList<>()));
            t.seconds().add(Double.parseDouble(f[3]));
            if (!"-".equals(f[4])) {
                t.heapMiB().add(Double.parseDouble(f[4]));
            }
            t.load().add(Double.parseDouble(f[5]));
            if (f.length > 6 && !"-".equals(f[6])) {
                t.rssMiB().add(Double.parseDouble(f[6]));
            }
            if (f.length > 8 && !"-".equals(f[7])) {
                t.cpu().add(Double.parseDouble(f[7]));
                t.others().add(Double.parseDouble(f[8]));
            }
        }
        return new RunResults(props, tools);
    }

    String get(String key) {
        return props.getProperty(key, "?");
    }

    double number(String key) {
        return Double.parseDouble(props.getProperty(key, "NaN"));
    }

    /**
     * What the rest of the machine used during the timed runs, as a share of a core: its CPU
     * seconds over the runs' wall seconds, all runs of all tools together (a share per run would
     * read a tenth of a second of noise during a half-second run as a fifth of a core); NaN when
     * not recorded.
     */
    double othersShare() {
        double others = 0;
        double seconds = 0;
        for (Tool t : tools.values()) {
            for (int i = 0; i < t.others().size() && i < t.seconds().size(); i++) {
                others += t.others().get(i);
                seconds += t.seconds().get(i);
            }
        }
        return seconds > 0 ? others / seconds : Double.NaN;
    }

    double[] loadRange() {
        double[] all = tools.values().stream().flatMap(t -> t.load().stream()).mapToDouble(Double::doubleValue).toArray();
        return all.length == 0 ? new double[] {Double.NaN, Double.NaN}
                : new double[] {Arrays.stream(all).min().getAsDouble(), Arrays.stream(all).max().getAsDouble()};
    }
}
