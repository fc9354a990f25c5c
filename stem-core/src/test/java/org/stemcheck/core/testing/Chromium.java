package org.stemcheck.core.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium (Debian's {@code chromium} package) for tests that look at a page as a person
 * would. Where {@code /usr/bin/chromium} is absent the calling test is skipped with a message
 * saying how to install it, always, CI included: the CI image has no browser, and a test must not
 * install packages. Install it with {@code apt-get install -y chromium} to run these tests.
 *
 * <p>Console errors: the page runs with {@code --enable-logging=stderr --v=0}, which makes
 * Chromium print every console message (script errors, blocked loads, Content-Security-Policy
 * violations) to standard error as a line containing {@code :CONSOLE}. Our reports have no
 * script and forbid every fetch by their CSP, so any such line is a defect: {@link Run#console()}
 * returns them and the test asserts there are none.
 */
public final class Chromium {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    /** One page load: a few seconds on 2 cores; a minute means something hangs. */
    static final long RUN_TIMEOUT_S = 60;

    /** What one Chromium run printed. */
    public record Run(int status, String stdout, List<String> console) {
    }

    private Chromium() {
    }

    /** Chromium's path; skips the calling test with a message when it is not installed. */
    public static Path require(Path scratch) {
        Assumptions.assumeTrue(Files.isExecutable(BINARY),
                () -> "headless Chromium not installed (" + BINARY + "): skipped; install with: apt-get install -y chromium");
        return BINARY;
    }

    /**
     * Loads {@code page} headless, with every network-reaching feature off, and runs one action:
     * {@code --dump-dom} or {@code --screenshot=FILE}.
     */
    public static Run load(Path chromium, Path page, Path scratch, String... action) throws IOException {
        Path profile = Files.createTempDirectory(scratch, "profile");
        Path out = scratch.resolve("chromium-" + System.nanoTime() + ".out");
        Path err = scratch.resolve("chromium-" + System.nanoTime() + ".err");
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
                "--hide-scrollbars"));
        cmd.addAll(List.of(action));
        cmd.add(page.toUri().toString());
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        try {
            if (!p.waitFor(RUN_TIMEOUT_S, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                fail("chromium did not finish within " + RUN_TIMEOUT_S + " s: " + String.join(" ", cmd));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        List<String> console = Files.readAllLines(err, StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains(":CONSOLE")).toList();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), console);
    }
}
