package org.stemcheck.io.flac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFileException;
import org.stemcheck.io.AudioFileException.Kind;
import org.stemcheck.io.Checksum;
import org.stemcheck.io.FileKind;
import org.stemcheck.io.testing.FlacWriter;

/**
 * One crafted file per hardening rule of the FLAC reader: a broken head is refused at open with
 * the byte offset and block; a damaged frame throws while streaming, naming the frame and its
 * offset, after every whole frame before it; a cut file is a truncation at its last whole frame;
 * a wrong MD5 makes the last read throw.
 */
class FlacHardeningTest {

    @TempDir
    Path dir;

    /** "fLaC", then the STREAMINFO block header: STREAMINFO's payload starts at byte 8. */
    private static final int STREAMINFO_AT = 8;
    private static final int BLOCK = 1024;

    private static final FlacWriter WRITER = FlacWriter.defaults().blockSize(BLOCK);

    private static int[][] tone(int frames) {
        return Signals.of(Signals.Kind.TONE, 2, frames, 16, 5);
    }

    /** Byte offsets of each frame of {@code WRITER.encode(x)} and the end: frames are coded block by block. */
    private static int[] frameStarts(int[][] x) {
        return frameStarts(WRITER, BLOCK, x);
    }

    private static int[] frameStarts(FlacWriter w, int block, int[][] x) {
        int n = (x[0].length + block - 1) / block;
        int[] starts = new int[n + 1];
        for (int k = 0; k <= n; k++) {
            int frames = Math.min(k * block, x[0].length);
            int[][] prefix = {Arrays.copyOf(x[0], frames), Arrays.copyOf(x[1], frames)};
            starts[k] = w.encode(44100, 16, prefix).length;
        }
        return starts;
    }

    private AudioFileException refused(byte[] bytes) {
        AudioFileException x = catchThrowableOfType(AudioFileException.class, () -> Decoded.fromPath(dir, "bad.flac", bytes));
        assertThat(x).as("the file must be refused at open").isNotNull();
        assertThat(x.fileKind()).as(x.getMessage()).contains(FileKind.FLAC);
        AudioFileException y = catchThrowableOfType(AudioFileException.class, () -> Decoded.fromStream(bytes));
        assertThat(y).as("the stream must be refused at open too").isNotNull();
        return x;
    }

    /** Reads until the stream throws; returns the exception and checks the frames delivered first. */
    private static AudioFileException failsWhileStreaming(AudioFile f, long framesBefore) {
        int[] delivered = new int[1];
        AudioFileException x = catchThrowableOfType(AudioFileException.class, () -> {
            double[][] block = new double[f.format().channels()][333];
            try (var s = f.openStream()) {
                for (int n; (n = s.read(block, 0, 333)) > 0; ) {
                    delivered[0] += n;
                }
            }
        });
        assertThat(x).as("streaming must fail").isNotNull();
        assertThat(delivered[0]).as("frames delivered before the failure").isEqualTo(framesBefore);
        return x;
    }

    /** The error a file gives at open or, failing that, while streaming from its path (where a damaged frame shows depends on where it is). */
    private AudioFileException failure(byte[] bytes, long framesBefore) throws IOException {
        AudioFile f;
        try {
            f = Decoded.fromPath(dir, "f.flac", bytes);
        } catch (AudioFileException e) {
            return e;
        }
        return failsWhileStreaming(f, framesBefore);
    }

    private static void setBits(byte[] b, int bit, int n, long v) {
        for (int i = 0; i < n; i++) {
            int at = bit + i;
            int mask = 0x80 >>> (at & 7);
            if (((v >>> (n - 1 - i)) & 1) != 0) {
                b[at >>> 3] |= (byte) mask;
            } else {
                b[at >>> 3] &= (byte) ~mask;
            }
        }
    }

    // ---- the head ------------------------------------------------------------------------------

