package org.stemcheck.core.file;

import java.util.List;
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
 * @param warnings   what the reader worked around in the file's header (a second {@code fmt }
 *                   chunk, a chunk that runs past the end ...), in the order found; empty for a
 *                   clean file
 * @param layout     which speaker each channel feeds: from the file's speaker mask where it
 *                   declares one (then {@link ChannelLayout#mask()} is that mask), else laid out
 *                   by the spec's channel order ({@link org.stemcheck.core.spec.ChannelOrder},
 *                   mask 0); empty when the file is not readable
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
        Optional<ReadError> error,
        List<String> warnings,
        Optional<ChannelLayout> layout) {

    /**
     * Why a file could not be read.
     *
     * @param kind     the kind of problem, as stem-io classifies it
     * @param detected what the content was recognised as (an MP3, an M4A ...), where it was
     * @param message  stem-io's message, naming the place in the file
     */
    public record ReadError(AudioFileException.Kind kind, Optional<FileKind> detected, String message) {
        /**
         * Checks that no part is null.
         *
         * @param kind     not {@code null}
         * @param detected not {@code null}; empty when the content was not recognised
         * @param message  not {@code null}
         */
        public ReadError {
            Objects.requireNonNull(kind, "kind must not be null");
            Objects.requireNonNull(detected, "detected must not be null");
            Objects.requireNonNull(message, "message must not be null");
        }

        /**
         * Whether the file holds a lossy codec, which no stem delivery should: ask for the
         * uncompressed export.
         *
         * @return true for MP3, AAC, Ogg ... on its own or inside a WAV
         */
        public boolean lossy() {
            // an M4A that holds Apple Lossless is refused as unsupported, not lossy: only the container is shared
            return kind == AudioFileException.Kind.LOSSY
                    || kind != AudioFileException.Kind.UNSUPPORTED && detected.map(FileKind::isLossy).orElse(false);
        }
    }

    /**
     * Checks the parts; {@link org.stemcheck.core.StemSet#files()} builds these from a folder.
     *
     * @param name           not {@code null}
     * @param role           not {@code null}
     * @param label          not {@code null}
     * @param title          not {@code null}
     * @param bpm            not {@code null}
     * @param namedByPattern as judged
     * @param container      not {@code null}
     * @param format         not {@code null}; present exactly when {@code error} is empty
     * @param frames         {@code >= 0}
     * @param metadata       not {@code null}
     * @param truncation     not {@code null}
     * @param error          not {@code null}; present exactly when {@code format} is empty
     * @param warnings       not {@code null}; copied
     * @param layout         not {@code null}; present exactly when {@code format} is, with as many
     *                       channels
     * @throws IllegalArgumentException when {@code frames} is negative, when the file has both
     *         or neither of a format and a read error, or when the layout does not fit the format
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
        warnings = List.copyOf(warnings);
        if (frames < 0) {
            throw new IllegalArgumentException("frames must not be negative: " + frames);
        }
        if (format.isPresent() == error.isPresent()) {
            throw new IllegalArgumentException("a file has either a format or a read error: " + name);
        }
        Objects.requireNonNull(layout, "layout must not be null");
        if (layout.isPresent() != format.isPresent()
                || layout.isPresent() && layout.get().channels() != format.get().channels()) {
            throw new IllegalArgumentException("the layout of " + name + " must fit its format: " + layout
                    + ", " + format);
        }
    }

    /**
     * A file whose layout is its speaker mask's, or SMPTE order without one
     * ({@link ChannelLayout#of(AudioFormat)}): the form before a spec could name the order.
     *
     * @param name           as in the canonical constructor
     * @param role           as in the canonical constructor
     * @param label          as in the canonical constructor
     * @param title          as in the canonical constructor
     * @param bpm            as in the canonical constructor
     * @param namedByPattern as in the canonical constructor
     * @param container      as in the canonical constructor
     * @param format         as in the canonical constructor
     * @param frames         as in the canonical constructor
     * @param metadata       as in the canonical constructor
     * @param truncation     as in the canonical constructor
     * @param error          as in the canonical constructor
     * @param warnings       as in the canonical constructor
     */
    public StemFile(String name, Role role, Optional<String> label, Optional<String> title, OptionalDouble bpm,
                    boolean namedByPattern, Optional<String> container, Optional<AudioFormat> format, long frames,
                    Metadata metadata, Optional<Truncation> truncation, Optional<ReadError> error,
                    List<String> warnings) {
        this(name, role, label, title, bpm, namedByPattern, container, format, frames, metadata, truncation, error,
                warnings, Objects.requireNonNull(format, "format must not be null").map(ChannelLayout::of));
    }

    /**
     * Whether the samples can be streamed and measured.
     *
     * @return true when the file has a format (no read error)
     */
    public boolean readable() {
        return format.isPresent();
    }

    /**
     * How messages name a stem.
     *
     * @return the label where there is one ({@code "Bass"}), otherwise the file name
     */
    public String displayLabel() {
        return label.orElse(name);
    }

    /**
     * Duration of the frames present.
     *
     * @return seconds; 0 when not readable
     */
    public double durationSeconds() {
        return format.map(f -> f.seconds(frames)).orElse(0.0);
    }

    /**
     * Where the file starts on the session timeline.
     *
     * @return the BWF TimeReference in samples at the file's rate; empty without a bext chunk
     */
    public Optional<Long> timeReference() {
        return metadata.timeReference();
    }

    /**
     * Where the file starts on the session timeline, comparable across files of different rates.
     *
     * @return the BWF TimeReference in seconds since midnight (samples divided by the file's own
     *         rate); empty without one or when the file is not readable
     */
    public OptionalDouble startSeconds() {
        Optional<Long> t = timeReference();
        if (t.isEmpty() || format.isEmpty() || t.get() < 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(t.get() / format.get().sampleRate());
    }
}
