package org.stemcheck.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stemcheck.io.internal.OneShotSource;
import org.stemcheck.io.internal.PathSource;
import org.stemcheck.io.internal.Sniffer;
import org.stemcheck.io.internal.aiff.AiffReader;
import org.stemcheck.io.internal.flac.FlacReader;
import org.stemcheck.io.internal.mp4.Mp4Codec;
import org.stemcheck.io.internal.wav.WavReader;
import org.stemcheck.io.spi.AudioReader;
import org.stemcheck.io.spi.AudioSource;
import org.stemcheck.io.spi.ByteInput;

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
 * AIFF/AIFF-C and FLAC) come first, then readers registered through {@link AudioReader} on the
 * class or module path. A file no reader takes is refused with what it is: an MP3, an M4A holding
 * AAC (lossy) or Apple Lossless (not read), and so on. Thread-safe.
 */
public final class AudioFiles {

    private static final Logger LOG = LoggerFactory.getLogger(AudioFiles.class);

    private static final List<AudioReader> READERS = loadReaders();

    private AudioFiles() {
    }

    private static List<AudioReader> loadReaders() {
        List<AudioReader> readers = new ArrayList<>(List.of(new WavReader(), new AiffReader(), new FlacReader()));
        for (AudioReader plugIn : ServiceLoader.load(AudioReader.class, AudioFiles.class.getClassLoader())) {
            LOG.debug("audio reader plug-in found: {} ({})", plugIn.name(), plugIn.getClass().getName());
            readers.add(plugIn);
        }
        return List.copyOf(readers);
    }

    /**
     * The readers tried in order: built-in first, then plug-ins found once, when this class is
     * loaded.
     *
     * @return an immutable list; the first reader whose {@link AudioReader#probe} accepts a file
     *         opens it
     */
    public static List<AudioReader> readers() {
        return READERS;
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
        return open(new PathSource(path), head, n);
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
        return open(new OneShotSource(name, replay), head, n);
    }

    private static AudioFile open(AudioSource source, byte[] head, int n) throws IOException {
        for (AudioReader reader : READERS) {
            if (probe(reader, head, n)) {
                try {
                    return reader.open(source);
                } catch (RuntimeException e) {
                    // A plug-in's bug must not stop the check of a whole folder: it becomes this file's error.
                    LOG.warn("audio reader {} failed on {}", reader.name(), source.name(), e);
                    throw AudioFileException.recognised(AudioFileException.Kind.UNSUPPORTED, source.name(),
                            Sniffer.sniff(head, n), "the " + reader.name() + " reader failed: " + e);
                }
            }
        }
        FileKind kind = Sniffer.sniff(head, n);
        if (kind == FileKind.MP4) {
            // Name the codec: AAC is lossy, Apple Lossless is not, and the sender needs to know which.
            try (ByteInput in = source.open()) {
                throw Mp4Codec.refusal(in, source.name());
            }
        }
        throw notReadable(source.name(), kind);
    }

    private static boolean probe(AudioReader reader, byte[] head, int n) {
        try {
            return reader.probe(head, n);
        } catch (RuntimeException e) {
            LOG.warn("audio reader {} failed to probe a file; skipped", reader.name(), e);
            return false;
        }
    }

    private static AudioFileException notReadable(String name, FileKind kind) {
        switch (kind) {
            case EMPTY:
                return AudioFileException.recognised(AudioFileException.Kind.EMPTY, name, kind, "the file is empty (0 bytes)");
            case NOT_AUDIO:
                return AudioFileException.recognised(AudioFileException.Kind.NOT_AUDIO, name, kind,
                        "not an audio file (no WAV, AIFF, MP3, AAC, Ogg or FLAC signature)");
            default:
                if (kind.isLossy()) {
                    return AudioFileException.recognised(AudioFileException.Kind.LOSSY, name, kind,
                            "an " + kind.displayName() + " file: a lossy format, not a PCM stem");
                }
                return AudioFileException.recognised(AudioFileException.Kind.UNSUPPORTED, name, kind,
                        "a " + kind.displayName() + " file that no installed reader accepts");
        }
    }
}
