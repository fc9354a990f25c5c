package org.stemcheck.core;

import java.util.Objects;

/**
 * A stem held in memory by a host application (a DAW plug-in, a render farm): a name and planar
 * samples at full scale 1.0. Build a {@link StemSet} of them with {@link StemSet#of}.
 *
 * <p>The arrays are not copied: do not change them while a check runs.
 */
public final class Stem {

    private final String name;
    private final double sampleRate;
    private final double[][] channels;

    private Stem(String name, double sampleRate, double[][] channels) {
        this.name = name;
        this.sampleRate = sampleRate;
        this.channels = channels;
    }

    /**
     * A stem from samples.
     *
     * @param name       a file-like name, read as a file name would be ({@code "Song_Bass_120bpm"})
     * @param sampleRate frames per second
     * @param channels   {@code channels[c][frame]}, all of one length, at least one channel; the
     *                   outer array is copied, the channel arrays are not
     * @return the stem
     * @throws IllegalArgumentException when the name is blank, the rate is not positive and
     *                                  finite, or the channels are missing or differ in length
     */
    public static Stem ofSamples(String name, double sampleRate, double[][] channels) {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(channels, "channels must not be null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (!(sampleRate > 0) || Double.isInfinite(sampleRate)) {
            throw new IllegalArgumentException("sampleRate must be positive and finite: " + sampleRate);
        }
        if (channels.length == 0) {
            throw new IllegalArgumentException("at least one channel is needed: " + name);
        }
        for (double[] c : channels) {
            Objects.requireNonNull(c, "a channel of " + name + " is null");
            if (c.length != channels[0].length) {
                throw new IllegalArgumentException("channels of " + name + " differ in length: " + c.length
                        + " vs " + channels[0].length);
            }
        }
        return new Stem(name, sampleRate, channels.clone());
    }

    /**
     * The name, as findings use it.
     *
     * @return the name given, read like a file name for role, label and title
     */
    public String name() {
        return name;
    }

    /**
     * The sample rate.
     *
     * @return frames per second, Hz
     */
    public double sampleRate() {
        return sampleRate;
    }

    /**
     * Number of channels.
     *
     * @return {@code >= 1}
     */
    public int channelCount() {
        return channels.length;
    }

    /**
     * The length.
     *
     * @return frames per channel
     */
    public int frames() {
        return channels[0].length;
    }

    /**
     * The samples of one channel.
     *
     * @param c the channel, {@code 0 <= c < channelCount()}
     * @return the array given to {@link #ofSamples} (not a copy), full scale 1.0
     */
    public double[] channel(int c) {
        return channels[c];
    }
}
