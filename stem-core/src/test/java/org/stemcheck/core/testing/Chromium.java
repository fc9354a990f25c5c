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
import org.stemcheck.io.testing.TestData;

/**
 * Headless Chromium (Debian's {@code chromium} package) for tests that look at a page as a person
 * would. Where {@code /usr/bin/chromium} is absent and we run as root with {@code apt-get}, it is
 * installed once ({@code apt-get install -y chromium}, after an {@code apt-get update} if the
 * first try fails), each step under a timeout so that a machine without network cannot hang the
 * build. Where it cannot be had, the calling test is skipped, except under CI ({@code CI=true}),
 * where it fails.
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
    static final long UPDATE_TIMEOUT_S = 240;
    static final long INSTALL_TIMEOUT_S = 600;

    private static Boolean available;

    /** What one Chromium run printed. */
    public record Run(int status, String stdout, List<String> console) {
    }

    private Chromium() {
    }

    /** Chromium's path; installs it when missing and possible, otherwise skips (fails under CI). */
    public static synchronized Path require(Path scratch) {
        if (available == null) {
            available = Files.isExecutable(BINARY) || install(scratch);
        }
        if (!available) {
            String msg = "headless Chromium not available (" + BINARY + "; install with: apt-get install -y chromium)";
            if (TestData.underCi()) {
                fail(msg);
            }
            Assumptions.abort(msg);
        }
        return BINARY;
    }

    private static boolean install(Path scratch) {
        if (!"root".equals(System.getProperty("user.name")) || !Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            return false;
        }
        Path log = scratch.resolve("apt.log");
        if (exec(log, INSTALL_TIMEOUT_S, "apt-get", "install", "-y", "-q", "chromium") != 0) {
            exec(log, UPDATE_TIMEOUT_S, "apt-get", "update", "-q");
            exec(log, INSTALL_TIMEOUT_S, "apt-get", "install", "-y", "-q", "chromium");
        }
        return Files.isExecutable(BINARY);
    }

    private static int exec(Path log, long timeoutSeconds, String... cmd) {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
        try {
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
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
