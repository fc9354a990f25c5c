package org.stemcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The CLI run in a JVM of its own with a heap of its own: its exit status and output. */
record Forked(int status, String stdout, String stderr) {

    /**
     * {@code java HEAP -cp <this test's class path> org.stemcheck.cli.Main ARGS}, its output in files
     * under {@code tmp}; an assertion error when it has not ended within {@code minutes}.
     */
    static Forked run(Path tmp, int minutes, String heap, String... args) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), heap, "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Path out = tmp.resolve("stdout");
        Path err = tmp.resolve("stderr");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the forked check did not end in " + minutes + " minutes");
        }
        return new Forked(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
