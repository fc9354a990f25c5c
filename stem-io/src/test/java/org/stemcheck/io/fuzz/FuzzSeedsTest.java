package org.stemcheck.io.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.FileKind;

/**
 * The committed seed corpora are what {@link FuzzSeeds} generates, and the seeds are what they
 * claim to be: valid WAV files open with the expected kind and frame count, AIFF seeds sniff as
 * AIFF, sniff seeds sniff as the kind in their name.
 */
class FuzzSeedsTest {

    static Stream<Arguments> corpora() {
        return Stream.of(
                Arguments.of(WavFuzzTest.class, "openAndStream", FuzzSeeds.wav()),
                Arguments.of(AiffFuzzTest.class, "openAndStream", FuzzSeeds.aiff()),
                Arguments.of(MetadataFuzzTest.class, "chunkPayload", FuzzSeeds.metadata()),
                Arguments.of(SniffFuzzTest.class, "sniff", FuzzSeeds.sniff()),
                Arguments.of(FlacFuzzTest.class, "openAndStream", FuzzSeeds.flac()),
                Arguments.of(AdmFuzzTest.class, "admPayload", FuzzSeeds.adm()));
    }

    @ParameterizedTest
    @MethodSource("corpora")
    void committedSeedsEqualTheGeneratedOnes(Class<?> test, String method, Map<String, byte[]> seeds)
            throws IOException, URISyntaxException {
        String resource = "/" + FuzzSeeds.inputsDir(Path.of(""), test, method).toString().replace('\\', '/');
        URL url = test.getResource(resource);
        assertThat(url).as("inputs directory %s (run FuzzSeeds.main)", resource).isNotNull();
        Path dir = Path.of(url.toURI());
        Set<String> committed;
        try (Stream<Path> files = Files.list(dir)) {
            committed = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(FuzzSeeds.PREFIX))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(committed).containsExactlyInAnyOrderElementsOf(
                seeds.keySet().stream().map(n -> FuzzSeeds.PREFIX + n).toList());
        for (Map.Entry<String, byte[]> seed : seeds.entrySet()) {
            assertThat(Files.readAllBytes(dir.resolve(FuzzSeeds.PREFIX + seed.getKey())))
                    .as(seed.getKey()).isEqualTo(seed.getValue());
        }
    }

    @Test
    void everyWavSeedOpensBothWaysWithItsKind() {
        for (Map.Entry<String, byte[]> seed : FuzzSeeds.wav().entrySet()) {
            ParserProperty.Outcome o = ParserProperty.check(seed.getValue());
            assertThat(o.fromPath()).as(seed.getKey()).isNotNull();
            FileKind expected = seed.getKey().startsWith("rf64") ? FileKind.RF64
                    : seed.getKey().startsWith("bw64") ? FileKind.BW64
                    : seed.getKey().startsWith("rifx") ? FileKind.RIFX : FileKind.WAV;
            assertThat(o.fromPath().format().kind()).as(seed.getKey()).isEqualTo(expected);
            assertThat(o.fromPath().frames()).as(seed.getKey()).isPositive();
        }
    }

    @Test
    void everyFlacSeedOpensBothWaysAsFlac() {
        for (Map.Entry<String, byte[]> seed : FuzzSeeds.flac().entrySet()) {
            ParserProperty.Outcome o = ParserProperty.check(seed.getValue());
            assertThat(o.fromPath()).as(seed.getKey()).isNotNull();
            assertThat(o.fromPath().format().kind()).as(seed.getKey()).isEqualTo(FileKind.FLAC);
            assertThat(o.streamEnded()).as(seed.getKey()).isTrue();
            boolean cut = seed.getKey().contains("cut");
            assertThat(o.fromPath().truncation().isPresent()).as(seed.getKey() + " is truncated").isEqualTo(cut);
            if (!cut && !seed.getKey().contains("no-md5")) {
                assertThat(o.fromPath().checksum()).as(seed.getKey())
                        .hasValueSatisfying(c -> assertThat(c.status()).isEqualTo(org.stemcheck.io.Checksum.Status.MATCHED));
            }
        }
        assertThat(FuzzSeeds.flac().values()).allSatisfy(b -> assertThat(b.length).isLessThan(4096));
    }

    @Test
    void rf64SeedTakesItsSizesFromDs64() throws IOException {
        byte[] rf64 = FuzzSeeds.wav().get("rf64-pcm16-stereo.wav");
        AudioFile f = AudioFiles.open(new java.io.ByteArrayInputStream(rf64), "rf64");
        assertThat(f.format().channels()).isEqualTo(2);
        assertThat(f.declaredFrames()).isEqualTo(5);
    }

    @Test
    void truncatedSeedIsReadAsTruncated() {
        ParserProperty.Outcome o = ParserProperty.check(FuzzSeeds.wav().get("truncated-data.wav"));
        assertThat(o.fromPath().frames()).isEqualTo(5);
        assertThat(o.fromPath().declaredFrames()).isEqualTo(1000);
    }

    @Test
    void aiffSeedsSniffAsAiffOrAifc() {
        for (Map.Entry<String, byte[]> seed : FuzzSeeds.aiff().entrySet()) {
            FileKind expected = seed.getKey().startsWith("aifc") ? FileKind.AIFC : FileKind.AIFF;
            assertThat(AudioFiles.sniff(seed.getValue(), seed.getValue().length)).as(seed.getKey()).isEqualTo(expected);
        }
    }

    @Test
    void extendedSampleRatesHaveTheWellKnownAiffBytes() {
        // 44100 Hz = 2^15 * 1.3458..., so exponent 16383 + 15 = 0x400E and mantissa 0xAC44 << 48.
        assertThat(RiffBytes.extended(44100)).containsExactly(0x40, 0x0E, 0xAC, 0x44, 0, 0, 0, 0, 0, 0);
        assertThat(RiffBytes.extended(48000)).containsExactly(0x40, 0x0E, 0xBB, 0x80, 0, 0, 0, 0, 0, 0);
        assertThat(RiffBytes.extended(8000)).containsExactly(0x40, 0x0B, 0xFA, 0x00, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void sniffSeedsSniffAsTheKindInTheirName() {
        Map<String, FileKind> expected = Map.ofEntries(
                Map.entry("wav", FileKind.WAV), Map.entry("rifx", FileKind.RIFX), Map.entry("rf64", FileKind.RF64),
                Map.entry("bw64", FileKind.BW64), Map.entry("aiff", FileKind.AIFF), Map.entry("aifc", FileKind.AIFC),
                Map.entry("flac", FileKind.FLAC), Map.entry("ogg", FileKind.OGG), Map.entry("m4a", FileKind.MP4),
                Map.entry("mp3-id3", FileKind.MP3), Map.entry("mp3-frame", FileKind.MP3),
                Map.entry("aac-adts", FileKind.AAC), Map.entry("text", FileKind.NOT_AUDIO),
                Map.entry("wav-cut-to-8-bytes", FileKind.NOT_AUDIO), Map.entry("negative-length", FileKind.EMPTY));
        Map<String, byte[]> seeds = FuzzSeeds.sniff();
        assertThat(seeds.keySet()).hasSameSizeAs(expected.keySet());
        for (Map.Entry<String, byte[]> seed : seeds.entrySet()) {
            byte[] in = seed.getValue();
            byte[] head = java.util.Arrays.copyOfRange(in, 1, in.length);
            String name = seed.getKey().replace(".bin", "");
            assertThat(AudioFiles.sniff(head, in[0])).as(name).isEqualTo(expected.get(name));
        }
    }
}
