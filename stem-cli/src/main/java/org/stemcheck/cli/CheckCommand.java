package org.stemcheck.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.stemcheck.core.Checks;
import org.stemcheck.core.spec.DeliverySpec;
import org.stemcheck.core.Report;
import org.stemcheck.core.ReportFormat;
import org.stemcheck.core.Severity;
import org.stemcheck.core.StemSet;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.FileKind;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** {@code stemcheck check DIR...}: checks delivery folders and prints or writes the reports. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Checks one or more delivery folders.")
final class CheckCommand implements Callable<Integer> {

    // Lower-case constants: they are the option values as the help shows them.
    enum Format { text, json, html }

    enum FailOn { error, warning, never }

    enum Colour { auto, always, never }

    @ParentCommand
    Main main;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "delivery folders (or single audio files)")
    List<Path> dirs;

    @Option(names = "--mixdown", paramLabel = "FILE",
            description = "the reference mix (a file of each folder, or a path); default: found by name")
    Path mixdown;

    @Option(names = "--spec", paramLabel = "NAME|FILE", defaultValue = "music",
            description = "what the recipient asked for: a preset (stemcheck specs lists them) or a spec file"
                    + " (JSON, docs/specs.md) (default: ${DEFAULT-VALUE})")
    String spec;

    /** The spec {@link #spec} names, resolved once before any folder is read. */
    private DeliverySpec resolved;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); json writes one report per line;"
                    + " html writes one self-contained page (one folder only)")
    Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "write the report(s) here instead of standard output")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "exit 1 when a finding reaches this level: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    FailOn failOn;

    @Option(names = "--threads", paramLabel = "N", description = "threads in all, shared by the folders and their files (default: the processors)")
    Integer threads;

    @Option(names = "--without", paramLabel = "CODE", description = "leave out a finding code (repeatable)")
    List<String> without = new ArrayList<>();

    @Option(names = "--plugins", description = "also run third-party checks found on the class path")
    boolean plugins;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "colour the text report: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Colour colour;

    /**
     * Checks every folder; see {@link Catalogue} for how the threads are shared. A folder that
     * does not exist (or cannot be checked) gets a line on stderr and no report; the others go on.
     * The exit status is the worst of all folders: 3 internal error, 2 usage error or missing
     * folder, 1 something reached {@code --fail-on} or a report could not be written, 0 otherwise.
     */
    @Override
    public Integer call() throws IOException {
        if (format == Format.html && dirs.size() > 1) {
            main.err.println("stemcheck: --format html takes one folder (a page per delivery); got " + dirs.size());
            return Main.USAGE;
        }
        if (threads != null && threads < 1) {
            main.err.println("stemcheck: --threads must be at least 1: " + threads);
            return Main.USAGE;
        }
        String wrong = usageProblem();
        if (wrong != null) {
            main.err.println("stemcheck: " + wrong);
            return Main.USAGE;
        }
        try {
            resolved = Specs.resolve(spec);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            main.err.println("stemcheck: --spec " + spec + ": " + oneLine(e.getMessage()));
            return Main.USAGE;
        }
        int total = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        Catalogue.Plan plan = Catalogue.Plan.of(total, dirs.size());
        int[] status = {0};
        Progress progress = new Progress(main.err, main.progress, dirs.size());
        BufferedWriter out = new BufferedWriter(output == null
                ? new OutputStreamWriter(main.out, StandardCharsets.UTF_8)
                : Files.newBufferedWriter(output, StandardCharsets.UTF_8));
        try {
            int[] written = {0};
            Catalogue.run(dirs, plan, (i, dir) -> {
                try {
                    return check(dir, plan.threadsPerFolder(), progress.listener(i, dir));
                } catch (OutOfMemoryError e) {
                    // the engine keeps its own out-of-heap in the report; this is the listing before it
                    return OutOfHeap.nothingChecked(dir.toString(), resolved.name());
                } finally {
                    progress.finished(i);
                }
            }, (i, dir, o) -> {
                progress.clear();
                if (o.report() == null) {
                    main.err.println("stemcheck: " + o.error());
                    status[0] = Math.max(status[0], o.status());
                    return;
                }
                Report shown = write(o.report(), out, written[0]++);
                out.flush();
                if (shown == null || fails(shown)) {
                    status[0] = Math.max(status[0], 1);
                }
            });
        } finally {
            progress.clear();
            if (output == null) {
                out.flush(); // standard output stays open
            } else {
                out.close();
            }
        }
        return status[0];
    }

    /**
     * What is wrong with the command line before anything is read or written: an output that
     * cannot be written or would overwrite audio, a code {@code --without} does not know. A usage
     * error, so the line says what to change; null when all is well.
     */
    private String usageProblem() {
        if (output != null) {
            Path parent = output.toAbsolutePath().getParent();
            if (Files.isDirectory(output)) {
                return "--output " + output + " is a folder; give a file name, e.g. " + output.resolve("report." + format);
            }
            if (parent != null && !Files.isDirectory(parent)) {
                return "--output " + output + ": the folder " + parent + " does not exist";
            }
            if (Files.exists(output) && audio(output)) {
                return "--output " + output + " is an audio file; the report would overwrite it";
            }
            if (Files.exists(output) && !Files.isWritable(output) || parent != null && !Files.isWritable(parent)) {
                return "--output " + output + " cannot be written (permission denied)";
            }
        }
        Set<String> known = Codes.known(plugins);
        for (String code : without) {
            if (!known.contains(code)) {
                return "--without " + code + ": no check makes this code" + Codes.suggestion(code, known);
            }
        }
        return null;
    }

    /** Whether a file holds audio (by its content, or by an audio extension). */
    private static boolean audio(Path file) {
        try {
            return AudioFiles.sniff(file) != FileKind.NOT_AUDIO && AudioFiles.sniff(file) != FileKind.EMPTY
                    || file.getFileName().toString().toLowerCase(java.util.Locale.ROOT)
                    .matches(".*\\.(wav|wave|bwf|rf64|aif|aiff|aifc|flac|mp3|m4a|ogg|opus)");
        } catch (IOException e) {
            return false;
        }
    }

    private Report check(Path dir, int threadsPerFolder, java.util.function.Consumer<org.stemcheck.core.Progress> listener) {
        StemSet set = StemSet.from(dir).expect(resolved).onProgress(listener);
        if (mixdown != null) {
            set = set.mixdown(mixdown);
        }
        set = set.threads(threadsPerFolder);
        if (plugins) {
            set = set.check(Checks.standardAndDiscovered());
        }
        for (String code : without) {
            set = set.without(code);
        }
        return set.run();
    }

    /**
     * Writes one report. It is rendered whole before a byte is written, so that a heap too small
     * for it costs what it costs in one piece: then the report is written without its plots and
     * measured values and with an error that says so ({@link OutOfHeap#reduced}); too small for
     * that as well, a line on stderr.
     *
     * @return the report written, or null when none could be
     */
    private Report write(Report r, Writer out, int index) throws IOException {
        String text;
        Report shown = r;
        try {
            text = render(r, index);
        } catch (OutOfMemoryError e) {
            try {
                shown = OutOfHeap.reduced(r);
                text = render(shown, index);
            } catch (OutOfMemoryError again) {
                main.err.println("stemcheck: " + r.delivery() + ": no report: the heap (" + OutOfHeap.heapMib()
                        + " MiB) ran out while it was written; run with more heap, e.g. " + OutOfHeap.xmx());
                return null;
            }
        }
        out.write(text);
        return shown;
    }

    private String render(Report r, int index) throws IOException {
        java.io.StringWriter out = new java.io.StringWriter();
        if (format == Format.html) {
            main.renderer.write(ReportFormat.html(), r, out);
            return out.toString();
        }
        if (format == Format.json) {
            main.renderer.write(ReportFormat.json(), r, out);
            out.write('\n');
            return out.toString();
        }
        if (index > 0) {
            out.write('\n');
        }
        boolean ansi = colour == Colour.always
                || (colour == Colour.auto && main.terminal && output == null && !noColor(System.getenv("NO_COLOR")));
        main.renderer.write(ReportFormat.text(ansi), r, out);
        return out.toString();
    }

    /** A message on one line, whatever a file name or a reason held. */
    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n]+", " ");
    }

    /** The NO_COLOR convention (no-color.org): colour is off when the variable is set and not empty. */
    static boolean noColor(String value) {
        return value != null && !value.isEmpty();
    }

    private boolean fails(Report r) {
        switch (failOn) {
            case never:
                return false;
            case warning:
                return !r.passes(Severity.WARNING);
            default:
                return !r.passes(Severity.ERROR);
        }
    }
}
