package org.stemcheck.examples;

import java.nio.file.Path;
import java.util.List;

import org.stemcheck.core.Check;
import org.stemcheck.core.Checks;
import org.stemcheck.core.Report;
import org.stemcheck.core.StemSet;

/**
 * Runs the built-in checks together with the plug-ins found on the class path: here
 * {@link MonoBassCheck}, registered in this module's {@code META-INF/services}. Plug-ins are
 * opt-in: {@code StemSet.run()} alone runs only the built-in checks.
 */
public final class CustomCheck {

    private CustomCheck() {
    }

    public static void main(String[] args) {
        Path dir = args.length > 0 ? Path.of(args[0]) : ExampleDelivery.temporary("Song", false);

        List<Check> plugins = Checks.discovered();
        plugins.forEach(c -> System.out.println("plug-in: " + c.id() + " (" + c.description() + ")"));

        Report report = StemSet.from(dir).check(Checks.standardAndDiscovered()).run();

        report.findings().stream()
                .filter(f -> f.code().startsWith("acme."))
                .forEach(f -> System.out.println(f.severity() + "  " + f.code() + "  " + f.message()));
        System.out.println(report);
    }
}
