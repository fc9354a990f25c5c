package org.stemcheck.io.internal.aiff;

import static org.stemcheck.io.AudioFileException.Kind.CORRUPT;

import java.io.IOException;
import java.util.Locale;
import java.util.OptionalLong;

import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFileException;
import org.stemcheck.io.ChunkInfo;
import org.stemcheck.io.FileKind;
import org.stemcheck.io.internal.Bytes;
import org.stemcheck.io.internal.MetadataBuilder;
import org.stemcheck.io.internal.OpenedAudioFile;
import org.stemcheck.io.internal.Sniffer;
import org.stemcheck.io.spi.AudioSource;
import org.stemcheck.io.spi.ByteInput;

/**
 * Walks the chunks of one FORM/AIFF or FORM/AIFC file. One instance per file.
 *
 * <p>Hardening: every chunk size is checked against the bytes left before anything is read or
 * allocated; COMM and metadata chunks are read only up to their caps; the walk advances by at
 * least 8 bytes a chunk and stops after {@link #MAX_CHUNKS} chunks. All offsets are {@code long}.
 *
 * <p>Lenience: chunks may come in any order (COMM after SSND is read from a file, refused from a
 * one-shot stream, which cannot go back); an odd-sized chunk without its pad byte is read with a
 * warning; a FORM size that disagrees with the file is tolerated.
 */
final class AiffParser {

    /** The most bytes of a COMM chunk we read: the largest defined one is 22 + 256 bytes (AIFF-C). */
    static final int COMM_CAP = 1 << 16;
    /** The most bytes of one text chunk (NAME, AUTH, ANNO, (c) ) we read; larger ones are skipped. */
    static final int TEXT_CAP = 1 << 20;
    /** The most bytes of a MARK chunk we read: 65535 markers with 255-character names fit in 17 MB. */
    static final int MARK_CAP = 1 << 20;
    /** The most chunks we walk: real files have a handful; a crafted file must not keep us busy. */
    static final int MAX_CHUNKS = 100_000;
    /** Bytes of the SSND header before the audio: offset and blockSize (AIFF 1.3, "Sound Data Chunk"). */
    static final int SSND_HEADER = 8;

    private final AudioSource source;
    private final String name;
    private final MetadataBuilder meta = new MetadataBuilder();
    private FileKind kind;
    private long formEnd;
    private CommChunk comm;
    private long commOffset = -1;
    private long ssndOffset = -1;
    private long ssndEnd;
    private long ssndSize;
    private long dataOffset = -1;
    private long dataBytes;
    private long blockSize;
    private int chunkCount;
    /** A byte read while looking for a missing pad byte, which starts the next chunk header. */
    private int carried = -1;

    AiffParser(AudioSource source) {
        this.source = source;
        this.name = source.name();
    }

    AudioFile parse() throws IOException {
        ByteInput in = source.open();
        boolean handedOver = false;
        try {
            readFormHeader(in);
            boolean oneShot = !source.repeatable();
            walk(in, oneShot);
            if (comm == null) {
                throw corrupt(-1, null, "no 'COMM' chunk: the sample format is unknown");
            }
            if (ssndOffset < 0 && comm.frames() > 0) {
                throw corrupt(commOffset, "COMM", String.format(Locale.ROOT,
                        "declares %d frames but the file has no 'SSND' chunk", comm.frames()));
            }
            long available = availableFrames(in);
            ByteInput pending = null;
            OpenedAudioFile.TrailingChunks trailing = null;
            if (oneShot) {
                pending = in;
                handedOver = true;
                if (ssndOffset >= 0) {
                    trailing = this::walkTrailing;
                }
            }
            long streamOffset = dataOffset >= 0 ? dataOffset : 12;
            return new OpenedAudioFile(source, comm.format(), streamOffset, available, comm.frames(),
                    meta::snapshot, meta.warnings(), pending, trailing);
        } finally {
            if (!handedOver) {
                in.close();
            }
        }
    }

    private long availableFrames(ByteInput in) {
        if (ssndOffset < 0) {
            return 0;
        }
        int frameBytes = comm.format().bytesPerFrame();
        long inChunk = dataBytes / frameBytes;
        long available = Math.min(comm.frames(), inChunk);
        OptionalLong size = in.size();
        if (size.isPresent()) {
            long present = Math.max(0, size.getAsLong() - dataOffset);
            available = Math.min(available, present / frameBytes);
        }
        if (inChunk > comm.frames() && blockSize == 0) {
            meta.warn(String.format(Locale.ROOT,
                    "the SSND chunk holds %d frames, COMM declares %d; the extra frames are ignored", inChunk, comm.frames()));
        }
        return available;
    }

