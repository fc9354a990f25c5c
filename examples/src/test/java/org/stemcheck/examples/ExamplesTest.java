package org.stemcheck.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs every example's main, without arguments (its own generated delivery) and with a folder. */
class ExamplesTest {

    @TempDir
    Path tmp;

    @Test
    void checkAFolderPrintsTheFindingsAndWritesTheHtmlReport() throws Exception {
        Path dir = ExampleDelivery.write(tmp.resolve("song"), "Song", true);
        String out = Console.capture(() -> CheckAFolder.main(new String[] {dir.toString()}));

        assertThat(out).contains("ERROR  format.bit-depth  Bass is 16-bit", "WARNING  format.length  Vocals lasts",
                "fix: ", "FAILED");
        assertThat(Files.readString(dir.resolve("stemcheck-report.html"))).contains(">FAILED<", "format.bit-depth");
    }

    @Test
    void checkAFolderRunsWithoutArguments() throws Exception {
        String out = Console.capture(() -> CheckAFolder.main(new String[0]));

        assertThat(out).contains("format.bit-depth", "FAILED", "report: ");
    }

    @Test
    void customCheckIsFoundThroughTheServiceLoaderAndReportsItsOwnCode() throws Exception {
        String out = Console.capture(() -> CustomCheck.main(new String[0]));

        assertThat(out).contains("plug-in: acme.mono-bass (ACME wants the bass stem in mono)");
        assertThat(out).contains("WARNING  acme.mono-bass  Bass has 2 channels; ACME takes the bass in mono");
    }

    @Test
    void gateABuildThrowsOnErrorsAndLetsACleanDeliveryThrough() throws Exception {
        assertThatThrownBy(() -> Console.capture(() -> GateABuild.main(new String[0])))
                .isInstanceOf(GateABuild.DeliveryRejected.class)
                .hasMessageContaining("1 error(s)")
                .hasMessageContaining("format.bit-depth");

        Path clean = ExampleDelivery.write(tmp.resolve("clean"), "Song", false);
        String out = Console.capture(() -> GateABuild.main(new String[] {clean.toString()}));
        assertThat(out).contains("delivery accepted", "0 errors, 0 warnings");
    }

    @Test
    void embedInMemoryFindsTheStemAtAnotherRate() throws Exception {
        String out = Console.capture(() -> EmbedInMemory.main(new String[0]));

        assertThat(out).contains("ERROR format.sample-rate [Song_Bass_120bpm]", "44.1 kHz", "FAILED");
    }

    @Test
    void checkACataloguePrintsOneLinePerDeliveryInNameOrder() throws Exception {
        String out = Console.capture(() -> CheckACatalogue.main(new String[0]));

        assertThat(out.lines().toList()).containsExactly(
                "PASSED  harbor                    0 errors, 0 warnings",
                "FAILED  lanterns                  1 errors, 1 warnings",
                "PASSED  meridian                  0 errors, 0 warnings",
                "FAILED  tidewater                 1 errors, 1 warnings",
                "4 deliveries, 2 failed");
    }
}
