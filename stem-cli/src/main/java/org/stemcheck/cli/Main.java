package org.stemcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFileException;
import org.stemcheck.io.AudioFiles;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The {@code stemcheck} command. */
@Command(name = "stemcheck", mixinStandardHelpOptions = true, version = "stemcheck 0.1.0",
        description = "Checks stem deliveries before the recipient does.",
        subcommands = {Main.CheckCommand.class, Main.DemoCommand.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    @Command(name = "demo", description = "Writes a small demo delivery with known faults and checks it.")
    static final class DemoCommand implements Callable<Integer> {

        @picocli.CommandLine.Option(names = "--dir", description = "where to write it (default: ${DEFAULT-VALUE})",
                defaultValue = "target/demo-delivery")
        Path dir;

        @Override
        public Integer call() throws IOException {
            DemoDelivery.write(dir);
            System.out.println("Demo delivery written to " + dir.toAbsolutePath());
            CheckCommand check = new CheckCommand();
            check.dirs = List.of(dir);
            return check.call();
        }
    }

    @Command(name = "check", description = "Checks one or more delivery folders.")
    static final class CheckCommand implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "DIR", description = "delivery folders")
        List<Path> dirs;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = new PrintWriter(System.out, true);
            for (Path dir : dirs) {
                if (!Files.isDirectory(dir)) {
                    System.err.println("stemcheck: no such folder: " + dir);
                    return 2;
                }
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                        out.println(describe(p));
                    }
                }
            }
            return 0;
        }

        private static String describe(Path p) {
            try {
                AudioFile f = AudioFiles.open(p);
                return String.format(Locale.ROOT, "%s: %s %d ch %.0f Hz %d-bit, %d frames (%.3f s)",
                        p.getFileName(), f.format().kind().displayName(), f.format().channels(), f.format().sampleRate(),
                        f.format().validBits(), f.frames(), f.durationSeconds());
            } catch (AudioFileException e) {
                return p.getFileName() + ": " + e.kind() + ": " + e.getMessage();
            } catch (IOException e) {
                return p.getFileName() + ": cannot read: " + e.getMessage();
            }
        }
    }
}
