package org.stemcheck.core.film;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.stemcheck.core.testing.FilmDelivery.C;
import static org.stemcheck.core.testing.FilmDelivery.L;
import static org.stemcheck.core.testing.FilmDelivery.LFE;
import static org.stemcheck.core.testing.FilmDelivery.LS;
import static org.stemcheck.core.testing.FilmDelivery.R;
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
import org.stemcheck.core.Role;
import org.stemcheck.core.Severity;
import org.stemcheck.core.StemFile;
import org.stemcheck.core.StemSet;
import org.stemcheck.core.spec.DeliverySpec;
import org.stemcheck.core.testing.FilmDelivery;
import org.stemcheck.core.testing.Findings;

/**
 * Issue 15 part 3: a generated 5.1 DME delivery with its printmaster passes the film spec, and
 * swapped surrounds, dialogue in the LFE, a stereo stem among 5.1 ones and a missing dialogue stem
 * are each found on the right file, with the numbers, and on no innocent file.
 */
class FilmDeliveryTest {

    @TempDir
    Path dir;

    private Report run(FilmDelivery d) throws IOException {
        d.write(dir);
        return check();
    }

    private Report check() {
        return StemSet.from(dir).expect(DeliverySpec.film()).run();
    }

    private static String describe(Report r) {
        StringBuilder b = new StringBuilder();
        r.findings().forEach(f -> b.append('\n').append(f.severity()).append(' ').append(f.code()).append(' ')
                .append(f.files()).append(": ").append(f.message()));
        return b.toString();
    }

    private static Finding only(Report r, String code) {
        List<Finding> found = Findings.of(r, code);
        assertThat(found).as("%s in%s", code, describe(r)).hasSize(1);
        return found.get(0);
    }

    @Test
    void theClean51DeliveryPassesTheFilmSpecWithItsPrintmasterAsTheMix() throws IOException {
        Report r = run(FilmDelivery.clean());

        assertThat(Findings.problems(r)).as(describe(r)).isEmpty();
        assertThat(r.passed()).isTrue();
        StemFile pm = r.files().stream().filter(f -> f.name().equals("Show_PM.wav")).findFirst().orElseThrow();
        assertThat(pm.role()).isEqualTo(Role.MIXDOWN);
        assertThat(r.reference().orElseThrow().file()).isEqualTo("Show_PM.wav");
        assertThat(r.reference().orElseThrow().nullDb().orElseThrow()).isLessThan(-100.0);
        for (StemFile f : r.files()) {
            assertThat(f.layout().orElseThrow().name()).as(f.name()).isEqualTo("5.1");
            assertThat(f.layout().orElseThrow().speakers()).containsExactly("L", "R", "C", "LFE", "Ls", "Rs");
        }
        // the centre-only dialogue stem is not "dual mono" (its L and R are silent, not identical sound)
        assertThat(Findings.of(r, "content.dual-mono")).as(describe(r)).isEmpty();
    }

