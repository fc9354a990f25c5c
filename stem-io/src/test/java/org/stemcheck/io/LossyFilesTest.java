package org.stemcheck.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.stemcheck.io.testing.Heads.ascii;
import static org.stemcheck.io.testing.Heads.concat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stemcheck.io.testing.Heads;

/** Opening a file that is not PCM audio says what it is: lossy, empty or not audio. */
class LossyFilesTest {

    @TempDir
    Path dir;

    private AudioFileException openFails(String name, byte[] bytes) throws IOException {
        // Named .wav on purpose: the content decides, never the extension.
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return catchThrowableOfType(AudioFileException.class, () -> AudioFiles.open(p));
    }

    static Stream<Arguments> lossy() {
        return Stream.of(
                Arguments.of("mp3", concat(Heads.id3(32), Heads.mpegFrames(Heads.MP3_HEADER, Heads.MP3_FRAME, 3)), FileKind.MP3),
                Arguments.of("bare mp3", Heads.mpegFrames(Heads.MP3_HEADER, Heads.MP3_FRAME, 3), FileKind.MP3),
                Arguments.of("aac", Heads.adts(5), FileKind.AAC),
                Arguments.of("m4a", concat(Heads.ftyp("M4A "), new byte[200]), FileKind.MP4),
                Arguments.of("ogg", Heads.ogg(), FileKind.OGG));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lossy")
    void namesALossyFileAsLossyWithItsKind(String what, byte[] bytes, FileKind kind) throws IOException {
        AudioFileException e = openFails("Bass.wav", bytes);

        assertThat(e.kind()).isEqualTo(AudioFileException.Kind.LOSSY);
        assertThat(e.fileKind()).contains(kind);
        assertThat(e.getMessage()).contains("Bass.wav").contains(kind.displayName());
    }

    @Test
    void aFlacHeadOfZerosIsACorruptFlacNotUnsupportedOrLossy() throws IOException {
        // FLAC is read now (FlacReaderTest); this head's STREAMINFO says a maximum block size of 0.
        AudioFileException e = openFails("Bass.wav", concat(Heads.flac(), new byte[100]));

        assertThat(e.kind()).isEqualTo(AudioFileException.Kind.CORRUPT);
        assertThat(e.fileKind()).contains(FileKind.FLAC);
        assertThat(e.chunk()).contains("STREAMINFO");
        assertThat(e.offset()).hasValue(4);
        assertThat(e.getMessage()).contains("FLAC maximum block size 0");
    }

    @Test
    void namesEmptyAndNonAudioFiles() throws IOException {
        assertThat(openFails("empty.wav", new byte[0]).kind()).isEqualTo(AudioFileException.Kind.EMPTY);
        assertThat(openFails("notes.wav", ascii("stems attached, mix is -14 LUFS\n")).kind())
                .isEqualTo(AudioFileException.Kind.NOT_AUDIO);
    }

    /**
     * A WAV whose fmt chunk is MPEGLAYER3WAVEFORMAT (format tag 0x0055; field layout from the
     * Windows SDK's mmreg.h) and whose data chunk holds MP3 frames: a ".wav" that is an MP3.
     */
    static byte[] mp3InWav() {
        byte[] frames = Heads.mpegFrames(Heads.MP3_HEADER, Heads.MP3_FRAME, 2);
        byte[] fmt = concat(
                le(0x0055, 2), le(2, 2), le(44100, 4), le(16000, 4), le(1, 2), le(0, 2), // WAVEFORMATEX
                le(12, 2),                                                                 // cbSize
                le(1, 2), le(2, 4), le(Heads.MP3_FRAME, 2), le(1, 2), le(1393, 2));       // MPEGLAYER3 fields
        byte[] body = concat(ascii("WAVE"),
                ascii("fmt "), le(fmt.length, 4), fmt,
                ascii("fact"), le(4, 4), le(2304, 4),
                ascii("data"), le(frames.length, 4), frames, new byte[frames.length & 1]);
        return concat(ascii("RIFF"), le(body.length, 4), body);
    }

    private static byte[] le(long v, int bytes) {
        byte[] b = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }

    @Test
    void recognisesMp3InsideAWavContainer() throws IOException {
        byte[] file = mp3InWav();
        assertThat(AudioFiles.sniff(file, file.length)).isEqualTo(FileKind.WAV);

        AudioFileException e = openFails("Vocals.wav", file);

        assertThat(e.kind()).isEqualTo(AudioFileException.Kind.LOSSY);
        assertThat(e.fileKind()).contains(FileKind.MP3);
        assertThat(e.chunk()).contains("fmt ");
        assertThat(e.offset()).hasValue(12);
        assertThat(e.getMessage()).contains("0x0055");
    }

    @Test
    void recognisesLossyFilesFromAStreamToo() {
        byte[] mp3 = Heads.mpegFrames(Heads.MP3_HEADER, Heads.MP3_FRAME, 3);
        AudioFileException e = catchThrowableOfType(AudioFileException.class,
                () -> AudioFiles.open(new ByteArrayInputStream(mp3), "upload"));
        assertThat(e.kind()).isEqualTo(AudioFileException.Kind.LOSSY);
        assertThat(e.fileKind()).contains(FileKind.MP3);
    }
}
