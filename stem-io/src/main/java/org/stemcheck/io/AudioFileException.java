package org.stemcheck.io;

import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A file that cannot be read as audio, with what went wrong and where: the file, the byte offset
 * and the chunk.
 *
 * <p>The message is written for a person: {@code "Bass.wav: fmt  chunk at byte 12: 0 channels"}.
 */
public final class AudioFileException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What kind of problem this is. */
    public enum Kind {
        /** Zero bytes. */
        EMPTY,
        /** Not an audio container at all (text, image, unknown binary). */
        NOT_AUDIO,
        /** A lossy codec (MP3, AAC, Ogg), in its own container or inside a WAV. */
        LOSSY,
        /** A known container with a coding or layout this library does not decode. */
        UNSUPPORTED,
        /** The structure is broken: impossible header fields, missing chunks, sizes that do not fit. */
        CORRUPT
    }

    /** What kind of problem this is; never {@code null}. */
    private final Kind kind;
    /** The file's name as given to the reader; never {@code null}. */
    private final String file;
    /** The byte offset of the problem, negative when it has no place. */
    private final long offset;
    /** The chunk being read, or {@code null}. */
    private final String chunk;
    /** What the content was recognised as, or {@code null}. */
    private final FileKind fileKind;

    private AudioFileException(Kind kind, String file, long offset, String chunk, FileKind fileKind, String detail) {
        super(format(file, offset, chunk, detail));
        this.kind = Objects.requireNonNull(kind, "kind must not be null");
        this.file = Objects.requireNonNull(file, "file must not be null");
        this.offset = offset;
        this.chunk = chunk;
        this.fileKind = fileKind;
    }

    /**
     * A problem at a known place.
     *
     * @param kind   what kind of problem
     * @param file   the file's name as given to the reader
     * @param offset byte offset in the file, or a negative value when the problem has no place
     * @param chunk  the chunk id, or {@code null}
     * @param detail what is wrong, for a person ({@code "0 channels"})
     * @return the exception, with the message {@code "file: 'chunk' chunk at byte N: detail"}
     */
    public static AudioFileException of(Kind kind, String file, long offset, String chunk, String detail) {
        return new AudioFileException(kind, file, offset, chunk, null, detail);
    }

    /**
     * A lossy or otherwise unsupported container, recognised by its content.
     *
     * @param kind     what kind of problem ({@link Kind#LOSSY}, {@link Kind#UNSUPPORTED} ...)
     * @param file     the file's name as given to the reader
     * @param fileKind what the content was recognised as
     * @param detail   what is wrong, for a person
     * @return the exception, without a byte offset or chunk
     */
    public static AudioFileException recognised(Kind kind, String file, FileKind fileKind, String detail) {
        return new AudioFileException(kind, file, -1, null, Objects.requireNonNull(fileKind, "fileKind"), detail);
    }

    /**
     * A lossy or unsupported coding recognised inside a known container, at a known place (an
     * MP3 stream inside a WAV's data chunk, say).
     *
     * @param kind     what kind of problem
     * @param file     the file's name as given to the reader
     * @param offset   byte offset in the file, or a negative value when the problem has no place
     * @param chunk    the chunk id, or {@code null}
     * @param fileKind what the container was recognised as
     * @param detail   what is wrong, for a person
     * @return the exception
     */
    public static AudioFileException recognisedAt(Kind kind, String file, long offset, String chunk, FileKind fileKind,
                                                  String detail) {
        return new AudioFileException(kind, file, offset, chunk, Objects.requireNonNull(fileKind, "fileKind"), detail);
    }

    private static String format(String file, long offset, String chunk, String detail) {
        StringBuilder sb = new StringBuilder(file).append(": ");
        if (chunk != null) {
            sb.append('\'').append(chunk).append("' chunk");
            if (offset >= 0) {
                sb.append(String.format(Locale.ROOT, " at byte %d", offset));
            }
            sb.append(": ");
        } else if (offset >= 0) {
            sb.append(String.format(Locale.ROOT, "at byte %d: ", offset));
        }
        return sb.append(detail).toString();
    }

    /**
     * What kind of problem this is.
     *
     * @return the kind; never {@code null}
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The file's name as given to the reader.
     *
     * @return the path or stream name; never {@code null}
     */
    public String file() {
        return file;
    }

    /**
     * Where in the file the problem was found.
     *
     * @return the byte offset from the start of the file, or empty when the problem has no place
     */
    public OptionalLong offset() {
        return offset >= 0 ? OptionalLong.of(offset) : OptionalLong.empty();
    }

    /**
     * The chunk being read when the problem was found.
     *
     * @return the four-character chunk id ({@code "fmt "}, {@code "COMM"}), or empty
     */
    public Optional<String> chunk() {
        return Optional.ofNullable(chunk);
    }

    /**
     * What the file was recognised as, where its content identified it.
     *
     * @return the kind (an MP3, an M4A ...), or empty when the problem is not about the format
     */
    public Optional<FileKind> fileKind() {
        return Optional.ofNullable(fileKind);
    }
}
