package org.stemcheck.cli;

import java.io.PrintStream;
import java.nio.file.Path;

/** One status line on a terminal's stderr, rewritten in place; silent when stderr is not a terminal. */
final class Progress {

    private final PrintStream err;
    private final boolean enabled;
    private int width;

    Progress(PrintStream err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    void show(int index, int total, Path dir) {
        if (!enabled) {
            return;
        }
        String line = "checking " + (index + 1) + "/" + total + ": " + dir;
        err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        err.flush();
        width = line.length();
    }

    void done() {
        if (enabled && width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
        }
    }
}
