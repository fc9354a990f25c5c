package org.stemcheck.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code stemcheck demo}: writes a small delivery with known faults and checks it. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Writes a small demo delivery with known faults and checks it.")
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Option(names = "--dir", description = "where to write it (default: ${DEFAULT-VALUE})",
            defaultValue = "target/demo-delivery")
    Path dir;

    @Override
    public Integer call() throws IOException {
        DemoDelivery.write(dir);
        main.out.println("Demo delivery written to " + dir.toAbsolutePath());
        main.out.println();
        CheckCommand check = new CheckCommand();
        check.main = main;
        check.dirs = List.of(dir);
        check.spec = "music";
        check.format = CheckCommand.Format.text;
        check.failOn = CheckCommand.FailOn.error;
        check.colour = CheckCommand.Colour.auto;
        int status = check.call();
        main.out.println();
        main.out.println(status == 0 ? "The demo delivery passed."
                : "The demo's faults are on purpose: 'stemcheck check " + dir + "' exits 1 on it.");
        return 0;
    }
}
