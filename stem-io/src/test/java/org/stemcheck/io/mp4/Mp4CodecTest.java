package org.stemcheck.io.mp4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.io.AudioFileException;
import org.stemcheck.io.AudioFileException.Kind;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.FileKind;

/**
 * An MP4/M4A is refused with its codec named: AAC and other lossy codecs as {@code LOSSY}, Apple
 * Lossless, FLAC and PCM in MP4 as {@code UNSUPPORTED}; crafted box sizes end the walk quietly.
 * The files are built box by box (ISO/IEC 14496-12), with the sample description at the end of
 * the path moov/trak/mdia/minf/stbl/stsd.
 */
class Mp4CodecTest {

    @TempDir
    Path dir;

    private static byte[] box(String type, byte[]... body) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int size = 8;
        for (byte[] x : body) {
            size += x.length;
        }
        b.writeBytes(new byte[] {(byte) (size >>> 24), (byte) (size >>> 16), (byte) (size >>> 8), (byte) size});
        b.writeBytes(type.getBytes(StandardCharsets.ISO_8859_1));
        for (byte[] x : body) {
            b.writeBytes(x);
        }
        return b.toByteArray();
    }

    private static byte[] track(String handler, String codec) {
        byte[] hdlr = box("hdlr", new byte[8], handler.getBytes(StandardCharsets.ISO_8859_1), new byte[12]);
        byte[] stsd = box("stsd", new byte[] {0, 0, 0, 0, 0, 0, 0, 1}, box(codec, new byte[28]));
        return box("trak", box("tkhd", new byte[84]), box("mdia", box("mdhd", new byte[24]), hdlr,
                box("minf", box("smhd", new byte[8]), box("stbl", stsd, box("stts", new byte[8])))));
    }

    private static byte[] m4a(byte[]... tracks) {
        byte[] ftyp = box("ftyp", "M4A ".getBytes(StandardCharsets.ISO_8859_1), new byte[4],
                "M4A isom".getBytes(StandardCharsets.ISO_8859_1));
        ByteArrayOutputStream moov = new ByteArrayOutputStream();
        for (byte[] t : tracks) {
            moov.writeBytes(t);
        }
        return concat(ftyp, box("mdat", new byte[300]), box("moov", box("mvhd", new byte[100]), moov.toByteArray()));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    private AudioFileException refused(byte[] bytes) throws IOException {
        Path p = dir.resolve("Bass.m4a");
        Files.write(p, bytes);
        AudioFileException fromPath = catchThrowableOfType(AudioFileException.class, () -> AudioFiles.open(p));
        AudioFileException fromStream = catchThrowableOfType(AudioFileException.class,
                () -> AudioFiles.open(new ByteArrayInputStream(bytes), p.toString()));
        assertThat(fromPath.fileKind()).contains(FileKind.MP4);
        assertThat(fromStream.getMessage()).isEqualTo(fromPath.getMessage());
        assertThat(fromStream.kind()).isEqualTo(fromPath.kind());
        return fromPath;
    }

    @Test
    void aacIsLossyAndNamed() throws IOException {
        AudioFileException e = refused(m4a(track("soun", "mp4a")));
        assertThat(e.kind()).isEqualTo(Kind.LOSSY);
        assertThat(e.getMessage()).contains("holding AAC ('mp4a'): a lossy codec");
        assertThat(e.chunk()).contains("stsd");
    }

    @Test
    void appleLosslessIsUnsupportedWithWhatToDo() throws IOException {
        AudioFileException e = refused(m4a(track("soun", "alac")));
        assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED);
        assertThat(e.getMessage()).contains("Apple Lossless (ALAC) in an M4A container is not read; export WAV or FLAC");
    }

    @Test
    void flacAndPcmInMp4AreUnsupportedOtherCodecsLossyByTheirFourcc() throws IOException {
        assertThat(refused(m4a(track("soun", "fLaC"))).kind()).isEqualTo(Kind.UNSUPPORTED);
        AudioFileException pcm = refused(m4a(track("soun", "twos")));
        assertThat(pcm.kind()).isEqualTo(Kind.UNSUPPORTED);
        assertThat(pcm.getMessage()).contains("uncompressed PCM ('twos')");
        AudioFileException opus = refused(m4a(track("soun", "Opus")));
        assertThat(opus.kind()).isEqualTo(Kind.LOSSY);
        assertThat(opus.getMessage()).contains("Opus");
        AudioFileException odd = refused(m4a(track("soun", "zzzz")));
        assertThat(odd.kind()).isEqualTo(Kind.LOSSY);
        assertThat(odd.getMessage()).contains("'zzzz' audio, a codec stemcheck does not know");
    }

    @Test
    void theSoundTrackIsFoundBehindAVideoTrack() throws IOException {
        AudioFileException e = refused(m4a(track("vide", "avc1"), track("soun", "alac")));
        assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED);
        assertThat(e.getMessage()).contains("ALAC");
    }

    @Test
    void noSoundTrackStaysLossyAsBefore() throws IOException {
        AudioFileException e = refused(m4a(track("vide", "avc1")));
        assertThat(e.kind()).isEqualTo(Kind.LOSSY);
        assertThat(e.getMessage()).contains("no sound track found");
    }

    @Test
    void aBoxPastTheEndOfTheFileIsReadAsFarAsItGoes() throws IOException {
        byte[] broken = m4a(track("soun", "alac"));
        int moov = broken.length - box("moov", box("mvhd", new byte[100]), track("soun", "alac")).length;
        broken[moov] = 0x7F; // a moov of 2 GB in a small file: a cut file, or a wrong size
        assertThat(refused(broken).getMessage()).contains("ALAC");
        byte[] cut = java.util.Arrays.copyOf(m4a(track("soun", "mp4a")), 400);
        assertThat(refused(cut).getMessage()).contains("no sound track found");
    }

    @Test
    void endlessEmptyBoxesStopAtTheCap() throws IOException {
        byte[] empty = box("free");
        ByteArrayOutputStream many = new ByteArrayOutputStream();
        for (int i = 0; i < 20_000; i++) {
            many.writeBytes(empty);
        }
        byte[] file = concat(box("ftyp", "M4A ".getBytes(StandardCharsets.ISO_8859_1), new byte[4]), many.toByteArray(),
                box("moov", track("soun", "alac")));
        AudioFileException e = refused(file);
        assertThat(e.getMessage()).contains("no sound track found");
    }
}
