package org.stemcheck.dsp.internal.loudness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The role of each channel of a file, in file order: what BS.1770 loudness needs to weight the
 * channels.
 *
 * @param roles one role per channel, at least one
 */
public record ChannelLayout(List<ChannelRole> roles) {

    /** Channel mask bits a WAVE_FORMAT_EXTENSIBLE mask can name (0x1 .. 0x20000). */
    private static final int MASK_BITS = 18;
    /** Most channels a layout may have (a WAV file has at most 65535; no real stem has more). */
    public static final int MAX_CHANNELS = 1024;

    /**
     * Copies the roles.
     *
     * @param roles 1 to {@link #MAX_CHANNELS} roles, none {@code null}
     * @throws IllegalArgumentException when there are no roles or too many
     */
    public ChannelLayout {
        Objects.requireNonNull(roles, "roles must not be null");
        roles = List.copyOf(roles);
        if (roles.isEmpty() || roles.size() > MAX_CHANNELS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a layout has 1 .. %d channels: %d", MAX_CHANNELS, roles.size()));
        }
    }

    /**
     * The given roles, in file order.
     *
     * @param roles one role per channel
     * @return the layout
     * @throws IllegalArgumentException when there are no roles or more than {@link #MAX_CHANNELS}
     */
    public static ChannelLayout of(ChannelRole... roles) {
        return new ChannelLayout(List.of(roles));
    }

    /**
     * One channel, weight 1 (a mono file is measured as a centre channel).
     *
     * @return the mono layout
     */
    public static ChannelLayout mono() {
        return of(ChannelRole.CENTER);
    }

    /**
     * Left, right, each weight 1.
     *
     * @return the stereo layout
     */
    public static ChannelLayout stereo() {
        return of(ChannelRole.LEFT, ChannelRole.RIGHT);
    }

    /**
     * 5.1 in WAVE order: L, R, C, LFE, Ls, Rs (surrounds +1.5 dB, LFE not counted).
     *
     * @return the 5.1 layout
     */
    public static ChannelLayout surround51() {
        return of(ChannelRole.LEFT, ChannelRole.RIGHT, ChannelRole.CENTER, ChannelRole.LFE,
                ChannelRole.LEFT_SURROUND, ChannelRole.RIGHT_SURROUND);
    }

    /**
     * The usual layout of a file that declares none: 1 mono; 2 L R; 3 L R C; 4 L R Ls Rs;
     * 5 L R C Ls Rs (the order of EBU's 5-channel test file and BS.1770); 6 L R C LFE Ls Rs;
     * 8 L R C LFE Ls Rs SL SR (7.1 in WAVE order); any other count: all channels weight 1.
     *
     * @param channels the file's channel count, 1 to {@link #MAX_CHANNELS}
     * @return the layout
     * @throws IllegalArgumentException when the count is out of range
     */
    public static ChannelLayout defaultFor(int channels) {
        ChannelRole l = ChannelRole.LEFT, r = ChannelRole.RIGHT, c = ChannelRole.CENTER;
        ChannelRole ls = ChannelRole.LEFT_SURROUND, rs = ChannelRole.RIGHT_SURROUND;
        switch (channels) {
            case 1: return mono();
            case 2: return stereo();
            case 3: return of(l, r, c);
            case 4: return of(l, r, ls, rs);
            case 5: return of(l, r, c, ls, rs);
            case 6: return surround51();
            case 8: return of(l, r, c, ChannelRole.LFE, ls, rs, ChannelRole.SIDE_LEFT, ChannelRole.SIDE_RIGHT);
            default:
                checkCount(channels);
                return new ChannelLayout(java.util.Collections.nCopies(channels, ChannelRole.OTHER));
        }
    }

    /**
     * The layout a WAVE_FORMAT_EXTENSIBLE {@code dwChannelMask} declares: channels take the set
     * bits in ascending order; channels beyond the set bits are {@link ChannelRole#OTHER}; set
     * bits beyond the channel count are ignored. A mask of 0 (none declared) gives
     * {@link #defaultFor(int)}.
     *
     * @param channelMask the mask as read from the file ({@link org.stemcheck.io.AudioFormat#channelMask()})
     * @param channels    the file's channel count, 1 to {@link #MAX_CHANNELS}
     * @return the layout
     * @throws IllegalArgumentException when the count is out of range
     */
    public static ChannelLayout fromMask(long channelMask, int channels) {
        checkCount(channels);
        if (channelMask == 0) {
            return defaultFor(channels);
        }
        List<ChannelRole> roles = new ArrayList<>(channels);
        for (int bit = 0; bit < MASK_BITS && roles.size() < channels; bit++) {
            long b = 1L << bit;
            if ((channelMask & b) != 0) {
                roles.add(ChannelRole.ofMaskBit(b));
            }
        }
        while (roles.size() < channels) {
            roles.add(ChannelRole.OTHER);
        }
        return new ChannelLayout(roles);
    }

    private static void checkCount(int channels) {
        if (channels < 1 || channels > MAX_CHANNELS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "channels must be in 1 .. %d: %d", MAX_CHANNELS, channels));
        }
    }

    /**
     * Number of channels.
     *
     * @return the number of roles, 1 to {@link #MAX_CHANNELS}
     */
    public int channels() {
        return roles.size();
    }

    /**
     * The BS.1770 weight of each channel, in file order.
     *
     * @return a new array of weights G: 1.0 front, 1.41 surround, 0 for LFE
     */
    public double[] weights() {
        double[] w = new double[roles.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = roles.get(i).weight();
        }
        return w;
    }
}
