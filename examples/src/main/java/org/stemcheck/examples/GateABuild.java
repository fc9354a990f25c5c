package org.stemcheck.examples;

import java.nio.file.Path;
import java.util.stream.Collectors;

import org.stemcheck.core.Finding;
import org.stemcheck.core.Report;
import org.stemcheck.core.Severity;
import org.stemcheck.core.StemSet;

/**
 * Gates a build or an upload: throws when the delivery has errors, so that the JVM exits with a
 * non-zero status (a Maven exec step, a CI job or a render-farm hook then stops). Warnings are
 * printed and let through.
 *
 * <p>Run with a folder as its argument, or with none to gate a faulty delivery it writes.
 */
public final class GateABuild {

    /** Thrown when a delivery must not go out. */
    public static final class DeliveryRejected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DeliveryRejected(String message) {
            super(message);
        }
    }

    private GateABuild() {
    }

    public static void main(String[] args) {
        Path dir = args.length > 0 ? Path.of(args[0]) : ExampleDelivery.temporary("Song", true);
        Report report = StemSet.from(dir).run();
        report.findings(Severity.WARNING).forEach(w -> System.out.println("warning: " + w.message()));
        requirePassed(report);
        System.out.println("delivery accepted: " + report);
    }

    /** Throws {@link DeliveryRejected} listing the errors, when there are any. */
    static void requirePassed(Report report) {
        if (report.passed()) {
            return;
        }
        String errors = report.findings(Severity.ERROR).stream()
                .map(Finding::toString)
                .collect(Collectors.joining("\n  ", "\n  ", ""));
        throw new DeliveryRejected(report.count(Severity.ERROR) + " error(s) in " + report.delivery() + ":" + errors);
    }
}