    @Test
    void impossibleStreamInfoFieldsAreCorruptAtTheBlock() {
        byte[] good = WRITER.encode(44100, 16, tone(2000));
        Object[][] cases = {
            // bit offset in STREAMINFO, width, value, words in the message
            {16, 16, 0L, "maximum block size 0"},
            {16, 16, 15L, "maximum block size 15"},
            {0, 16, 5000L, "minimum block size 5000 is above the maximum 1024"},
            {80, 20, 0L, "sample rate 0 Hz"},
            {103, 5, 2L, "3 bits per sample"},
        };
        for (Object[] c : cases) {
            byte[] b = good.clone();
            setBits(b, STREAMINFO_AT * 8 + (int) c[0], (int) c[1], (long) c[2]);
            AudioFileException x = refused(b);
            assertThat(x.kind()).as(x.getMessage()).isEqualTo(Kind.CORRUPT);
            assertThat(x.offset()).as(x.getMessage()).isEqualTo(OptionalLong.of(4));
            assertThat(x.chunk()).as(x.getMessage()).contains("STREAMINFO");
            assertThat(x.getMessage()).contains((String) c[3]);
        }
    }

    @Test
    void aStreamInfoOfTheWrongLengthOrNotFirstIsNotAFlacSignature() {
        // The sniffer's FLAC signature is "fLaC" and a 34-byte STREAMINFO header (docs/formats.md).
        byte[] b = WRITER.encode(44100, 16, tone(2000));
        b[7] = 33;
        byte[] c = WRITER.encode(44100, 16, tone(2000));
        c[4] = (byte) 0x04; // VORBIS_COMMENT where STREAMINFO must be
        for (byte[] bytes : new byte[][] {b, c}) {
            AudioFileException x = catchThrowableOfType(AudioFileException.class, () -> Decoded.fromPath(dir, "n.flac", bytes));
            assertThat(x.kind()).isEqualTo(Kind.NOT_AUDIO);
        }
    }

    @Test
    void blockType127AndBlocksPastTheEndAreCorrupt() {
        byte[] good = WRITER.padding(10).encode(44100, 16, tone(2000));
        int padding = 4 + 4 + 34; // the PADDING block's header
        byte[] b = good.clone();
        b[padding] = (byte) 0xFF; // last flag and type 127
        AudioFileException x = refused(b);
        assertThat(x.offset()).hasValue(padding);
        assertThat(x.getMessage()).contains("type 127 is invalid");
        byte[] c = good.clone();
        c[padding + 1] = 0x7F; // a length of 8 MB
        assertThat(refused(c).getMessage()).contains("claims 8323082 bytes but only");
        byte[] cut = Arrays.copyOf(good, padding + 7);
        assertThat(refused(cut).getMessage()).contains("'PADDING' chunk at byte 42: FLAC claims 10 bytes but only 3 are left");
        assertThat(catchThrowableOfType(AudioFileException.class, () -> Decoded.fromStream(cut)).getMessage())
                .contains("claims 10 bytes but the file ends after 3");
    }

    @Test
    void endlessEmptyBlocksStopAtTheBlockCap() {
        byte[] info = Arrays.copyOfRange(WRITER.encode(44100, 16, tone(100)), 4, 4 + 4 + 34);
        info[0] = 0; // not the last block
        byte[] empties = new byte[4 * 100_001];
        for (int i = 0; i < 100_001; i++) {
            empties[4 * i] = 1; // PADDING of 0 bytes
        }
        AudioFileException x = refused(RawFrame.concat("fLaC".getBytes(java.nio.charset.StandardCharsets.US_ASCII), info, empties));
        assertThat(x.getMessage()).contains("more than 100000 metadata blocks");
        assertThat(x.offset()).hasValue(4 + 38 + 4L * 99_999);
    }

    @Test
    void noFrameWhereTheAudioShouldStartIsCorrupt() {
        byte[] good = WRITER.encode(44100, 16, tone(2000));
        byte[] b = good.clone();
        b[42] = 0x12;
        AudioFileException x = refused(b);
        assertThat(x.offset()).hasValue(42);
        assertThat(x.getMessage()).contains("where the first frame should start").contains("sync code");
    }

