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
import java.util.concurrent.Callable;

import org.stemcheck.core.Checks;
import org.stemcheck.core.DeliverySpec;
import org.stemcheck.core.Report;
import org.stemcheck.core.ReportFormat;
import org.stemcheck.core.Severity;
import org.stemcheck.core.StemSet;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** {@code stemcheck check DIR...}: checks delivery folders and prints or writes the reports. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Checks one or more delivery folders.")
final class CheckCommand implements Callable<Integer> {

    // Lower-case constants: they are the option values as the help shows them.
    enum Spec { music, film }

    enum Format { text, json, html }

    enum FailOn { error, warning, never }

    enum Colour { auto, always, never }

    @ParentCommand
    Main main;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "delivery folders")
    List<Path> dirs;

    @Option(names = "--mixdown", paramLabel = "FILE",
            description = "the reference mix (a file of each folder, or a path); default: found by name")
    Path mixdown;

    @Option(names = "--spec", paramLabel = "SPEC", defaultValue = "music",
            description = "what the recipient asked for: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Spec spec;

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
     * folder, 1 something reached {@code --fail-on}, 0 otherwise.
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
        int total = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        Catalogue.Plan plan = Catalogue.Plan.of(total, dirs.size());
        int[] status = {0};
        Progress progress = new Progress(main.err, main.terminal);
        BufferedWriter out = new BufferedWriter(output == null
                ? new OutputStreamWriter(main.out, StandardCharsets.UTF_8)
                : Files.newBufferedWriter(output, StandardCharsets.UTF_8));
        try {
            int[] written = {0};
            Catalogue.run(dirs, plan, dir -> check(dir, plan.threadsPerFolder()), (i, dir, o) -> {
                progress.show(i, dirs.size(), dir);
                if (o.report() == null) {
                    progress.done();
                    main.err.println("stemcheck: " + o.error());
                    status[0] = Math.max(status[0], o.status());
                    return;
                }
                write(o.report(), out, written[0]++);
                out.flush();
                if (fails(o.report())) {
                    status[0] = Math.max(status[0], 1);
                }
            });
        } finally {
            progress.done();
            if (output == null) {
                out.flush(); // standard output stays open
            } else {
                out.close();
            }
        }
        return status[0];
    }

    private Report check(Path dir, int threadsPerFolder) {
        StemSet set = StemSet.from(dir).expect(spec == Spec.film ? DeliverySpec.film() : DeliverySpec.music());
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

    private void write(Report r, Writer out, int index) throws IOException {
        if (format == Format.html) {
            ReportFormat.html().write(r, out);
            return;
        }
        if (format == Format.json) {
            ReportFormat.json().write(r, out);
            out.write('\n');
            return;
        }
        if (index > 0) {
            out.write('\n');
        }
        boolean ansi = colour == Colour.always
                || (colour == Colour.auto && main.terminal && output == null && System.getenv("NO_COLOR") == null);
        ReportFormat.text(ansi).write(r, out);
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
