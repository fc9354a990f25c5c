package org.stemcheck.io.internal.flac;

import static org.stemcheck.io.AudioFileException.Kind.CORRUPT;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalLong;

import org.stemcheck.io.AudioFileException;
import org.stemcheck.io.ChunkInfo;
import org.stemcheck.io.FileKind;
import org.stemcheck.io.internal.Bytes;
import org.stemcheck.io.internal.MetadataBuilder;
import org.stemcheck.io.spi.ByteInput;

/**
 * Reads a FLAC file's head: ID3v2 tags in front (skipped), the {@code fLaC} marker and the
 * metadata blocks (RFC 9639 sections 6, 8 and 8.1), leaving the input at the first frame.
 *
 * <p>STREAMINFO must come first and is validated at once ({@link StreamInfo}); VORBIS_COMMENT and
 * APPLICATION {@code riff} blocks are read; PADDING, SEEKTABLE, CUESHEET, PICTURE and reserved
 * types are skipped unread. Hardening: every block length is compared with the bytes left
 * before it is read or skipped; payloads are read in pieces (no allocation by a length field);
 * at most {@link #MAX_BLOCKS} blocks.
 */
final class MetadataBlocks {

    /** The most metadata blocks walked: real files have a handful; a crafted file of empty blocks must not keep us busy. */
    static final int MAX_BLOCKS = 100_000;
    /** The most ID3v2 tags skipped before {@code fLaC}: taggers write one. */
    static final int MAX_ID3_TAGS = 4;
    /** Bytes of a metadata block header: last-block flag, 7-bit type, 24-bit length (RFC 9639 section 8.1). */
    private static final int BLOCK_HEADER = 4;
    /** Bytes of an ID3v2 header or footer (id3.org, ID3v2.4.0 structure, section 3.1). */
    private static final int ID3_HEADER = 10;
    /** First allocation when reading a payload; it doubles as bytes arrive. */
    private static final int FIRST_PIECE = 4096;

    /** Block types (RFC 9639 section 8.1, table 4). */
    static final int STREAMINFO = 0;
    static final int PADDING = 1;
    static final int APPLICATION = 2;
    static final int SEEKTABLE = 3;
    static final int VORBIS_COMMENT = 4;
    static final int CUESHEET = 5;
    static final int PICTURE = 6;
    /** Type 127 is forbidden: it would make a frame sync code look like a block header (RFC 9639 section 8.1). */
    static final int FORBIDDEN = 127;

    /** What the head holds. */
    record Head(StreamInfo info, long audioOffset, MetadataBuilder meta, long channelMask) {
    }

    private final ByteInput in;
    private final String name;
    private final MetadataBuilder meta = new MetadataBuilder();
    private final ForeignMetadata foreign = new ForeignMetadata();
    private VorbisComments comments;

    private MetadataBlocks(ByteInput in, String name) {
        this.in = in;
        this.name = name;
    }

    /** Reads the head from the start of {@code in}; leaves {@code in} at the first frame. */
    static Head read(ByteInput in, String name) throws IOException {
        return new MetadataBlocks(in, name).read();
    }

    private Head read() throws IOException {
        skipTagsAndMarker();
        StreamInfo info = null;
        for (int count = 1; ; count++) {
            long at = in.position();
            byte[] h = new byte[BLOCK_HEADER];
            if (in.readUpTo(h, 0, BLOCK_HEADER) < BLOCK_HEADER) {
                throw corrupt(at, null, "the file ends inside the metadata, before any audio frame");
            }
            if (count > MAX_BLOCKS) {
                throw corrupt(at, null, "more than " + MAX_BLOCKS + " metadata blocks: not a plausible FLAC file");
            }
            boolean last = (h[0] & 0x80) != 0;
            int type = h[0] & 0x7F;
            long length = (h[1] & 0xFFL) << 16 | (h[2] & 0xFFL) << 8 | (h[3] & 0xFFL);
            String id = typeName(type);
            if (type == FORBIDDEN) {
                throw corrupt(at, null, "metadata block type 127 is invalid (RFC 9639 section 8.1): "
                        + "a frame where a block was expected, or a block length that is wrong");
            }
            if (info == null && (type != STREAMINFO || length != StreamInfo.LENGTH)) {
                throw corrupt(at, id, type != STREAMINFO
                        ? "the first metadata block must be STREAMINFO (RFC 9639 section 8.2)"
                        : "STREAMINFO of " + length + " bytes; it has " + StreamInfo.LENGTH);
            }
            OptionalLong size = in.size();
            if (size.isPresent() && length > size.getAsLong() - in.position()) {
                throw corrupt(at, id, String.format(Locale.ROOT, "claims %d bytes but only %d are left in the file",
                        length, Math.max(0, size.getAsLong() - in.position())));
            }
            meta.chunk(new ChunkInfo(id, at, length));
            if (info == null) {
                info = StreamInfo.parse(payload(at, id, length), at, name, meta::warn);
            } else {
                block(at, type, id, length);
            }
            if (last) {
                break;
            }
        }
        long mask = 0;
        if (comments != null) {
            mask = comments.channelMask(meta).orElse(0L);
            if (!meta.hasBext()) {
                comments.bext(meta).ifPresent(meta::bext);
            }
        }
        return new Head(info, in.position(), meta, mask);
    }

