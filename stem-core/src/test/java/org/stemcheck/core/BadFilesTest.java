package org.stemcheck.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stemcheck.io.testing.Heads;
import org.stemcheck.core.testing.Delivery;
import org.stemcheck.core.testing.Findings;
import org.stemcheck.io.WavWriter;
import org.stemcheck.core.file.Role;

/**
 * A folder of valid stems mixed with every kind of bad file: each bad file gives exactly one
 * finding, and the valid stems are still checked.
 */
class BadFilesTest {

    @TempDir
    Path dir;

    @Test
    void eachBadFileGivesExactlyOneFindingAndTheRestIsStillChecked() throws IOException {
        Delivery d = Delivery.clean();
        d.file("Vocals").bits = 16; // a fault among the valid stems: must still be found
        d.write(dir);
        Files.write(dir.resolve("Song_Empty_120bpm.wav"), new byte[0]);
        writeTruncated(dir.resolve("Song_Cut_120bpm.wav"));
        Files.writeString(dir.resolve("Song_Notes_120bpm.wav"), "These are my notes, not audio.\n");
        Files.write(dir.resolve("Song_Lead_120bpm.wav"), fakeMp3());
        writeCorruptHeader(dir.resolve("Song_Broken_120bpm.wav"));
        writeMp3InWav(dir.resolve("Song_Wrapped_120bpm.wav"));
        Files.writeString(dir.resolve("readme.txt"), "Stems for Song, 120 bpm.\n");
        Files.write(dir.resolve("cover.pdf"), new byte[0]);
        Files.writeString(dir.resolve(".DS_Store"), "hidden");

        Report r = StemSet.from(dir).run();

        Map<String, List<String>> codesByFile = r.findings().stream()
                .filter(f -> f.severity() != Severity.INFO)
                .flatMap(f -> f.files().stream().map(file -> Map.entry(file, f.code())))
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        assertThat(codesByFile).containsOnly(
                Map.entry("Song_Empty_120bpm.wav", List.of("format.unreadable")),
                Map.entry("Song_Cut_120bpm.wav", List.of("format.truncated")),
                Map.entry("Song_Notes_120bpm.wav", List.of("format.unreadable")),
                Map.entry("Song_Lead_120bpm.wav", List.of("format.lossy")),
                Map.entry("Song_Broken_120bpm.wav", List.of("format.unreadable")),
                Map.entry("Song_Wrapped_120bpm.wav", List.of("format.lossy")),
                Map.entry("Song_Vocals_120bpm.wav", List.of("format.bit-depth")));
        assertThat(r.findings()).filteredOn(f -> f.severity() != Severity.INFO).allMatch(f -> f.severity() == Severity.ERROR);
        assertThat(role(r, "readme.txt")).isEqualTo(Role.OTHER);
        assertThat(role(r, "cover.pdf")).isEqualTo(Role.OTHER);
        assertThat(role(r, "Song_Empty_120bpm.wav")).isEqualTo(Role.UNREADABLE);
        assertThat(role(r, "Song_Cut_120bpm.wav")).isEqualTo(Role.STEM);
        assertThat(r.files()).noneMatch(f -> f.name().startsWith("."));
    }

