package org.stemcheck.io.internal.wav;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.stemcheck.io.Adm;
import org.stemcheck.io.internal.Bytes;
import org.stemcheck.io.internal.MetadataBuilder;

/**
 * Reads the ADM chunks of a Broadcast WAV / BW64 file far enough to say what the file is:
 * {@code chna} (ITU-R BS.2088-1 section 8, EBU Tech 3285 s5: {@code numTracks} u16,
 * {@code numUIDs} u16, then {@code numUIDs} audio IDs of 40 bytes: {@code trackIndex} u16, a
 * 12-character audioTrackUID, a 14-character trackFormat ref, an 11-character packFormat ref and
 * one pad byte) and {@code axml} (ITU-R BS.2076 XML: only the {@code audioChannelFormatName} of
 * each {@code audioChannelFormat} element, and the text of each {@code audioTrackUIDRef}, are
 * taken).
 *
 * <p>The payload has been read within the metadata cap already; entries are read only as far as
 * the payload holds them (a declared count larger than the chunk is a warning), and at most
 * {@link Adm#MAX_ENTRIES} are kept. The XML is scanned, not parsed: no DTD, entity or external
 * reference is ever resolved.
 */
final class AdmChunks {

    /** Bytes before the first audio ID: numTracks and numUIDs (BS.2088-1 Table 9). */
    static final int CHNA_HEADER = 4;
    /** Bytes of one audio ID: 2 + 12 + 14 + 11 + 1 pad (BS.2088-1 Table 10). */
    static final int AUDIO_ID = 40;
    private static final int UID = 2;
    private static final int UID_LEN = 12;
    private static final int TRACK_REF = UID + UID_LEN;
    private static final int TRACK_REF_LEN = 14;
    private static final int PACK_REF = TRACK_REF + TRACK_REF_LEN;
    private static final int PACK_REF_LEN = 11;
    /** The longest channel format name kept: names are short ("RoomCentricLeft"); a crafted one is cut. */
    static final int MAX_NAME = 128;

    /** One {@code audioChannelFormat} start tag, bounded so that a tag without an end cannot make the scan quadratic. */
    private static final Pattern CHANNEL_FORMAT = Pattern.compile("<(?:[\\w.-]{1,32}:)?audioChannelFormat\\s([^<>]{0,4096})>");
    private static final Pattern NAME = Pattern.compile("audioChannelFormatName\\s*=\\s*([\"'])([^\"'<>]{0,4096})\\1");
    /** One {@code audioTrackUIDRef} element's text, bounded like the others. */
    private static final Pattern UID_REF = Pattern.compile(
            "<(?:[\\w.-]{1,32}:)?audioTrackUIDRef\\s{0,64}>\\s{0,64}([\\w.-]{1,64})\\s{0,64}</");
    private static final Pattern ID = Pattern.compile("audioChannelFormatID\\s*=\\s*([\"'])([^\"'<>]{0,64})\\1");

    private AdmChunks() {
    }

    static void chna(byte[] b, MetadataBuilder meta) {
        if (b.length < CHNA_HEADER) {
            meta.warn("chna chunk of " + b.length + " bytes is too short for its track counts; its tracks are unknown");
            meta.adm(new Adm(List.of(), 0, List.of(), List.of(), false, true));
            return;
        }
        int numTracks = Bytes.u16le(b, 0);
        int numUids = Bytes.u16le(b, 2);
        long fit = (b.length - CHNA_HEADER) / AUDIO_ID;
        if (numUids > fit) {
            meta.warn(String.format(Locale.ROOT, "chna chunk declares %d track UIDs but holds %d", numUids, fit));
        }
        int n = (int) Math.min(Math.min(numUids, fit), Adm.MAX_ENTRIES);
        List<Adm.Track> tracks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int p = CHNA_HEADER + i * AUDIO_ID;
            int index = Bytes.u16le(b, p);
            if (index == 0) {
                continue; // BS.2088: an unused entry, reserved for later UIDs
            }
            tracks.add(new Adm.Track(index, ascii(b, p + UID, UID_LEN), ascii(b, p + TRACK_REF, TRACK_REF_LEN),
                    ascii(b, p + PACK_REF, PACK_REF_LEN)));
        }
        meta.adm(new Adm(tracks, numTracks, List.of(), List.of(), false, true));
    }

    static void axml(byte[] b, MetadataBuilder meta) {
        String xml = new String(b, StandardCharsets.UTF_8);
        List<String> names = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        Matcher m = CHANNEL_FORMAT.matcher(xml);
        while (m.find() && names.size() < Adm.MAX_ENTRIES) {
            Matcher name = NAME.matcher(m.group(1));
            String s = name.find() ? name.group(2).strip() : "";
            names.add(s.length() > MAX_NAME ? s.substring(0, MAX_NAME) : s);
            Matcher id = ID.matcher(m.group(1));
            ids.add(id.find() ? id.group(2).strip() : "");
        }
        List<String> refs = new ArrayList<>();
        Matcher r = UID_REF.matcher(xml);
        while (r.find() && refs.size() < Adm.MAX_ENTRIES) {
            refs.add(r.group(1));
        }
        meta.adm(new Adm(List.of(), 0, names, ids, true, false, refs));
    }

    /** A fixed-length ASCII field, printable characters only, trailing NULs and spaces dropped. */
    private static String ascii(byte[] b, int from, int len) {
        StringBuilder s = new StringBuilder(len);
        for (int i = from; i < from + len; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) {
                break;
            }
            s.append(c >= 0x20 && c < 0x7F ? (char) c : '?');
        }
        return s.toString().strip();
    }
}
