package org.stemcheck.io.internal.flac;

import java.util.Set;

import org.stemcheck.io.internal.Bytes;
import org.stemcheck.io.internal.MetadataBuilder;
import org.stemcheck.io.internal.wav.MetadataChunks;

/**
 * The RIFF chunks {@code flac --keep-foreign-metadata} keeps in APPLICATION blocks with the id
 * {@code riff} (RFC 9639 section 8.4; flac 1.4 writes one block per chunk: first the 12-byte
 * RIFF header, then {@code fmt }, {@code bext} and the others before the audio, then the
 * {@code data} chunk's 8-byte header alone, then the chunks after the audio). The bext, iXML,
 * LIST and cue chunks among them are read by the WAV reader's own parsers, so a FLAC made from a
 * Broadcast Wave file keeps its TimeReference, cue points and iXML.
 */
final class ForeignMetadata {

    /** The APPLICATION id flac uses for RIFF chunks. */
    static final String RIFF = "riff";
    private static final Set<String> RIFF_FORMS = Set.of("RIFF", "RIFX", "RF64", "BW64");
    private static final Set<String> READ = Set.of("bext", "iXML", "LIST", "cue ");

    /** Whether a RIFX header was seen: its LIST and cue chunks are big-endian. */
    private boolean bigEndian;

    /** Reads the chunks in one {@code riff} block's data (after the 4-byte application id). */
    void riff(byte[] b, MetadataBuilder meta) {
        int p = 0;
        if (b.length >= 12 && RIFF_FORMS.contains(Bytes.fourCc(b, 0))) {
            bigEndian = Bytes.fourCc(b, 0).equals("RIFX");
            p = 12;
        }
        while (p + 8 <= b.length) {
            String id = Bytes.fourCc(b, p);
            long size = Bytes.u32(b, p + 4, bigEndian);
            int start = p + 8;
            if (id.equals("data")) {
                return; // the audio's header: its payload is the FLAC frames
            }
            int len = (int) Math.min(size, b.length - start);
            if (len < size) {
                meta.warn("the '" + id + "' chunk kept in a FLAC APPLICATION block is cut short; read as far as it goes");
            }
            if (READ.contains(id)) {
                MetadataChunks.parse(id, java.util.Arrays.copyOfRange(b, start, start + len), meta, bigEndian);
            }
            p = start + len + (len & 1);
        }
    }
}
