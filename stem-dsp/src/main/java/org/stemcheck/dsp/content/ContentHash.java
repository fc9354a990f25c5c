package org.stemcheck.dsp.content;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.stemcheck.dsp.Accumulator;
import org.stemcheck.dsp.internal.Blocks;

/**
 * SHA-256 of the decoded audio in a canonical form, so that the same audio hashes the same
 * whatever container or sample format carries it.
 *
 * <h2>Canonical form</h2>
 * Frames in order; within a frame the channels in order; each sample (full scale 1.0) rounded to
 * IEEE 754 binary32 and written as 4 big-endian bytes, with {@code -0.0} folded into {@code +0.0}
 * and every NaN into the canonical NaN; then the channel count and the frame count as big-endian
 * 32- and 64-bit integers. Binary32 holds every 8- to 24-bit PCM value exactly, so the same audio
 * as 16-bit, 24-bit or float32 hashes equal; 32-bit PCM and float64 are compared at binary32
 * precision (about 144 dB below the signal). The sample rate is not part of the hash. No
 * {@code combine}: a hash is sequential.
 */
public final class ContentHash implements Accumulator<String> {

    /** Bytes serialised per digest update, at most (at least one frame). */
    private static final int CHUNK_BYTES = 1 << 16;

    /** Writes an int as 4 big-endian bytes in one store (a plain move plus a byte swap once compiled). */
    private static final VarHandle BIG_ENDIAN_INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private final int channels;
    private final int chunkFrames;
    private final MessageDigest digest;
    private byte[] bytes = new byte[0];
    private long frames;

    private ContentHash(int channels) {
        this.channels = channels;
        this.chunkFrames = Math.max(1, CHUNK_BYTES / (4 * channels));
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /**
     * An empty hash of audio with {@code channels} channels.
     *
     * @param channels 1 to 65535
     * @return a new hash, which has seen no audio
     * @throws IllegalArgumentException when the count is out of range
     */
    public static ContentHash create(int channels) {
        return new ContentHash(Blocks.channels(channels));
    }

    @Override
    public void accept(double[][] block, int offset, int frames) {
        Blocks.check(block, offset, frames, channels);
        if (bytes.length == 0) {
            bytes = new byte[chunkFrames * channels * 4];
        }
        for (int done = 0; done < frames; done += chunkFrames) {
            int n = Math.min(chunkFrames, frames - done);
            int start = offset + done;
            int stride = 4 * channels;
            for (int c = 0; c < channels; c++) {
                double[] x = block[c];
                for (int i = 0, q = 4 * c; i < n; i++, q += stride) {
                    BIG_ENDIAN_INT.set(bytes, q, canonical((float) x[start + i]));
                }
            }
            digest.update(bytes, 0, n * stride);
        }
        this.frames += frames;
    }

    /**
     * The sample's canonical bits: adding +0 turns -0 into +0 (IEEE 754 round to nearest) and
     * leaves every other value as it is; {@link Float#floatToIntBits} folds every NaN into one.
     */
    private static int canonical(float v) {
        return Float.floatToIntBits(v + 0.0f);
    }

    /**
     * The hash so far; accepting may continue afterwards.
     *
     * @return the SHA-256 of the canonical form, 64 lower-case hex digits
     */
    @Override
    public String result() {
        MessageDigest copy;
        try {
            copy = (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the platform's SHA-256 cannot be cloned", e);
        }
        byte[] trailer = new byte[12];
        for (int i = 0; i < 4; i++) {
            trailer[i] = (byte) (channels >>> (24 - 8 * i));
        }
        for (int i = 0; i < 8; i++) {
            trailer[4 + i] = (byte) (frames >>> (56 - 8 * i));
        }
        copy.update(trailer);
        return HexFormat.of().formatHex(copy.digest());
    }
}
