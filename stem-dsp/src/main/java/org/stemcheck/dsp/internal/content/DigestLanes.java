package org.stemcheck.dsp.internal.content;

/**
 * The two 64-bit lanes of {@code org.stemcheck.dsp.content.ContentDigest}. The channels are taken
 * in pairs ({@code 2p, 2p + 1}; an odd last channel is paired with silence); each frame of each
 * pair makes one canonical word ({@link CanonicalWords}), word {@code k = frame * pairs + p} of the
 * stream. Each lane adds {@code k} times its odd increment to the word, passes the result through
 * its bijective mixer with full avalanche (lane A: MurmurHash3's fmix64, lane B: Stafford's Mix13)
 * and sums the mixes modulo 2<sup>64</sup>; the channel and frame counts are folded in at the
 * end. For a given position every step before the sum is a bijection of the word, so a change of
 * any one word always changes both sums. Not thread-safe.
 *
 * <p>Why a sum of strong mixes rather than a chain with one multiply a word (half the multiplies):
 * a multiply passes a difference in the top bit through unchanged, so such a chain has two-word
 * differences that cancel for sure in one lane (a sign flip followed, in the same chain, by the
 * flip of the bit the rotation moved it to); with a full-avalanche mixer per word no difference
 * pattern is special, which is what the collision odds of {@code ContentDigest} assume.
 */
public final class DigestLanes {

    /** 2<sup>64</sup> divided by the golden ratio, odd: SplitMix64's increment (Steele, Lea and Flood, OOPSLA 2014); lane A's. */
    static final long WEYL_A = 0x9E3779B97F4A7C15L;

    /** xxHash64's PRIME64_2 (Y. Collet), odd: lane B's increment, unrelated to {@link #WEYL_A}. */
    static final long WEYL_B = 0xC2B2AE3D27D4EB4FL;

    /** First multiplier of MurmurHash3's 64-bit finaliser fmix64 (A. Appleby). */
    static final long FMIX_1 = 0xFF51AFD7ED558CCDL;

    /** Second multiplier of fmix64. */
    static final long FMIX_2 = 0xC4CEB9FE1A85EC53L;

    /** First multiplier of D. Stafford's Mix13 ("Better bit mixing", 2011), SplitMix64's finaliser. */
    static final long MIX13_1 = 0xBF58476D1CE4E5B9L;

    /** Second multiplier of Mix13. */
    static final long MIX13_2 = 0x94D049BB133111EBL;

    /** Where the channel count goes in the tag of the result: above any plausible frame count (2^48 frames). */
    private static final int CHANNEL_SHIFT = 48;

    private final int channels;
    private final int pairs;
    private double[] silence = new double[0];
    private long sumA;
    private long sumB;
    private long frames;

    /**
     * Empty lanes.
     *
     * @param channels the channel count, already checked
     */
    public DigestLanes(int channels) {
        this.channels = channels;
        this.pairs = (channels + 1) / 2;
    }

    /** @return the channel count */
    public int channels() {
        return channels;
    }

    /**
     * Adds {@code n} frames of a checked block.
     *
     * @param block  the channels
     * @param offset the first frame
     * @param n      frames to add
     */
    public void add(double[][] block, int offset, int n) {
        for (int p = 0; p < pairs; p++) {
            double[] lo = 2 * p + 1 < channels ? block[2 * p + 1] : silence(offset + n);
            add(block[2 * p], lo, offset, n, frames * pairs + p);
        }
        frames += n;
    }

    /** Frames {@code [offset, offset + n)} of one pair, whose first word is word {@code first} of the stream. */
    private void add(double[] hi, double[] lo, int offset, int n, long first) {
        long stepA = pairs * WEYL_A;
        long stepB = pairs * WEYL_B;
        long keyA = first * WEYL_A;
        long keyB = first * WEYL_B;
        long a = sumA;
        long b = sumB;
        for (int i = offset, end = offset + n; i < end; i++) {
            long w = CanonicalWords.word(hi[i], lo[i]);
            a += fmix(w + keyA);
            b += mix13(w + keyB);
            keyA += stepA;
            keyB += stepB;
        }
        sumA = a;
        sumB = b;
    }

    /** @return zeros for an odd last channel, at least {@code length} of them */
    private double[] silence(int length) {
        if (silence.length < length) {
            silence = new double[length];
        }
        return silence;
    }

    /** @return lane A with the channel and frame counts folded in */
    public long high() {
        return fmix(sumA + mix13(tag()));
    }

    /** @return lane B with the channel and frame counts folded in */
    public long low() {
        return mix13(sumB + fmix(tag()));
    }

    private long tag() {
        return ((long) channels << CHANNEL_SHIFT) ^ frames;
    }

    /** MurmurHash3's fmix64: a bijection of 64-bit words with full avalanche. */
    static long fmix(long z) {
        z = (z ^ (z >>> 33)) * FMIX_1;
        z = (z ^ (z >>> 33)) * FMIX_2;
        return z ^ (z >>> 33);
    }

    /** Stafford's Mix13: a bijection of 64-bit words with full avalanche. */
    static long mix13(long z) {
        z = (z ^ (z >>> 30)) * MIX13_1;
        z = (z ^ (z >>> 27)) * MIX13_2;
        return z ^ (z >>> 31);
    }
}
