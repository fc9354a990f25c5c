package org.stemcheck.io.testing;

import java.util.Locale;

/**
 * What a test prints for a person reading along (measured values, timings, findings), kept out
 * of the build's log: a green build prints Maven's lines and nothing else. Run with
 * {@code -Dstemcheck.verbose=true} to see it, e.g.
 * {@code ./mvnw -pl stem-dsp -am test -Dtest=LoudnessConformanceFilesTest -Dsurefire.failIfNoSpecifiedTests=false -Dstemcheck.verbose=true}.
 */
public final class Verbose {

    /** True when {@code -Dstemcheck.verbose=true}. */
    public static final boolean ON = Boolean.getBoolean("stemcheck.verbose");

    private Verbose() {
    }

    /** Prints one line on standard output when verbose. */
    public static void println(Object line) {
        if (ON) {
            System.out.println(line);
        }
    }

    /** Prints with {@link Locale#ROOT} formatting on standard output when verbose. */
    public static void printf(String format, Object... args) {
        if (ON) {
            System.out.printf(Locale.ROOT, format, args);
        }
    }
}
