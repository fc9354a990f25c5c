package org.stemcheck.dsp.content;

import java.util.HexFormat;
import org.stemcheck.dsp.Accumulator;
import org.stemcheck.dsp.internal.Blocks;
import org.stemcheck.dsp.internal.content.DigestLanes;

/**
 * A 128-bit non-cryptographic digest of the decoded audio in the canonical form of
 * {@link ContentHash} (each sample rounded to binary32, {@code -0.0} folded into {@code +0.0},
 * every NaN into one): the same audio gives the same digest whatever container or sample format
 * carries it, at about half the cost of the SHA-256 (four multiplies per frame of a stereo
 * pair, against SHA-256's 64 rounds per 64 bytes). Made for finding exact duplicates among the files of one delivery; use
 * {@link ContentHash} where the value leaves the program or where someone may craft files to
 * collide.
 *
 * <h2>Construction</h2>
 * The channels are taken in pairs ({@code 2p, 2p + 1}; an odd last channel is paired with
 * silence) and the two canonical samples of a frame of a pair packed into one 64-bit word, word
 * {@code k} of the stream in frame order. Each of two lanes adds {@code k} times its own odd
 * constant to word {@code k}, passes it through its own bijective 64-bit mixer with full avalanche
 * (MurmurHash3's fmix64, Stafford's Mix13) and sums the results modulo 2<sup>64</sup>; the channel
 * and frame counts are folded in at the end. For a given position each step before the sum is a
 * bijection of the word, so <b>a change of any one word (one or both samples of a frame of a
 * pair) always changes both lanes</b>, whatever its size, down to one least significant bit. Sums
 * do not depend on the block sizes the digest was fed in.
 *
 * <h2>Collision odds</h2>
 * For unrelated audio, treating the mixers as random functions, two digests agree with probability
 * about 2<sup>-128</sup>; a delivery of 1000 files has about 5 &times; 10<sup>5</sup> pairs, so a
 * false duplicate is about 10<sup>-33</sup> likely. This is no guarantee against an adversary: the
 * construction is public, unkeyed and invertible, and differences in several words can be chosen
 * to cancel. No {@code combine} (it could be written: the sums add), as no caller splits a file.
 */
public final class ContentDigest implements Accumulator<ContentDigest.Result> {

    /**
     * The digest: two 64-bit lanes.
     *
     * @param high the first lane
     * @param low  the second lane
     */
    public record Result(long high, long low) {

        /**
         * The digest as 32 lower-case hex digits, {@link #high} first.
         *
         * @return the hex form
         */
        public String hex() {
            return HexFormat.of().toHexDigits(high) + HexFormat.of().toHexDigits(low);
        }
    }

    private final DigestLanes lanes;

    private ContentDigest(int channels) {
        this.lanes = new DigestLanes(channels);
    }

    /**
     * An empty digest of audio with {@code channels} channels.
     *
     * @param channels 1 to 65535
     * @return a new digest, which has seen no audio
     * @throws IllegalArgumentException when the count is out of range
     */
    public static ContentDigest create(int channels) {
        return new ContentDigest(Blocks.channels(channels));
    }

    @Override
    public void accept(double[][] block, int offset, int frames) {
        Blocks.check(block, offset, frames, lanes.channels());
        lanes.add(block, offset, frames);
    }

    /**
     * The digest so far; accepting may continue afterwards.
     *
     * @return the two lanes with the channel and frame counts folded in
     */
    @Override
    public Result result() {
        return new Result(lanes.high(), lanes.low());
    }
}
