package org.stemcheck.examples;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.stemcheck.core.Check;
import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.nulltest.NullTestResult;
import org.stemcheck.core.nulltest.StemComparison;

/**
 * A plug-in check that reads the null test: ACME's mastering room wants every stem within
 * {@link #TOLERANCE_DB} of its level in the mix, tighter than stemcheck's own {@code mix.gain}
 * (0.5 dB). It asks for {@link Measurement#NULL_TEST} and reads each stem's least-squares gain
 * from {@link CheckContext#nullTest()}; registered in this module's
 * {@code META-INF/services/org.stemcheck.core.Check} like {@link MonoBassCheck}.
 */
public final class TightGainCheck implements Check {

    /** The code of its findings. */
    public static final String CODE = "acme.tight-gain";

    /** ACME's tolerance: a quarter of stemcheck's 0.5 dB warning, about the smallest fader step of a console's fine mode. */
    public static final double TOLERANCE_DB = 0.25;

    /** A gain must stand this many standard errors clear of the tolerance to count (3 sigma, as stemcheck's own). */
    private static final double SIGMAS = 3.0;

    /** ServiceLoader needs a public no-argument constructor. */
    public TightGainCheck() {
    }

    @Override
    public String id() {
        return CODE;
    }

    @Override
    public String description() {
        return "ACME wants every stem within 0.25 dB of its level in the mix";
    }

    @Override
    public Set<Measurement<?>> needs() {
        return Set.of(Measurement.NULL_TEST);
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        return ctx.nullTest().stream()
                .flatMap(n -> n.stems().stream().filter(s -> off(n, s)).map(s -> finding(n, s)))
                .toList();
    }

    /** Identifiable, and further from the stems' common gain than the tolerance by more than its uncertainty. */
    private static boolean off(NullTestResult n, StemComparison s) {
        double err = s.gain().levelErrorDb() - n.mixBus().commonGainDb();
        return s.gain().identifiable() && Math.abs(err) > TOLERANCE_DB
                && Math.abs(err) - TOLERANCE_DB > SIGMAS * s.gain().standardErrorDb();
    }

    private static Finding finding(NullTestResult n, StemComparison s) {
        double err = s.gain().levelErrorDb() - n.mixBus().commonGainDb();
        String label = s.file().displayLabel();
        return Finding.warning(CODE, String.format(Locale.ROOT, "%s is %.2f dB %s than in %s; ACME takes %.2f dB",
                        label, Math.abs(err), err > 0 ? "louder" : "quieter", n.mix().name(), TOLERANCE_DB))
                .withFiles(s.file().name())
                .withMeasurement("gain_db", err)
                .withFix(String.format(Locale.ROOT, "re-export %s %+.2f dB", label, -err));
    }
}
