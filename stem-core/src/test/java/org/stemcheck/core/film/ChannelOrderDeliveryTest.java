package org.stemcheck.core.film;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.stemcheck.core.testing.FilmDelivery.C;
import static org.stemcheck.core.testing.FilmDelivery.LFE;
import static org.stemcheck.core.testing.FilmDelivery.LS;
import static org.stemcheck.core.testing.FilmDelivery.RS;
import static org.stemcheck.core.testing.FilmDelivery.name;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Report;
import org.stemcheck.core.Severity;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.StemSet;
import org.stemcheck.core.spec.ChannelOrder;
import org.stemcheck.core.spec.DeliverySpec;
import org.stemcheck.core.testing.FilmDelivery;
import org.stemcheck.core.testing.Findings;

/**
 * Issue 15, the spec's channel order: a 5.1 DME delivery exported from Pro Tools, in film order
 * (L C R Ls Rs LFE) and without a speaker mask, is laid out by the spec's {@code channel_order}.
 * With {@code "film"} it passes, dialogue in C, and every layout-dependent check (format.channels,
 * content.layout, mix.swapped-channels, the loudness weights) reads the channels as film order;
 * without it the files are taken in SMPTE order and the LFE that is really a surround is found.
 */
class ChannelOrderDeliveryTest {

    @TempDir
    Path dir;

    private static DeliverySpec film() {
        return DeliverySpec.film().toBuilder().name("film-order").channelOrder(ChannelOrder.FILM).build();
    }

    private Report check(DeliverySpec spec) {
        return StemSet.from(dir).expect(spec).run();
    }

    private static FilmDelivery filmOrder() {
        FilmDelivery d = FilmDelivery.clean();
        d.filmOrderWithoutMask = true;
        return d;
    }

    private static String describe(Report r) {
        StringBuilder b = new StringBuilder();
        r.findings().forEach(f -> b.append('\n').append(f.severity()).append(' ').append(f.code()).append(' ')
                .append(f.files()).append(": ").append(f.message()));
        return b.toString();
    }

    @Test
    void aFilmOrderDeliveryWithoutMasksPassesWithTheKeyAndPutsDialogueInC() throws IOException {
        filmOrder().write(dir);
        DeliverySpec spec = film().toBuilder().layout(org.stemcheck.core.file.ChannelLayout.named("5.1").orElseThrow())
                .build();
        Report r = check(spec);

        assertThat(Findings.problems(r)).as(describe(r)).isEmpty();
        for (StemFile f : r.files()) {
            assertThat(f.format().orElseThrow().channelMask()).as(f.name()).isZero();
            assertThat(f.layout().orElseThrow().speakers()).as(f.name())
                    .containsExactly("L", "C", "R", "Ls", "Rs", "LFE");
        }
        // the dialogue stem's only sounding channel is channel 2 of the file, which the layout calls C
        StemFile dx = r.files().stream().filter(f -> f.name().equals(name("Dialogue"))).findFirst().orElseThrow();
        assertThat(dx.layout().orElseThrow().indexOf("C")).isEqualTo(1);
        assertThat(r.reference().orElseThrow().nullDb().orElseThrow()).isLessThan(-100.0);
    }

    /** The loudness weights follow the film layout: the printmaster measures what its SMPTE-order twin with a mask does. */
    @Test
    void thePrintmastersLoudnessUsesTheFilmLayoutsWeights() throws IOException {
        FilmDelivery masked = FilmDelivery.clean();
        masked.write(dir);
        double expected = StemSet.from(dir).expect(DeliverySpec.film()).run().measured("Show_PM.wav")
                .get("integrated_lufs");
        filmOrder().write(dir);

        double withKey = check(film()).measured("Show_PM.wav").get("integrated_lufs");
        double withoutKey = check(DeliverySpec.film()).measured("Show_PM.wav").get("integrated_lufs");

        assertThat(withKey).isCloseTo(expected, within(0.01));
        // taken in SMPTE order, the LFE rumble (file channel 6) counts as a surround and the left
        // surround (file channel 4) as the LFE, so the reading moves
        assertThat(Math.abs(withoutKey - expected)).isGreaterThan(0.1);
    }

