package org.stemcheck.examples;

import java.io.IOException;
import java.nio.file.Path;

import org.stemcheck.core.Finding;
import org.stemcheck.core.Report;
import org.stemcheck.core.ReportFormat;
import org.stemcheck.core.StemSet;

/**
 * Checks a delivery folder, prints every finding, and writes the HTML report beside it.
 *
 * <p>Run with a folder as its argument, or with none to check a small faulty delivery it writes
 * into a temporary folder.
 */
public final class CheckAFolder {

    private CheckAFolder() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 ? Path.of(args[0]) : ExampleDelivery.temporary("Song", true);

        Report report = StemSet.from(dir).run();

        for (Finding f : report.findings()) {
            System.out.println(f.severity() + "  " + f.code() + "  " + f.message());
            if (!f.fix().isEmpty()) {
                System.out.println("         fix: " + f.fix());
            }
        }
        System.out.println(report.passed() ? "PASSED" : "FAILED");

        Path html = dir.resolve("stemcheck-report.html");
        ReportFormat.html().write(report, html);
        System.out.println("report: " + html.toAbsolutePath());
    }
}
