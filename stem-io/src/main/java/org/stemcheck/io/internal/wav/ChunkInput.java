package org.stemcheck.io.internal.wav;

import static org.stemcheck.io.AudioFileException.Kind.CORRUPT;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalLong;

import org.stemcheck.io.AudioFileException;
import org.stemcheck.io.internal.MetadataBuilder;
import org.stemcheck.io.spi.ByteInput;

/**
 * Chunk-level reads over a {@link ByteInput}: headers, payloads, pad bytes. Keeps the few bytes
 * read ahead while looking for a missing pad byte, so positions stay exact.
 *
 * <p>No allocation is sized by a header: payloads are read in pieces and the buffer grows only
 * with bytes that are really there.
 */
final class ChunkInput {

    /** First allocation when reading a payload; it doubles as bytes arrive. */
    private static final int FIRST_PIECE = 4096;

    private final ByteInput in;
    private final String name;
    private final MetadataBuilder meta;
    private final byte[] pushback = new byte[4];
    private int pushed;

    ChunkInput(ByteInput in, String name, MetadataBuilder meta) {
        this.in = in;
        this.name = name;
        this.meta = meta;
    }

    ByteInput input() {
        return in;
    }

    /** Offset of the next byte this reader delivers. */
    long position() {
        return in.position() - pushed;
    }

    /** Bytes left in the file, where its size is known. */
    OptionalLong left() {
        OptionalLong size = in.size();
        return size.isPresent() ? OptionalLong.of(Math.max(0, size.getAsLong() - position())) : OptionalLong.empty();
    }

    /** Reads up to {@code len} bytes into {@code b}; fewer only at the end of the input. */
    int readUpTo(byte[] b, int off, int len) throws IOException {
        int fromPushback = Math.min(pushed, len);
        System.arraycopy(pushback, 0, b, off, fromPushback);
        System.arraycopy(pushback, fromPushback, pushback, 0, pushed - fromPushback);
        pushed -= fromPushback;
        return fromPushback + in.readUpTo(b, off + fromPushback, len - fromPushback);
    }

    /** Skips up to {@code n} bytes; returns how many were skipped. */
    long skip(long n) throws IOException {
        long fromPushback = Math.min(pushed, n);
        System.arraycopy(pushback, (int) fromPushback, pushback, 0, pushed - (int) fromPushback);
        pushed -= (int) fromPushback;
        return fromPushback + in.skip(n - fromPushback);
    }

    /**
     * Reads a whole payload of {@code size} bytes, at most {@code cap}.
     *
     * @throws AudioFileException when the payload is over the cap or the input ends inside it
     */
    byte[] payload(long at, String id, long size, int cap) throws IOException {
        if (size > cap) {
            throw corrupt(at, id, String.format(Locale.ROOT, "is %d bytes, more than the %d this chunk may have", size, cap));
        }
        OptionalLong left = left();
        if (left.isPresent() && size > left.getAsLong()) {
            throw corrupt(at, id, String.format(Locale.ROOT,
                    "claims %d bytes but only %d are left in the file", size, left.getAsLong()));
        }
        int want = (int) size;
        byte[] b = new byte[Math.min(want, FIRST_PIECE)];
        int got = 0;
        while (got < want) {
            if (got == b.length) {
                b = Arrays.copyOf(b, (int) Math.min(want, 2L * b.length));
            }
            int n = readUpTo(b, got, b.length - got);
            if (n == 0) {
                throw corrupt(at, id, String.format(Locale.ROOT, "claims %d bytes but the file ends after %d", size, got));
            }
            got += n;
        }
        return b;
    }

    /**
     * Consumes the pad byte after an odd-sized chunk. A missing pad byte (a common writer bug) is
     * tolerated with a warning when the next four bytes read as a chunk id; a non-zero pad byte
     * followed by a chunk id is skipped with a warning.
     *
     * @return false when the input ends where the pad byte should be
     */
    boolean skipPad(long chunkAt, String id, long size) throws IOException {
        if ((size & 1) == 0) {
            return true;
        }
        byte[] p = new byte[4];
        int n = readUpTo(p, 0, 1);
        if (n < 1) {
            meta.warn(String.format(Locale.ROOT,
                    "'%s' chunk at byte %d has an odd size and no pad byte at the end of the file", id, chunkAt));
            return false;
        }
        if (p[0] == 0) {
            return true;
        }
        n += readUpTo(p, 1, 3);
        if (n == 4 && isChunkId(p)) {
            meta.warn(String.format(Locale.ROOT,
                    "'%s' chunk at byte %d has an odd size and no pad byte; the next chunk starts right after it",
                    id, chunkAt));
            unread(p, 0, n);
        } else {
            meta.warn(String.format(Locale.ROOT, "'%s' chunk at byte %d is followed by a non-zero pad byte", id, chunkAt));
            unread(p, 1, n - 1);
        }
        return true;
    }

    private void unread(byte[] b, int from, int len) {
        System.arraycopy(pushback, 0, pushback, len, pushed);
        System.arraycopy(b, from, pushback, 0, len);
        pushed += len;
    }

    /** Four printable ASCII characters: letters, digits, space, as chunk ids are. */
    static boolean isChunkId(byte[] b) {
        for (int i = 0; i < 4; i++) {
            int c = b[i] & 0xFF;
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    AudioFileException corrupt(long offset, String chunk, String detail) {
        return AudioFileException.of(CORRUPT, name, offset, chunk, detail);
    }
}
