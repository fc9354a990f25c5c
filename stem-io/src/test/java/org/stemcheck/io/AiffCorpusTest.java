package org.stemcheck.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stemcheck.io.testing.Audio;
import org.stemcheck.io.testing.TestData;

/**
 * Every AIFF / AIFF-C file of the shared format corpora ({@code formats/expected.json},
 * {@code other/expected.json}: the entries whose container is FORM) read against what the peer
 * library's tests assert, with our deliberate deviations (see {@code docs/formats.md}).
 */
class AiffCorpusTest {

    /** The corpus lists 20 FORM files; fewer means the filter or the data went wrong. */
    private static final int MIN_ENTRIES = 20;
    /** Generous bound for a fuzzed file of a few KB: a hang or a runaway loop is what it catches. */
    private static final Duration MUST_NOT_CRASH_BOUND = Duration.ofSeconds(10);
    /**
     * Where we deliberately deliver fewer frames than the peer reports: taglib/empty.aiff declares
     * 2941 frames in COMM but its SSND holds 2936 (libsndfile and sox read 2936).
     */
    private static final Map<String, Long> TRUNCATED_FRAMES = Map.of("taglib/empty.aiff", 2936L);
    /** Compression types we refuse although the peer decodes them: Ableton's private "able". */
    private static final Map<String, String> REFUSED_COMPRESSION = Map.of("go-audio-aiff/ableton.aif", "able");

    record Entry(Path root, JsonNode json) {
        String file() {
            return json.path("file").asText();
        }

        Path path() {
            return root.resolve(file());
        }

        JsonNode expected() {
            return json.path("expected");
        }

        JsonNode header() {
            return json.path("header_as_parsed");
        }

        String verdict() {
            return json.path("peer_verdict").asText();
        }
    }

