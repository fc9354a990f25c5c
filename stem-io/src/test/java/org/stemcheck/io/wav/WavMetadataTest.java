package org.stemcheck.io.wav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.io.AudioFile;
import org.stemcheck.io.Bext;
import org.stemcheck.io.CuePoint;
import org.stemcheck.io.IXml;

/** The metadata chunks of the WAV reader, on crafted files: bext v2, LIST/INFO, cue + labels, iXML. */
class WavMetadataTest {

    @TempDir
    Path dir;

    /** A TimeReference above 2^32 (about 25 hours at 48 kHz) proves the full 64 bits are read. */
    private static final long TIME_REFERENCE = 0x1_2345_6789L;

    /** EBU Tech 3285 v2 layout: 602 fixed bytes, then the coding history. */
    static byte[] bextV2(long timeReference, String history) {
        WavBytes b = WavBytes.riff().body()
                .text("Bass stem", 256)
                .text("stemcheck", 32)
                .text("REF-0001", 32)
                .text("2026-11-25", 10)
                .text("01:02:03", 8)
                .u32(timeReference & 0xFFFFFFFFL)
                .u32(timeReference >>> 32)
                .u16(2);
        for (int i = 0; i < 64; i++) {
            b.put(i + 1, 1); // UMID
        }
        b.u16(-2300 & 0xFFFF).u16(540).u16(-110 & 0xFFFF).u16(-1500 & 0xFFFF).u16(-1800 & 0xFFFF);
        b.raw(new byte[180]); // reserved
        b.ascii(history);
        return b.bytes();
    }

    @Test
    void bextVersion2IsReadWithEveryField() throws IOException {
        AudioFile f = WavBytes.riff().chunk("bext", bextV2(TIME_REFERENCE, "A=PCM,F=48000,W=24,M=stereo\r\n"))
                .fmt(1, 2, 48000, 24).chunk("data", new byte[12]).open(dir);

        Bext b = f.metadata().bext().orElseThrow();
        assertThat(b.description()).isEqualTo("Bass stem");
        assertThat(b.originator()).isEqualTo("stemcheck");
        assertThat(b.originatorReference()).isEqualTo("REF-0001");
        assertThat(b.originationDate()).isEqualTo("2026-11-25");
        assertThat(b.originationTime()).isEqualTo("01:02:03");
        assertThat(b.timeReference()).isEqualTo(TIME_REFERENCE);
        assertThat(f.metadata().timeReference()).contains(TIME_REFERENCE);
        assertThat(b.version()).isEqualTo(2);
        assertThat(b.umid()).hasSize(128).startsWith("0102030405");
        assertThat(b.loudness()).contains(new Bext.BextLoudness(-23.0, 5.4, -1.1, -15.0, -18.0));
        assertThat(b.codingHistory()).isEqualTo("A=PCM,F=48000,W=24,M=stereo");
    }

    @Test
    void listInfoEntriesAreKeyedByTheirIds() throws IOException {
        WavBytes info = WavBytes.riff().body().ascii("INFO");
        info.ascii("INAM").u32(6).ascii("Title\0");
        info.ascii("IART").u32(3).ascii("Bob").put(0, 1); // odd size, pad byte
        info.ascii("ISFT").u32(9).ascii("stemcheck").put(0, 1);
        AudioFile f = WavBytes.riff().fmt(1, 1, 8000, 16).chunk("LIST", info.bytes()).chunk("data", new byte[2]).open(dir);
        assertThat(f.metadata().info()).containsEntry("INAM", "Title").containsEntry("IART", "Bob")
                .containsEntry("ISFT", "stemcheck");
    }

    @Test
    void cuePointsCarryTheirAdtlLabels() throws IOException {
        AudioFile f = WavBytes.riff().fmt(1, 1, 8000, 16).chunk("data", new byte[2])
                .chunk("cue ", cue(new long[] {1, 2}, new long[] {100, 2500}))
                .chunk("LIST", adtl(1, "Verse", 2, "Chorus")).open(dir);
        assertThat(f.metadata().cues()).containsExactly(new CuePoint(1, 100, "Verse"), new CuePoint(2, 2500, "Chorus"));
    }

    static byte[] cue(long[] ids, long[] offsets) {
        WavBytes b = WavBytes.riff().body().u32(ids.length);
        for (int i = 0; i < ids.length; i++) {
            b.u32(ids[i]).u32(offsets[i]).ascii("data").u32(0).u32(0).u32(offsets[i]);
        }
        return b.bytes();
    }

    static byte[] adtl(long id1, String label1, long id2, String label2) {
        WavBytes b = WavBytes.riff().body().ascii("adtl");
        for (Object[] l : new Object[][] {{id1, label1}, {id2, label2}}) {
            byte[] text = (l[1] + "\0").getBytes(StandardCharsets.US_ASCII);
            b.ascii("labl").u32(4 + text.length).u32((Long) l[0]).raw(text);
            if ((text.length & 1) != 0) {
                b.put(0, 1);
            }
        }
        return b.bytes();
    }

    @Test
    void metadataAfterTheDataIsFoundAtOpenForFilesAndAtTheEndForStreams() throws IOException {
        WavBytes w = WavBytes.riff().fmt(1, 1, 8000, 16).chunk("data", new byte[6])
                .chunk("bext", bextV2(42, "")).chunk("iXML", "<BWFXML><PROJECT>P</PROJECT></BWFXML>".getBytes(StandardCharsets.UTF_8));

        AudioFile file = w.open(dir);
        assertThat(file.metadata().timeReference()).contains(42L);
        assertThat(file.metadata().ixml()).contains("<BWFXML><PROJECT>P</PROJECT></BWFXML>");

        AudioFile stream = w.openStream("trailing.wav");
        assertThat(stream.metadata().bext()).as("not read yet").isEmpty();
        assertThat(Samples.of(stream)[0]).hasSize(3);
        assertThat(stream.metadata().timeReference()).contains(42L);
        assertThat(stream.metadata().ixml()).isPresent();
    }

    @Test
    void trailingMetadataAfterAnOddDataChunkWithAPartialFrameIsFoundInStreams() throws IOException {
        // 5 data bytes: two 16-bit frames, one stray byte, then the pad byte.
        AudioFile stream = WavBytes.riff().fmt(1, 1, 8000, 16).chunk("data", new byte[5])
                .chunk("bext", bextV2(7, "")).openStream("odd.wav");
        assertThat(Samples.of(stream)[0]).hasSize(2);
        assertThat(stream.metadata().timeReference()).contains(7L);
    }

    @Test
    void ixmlWithAnExternalEntityIsRefused() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE BWFXML [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<BWFXML><PROJECT>&xxe;</PROJECT></BWFXML>";
        assertThatThrownBy(() -> IXml.parse(xxe)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("TOP-SECRET");
    }

    @Test
    void ixmlWithAnExternalDtdOrEntityExpansionIsRefused() {
        String externalDtd = "<!DOCTYPE BWFXML SYSTEM \"http://example.invalid/x.dtd\"><BWFXML/>";
        String laughs = "<!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><l>&b;</l>";
        assertThatThrownBy(() -> IXml.parse(externalDtd)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IXml.parse(laughs)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void plainIxmlParses() {
        assertThat(IXml.parse("<BWFXML><SCENE>A101</SCENE></BWFXML>").getElementsByTagName("SCENE").item(0)
                .getTextContent()).isEqualTo("A101");
    }
}