    @Test
    void aMissingMd5IsAWarningAndNoChecksum() throws IOException {
        AudioFile f = Decoded.fromPath(dir, "a.flac", WRITER.md5(false).encode(44100, 16, tone(3000)));
        assertThat(f.checksum()).isEmpty();
        assertThat(f.warnings()).anyMatch(w -> w.contains("no MD5 signature"));
        assertThat(Decoded.samples(f, 500)).isDeepEqualTo(tone(3000));
    }

    // ---- frames --------------------------------------------------------------------------------

    @Test
    void aDamagedFrameThrowsNamingItAfterEveryWholeFrameBefore() throws IOException {
        int[][] x = tone(10 * BLOCK);
        int[] starts = frameStarts(x);
        byte[] b = WRITER.encode(44100, 16, x);
        b[(starts[5] + starts[6]) / 2] ^= 0x10;
        for (AudioFile f : new AudioFile[] {Decoded.fromPath(dir, "d.flac", b), Decoded.fromStream(b)}) {
            assertThat(f.frames()).isEqualTo(10 * BLOCK);
            AudioFileException e = failsWhileStreaming(f, 5 * BLOCK);
            assertThat(e.kind()).isEqualTo(Kind.CORRUPT);
            assertThat(e.offset()).hasValue(starts[5]);
            assertThat(e.getMessage()).contains("FLAC frame 5 (from sample 5120)");
        }
    }

    @Test
    void aDamagedFrameHeaderStopsAFileWithAnErrorAndAStreamWithATruncation() throws IOException {
        int[][] x = tone(10 * BLOCK);
        int[] starts = frameStarts(x);
        byte[] b = WRITER.encode(44100, 16, x);
        b[starts[4] + 5] ^= 0x01; // inside the header: its CRC-8 no longer matches
        AudioFileException e = failsWhileStreaming(Decoded.fromPath(dir, "h.flac", b), 4 * BLOCK);
        assertThat(e.getMessage()).contains("no FLAC frame header at byte " + starts[4]).contains("CRC-8");
        AudioFile s = Decoded.fromStream(b);
        assertThat(Decoded.samples(s, 1000)[0]).hasSize(4 * BLOCK);
        assertThat(s.truncation()).hasValueSatisfying(t -> assertThat(t.availableFrames()).isEqualTo(4 * BLOCK));
        assertThat(s.warnings()).anyMatch(w -> w.contains("CRC-8"));
    }

    @Test
    void aWrongMd5MakesTheLastReadThrowAfterEverySample() throws IOException {
        int[][] x = tone(5000);
        byte[] b = WRITER.encode(44100, 16, x);
        b[STREAMINFO_AT + 20] ^= 0x55; // inside the MD5 (bytes 18-33 of STREAMINFO)
        for (AudioFile f : new AudioFile[] {Decoded.fromPath(dir, "m.flac", b), Decoded.fromStream(b)}) {
            assertThat(f.checksum()).hasValueSatisfying(c -> assertThat(c.status()).isEqualTo(Checksum.Status.UNVERIFIED));
            AudioFileException e = failsWhileStreaming(f, 5000);
            assertThat(e.chunk()).contains("STREAMINFO");
            assertThat(e.offset()).hasValue(STREAMINFO_AT + 18);
            assertThat(e.getMessage()).contains("MD5 of the 5000 decoded samples per channel");
            assertThat(f.checksum()).hasValueSatisfying(c -> {
                assertThat(c.status()).isEqualTo(Checksum.Status.MISMATCHED);
                assertThat(c.computed()).contains(java.util.HexFormat.of().formatHex(FlacWriter.md5(x, 16)));
            });
        }
    }

