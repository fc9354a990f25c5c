package org.stemcheck.examples;

import java.util.List;

import org.stemcheck.core.Check;
import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.file.Role;
import org.stemcheck.core.file.StemFile;

/**
 * A third-party check with its own code prefix: the (made-up) ACME studio wants its bass stems
 * in mono. It needs only the headers, so it declares no measurement. It is registered in
 * {@code META-INF/services/org.stemcheck.core.Check} and found by {@code Checks.discovered()}.
 */
public final class MonoBassCheck implements Check {

    /** The code of its findings. */
    public static final String CODE = "acme.mono-bass";

    /** ServiceLoader needs a public no-argument constructor. */
    public MonoBassCheck() {
    }

    @Override
    public String id() {
        return CODE;
    }

    @Override
    public String description() {
        return "ACME wants the bass stem in mono";
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        return ctx.files(Role.STEM).stream()
                .filter(f -> f.label().map(l -> l.equalsIgnoreCase("Bass")).orElse(false))
                .filter(f -> f.format().map(fmt -> fmt.channels() > 1).orElse(false))
                .map(MonoBassCheck::finding)
                .toList();
    }

    private static Finding finding(StemFile f) {
        int channels = f.format().orElseThrow().channels();
        return Finding.warning(CODE, f.displayLabel() + " has " + channels + " channels; ACME takes the bass in mono")
                .withFiles(f.name())
                .withMeasurement("channels", channels)
                .withFix("export the bass stem as a mono file");
    }
}
