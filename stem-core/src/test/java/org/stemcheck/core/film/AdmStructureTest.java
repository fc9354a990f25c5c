package org.stemcheck.core.film;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Report;
import org.stemcheck.core.Severity;
import org.stemcheck.core.StemSet;
import org.stemcheck.core.spec.DeliverySpec;
import org.stemcheck.core.testing.FilmDelivery;
import org.stemcheck.core.testing.Findings;
import org.stemcheck.io.WavWriter;
import org.stemcheck.io.adm.AdmBytes;

/**
 * The cheap structural checks of an ADM printmaster's chna table, against the file's channels and
 * the axml's audioTrackUIDRefs: each fault is one warning on the printmaster that names it; a
 * sound ADM file gets only its info.
 */
class AdmStructureTest {

    @TempDir
    Path dir;

    /** Six audioObjects' UID references, ATU_00000001 .. 6, plus {@code extra}. */
    private static String axml(String... extra) {
        StringBuilder refs = new StringBuilder("<audioObject audioObjectID=\"AO_1001\" audioObjectName=\"PM\">");
        for (int i = 1; i <= 6; i++) {
            refs.append("<audioTrackUIDRef>ATU_0000000").append(i).append("</audioTrackUIDRef>");
        }
        for (String e : extra) {
            refs.append("<audioTrackUIDRef>").append(e).append("</audioTrackUIDRef>");
        }
        refs.append("</audioObject>\n");
        return AdmBytes.axml().replace("</audioFormatExtended>", refs + "</audioFormatExtended>");
    }

    private Report run(String[][] ids, String axml) throws IOException {
        FilmDelivery d = FilmDelivery.clean();
        d.printmasterChunks.add(new WavWriter.Chunk("chna", AdmBytes.chna(ids.length, ids)));
        d.printmasterChunks.add(new WavWriter.Chunk("axml", axml.getBytes(StandardCharsets.UTF_8)));
        d.write(dir);
        return StemSet.from(dir).expect(DeliverySpec.film()).run();
    }

    private static List<Finding> faults(Report r) {
        return Findings.of(r, "format.adm").stream().filter(f -> f.severity() == Severity.WARNING).toList();
    }

    private static Finding onlyFault(Report r) {
        List<Finding> w = faults(r);
        assertThat(w).as(Findings.of(r, "format.adm").toString()).hasSize(1);
        assertThat(w.get(0).files()).containsExactly("Show_PM.wav");
        return w.get(0);
    }

    @Test
    void aSoundAdmFileHasItsInfoAndNoFault() throws IOException {
        Report r = run(AdmBytes.fiveOneIds(), axml());
        assertThat(faults(r)).isEmpty();
        assertThat(Findings.of(r, "format.adm")).hasSize(1);
    }

    @Test
    void aChnaThatCountsOtherTracksThanTheFileHasIsFound() throws IOException {
        String[][] ids = java.util.Arrays.copyOf(AdmBytes.fiveOneIds(), 8);
        ids[6] = new String[] {"7", "ATU_00000007", "AT_00010007_01", "AP_00010003"};
        ids[7] = new String[] {"8", "ATU_00000008", "AT_00010008_01", "AP_00010003"};
        Report r = run(ids, axml());
        List<Finding> w = faults(r);
        assertThat(w).extracting(Finding::message).containsExactly(
                "Show_PM.wav: its chna chunk declares 8 tracks (numTracks), the file has 6 channels",
                "Show_PM.wav: its chna table names tracks 7, 8, beyond the file's 6 channels");
        assertThat(w.get(0).measurements()).containsEntry("chna_tracks", 8.0).containsEntry("channels", 6.0);
    }

    @Test
    void aTrackWithoutAnEntryIsFound() throws IOException {
        String[][] ids = java.util.Arrays.copyOf(AdmBytes.fiveOneIds(), 6);
        ids[3] = new String[] {"5", "ATU_00000004", "AT_00010004_01", "AP_00010003"}; // LFE's entry names track 5
        Report r = run(ids, axml());
        assertThat(onlyFault(r).message())
                .isEqualTo("Show_PM.wav: track 4 of its 6 has no chna entry: no ADM metadata says what it carries");
    }

    @Test
    void aUidGivenToTwoEntriesIsFoundButATrackWithTwoUidsIsNot() throws IOException {
        String[][] ids = AdmBytes.fiveOneIds();
        ids[5] = new String[] {"6", "ATU_00000005", "AT_00010006_01", "AP_00010003"};
        Report r = run(ids, axml());
        List<Finding> w = faults(r);
        assertThat(w).extracting(Finding::message).contains(
                "Show_PM.wav: its chna table gives audioTrackUID ATU_00000005 to 2 entries (tracks 5, 6): a UID names"
                        + " one track");

        // one track carrying two objects in turn (two UIDs on track 1) is allowed by BS.2088-1
        String[][] turns = java.util.Arrays.copyOf(AdmBytes.fiveOneIds(), 7);
        turns[6] = new String[] {"1", "ATU_00000007", "AT_00010001_01", "AP_00010003"};
        java.nio.file.Files.list(dir).forEach(p -> p.toFile().delete());
        Report ok = run(turns, axml("ATU_00000007"));
        assertThat(faults(ok)).extracting(Finding::message).noneMatch(m -> m.contains("audioTrackUID"));
    }

    @Test
    void anAxmlReferenceToAUidTheChnaLacksIsFound() throws IOException {
        Report r = run(AdmBytes.fiveOneIds(), axml("ATU_00000009", "ATU_0000000A"));
        Finding f = onlyFault(r);
        assertThat(f.message()).isEqualTo("Show_PM.wav: its axml refers to audioTrackUIDs ATU_00000009, ATU_0000000A,"
                + " which the chna table does not list: no track carries them");
        assertThat(f.measurements()).containsEntry("missing_track_uids", 2.0);
        assertThat(Findings.problems(r)).containsExactly(f);
    }
}
