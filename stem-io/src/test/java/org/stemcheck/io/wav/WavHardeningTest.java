package org.stemcheck.io.wav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFileException;
import org.stemcheck.io.AudioFileException.Kind;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.FileKind;

/**
 * One crafted file per hardening rule of the WAV reader: each broken header gives an
 * {@link AudioFileException} naming the kind, byte offset and chunk; tolerated oddities give a
 * file and a warning. In every file the RIFF header takes bytes 0-11, so the first chunk is at 12.
 */
class WavHardeningTest {

    @TempDir
    Path dir;

    private static final int FIRST_CHUNK = 12;

    private AudioFileException refused(WavBytes w) {
        AudioFileException x = catchThrowableOfType(AudioFileException.class, () -> w.open(dir));
        assertThat(x).as("the file must be refused").isNotNull();
        return x;
    }

    private static void assertAt(AudioFileException x, Kind kind, long offset, String chunk) {
        assertThat(x.kind()).as(x.getMessage()).isEqualTo(kind);
        assertThat(x.offset()).as(x.getMessage()).isEqualTo(OptionalLong.of(offset));
        assertThat(x.chunk()).as(x.getMessage()).isEqualTo(java.util.Optional.ofNullable(chunk));
    }

    @Test
    void zeroChannelsIsCorruptAtTheFmtChunk() {
        AudioFileException x = refused(WavBytes.riff().fmt(1, 0, 48000, 0, 0, 16).header("data", 0));
        assertAt(x, Kind.CORRUPT, FIRST_CHUNK, "fmt ");
        assertThat(x.getMessage()).contains("0 channels");
    }

    @Test
    void zeroSampleRateIsCorrupt() {
        AudioFileException x = refused(WavBytes.riff().fmt(1, 2, 0, 0, 4, 16).header("data", 0));
        assertAt(x, Kind.CORRUPT, FIRST_CHUNK, "fmt ");
        assertThat(x.getMessage()).contains("0 Hz");
    }

    @Test
    void zeroAndSixtyFiveBitsAreCorrupt() {
        assertAt(refused(WavBytes.riff().fmt(1, 1, 8000, 8000, 1, 0).header("data", 0)), Kind.CORRUPT, FIRST_CHUNK, "fmt ");
        AudioFileException x = refused(WavBytes.riff().fmt(1, 1, 8000, 8000 * 9, 9, 65).header("data", 0));
        assertAt(x, Kind.CORRUPT, FIRST_CHUNK, "fmt ");
        assertThat(x.getMessage()).contains("65 bits");
    }

    @Test
    void moreThan1024ChannelsAreUnsupported() {
        AudioFileException x = refused(WavBytes.riff().fmt(1, 1025, 8000, 16).header("data", 0));
        assertAt(x, Kind.UNSUPPORTED, FIRST_CHUNK, "fmt ");
        assertThat(x.getMessage()).contains("1025 channels");
    }

    @Test
    void bw64WithDs64IsReadWithTheDs64DataSize() throws IOException {
        WavBytes w = WavBytes.bw64();
        w.header("ds64", 28).u64(0).u64(6).u64(3).u32(0); // riff size, data size, sample count, no table
        AudioFile f = w.fmt(1, 1, 48000, 16).header("data", 0xFFFFFFFFL).raw(new byte[6]).open(dir);
        assertThat(f.format().kind()).isEqualTo(FileKind.BW64);
        assertThat(f.frames()).isEqualTo(3);
        assertThat(f.metadata().chunks()).anyMatch(c -> c.id().equals("data") && c.size() == 6);
    }

    @Test
    void floatOf24BitsIsUnsupported() {
        AudioFileException x = refused(WavBytes.riff().fmt(3, 1, 8000, 24).header("data", 0));
        assertAt(x, Kind.UNSUPPORTED, FIRST_CHUNK, "fmt ");
    }

    @Test
    void blockAlignThatCannotHoldTheSamplesIsCorrupt() {
        // 3 channels of 24-bit samples need 9 bytes a frame; 4 is scipy's "inconsistent" file.
        AudioFileException x = refused(WavBytes.riff().fmt(1, 3, 8000, 32000, 4, 24).header("data", 0));
        assertAt(x, Kind.CORRUPT, FIRST_CHUNK, "fmt ");
        assertThat(x.getMessage()).contains("block align 4");
    }

