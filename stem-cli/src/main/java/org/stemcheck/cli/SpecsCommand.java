package org.stemcheck.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.stemcheck.core.spec.DeliverySpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code stemcheck specs}: the preset specs, one line each, with the standard each follows. */
@Command(name = "specs", mixinStandardHelpOptions = true,
        description = "Lists the preset specs --spec takes by name (a spec file is given by its path).")
final class SpecsCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    /**
     * Prints each preset: its name, what it is for, and the standard it follows.
     *
     * @return 0
     */
    @Override
    public Integer call() {
        List<DeliverySpec> presets = DeliverySpec.presets();
        int width = presets.stream().mapToInt(p -> p.name().length()).max().orElse(0);
        for (DeliverySpec p : presets) {
            String pad = " ".repeat(width - p.name().length());
            main.out.println(p.name() + pad + "  " + p.description());
            if (!p.standard().isEmpty()) {
                main.out.println(" ".repeat(width) + "  follows: " + p.standard());
            }
        }
        main.out.println();
        main.out.println("A spec file extends one of these: {\"extends\": \"music\", \"loudness\": {\"target_lufs\": -14.0,"
                + " \"tolerance_lu\": 1.0}}; see docs/specs.md. Use: stemcheck check DIR --spec NAME|FILE");
        return 0;
    }
}
