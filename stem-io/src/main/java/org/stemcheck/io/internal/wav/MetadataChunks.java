package org.stemcheck.io.internal.wav;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

import org.stemcheck.io.Bext;
import org.stemcheck.io.internal.Bytes;
import org.stemcheck.io.internal.MetadataBuilder;

/**
 * Parses the WAV metadata chunks: bext (EBU Tech 3285), iXML, LIST (INFO, adtl) and cue. Public
 * (in this unexported package) for the FLAC reader, which finds the same chunks in the
 * APPLICATION blocks {@code flac --keep-foreign-metadata} writes.
 */
public final class MetadataChunks {

    /** bext field offsets (EBU Tech 3285 v2, section 2.3). */
    private static final int DESCRIPTION = 0;
    private static final int ORIGINATOR = 256;
    private static final int ORIGINATOR_REFERENCE = 288;
    private static final int ORIGINATION_DATE = 320;
    private static final int ORIGINATION_TIME = 330;
    private static final int TIME_REFERENCE = 338;
    private static final int VERSION = 346;
    private static final int UMID = 348;
    private static final int LOUDNESS_VALUE = 412;
    private static final int CODING_HISTORY = 602;

    private MetadataChunks() {
    }

    /**
     * Parses one chunk's payload into {@code meta}; ids other than bext, iXML, LIST and cue are ignored.
     *
     * @param id   the four-character chunk id
     * @param b    the payload, without the 8-byte chunk header
     * @param meta receives what the chunk holds, and warnings
     * @param be   true for a RIFX (big-endian) file's LIST and cue chunks
     */
    public static void parse(String id, byte[] b, MetadataBuilder meta, boolean be) {
        switch (id) {
            case "bext":
                bext(b, meta);
                break;
            case "iXML":
                meta.ixml(Bytes.text(b, 0, b.length));
                break;
            case "LIST":
                list(b, meta, be);
                break;
            case "cue ":
                cue(b, meta, be);
                break;
            default:
                break;
        }
    }

    private static void bext(byte[] b, MetadataBuilder meta) {
        if (b.length < VERSION) {
            meta.warn("bext chunk of " + b.length + " bytes is too short to hold a TimeReference; ignored");
            return;
        }
        int version = b.length >= UMID ? Bytes.u16le(b, VERSION) : 0;
        String umid = "";
        if (b.length >= LOUDNESS_VALUE && version >= 1 && !allZero(b, UMID, 64)) {
            umid = HexFormat.of().formatHex(b, UMID, UMID + 64);
        }
        Optional<Bext.BextLoudness> loudness = Optional.empty();
        if (version >= 2 && b.length >= LOUDNESS_VALUE + 10 && !allZero(b, LOUDNESS_VALUE, 10)) {
            loudness = Optional.of(new Bext.BextLoudness(
                    s16(b, LOUDNESS_VALUE) / 100.0, s16(b, LOUDNESS_VALUE + 2) / 100.0,
                    s16(b, LOUDNESS_VALUE + 4) / 100.0, s16(b, LOUDNESS_VALUE + 6) / 100.0,
                    s16(b, LOUDNESS_VALUE + 8) / 100.0));
        }
        String history = b.length > CODING_HISTORY
                ? new String(b, CODING_HISTORY, b.length - CODING_HISTORY, StandardCharsets.ISO_8859_1)
                        .replace("\0", "").strip()
                : "";
        meta.bext(new Bext(
                Bytes.text(b, DESCRIPTION, 256),
                Bytes.text(b, ORIGINATOR, 32),
                Bytes.text(b, ORIGINATOR_REFERENCE, 32),
                Bytes.text(b, ORIGINATION_DATE, 10),
                Bytes.text(b, ORIGINATION_TIME, 8),
                Bytes.u64le(b, TIME_REFERENCE),
                version, umid, loudness, history));
    }

    private static void list(byte[] b, MetadataBuilder meta, boolean be) {
        if (b.length < 4) {
            return;
        }
        String type = Bytes.fourCc(b, 0);
        int p = 4;
        while (p + 8 <= b.length) {
            String sub = Bytes.fourCc(b, p);
            long size = Bytes.u32(b, p + 4, be);
            int start = p + 8;
            if (size > b.length - start) {
                meta.warn("LIST/" + type + " entry '" + sub + "' runs past its chunk; the rest is ignored");
                return;
            }
            int len = (int) size;
            if (type.equals("INFO")) {
                meta.info(sub, Bytes.text(b, start, len));
            } else if (type.equals("adtl") && (sub.equals("labl") || sub.equals("note")) && len >= 4) {
                if (sub.equals("labl")) {
                    meta.label(Bytes.u32(b, start, be), Bytes.text(b, start + 4, len - 4));
                }
            }
            p = start + len + (len & 1);
        }
    }

    private static void cue(byte[] b, MetadataBuilder meta, boolean be) {
        if (b.length < 4) {
            return;
        }
        long count = Bytes.u32(b, 0, be);
        long fit = Math.min(count, (b.length - 4) / 24);
        for (int i = 0; i < fit; i++) {
            int p = 4 + i * 24;
            meta.cue(Bytes.u32(b, p, be), Bytes.u32(b, p + 20, be));
        }
        if (fit < count) {
            meta.warn("cue chunk declares " + count + " points but holds " + fit);
        }
    }

    private static int s16(byte[] b, int i) {
        return (short) Bytes.u16le(b, i);
    }

    private static boolean allZero(byte[] b, int from, int len) {
        for (int i = from; i < from + len; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
