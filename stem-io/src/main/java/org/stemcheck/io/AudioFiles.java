package org.stemcheck.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.stemcheck.io.internal.OneShotSource;
import org.stemcheck.io.internal.PathSource;
import org.stemcheck.io.internal.readers.Readers;
import org.stemcheck.io.internal.Sniffer;

/**
 * Opens audio files. The entry point of stem-io.
 *
 * <pre>{@code
 * AudioFile f = AudioFiles.open(path);
 * double peak = 0;
 * try (SampleStream s = f.openStream()) {
 *     double[][] block = new double[f.format().channels()][4096];
 *     for (int n; (n = s.read(block, 0, 4096)) > 0; ) {
 *         for (double[] channel : block) {
 *             for (int i = 0; i < n; i++) {
 *                 peak = Math.max(peak, Math.abs(channel[i]));
 *             }
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Files are identified by content, never by name. The built-in readers (WAV/BWF/RF64/BW64/RIFX,
 * AIFF/AIFF-C and FLAC) come first, then readers registered through {@link
 * org.stemcheck.io.spi.AudioReader} on the class or module path ({@link
 * org.stemcheck.io.spi.AudioReaders#installed()} lists them). A file no reader takes is refused
 * with what it is: an MP3, an M4A holding AAC (lossy) or Apple Lossless (not read), and so on.
 * Thread-safe.
 */
public final class AudioFiles {

    private AudioFiles() {
    }

    /**
     * What the file is, judged by its first bytes (never by its name): cheap, it reads at most a
     * few kilobytes and parses nothing.
     *
     * @param path the file
     * @return its kind; {@link FileKind#EMPTY} or {@link FileKind#NOT_AUDIO} rather than an
     *         exception for files that are not audio
     * @throws IOException when the file cannot be read
     */
    public static FileKind sniff(Path path) throws IOException {
        Objects.requireNonNull(path, "path must not be null");
        byte[] head = new byte[Sniffer.HEAD_BYTES];
        try (InputStream in = Files.newInputStream(path)) {
            return Sniffer.sniff(head, in.readNBytes(head, 0, head.length));
        }
    }

    /**
     * What a file starting with these bytes is.
     *
     * @param head   the first bytes of the file
     * @param length how many bytes of {@code head} are valid (fewer than its length for a short
     *               file)
     * @return its kind; never {@code null}
     */
    public static FileKind sniff(byte[] head, int length) {
        Objects.requireNonNull(head, "head must not be null");
        return Sniffer.sniff(head, Math.min(length, head.length));
    }

    /**
     * Opens a file: parses its header and metadata (including chunks after the audio data).
     * Samples are not read until {@link AudioFile#openStream()}.
     *
     * @param path the file
     * @return the opened file, immutable and thread-safe
     * @throws AudioFileException when it is not a readable audio file, with the reason and place
     * @throws IOException        when it cannot be read at all
     */
    public static AudioFile open(Path path) throws IOException {
        Objects.requireNonNull(path, "path must not be null");
        byte[] head = new byte[Sniffer.HEAD_BYTES];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, head.length);
        }
        return Readers.open(new PathSource(path), head, n);
    }

    /**
     * Opens audio from a stream (a download, a GZIPInputStream), reading it front to back once.
     * The returned file can be streamed once; metadata stored after the audio data is added to
     * {@link AudioFile#metadata()} when that stream reaches its end.
     *
     * @param in   the bytes of the file, read front to back; closed when the file's sample stream is
     * @param name the name used in messages
     * @return the opened file, which can be streamed once
     * @throws AudioFileException when it is not a readable audio file, with the reason and place
     * @throws IOException        when the stream cannot be read
     */
    public static AudioFile open(InputStream in, String name) throws IOException {
        Objects.requireNonNull(in, "in must not be null");
        Objects.requireNonNull(name, "name must not be null");
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        byte[] head = new byte[Sniffer.HEAD_BYTES];
        int n = buffered.readNBytes(head, 0, head.length);
        InputStream replay = new SequenceInputStream(new ByteArrayInputStream(head, 0, n), buffered);
        return Readers.open(new OneShotSource(name, replay), head, n);
    }
}
