package org.stemcheck.io.internal.wav;

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
 * Walks the chunks of one RIFF/RIFX/RF64/BW64 file, reading fmt, ds64, data and the metadata
 * chunks (bext, iXML, LIST, cue, and the ADM chunks axml and chna). One instance per file.
 *
 * <p>Hardening: every chunk size is checked against the bytes left before anything is read;
 * payloads are read in pieces (no allocation sized by a header) and only up to the caps below;
 * sizes are unsigned 32-bit or ds64 values up to 2^63 - 1 held in {@code long}, and offsets are
 * added with saturation; the walk advances by at least 8 bytes a chunk and stops after
 * {@link #MAX_CHUNKS} chunks.
 */
final class WavParser {

    /**
     * The most bytes of one metadata chunk (bext, iXML, LIST, cue) we read; larger ones are
     * skipped with a warning. Real iXML from recorders is a few KiB, bext 602 bytes plus coding
     * history; 16 MiB leaves room for long cue lists while bounding what a crafted file costs.
     */
    static final int METADATA_CAP = 16 << 20;
    /** The most bytes of a fmt chunk we read: the largest defined one is 40 bytes (WAVEFORMATEXTENSIBLE). */
    static final int FMT_CAP = 1 << 16;
    /** The most bytes of a ds64 chunk: 28 bytes plus a table of 12-byte entries (EBU Tech 3306), 64 KiB is ~5000 entries. */
    static final int DS64_CAP = 1 << 16;
    /** The most chunks we walk: real files have a handful; a crafted file must not keep us busy. */
    static final int MAX_CHUNKS = 100_000;
    /** RF64/BW64: a 32-bit size field of all ones means "see ds64". */
    static final long SIZE_IN_DS64 = 0xFFFFFFFFL;
    /** The ds64 fixed part: riff, data and sample-count sizes of 8 bytes each (EBU Tech 3306 section 3). */
    static final int DS64_MIN = 24;

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
    /** The first chunk that ran past the end of the file, as an error, if the walk stopped there. */
    private AudioFileException overrun;

    WavParser(AudioSource source) {
        this.source = source;
        this.name = source.name();
    }

    AudioFile parse() throws IOException {
        ByteInput raw = source.open();
        boolean handedOver = false;
        try {
            ChunkInput in = new ChunkInput(raw, name, meta);
            readRiffHeader(in);
            walk(in, !source.repeatable());
            long end = in.position();
            if (format == null && dataOffset < 0 && overrun != null) {
                throw overrun;
            }
            if (format == null) {
                throw in.corrupt(end, null, "no 'fmt ' chunk: the sample format is unknown");
            }
            if (dataOffset < 0) {
                throw overrun != null ? overrun : in.corrupt(end, null, "no 'data' chunk: the file holds no audio");
            }
            boolean oneShot = !source.repeatable();
            AudioFile file = opened(in, raw, oneShot);
            handedOver = oneShot;
            return file;
        } finally {
            if (!handedOver) {
                raw.close();
            }
        }
    }

    private AudioFile opened(ChunkInput in, ByteInput raw, boolean oneShot) {
        int frameBytes = format.bytesPerFrame();
        long declared = dataSize / frameBytes;
        long available = declared;
        OptionalLong size = raw.size();
        if (size.isPresent()) {
            long present = Math.max(0, size.getAsLong() - dataOffset);
            available = Math.min(declared, present / frameBytes);
        }
        if (dataSize % frameBytes != 0) {
            meta.warn(String.format(Locale.ROOT,
                    "data chunk holds %d bytes, not a whole number of %d-byte frames; the last partial frame is ignored",
                    dataSize, frameBytes));
        }
        if (!oneShot) {
            return new OpenedAudioFile(source, format, dataOffset, available, declared,
                    meta::snapshot, meta::warnings, null, null);
        }
        long afterData = saturatingAdd(dataOffset, dataSize);
        OpenedAudioFile.TrailingChunks trailing = stream -> walkTrailing(in, afterData);
        return new OpenedAudioFile(source, format, dataOffset, available, declared,
                meta::snapshot, meta::warnings, raw, trailing);
    }

    private void readRiffHeader(ChunkInput in) throws IOException {
        byte[] h = new byte[12];
        int n = in.readUpTo(h, 0, 12);
        kind = Sniffer.sniff(h, n);
        if (kind != FileKind.WAV && kind != FileKind.RIFX && kind != FileKind.RF64 && kind != FileKind.BW64) {
            throw in.corrupt(0, null, n < 12
                    ? "the file ends inside the 12-byte RIFF header (" + n + " bytes)"
                    : "not a RIFF/WAVE file");
        }
        bigEndian = kind == FileKind.RIFX;
    }

    /** Walks chunks from the current position; stops after the data chunk header when {@code stopAtData}. */
    private void walk(ChunkInput in, boolean stopAtData) throws IOException {
        byte[] h = new byte[8];
        while (true) {
            long at = in.position();
            int n = in.readUpTo(h, 0, 8);
            if (n == 0) {
                return;
            }
            if (n < 8) {
                meta.warn(String.format(Locale.ROOT,
                        "the file ends inside a chunk header at byte %d (%d stray bytes ignored)", at, n));
                return;
            }
            if (++chunkCount > MAX_CHUNKS) {
                throw in.corrupt(at, null, "more than " + MAX_CHUNKS + " chunks: not a plausible WAV file");
            }
            String id = Bytes.fourCc(h, 0);
            long size = Bytes.u32(h, 4, bigEndian);
            if (id.equals("data")) {
                size = dataChunk(in, at, size);
                meta.chunk(new ChunkInfo(id, at, size));
                if (stopAtData || !skipWhole(in, id, at, size)) {
                    return;
                }
                continue;
            }
            if (ds64 != null && size == SIZE_IN_DS64) {
                size = ds64.sizeOf(id).orElse(size);
            }
            meta.chunk(new ChunkInfo(id, at, size));
            if (!chunk(in, id, at, size)) {
                return;
            }
        }
    }

    /** Reads or skips one non-data chunk and its pad byte; false when the walk must stop. */
    private boolean chunk(ChunkInput in, String id, long at, long size) throws IOException {
        OptionalLong left = in.left();
        if (left.isPresent() && size > left.getAsLong()) {
            String claim = String.format(Locale.ROOT, "claims %d bytes but only %d are left in the file", size, left.getAsLong());
            if (id.equals("fmt ") || id.equals("ds64")) {
                throw in.corrupt(at, id, claim);
            }
            meta.warn(String.format(Locale.ROOT, "'%s' chunk at byte %d %s; the walk stops there", id, at, claim));
            overrun = in.corrupt(at, id, claim + ", before any 'data' chunk");
            return false;
        }
        switch (id) {
            case "ds64":
                readDs64(in, at, size);
                break;
            case "fmt ":
                if (format != null) {
                    meta.warn(String.format(Locale.ROOT, "a second 'fmt ' chunk at byte %d is ignored", at));
                    return skipWhole(in, id, at, size);
                }
                format = FmtChunk.parse(in.payload(at, id, size, FMT_CAP), kind, bigEndian, name, at);
                break;
            case "bext":
            case "iXML":
            case "LIST":
            case "cue ":
            case "axml":
            case "chna":
                if (size > METADATA_CAP) {
                    meta.warn(String.format(Locale.ROOT,
                            "'%s' chunk at byte %d is %d bytes, over the %d-byte metadata cap; skipped", id, at, size, METADATA_CAP));
                    return skipWhole(in, id, at, size);
                }
                byte[] payload = in.payload(at, id, size, METADATA_CAP);
                if (id.equals("chna")) {
                    AdmChunks.chna(payload, meta);
                } else if (id.equals("axml")) {
                    AdmChunks.axml(payload, meta);
                } else {
                    MetadataChunks.parse(id, payload, meta, bigEndian);
                }
                break;
            default:
                return skipWhole(in, id, at, size);
        }
        return in.skipPad(at, id, size);
    }

    /** Parses chunks after the audio of a one-shot stream, once it has been read. */
    private void walkTrailing(ChunkInput in, long afterData) {
        try {
            long position = in.position();
            if (position > afterData) {
                return;
            }
            // Bytes of a trailing partial frame are still in the stream.
            if (in.skip(afterData - position) < afterData - position) {
                return;
            }
            if (in.skipPad(dataOffset - 8, "data", dataSize)) {
                walk(in, false);
            }
        } catch (IOException e) {
            meta.warn("metadata after the audio could not be read: " + e.getMessage());
        }
    }

    private long dataChunk(ChunkInput in, long at, long size) throws AudioFileException {
        if (format == null) {
            throw in.corrupt(at, "data", "comes before any 'fmt ' chunk: the sample format is unknown");
        }
        if (dataOffset >= 0) {
            meta.warn(String.format(Locale.ROOT, "a second 'data' chunk at byte %d is ignored", at));
            return size;
        }
        if (size == SIZE_IN_DS64 && ds64 != null) {
            size = ds64.dataSize;
        } else if (size == SIZE_IN_DS64 && (kind == FileKind.RF64 || kind == FileKind.BW64)) {
            throw in.corrupt(at, "data", "an " + kind.displayName() + " file without a 'ds64' chunk gives no data size");
        }
        dataOffset = in.position();
        dataSize = size;
        return size;
    }

    /** Skips a chunk payload and its pad byte; false when the file ends inside it. */
    private boolean skipWhole(ChunkInput in, String id, long at, long size) throws IOException {
        if (in.skip(size) < size) {
            return false;
        }
        return in.skipPad(at, id, size);
    }

    private void readDs64(ChunkInput in, long at, long size) throws IOException {
        if (ds64 != null || (kind != FileKind.RF64 && kind != FileKind.BW64)) {
            meta.warn(String.format(Locale.ROOT, "a 'ds64' chunk at byte %d outside an RF64/BW64 header is ignored", at));
            in.skip(size);
            return;
        }
        if (size < DS64_MIN || size > DS64_CAP) {
            throw in.corrupt(at, "ds64", String.format(Locale.ROOT,
                    "size %d is not a valid ds64 size (%d to %d bytes)", size, DS64_MIN, DS64_CAP));
        }
        ds64 = Ds64.parse(in.payload(at, "ds64", size, DS64_CAP), name, at);
    }

    static long saturatingAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