    @Test
    void byteRateThatDisagreesWithRateTimesBlockAlignIsCorrupt() {
        AudioFileException x = refused(WavBytes.riff().fmt(1, 2, 44100, 44100, 4, 16).header("data", 0));
        assertAt(x, Kind.CORRUPT, FIRST_CHUNK, "fmt ");
        assertThat(x.getMessage()).contains("byte rate 44100 does not equal sample rate 44100 x block align 4");
    }

    @Test
    void endlessZeroSizeChunksStopAtTheChunkCap() {
        WavBytes w = WavBytes.riff().fmt(1, 1, 8000, 16);
        int junk = 100_001;
        for (int i = 0; i < junk; i++) {
            w.header("JUNK", 0);
        }
        AudioFileException x = refused(w.header("data", 0));
        // fmt is chunk 1, so chunk 100 001 (the 100 000th JUNK) is the first over the cap.
        long offset = FIRST_CHUNK + 8 + 16 + 8L * (100_000 - 1);
        assertThat(x.kind()).isEqualTo(Kind.CORRUPT);
        assertThat(x.offset()).isEqualTo(OptionalLong.of(offset));
        assertThat(x.getMessage()).contains("more than 100000 chunks");
    }

    @Test
    void zeroSizeChunksBelowTheCapAreWalkedPast() throws IOException {
        WavBytes w = WavBytes.riff().fmt(1, 1, 8000, 16);
        for (int i = 0; i < 1000; i++) {
            w.header("\0\0\0\0", 0);
        }
        AudioFile f = w.chunk("data", new byte[20]).open(dir);
        assertThat(f.frames()).isEqualTo(10);
    }

    @Test
    void fmtChunkLargerThanTheFileIsCorrupt() {
        AudioFileException x = refused(WavBytes.riff().header("fmt ", 1000).raw(new byte[16]));
        assertAt(x, Kind.CORRUPT, FIRST_CHUNK, "fmt ");
        assertThat(x.getMessage()).contains("claims 1000 bytes but only 16 are left");
    }

    @Test
    void metadataChunkLargerThanTheFileBeforeTheDataIsCorruptAtThatChunk() {
        WavBytes w = WavBytes.riff().fmt(1, 1, 8000, 16).header("LIST", 0xFFFFFFF0L).raw(new byte[40]);
        AudioFileException x = refused(w);
        assertAt(x, Kind.CORRUPT, FIRST_CHUNK + 8 + 16, "LIST");
    }

    @Test
    void metadataChunkLargerThanTheFileAfterTheDataIsAWarning() throws IOException {
        AudioFile f = WavBytes.riff().fmt(1, 1, 8000, 16).chunk("data", new byte[8]).header("ISTt", 1_224_736_768L)
                .raw(new byte[12]).open(dir);
        assertThat(f.frames()).isEqualTo(4);
        assertThat(f.warnings()).anyMatch(w -> w.contains("'ISTt'") && w.contains("claims 1224736768 bytes"));
    }

    @Test
    void hugeFmtChunkIsRefusedAtItsCap() {
        byte[] body = new byte[70_000];
        body[0] = 1;
        AudioFileException x = refused(WavBytes.riff().chunk("fmt ", body).header("data", 0));
        assertAt(x, Kind.CORRUPT, FIRST_CHUNK, "fmt ");
        assertThat(x.getMessage()).contains("is 70000 bytes, more than the 65536");
    }

    @Test
    void missingDataChunkIsCorruptAtTheEndOfTheWalk() {
        WavBytes w = WavBytes.riff().fmt(1, 2, 44100, 16);
        AudioFileException x = refused(w);
        assertThat(x.kind()).isEqualTo(Kind.CORRUPT);
        assertThat(x.offset()).isEqualTo(OptionalLong.of(w.bytes().length));
        assertThat(x.getMessage()).contains("no 'data' chunk");
    }

