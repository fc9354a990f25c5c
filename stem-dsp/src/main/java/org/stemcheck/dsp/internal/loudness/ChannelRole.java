package org.stemcheck.dsp.internal.loudness;

/**
 * What a channel feeds, and its weight in BS.1770 loudness.
 *
 * <p>Weights per ITU-R BS.1770-4 Annex 1, Table 3: front channels 1.0 (0 dB), surround channels
 * 1.41 (+1.5 dB), LFE excluded. Channels the table does not name (back centre, front centre
 * pairs, height channels, unknown) weigh 1.0. The speaker bit is the WAVE_FORMAT_EXTENSIBLE
 * {@code dwChannelMask} bit (Microsoft KSAUDIO_SPEAKER_* positions).
 */
public enum ChannelRole {
    /** Front left (mask 0x1). */
    LEFT(0x1, 1.0),
    /** Front right (0x2). */
    RIGHT(0x2, 1.0),
    /** Front centre (0x4); also a mono channel. */
    CENTER(0x4, 1.0),
    /** Low-frequency effects (0x8): excluded from loudness. */
    LFE(0x8, 0.0),
    /** Left surround, "back left" in the mask (0x10): +1.5 dB. */
    LEFT_SURROUND(0x10, ChannelRole.SURROUND_WEIGHT),
    /** Right surround, "back right" in the mask (0x20): +1.5 dB. */
    RIGHT_SURROUND(0x20, ChannelRole.SURROUND_WEIGHT),
    /** Front left of centre (0x40). */
    LEFT_OF_CENTER(0x40, 1.0),
    /** Front right of centre (0x80). */
    RIGHT_OF_CENTER(0x80, 1.0),
    /** Back centre (0x100). */
    BACK_CENTER(0x100, 1.0),
    /** Side left (0x200): a surround channel, +1.5 dB. */
    SIDE_LEFT(0x200, ChannelRole.SURROUND_WEIGHT),
    /** Side right (0x400): a surround channel, +1.5 dB. */
    SIDE_RIGHT(0x400, ChannelRole.SURROUND_WEIGHT),
    /** Any height channel (mask bits 0x800 .. 0x20000). */
    HEIGHT(0, 1.0),
    /** A channel of unknown position. */
    OTHER(0, 1.0);

    /** Weight of surround channels (BS.1770-4 Annex 1, Table 3: 1.41, i.e. +1.5 dB). */
    public static final double SURROUND_WEIGHT = 1.41;

    private final long maskBit;
    private final double weight;

    ChannelRole(long maskBit, double weight) {
        this.maskBit = maskBit;
        this.weight = weight;
    }

    /**
     * The BS.1770 channel weight G.
     *
     * @return 1.0, {@link #SURROUND_WEIGHT} or 0 (LFE)
     */
    public double weight() {
        return weight;
    }

    /**
     * The WAVE_FORMAT_EXTENSIBLE speaker bit of this role.
     *
     * @return the single mask bit, 0 for {@link #HEIGHT} and {@link #OTHER}
     */
    public long maskBit() {
        return maskBit;
    }

    /** The role of one mask bit. */
    static ChannelRole ofMaskBit(long bit) {
        for (ChannelRole r : values()) {
            if (r.maskBit == bit && bit != 0) {
                return r;
            }
        }
        return bit >= 0x800 && bit <= 0x20000 ? HEIGHT : OTHER;
    }
}