    @Test
    void aFileCutAnywhereInItsFramesReadsItsWholeFramesAsATruncation() throws IOException {
        int block = 256;
        FlacWriter w = FlacWriter.defaults().blockSize(block);
        int[][] x = tone(4 * block + 100);
        int[] starts = frameStarts(w, block, x);
        byte[] whole = w.encode(44100, 16, x);
        for (int cut = starts[0]; cut < whole.length; cut++) {
            byte[] b = Arrays.copyOf(whole, cut);
            int wholeFrames = 0;
            while (wholeFrames + 1 < starts.length && starts[wholeFrames + 1] <= cut) {
                wholeFrames++;
            }
            long expected = Math.min((long) wholeFrames * block, x[0].length);
            AudioFile p = Decoded.fromPath(dir, "cut.flac", b);
            assertThat(p.frames()).as("cut at %d", cut).isEqualTo(expected);
            assertThat(p.declaredFrames()).isEqualTo(x[0].length);
            assertThat(Decoded.samples(p, 4096)[0]).as("cut at %d", cut).hasSize((int) expected);
            AudioFile s = Decoded.fromStream(b);
            assertThat(Decoded.samples(s, 4096)[0]).as("stream cut at %d", cut).hasSize((int) expected);
            assertThat(s.truncation()).isEqualTo(p.truncation());
            assertThat(s.checksum().orElseThrow().status()).isEqualTo(Checksum.Status.UNVERIFIED);
        }
    }

    @Test
    void anUnknownTotalIsCountedAtOpenAndNeverATruncation() throws IOException {
        int[][] x = tone(5 * BLOCK + 7);
        byte[] b = WRITER.totalKnown(false).encode(44100, 16, x);
        AudioFile p = Decoded.fromPath(dir, "u.flac", b);
        assertThat(p.frames()).isEqualTo(x[0].length);
        assertThat(p.declaredFrames()).isEqualTo(x[0].length);
        assertThat(Decoded.samples(p, 999)).isDeepEqualTo(x);
        assertThat(p.checksum().orElseThrow().status()).isEqualTo(Checksum.Status.MATCHED);
        AudioFile s = Decoded.fromStream(b);
        assertThat(s.frames()).as("unknown until the stream ends").isZero();
        assertThat(Decoded.samples(s, 999)).isDeepEqualTo(x);
        assertThat(s.frames()).isEqualTo(x[0].length);
        assertThat(s.checksum().orElseThrow().status()).isEqualTo(Checksum.Status.MATCHED);
        AudioFile cut = Decoded.fromPath(dir, "uc.flac", Arrays.copyOf(b, b.length - 30));
        assertThat(cut.frames()).isEqualTo(5 * BLOCK);
        assertThat(cut.truncation()).isEmpty();
        assertThat(cut.warnings()).anyMatch(w -> w.contains("are not a whole frame"));
    }

    @Test
    void bytesAfterTheLastFrameAreIgnoredWithAWarning() throws IOException {
        int[][] x = tone(3000);
        byte[] b = RawFrame.concat(WRITER.encode(44100, 16, x), "TAG and some junk after the audio".getBytes(
                java.nio.charset.StandardCharsets.US_ASCII));
        AudioFile f = Decoded.fromPath(dir, "j.flac", b);
        assertThat(f.frames()).isEqualTo(3000);
        assertThat(f.warnings()).anyMatch(w -> w.contains("33 bytes after the last whole FLAC frame"));
        assertThat(Decoded.samples(f, 1000)).isDeepEqualTo(x);
        assertThat(Decoded.samples(Decoded.fromStream(b), 1000)).isDeepEqualTo(x);
    }

    // ---- hand-made frames ----------------------------------------------------------------------

    /** A mono 16-bit stream of these frames, STREAMINFO's block size 4096, 48 kHz. */
    private static byte[] stream(long total, byte[]... frames) {
        return RawFrame.concat(RawFrame.head(4096, 4096, 48000, 1, 16, total), RawFrame.concat(frames));
    }

    /** A CONSTANT subframe (RFC 9639 section 9.2.3) in a mono 16-bit frame. */
    private static byte[] constant(long number, int blockSize, int value) {
        return RawFrame.header(false, blockSize, 0, 0, 4, number).put(0, 8).put(value, 16).end();
    }

    @Test
    void handMadeConstantFramesRead() throws IOException {
        AudioFile f = Decoded.fromPath(dir, "c.flac", stream(8192, constant(0, 4096, 1000), constant(1, 4096, -1000)));
        int[][] y = Decoded.samples(f, 1000);
        assertThat(y[0][0]).isEqualTo(1000);
        assertThat(y[0][8191]).isEqualTo(-1000);
        assertThat(y[0]).hasSize(8192);
    }

