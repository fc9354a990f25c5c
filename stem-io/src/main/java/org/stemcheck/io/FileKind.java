package org.stemcheck.io;

/**
 * What a file is, judged by its first bytes (never by its name).
 *
 * <p>{@link #isPcmContainer()} kinds are read by the built-in readers (FLAC among them: it is
 * compressed, but losslessly, and decodes to the PCM it was made from); {@link #isLossy()} kinds
 * are recognised so that a delivery check can say "this is an MP3" rather than "unreadable".
 */
public enum FileKind {
    /** RIFF/WAVE, little-endian. */
    WAV("WAV", true, false),
    /** RIFX/WAVE, big-endian. */
    RIFX("RIFX WAV", true, false),
    /** RF64/WAVE (EBU Tech 3306), sizes in a ds64 chunk. */
    RF64("RF64", true, false),
    /** BW64/WAVE (ITU-R BS.2088), sizes in a ds64 chunk. */
    BW64("BW64", true, false),
    /** FORM/AIFF. */
    AIFF("AIFF", true, false),
    /** FORM/AIFC. */
    AIFC("AIFF-C", true, false),
    /** MPEG-1/2 audio (an ID3 tag or a layer III frame sync). */
    MP3("MP3", false, true),
    /** AAC in an ADTS stream. */
    AAC("AAC (ADTS)", false, true),
    /**
     * An ISO base media file (M4A/MP4/MOV), normally AAC or ALAC. Not read: opening one names
     * its codec ({@code LOSSY} for AAC and the other lossy codecs, {@code UNSUPPORTED} for Apple
     * Lossless, FLAC or PCM in MP4).
     */
    MP4("MP4/M4A", false, true),
    /** An Ogg stream (Vorbis, Opus or FLAC inside). */
    OGG("Ogg", false, true),
    /** Native FLAC (RFC 9639): lossless, read by the built-in FLAC reader. */
    FLAC("FLAC", true, false),
    /**
     * Another container, read by a plug-in {@link org.stemcheck.io.spi.AudioReader} (W64, CAF,
     * WavPack ...). The built-in sniffer never returns it.
     */
    OTHER("other container", false, false),
    /** A zero-length file. */
    EMPTY("empty file", false, false),
    /** Anything else: text, images, unknown binary. */
    NOT_AUDIO("not an audio file", false, false);

    private final String displayName;
    private final boolean pcmContainer;
    private final boolean lossy;

    FileKind(String displayName, boolean pcmContainer, boolean lossy) {
        this.displayName = displayName;
        this.pcmContainer = pcmContainer;
        this.lossy = lossy;
    }

    /**
     * A name for messages to people.
     *
     * @return e.g. {@code "MP4/M4A"} or {@code "RIFX WAV"}
     */
    public String displayName() {
        return displayName;
    }

    /**
     * Whether the built-in readers decode this container to the PCM samples it holds.
     *
     * @return true for the WAV family, AIFF, AIFF-C and FLAC
     */
    public boolean isPcmContainer() {
        return pcmContainer;
    }

    /**
     * Whether this container normally carries a lossy codec, which has no place in a stem delivery.
     *
     * @return true for MP3, AAC, MP4/M4A and Ogg
     */
    public boolean isLossy() {
        return lossy;
    }
}
