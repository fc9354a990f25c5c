package org.stemcheck.io.adm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.stemcheck.io.Adm;
import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.WavWriter;

/** The ADM chunks of a BW64/BWF file (chna: ITU-R BS.2088-1 section 8; axml: BS.2076), made here. */
class AdmChunksTest {

    private static AudioFile written(WavWriter w) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        double[][] x = new double[6][480];
        w.write(out, 48_000, x);
        return AudioFiles.open(new ByteArrayInputStream(out.toByteArray()), "adm.wav");
    }

    @Test
    void chnaAndAxmlGiveTheTracksAndChannelFormats() throws IOException {
        WavWriter w = WavWriter.pcm(24).withChannelMask(0x3F)
                .withChunk(new WavWriter.Chunk("chna", AdmBytes.chna(6, AdmBytes.fiveOneIds())))
                .withChunk(new WavWriter.Chunk("axml", AdmBytes.axml().getBytes(StandardCharsets.UTF_8)));
        {
            AudioFile f = written(w);
            Adm adm = f.metadata().adm().orElseThrow();
            assertThat(adm.hasChna()).isTrue();
            assertThat(adm.hasAxml()).isTrue();
            assertThat(adm.declaredTracks()).isEqualTo(6);
            assertThat(adm.tracks()).hasSize(6);
            assertThat(adm.tracks().get(3)).isEqualTo(new Adm.Track(4, "ATU_00000004", "AT_00010004_01", "AP_00010003"));
            assertThat(adm.channelFormats()).containsExactly(AdmBytes.NAMES);
            assertThat(adm.channelFormatIds()).startsWith("AC_00010001").hasSize(6);
            assertThat(adm.channelFormatOf(adm.tracks().get(4))).contains("RoomCentricLeftSurround");
            assertThat(f.warnings()).isEmpty();
        }
    }

    @Test
    void unusedEntriesAreLeftOutAndAShortChunkIsAWarning() throws IOException {
        String[][] ids = {{"1", "ATU_00000001", "AT_00010001_01", "AP_00010001"}, {"0", "", "", ""}};
        WavWriter w = WavWriter.pcm(24).withChunk(new WavWriter.Chunk("chna", AdmBytes.chna(5, ids)));
        {
            AudioFile f = written(w);
            Adm adm = f.metadata().adm().orElseThrow();
            assertThat(adm.tracks()).extracting(Adm.Track::trackIndex).containsExactly(1);
            assertThat(adm.hasAxml()).isFalse();
            assertThat(adm.channelFormats()).isEmpty();
            assertThat(f.warnings()).anyMatch(s -> s.contains("declares 5 track UIDs but holds 2"));
        }
    }

    @Test
    void aFileWithoutAdmChunksHasNone() throws IOException {
        {
            AudioFile f = written(WavWriter.pcm(16));
            assertThat(f.metadata().adm()).isEmpty();
        }
    }

    @Test
    void axmlWithAnEntityOrNoNamesIsScannedNotResolved() throws IOException {
        String xml = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><audioChannelFormat"
                + " audioChannelFormatID=\"AC_00010001\">&e;</audioChannelFormat><audioChannelFormat"
                + " audioChannelFormatName='&e;'>";
        WavWriter w = WavWriter.pcm(16).withChunk(new WavWriter.Chunk("axml", xml.getBytes(StandardCharsets.UTF_8)));
        {
            AudioFile f = written(w);
            assertThat(f.metadata().adm().orElseThrow().channelFormats()).containsExactly("", "&e;");
        }
    }

    /** The axml's audioTrackUIDRefs are read in order, namespaced or not; a hostile one is cut or skipped, quickly. */
    @Test
    void axmlTrackUidRefsAreReadAndBounded() throws IOException {
        String xml = "<audioObject><audioTrackUIDRef>ATU_00000001</audioTrackUIDRef><adm:audioTrackUIDRef>"
                + " ATU_00000002 </adm:audioTrackUIDRef><audioTrackUIDRef>" + "x".repeat(100)
                + "</audioTrackUIDRef><audioTrackUIDRef>" + " ".repeat(200_000) + "ATU_3</audioTrackUIDRef>"
                + "<audioTrackUIDRef>ATU_unterminated".repeat(20_000);
        WavWriter w = WavWriter.pcm(16).withChunk(new WavWriter.Chunk("axml", xml.getBytes(StandardCharsets.UTF_8)));
        long t0 = System.nanoTime();
        AudioFile f = written(w);
        assertThat(f.metadata().adm().orElseThrow().trackUidRefs()).containsExactly("ATU_00000001", "ATU_00000002");
        assertThat(System.nanoTime() - t0).isLessThan(5_000_000_000L);
    }

    /** Random and cut payloads never throw out of the reader, and never produce more entries than fit. */
    @Test
    void randomAndTruncatedPayloadsAreSafe() {
        Random rnd = new Random(15);
        byte[] good = AdmBytes.chna(6, AdmBytes.fiveOneIds());
        byte[] xml = AdmBytes.axml().getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 400; i++) {
            byte[] p = i % 2 == 0 ? Arrays.copyOf(good, rnd.nextInt(good.length + 1)) : new byte[rnd.nextInt(300)];
            if (i % 2 == 1) {
                rnd.nextBytes(p);
            }
            byte[] x = Arrays.copyOf(xml, rnd.nextInt(xml.length + 1));
            if (i % 3 == 0 && x.length > 0) {
                x[rnd.nextInt(x.length)] = (byte) rnd.nextInt(256);
            }
            WavWriter w = WavWriter.pcm(16).withChunk(new WavWriter.Chunk("chna", p))
                    .withChunk(new WavWriter.Chunk("axml", x));
            assertThatCode(() -> {
                {
            AudioFile f = written(w);
                    Adm adm = f.metadata().adm().orElseThrow();
                    assertThat(adm.tracks().size()).isLessThanOrEqualTo(Math.max(0, (p.length - 4) / 40));
                    assertThat(adm.channelFormats().size()).isLessThanOrEqualTo(AdmBytes.NAMES.length);
                }
            }).doesNotThrowAnyException();
        }
    }

    @Test
    void extensibleMaskIsWrittenAndReadBack() throws IOException {
        for (long mask : List.of(0x3FL, 0x60FL, 0x63FL, 0x4L)) {
            int channels = Long.bitCount(mask);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            WavWriter.pcm(24).withChannelMask(mask).write(out, 48_000, new double[channels][10]);
            {
            AudioFile f = AudioFiles.open(new ByteArrayInputStream(out.toByteArray()), "m.wav");
                assertThat(f.format().channelMask()).isEqualTo(mask);
                assertThat(f.format().formatTag()).isEqualTo(0xFFFE);
                assertThat(f.format().validBits()).isEqualTo(24);
                assertThat(f.warnings()).isEmpty();
            }
        }
    }
}
