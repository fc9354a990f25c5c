package org.stemcheck.io.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.stemcheck.io.testing.Heads.ascii;
import static org.stemcheck.io.testing.Heads.concat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.FileKind;
import org.stemcheck.io.testing.Heads;
import org.stemcheck.io.testing.TestData;

class SnifferTest {

    private static FileKind sniff(byte[] b) {
        return Sniffer.sniff(b, b.length);
    }

    static Stream<Arguments> recognised() {
        return Stream.of(
                Arguments.of("RIFF/WAVE", Heads.riff("RIFF", "WAVE"), FileKind.WAV),
                Arguments.of("RIFX/WAVE", Heads.riff("RIFX", "WAVE"), FileKind.RIFX),
                Arguments.of("RF64/WAVE", Heads.riff("RF64", "WAVE"), FileKind.RF64),
                Arguments.of("BW64/WAVE", Heads.riff("BW64", "WAVE"), FileKind.BW64),
                Arguments.of("FORM/AIFF", Heads.form("AIFF"), FileKind.AIFF),
                Arguments.of("FORM/AIFC", Heads.form("AIFC"), FileKind.AIFC),
                Arguments.of("ID3 tag then MPEG frames", concat(Heads.id3(20), Heads.mpegFrames(Heads.MP3_HEADER, 417, 2)),
                        FileKind.MP3),
                Arguments.of("ID3 tag longer than the head", Heads.id3(100_000), FileKind.MP3),
                Arguments.of("two MPEG-1 layer III frames", Heads.mpegFrames(Heads.MP3_HEADER, Heads.MP3_FRAME, 2),
                        FileKind.MP3),
                Arguments.of("two MPEG-2 layer III frames", Heads.mpegFrames(Heads.MP3_LSF_HEADER, Heads.MP3_LSF_FRAME, 3),
                        FileKind.MP3),
                Arguments.of("zero bytes, then MPEG frames", concat(new byte[300], Heads.mpegFrames(Heads.MP3_HEADER, 417, 2)),
                        FileKind.MP3),
                Arguments.of("a file of one MPEG frame", Heads.mpegFrames(Heads.MP3_HEADER, Heads.MP3_FRAME, 1),
                        FileKind.MP3),
                Arguments.of("two ADTS frames", Heads.adts(2), FileKind.AAC),
                Arguments.of("ID3 tag then ADTS", concat(Heads.id3(10), Heads.adts(1)), FileKind.AAC),
                Arguments.of("M4A", Heads.ftyp("M4A "), FileKind.MP4),
                Arguments.of("MP4", Heads.ftyp("mp42"), FileKind.MP4),
                Arguments.of("Ogg", Heads.ogg(), FileKind.OGG),
                Arguments.of("FLAC", Heads.flac(), FileKind.FLAC),
                Arguments.of("ID3 tag then FLAC", concat(Heads.id3(16), Heads.flac()), FileKind.FLAC),
                Arguments.of("empty", new byte[0], FileKind.EMPTY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recognised")
    void recognisesEachKindByItsSignature(String what, byte[] head, FileKind kind) {
        assertThat(sniff(head)).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recognised")
    void aHeaderCutAfter1To11BytesIsNotAudioAndNeverThrows(String what, byte[] head, FileKind kind) {
        for (int n = 1; n <= Math.min(11, head.length); n++) {
            byte[] cut = Arrays.copyOf(head, n);
            assertThat(sniff(cut)).as("%s cut to %d bytes", what, n).isEqualTo(FileKind.NOT_AUDIO);
            // The same bytes at the front of a larger, zero-filled buffer: only `length` counts.
            assertThat(Sniffer.sniff(Arrays.copyOf(cut, 64), n)).isEqualTo(FileKind.NOT_AUDIO);
        }
    }

    static Stream<Arguments> notAudio() {
        byte[] png = concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13},
                ascii("IHDR"), new byte[17]);
        byte[] loneMpegHeader = concat(Heads.MP3_HEADER, new byte[1000]);
        byte[] loneAdtsHeader = concat(Arrays.copyOf(Heads.adts(1), 7), new byte[1000]);
        byte[] mismatchedSecondFrame = concat(Heads.MP3_HEADER, new byte[Heads.MP3_FRAME - 4], Heads.MP3_LSF_HEADER,
                new byte[300]);
        return Stream.of(
                Arguments.of("a text file", ascii("Delivery notes: stems are 48k/24-bit, see the PDF.\n")),
                Arguments.of("a PNG image", png),
                Arguments.of("an AVI (RIFF but not WAVE)", Heads.riff("RIFF", "AVI ")),
                Arguments.of("a FORM that is not AIFF (8SVX)", Heads.form("8SVX")),
                Arguments.of("a HEIC photo (ftyp heic)", Heads.ftyp("heic")),
                Arguments.of("ID3 with an invalid size byte", concat(ascii("ID3"), new byte[] {4, 0, 0, 0, 0, (byte) 0x80, 0})),
                Arguments.of("fLaC without STREAMINFO", concat(ascii("fLaC"), new byte[] {4, 0, 0, 34}, new byte[34])),
                Arguments.of("OggS with version 1", concat(ascii("OggS"), new byte[] {1}, new byte[40])),
                Arguments.of("one MPEG frame header then zeros", loneMpegHeader),
                Arguments.of("one ADTS header then zeros", loneAdtsHeader),
                Arguments.of("an MPEG-1 header followed by an MPEG-2 one", mismatchedSecondFrame),
                Arguments.of("a free-format MPEG header", concat(new byte[] {(byte) 0xFF, (byte) 0xFB, 0x00, 0x64}, new byte[500])),
                Arguments.of("0xFF bytes", filled(4096, 0xFF)),
                Arguments.of("zero bytes", new byte[4096]));
    }

    private static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notAudio")
    void callsOtherFilesNotAudio(String what, byte[] head) {
        assertThat(sniff(head)).isEqualTo(FileKind.NOT_AUDIO);
    }

    @Test
    void randomBytesAreNotAudioEvenBehindAnMpegOrAdtsSync() {
        Random random = new Random(20240611);
        byte[] b = new byte[Sniffer.HEAD_BYTES];
        for (int i = 0; i < 2000; i++) {
            random.nextBytes(b);
            assertThat(sniff(b)).as("random head %d", i).isEqualTo(FileKind.NOT_AUDIO);
            System.arraycopy(Heads.MP3_HEADER, 0, b, 0, 4);
            assertThat(sniff(b)).as("MPEG header and random bytes %d", i).isEqualTo(FileKind.NOT_AUDIO);
            System.arraycopy(Heads.adts(1), 0, b, 0, 7);
            assertThat(sniff(b)).as("ADTS header and random bytes %d", i).isEqualTo(FileKind.NOT_AUDIO);
        }
    }

    @Test
    void aSecondFrameBeyondTheBytesGivenIsNoEvidence() {
        byte[] twoFrames = Heads.mpegFrames(Heads.MP3_HEADER, Heads.MP3_FRAME, 2);
        assertThat(Sniffer.sniff(twoFrames, 64)).isEqualTo(FileKind.NOT_AUDIO);
        assertThat(Sniffer.sniff(twoFrames, Heads.MP3_FRAME + 4)).isEqualTo(FileKind.MP3);
    }

    @Test
    void toleratesALengthLargerThanTheArray() {
        assertThatCode(() -> Sniffer.sniff(new byte[] {(byte) 0xFF, (byte) 0xFB}, 4096)).doesNotThrowAnyException();
        assertThat(AudioFiles.sniff(Heads.riff("RIFF", "WAVE"), 10_000)).isEqualTo(FileKind.WAV);
    }

    @Test
    void theCorpusAviIsNotAudio() throws IOException {
        Path avi = TestData.require("formats/go-audio-wav/sample.avi");
        assertThat(AudioFiles.sniff(avi)).isEqualTo(FileKind.NOT_AUDIO);
    }
}
