package org.stemcheck.io.adm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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

    /** A chna chunk: numTracks, numUIDs, then 40-byte audio IDs (BS.2088-1 Tables 9 and 10). */
    static byte[] chna(int declaredUids, String[][] ids) {
        ByteBuffer b = ByteBuffer.allocate(4 + 40 * ids.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) ids.length).putShort((short) declaredUids);
        for (int i = 0; i < ids.length; i++) {
            b.putShort((short) Integer.parseInt(ids[i][0]));
            b.put(fixed(ids[i][1], 12)).put(fixed(ids[i][2], 14)).put(fixed(ids[i][3], 11)).put((byte) 0);
        }
        return b.array();
    }

    private static byte[] fixed(String s, int len) {
        return Arrays.copyOf(s.getBytes(StandardCharsets.US_ASCII), len);
    }

    static final String[] NAMES = {"RoomCentricLeft", "RoomCentricRight", "RoomCentricCenter", "RoomCentricLFE",
            "RoomCentricLeftSurround", "RoomCentricRightSurround"};

    static String axml() {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ebuCoreMain"
                + " xmlns=\"urn:ebu:metadata-schema:ebuCore_2014\"><coreMetadata><format><audioFormatExtended>\n");
        for (int i = 0; i < NAMES.length; i++) {
            x.append(String.format("<audioChannelFormat audioChannelFormatID=\"AC_0001000%d\""
                    + " audioChannelFormatName=\"%s\" typeLabel=\"0001\"><audioBlockFormat/></audioChannelFormat>\n",
                    i + 1, NAMES[i]));
        }
        return x.append("</audioFormatExtended></format></coreMetadata></ebuCoreMain>").toString();
    }

    static String[][] fiveOneIds() {
        String[][] ids = new String[6][];
        for (int i = 0; i < 6; i++) {
            ids[i] = new String[] {String.valueOf(i + 1), String.format("ATU_0000000%d", i + 1),
                    String.format("AT_0001000%d_01", i + 1), "AP_00010003"};
        }
        return ids;
    }

    private static AudioFile written(WavWriter w) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        double[][] x = new double[6][480];
        w.write(out, 48_000, x);
        return AudioFiles.open(new ByteArrayInputStream(out.toByteArray()), "adm.wav");
    }

    @Test
    void chnaAndAxmlGiveTheTracksAndChannelFormats() throws IOException {
        WavWriter w = WavWriter.pcm(24).withChannelMask(0x3F)
                .withChunk(new WavWriter.Chunk("chna", chna(6, fiveOneIds())))
                .withChunk(new WavWriter.Chunk("axml", axml().getBytes(StandardCharsets.UTF_8)));
        {
            AudioFile f = written(w);
            Adm adm = f.metadata().adm().orElseThrow();
            assertThat(adm.hasChna()).isTrue();
            assertThat(adm.hasAxml()).isTrue();
            assertThat(adm.declaredTracks()).isEqualTo(6);
            assertThat(adm.tracks()).hasSize(6);
            assertThat(adm.tracks().get(3)).isEqualTo(new Adm.Track(4, "ATU_00000004", "AT_00010004_01", "AP_00010003"));
            assertThat(adm.channelFormats()).containsExactly(NAMES);
            assertThat(adm.channelFormatIds()).startsWith("AC_00010001").hasSize(6);
            assertThat(adm.channelFormatOf(adm.tracks().get(4))).contains("RoomCentricLeftSurround");
            assertThat(f.warnings()).isEmpty();
        }
    }

    @Test
    void unusedEntriesAreLeftOutAndAShortChunkIsAWarning() throws IOException {
        String[][] ids = {{"1", "ATU_00000001", "AT_00010001_01", "AP_00010001"}, {"0", "", "", ""}};
        WavWriter w = WavWriter.pcm(24).withChunk(new WavWriter.Chunk("chna", chna(5, ids)));
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

    /** Random and cut payloads never throw out of the reader, and never produce more entries than fit. */
    @Test
    void randomAndTruncatedPayloadsAreSafe() {
        Random rnd = new Random(15);
        byte[] good = chna(6, fiveOneIds());
        byte[] xml = axml().getBytes(StandardCharsets.UTF_8);
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
                    assertThat(adm.channelFormats().size()).isLessThanOrEqualTo(NAMES.length);
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
