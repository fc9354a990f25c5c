package org.stemcheck.io.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFileException;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.SampleStream;

/**
 * Hand-minimised versions of the bugs the fuzz campaigns found (docs/robustness.md), each named
 * for what the fixed reader must do. The fuzzer's own crash inputs sit beside the seeds and are
 * replayed by the fuzz tests.
 */
class FuzzFindingsTest {

    @Test
    void g711WithMoreThan8BitsIsRefusedAtOpenNotAtStreaming() {
        byte[] wav = RiffBytes.riff()
                .chunk("fmt ", RiffBytes.fmt(7, 1, 8000, 32, false))
                .chunk("data", RiffBytes.samples(2, 1, 4)).build();

        assertThatThrownBy(() -> open(wav))
                .isInstanceOf(AudioFileException.class)
                .hasMessageContaining("G.711").hasMessageContaining("8 are defined");
    }

    @Test
    void aSecondFmtChunkAfterTheAudioDoesNotChangeTheFormat() throws IOException {
        byte[] wav = RiffBytes.riff()
                .chunk("fmt ", RiffBytes.fmt(1, 1, 48000, 16, false))
                .chunk("data", RiffBytes.samples(4, 1, 2))
                .chunk("fmt ", RiffBytes.fmt(1, 1, 44100, 16, false)).build();

        ParserProperty.Outcome o = ParserProperty.check(wav);

        assertThat(o.fromPath().format().sampleRate()).isEqualTo(48000.0);
        assertThat(o.fromStream().format().sampleRate()).isEqualTo(48000.0);
        assertThat(o.fromPath().warnings()).anyMatch(w -> w.contains("second 'fmt '"));
    }

    @Test
    void aChunkAfterADataChunkOfPartialFrameSizeIsReadAtTheEndOfAStream() throws IOException {
        // 7 data bytes of 16-bit mono: 3 whole frames and half a frame, then the pad byte.
        byte[] wav = RiffBytes.riff()
                .chunk("fmt ", RiffBytes.fmt(1, 1, 48000, 16, false))
                .chunk("data", RiffBytes.samples(7, 1, 1))
                .chunk("bext", FuzzSeeds.bext(1, 4242L, "")).build();

        AudioFile f = AudioFiles.open(new ByteArrayInputStream(wav), "partial-frame");
        try (SampleStream s = f.openStream()) {
            double[][] block = new double[1][16];
            assertThat(s.read(block, 0, 16)).isEqualTo(3);
            assertThat(s.read(block, 0, 16)).isZero();
        }

        assertThat(f.metadata().timeReference()).contains(4242L);
        assertThat(ParserProperty.check(wav).metadata().timeReference()).contains(4242L);
    }

    @Test
    void rf64ChunkAfterDs64IsRead() throws IOException {
        AudioFile f = open(FuzzSeeds.wav().get("bw64-pcm16-stereo.wav"));

        assertThat(f.format().channels()).isEqualTo(2);
        assertThat(f.frames()).isEqualTo(5);
        assertThat(f.metadata().chunks()).extracting(c -> c.id()).containsExactly("ds64", "fmt ", "data");
    }

    @Test
    void aFlacOfUnknownLengthThatFailsWhileStreamingHasNoFrameCountToHoldItTo() throws IOException {
        // Found by FlacFuzzTest #1 (crash-60a41906...): a FLAC whose STREAMINFO total is 0 and whose
        // second frame is damaged. Its path open decodes every frame (the total is unknown) and
        // refuses the file there; its one-shot stream delivers the first frame, then fails. Its
        // frames() stays 0 (nothing declared, and the stream did not end), which the property had
        // wrongly required to bound the frames delivered.
        int[][] x = new int[1][1000];
        for (int i = 0; i < x[0].length; i++) {
            x[0][i] = (int) (3000 * Math.sin(i * 0.05));
        }
        byte[] flac = org.stemcheck.io.testing.FlacWriter.defaults().blockSize(500).totalKnown(false)
                .encode(44100, 16, x);
        flac[flac.length - 1] ^= 0x20; // the second (last) frame's CRC-16

        ParserProperty.Outcome o = ParserProperty.check(flac);

        assertThat(o.fromPath()).isNull();
        assertThat(o.fromStream()).isNotNull();
        assertThat(o.streamEnded()).isFalse();
        assertThat(o.fromStream().frames()).isZero();
    }

    @Test
    void aChnaChunkTooShortForItsCountsStillMarksTheFileAsAdm() throws IOException {
        // Found by AdmFuzzTest #1 (crash-0cb212a4...): a 3-byte chna chunk after the audio. The
        // reader warned and dropped it, so the file did not read as ADM although it has a chna
        // chunk; it now reads as ADM with no known track, and the warning stays.
        byte[] wav = RiffBytes.riff().chunk("fmt ", RiffBytes.fmt(1, 1, 48000, 16, false))
                .chunk("data", RiffBytes.samples(4, 1, 2)).chunk("chna", new byte[] {6, 0, 6}).build();

        AudioFile f = open(wav);

        assertThat(f.metadata().adm()).hasValueSatisfying(a -> {
            assertThat(a.hasChna()).isTrue();
            assertThat(a.tracks()).isEmpty();
        });
        assertThat(f.warnings()).anyMatch(w -> w.contains("chna chunk of 3 bytes is too short"));
    }

    @Test
    void aFlacStreamThatEndsInsideAnApplicationBlocksIdIsACorruptFileNotAPlainEndOfInput() throws IOException {
        // Found by SniffFuzzTest #3 (crash-7503bb3e...): an APPLICATION block of 8 bytes whose
        // stream ends after 1 byte of its 4-byte id. From a path the block's length is checked
        // against the file's size; from a stream the id was read with readFully, whose
        // EOFException escaped as a plain IOException instead of the file's AudioFileException.
        byte[] valid = org.stemcheck.io.testing.FlacWriter.defaults().encode(44100, 16, new int[][] {new int[64]});
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.write(valid, 0, 4);                       // fLaC
        b.write(new byte[] {0x00, 0, 0, 34});       // STREAMINFO, not the last block
        b.write(valid, 8, 34);
        b.write(new byte[] {(byte) 0x82, 0, 0, 8}); // the last block: APPLICATION, 8 bytes
        b.write('R');                               // ... of which 1 arrives

        assertThatThrownBy(() -> AudioFiles.open(new ByteArrayInputStream(b.toByteArray()), "finding"))
                .isInstanceOf(AudioFileException.class).hasMessageContaining("APPLICATION");
    }

    private static AudioFile open(byte[] bytes) throws IOException {
        AudioFile f = AudioFiles.open(new ByteArrayInputStream(bytes), "finding");
        try (SampleStream s = f.openStream()) {
            double[][] block = new double[f.format().channels()][64];
            while (s.read(block, 0, 64) > 0) {
                // drain
            }
        }
        return f;
    }
}
