package org.stemcheck.io.internal.aiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.stemcheck.io.testing.AiffBuilder.be;
import static org.stemcheck.io.testing.AiffBuilder.extended;
import static org.stemcheck.io.testing.AiffBuilder.pcm;
import static org.stemcheck.io.testing.AiffBuilder.text;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFileException;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.ChunkInfo;
import org.stemcheck.io.CuePoint;
import org.stemcheck.io.testing.AiffBuilder;
import org.stemcheck.io.testing.Audio;

/** The AIFF chunk walk on well-formed and broken structures: order, padding, sizes, metadata. */
class AiffStructureTest {

    private static final long[][] RAMP = {{10, 20, 30, 40}};

    @TempDir
    Path dir;

    private AudioFile open(byte[] file) throws IOException {
        Path p = dir.resolve("built.aif");
        Files.write(p, file);
        return AudioFiles.open(p);
    }

    private AudioFileException openFails(byte[] file) {
        return catchThrowableOfType(AudioFileException.class, () -> open(file));
    }

    private static AiffBuilder mono16(long frames) {
        return AiffBuilder.aiff().comm(1, frames, 16, 44100);
    }

    private static long[] ints16(AudioFile f) throws IOException {
        return Arrays.stream(Audio.readAll(f)[0]).mapToLong(v -> Math.round(v * 32768)).toArray();
    }

    @Test
    void keepsTextChunksMarkersAndTheChunkList() throws IOException {
        byte[] file = mono16(4)
                .chunk("NAME", text("Bass"))
                .chunk("AUTH", text("Ann"))
                .chunk("(c) ", text("2024 Label"))
                .chunk("ANNO", text("take 3"))
                .chunk("MARK", AiffBuilder.markers(new int[] {1, 2}, new long[] {0, 3}, new String[] {"start", "end"}))
                .ssnd(pcm(16, true, RAMP))
                .bytes();

        AudioFile f = open(file);

        assertThat(f.metadata().info()).containsEntry("NAME", "Bass").containsEntry("AUTH", "Ann")
                .containsEntry("(c) ", "2024 Label").containsEntry("ANNO", "take 3");
        assertThat(f.metadata().cues()).containsExactly(new CuePoint(1, 0, "start"), new CuePoint(2, 3, "end"));
        assertThat(f.metadata().chunks()).extracting(ChunkInfo::id)
                .containsExactly("COMM", "NAME", "AUTH", "(c) ", "ANNO", "MARK", "SSND");
        assertThat(f.metadata().chunks().get(0)).isEqualTo(new ChunkInfo("COMM", 12, 18));
        assertThat(f.warnings()).isEmpty();
    }

    @Test
    void readsAnOddChunkWithoutItsPadByteWithAWarning() throws IOException {
        byte[] file = mono16(4)
                .chunk("ANNO", 5, text("odd!!"), false)
                .ssnd(pcm(16, true, RAMP))
                .bytes();

        AudioFile f = open(file);

        assertThat(ints16(f)).containsExactly(10, 20, 30, 40);
        assertThat(f.metadata().info()).containsEntry("ANNO", "odd!!");
        assertThat(f.warnings()).anyMatch(w -> w.contains("without a pad byte"));
    }

    @Test
    void readsChunksAfterAnOddSsndWithoutPad() throws IOException {
        byte[] samples = pcm(24, true, new long[][] {{1, 2, 3}});
        byte[] file = AiffBuilder.aiff().comm(1, 3, 24, 48000)
                .chunk("SSND", 8 + samples.length, concat(new byte[8], samples), false)
                .chunk("NAME", text("after"))
                .bytes();

        AudioFile f = open(file);

        assertThat(f.frames()).isEqualTo(3);
        assertThat(f.metadata().info()).containsEntry("NAME", "after");
        assertThat(f.warnings()).anyMatch(w -> w.contains("without a pad byte"));
        AudioFile streamed = AudioFiles.open(new ByteArrayInputStream(file), "s.aif");
        Audio.readAll(streamed);
        assertThat(streamed.metadata().info()).containsEntry("NAME", "after");
    }

    @Test
    void readsCommAfterSsndFromAFileButNotFromAStream() throws IOException {
        byte[] file = AiffBuilder.aiff().ssnd(pcm(16, true, RAMP)).comm(1, 4, 16, 44100).bytes();

        assertThat(ints16(open(file))).containsExactly(10, 20, 30, 40);
        AudioFileException e = catchThrowableOfType(AudioFileException.class,
                () -> AudioFiles.open(new ByteArrayInputStream(file), "s.aif"));
        assertThat(e.kind()).isEqualTo(AudioFileException.Kind.UNSUPPORTED);
        assertThat(e.chunk()).contains("SSND");
    }