    @Test
    void oldVariableBlockSizeStreamsNumberedBySampleRead() throws IOException {
        // Before the blocking strategy bit, variable block sizes kept the bit at 0 and numbered by
        // sample; STREAMINFO's minimum and maximum block sizes differ (the test set's subset file 27).
        byte[] b = RawFrame.concat(RawFrame.head(16, 4096, 48000, 1, 16, 300), constant(0, 100, 5), constant(100, 200, 6));
        for (AudioFile f : new AudioFile[] {Decoded.fromPath(dir, "old.flac", b), Decoded.fromStream(b)}) {
            int[][] y = Decoded.samples(f, 64);
            assertThat(y[0]).hasSize(300);
            assertThat(y[0][99]).isEqualTo(5);
            assertThat(y[0][100]).isEqualTo(6);
        }
    }

    @Test
    void headersThatDisagreeWithStreamInfoAreRefused() {
        AudioFileException big = refused(stream(5000, constant(0, 4097, 1)));
        assertThat(big.getMessage()).contains("a block of 4097 samples, more than STREAMINFO's maximum of 4096");
        AudioFileException rate = refused(stream(4096,
                RawFrame.header(false, 4096, 9, 0, 4, 0).put(0, 8).put(1, 16).end()));
        assertThat(rate.getMessage()).contains("STREAMINFO says 48000 Hz, the first frame 44100");
        AudioFileException depth = refused(stream(4096,
                RawFrame.header(false, 4096, 0, 0, 1, 0).put(0, 8).put(1, 8).end()));
        assertThat(depth.getMessage()).contains("STREAMINFO says 16 bits per sample, the first frame 8");
        AudioFileException channels = refused(stream(4096,
                RawFrame.header(false, 4096, 0, 1, 4, 0).put(0, 8).put(1, 16).put(0, 8).put(1, 16).end()));
        assertThat(channels.getMessage()).contains("STREAMINFO says 1 channels, the first frame 2");
    }

    @Test
    void reservedHeaderValuesAreNoFrame() {
        byte[][] headers = {
            RawFrame.header(false, 4096, 15, 0, 4, 0).bytes(),  // rate code 15
            RawFrame.header(false, 4096, 0, 11, 4, 0).bytes(),  // channel code 11
            RawFrame.header(false, 4096, 0, 0, 3, 0).bytes(),   // bit depth code 3
        };
        String[] says = {"sample rate code 15", "channel code 11", "bit depth code 3"};
        for (int i = 0; i < headers.length; i++) {
            AudioFileException x = refused(stream(4096, headers[i], new byte[40]));
            assertThat(x.getMessage()).contains(says[i]);
        }
    }

    @Test
    void framesOutOfOrderOrChangingTheStreamAreRefused() throws IOException {
        AudioFileException gap = failsWhileStreaming(Decoded.fromPath(dir, "g.flac",
                stream(8192, constant(0, 4096, 1), constant(2, 4096, 1))), 4096);
        assertThat(gap.getMessage()).contains("frame number 2 where 1 was expected");
        // Its last frame does not extend the first's numbering, so the file is walked at open and refused there.
        AudioFileException strategy = failure(stream(8192, constant(0, 4096, 1),
                RawFrame.header(true, 4096, 0, 0, 4, 4096).put(0, 8).put(1, 16).end()), 4096);
        assertThat(strategy.getMessage()).contains("blocking strategy changes");
        AudioFileException rate = failure(stream(8192, constant(0, 4096, 1),
                RawFrame.header(false, 4096, 9, 0, 4, 1).put(0, 8).put(1, 16).end()), 4096);
        assertThat(rate.kind()).isEqualTo(Kind.UNSUPPORTED);
        assertThat(rate.getMessage()).contains("changes from 48000 to 44100 Hz");
        AudioFileException shortFirst = failsWhileStreaming(Decoded.fromPath(dir, "h.flac",
                RawFrame.concat(RawFrame.head(4096, 4096, 48000, 1, 16, 4196), constant(0, 100, 1), constant(1, 4096, 1))), 100);
        assertThat(shortFirst.getMessage()).contains("follows a frame of 100 samples");
    }

