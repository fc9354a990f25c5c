package org.stemcheck.io.spi;

import java.io.IOException;

import org.stemcheck.io.AudioFile;

/**
 * A reader for one container family, found through {@link java.util.ServiceLoader}.
 *
 * <h2>Adding a decoder (MP3, WavPack ...)</h2>
 *
 * <ol>
 *   <li>Implement this interface. {@link #probe} gets the file's first bytes (up to 4096) and
 *       answers without throwing; the built-in sniffer can do the work:
 *       {@code return AudioFiles.sniff(head, length) == FileKind.MP3;}. A probe that throws is
 *       logged and skipped.</li>
 *   <li>{@link #open} reads the header from {@link AudioSource#open()} and returns an
 *       {@link AudioFile}: its {@link org.stemcheck.io.AudioFormat} names the container
 *       ({@code FileKind.MP3}, {@code OGG}, or {@code OTHER} for one stemcheck does not know)
 *       and the decoded samples ({@code PCM_SIGNED} with the decoded bit depth, or
 *       {@code FLOAT}); its {@link org.stemcheck.io.SampleStream} delivers them normalised to
 *       [-1, 1). When {@link AudioSource#repeatable()} is false (the file comes from a stream),
 *       {@code open()} hands out the same input each time: read the header from it and keep
 *       decoding the audio from where the header ended; such a file can be streamed once.
 *       Report a broken or unsupported file with an {@link org.stemcheck.io.AudioFileException}
 *       that gives the byte offset.</li>
 *   <li>Register the class: one line with its name in
 *       {@code META-INF/services/org.stemcheck.io.spi.AudioReader} for the class path, and
 *       {@code provides org.stemcheck.io.spi.AudioReader with com.example.Mp3Reader;} (with
 *       {@code requires org.stemcheck.io;}) in the module-info for the module path. Put the jar
 *       on the path when the application starts: readers are loaded once, when
 *       {@link org.stemcheck.io.AudioFiles} is first used, so keep the constructor trivial.</li>
 * </ol>
 *
 * <p>Order: the built-in readers (WAV/BWF/RF64/BW64/RIFX, AIFF/AIFF-C, FLAC) are asked first,
 * then plug-ins in class path order; the first whose probe answers true opens the file. The
 * built-in readers claim no MP3, AAC, MP4 or Ogg file, so a plug-in gets those; without one,
 * {@link org.stemcheck.io.AudioFiles#open} reports the lossy kinds as {@code LOSSY} (an MP4 with
 * the codec it holds: Apple Lossless in an M4A is {@code UNSUPPORTED}). A decoded MP3 still has a {@code FileKind} that
 * {@link org.stemcheck.io.FileKind#isLossy() is lossy}, so it can be measured and still be
 * flagged.
 *
 * <p>Implementations must be thread-safe: one instance opens many files at once.
 */
public interface AudioReader {

    /**
     * A short name for logs and for the message when this reader fails on a file.
     *
     * @return e.g. {@code "wav"} or {@code "flac"}
     */
    String name();

    /**
     * Answers whether this reader handles a file that starts with these bytes. Never throws.
     *
     * @param head   the file's first bytes
     * @param length how many bytes of {@code head} are valid (fewer than its length for tiny files)
     * @return true when this reader should open the file
     */
    boolean probe(byte[] head, int length);

    /**
     * Parses the header and metadata and returns the file, ready to stream.
     *
     * @param source where the bytes come from; its {@link AudioSource#name()} goes in messages
     * @return the opened file
     * @throws org.stemcheck.io.AudioFileException when the file is broken or unsupported
     * @throws IOException                          when the bytes cannot be read
     */
    AudioFile open(AudioSource source) throws IOException;
}
