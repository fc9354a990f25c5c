package org.stemcheck.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * What the library logged while a piece of code ran, for a test that provokes a warning to assert
 * on it instead of letting it reach the build's output. Tests log through slf4j-simple at WARN and
 * above to {@code System.err} (src/test/resources/simplelogger.properties), which slf4j-simple looks
 * up on every line, so swapping {@code System.err} catches the lines of every thread.
 */
public final class LogCapture {

    /** What the code returned and what was logged meanwhile. */
    public record Logged<T>(T value, String log) {
    }

    private LogCapture() {
    }

    /** Runs {@code body} with {@code System.err} captured. */
    public static synchronized <T> Logged<T> of(Callable<T> body) throws Exception {
        PrintStream saved = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        T value;
        try (PrintStream p = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            System.setErr(p);
            value = body.call();
        } finally {
            System.setErr(saved);
        }
        return new Logged<>(value, buf.toString(StandardCharsets.UTF_8));
    }
}
