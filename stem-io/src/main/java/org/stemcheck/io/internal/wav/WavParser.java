package org.stemcheck.io.internal.wav;

import static org.stemcheck.io.AudioFileException.Kind.CORRUPT;

import java.io.IOException;
import java.util.Locale;
import java.util.OptionalLong;

import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFileException;
import org.stemcheck.io.AudioFormat;
import org.stemcheck.io.ChunkInfo;
import org.stemcheck.io.FileKind;
import org.stemcheck.io.internal.Bytes;
import org.stemcheck.io.internal.MetadataBuilder;
import org.stemcheck.io.internal.OpenedAudioFile;
import org.stemcheck.io.internal.Sniffer;
import org.stemcheck.io.spi.AudioSource;
import org.stemcheck.io.spi.ByteInput;

/**
 * Walks the chunks of one RIFF/RIFX/RF64/BW64 file. One instance per file.
 *
 * <p>Hardening: every chunk size is checked against the bytes left before anything is read or
 * allocated; metadata chunks are read only up to {@link #METADATA_CAP}; the walk advances by at
 * least 8 bytes a chunk and stops after {@link #MAX_CHUNKS} chunks.
 */
final class WavParser {

    /** The most bytes of one metadata chunk (bext, iXML, LIST, cue) we read; larger ones are skipped. */
    static final int METADATA_CAP = 16 << 20;
    /** The most bytes of a fmt chunk we read: the largest defined one is 40 bytes. */
    static final int FMT_CAP = 1 << 16;
    /** The most chunks we walk: real files have a handful; a crafted file must not keep us busy. */
    static final int MAX_CHUNKS = 100_000;
    /** RF64/BW64: a 32-bit size field of all ones means "see ds64". */
    static final long SIZE_IN_DS64 = 0xFFFFFFFFL;

    private final AudioSource source;
    private final String name;
    private final MetadataBuilder meta = new MetadataBuilder();
    private FileKind kind;
    private boolean bigEndian;
    private Ds64 ds64;
    private AudioFormat format;
    private long dataOffset = -1;
    private long dataSize;
    private int chunkCount;
    /** A byte read while looking for a missing pad byte, which starts the next chunk header. */
    private int carried = -1;

    WavParser(AudioSource source) {
        this.source = source;
        this.name = source.name();
    }

    AudioFile parse() throws IOException {
        ByteInput in = source.open();
        boolean handedOver = false;
        try {
            readRiffHeader(in);
            walk(in, !source.repeatable());
            if (format == null) {
                throw corrupt(-1, null, "no 'fmt ' chunk: the sample format is unknown");
            }
            if (dataOffset < 0) {
                throw corrupt(-1, null, "no 'data' chunk: the file holds no audio");
            }
            int frameBytes = format.bytesPerFrame();
            long declared = dataSize / frameBytes;
            long available = declared;
            OptionalLong size = in.size();
            if (size.isPresent()) {
                long present = Math.max(0, size.getAsLong() - dataOffset);
                available = Math.min(declared, present / frameBytes);
            }
            if (dataSize % frameBytes != 0) {
                meta.warn(String.format(Locale.ROOT,
                        "data chunk holds %d bytes, not a whole number of %d-byte frames; the last partial frame is ignored",
                        dataSize, frameBytes));
            }
            ByteInput pending = null;
            OpenedAudioFile.TrailingChunks trailing = null;
            if (!source.repeatable()) {
                pending = in;
                handedOver = true;
                final long afterData = dataOffset + dataSize;
                trailing = stream -> walkTrailing(stream, afterData);
            }
            return new OpenedAudioFile(source, format, dataOffset, available, declared,
                    meta::snapshot, meta.warnings(), pending, trailing);
        } finally {
            if (!handedOver) {
                in.close();
            }
        }
    }

    private void readRiffHeader(ByteInput in) throws IOException {
        byte[] h = new byte[12];
        int n = in.readUpTo(h, 0, 12);
        kind = Sniffer.sniff(h, n);
        if (kind != FileKind.WAV && kind != FileKind.RIFX && kind != FileKind.RF64 && kind != FileKind.BW64) {
            throw corrupt(0, null, "not a RIFF/WAVE file");
        }
        bigEndian = kind == FileKind.RIFX;
    }