    @Test
    void messagesSayWhatTheFileIs() throws IOException {
        Files.write(dir.resolve("Song_Lead_120bpm.wav"), fakeMp3());
        writeMp3InWav(dir.resolve("Song_Wrapped_120bpm.wav"));
        Files.write(dir.resolve("Song_Empty_120bpm.wav"), new byte[0]);

        Report r = StemSet.from(dir).run();

        assertThat(r.findingsFor("Song_Lead_120bpm.wav")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("MP3 file named .wav", "lossy"));
        assertThat(r.findingsFor("Song_Wrapped_120bpm.wav")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("MP3 audio in a WAV wrapper"));
        assertThat(r.findingsFor("Song_Empty_120bpm.wav")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("empty (0 bytes)"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Song_A_120bpm.wav, ogg, format.lossy, Ogg",
        "Song_B_120bpm.m4a, m4a, format.lossy, MP4/M4A",
        "Song_C_120bpm.wav, adts, format.lossy, AAC",
        "Song_D_120bpm.mp3, mp3, format.lossy, MP3",
        "Song_E_120bpm.flac, flac, format.unreadable, FLAC"})
    void containersAreRecognisedByContent(String name, String kind, String code, String said) throws IOException {
        byte[] b;
        switch (kind) {
            case "ogg": b = Heads.ogg(); break;
            case "m4a": b = Heads.ftyp("M4A "); break;
            case "adts": b = Heads.adts(3); break;
            case "mp3": b = Heads.concat(Heads.id3(16), Heads.mpegFrames(Heads.MP3_HEADER, 417, 3)); break;
            case "flac": b = Heads.flac(); break;
            default: throw new IllegalArgumentException(kind);
        }
        Files.write(dir.resolve(name), b);

        Report r = StemSet.from(dir).run();

        // the delivery holds nothing else: set.empty says so, the file's own finding says why
        assertThat(r.findings()).filteredOn(f -> !f.code().equals("set.empty")).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(code);
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.files()).containsExactly(name);
            assertThat(f.message()).contains(said);
        });
    }

    @Test
    void aReferenceMixAsAnMp3IsNamedAsTheMixTheStemsCannotBeComparedWith() throws IOException {
        Delivery.withoutMix().write(dir);
        Files.write(dir.resolve("Song_Mixdown_120bpm.mp3"), fakeMp3());

        Report r = StemSet.from(dir).run();

        assertThat(r.passed()).isFalse();
        assertThat(Findings.of(r, "format.lossy")).singleElement().satisfies(f -> {
            assertThat(f.files()).containsExactly("Song_Mixdown_120bpm.mp3");
            assertThat(f.message()).contains("an MP3 file", "the stems cannot be compared with it as the reference mix")
                    .doesNotContain("stem (");
            assertThat(f.fix()).contains("add the mix as 24-bit WAV");
        });
    }

    @Test
    void aStemDeliveredAsAnMp3IsTheResidualsCauseNotAMissingStem() throws IOException {
        // The mix holds the vocals; their stem is an MP3, which is not decoded: left out of the
        // comparison, it is what the stems do not explain, and no stem is "missing".
        Delivery.clean().write(dir);
        Files.delete(dir.resolve("Song_Vocals_120bpm.wav"));
        Files.write(dir.resolve("Song_Vocals_120bpm.mp3"), fakeMp3());

        Report r = StemSet.from(dir).run();

        assertThat(Findings.of(r, "format.lossy")).singleElement()
                .satisfies(f -> assertThat(f.files()).containsExactly("Song_Vocals_120bpm.mp3"));
        assertThat(Findings.of(r, "set.missing-stem")).isEmpty();
        assertThat(Findings.of(r, "mix.null")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("Vocals was left out of the null test: a lossy file", "(format.lossy)"));
    }

    /** An ID3 tag and one MPEG-1 layer III frame header, named .wav. */
    static byte[] fakeMp3() {
        byte[] b = new byte[512];
        System.arraycopy("ID3".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 3);
        b[3] = 4;
        b[10] = (byte) 0xFF;
        b[11] = (byte) 0xFB;
        b[12] = (byte) 0x90;
        return b;
    }

    /** A valid stereo 24-bit stem whose last 40 % is cut off (the header still promises it). */
    static void writeTruncated(Path p) throws IOException {
        int frames = (int) (Delivery.SECONDS * Delivery.RATE);
        double[] s = new double[frames];
        for (int i = 0; i < frames; i++) {
            s[i] = 0.25 * Math.sin(2 * Math.PI * 1000.0 * i / Delivery.RATE);
        }
        WavWriter.pcm(24).withTimeReference(Delivery.ONE_HOUR_AT_48K).write(p, Delivery.RATE, s, new double[frames]);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(f.length() - (long) (0.4 * frames) * 6);
        }
    }

    /** A RIFF/WAVE header whose fmt chunk declares 0 channels. */
    static void writeCorruptHeader(Path p) throws IOException {
        int frames = 100;
        double[] s = new double[frames];
        WavWriter.pcm(24).write(p, Delivery.RATE, s, s);
        byte[] b = Files.readAllBytes(p);
        b[22] = 0; // fmt channels, low byte
        b[23] = 0;
        Files.write(p, b);
    }

    /** A WAV whose fmt chunk says MPEG layer III (format tag 0x0055). */
    static void writeMp3InWav(Path p) throws IOException {
        int frames = 100;
        double[] s = new double[frames];
        WavWriter.pcm(16).write(p, 44_100, s, s);
        byte[] b = Files.readAllBytes(p);
        b[20] = 0x55;
        b[21] = 0;
        Files.write(p, b);
    }

    private static Role role(Report r, String name) {
        return r.files().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().role();
    }
}
