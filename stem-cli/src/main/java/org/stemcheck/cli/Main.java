package org.stemcheck.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import org.stemcheck.core.Report;
import org.stemcheck.core.ReportFormat;
import org.stemcheck.dsp.FftThreads;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code stemcheck} command. Exit status: 0 when nothing reaches {@code --fail-on}, 1 when
 * something does (a heap too small is an {@code internal.memory} error) or no report could be
 * written, 2 for usage errors or a folder that does not exist, 3 for a bug (never for lack of heap).
 */
@Command(name = "stemcheck", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Checks stem deliveries before the recipient does.",
        subcommands = {CheckCommand.class, DemoCommand.class, SpecsCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:nothing reached --fail-on", "1:something reached --fail-on (or no report could be written)",
            "2:usage error, or a folder that does not exist", "3:internal error"})
public final class Main implements Callable<Integer> {

    /** Usage errors and folders that do not exist. */
    static final int USAGE = 2;
    /** A bug: an exception nobody expected. */
    static final int INTERNAL = 3;

    /** {@code --version}: the version of the build, the one the reports carry. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"stemcheck " + Report.TOOL_VERSION};
        }
    }

    /** How a report is written in a format (tests put one here that runs out of heap). */
    @FunctionalInterface
    interface Renderer {
        void write(ReportFormat format, Report report, java.io.Writer out) throws java.io.IOException;
    }

    final PrintStream out;
    final PrintStream err;
    /** True when standard output is a terminal: the text report in colour by default. */
    final boolean terminal;
    /** True when standard error is a terminal: live progress there. */
    final boolean progress;
    /** Writes the reports: {@link ReportFormat#write}. */
    final Renderer renderer;

    Main(PrintStream out, PrintStream err, boolean terminal, boolean progress, Renderer renderer) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.progress = progress;
        this.renderer = renderer;
    }

    /**
     * Runs {@code stemcheck} and exits the JVM with its status (see the class comment). Progress
     * and colour are on when a console is attached.
     *
     * @param args the command line, e.g. {@code check DIR --format html --output report.html}
     */
    public static void main(String[] args) {
        // The CLI owns its JVM: JTransforms may then keep every transform on its caller's thread,
        // where it is faster than stemcheck's own FFT (FftThreads explains the measurements).
        FftThreads.callerOnly();
        System.exit(run(System.out, System.err, System.console() != null, stderrIsTerminal(), args));
    }

    /**
     * Whether standard error is a terminal (progress goes there, and only there). On Linux the
     * descriptor's link says so ({@code /dev/pts/N}, {@code /dev/ttyN}) even when standard output
     * is redirected to a file; elsewhere a console attached to the JVM is the sign.
     */
    static boolean stderrIsTerminal() {
        try {
            String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /** Runs the command in-process, printing to System.out/err as from a pipe (no progress, no colour). */
    static int run(String... args) {
        return run(System.out, System.err, false, args);
    }

    /** Runs the command in-process with these streams; returns the exit status. */
    static int run(PrintStream out, PrintStream err, boolean terminal, String... args) {
        return run(out, err, terminal, terminal, args);
    }

    /** Runs the command in-process; {@code terminal}: stdout is one (colour), {@code progress}: stderr is one. */
    static int run(PrintStream out, PrintStream err, boolean terminal, boolean progress, String... args) {
        return run(out, err, terminal, progress, ReportFormat::write, args);
    }

    /** As {@link #run(PrintStream, PrintStream, boolean, boolean, String...)}, writing reports with {@code renderer}. */
    static int run(PrintStream out, PrintStream err, boolean terminal, boolean progress, Renderer renderer,
                   String... args) {
        CommandLine cmd = new CommandLine(new Main(out, err, terminal, progress, renderer));
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cmd.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cmd.setParameterExceptionHandler((e, a) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println("stemcheck: " + e.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            return USAGE;
        });
        cmd.setExecutionExceptionHandler((e, c, parsed) -> {
            if (e instanceof IllegalArgumentException || e instanceof UncheckedIOException) {
                c.getErr().println("stemcheck: " + e.getMessage());
                return USAGE;
            }
            c.getErr().println("stemcheck: internal error: " + e);
            return INTERNAL;
        });
        return cmd.execute(args);
    }

    /**
     * {@code stemcheck} without a sub-command: a usage error; prints the usage on stderr.
     *
     * @return {@link #USAGE}
     */
    @Override
    public Integer call() {
        err.println("stemcheck: say what to do: stemcheck check DIR..., stemcheck specs, or stemcheck demo");
        new CommandLine(this).usage(err);
        return USAGE;
    }
}
