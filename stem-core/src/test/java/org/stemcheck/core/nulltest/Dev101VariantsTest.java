package org.stemcheck.core.nulltest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Report;
import org.stemcheck.core.StemSet;
import org.stemcheck.core.testing.Dev101;
import org.stemcheck.io.testing.Verbose;

/** The stored dev101 variants give their fault's code on the right file. */
class Dev101VariantsTest {

    private static Report check(Path dir) {
        Report r = StemSet.from(dir).run();
        r.findings().forEach(f -> Verbose.println("  " + f + " " + f.measurements()));
        return r;
    }

    @Test
    void missingFxVariantIsMissingFxOnTheMix(@TempDir Path tmp) throws IOException {
        Report r = check(Dev101.variant("missing_fx", tmp));

        assertThat(r.findings()).filteredOn(f -> f.code().equals("mix.missing-fx")).singleElement()
                .extracting(Finding::files, InstanceOfAssertFactories.LIST).containsExactly("mixdown_nobus.wav");
        assertThat(r.findings()).noneMatch(f -> f.code().equals("set.missing-stem"));
    }

    @Test
    void missingBusProcessingVariantIsBusProcessingOnDrums(@TempDir Path tmp) throws IOException {
        Report r = check(Dev101.variant("missing_bus_processing", tmp));

        assertThat(r.findings()).filteredOn(f -> f.code().equals("mix.bus-processing")).singleElement()
                .extracting(Finding::files, InstanceOfAssertFactories.LIST).containsExactly(Dev101.stem("Drums"));
    }

    @Test
    void cleanStemsAgainstOnlyTheProcessedMixHaveNoProblemAndTheMixIsMarkedProcessed(@TempDir Path tmp) throws IOException {
        Dev101.variant("clean", tmp);
        java.nio.file.Files.delete(tmp.resolve("mixdown_nobus.wav"));
        Report r = check(tmp);

        assertThat(org.stemcheck.core.testing.Findings.problems(r)).isEmpty();
        assertThat(r.reference()).hasValueSatisfying(ref -> {
            assertThat(ref.file()).isEqualTo("mixdown.wav");
            assertThat(ref.mixbusProcessing()).contains(true);
        });
    }

    @Test
    void cleanDeliveryWithTheEffectsPrintedIntoTheStemsHasNoProblem(@TempDir Path tmp) throws IOException {
        Report r = check(Dev101.cleanWithFxPrinted(tmp));

        assertThat(org.stemcheck.core.testing.Findings.problems(r)).isEmpty();
        assertThat(r.reference()).hasValueSatisfying(ref -> assertThat(ref.file()).isEqualTo("mixdown_nobus.wav"));
    }

    @Test
    void namedMixIsTheReferenceEvenWhenAnotherNullsDeeper(@TempDir Path tmp) throws IOException {
        Report r = StemSet.from(Dev101.variant("clean", tmp)).mixdown("mixdown.wav").run();
        r.findings().forEach(f -> Verbose.println("  " + f + " " + f.measurements()));

        assertThat(r.reference()).hasValueSatisfying(ref -> {
            assertThat(ref.file()).isEqualTo("mixdown.wav");
            assertThat(ref.mixbusProcessing()).contains(true);
        });
        assertThat(org.stemcheck.core.testing.Findings.problems(r)).isEmpty();
        Finding info = Dev101FaultsTest.only(r, "mix.reference", "mixdown.wav");
        assertThat(info.files()).containsExactly("mixdown.wav", "mixdown_nobus.wav");
        assertThat(info.measurements().get("reference_given")).isEqualTo(1.0);
        assertThat(info.measurements().get("null_after_gains_db")).isGreaterThan(-30.0);
        // the other mix's depth is still measured and said
        assertThat(info.message()).startsWith("mixdown.wav is the reference mix (as named)")
                .containsPattern("mixdown_nobus\\.wav nulls to -1[01][0-9]\\.[0-9] dB, far deeper");
    }

    /**
     * An instrumental mix beside the full one, written in float so that it nulls deeper after
     * gains (-140 dB and below, against the 24-bit full mix's -119 dB): it fits only by giving the
     * vocal stems a gain of zero, so the full mix, which the stems as delivered null against, must
     * stay the reference, with no gain error on the vocals.
     */
    @Test
    void instrumentalMixBesideTheFullOneIsNotTakenForTheReference(@TempDir Path tmp) throws IOException {
        Path dir = Dev101.variant("clean", tmp);
        java.util.List<double[][]> band = new java.util.ArrayList<>();
        for (String label : Dev101.LABELS) {
            if (!label.endsWith("Vocals")) {
                band.add(Dev101.read(dir.resolve(Dev101.stem(label))));
            }
        }
        double[][] instrumental = org.stemcheck.core.testing.BusChain.sum(band);
        org.stemcheck.io.WavWriter.float32().write(dir.resolve("mixdown_instrumental.wav"), Dev101.RATE, instrumental);

        Report r = StemSet.from(dir).run();
        r.findings().forEach(f -> Verbose.println("  " + f + " " + f.measurements()));

        assertThat(r.reference()).hasValueSatisfying(ref -> assertThat(ref.file()).isEqualTo("mixdown_nobus.wav"));
        assertThat(org.stemcheck.core.testing.Findings.problems(r)).isEmpty();
        Finding info = Dev101FaultsTest.only(r, "mix.reference", "mixdown_nobus.wav");
        assertThat(info.message()).containsPattern("mixdown_instrumental\\.wav nulls to -1[0-9]{2}\\.[0-9] dB but only with"
                + " the stems' gains fitted \\(-?[0-9.]+ dB as delivered\\)");
    }
}