    private void readFormHeader(ByteInput in) throws IOException {
        byte[] h = new byte[12];
        int n = in.readUpTo(h, 0, 12);
        kind = Sniffer.sniff(h, n);
        if (kind != FileKind.AIFF && kind != FileKind.AIFC) {
            throw corrupt(0, null, "not a FORM/AIFF or FORM/AIFC file");
        }
        formEnd = 8 + Bytes.u32be(h, 4);
    }

    /** Walks chunks from the current position; stops at the SSND audio when {@code stopAtSsnd}. */
    private void walk(ByteInput in, boolean stopAtSsnd) throws IOException {
        byte[] h = new byte[8];
        while (true) {
            long at = in.position() - (carried >= 0 ? 1 : 0);
            if (pastForm(in, at)) {
                return;
            }
            int n = readHeader(in, h);
            if (n == 0) {
                return;
            }
            if (n < 8) {
                meta.warn(String.format(Locale.ROOT, "%d stray bytes after the last chunk at byte %d ignored", n, at));
                return;
            }
            if (++chunkCount > MAX_CHUNKS) {
                throw corrupt(at, null, "more than " + MAX_CHUNKS + " chunks: not a plausible AIFF file");
            }
            String id = Bytes.fourCc(h, 0);
            long size = Bytes.u32be(h, 4);
            meta.chunk(new ChunkInfo(id, at, size));
            if (id.equals("SSND")) {
                if (!soundData(in, at, size, stopAtSsnd)) {
                    return;
                }
                continue;
            }
            OptionalLong left = left(in);
            if (left.isPresent() && size > left.getAsLong()) {
                if (id.equals("COMM")) {
                    throw corrupt(at, id, String.format(Locale.ROOT,
                            "claims %d bytes but only %d are left in the file", size, left.getAsLong()));
                }
                meta.warn(String.format(Locale.ROOT,
                        "'%s' chunk at byte %d claims %d bytes but only %d are left; the walk stops there",
                        id, at, size, left.getAsLong()));
                return;
            }
            payload(in, id, at, size);
            if (!skipPad(in, size)) {
                return;
            }
        }
    }

    /**
     * True once the walk has passed the end the FORM header declares and has what it needs:
     * bytes beyond (an appended tag, garbage) are not chunks of this file. A FORM size too small
     * to hold COMM and SSND is ignored, as other readers do.
     */
    private boolean pastForm(ByteInput in, long at) {
        if (at < formEnd || comm == null || ssndOffset < 0) {
            return false;
        }
        OptionalLong size = in.size();
        if (size.isPresent() && size.getAsLong() > at) {
            meta.warn(String.format(Locale.ROOT, "%d bytes after the end of the FORM chunk (byte %d) ignored",
                    size.getAsLong() - at, formEnd));
        }
        return true;
    }

    private void payload(ByteInput in, String id, long at, long size) throws IOException {
        if (id.equals("COMM")) {
            if (comm != null) {
                meta.warn(String.format(Locale.ROOT, "a second 'COMM' chunk at byte %d is ignored", at));
                in.skip(size);
                return;
            }
            comm = CommChunk.parse(readPayload(in, at, id, size, COMM_CAP), kind, name, at, meta);
            commOffset = at;
        } else if (AiffMetadata.isText(id)) {
            if (capped(in, id, at, size, TEXT_CAP)) {
                AiffMetadata.text(id, readPayload(in, at, id, size, TEXT_CAP), meta);
            }
        } else if (id.equals("MARK")) {
            if (capped(in, id, at, size, MARK_CAP)) {
                AiffMetadata.markers(readPayload(in, at, id, size, MARK_CAP), meta);
            }
        } else {
            in.skip(size);
        }
    }

    /** True when a metadata chunk is within its cap; otherwise skips it with a warning. */
    private boolean capped(ByteInput in, String id, long at, long size, int cap) throws IOException {
        if (size <= cap) {
            return true;
        }
        meta.warn(String.format(Locale.ROOT, "'%s' chunk at byte %d is %d bytes, over the %d-byte cap; skipped",
                id, at, size, cap));
        in.skip(size);
        return false;
    }