    @Test
    void dataBeforeFmtIsCorruptAtTheDataChunk() {
        AudioFileException x = refused(WavBytes.riff().chunk("data", new byte[8]).fmt(1, 1, 8000, 16));
        assertAt(x, Kind.CORRUPT, FIRST_CHUNK, "data");
        assertThat(x.getMessage()).contains("before any 'fmt ' chunk");
    }

    @Test
    void oddChunkWithoutItsPadByteIsToleratedWithAWarning() throws IOException {
        // 'JUNK' of 3 bytes, then 'fmt ' right away (no pad byte).
        AudioFile f = WavBytes.riff().header("JUNK", 3).raw(new byte[] {1, 2, 3}).fmt(1, 1, 8000, 16)
                .chunk("data", new byte[] {0, 0x40, 0, (byte) 0xC0}).open(dir);
        assertThat(f.frames()).isEqualTo(2);
        assertThat(f.warnings()).anyMatch(w -> w.contains("'JUNK' chunk at byte 12 has an odd size and no pad byte"));
        assertThat(Samples.of(f)[0]).containsExactly(0.5, -0.5);
    }

    @Test
    void oddChunkWithItsPadByteGivesNoWarning() throws IOException {
        AudioFile f = WavBytes.riff().chunk("JUNK", new byte[] {1, 2, 3}).fmt(1, 1, 8000, 16)
                .chunk("data", new byte[4]).open(dir);
        assertThat(f.frames()).isEqualTo(2);
        assertThat(f.warnings()).isEmpty();
    }

    @Test
    void truncatedDataIsReadUpToItsLastWholeFrame() throws IOException {
        // The header claims 100 frames of 4 bytes; 25 frames and 2 bytes are present.
        AudioFile f = WavBytes.riff().fmt(1, 2, 8000, 16).header("data", 400).raw(new byte[102]).open(dir);
        assertThat(f.declaredFrames()).isEqualTo(100);
        assertThat(f.frames()).isEqualTo(25);
        assertThat(f.truncation()).hasValueSatisfying(t -> {
            assertThat(t.claimedFrames()).isEqualTo(100);
            assertThat(t.availableFrames()).isEqualTo(25);
        });
        assertThat(Samples.of(f)[0]).hasSize(25);
    }

    @Test
    void truncatedOneShotStreamEndsQuietlyAndThenReportsTheTruncation() throws IOException {
        AudioFile f = WavBytes.riff().fmt(1, 2, 8000, 16).header("data", 400).raw(new byte[102]).openStream("cut.wav");
        assertThat(f.frames()).as("before the stream ends, the header's count").isEqualTo(100);
        assertThat(f.truncation()).isEmpty();

        double[][] all = Samples.of(f);

        assertThat(all[0]).hasSize(25);
        assertThat(f.frames()).isEqualTo(25);
        assertThat(f.truncation()).hasValueSatisfying(t -> assertThat(t.missingFrames()).isEqualTo(75));
        assertThat(f.warnings()).anyMatch(w -> w.contains("ended after 25 of the 100 frames"));
    }

    @Test
    void rifxIsReadBigEndian() throws IOException {
        AudioFile f = WavBytes.rifx().fmt(1, 1, 8000, 16).chunk("data", new byte[] {0x40, 0, (byte) 0x80, 0}).open(dir);
        assertThat(f.format().kind()).isEqualTo(FileKind.RIFX);
        assertThat(f.format().bigEndian()).isTrue();
        assertThat(Samples.of(f)[0]).containsExactly(0.5, -1.0);
    }

    @Test
    void float64SamplesPassThroughExactly() throws IOException {
        WavBytes data = WavBytes.riff().body().u64(Double.doubleToLongBits(0.25)).u64(Double.doubleToLongBits(-1.5));
        AudioFile f = WavBytes.riff().fmt(3, 1, 48000, 64).chunk("data", data.bytes()).open(dir);
        assertThat(f.format().isFloat()).isTrue();
        assertThat(f.format().bitsPerSample()).isEqualTo(64);
        assertThat(Samples.of(f)[0]).containsExactly(0.25, -1.5);
    }

