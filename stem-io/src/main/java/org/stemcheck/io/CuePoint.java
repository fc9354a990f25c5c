package org.stemcheck.io;

import java.util.Objects;

/**
 * A marker from a WAV {@code cue } chunk (with its {@code LIST/adtl} label, if any) or an AIFF
 * {@code MARK} chunk.
 *
 * @param id           the cue point's identifier
 * @param sampleOffset the frame it marks
 * @param label        its label, empty when none
 */
public record CuePoint(long id, long sampleOffset, String label) {

    /**
     * Checks the label.
     *
     * @param id           as read
     * @param sampleOffset as read, in frames from the start of the audio
     * @param label        not {@code null}
     * @throws NullPointerException when {@code label} is {@code null} (use {@code ""} for none)
     */
    public CuePoint {
        Objects.requireNonNull(label, "label must not be null");
    }
}
