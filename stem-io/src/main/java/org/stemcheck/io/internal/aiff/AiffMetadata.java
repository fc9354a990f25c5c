package org.stemcheck.io.internal.aiff;

import java.util.Locale;

import org.stemcheck.io.internal.Bytes;
import org.stemcheck.io.internal.MetadataBuilder;

/**
 * The AIFF metadata chunks we keep: the text chunks {@code NAME}, {@code AUTH}, {@code ANNO} and
 * {@code (c) } (AIFF 1.3, "Text Chunks"), and the marker chunk {@code MARK} ("Marker Chunk").
 */
final class AiffMetadata {

    /** Bytes of a MARK entry before its name: a 16-bit id and a 32-bit position (AIFF 1.3). */
    private static final int MARKER_HEADER = 6;

    private AiffMetadata() {
    }

    static boolean isText(String id) {
        return id.equals("NAME") || id.equals("AUTH") || id.equals("ANNO") || id.equals("(c) ");
    }

    static void text(String id, byte[] b, MetadataBuilder meta) {
        meta.info(id, Bytes.text(b, 0, b.length));
    }

    /**
     * A MARK chunk: a 16-bit count, then per marker a 16-bit id, a 32-bit frame position and a
     * Pascal string name padded to an even length. Markers that do not fit are dropped with a
     * warning.
     */
    static void markers(byte[] b, MetadataBuilder meta) {
        if (b.length < 2) {
            meta.warn("MARK chunk of " + b.length + " bytes holds no marker count; ignored");
            return;
        }
        int count = Bytes.u16be(b, 0);
        int p = 2;
        int read = 0;
        while (read < count && p + MARKER_HEADER <= b.length) {
            int id = Bytes.u16be(b, p);
            long position = Bytes.u32be(b, p + 2);
            p += MARKER_HEADER;
            String label = "";
            if (p < b.length) {
                int len = Math.min(b[p] & 0xFF, b.length - p - 1);
                label = Bytes.text(b, p + 1, len);
                // The count byte and the text together take an even number of bytes.
                int stored = 1 + (b[p] & 0xFF);
                p += stored + (stored & 1);
            }
            meta.cue(id, position);
            meta.label(id, label);
            read++;
        }
        if (read < count) {
            meta.warn(String.format(Locale.ROOT, "MARK chunk declares %d markers but holds %d", count, read));
        }
    }
}