    @Test
    void oneShotStreamAddsMetadataAfterTheAudioOnceRead() throws IOException {
        byte[] file = mono16(4).ssnd(pcm(16, true, RAMP)).chunk("NAME", text("tail")).bytes();

        AudioFile f = AudioFiles.open(new ByteArrayInputStream(file), "s.aif");
        assertThat(f.metadata().info()).doesNotContainKey("NAME");
        assertThat(ints16(f)).containsExactly(10, 20, 30, 40);

        assertThat(f.metadata().info()).containsEntry("NAME", "tail");
        assertThat(f.metadata().chunks()).extracting(ChunkInfo::id).containsExactly("COMM", "SSND", "NAME");
    }

    @Test
    void walksManyZeroSizeChunksAndStopsAtTheChunkCap() throws IOException {
        AiffBuilder some = mono16(4);
        for (int i = 0; i < 1000; i++) {
            some.chunk("ZERO", new byte[0]);
        }
        assertThat(ints16(open(some.ssnd(pcm(16, true, RAMP)).bytes()))).containsExactly(10, 20, 30, 40);

        byte[] zeros = new byte[8 * (AiffParser.MAX_CHUNKS + 1)];
        for (int i = 0; i < zeros.length; i += 8) {
            System.arraycopy(text("ZERO"), 0, zeros, i, 4);
        }
        AudioFileException e = openFails(mono16(4).raw(zeros).bytes());
        assertThat(e.kind()).isEqualTo(AudioFileException.Kind.CORRUPT);
        assertThat(e.getMessage()).contains("more than " + AiffParser.MAX_CHUNKS + " chunks");
    }

    @Test
    void refusesACommChunkLargerThanTheFile() {
        byte[] file = AiffBuilder.aiff().chunk("COMM", 0xFFFFFFFFL, new byte[18], false).bytes();

        AudioFileException e = openFails(file);

        assertThat(e.kind()).isEqualTo(AudioFileException.Kind.CORRUPT);
        assertThat(e.chunk()).contains("COMM");
        assertThat(e.offset()).hasValue(12);
        assertThat(e.getMessage()).contains("4294967295");
    }

    @Test
    void stopsTheWalkAtAMetadataChunkLargerThanTheFile() throws IOException {
        byte[] file = mono16(4).ssnd(pcm(16, true, RAMP))
                .chunk("ANNO", 0xCACACACAL, text("short"), false).bytes();

        AudioFile f = open(file);

        assertThat(ints16(f)).containsExactly(10, 20, 30, 40);
        assertThat(f.warnings()).anyMatch(w -> w.contains("'ANNO'") && w.contains("3402287818"));
    }

    @Test
    void skipsAMarkChunkOverItsCap() throws IOException {
        byte[] big = new byte[AiffParser.MARK_CAP + 2];
        byte[] file = mono16(4).chunk("MARK", big).ssnd(pcm(16, true, RAMP)).bytes();

        AudioFile f = open(file);

        assertThat(f.metadata().cues()).isEmpty();
        assertThat(f.warnings()).anyMatch(w -> w.contains("'MARK'") && w.contains("cap"));
        assertThat(f.frames()).isEqualTo(4);
    }

    @Test
    void reportsTruncationWhenCommDeclaresMoreFramesThanSsndHolds() throws IOException {
        AudioFile f = open(mono16(10).ssnd(pcm(16, true, RAMP)).bytes());

        assertThat(f.declaredFrames()).isEqualTo(10);
        assertThat(f.frames()).isEqualTo(4);
        assertThat(f.truncation()).hasValueSatisfying(t -> assertThat(t.missingFrames()).isEqualTo(6));
        assertThat(ints16(f)).containsExactly(10, 20, 30, 40);
    }

    @Test
    void reportsTruncationWhenTheFileEndsInsideSsnd() throws IOException {
        byte[] full = mono16(1000).ssnd(pcm(16, true, new long[][] {new long[1000]})).bytes();
        byte[] cut = Arrays.copyOf(full, full.length - 1001); // half a frame and 500 frames gone

        AudioFile f = open(cut);

        assertThat(f.declaredFrames()).isEqualTo(1000);
        assertThat(f.frames()).isEqualTo(499);
        assertThat(Audio.readAll(f)[0]).hasSize(499);
    }

