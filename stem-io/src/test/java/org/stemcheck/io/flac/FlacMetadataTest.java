package org.stemcheck.io.flac;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.io.AudioFile;
import org.stemcheck.io.ChunkInfo;
import org.stemcheck.io.testing.FlacWriter;

/**
 * What a FLAC's metadata blocks give: Vorbis comments in {@code Metadata.info()}, the TimeReference
 * from ffmpeg's {@code time_reference} comment or from the bext chunk {@code flac
 * --keep-foreign-metadata} keeps (which wins), the channel mask from
 * {@code WAVEFORMATEXTENSIBLE_CHANNEL_MASK} or FLAC's channel order, and warnings for what does
 * not parse.
 */
class FlacMetadataTest {

    @TempDir
    Path dir;

    private static final int[][] STEREO = Signals.of(Signals.Kind.TONE, 2, 2000, 24, 3);

    private AudioFile open(FlacWriter w, int[][] x) throws IOException {
        AudioFile f = Decoded.fromPath(dir, "m.flac", w.encode(48000, 24, x));
        AudioFile s = Decoded.fromStream(w.encode(48000, 24, x));
        assertThat(s.metadata()).isEqualTo(f.metadata());
        assertThat(s.format()).isEqualTo(f.format());
        return f;
    }

    /** A bext payload (EBU Tech 3285): 602 fixed bytes, TimeReference at 338, version at 346. */
    private static byte[] bext(long timeReference) {
        byte[] b = new byte[602];
        System.arraycopy("Vocals".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 6);
        System.arraycopy("a DAW".getBytes(StandardCharsets.US_ASCII), 0, b, 256, 5);
        for (int i = 0; i < 8; i++) {
            b[338 + i] = (byte) (timeReference >>> (8 * i));
        }
        b[346] = 2;
        return b;
    }

    @Test
    void vorbisCommentsGoIntoInfoUnderUpperCaseNames() throws IOException {
        AudioFile f = open(FlacWriter.defaults().comment("title", "Bass").comment("Artist", "Someone")
                .comment("TITLE", "second title is ignored"), STEREO);
        assertThat(f.metadata().info()).containsEntry("TITLE", "Bass").containsEntry("ARTIST", "Someone");
        assertThat(f.metadata().timeReference()).isEmpty();
        assertThat(f.metadata().chunks()).extracting(ChunkInfo::id).containsExactly("STREAMINFO", "VORBIS_COMMENT");
        assertThat(f.metadata().chunks().get(0).offset()).isEqualTo(4);
    }

    @Test
    void ffmpegsTimeReferenceCommentGivesABext() throws IOException {
        String umid = "06".repeat(64);
        AudioFile f = open(FlacWriter.defaults().comment("time_reference", "172800000")
                .comment("originator_reference", "REF-1").comment("umid", umid)
                .comment("coding_history", "A=PCM,F=48000,W=24"), STEREO);
        assertThat(f.metadata().timeReference()).contains(172_800_000L);
        assertThat(f.metadata().bext()).hasValueSatisfying(b -> {
            assertThat(b.originatorReference()).isEqualTo("REF-1");
            assertThat(b.umid()).isEqualTo(umid);
            assertThat(b.version()).isEqualTo(1);
            assertThat(b.codingHistory()).isEqualTo("A=PCM,F=48000,W=24");
            assertThat(b.description()).isEmpty();
        });
    }

    @Test
    void aTimeReferenceThatIsNoNumberIsAWarning() throws IOException {
        AudioFile f = open(FlacWriter.defaults().comment("TIME_REFERENCE", "01:00:00:00"), STEREO);
        assertThat(f.metadata().timeReference()).isEmpty();
        assertThat(f.warnings()).anyMatch(w -> w.contains("TIME_REFERENCE '01:00:00:00' is not a sample count"));
    }

    @Test
    void theKeptBextChunkWinsOverTheComment() throws IOException {
        AudioFile f = open(FlacWriter.defaults().comment("TIME_REFERENCE", "5").riffBext(bext(2_880_000L), 2, 48000, 24),
                STEREO);
        assertThat(f.metadata().timeReference()).contains(2_880_000L);
        assertThat(f.metadata().bext()).hasValueSatisfying(b -> {
            assertThat(b.description()).isEqualTo("Vocals");
            assertThat(b.originator()).isEqualTo("a DAW");
            assertThat(b.version()).isEqualTo(2);
        });
        assertThat(f.metadata().chunks()).filteredOn(c -> c.id().equals("APPLICATION")).hasSize(4);
    }

    @Test
    void theChannelMaskComesFromTheCommentOrFlacsChannelOrder() throws IOException {
        assertThat(open(FlacWriter.defaults().comment("WAVEFORMATEXTENSIBLE_CHANNEL_MASK", "0x0003"), STEREO)
                .format().channelMask()).isEqualTo(3);
        assertThat(open(FlacWriter.defaults(), STEREO).format().channelMask()).isZero();
        long[] masks = {0x4, 0x3, 0x7, 0x33, 0x37, 0x3F, 0x70F, 0x63F};
        for (int channels = 3; channels <= 8; channels++) {
            int[][] x = Signals.of(Signals.Kind.TONE, channels, 300, 24, channels);
            assertThat(open(FlacWriter.defaults(), x).format().channelMask()).as("%d channels", channels)
                    .isEqualTo(masks[channels - 1]);
        }
        int[][] six = Signals.of(Signals.Kind.TONE, 6, 300, 24, 6);
        assertThat(open(FlacWriter.defaults().comment("WAVEFORMATEXTENSIBLE_CHANNEL_MASK", "0x060F"), six)
                .format().channelMask()).isEqualTo(0x60F);
        AudioFile bad = open(FlacWriter.defaults().comment("WAVEFORMATEXTENSIBLE_CHANNEL_MASK", "left+right"), STEREO);
        assertThat(bad.format().channelMask()).isZero();
        assertThat(bad.warnings()).anyMatch(w -> w.contains("'left+right' is not a 32-bit hexadecimal mask"));
    }

    @Test
    void aCommentCountThatOverstatesKeepsTheCommentsThatAreThere() throws IOException {
        byte[] b = FlacWriter.defaults().comment("TITLE", "Bass").encode(48000, 24, STEREO);
        int count = 4 + 38 + 4 + 4 + "stemcheck FlacWriter".length(); // fLaC, STREAMINFO, block header, vendor
        b[count] = 10;
        AudioFile f = Decoded.fromPath(dir, "c.flac", b);
        assertThat(f.metadata().info()).containsEntry("TITLE", "Bass");
        assertThat(f.warnings()).anyMatch(w -> w.contains("declares 10 comments but holds 1"));
        assertThat(Decoded.samples(f, 500)).isDeepEqualTo(STEREO);
    }

    @Test
    void anId3TagInFrontIsSkipped() throws IOException {
        AudioFile f = open(FlacWriter.defaults().id3Tag(1000), STEREO);
        assertThat(Decoded.samples(f, 500)).isDeepEqualTo(STEREO);
        assertThat(f.metadata().chunks().get(0).offset()).isEqualTo(10 + 1000 + 4);
    }
}
