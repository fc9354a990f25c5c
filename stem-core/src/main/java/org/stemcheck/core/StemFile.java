package org.stemcheck.core;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import org.stemcheck.io.AudioFileException;
import org.stemcheck.io.AudioFormat;
import org.stemcheck.io.FileKind;
import org.stemcheck.io.Metadata;
import org.stemcheck.io.Truncation;

/**
 * One file of a delivery as the checks see it: what its name says (role, label, title, bpm) and
 * what its header says (container, format, frames, metadata, truncation), or why it could not be
 * read. Immutable.
 *
 * @param name       the file name (no folder), as findings name it
 * @param role       what it is in the delivery
 * @param label      the stem label from the name ({@code "Bass"}), where one could be read
 * @param title      the song or programme title from the name, where the pattern matched
 * @param bpm        the tempo from the name, where the pattern carries one
 * @param namedByPattern true when the name follows the spec's naming pattern
 * @param container  the container by content ({@code "wav"}, {@code "rf64"}, {@code "aiff"},
 *                   {@code "mp3"} ..., {@code "memory"} for a buffer), empty when not audio
 * @param format     the sample format, empty when the file is not readable
 * @param frames     whole frames present (0 when not readable)
 * @param metadata   BWF, iXML, INFO and cue metadata ({@link Metadata#EMPTY} when none)
 * @param truncation present when the header claims more frames than the file holds
 * @param error      why the file is not readable, empty when it is
 */
public record StemFile(
        String name,
        Role role,
        Optional<String> label,
        Optional<String> title,
        OptionalDouble bpm,
        boolean namedByPattern,
        Optional<String> container,
        Optional<AudioFormat> format,
        long frames,
        Metadata metadata,
        Optional<Truncation> truncation,
        Optional<ReadError> error) {

    /**
     * Why a file could not be read.
     *
     * @param kind     the kind of problem, as stem-io classifies it
     * @param detected what the content was recognised as (an MP3, an M4A ...), where it was
     * @param message  stem-io's message, naming the place in the file
     */
    public record ReadError(AudioFileException.Kind kind, Optional<FileKind> detected, String message) {
        /** Checks that no part is null. */
        public ReadError {
            Objects.requireNonNull(kind, "kind must not be null");
            Objects.requireNonNull(detected, "detected must not be null");
            Objects.requireNonNull(message, "message must not be null");
        }

        /** True when the file holds a lossy codec (MP3, AAC, Ogg ...), on its own or inside a WAV. */
        public boolean lossy() {
            return kind == AudioFileException.Kind.LOSSY || detected.map(FileKind::isLossy).orElse(false);
        }
    }

    /**
     * Checks the parts; {@link StemSet#files()} builds these from a folder.
     *
     * @throws IllegalArgumentException when {@code frames} is negative, or when the file has both
     *         or neither of a format and a read error
     */
    public StemFile {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(role, "role must not be null");
        Objects.requireNonNull(label, "label must not be null");
        Objects.requireNonNull(title, "title must not be null");
        Objects.requireNonNull(bpm, "bpm must not be null");
        Objects.requireNonNull(container, "container must not be null");
        Objects.requireNonNull(format, "format must not be null");
        Objects.requireNonNull(metadata, "metadata must not be null");
        Objects.requireNonNull(truncation, "truncation must not be null");
        Objects.requireNonNull(error, "error must not be null");
        if (frames < 0) {
            throw new IllegalArgumentException("frames must not be negative: " + frames);
        }
        if (format.isPresent() == error.isPresent()) {
            throw new IllegalArgumentException("a file has either a format or a read error: " + name);
        }
    }

    /** True when the samples can be streamed. */
    public boolean readable() {
        return format.isPresent();
    }

    /** The label where there is one, otherwise the file name: how messages name a stem. */
    public String displayLabel() {
        return label.orElse(name);
    }

    /** Duration of the frames present, in seconds (0 when not readable). */
    public double durationSeconds() {
        return format.map(f -> f.seconds(frames)).orElse(0.0);
    }

    /** The BWF TimeReference in samples at the file's rate, where a bext chunk carries one. */
    public Optional<Long> timeReference() {
        return metadata.timeReference();
    }

    /** The BWF TimeReference in seconds since midnight (samples divided by the file's own rate). */
    public OptionalDouble startSeconds() {
        Optional<Long> t = timeReference();
        if (t.isEmpty() || format.isEmpty() || t.get() < 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(t.get() / format.get().sampleRate());
    }
}
