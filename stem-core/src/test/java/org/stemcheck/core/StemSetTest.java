package org.stemcheck.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stemcheck.core.testing.Findings.of;
import static org.stemcheck.core.testing.Findings.problems;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.testing.Delivery;
import org.stemcheck.core.spec.DeliverySpec;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.file.Role;

/** The fluent API: immutability, programmer errors, mixdowns, plug-ins and stems in memory. */
class StemSetTest {

    @TempDir
    Path dir;

    @Test
    void programmerErrorsThrowWithTheArgumentOrPathInTheMessage() throws IOException {
        assertThatThrownBy(() -> StemSet.from(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("dir");
        Path missing = dir.resolve("no-such-delivery");
        assertThatThrownBy(() -> StemSet.from(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString());
        // a file instead of a folder is a delivery of that one file (here: nothing to check)
        Path file = Files.writeString(dir.resolve("a.txt"), "x");
        org.assertj.core.api.Assertions.assertThat(StemSet.from(file).files()).extracting(StemFile::name)
                .containsExactly("a.txt");
        StemSet set = StemSet.from(dir);
        assertThatThrownBy(() -> set.mixdown("nope.wav")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope.wav");
        assertThatThrownBy(() -> set.threads(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> set.check((Check) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> set.expect(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void builderMethodsReturnNewSetsAndLeaveTheOriginalAlone() throws IOException {
        Delivery d = Delivery.clean();
        d.file("Bass").name = "bass.wav";
        d.write(dir);
        StemSet base = StemSet.from(dir);
        StemSet quiet = base.without("naming.pattern");

        assertThat(quiet).isNotSameAs(base);
        assertThat(of(base.run(), "naming.pattern")).hasSize(1);
        assertThat(of(quiet.run(), "naming.pattern")).isEmpty();
        assertThat(base.expect(DeliverySpec.film()).spec().name()).isEqualTo("film");
        assertThat(base.spec().name()).isEqualTo("music");
    }

    @Test
    void explicitMixdownInsideTheFolderBecomesTheReference() throws IOException {
        Delivery d = Delivery.withoutMix();
        d.file("Pads").name = "Song_Reference_120bpm.wav";
        d.write(dir);

        StemSet set = StemSet.from(dir).mixdown("Song_Reference_120bpm.wav");
        assertThat(set.files()).filteredOn(f -> f.role() == Role.MIXDOWN).extracting(StemFile::name)
                .containsExactly("Song_Reference_120bpm.wav");
        Report r = set.run();
        assertThat(r.reference()).hasValueSatisfying(ref -> assertThat(ref.file()).isEqualTo("Song_Reference_120bpm.wav"));
        // A Pads tone is no mix of the other stems: only the null test may say so.
        assertThat(problems(r)).allSatisfy(f -> assertThat(f.code()).isEqualTo("mix.null"));
    }

    @Test
    void explicitMixdownOutsideTheFolderIsAddedToTheDelivery() throws IOException {
        Path stems = Files.createDirectory(dir.resolve("stems"));
        Delivery.withoutMix().write(stems);
        Path elsewhere = Files.createDirectory(dir.resolve("mix"));
        Delivery mix = Delivery.clean();
        mix.write(elsewhere);

        StemSet set = StemSet.from(stems).mixdown(elsewhere.resolve("mixdown.wav"));
        assertThat(set.files()).hasSize(8).filteredOn(f -> f.role() == Role.MIXDOWN).hasSize(1);
        assertThat(StemSet.from(stems).files()).hasSize(7);
    }

    @Test
    void checksAreOnlyThoseAskedForOnceAnyIsGiven() throws IOException {
        Delivery d = Delivery.clean();
        d.file("Bass").bits = 16;
        d.file("Keys").name = "keys.wav";
        d.write(dir);
        Check bitDepth = Checks.standard().stream().filter(c -> c.id().equals("format.bit-depth")).findFirst().orElseThrow();

        Report r = StemSet.from(dir).check(bitDepth).run();

        assertThat(r.findings()).extracting(Finding::code).containsOnly("format.bit-depth");
        assertThat(Checks.standard()).extracting(Check::id).doesNotHaveDuplicates()
                .contains("format.unreadable", "format.truncated", "format.lossy", "format.sample-rate",
                        "format.bit-depth", "format.channels", "format.length", "format.timecode",
                        "naming.pattern", "naming.inconsistent", "set.multitracks");
    }

    @Test
    void thirdPartyChecksAreFoundThroughTheServiceLoaderOnlyWhenAskedFor() throws IOException {
        Delivery.clean().write(dir);

        assertThat(Checks.discovered()).extracting(Check::id).containsExactly("acme.max-stems");
        assertThat(of(StemSet.from(dir).run(), "acme.max-stems")).isEmpty();
        Report r = StemSet.from(dir).check(Checks.standardAndDiscovered()).run();
        assertThat(of(r, "acme.max-stems")).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("7 stems, the studio takes 3"));
    }

    @Test
    void stemsHeldInMemoryAreCheckedLikeFiles() {
        double[] a = new double[48_000];
        double[] b = new double[44_100];
        List<Stem> stems = List.of(
                Stem.ofSamples("Song_Drums_120bpm", 48_000, new double[][] {a, a}),
                Stem.ofSamples("Song_Bass_120bpm", 48_000, new double[][] {a, a}),
                Stem.ofSamples("Song_Keys_120bpm", 48_000, new double[][] {a, a}),
                Stem.ofSamples("Song_Vox_120bpm", 44_100, new double[][] {b, b}),
                Stem.ofSamples("Song_Pads_120bpm", 48_000, new double[][] {a}));

        Report r = StemSet.of(stems).run();

        assertThat(r.files()).allSatisfy(f -> assertThat(f.container()).contains("memory"));
        assertThat(of(r, "format.sample-rate")).singleElement()
                .satisfies(f -> assertThat(f.files()).containsExactly("Song_Vox_120bpm"));
        assertThat(of(r, "format.channels")).singleElement()
                .satisfies(f -> assertThat(f.files()).containsExactly("Song_Pads_120bpm"));
        assertThat(of(r, "format.length")).isEmpty(); // 1 s each, in seconds
        assertThat(of(r, "format.bit-depth")).isEmpty(); // 64-bit float is accepted by the music spec
        assertThatThrownBy(() -> StemSet.of(List.of(stems.get(0), stems.get(0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Song_Drums_120bpm");
    }

    @Test
    void findingsAreOrderedErrorsFirstAndReportCountsAndPassAgree() throws IOException {
        Delivery d = Delivery.clean();
        d.file("Bass").channels = 1;  // warning
        d.file("Keys").bits = 16;     // error
        d.write(dir);
        Report r = StemSet.from(dir).run();

        assertThat(r.findings()).extracting(Finding::severity).containsExactly(Severity.ERROR, Severity.WARNING, Severity.INFO);
        assertThat(r.count(Severity.ERROR)).isEqualTo(1);
        assertThat(r.passed()).isFalse();
        assertThat(r.passes(Severity.ERROR)).isFalse();

        Report warnOnly = StemSet.from(dir).without("format.bit-depth").run();
        assertThat(warnOnly.passed()).isTrue();
        assertThat(warnOnly.passes(Severity.WARNING)).isFalse();
        assertThat(warnOnly.findingsFor("Song_Bass_120bpm.wav")).hasSize(1);
        assertThat(ReportFormat.text().toString(warnOnly)).contains("Song_Bass_120bpm.wav", "WARNING", "format.channels", "PASSED");
    }
}
