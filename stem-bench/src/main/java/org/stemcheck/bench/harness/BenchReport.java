package org.stemcheck.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the side-by-side results into a Markdown file, under {@link #SECTION}: one subsection per
 * delivery ("### song ...", "### film ...") replacing the one of the same delivery, others kept,
 * and a linearity table when both were measured. Sections other than {@link #SECTION} are kept.
 *
 * <pre>java -cp stem-bench/target/benchmarks.jar org.stemcheck.bench.harness.BenchReport RESULTS_DIR docs/benchmarks.md</pre>
 * where RESULTS_DIR holds one folder per delivery measured.
 */
public final class BenchReport {

    static final String SECTION = "## Side by side: stemcheck vs ffmpeg vs numpy";
    private static final String LINEARITY = "### Linearity";
    /**
     * Above this 1-minute load per core, the numbers are flagged as taken on a busy machine, when
     * the runs did not record what other processes used (the load after a run is mostly the run's).
     */
    private static final double BUSY_LOAD_PER_CORE = 0.5;

    /**
     * Above this share of a core used by other processes during the runs, the numbers are flagged
     * as taken on a busy machine: a tenth of a core is about 5 % of a two-core machine, more than
     * the runs' own spread.
     */
    static final double BUSY_OTHER_CORES = 0.1;

    private BenchReport() {
    }

    public static void main(String[] args) throws IOException {
        Path results = Path.of(args[0]);
        Path markdown = Path.of(args[1]);
        Map<String, RunResults> byDelivery = new LinkedHashMap<>();
        for (String name : List.of("song", "song-faulty", "film")) {
            if (Files.isRegularFile(results.resolve(name).resolve("runs.tsv"))) {
                byDelivery.put(name, RunResults.read(results.resolve(name)));
            }
        }
        Map<String, String> subsections = new LinkedHashMap<>();
        byDelivery.forEach((name, r) -> subsections.put(name, render(r)));
        if (byDelivery.containsKey("song") && byDelivery.containsKey("film")) {
            subsections.put("Linearity", linearity(byDelivery.get("song"), byDelivery.get("film")));
        }
        String old = Files.isRegularFile(markdown) ? Files.readString(markdown) : "# Benchmarks\n";
        Files.writeString(markdown, update(old, subsections));
        subsections.values().forEach(System.out::println);
        System.out.println("results written to " + markdown + " (" + String.join(", ", subsections.keySet()) + ")");
    }

    /**
     * The document with {@link #SECTION} holding these subsections (key: the first word of the
     * "### " heading) in place of those with the same key; the rest of the document unchanged.
     */
    static String update(String doc, Map<String, String> subsections) {
        int start = doc.indexOf(SECTION + "\n");
        String before = start < 0 ? doc.stripTrailing() + "\n\n" : doc.substring(0, start);
        String section = start < 0 ? "" : doc.substring(start + SECTION.length() + 1);
        int next = section.indexOf("\n## ");
        String after = next < 0 ? "" : section.substring(next + 1);
        section = next < 0 ? section : section.substring(0, next + 1);

        Map<String, String> merged = new LinkedHashMap<>();
        String intro = "";
        for (String part : section.split("(?m)^(?=### )")) {
            if (part.startsWith("### ")) {
                merged.put(key(part), part.stripTrailing() + "\n");
            } else {
                intro = part.strip();
            }
        }
        if (intro.isEmpty()) {
            intro = "Written by `scripts/benchmark.sh [song|song-faulty|film|all]`; each delivery's subsection is replaced"
                    + " when it is measured again.";
        }
        subsections.forEach((k, v) -> merged.put(k, v.stripTrailing() + "\n"));
        List<String> parts = new ArrayList<>();
        parts.add(SECTION + "\n\n" + intro + "\n");
        parts.addAll(merged.values());
        return before + String.join("\n", parts) + (after.isEmpty() ? "" : "\n" + after);
    }

    private static String key(String subsection) {
        String heading = subsection.substring(4, subsection.indexOf('\n') < 0 ? subsection.length() : subsection.indexOf('\n'));
        return heading.split("[ :]", 2)[0];
    }

    static String render(RunResults r) {
        double bytes = r.number("bytes");
        double minutes = r.number("seconds") / 60;
        double cores = r.number("cores");
        double[] load = r.loadRange();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "### %s: %s of programme, %s files, %.0f MB (48 kHz / 24-bit stereo WAV)%n%n",
                r.get("name"), clock(r.number("seconds")), r.get("files"), bytes / 1e6));
        sb.append(String.format(Locale.ROOT, "Measured %s with `%s`: %s run(s) a tool, median; the page cache warmed"
                + " before every run by reading every file once (`cat`). Java runs: `%s`%s.%n%n",
                r.get("date"), r.get("command"), r.get("runs"), r.get("jvm_options"),
                r.get("check_launcher").equals("?") ? ""
                        : " (`stemcheck check` through `" + r.get("check_launcher") + "`, with the options it adds)"));
        sb.append(String.format(Locale.ROOT, "Machine: %s, %s cores, %s RAM; %s; %s; %s; %s.%n%n",
                r.get("cpu"), r.get("cores"), r.get("ram"), r.get("java"), r.get("ffmpeg"), r.get("python"), r.get("os")));
        double others = r.othersShare();
        boolean busy;
        if (Double.isNaN(others)) {
            sb.append(String.format(Locale.ROOT, "Load average (1 min) after the runs: %.2f to %.2f on %.0f cores.%n",
                    load[0], load[1], cores));
            busy = load[1] > BUSY_LOAD_PER_CORE * cores;
        } else {
            sb.append(String.format(Locale.ROOT, "Other processes used %.2f of a core on average during the runs (of"
                    + " %.0f cores: the machine's busy time minus the tool's own CPU).%n", others, cores));
            busy = others > BUSY_OTHER_CORES;
        }
        if (busy) {
            sb.append("**These numbers were taken while other work was running on the machine: re-take them on a"
                    + " quiet machine before quoting them.**\n");
        }
        sb.append("\n| what | median s | runs s | MB/s | s per minute of programme | x stemcheck check | x decode-only"
                + " | CPU s (cores busy) | peak heap MiB | peak RSS MiB |\n");
        sb.append("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        RunResults.Tool check = r.tools().get("check");
        RunResults.Tool decode = r.tools().get("decode");
        for (RunResults.Tool t : r.tools().values()) {
            double m = t.median();
            sb.append(String.format(Locale.ROOT, "| %s | %.2f | %s | %.0f | %.3f | %s | %s | %s | %s | %s |%n", t.label(), m,
                    runs(t.seconds()), bytes / 1e6 / m, m / minutes, ratio(m, check), ratio(m, decode),
                    cpu(t.medianCpu(), m), mib(t.peakHeap()), mib(t.peakRss())));
        }
        if (check != null && decode != null && check.median() < decode.median()) {
            sb.append("\n`stemcheck check` took less time than reading every sample once: it does not read all the audio"
                    + " yet, so its ratios say nothing about the checks; compare with decode-only until it does.\n");
        }
        sb.append("\n\"x stemcheck check\", \"x decode-only\": the tool's median time over that of `stemcheck check`,"
                + " of stemcheck decode-only (above 1: stemcheck is faster)."
                + " CPU s: the median user + system time of the tool's process and its children (cores busy: CPU"
                + " over wall time)."
                + " Peak heap: the largest used heap before a collection or at exit, from `-Xlog:gc,gc+heap+exit`."
                + " Peak RSS: GNU time's maximum resident set (for ffmpeg, of the largest single process).\n");
        return sb.toString();
    }

    static String linearity(RunResults song, RunResults film) {
        StringBuilder sb = new StringBuilder(LINEARITY + ": seconds per minute of programme, song vs film\n\n");
        sb.append("| what | song | film | film / song (1 = linear) |\n| --- | ---: | ---: | ---: |\n");
        for (RunResults.Tool s : song.tools().values()) {
            RunResults.Tool f = film.tools().get(s.id());
            if (f != null) {
                double ps = s.median() / (song.number("seconds") / 60);
                double pf = f.median() / (film.number("seconds") / 60);
                sb.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.2f |%n", s.label(), ps, pf, pf / ps));
            }
        }
        return sb.toString();
    }

    private static String ratio(double median, RunResults.Tool base) {
        return base == null ? "-" : String.format(Locale.ROOT, "%.2f", median / base.median());
    }

    private static String cpu(double cpu, double wall) {
        return Double.isNaN(cpu) ? "-" : String.format(Locale.ROOT, "%.2f (%.2f)", cpu, cpu / wall);
    }

    private static String mib(java.util.OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.0f", v.getAsDouble()) : "-";
    }

    private static String runs(List<Double> seconds) {
        return String.join(", ", seconds.stream().map(s -> String.format(Locale.ROOT, "%.2f", s)).toList());
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