    @Test
    void brokenSubframesAreCorruptFrames() throws IOException {
        Object[][] cases = {
            {RawFrame.header(false, 64, 0, 0, 4, 0).put(0x80, 8).put(1, 16), "first bit is not 0"},
            {RawFrame.header(false, 64, 0, 0, 4, 0).put(2 << 1, 8).put(1, 16), "subframe type 2 is reserved"},
            {RawFrame.header(false, 64, 0, 0, 4, 0).put(0x01, 8).unary(15).put(1, 16), "wasted bits leave no bit"},
            {RawFrame.header(false, 64, 0, 0, 4, 0).put(8 << 1, 8).put(2, 2), "residual coding method 2 is reserved"},
            {RawFrame.header(false, 100, 0, 0, 4, 0).put(8 << 1, 8).put(0, 2).put(3, 4), "partition order 3 does not divide"},
            {RawFrame.header(false, 64, 0, 0, 4, 0).put(32 << 1, 8).put(5, 16).put(15, 4), "precision code 15 is invalid"},
            {RawFrame.header(false, 64, 0, 0, 4, 0).put(32 << 1, 8).put(5, 16).put(3, 4).put(0x1F, 5), "negative LPC shift"},
            {RawFrame.header(false, 16, 0, 0, 4, 0).put(63 << 1, 8).put(5, 16), "order 32 needs more warm-up samples"},
        };
        for (Object[] c : cases) {
            byte[] frame = ((RawFrame) c[0]).put(0, 64).end();
            AudioFileException e = failure(stream(64, frame), 0);
            assertThat(e.kind()).isEqualTo(Kind.CORRUPT);
            assertThat(e.offset()).hasValue(42);
            assertThat(e.getMessage()).contains("FLAC frame 0").contains((String) c[1]);
        }
    }

    @Test
    void aResidualBeyond32BitsAndSamplesBeyondTheDepthAreCorrupt() throws IOException {
        // FIXED order 0, one partition, Rice parameter 14: a quotient of 2^18 zero bits folds to 2^32.
        RawFrame huge = RawFrame.header(false, 16, 0, 0, 4, 0).put(8 << 1, 8).put(0, 2).put(0, 4).put(14, 4);
        huge.unary(1L << 18).put(0, 14);
        AudioFileException e = failure(stream(16, huge.put(0, 15 * 15).end()), 0);
        assertThat(e.getMessage()).contains("a residual beyond 32 bits");
        // FIXED order 1: warm-up 32767, then a residual of +1 gives 32768, outside 16 bits.
        RawFrame over = RawFrame.header(false, 16, 0, 0, 4, 0).put(9 << 1, 8).put(32767, 16).put(0, 2).put(0, 4).put(1, 4);
        over.unary(1).put(0, 1);      // +1 folds to 2: quotient 1, remainder 0 with parameter 1
        for (int i = 0; i < 14; i++) {
            over.unary(0).put(0, 1);  // then zeros
        }
        AudioFileException o = failure(stream(16, over.end()), 0);
        assertThat(o.getMessage()).contains("decodes to 32768, outside the 16-bit range");
    }

    @Test
    void theLargestBlocksDecodeWithinTheirBuffers() throws IOException {
        byte[] head = RawFrame.head(65535, 65535, 48000, 1, 16, 3 * 65535L);
        byte[] f = RawFrame.concat(head, RawFrame.header(false, 65535, 0, 0, 4, 0).put(0, 8).put(7, 16).end(),
                RawFrame.header(false, 65535, 0, 0, 4, 1).put(0, 8).put(8, 16).end(),
                RawFrame.header(false, 65535, 0, 0, 4, 2).put(0, 8).put(9, 16).end());
        int[][] y = Decoded.samples(Decoded.fromPath(dir, "big.flac", f), 65536);
        assertThat(y[0]).hasSize(3 * 65535);
        assertThat(y[0][3 * 65535 - 1]).isEqualTo(9);
    }
}