    /**
     * The SSND chunk: its offset and blockSize, then the audio. Returns false when the walk ends
     * here (the audio of a one-shot stream, or a file that ends inside the chunk).
     */
    private boolean soundData(ByteInput in, long at, long size, boolean stopAtSsnd) throws IOException {
        if (ssndOffset >= 0) {
            meta.warn(String.format(Locale.ROOT, "a second 'SSND' chunk at byte %d is ignored", at));
            return skipPayload(in, size, size);
        }
        if (size < SSND_HEADER) {
            throw corrupt(at, "SSND", String.format(Locale.ROOT,
                    "is %d bytes, too small for its offset and block size fields", size));
        }
        byte[] b = new byte[SSND_HEADER];
        if (in.readUpTo(b, 0, SSND_HEADER) < SSND_HEADER) {
            throw corrupt(at, "SSND", "the file ends inside the chunk's offset and block size fields");
        }
        long offset = Bytes.u32be(b, 0);
        blockSize = Bytes.u32be(b, 4);
        if (offset > size - SSND_HEADER) {
            throw corrupt(at, "SSND", String.format(Locale.ROOT,
                    "the audio offset %d lies beyond the chunk's %d bytes", offset, size));
        }
        ssndOffset = at;
        ssndSize = size;
        ssndEnd = at + 8 + size;
        dataOffset = at + 8 + SSND_HEADER + offset;
        dataBytes = size - SSND_HEADER - offset;
        if (stopAtSsnd) {
            if (comm == null) {
                throw AudioFileException.of(AudioFileException.Kind.UNSUPPORTED, name, at, "SSND",
                        "the audio comes before the 'COMM' chunk, which a one-shot stream cannot go back for; "
                                + "open the file from a path");
            }
            in.skip(offset);
            return false;
        }
        return skipPayload(in, size - SSND_HEADER, size);
    }

    /** For a one-shot stream, once its audio has been read: walks the chunks after SSND. */
    private void walkTrailing(ByteInput in) {
        try {
            long rest = ssndEnd - in.position();
            if (rest < 0 || in.skip(rest) < rest) {
                return;
            }
            if (skipPad(in, ssndSize)) {
                walk(in, false);
            }
        } catch (IOException e) {
            meta.warn("metadata after the audio could not be read: " + e.getMessage());
        }
    }

    /** Skips the {@code rest} of a chunk of {@code size} bytes and its pad byte; false when the file ends inside it. */
    private boolean skipPayload(ByteInput in, long rest, long size) throws IOException {
        if (in.skip(rest) < rest) {
            return false;
        }
        return skipPad(in, size);
    }

    private byte[] readPayload(ByteInput in, long at, String id, long size, int cap) throws IOException {
        if (size > cap) {
            throw corrupt(at, id, String.format(Locale.ROOT, "is %d bytes, more than the %d this chunk may have", size, cap));
        }
        OptionalLong left = left(in);
        if (left.isPresent() && size > left.getAsLong()) {
            throw corrupt(at, id, String.format(Locale.ROOT,
                    "claims %d bytes but only %d are left in the file", size, left.getAsLong()));
        }
        byte[] b = new byte[(int) size];
        int n = in.readUpTo(b, 0, b.length);
        if (n < size) {
            throw corrupt(at, id, String.format(Locale.ROOT, "claims %d bytes but the file ends after %d", size, n));
        }
        return b;
    }

    /**
     * Reads the pad byte after an odd-sized chunk. A missing pad byte (a writer bug) is tolerated:
     * a non-zero byte is kept as the first byte of the next chunk id.
     */
    private boolean skipPad(ByteInput in, long size) throws IOException {
        if ((size & 1) == 0) {
            return true;
        }
        byte[] one = new byte[1];
        if (in.readUpTo(one, 0, 1) < 1) {
            meta.warn("the last chunk has an odd size and no pad byte");
            return false;
        }
        if (one[0] != 0) {
            meta.warn(String.format(Locale.ROOT, "odd-sized chunk without a pad byte before byte %d", in.position() - 1));
            carried = one[0] & 0xFF;
        }
        return true;
    }

    private int readHeader(ByteInput in, byte[] h) throws IOException {
        int off = 0;
        if (carried >= 0) {
            h[0] = (byte) carried;
            carried = -1;
            off = 1;
        }
        return off + in.readUpTo(h, off, 8 - off);
    }

    private static OptionalLong left(ByteInput in) {
        OptionalLong size = in.size();
        return size.isPresent() ? OptionalLong.of(Math.max(0, size.getAsLong() - in.position())) : OptionalLong.empty();
    }

    private AudioFileException corrupt(long offset, String chunk, String detail) {
        return AudioFileException.of(CORRUPT, name, offset, chunk, detail);
    }
}