    /** Walks chunks from the current position; stops at the data chunk when {@code stopAtData}. */
    private void walk(ByteInput in, boolean stopAtData) throws IOException {
        byte[] h = new byte[8];
        while (true) {
            long at = in.position() - (carried >= 0 ? 1 : 0);
            int n = readHeader(in, h);
            if (n == 0) {
                return;
            }
            if (n < 8) {
                meta.warn(String.format(Locale.ROOT, "%d stray bytes after the last chunk at byte %d ignored", n, at));
                return;
            }
            if (++chunkCount > MAX_CHUNKS) {
                throw corrupt(at, null, "more than " + MAX_CHUNKS + " chunks: not a plausible WAV file");
            }
            String id = Bytes.fourCc(h, 0);
            long size = Bytes.u32(h, 4, bigEndian);
            long payload = in.position();
            if (id.equals("ds64")) {
                // readDs64 reads the payload and pad and lists the chunk: go straight to the next one.
                readDs64(in, at, size);
                continue;
            }
            if (id.equals("data")) {
                size = dataChunk(in, at, size, payload);
                meta.chunk(new ChunkInfo(id, at, size));
                if (stopAtData) {
                    return;
                }
                if (!skipPayload(in, id, at, size)) {
                    return;
                }
                continue;
            } else if (ds64 != null && size == SIZE_IN_DS64) {
                size = ds64.sizeOf(id).orElse(size);
            }
            meta.chunk(new ChunkInfo(id, at, size));
            OptionalLong left = left(in);
            if (left.isPresent() && size > left.getAsLong()) {
                if (id.equals("fmt ")) {
                    throw corrupt(at, id, String.format(Locale.ROOT,
                            "claims %d bytes but only %d are left in the file", size, left.getAsLong()));
                }
                meta.warn(String.format(Locale.ROOT,
                        "'%s' chunk at byte %d claims %d bytes but only %d are left; the walk stops there",
                        id, at, size, left.getAsLong()));
                return;
            }
            switch (id) {
                case "fmt ":
                    if (format != null) {
                        // The first fmt chunk rules; a later one (after the audio, say) must not
                        // change the format, or a file and a stream of the same bytes would differ.
                        meta.warn(String.format(Locale.ROOT, "a second 'fmt ' chunk at byte %d is ignored", at));
                        in.skip(size);
                        break;
                    }
                    format = FmtChunk.parse(readPayload(in, at, id, size, FMT_CAP), kind, bigEndian, name, at);
                    break;
                case "bext":
                case "iXML":
                case "LIST":
                case "cue ":
                    if (size <= METADATA_CAP) {
                        MetadataChunks.parse(id, readPayload(in, at, id, size, METADATA_CAP), meta, bigEndian);
                    } else {
                        meta.warn(String.format(Locale.ROOT,
                                "'%s' chunk at byte %d is %d bytes, over the %d-byte metadata cap; skipped",
                                id, at, size, METADATA_CAP));
                        in.skip(size);
                    }
                    break;
                default:
                    in.skip(size);
                    break;
            }
            if (!skipPad(in, size)) {
                return;
            }
        }
    }

    private void walkTrailing(ByteInput in, long afterData) {
        try {
            // The stream stops after the last whole frame: skip the partial frame of a data chunk
            // whose size is not a multiple of the frame size, as the file walk does.
            long rest = afterData - in.position();
            if (rest >= 0 && in.skip(rest) == rest && skipPad(in, dataSize)) {
                walk(in, false);
            }
        } catch (IOException e) {
            meta.warn("metadata after the audio could not be read: " + e.getMessage());
        }
    }

    private long dataChunk(ByteInput in, long at, long size, long payload) throws AudioFileException {
        if (format == null) {
            throw corrupt(at, "data", "comes before any 'fmt ' chunk: the sample format is unknown");
        }
        if (dataOffset >= 0) {
            meta.warn(String.format(Locale.ROOT, "a second 'data' chunk at byte %d is ignored", at));
            return size;
        }
        if (ds64 != null && size == SIZE_IN_DS64) {
            size = ds64.dataSize;
        } else if ((kind == FileKind.RF64 || kind == FileKind.BW64) && ds64 == null && size == SIZE_IN_DS64) {
            throw corrupt(at, "data", "an " + kind.displayName() + " file without a 'ds64' chunk gives no data size");
        }
        dataOffset = payload;
        dataSize = size;
        return size;
    }

    /** Skips a chunk payload; false when the file ends inside it. */
    private boolean skipPayload(ByteInput in, String id, long at, long size) throws IOException {
        long skipped = in.skip(size);
        if (skipped < size) {
            return false;
        }
        return skipPad(in, size);
    }

    private long readDs64(ByteInput in, long at, long size) throws IOException {
        if (size < 24 || size > METADATA_CAP) {
            throw corrupt(at, "ds64", "size " + size + " is not a valid ds64 size (at least 24 bytes)");
        }
        byte[] b = readPayload(in, at, "ds64", size, METADATA_CAP);
        ds64 = Ds64.parse(b, name, at);
        meta.chunk(new ChunkInfo("ds64", at, size));
        skipPad(in, size);
        return size;
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
     * Reads the pad byte after an odd-sized chunk. A missing pad byte (a common writer bug) is
     * tolerated: a non-zero byte is kept as the first byte of the next chunk id.
     */
    private boolean skipPad(ByteInput in, long size) throws IOException {
        if ((size & 1) == 0) {
            return true;
        }
        byte[] one = new byte[1];
        int n = in.readUpTo(one, 0, 1);
        if (n < 1) {
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
