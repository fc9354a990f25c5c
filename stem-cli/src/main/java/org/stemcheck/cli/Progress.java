package org.stemcheck.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Live progress on a terminal's stderr: one status line, rewritten in place, that says how far
 * each folder being checked has come (files and seconds of audio read); silent when stderr is
 * not a terminal, and never on stdout. The line is cleared before a report is written, so the two
 * never run into each other. Thread-safe: the runs' analysis threads call the listeners.
 */
final class Progress {

    /** The longest line written: a terminal of 80 columns shows it whole. */
    static final int WIDTH = 79;

    private final PrintStream err;
    private final boolean enabled;
    private final int folders;
    private final Map<Integer, String> running = new LinkedHashMap<>();
    private int finished;
    private int width;

    Progress(PrintStream err, boolean enabled, int folders) {
        this.err = err;
        this.enabled = enabled;
        this.folders = folders;
    }

    /** The listener for folder {@code index}: its progress goes into the status line. */
    Consumer<org.stemcheck.core.Progress> listener(int index, Path dir) {
        if (!enabled) {
            return null;
        }
        return p -> update(index, describe(dir, p));
    }

    private static String describe(Path dir, org.stemcheck.core.Progress p) {
        String name = String.valueOf(dir.getFileName() == null ? dir : dir.getFileName());
        switch (p.stage()) {
            case CHECKING:
                return name + ": checking";
            case COMPARING:
                return name + ": comparing the stems with the mix";
            default:
                return String.format(Locale.ROOT, "%s: %d/%d files, %s of %s of audio (%.0f%%)", name, p.filesDone(),
                        p.files(), clock(p.secondsDone()), clock(p.seconds()), 100 * p.fraction());
        }
    }

    /** {@code 1:05} or {@code 1:02:03}. */
    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private synchronized void update(int index, String what) {
        running.put(index, what);
        draw();
    }

    /** Folder {@code index} is done: its line goes, the count of folders done goes up. */
    synchronized void finished(int index) {
        if (!enabled) {
            return;
        }
        running.remove(index);
        finished++;
        draw();
    }

    private void draw() {
        String line = String.join("; ", running.values());
        if (folders > 1) {
            line = String.format(Locale.ROOT, "[%d/%d done] %s", finished, folders, line);
        }
        if (line.length() > WIDTH) {
            line = line.substring(0, WIDTH - 3) + "...";
        }
        err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        err.flush();
        width = line.length();
    }

    /** Clears the status line (before a report or a message is written). */
    synchronized void clear() {
        if (enabled && width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
            width = 0;
        }
    }
}
