package org.stemcheck.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.stemcheck.core.Report;
import org.stemcheck.core.Severity;
import org.stemcheck.core.StemSet;

/**
 * Checks a catalogue: every sub-folder of a folder is a delivery. Deliveries are checked in
 * parallel (each one single-threaded, so the cores go to whole deliveries), and one line per
 * delivery is printed in name order. A {@link StemSet} and its run share nothing, so this is a
 * plain parallel map; the same works inside a Spark job.
 *
 * <p>Run with the catalogue folder as its argument, or with none to check four deliveries it
 * writes.
 */
public final class CheckACatalogue {

    private CheckACatalogue() {
    }

    public static void main(String[] args) throws IOException {
        Path catalogue = args.length > 0 ? Path.of(args[0]) : sample();
        List<Path> deliveries;
        try (Stream<Path> s = Files.list(catalogue)) {
            deliveries = s.filter(Files::isDirectory).sorted().toList();
        }

        List<String> lines = deliveries.parallelStream()
                .map(dir -> line(dir, StemSet.from(dir).threads(1).run()))
                .toList(); // keeps the encounter (name) order

        lines.forEach(System.out::println);
        long failed = lines.stream().filter(l -> l.startsWith("FAILED")).count();
        System.out.printf(Locale.ROOT, "%d deliveries, %d failed%n", lines.size(), failed);
    }

    private static String line(Path dir, Report r) {
        return String.format(Locale.ROOT, "%-6s  %-24s  %d errors, %d warnings", r.passed() ? "PASSED" : "FAILED",
                dir.getFileName(), r.count(Severity.ERROR), r.count(Severity.WARNING));
    }

    private static Path sample() {
        try {
            Path root = Files.createTempDirectory("stemcheck-catalogue-");
            root.toFile().deleteOnExit();
            String[] titles = {"Harbor", "Lanterns", "Meridian", "Tidewater"};
            for (int i = 0; i < titles.length; i++) {
                Path dir = root.resolve(titles[i].toLowerCase(Locale.ROOT));
                ExampleDelivery.write(dir, titles[i], i % 2 == 1);
                dir.toFile().deleteOnExit();
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
