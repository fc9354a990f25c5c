package org.stemcheck.core.internal.delivery;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.stemcheck.core.file.StemFile.ReadError;
import org.stemcheck.io.AudioFormat;
import org.stemcheck.io.Metadata;
import org.stemcheck.io.SampleStream;
import org.stemcheck.io.Truncation;

/**
 * One input of a delivery before roles and names are read: its header facts (parsed once, at
 * discovery) and a way to stream its samples (a file re-opened and streamed block by block, or a
 * buffer read directly).
 *
 * @param name              the name findings use
 * @param audioByExtension  true when the name ends in an audio extension (.wav, .aif, .mp3 ...)
 * @param container         container by content, empty when not audio
 * @param format            the sample format, empty when not readable
 * @param frames            frames present
 * @param metadata          metadata chunks
 * @param truncation        present when the header claims more frames than there are
 * @param error             why it is not readable
 * @param warnings          what the reader worked around in the header (a second fmt chunk ...)
 * @param opener            opens a fresh sample stream
 */
public record Source(
        String name,
        boolean audioByExtension,
        Optional<String> container,
        Optional<AudioFormat> format,
        long frames,
        Metadata metadata,
        Optional<Truncation> truncation,
        Optional<ReadError> error,
        List<String> warnings,
        StreamOpener opener) {

    /** Opens a fresh stream over the samples. */
    @FunctionalInterface
    public interface StreamOpener {
        SampleStream open() throws IOException;
    }

    /** A source without reader warnings. */
    public Source(String name, boolean audioByExtension, Optional<String> container, Optional<AudioFormat> format,
                  long frames, Metadata metadata, Optional<Truncation> truncation, Optional<ReadError> error,
                  StreamOpener opener) {
        this(name, audioByExtension, container, format, frames, metadata, truncation, error, List.of(), opener);
    }

    public Source {
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(opener, "opener");
    }

    /** True when the samples can be streamed. */
    public boolean readable() {
        return format.isPresent();
    }
}