    @Test
    void extensibleWith20ValidBitsIsLeftJustifiedIn24() throws IOException {
        // 0x7FFFF0 is the largest 20-bit value, left-justified in 3 bytes; the low nibble is padding.
        byte[] data = {(byte) 0xF0, (byte) 0xFF, 0x7F, 0x00, 0x00, (byte) 0x80};
        AudioFile f = WavBytes.riff().extensible(1, 96000, 24, 20, 0x4, 1).chunk("data", data).open(dir);
        assertThat(f.format().formatTag()).isEqualTo(0xFFFE);
        assertThat(f.format().validBits()).isEqualTo(20);
        assertThat(f.format().bitsPerSample()).isEqualTo(24);
        assertThat(f.format().channelMask()).isEqualTo(0x4);
        assertThat(Samples.of(f)[0]).containsExactly(0x7FFFF0 * 0x1p-23, -1.0);
    }

    @Test
    void pcm24BitIn4ByteContainersIsRightJustifiedAndExtensibleLeftJustified() throws IOException {
        // hound's PCM file: the sample in the low 3 bytes, a zero top byte.
        byte[] low = {(byte) 0xA0, (byte) 0xFF, (byte) 0xFF, 0x00};
        AudioFile pcm = WavBytes.riff().fmt(1, 1, 48000, 48000 * 4, 4, 24).chunk("data", low).open(dir);
        assertThat(Samples.of(pcm)[0]).containsExactly(-96 * 0x1p-23);
        // EXTENSIBLE 24 valid bits in 32: the top 3 bytes carry the sample.
        byte[] high = {0x00, (byte) 0xA0, (byte) 0xFF, (byte) 0xFF};
        AudioFile ext = WavBytes.riff().extensible(1, 48000, 32, 24, 0, 1).chunk("data", high).open(dir);
        assertThat(Samples.of(ext)[0]).containsExactly(-96 * 0x1p-23);
    }

    @Test
    void mp3InWavIsLossyWithFileKindMp3() {
        AudioFileException x = refused(WavBytes.riff().fmt(0x0055, 2, 44100, 16000, 1, 0).header("data", 0));
        assertAt(x, Kind.LOSSY, FIRST_CHUNK, "fmt ");
        assertThat(x.fileKind()).contains(FileKind.MP3);
        AudioFileException mpeg = refused(WavBytes.riff().fmt(0x0050, 2, 44100, 16000, 1, 0).header("data", 0));
        assertThat(mpeg.fileKind()).contains(FileKind.MP3);
    }

    @Test
    void aacInWavIsLossyWithFileKindAac() {
        AudioFileException x = refused(WavBytes.riff().fmt(0x00FF, 2, 44100, 16000, 1, 0).header("data", 0));
        assertAt(x, Kind.LOSSY, FIRST_CHUNK, "fmt ");
        assertThat(x.fileKind()).contains(FileKind.AAC);
    }

    @Test
    void ds64DataSizeBeyond2To63IsCorrupt() {
        WavBytes w = WavBytes.rf64();
        w.header("ds64", 28).u64(100).u64(-1L).u64(0).u32(0);
        AudioFileException x = refused(w.fmt(1, 1, 8000, 16).header("data", 0xFFFFFFFFL));
        assertAt(x, Kind.CORRUPT, FIRST_CHUNK, "ds64");
        assertThat(x.getMessage()).contains("18446744073709551615");
    }

    @Test
    void rf64WithoutDs64AndASentinelDataSizeIsCorrupt() {
        AudioFileException x = refused(WavBytes.rf64().fmt(1, 1, 8000, 16).header("data", 0xFFFFFFFFL));
        assertAt(x, Kind.CORRUPT, FIRST_CHUNK + 8 + 16, "data");
    }

    @Test
    void fileCutInsideTheRiffHeaderIsCorruptNotOtherAudio() throws IOException {
        Path p = dir.resolve("riff-only.wav");
        Files.write(p, "RIFF".getBytes(StandardCharsets.US_ASCII));
        AudioFileException x = catchThrowableOfType(AudioFileException.class, () -> AudioFiles.open(p));
        assertAt(x, Kind.CORRUPT, 0, null);
        assertThat(x.getMessage()).contains("ends inside the 12-byte RIFF header");
    }
}
