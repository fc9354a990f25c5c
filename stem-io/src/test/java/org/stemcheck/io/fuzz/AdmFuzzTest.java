package org.stemcheck.io.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.stemcheck.io.Adm;
import org.stemcheck.io.AudioFile;
import org.stemcheck.io.Metadata;

/**
 * Coverage-guided fuzzing of the ADM chunk readers ({@code chna}, ITU-R BS.2088; {@code axml},
 * BS.2076): the fuzz bytes become one ADM chunk's payload inside an otherwise valid WAV.
 *
 * <p>Input layout: byte 0 selects the chunk ({@code & 1}: chna, axml) and places it after the
 * audio ({@code & 2}, read at the end of a stream); the rest is the payload.
 *
 * <p>Besides {@link ParserProperty}: the file always opens, the ADM is reported, a chna chunk
 * yields no more tracks than its payload holds 40-byte entries for (and none with index 0), and
 * an axml chunk yields at most {@link Adm#MAX_ENTRIES} channel formats, each name at most 128
 * characters, one ID per name.
 */
class AdmFuzzTest {

    static final int CHNA = 0;
    static final int AXML = 1;
    private static final String[] IDS = {"chna", "axml"};

    @FuzzTest(maxDuration = "10m")
    void admPayload(byte[] data) {
        if (data.length == 0 || data.length > ParserProperty.MAX_INPUT_BYTES) {
            return;
        }
        int selector = data[0] & 0xFF;
        String id = IDS[selector & 1];
        byte[] payload = Arrays.copyOfRange(data, 1, data.length);
        boolean afterData = (selector & 2) != 0;
        RiffBytes f = RiffBytes.riff();
        f.chunk("fmt ", RiffBytes.fmt(1, 1, 48000, 16, false));
        if (!afterData) {
            f.chunk(id, payload);
        }
        f.chunk("data", RiffBytes.samples(4, 1, 2));
        if (afterData) {
            f.chunk(id, payload);
        }

        ParserProperty.Outcome outcome = ParserProperty.check(f.build());

        AudioFile file = outcome.fromPath();
        assertThat(file).as("a valid WAV with any %s payload opens", id).isNotNull();
        Metadata meta = outcome.metadata();
        Adm adm = meta.adm().orElseThrow();
        if (id.equals("chna")) {
            assertThat(adm.hasChna()).isTrue();
            assertThat(adm.tracks().size()).isLessThanOrEqualTo(Math.max(0, (payload.length - 4) / 40));
            assertThat(adm.tracks()).allSatisfy(t -> assertThat(t.trackIndex()).isBetween(1, 0xFFFF));
        } else {
            assertThat(adm.hasAxml()).isTrue();
            assertThat(adm.channelFormats().size()).isLessThanOrEqualTo(Adm.MAX_ENTRIES)
                    .isEqualTo(adm.channelFormatIds().size());
            assertThat(adm.channelFormats()).allSatisfy(n -> assertThat(n.length()).isLessThanOrEqualTo(128));
            assertThat(adm.trackUidRefs().size()).isLessThanOrEqualTo(Adm.MAX_ENTRIES);
            assertThat(adm.trackUidRefs()).allSatisfy(u -> assertThat(u.length()).isBetween(1, 64));
        }
    }

    /** A fuzz input: the selector byte for these options, then {@code payload}. */
    static byte[] input(int chunk, boolean afterData, byte[] payload) {
        byte[] b = new byte[payload.length + 1];
        b[0] = (byte) (chunk | (afterData ? 2 : 0));
        System.arraycopy(payload, 0, b, 1, payload.length);
        return b;
    }
}