    @Test
    void ignoresBytesAfterTheFormChunkWithAWarning() throws IOException {
        byte[] file = concat(mono16(4).ssnd(pcm(16, true, RAMP)).bytes(), text("TAG+garbage"));

        AudioFile f = open(file);

        assertThat(f.frames()).isEqualTo(4);
        assertThat(f.metadata().chunks()).extracting(ChunkInfo::id).containsExactly("COMM", "SSND");
        assertThat(f.warnings()).anyMatch(w -> w.contains("after the end of the FORM chunk"));
    }

    @Test
    void toleratesAFormSizeTooSmallForItsChunks() throws IOException {
        AudioFile f = open(mono16(4).ssnd(pcm(16, true, RAMP)).formSize(4).bytes());
        assertThat(ints16(f)).containsExactly(10, 20, 30, 40);
    }

    @Test
    void refusesMissingOrImpossibleChunks() {
        assertThat(openFails(AiffBuilder.aiff().ssnd(new byte[8]).bytes()).getMessage()).contains("no 'COMM' chunk");
        assertThat(openFails(mono16(4).bytes()).getMessage()).contains("no 'SSND' chunk");
        assertThat(openFails(mono16(4).chunk("SSND", new byte[4]).bytes()).getMessage()).contains("too small");
        assertThat(openFails(mono16(4).chunk("SSND", concat(be(100, 4), new byte[12])).bytes()).getMessage())
                .contains("offset 100 lies beyond");
        assertThat(openFails(AiffBuilder.aiff().chunk("COMM", new byte[0]).bytes()).getMessage())
                .contains("fewer than the 18");
        assertThat(openFails(AiffBuilder.aiff().comm(0, 4, 16, 44100).bytes()).getMessage()).contains("0 channels");
        assertThat(openFails(AiffBuilder.aiff().comm(-2, 4, 16, 44100).bytes()).getMessage()).contains("-2 channels");
        assertThat(openFails(AiffBuilder.aiff().comm(1, 4, 0, 44100).bytes()).getMessage()).contains("0 bits");
    }

    @Test
    void refusesSampleSizesBeyond32BitsAsUnsupported() {
        AudioFileException e = openFails(AiffBuilder.aiff().comm(1, 4, 33, 44100).ssnd(new byte[20]).bytes());
        assertThat(e.kind()).isEqualTo(AudioFileException.Kind.UNSUPPORTED);
        assertThat(e.getMessage()).contains("33 bits");
    }

    @Test
    void refusesImpossibleSampleRatesWithAClearError() {
        byte[][] rates = {
            extended(0.0), extended(-0.0), extended(Double.NaN), extended(Double.POSITIVE_INFINITY),
            extended(-44100.0), extended(1e300), extended(0.5), extended(0x7FFE, 0x8000000000000000L),
        };
        String[] said = {"0.0 Hz", "-0.0 Hz", "NaN", "infinite", "-44100.0 Hz", "1.0E300 Hz", "0.5 Hz", "infinite"};
        for (int i = 0; i < rates.length; i++) {
            AudioFileException e = openFails(AiffBuilder.aiff().comm(1, 1, 16, rates[i]).ssnd(new byte[2]).bytes());
            assertThat(e.kind()).as(said[i]).isEqualTo(AudioFileException.Kind.CORRUPT);
            assertThat(e.chunk()).contains("COMM");
            assertThat(e.getMessage()).as(said[i]).contains("sample rate").contains(said[i]);
        }
    }

    @Test
    void readsAnAifcCommWithoutCompressionTypeAsUncompressedWithAWarning() throws IOException {
        byte[] file = AiffBuilder.aifc().comm(1, 4, 16, 44100).ssnd(pcm(16, true, RAMP)).bytes();

        AudioFile f = open(file);

        assertThat(ints16(f)).containsExactly(10, 20, 30, 40);
        assertThat(f.warnings()).anyMatch(w -> w.contains("too short for a compression type"));
    }

    @Test
    void readsTheFirstOfTwoCommChunks() throws IOException {
        byte[] file = mono16(4).comm(2, 99, 8, 8000).ssnd(pcm(16, true, RAMP)).bytes();

        AudioFile f = open(file);

        assertThat(f.format().channels()).isEqualTo(1);
        assertThat(f.warnings()).anyMatch(w -> w.contains("second 'COMM'"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