    @Test
    void swappedSurroundsInTheEffectsStemAreFoundOnTheEffectsStem() throws IOException {
        FilmDelivery d = FilmDelivery.clean();
        d.write(dir);
        d.rewrite(dir, "Effects", FilmDelivery.swapped(d.stems.get("Effects"), LS, RS));
        Report r = check();

        Finding f = only(r, "mix.swapped-channels");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.files()).containsExactly(name("Effects"));
        assertThat(f.message()).contains("Effects has its Ls and Rs swapped against Show_PM.wav");
        assertThat(f.measurements().get("crossed_match")).isCloseTo(1.0, within(0.05));
        assertThat(f.measurements().get("straight_match")).isCloseTo(0.0, within(0.1));
    }

    @Test
    void aPrintmasterWithItsSurroundsSwappedIsFoundOnThePrintmaster() throws IOException {
        FilmDelivery d = FilmDelivery.clean();
        d.printmaster = FilmDelivery.swapped(d.sum(), LS, RS);
        Report r = run(d);

        Finding f = only(r, "mix.swapped-channels");
        assertThat(f.files()).startsWith("Show_PM.wav").contains(name("Music"), name("Effects"))
                .doesNotContain(name("Dialogue"));
        assertThat(f.message()).contains("Show_PM.wav has its Ls and Rs swapped against all 2 stems");
        assertThat(f.measurements().get("crossed_match")).isGreaterThan(0.95);
    }

    @Test
    void swappedFrontLeftAndRightAreFoundToo() throws IOException {
        FilmDelivery d = FilmDelivery.clean();
        d.write(dir);
        d.rewrite(dir, "Music", FilmDelivery.swapped(d.stems.get("Music"), L, R));
        Report r = check();

        Finding f = only(r, "mix.swapped-channels");
        assertThat(f.files()).containsExactly(name("Music"));
        assertThat(f.message()).contains("Music has its L and R swapped");
    }

    @Test
    void dialogueInTheLfeIsAWarningOnTheDialogueStemWithItsLevel() throws IOException {
        FilmDelivery d = FilmDelivery.clean();
        double[][] dx = d.stems.get("Dialogue");
        for (int i = 0; i < dx[C].length; i++) {
            dx[LFE][i] = 0.25 * dx[C][i]; // an LFE send at -12 dB
        }
        Report r = run(d);

        Finding f = only(r, "content.layout");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.files()).containsExactly(name("Dialogue"));
        assertThat(f.message()).contains("Dialogue has content in the LFE channel (channel 4)",
                "-12.0 dB relative to its loudest channel (C)");
        assertThat(f.measurements().get("relative_db")).isCloseTo(-12.04, within(0.05));
        assertThat(Findings.problems(r)).as(describe(r)).containsExactly(f);
    }

    @Test
    void effectsInTheLfeAreNoFindingAndMusicInTheCentreOnlyWhenTheSpecSaysSo() throws IOException {
        FilmDelivery d = FilmDelivery.clean();
        double[][] mx = d.stems.get("Music");
        for (int i = 0; i < mx[C].length; i++) {
            mx[C][i] = 0.5 * (mx[L][i] + mx[R][i]);
        }
        d.write(dir);
        assertThat(Findings.problems(check())).isEmpty();

        DeliverySpec centreFree = DeliverySpec.film().toBuilder().name("film-centre-free")
                .keepOut(java.util.Set.of("Dialogue"), java.util.Set.of("Music")).build();
        Report r = StemSet.from(dir).expect(centreFree).run();
        Finding f = only(r, "content.layout");
        assertThat(f.files()).containsExactly(name("Music"));
        assertThat(f.message()).contains("Music has content in the centre channel (channel 3)",
                "keeps the centre for dialogue");
    }

    @Test
    void aStereoStemAmong51OnesIsAChannelsWarningOnThatStem() throws IOException {
        FilmDelivery d = FilmDelivery.clean();
        double[][] mx = d.stems.get("Music");
        d.stems.put("Music", new double[][] {mx[L], mx[R]});
        Report r = run(d);

        Finding f = only(r, "format.channels");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.files()).containsExactly(name("Music"));
        assertThat(f.message()).isEqualTo("Music is stereo, the other 2 stems are 5.1 (L R C LFE Ls Rs)");
        assertThat(f.measurements()).containsEntry("channels", 2.0).containsEntry("expected_channels", 6.0);
    }

    @Test
    void aMissingDialogueStemIsAnErrorThatNamesItAndNoOtherStem() throws IOException {
        FilmDelivery d = FilmDelivery.clean();
        double[][] pm = d.sum();
        d.stems.remove("Dialogue");
        d.printmaster = pm;
        Report r = run(d);

        List<Finding> missing = Findings.of(r, "set.missing-stem");
        assertThat(missing).as(describe(r)).anyMatch(f -> f.severity() == Severity.ERROR
                && f.message().startsWith("no Dialogue stem in the delivery"));
        for (Finding f : Findings.problems(r)) {
            assertThat(f.files()).as(describe(r)).doesNotContain(name("Music"), name("Effects"));
        }
        assertThat(Files.exists(dir.resolve(name("Dialogue")))).isFalse();
    }
}
