package org.stemcheck.io.internal.wav;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

import org.stemcheck.io.AudioFileException;
import org.stemcheck.io.internal.Bytes;

/** The RF64/BW64 {@code ds64} chunk (EBU Tech 3306, ITU-R BS.2088): 64-bit sizes. */
final class Ds64 {

    final long riffSize;
    final long dataSize;
    final long sampleCount;
    private final Map<String, Long> table;

    private Ds64(long riffSize, long dataSize, long sampleCount, Map<String, Long> table) {
        this.riffSize = riffSize;
        this.dataSize = dataSize;
        this.sampleCount = sampleCount;
        this.table = table;
    }

    static Ds64 parse(byte[] b, String name, long at) throws AudioFileException {
        long riff = Bytes.u64le(b, 0);
        long data = Bytes.u64le(b, 8);
        long samples = Bytes.u64le(b, 16);
        // Sizes are unsigned 64-bit in the file; Java longs hold up to 2^63 - 1, far beyond any disk.
        check(riff, "RIFF size", name, at);
        check(data, "data size", name, at);
        check(samples, "sample count", name, at);
        Map<String, Long> table = new HashMap<>();
        if (b.length >= 28) {
            long entries = Bytes.u32le(b, 24);
            // Each table entry is a 4-byte id and an 8-byte size; read only the ones that fit.
            long fit = Math.min(entries, (b.length - 28) / 12);
            for (int i = 0; i < fit; i++) {
                int p = 28 + i * 12;
                long size = Bytes.u64le(b, p + 4);
                if (size >= 0) {
                    table.put(Bytes.fourCc(b, p), size);
                }
            }
        }
        return new Ds64(riff, data, samples, Map.copyOf(table));
    }

    private static void check(long v, String field, String name, long at) throws AudioFileException {
        if (v < 0) {
            throw AudioFileException.of(AudioFileException.Kind.CORRUPT, name, at, "ds64",
                    "the " + field + " " + Long.toUnsignedString(v) + " is beyond 2^63 - 1");
        }
    }

    OptionalLong sizeOf(String id) {
        Long s = table.get(id);
        return s == null ? OptionalLong.empty() : OptionalLong.of(s);
    }
}
