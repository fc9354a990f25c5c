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
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Report;
import org.stemcheck.core.file.Role;
import org.stemcheck.core.Severity;
import org.stemcheck.core.file.StemFile;
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
        // The residual is the swap's: mix.null names it, and nothing else is blamed for it.
        assertThat(only(r, "mix.null").message()).contains("Effects has its Ls and Rs swapped (mix.swapped-channels)")
                .doesNotContain("another take");
        assertThat(r.findings()).noneMatch(x -> x.code().equals("mix.bus-processing") || x.code().equals("mix.gain")
                || x.code().startsWith("set.missing") || x.code().equals("mix.missing-fx"));
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
        // Left out of the null test, it is named as the residual's cause, and no part called missing.
        assertThat(only(r, "mix.null").message())
                .contains("Music was left out of the null test: its 2 channels do not fit the mix's 6");
        assertThat(r.findings()).noneMatch(x -> x.code().startsWith("set.missing") || x.code().equals("mix.missing-fx")
                || x.code().equals("mix.gain"));
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

    /**
     * The printmaster's loudness against a broadcast spec that extends film (EBU R 128): measured
     * with BS.1770 channel weights from its 5.1 mask. Scaled to -23 LUFS it passes; as made it is
     * 4.6 LU too loud, on the printmaster only.
     */
    @Test
    void thePrintmastersLoudnessIsCheckedAgainstEbuR128() throws IOException {
        FilmDelivery d = FilmDelivery.clean();
        double lufs = meter(d.sum());
        assertThat(lufs).isCloseTo(-18.4, within(0.1));
        d.write(dir);
        Report loud = StemSet.from(dir).expect(DeliverySpec.preset("ebu-r128")).run();
        Finding f = only(loud, "level.loudness");
        assertThat(f.files()).containsExactly("Show_PM.wav");
        assertThat(f.measurements().get("integrated_lufs")).isCloseTo(lufs, within(0.05));
        assertThat(f.message()).contains("-18.4 LUFS", "-23.0 +-1.0 LUFS", "4.6 LU too loud");
        assertThat(Findings.problems(loud)).as(describe(loud)).containsExactly(f);

        double g = Math.pow(10, (-23.0 - lufs) / 20);
        d.stems.replaceAll((label, x) -> FilmDelivery.scaled(x, g));
        d.write(dir);
        Report ok = StemSet.from(dir).expect(DeliverySpec.preset("ebu-r128")).run();
        assertThat(Findings.problems(ok)).as(describe(ok)).isEmpty();
        assertThat(ok.measured("Show_PM.wav").get("integrated_lufs")).isCloseTo(-23.0, within(0.05));
    }

    /** BS.1770-4 for 5.1 as the pipeline measures a file with mask 0x3F: the LFE counts for nothing, a surround +1.5 dB. */
    @Test
    void thePrintmastersLoudnessLeavesOutTheLfeAndWeighsSurroundsUp() throws IOException {
        double[] tone = org.stemcheck.core.testing.Signals.sine(FilmDelivery.FRAMES, 997, FilmDelivery.RATE, 0.1);
        Map<String, Double> lufs = new java.util.LinkedHashMap<>();
        for (int ch : new int[] {L, LFE, LS}) {
            double[][] x = new double[6][FilmDelivery.FRAMES];
            x[ch] = tone;
            x[C] = tone; // every file sounds in C, so that none is silent to the meter
            Path p = dir.resolve("Show_PM_" + ch + ".wav");
            org.stemcheck.io.WavWriter.pcm(24).withChannelMask(FilmDelivery.MASK_51).write(p, FilmDelivery.RATE, x);
            Report r = StemSet.from(dir).expect(DeliverySpec.film()).run();
            lufs.put(String.valueOf(ch), r.measured(p.getFileName().toString()).get("integrated_lufs"));
            Files.delete(p);
        }
        double front = lufs.get(String.valueOf(L));
        double lfe = lufs.get(String.valueOf(LFE));
        double surround = lufs.get(String.valueOf(LS));
        // C alone is the reference: the LFE adds nothing (C alone), L adds as much again (+3.0 dB),
        // Ls adds 1.41 times as much (10 log10(2.41) = +3.8 dB over C alone)
        assertThat(front - lfe).isCloseTo(10 * Math.log10(2), within(0.05));
        assertThat(surround - lfe).isCloseTo(10 * Math.log10(1 + 1.41), within(0.05));
    }

    private static double meter(double[][] x) {
        org.stemcheck.dsp.LoudnessMeter m = org.stemcheck.dsp.LoudnessMeter.of(FilmDelivery.RATE, 6);
        m.accept(x, 0, x[0].length);
        return m.result().integratedLufs();
    }

    @Test
    void anAdmPrintmasterIsNotedWithItsChannelFormats() throws IOException {
        FilmDelivery d = FilmDelivery.clean();
        d.printmasterChunks.add(new org.stemcheck.io.WavWriter.Chunk("chna",
                org.stemcheck.io.adm.AdmBytes.chna(6, org.stemcheck.io.adm.AdmBytes.fiveOneIds())));
        d.printmasterChunks.add(new org.stemcheck.io.WavWriter.Chunk("axml",
                org.stemcheck.io.adm.AdmBytes.axml().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Report r = run(d);

        Finding f = only(r, "format.adm");
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.files()).containsExactly("Show_PM.wav");
        assertThat(f.message()).startsWith("Show_PM.wav is an ADM BWF file (axml and chna): track 1 RoomCentricLeft"
                + " (ATU_00000001, AT_00010001_01, AP_00010003); track 2 RoomCentricRight")
                .contains("track 4 RoomCentricLFE");
        assertThat(f.measurements()).containsEntry("adm_tracks", 6.0).containsEntry("adm_channel_formats", 6.0);
        assertThat(Findings.problems(r)).as(describe(r)).isEmpty();
    }

    /** Dual mono is still noted in a 5.1 stem whose L and R sound and are identical. */
    @Test
    void aMultichannelStemWhoseLAndRSoundAlikeIsStillDualMono() throws IOException {
        FilmDelivery d = FilmDelivery.clean();
        double[][] mx = d.stems.get("Music");
        mx[R] = mx[L].clone();
        Report r = run(d);

        Finding f = only(r, "content.dual-mono");
        assertThat(f.files()).containsExactly(name("Music"));
        assertThat(f.message()).isEqualTo("Music is dual mono: its L and R channels are identical");
    }

    /** The spec file docs/film.md shows loads as written and asks what it says. */
    @Test
    void theSpecFileOfFilmMdLoadsAsWritten() throws IOException {
        String doc = Files.readString(org.stemcheck.core.testing.ProjectFiles.resolve("docs/film.md"));
        int from = doc.indexOf("```json\n") + "```json\n".length();
        String json = doc.substring(from, doc.indexOf("```", from));
        Path file = dir.resolve("show-s2.json");
        Files.writeString(file, json);

        DeliverySpec spec = DeliverySpec.load(file);

        assertThat(spec.name()).isEqualTo("show-s2");
        assertThat(spec.format().layout().orElseThrow().name()).isEqualTo("5.1");
        assertThat(spec.format().layoutOf("dialogue").orElseThrow().channels()).isEqualTo(6);
        assertThat(spec.format().noLfe()).containsExactly("Dialogue");
        assertThat(spec.loudness().targetLufs().orElseThrow()).isEqualTo(-24.0);
        assertThat(spec.stems().required()).extracting(e -> e.name()).containsExactly("Dialogue", "Music", "Effects");
    }

    /** A stem in another layout than the one the spec names is an error on that stem. */
    @Test
    void aStemOffTheSpecsLayoutIsAnErrorOnThatStem() throws IOException {
        FilmDelivery d = FilmDelivery.clean();
        d.write(dir);
        DeliverySpec mono = DeliverySpec.film().toBuilder().name("dx-mono")
                .layout("Dialogue", org.stemcheck.core.file.ChannelLayout.named("mono").orElseThrow()).build();
        Report r = StemSet.from(dir).expect(mono).run();

        Finding f = only(r, "format.channels");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.files()).containsExactly(name("Dialogue"));
        assertThat(f.message()).isEqualTo("Dialogue is 5.1 (L R C LFE Ls Rs); the spec dx-mono asks 1.0 (C) for Dialogue");
    }

    /** 5.1 declared with the side bits (0x60F, as ffmpeg writes it) among 0x3F files: the same speakers, an info only. */
    @Test
    void aFiveOneSideStemAmongFiveOneStemsIsTheSameLayoutNotedAsAnInfo() throws IOException {
        FilmDelivery d = FilmDelivery.clean();
        d.write(dir);
        org.stemcheck.io.WavWriter.pcm(24).withTimeReference(FilmDelivery.ONE_HOUR_AT_48K).withChannelMask(0x60F)
                .write(dir.resolve(name("Music")), FilmDelivery.RATE, d.stems.get("Music"));
        Report r = check();

        assertThat(Findings.problems(r)).as(describe(r)).isEmpty();
        Finding f = only(r, "format.channels");
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.files()).containsExactly(name("Music"));
        assertThat(f.message()).isEqualTo("Music declares its 5.1 with speaker mask 0x60F, the other 2 stems use 0x3F:"
                + " the same speakers, named by other mask bits");
    }
}