    static List<Entry> entries() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<Entry> out = new ArrayList<>();
        for (String corpus : List.of("formats", "other")) {
            Path root = TestData.require(corpus);
            Path json = root.resolve("expected.json");
            if (!Files.exists(json)) {
                continue;
            }
            for (JsonNode e : mapper.readTree(json.toFile())) {
                if ("FORM".equals(e.path("header_as_parsed").path("container").asText())) {
                    out.add(new Entry(root, e));
                }
            }
        }
        return out;
    }

    private static Stream<Arguments> named(java.util.function.Predicate<Entry> which) throws IOException {
        return entries().stream().filter(which).map(e -> Arguments.of(Named.of(e.file(), e)));
    }

    static Stream<Arguments> accepted() throws IOException {
        return named(e -> !mustNotCrash(e) && !REFUSED_COMPRESSION.containsKey(e.file()));
    }

    static Stream<Arguments> refused() throws IOException {
        return named(e -> REFUSED_COMPRESSION.containsKey(e.file()));
    }

    static Stream<Arguments> fuzzed() throws IOException {
        return named(AiffCorpusTest::mustNotCrash);
    }

    private static boolean mustNotCrash(Entry e) {
        return e.verdict().startsWith("must not");
    }

    @Test
    void theCorpusHoldsTheAiffFilesItDocuments() throws IOException {
        List<Entry> all = entries();
        assertThat(all).hasSizeGreaterThanOrEqualTo(MIN_ENTRIES);
        assertThat(all).extracting(Entry::file).containsAll(TRUNCATED_FRAMES.keySet()).containsAll(REFUSED_COMPRESSION.keySet());
    }

    @ParameterizedTest
    @MethodSource("accepted")
    void readsFormatFramesAndSamplesAsThePeerAsserts(Entry e) throws IOException {
        AudioFile f = AudioFiles.open(e.path());
        AudioFormat fmt = f.format();
        JsonNode x = e.expected();
        JsonNode h = e.header();

        assertThat(fmt.kind()).isEqualTo("AIFC".equals(h.path("form_type").asText()) ? FileKind.AIFC : FileKind.AIFF);
        assertThat(fmt.sampleRate()).isEqualTo(e.json().path("sample_rate").asDouble());
        assertThat(fmt.channels()).isEqualTo(e.json().path("channels").asInt());
        assertEncoding(fmt, e.json().path("format").asText(), e.json().path("bits").asInt());
        long declared = h.path("comm_sample_frames").asLong();
        assertThat(f.declaredFrames()).isEqualTo(declared);
        for (String key : List.of("frames", "sample_frames")) {
            if (x.has(key)) {
                assertThat(f.declaredFrames()).as(key).isEqualTo(x.get(key).asLong());
            }
        }
        if (x.has("samples_total")) {
            assertThat(f.declaredFrames() * fmt.channels()).isEqualTo(x.get("samples_total").asLong());
        }
        assertThat(f.frames()).isEqualTo(TRUNCATED_FRAMES.getOrDefault(e.file(), declared));
        if (x.has("duration_ns")) {
            assertThat(f.durationSeconds()).isCloseTo(x.get("duration_ns").asLong() * 1e-9, within(1e-9));
        }

        double[][] samples = Audio.readAll(f, 333);
        assertThat(samples[0]).hasSize((int) f.frames());
        assertSamples(e, fmt, samples);
        assertThat(readFromStream(e)).as("the same samples from a one-shot stream").isDeepEqualTo(samples);
    }

    private static void assertEncoding(AudioFormat fmt, String format, int bits) {
        switch (format) {
            case "aifc-alaw":
            case "aifc-ALAW":
                assertThat(fmt.encoding()).isEqualTo(SampleEncoding.ALAW);
                assertThat(fmt.bitsPerSample()).isEqualTo(8);
                break;
            case "aifc-ulaw":
            case "aifc-ULAW":
                assertThat(fmt.encoding()).isEqualTo(SampleEncoding.ULAW);
                assertThat(fmt.bitsPerSample()).isEqualTo(8);
                break;
            case "aifc-sowt":
                assertThat(fmt.bigEndian()).isFalse();
                assertThat(fmt.encoding()).isEqualTo(SampleEncoding.PCM_SIGNED);
                assertThat(fmt.validBits()).isEqualTo(bits);
                break;
            default:
                assertThat(format).isEqualTo("pcm");
                assertThat(fmt.bigEndian()).isTrue();
                assertThat(fmt.encoding()).isEqualTo(SampleEncoding.PCM_SIGNED);
                assertThat(fmt.validBits()).isEqualTo(bits);
                break;
        }
    }

    /** The peer's integer samples: at the file's bit depth, or as 16-bit linear for G.711. */
    private static void assertSamples(Entry e, AudioFormat fmt, double[][] samples) {
        JsonNode x = e.expected();
        if (x.has("first_8_frames")) {
            assertFrames(x.get("first_8_frames"), samples, fmt.validBits());
        }
        if (x.has("first_8_frames_decoded_16bit")) {
            assertFrames(x.get("first_8_frames_decoded_16bit"), samples, 16);
        }
        if (x.has("first_samples")) {
            JsonNode first = x.get("first_samples");
            assertThat(fmt.channels()).isEqualTo(1);
            for (int i = 0; i < first.size(); i++) {
                assertThat(Math.scalb(samples[0][i], fmt.validBits() - 1)).as("sample %d", i).isEqualTo(first.get(i).asDouble());
            }
        }
    }

    private static void assertFrames(JsonNode frames, double[][] samples, int bits) {
        assertThat(frames.size()).isPositive();
        for (int n = 0; n < frames.size(); n++) {
            for (int c = 0; c < frames.get(n).size(); c++) {
                assertThat(Math.scalb(samples[c][n], bits - 1)).as("frame %d channel %d", n, c)
                        .isEqualTo(frames.get(n).get(c).asDouble());
            }
        }
    }

    private static double[][] readFromStream(Entry e) throws IOException {
        try (InputStream in = Files.newInputStream(e.path())) {
            return Audio.readAll(AudioFiles.open(in, e.file()), 1000);
        }
    }

    @ParameterizedTest
    @MethodSource("refused")
    void refusesPrivateCompressionTypesNamingThem(Entry e) {
        AudioFileException x = catchThrowableOfType(AudioFileException.class, () -> AudioFiles.open(e.path()));

        assertThat(x).isNotNull();
        assertThat(x.kind()).isEqualTo(AudioFileException.Kind.UNSUPPORTED);
        assertThat(x.chunk()).contains("COMM");
        assertThat(x.getMessage()).contains("'" + REFUSED_COMPRESSION.get(e.file()) + "'");
    }

    @ParameterizedTest
    @MethodSource("fuzzed")
    void fuzzedFilesEndQuicklyWithATypedError(Entry e) {
        AudioFileException x = assertTimeoutPreemptively(MUST_NOT_CRASH_BOUND,
                () -> catchThrowableOfType(AudioFileException.class, () -> Audio.readAll(AudioFiles.open(e.path()))));

        assertThat(x).as("a typed error, not a crash or a success").isNotNull();
        assertThat(x.kind()).isIn(AudioFileException.Kind.NOT_AUDIO, AudioFileException.Kind.CORRUPT);
        assertThat(x.getMessage()).contains(e.path().toString());
    }
}
