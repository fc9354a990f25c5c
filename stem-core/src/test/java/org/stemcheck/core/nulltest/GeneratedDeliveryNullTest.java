package org.stemcheck.core.nulltest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.spec.DeliverySpec;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Report;
import org.stemcheck.core.Severity;
import org.stemcheck.core.StemSet;
import org.stemcheck.core.testing.Delivery;
import org.stemcheck.core.spec.ExpectedStem;

/** The set pass on small generated deliveries: other rates and mono stems are adapted, not rejected. */
class GeneratedDeliveryNullTest {

    private static List<Finding> mixProblems(Report r) {
        return r.findings().stream()
                .filter(f -> f.severity() != Severity.INFO)
                .filter(f -> f.code().startsWith("mix.") || f.code().startsWith("set.missing"))
                .toList();
    }

    private static double nullAfterGains(Report r) {
        return r.findings().stream().filter(f -> f.code().equals("mix.reference")).findFirst().orElseThrow()
                .measurements().get("null_after_gains_db");
    }

    @Test
    void stemAt44kIsResampledAndStillNullsAgainstA48kMix(@TempDir Path dir) throws IOException {
        Delivery d = Delivery.clean();
        d.file("Bass").rate = 44_100;
        d.file("Bass").timeReference = 3600L * 44_100;
        d.write(dir);

        Report r = StemSet.from(dir).run();

        assertThat(mixProblems(r)).isEmpty();
        assertThat(nullAfterGains(r)).isLessThan(-60.0);
        assertThat(r.findings()).anyMatch(f -> f.code().equals("format.sample-rate"));
    }

    /**
     * A mix dominated by one loud tone at a quarter of the sample rate (12 kHz, period 4 samples,
     * starting on a step): the quiet tones' whitened correlations peaked a dozen samples early
     * against it, were taken for offsets and moved in a second pass, which then misread every
     * gain by 18-42 dB. The offsets are ambiguous (the plain correlation does not back them):
     * nothing is moved, every stem sits at the mix's common gain, and the delivery nulls.
     */
    @Test
    void mixDominatedByALoudQuarterRateToneHasNoFalseGainOrOffset(@TempDir Path dir) throws IOException {
        Delivery d = Delivery.clean();
        double[] x = new double[(int) (Delivery.SECONDS * Delivery.RATE)];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.95 * Delivery.fade((double) i / x.length) * Math.sin(Math.PI / 2 * i + Math.PI / 4);
        }
        d.file("Vocals").samples = new double[][] {x, x.clone()};
        d.write(dir);

        Report r = StemSet.from(dir).run();

        assertThat(mixProblems(r)).isEmpty();
        assertThat(nullAfterGains(r)).isLessThan(-60.0);
        Finding ref = r.findings().stream().filter(f -> f.code().equals("mix.reference")).findFirst().orElseThrow();
        assertThat(ref.measurements().get("passes")).isEqualTo(1.0);
        assertThat(ref.measurements().get("common_gain_db"))
                .isCloseTo(-20 * Math.log10(Delivery.MIX_GAIN), org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void monoStemIsCopiedIntoBothChannelsAndStillNulls(@TempDir Path dir) throws IOException {
        Delivery d = Delivery.clean();
        d.file("Bass").channels = 1;
        d.write(dir);

        Report r = StemSet.from(dir).run();

        assertThat(mixProblems(r)).isEmpty();
        assertThat(nullAfterGains(r)).isLessThan(-60.0);
    }

    @Test
    void stemTheSpecExpectsButTheFolderLacksIsAMissingStem(@TempDir Path dir) throws IOException {
        Delivery.clean().write(dir);
        DeliverySpec spec = DeliverySpec.music().toBuilder().name("label")
                .expectedStems(ExpectedStem.named("Drums"), ExpectedStem.named("Strings")).build();

        Report r = StemSet.from(dir).expect(spec).run();

        assertThat(r.findings()).filteredOn(f -> f.code().equals("set.missing-stem")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("Strings").doesNotContain("Drums"));
    }
}