    @Test
    void dialogueInTheLfeIsFoundInTheFilmOrdersLfeChannel() throws IOException {
        FilmDelivery d = filmOrder();
        double[][] dx = d.stems.get("Dialogue");
        for (int i = 0; i < dx[C].length; i++) {
            dx[LFE][i] = 0.25 * dx[C][i];
        }
        d.write(dir);
        Report r = check(film());

        List<Finding> layout = Findings.of(r, "content.layout");
        assertThat(layout).as(describe(r)).hasSize(1);
        assertThat(layout.get(0).files()).containsExactly(name("Dialogue"));
        assertThat(layout.get(0).message()).contains("Dialogue has content in the LFE channel (channel 6)",
                "-12.0 dB relative to its loudest channel (C)");
    }

    @Test
    void swappedSurroundsAreFoundInTheFilmOrdersSurroundChannels() throws IOException {
        FilmDelivery d = filmOrder();
        d.write(dir);
        d.rewrite(dir, "Effects", FilmDelivery.swapped(d.stems.get("Effects"), LS, RS));
        Report r = check(film());

        List<Finding> swapped = Findings.of(r, "mix.swapped-channels");
        assertThat(swapped).as(describe(r)).hasSize(1);
        assertThat(swapped.get(0).files()).containsExactly(name("Effects"));
        assertThat(swapped.get(0).message()).contains("Effects has its Ls and Rs swapped");
    }

    /**
     * Without the key the files are taken in SMPTE order (L R C LFE Ls Rs): the channel taken for
     * the LFE is the left surround, full range, on every file that has sound there; dialogue has
     * none there and is not blamed.
     */
    @Test
    void withoutTheKeyTheSurroundTakenForTheLfeIsFoundOnEachFileThatHasOne() throws IOException {
        filmOrder().write(dir);
        Report r = check(DeliverySpec.film());

        for (StemFile f : r.files()) {
            assertThat(f.layout().orElseThrow().speakers()).containsExactly("L", "R", "C", "LFE", "Ls", "Rs");
        }
        List<Finding> lfe = Findings.of(r, "content.layout");
        assertThat(lfe).as(describe(r)).extracting(f -> f.files().get(0))
                .containsExactlyInAnyOrder(name("Music"), name("Effects"), "Show_PM.wav");
        for (Finding f : lfe) {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("channel 4, which its layout takes for the LFE, is full range",
                    "no speaker mask", "smpte channel order");
            assertThat(f.fix()).contains("\"channel_order\": \"film\"");
            assertThat(f.measurements().get("share_above_band")).isGreaterThan(0.5);
        }
        assertThat(Files.exists(dir.resolve(name("Dialogue")))).isTrue();
    }

    /** The clean masked delivery's LFE (effects rumble below 40 Hz) is an LFE: no finding. */
    @Test
    void aRealLfeIsNotFullRange() throws IOException {
        FilmDelivery.clean().write(dir);
        Report r = check(DeliverySpec.film());
        assertThat(Findings.of(r, "content.layout")).as(describe(r)).isEmpty();
    }

    /**
     * Under a film-order spec, a file without a mask that is really in SMPTE order (its Rs is where
     * film order has the LFE) is found by its full-range "LFE"; the masked files keep their masks'
     * layout and are not blamed.
     */
    @Test
    void aSmpteOrderFileWithoutMaskUnderAFilmOrderSpecIsFound() throws IOException {
        FilmDelivery d = FilmDelivery.clean();
        d.write(dir);
        org.stemcheck.io.WavWriter.pcm(24).withTimeReference(FilmDelivery.ONE_HOUR_AT_48K)
                .write(dir.resolve(name("Effects")), FilmDelivery.RATE, d.stems.get("Effects"));
        Report r = check(film());

        List<Finding> lfe = Findings.of(r, "content.layout");
        assertThat(lfe).as(describe(r)).hasSize(1);
        assertThat(lfe.get(0).files()).containsExactly(name("Effects"));
        assertThat(lfe.get(0).message()).contains("channel 6, which its layout takes for the LFE, is full range",
                "film channel order");
        // and its layout differs from the masked stems' (the same speakers in another order)
        List<Finding> channels = Findings.of(r, "format.channels");
        assertThat(channels).as(describe(r)).hasSize(1);
        assertThat(channels.get(0).files()).containsExactly(name("Effects"));
        assertThat(channels.get(0).message())
                .isEqualTo("Effects is 5.1 (L C R Ls Rs LFE), the other 2 stems are 5.1 (L R C LFE Ls Rs)");
        StemFile mx = r.files().stream().filter(f -> f.name().equals(name("Music"))).findFirst().orElseThrow();
        assertThat(mx.layout().orElseThrow().speakers()).containsExactly("L", "R", "C", "LFE", "Ls", "Rs");
        assertThat(mx.layout().orElseThrow().mask()).isEqualTo(FilmDelivery.MASK_51);
    }
}