    private void block(long at, int type, String id, long length) throws IOException {
        switch (type) {
            case STREAMINFO:
                meta.warn(String.format(Locale.ROOT, "a second STREAMINFO block at byte %d is ignored", at));
                skip(at, id, length);
                break;
            case VORBIS_COMMENT:
                if (comments != null) {
                    meta.warn(String.format(Locale.ROOT, "a second VORBIS_COMMENT block at byte %d is ignored", at));
                    skip(at, id, length);
                } else {
                    comments = VorbisComments.parse(payload(at, id, length), meta);
                }
                break;
            case APPLICATION:
                application(at, id, length);
                break;
            default:
                skip(at, id, length);
                break;
        }
    }

    /** An APPLICATION block: a 4-byte id, then data the id defines (RFC 9639 section 8.4). */
    private void application(long at, String id, long length) throws IOException {
        if (length < 4) {
            meta.warn(String.format(Locale.ROOT, "an APPLICATION block of %d bytes at byte %d has no id", length, at));
            skip(at, id, length);
            return;
        }
        // read as any payload: a stream that ends here is a corrupt file, not a plain EOFException
        byte[] appId = payload(at, id, 4);
        if (Bytes.fourCc(appId, 0).equals(ForeignMetadata.RIFF)) {
            foreign.riff(payload(at, id, length - 4), meta);
        } else {
            skip(at, id, length - 4);
        }
    }

    /** Skips ID3v2 tags (id3.org ID3v2.4.0, section 3.1: a synchsafe size, a footer when flagged) and reads {@code fLaC}. */
    private void skipTagsAndMarker() throws IOException {
        byte[] h = new byte[ID3_HEADER];
        for (int tags = 0; ; tags++) {
            long at = in.position();
            if (in.readUpTo(h, 0, 4) < 4) {
                throw corrupt(at, null, "no 'fLaC' marker: the file ends first");
            }
            if (h[0] == 'f' && h[1] == 'L' && h[2] == 'a' && h[3] == 'C') {
                return;
            }
            if (h[0] != 'I' || h[1] != 'D' || h[2] != '3' || tags >= MAX_ID3_TAGS
                    || in.readUpTo(h, 4, ID3_HEADER - 4) < ID3_HEADER - 4) {
                throw corrupt(at, null, "no 'fLaC' marker where the audio should start");
            }
            long tagSize = (h[6] & 0x7FL) << 21 | (h[7] & 0x7FL) << 14 | (h[8] & 0x7FL) << 7 | (h[9] & 0x7FL);
            long skip = tagSize + ((h[5] & 0x10) != 0 ? ID3_HEADER : 0);
            if (in.skip(skip) < skip) {
                throw corrupt(at, null, "the file ends inside the ID3v2 tag in front of the FLAC stream");
            }
        }
    }

    /** A whole payload, read in pieces: the buffer grows only with bytes that arrive. */
    private byte[] payload(long at, String id, long length) throws IOException {
        int want = (int) length; // a 24-bit length
        byte[] b = new byte[Math.min(want, FIRST_PIECE)];
        int got = 0;
        while (got < want) {
            if (got == b.length) {
                b = Arrays.copyOf(b, (int) Math.min(want, 2L * b.length));
            }
            int n = in.readUpTo(b, got, b.length - got);
            if (n == 0) {
                throw corrupt(at, id, String.format(Locale.ROOT, "claims %d bytes but the file ends after %d", length, got));
            }
            got += n;
        }
        return b;
    }

    private void skip(long at, String id, long length) throws IOException {
        long skipped = in.skip(length);
        if (skipped < length) {
            throw corrupt(at, id, String.format(Locale.ROOT, "claims %d bytes but the file ends after %d", length, skipped));
        }
    }

    /** The type's name in RFC 9639 section 8.1, as the block's id in {@code Metadata.chunks()}. */
    static String typeName(int type) {
        switch (type) {
            case STREAMINFO: return "STREAMINFO";
            case PADDING: return "PADDING";
            case APPLICATION: return "APPLICATION";
            case SEEKTABLE: return "SEEKTABLE";
            case VORBIS_COMMENT: return "VORBIS_COMMENT";
            case CUESHEET: return "CUESHEET";
            case PICTURE: return "PICTURE";
            default: return "reserved " + type;
        }
    }

    private AudioFileException corrupt(long at, String block, String detail) {
        return AudioFileException.recognisedAt(CORRUPT, name, at, block, FileKind.FLAC,
                block == null ? "FLAC: " + detail : "FLAC " + detail);
    }
}
