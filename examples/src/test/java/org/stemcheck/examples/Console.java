package org.stemcheck.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs an example's main (or a snippet) and returns what it printed on standard output. */
public final class Console {

    /** A main method that may throw. */
    @FunctionalInterface
    public interface Main {
        void run() throws Exception;
    }

    private Console() {
    }

    public static synchronized String capture(Main main) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (PrintStream p = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            System.setOut(p);
            main.run();
        } finally {
            System.setOut(saved);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
