package org.stemcheck.io.heap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@code main} class of the test class path in a fresh JVM with its own heap limit, so a
 * test can prove that reading stays within that heap (the surefire JVM's heap is not the limit).
 */
final class ChildJvm {

    /** What the child printed and how it ended. */
    record Result(int exitCode, String output, long millis) {
    }

    private ChildJvm() {
    }

    static Result run(Class<?> main, String maxHeap, long timeoutSeconds, String... args)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + maxHeap, "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        // The child prints a few lines; reading them after exit cannot block on a full pipe.
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(main.getSimpleName() + " did not finish within " + timeoutSeconds + " s");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.exitValue(), out, (System.nanoTime() - start) / 1_000_000);
    }
}
