package org.stemcheck.io;

import java.util.Objects;

/**
 * The sample format of an audio file as its header declares it.
 *
 * @param kind           the container
 * @param encoding       how samples are coded
 * @param sampleRate     frames per second (AIFF allows fractional rates)
 * @param channels       channels per frame, at least 1
 * @param bitsPerSample  bits each sample occupies in the file ({@code 8 * bytesPerSample})
 * @param validBits      bits of each sample that carry signal ({@code wValidBitsPerSample} of
 *                       WAVE_FORMAT_EXTENSIBLE, the AIFF {@code sampleSize}); at most
 *                       {@code bitsPerSample}
 * @param channelMask    the WAVE_FORMAT_EXTENSIBLE speaker mask, 0 where none is declared
 * @param formatTag      the WAV format tag (1 PCM, 3 float, 0xFFFE extensible, ...) or 0 for
 *                       other containers
 * @param bigEndian      byte order of the samples
 */
public record AudioFormat(
        FileKind kind,
        SampleEncoding encoding,
        double sampleRate,
        int channels,
        int bitsPerSample,
        int validBits,
        long channelMask,
        int formatTag,
        boolean bigEndian) {

    /**
     * Checks the fields against each other.
     *
     * @param kind          the container; not {@code null}
     * @param encoding      the sample coding; not {@code null}
     * @param sampleRate    positive and finite, in Hz
     * @param channels      at least 1
     * @param bitsPerSample 8, 16, 24, 32, 40, 48, 56 or 64
     * @param validBits     1 to {@code bitsPerSample}
     * @param channelMask   the speaker mask as declared, 0 for none (not checked against
     *                      {@code channels})
     * @param formatTag     the WAV format tag as declared, 0 for other containers
     * @param bigEndian     true for AIFF and RIFX samples
     * @throws NullPointerException     when {@code kind} or {@code encoding} is {@code null}
     * @throws IllegalArgumentException when the rate is not positive and finite, there is no
     *                                  channel, {@code bitsPerSample} is not a multiple of 8 in
     *                                  8..64, or {@code validBits} is outside 1..bitsPerSample
     */
    public AudioFormat {
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(encoding, "encoding must not be null");
        if (!(sampleRate > 0) || Double.isInfinite(sampleRate)) {
            throw new IllegalArgumentException("sampleRate must be positive and finite: " + sampleRate);
        }
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be at least 1: " + channels);
        }
        if (bitsPerSample < 1 || bitsPerSample % 8 != 0 || bitsPerSample > 64) {
            throw new IllegalArgumentException("bitsPerSample must be 8, 16, ..., 64: " + bitsPerSample);
        }
        if (validBits < 1 || validBits > bitsPerSample) {
            throw new IllegalArgumentException(
                    "validBits must be in 1.." + bitsPerSample + ": " + validBits);
        }
    }

    /**
     * Bytes one sample occupies in the file.
     *
     * @return {@code bitsPerSample / 8}: 1 to 8
     */
    public int bytesPerSample() {
        return bitsPerSample / 8;
    }

    /**
     * Bytes one frame (one sample of every channel) occupies in the file.
     *
     * @return {@code bytesPerSample() * channels}
     */
    public int bytesPerFrame() {
        return bytesPerSample() * channels;
    }

    /**
     * The sample rate as an integer where it is one (it nearly always is), rounded otherwise.
     *
     * @return the rate in Hz, e.g. 48000
     */
    public long sampleRateHz() {
        return Math.round(sampleRate);
    }

    /**
     * Converts a frame count to time at this rate.
     *
     * @param frames a frame count (or a frame position)
     * @return the seconds spanned by {@code frames} frames
     */
    public double seconds(long frames) {
        return frames / sampleRate;
    }

    /**
     * Whether the samples are IEEE float, which may exceed full scale without clipping in the file.
     *
     * @return true for 32- or 64-bit float samples, false for integer PCM (and G.711)
     */
    public boolean isFloat() {
        return encoding == SampleEncoding.FLOAT;
    }
}
