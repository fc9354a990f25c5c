package org.stemcheck.io.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Arrays;
import java.util.Optional;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.stemcheck.io.AudioFile;
import org.stemcheck.io.ChunkInfo;
import org.stemcheck.io.IXml;
import org.stemcheck.io.Metadata;

/**
 * Coverage-guided fuzzing of the WAV metadata parsers (bext, iXML, LIST, cue) and of
 * {@link IXml#parse(String)}: the fuzz bytes become one metadata chunk's payload inside an
 * otherwise valid WAV, so every input reaches the chunk parser.
 *
 * <p>Input layout: byte 0 selects the chunk ({@code & 3}: bext, iXML, LIST, cue), big-endian RIFX
 * ({@code & 4}), the chunk placed after the audio ({@code & 8}, read at the end of a stream) and
 * an odd-sized chunk written without its pad byte ({@code & 16}); the rest is the payload.
 *
 * <p>Besides {@link ParserProperty}: the file always opens (the container is valid whatever the
 * payload), the chunk is listed with its size, a bext of at least 346 bytes yields its
 * TimeReference, the cue points that fit are all read, and {@code IXml.parse} on the iXML text
 * returns a document or throws {@code IllegalArgumentException}.
 */
class MetadataFuzzTest {

    static final int BEXT = 0;
    static final int IXML = 1;
    static final int LIST = 2;
    static final int CUE = 3;
    private static final String[] IDS = {"bext", "iXML", "LIST", "cue "};
    /** bext TimeReference field: offset 338, 8 bytes little-endian (EBU Tech 3285 v2 section 2.3). */
    private static final int BEXT_TIME_REFERENCE = 338;

    @FuzzTest(maxDuration = "10m")
    void chunkPayload(byte[] data) {
        if (data.length == 0 || data.length > ParserProperty.MAX_INPUT_BYTES) {
            return;
        }
        int selector = data[0] & 0xFF;
        String id = IDS[selector & 3];
        boolean rifx = (selector & 4) != 0;
        byte[] payload = Arrays.copyOfRange(data, 1, data.length);
        byte[] wav = wav(id, payload, rifx, (selector & 8) != 0, (selector & 16) != 0);

        ParserProperty.Outcome outcome = ParserProperty.check(wav);

        AudioFile f = outcome.fromPath();
        assertThat(f).as("a valid WAV with any %s payload opens", id).isNotNull();
        assertThat(outcome.fromStream()).isNotNull();
        Metadata meta = outcome.metadata();
        assertThat(meta.chunks()).extracting(ChunkInfo::id).contains(id);
        switch (id) {
            case "bext":
                checkBext(meta, payload);
                break;
            case "iXML":
                checkIxml(meta);
                break;
            case "cue ":
                checkCue(meta, payload, rifx);
                break;
            default:
                assertThat(meta.info()).doesNotContainValue(null);
                break;
        }
    }

    private static void checkBext(Metadata meta, byte[] payload) {
        if (payload.length < BEXT_TIME_REFERENCE + 8) {
            assertThat(meta.bext()).isEmpty();
            return;
        }
        long expected = 0;
        for (int i = 7; i >= 0; i--) {
            expected = (expected << 8) | (payload[BEXT_TIME_REFERENCE + i] & 0xFF);
        }
        assertThat(meta.timeReference()).contains(expected);
    }

    private static void checkIxml(Metadata meta) {
        Optional<String> text = meta.ixml();
        assertThat(text).isPresent();
        assertThatCode(() -> {
            try {
                assertThat(IXml.parse(text.get())).isNotNull();
            } catch (IllegalArgumentException notWellFormed) {
                assertThat(notWellFormed.getMessage()).isNotBlank();
            }
        }).doesNotThrowAnyException();
    }

    private static void checkCue(Metadata meta, byte[] payload, boolean be) {
        if (payload.length < 4) {
            assertThat(meta.cues()).isEmpty();
            return;
        }
        long count = be
                ? ((payload[0] & 0xFFL) << 24 | (payload[1] & 0xFF) << 16 | (payload[2] & 0xFF) << 8 | (payload[3] & 0xFF))
                : ((payload[3] & 0xFFL) << 24 | (payload[2] & 0xFF) << 16 | (payload[1] & 0xFF) << 8 | (payload[0] & 0xFF));
        assertThat((long) meta.cues().size()).isEqualTo(Math.min(count, (payload.length - 4) / 24));
    }

    /** A fuzz input: the selector byte for these options, then {@code payload}. */
    static byte[] input(int chunk, boolean rifx, boolean afterData, byte[] payload) {
        byte[] b = new byte[payload.length + 1];
        b[0] = (byte) (chunk | (rifx ? 4 : 0) | (afterData ? 8 : 0));
        System.arraycopy(payload, 0, b, 1, payload.length);
        return b;
    }

    private static byte[] wav(String id, byte[] payload, boolean rifx, boolean afterData, boolean noPad) {
        RiffBytes f = rifx ? RiffBytes.rifx() : RiffBytes.riff();
        f.chunk("fmt ", RiffBytes.fmt(1, 1, 48000, 16, rifx));
        if (!afterData) {
            f.chunk(id, payload.length, payload, !noPad);
        }
        f.chunk("data", RiffBytes.samples(4, 1, 2));
        if (afterData) {
            f.chunk(id, payload.length, payload, !noPad);
        }
        return f.build();
    }
}
