package org.stemcheck.io.internal.readers;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFileException;
import org.stemcheck.io.FileKind;
import org.stemcheck.io.internal.Sniffer;
import org.stemcheck.io.internal.aiff.AiffReader;
import org.stemcheck.io.internal.flac.FlacReader;
import org.stemcheck.io.internal.mp4.Mp4Codec;
import org.stemcheck.io.internal.wav.WavReader;
import org.stemcheck.io.spi.AudioReader;
import org.stemcheck.io.spi.AudioSource;
import org.stemcheck.io.spi.ByteInput;

/**
 * The installed readers and the choice among them, behind {@code AudioFiles.open} and {@code
 * AudioReaders.installed()}. Kept here, not in {@code AudioFiles}, so that the API package does not
 * name the SPI's types: {@code org.stemcheck.io.spi} depends on {@code org.stemcheck.io}, never the
 * other way.
 */
public final class Readers {

    private static final Logger LOG = LoggerFactory.getLogger(Readers.class);

    private static final List<AudioReader> READERS = load();

    private Readers() {
    }

    private static List<AudioReader> load() {
        List<AudioReader> readers = new ArrayList<>(List.of(new WavReader(), new AiffReader(), new FlacReader()));
        for (AudioReader plugIn : ServiceLoader.load(AudioReader.class, Readers.class.getClassLoader())) {
            LOG.debug("audio reader plug-in found: {} ({})", plugIn.name(), plugIn.getClass().getName());
            readers.add(plugIn);
        }
        return List.copyOf(readers);
    }

    /** The readers tried in order: built-in first, then the plug-ins found when this class loaded. */
    public static List<AudioReader> installed() {
        return READERS;
    }

    /**
     * Opens the file with the first reader whose probe accepts its first bytes, or refuses it with
     * what it is.
     */
    public static AudioFile open(AudioSource source, byte[] head, int n) throws IOException {
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
