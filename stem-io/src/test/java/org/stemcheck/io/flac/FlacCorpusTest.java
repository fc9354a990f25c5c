package org.stemcheck.io.flac;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.Checksum;
import org.stemcheck.io.FileKind;
import org.stemcheck.io.testing.FlacWriter;

/**
 * The committed corpus of files from real encoders ({@code flac} 1.4 at every level, {@code --lax}
 * block sizes 16 to 65535, LPC order 32, partition order 15, 8 to 32 bits, 1 to 8 channels, odd
 * rates up to 705.6 kHz, {@code --keep-foreign-metadata}; ffmpeg's encoder), made from our own
 * signals by {@code scripts/flac-corpus.py}: every file must decode, from a path and from a
 * stream, to exactly the samples {@code flac -d} gives (their SHA-256 in {@code expected.json}),
 * with the STREAMINFO MD5 matched and the metadata the manifest names.
 */
class FlacCorpusTest {

    private static final String DIR = "/org/stemcheck/io/flac/corpus/";

    static List<Arguments> files() throws IOException {
        List<Arguments> all = new ArrayList<>();
        for (JsonNode e : manifest().path("files")) {
            all.add(Arguments.of(e.path("file").asText(), e));
        }
        return all;
    }

    private static JsonNode manifest() throws IOException {
        try (InputStream in = FlacCorpusTest.class.getResourceAsStream(DIR + "expected.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static Path file(String name) throws URISyntaxException {
        return Path.of(FlacCorpusTest.class.getResource(DIR + name).toURI());
    }

    @Test
    void theManifestListsEveryCommittedFileAndNothingElse() throws IOException, URISyntaxException {
        List<String> listed = new ArrayList<>();
        manifest().path("files").forEach(e -> listed.add(e.path("file").asText()));
        List<String> present;
        try (var s = Files.list(file("expected.json").getParent())) {
            present = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".flac")).toList();
        }
        assertThat(present).containsExactlyInAnyOrderElementsOf(listed).hasSizeGreaterThan(40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void decodesToTheSamplesFlacDecodesTo(String name, JsonNode expected) throws Exception {
        Path p = file(name);
        AudioFile fromPath = AudioFiles.open(p);
        AudioFile fromStream;
        try (InputStream in = Files.newInputStream(p)) {
            fromStream = AudioFiles.open(in, name);
            check(fromStream, expected, name + " (stream)");
        }
        check(fromPath, expected, name);
    }

    private static void check(AudioFile f, JsonNode expected, String label) throws IOException, NoSuchAlgorithmException {
        int bits = expected.path("bits").asInt();
        assertThat(f.format().kind()).as(label).isEqualTo(FileKind.FLAC);
        assertThat(f.format().sampleRate()).as(label).isEqualTo(expected.path("sample_rate").asDouble());
        assertThat(f.format().channels()).as(label).isEqualTo(expected.path("channels").asInt());
        assertThat(f.format().validBits()).as(label).isEqualTo(bits);
        int[][] samples = Decoded.samples(f, 1000);
        assertThat(samples[0]).as(label).hasSize(expected.path("frames").asInt());
        assertThat(f.frames()).as(label).isEqualTo(expected.path("frames").asLong());
        assertThat(f.truncation()).as(label).isEmpty();
        byte[] pcm = FlacWriter.pcm(samples, bits);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pcm))).as(label + ": the samples")
                .isEqualTo(expected.path("samples_sha256").asText());
        String md5 = expected.path("streaminfo_md5").asText();
        if (md5.chars().allMatch(c -> c == '0')) {
            assertThat(f.checksum()).as(label).isEmpty();
        } else {
            assertThat(f.checksum()).as(label).hasValueSatisfying(c -> {
                assertThat(c.stored()).isEqualTo(md5);
                assertThat(c.status()).isEqualTo(Checksum.Status.MATCHED);
            });
        }
        if (expected.has("time_reference")) {
            assertThat(f.metadata().timeReference()).as(label).contains(expected.path("time_reference").asLong());
        }
        if (expected.has("channel_mask")) {
            assertThat(f.format().channelMask()).as(label).isEqualTo(expected.path("channel_mask").asLong());
        }
    }

    @Test
    void keepForeignMetadataCarriesTheWholeBextChunk() throws Exception {
        AudioFile f = AudioFiles.open(file("flac-keep-foreign-metadata-bwf.flac"));
        assertThat(f.metadata().bext()).hasValueSatisfying(b -> {
            assertThat(b.description()).isEqualTo("Bass, take 3");
            assertThat(b.originator()).isEqualTo("stemcheck");
            assertThat(b.originationDate()).isEqualTo("2026-11-25");
            assertThat(b.timeReference()).isEqualTo(172_800_000L);
            assertThat(b.version()).isEqualTo(1);
        });
        assertThat(f.metadata().chunks()).extracting(c -> c.id()).contains("STREAMINFO", "APPLICATION", "PADDING");
    }

    @Test
    void ffmpegsConversionKeepsTheTimeReferenceAsAComment() throws Exception {
        AudioFile f = AudioFiles.open(file("ffmpeg-bwf-time-reference.flac"));
        assertThat(f.metadata().info()).containsEntry("TIME_REFERENCE", "1728000").containsKey("ENCODER");
        assertThat(f.metadata().bext()).hasValueSatisfying(b -> assertThat(b.timeReference()).isEqualTo(1_728_000L));
    }
}
