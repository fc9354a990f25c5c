package org.stemcheck.spark;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.stemcheck.core.ReportFormat;
import org.stemcheck.core.StemSet;

/**
 * Checks a catalogue of delivery folders with Apache Spark and prints one JSON report per line,
 * in the order the folders were given.
 *
 * <pre>
 * java &#64;spark-example/spark-java17.args -cp ... org.stemcheck.spark.CatalogueJob DIR...
 * </pre>
 *
 * <p>Spark is the parallelism: each task checks one folder with one thread
 * ({@link StemSet#threads(int)} = 1), so {@code local[N]} runs N folders at once on N cores. The
 * master defaults to {@code local[2]}; {@code -Dspark.master=...} overrides it. The folders must be
 * readable from every executor (a shared file system); only the JSON lines travel back.
 */
public final class CatalogueJob {

    private CatalogueJob() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: CatalogueJob DIR...");
            System.exit(2);
        }
        SparkConf conf = new SparkConf()
                .setAppName("stemcheck-catalogue")
                .setIfMissing("spark.master", "local[2]")
                .setIfMissing("spark.ui.enabled", "false");
        long start = System.nanoTime();
        List<String> lines;
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            lines = check(sc, List.of(args));
        }
        lines.forEach(System.out::println);
        System.err.printf(java.util.Locale.ROOT, "stemcheck-spark: %d folders in %.1f s%n",
                lines.size(), (System.nanoTime() - start) / 1e9);
    }

    /** One JSON line per folder, in input order ({@code collect()} keeps the partition order). */
    public static List<String> check(JavaSparkContext sc, List<String> folders) {
        int slices = Math.max(1, Math.min(folders.size(), 4 * sc.defaultParallelism()));
        return sc.parallelize(folders, slices).map(CatalogueJob::reportLine).collect();
    }

    /** The folder's JSON report, or a one-line JSON error for a folder that cannot be checked. */
    static String reportLine(String folder) {
        try {
            return ReportFormat.json().toString(StemSet.from(Path.of(folder)).threads(1).run());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            return "{\"delivery\":" + quote(folder) + ",\"error\":" + quote(String.valueOf(e.getMessage())) + "}";
        }
    }

    /** A JSON string literal (RFC 8259 section 7: quote, backslash and control characters escaped). */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
