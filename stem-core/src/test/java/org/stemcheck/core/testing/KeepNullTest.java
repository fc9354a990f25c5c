package org.stemcheck.core.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.stemcheck.core.Check;
import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Checks;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.Report;
import org.stemcheck.core.StemSet;
import org.stemcheck.core.nulltest.NullTestResult;

/** Runs the standard checks on a folder and keeps the null test's result for a test to read. */
public final class KeepNullTest {

    private KeepNullTest() {
    }

    /**
     * The report of the standard checks on {@code dir}; {@code result} holds the null test's
     * result afterwards (untouched when there was none).
     */
    public static Report check(Path dir, AtomicReference<NullTestResult> result) {
        Check keep = new Check() {
            @Override
            public String id() {
                return "test.keep-null-test";
            }

            @Override
            public String description() {
                return "keeps the null test's result";
            }

            @Override
            public Set<Measurement<?>> needs() {
                return Set.of(Measurement.NULL_TEST);
            }

            @Override
            public List<Finding> run(CheckContext ctx) {
                ctx.nullTest().ifPresent(result::set);
                return List.of();
            }
        };
        List<Check> checks = new ArrayList<>(Checks.standard());
        checks.add(keep);
        return StemSet.from(dir).check(checks).run();
    }
}
