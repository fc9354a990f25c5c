package org.stemcheck.core.internal.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.stemcheck.core.Stem;
import org.stemcheck.core.StemFile.ReadError;
import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFileException;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.AudioFormat;
import org.stemcheck.io.FileKind;
import org.stemcheck.io.Metadata;
import org.stemcheck.io.SampleEncoding;

/** Finds the sources of a delivery: the files of a folder, or buffers in memory. */
public final class Sources {

    /** Extensions that say "I am audio", whatever the content. */
    private static final Set<String> AUDIO_EXTENSIONS = Set.of("wav", "wave", "bwf", "rf64", "w64", "aif", "aiff",
            "aifc", "mp3", "mp2", "m4a", "mp4", "aac", "ogg", "oga", "opus", "flac", "caf", "wma");

    /** An extension: a dot, a letter and at most four more letters or digits, at the end. */
    private static final Pattern EXTENSION = Pattern.compile("\\.[A-Za-z][A-Za-z0-9]{0,4}$");

    private Sources() {
    }

    /**
     * The regular, non-hidden files of a folder, sorted by name, each sniffed and its header parsed.
     *
     * @throws IllegalArgumentException when {@code dir} is not a folder
     * @throws UncheckedIOException     when the folder cannot be listed
     */
    public static List<Source> discover(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a folder: " + dir.toAbsolutePath());
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .map(Sources::ofPath)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the folder " + dir.toAbsolutePath(), e);
        }
    }

    /** One file: sniffed and its header parsed; a file that cannot be read carries its error. */
    public static Source ofPath(Path path) {
        String name = path.getFileName().toString();
        boolean audioName = AUDIO_EXTENSIONS.contains(extension(name));
        try {
            AudioFile f = AudioFiles.open(path);
            return new Source(name, audioName, Optional.of(containerName(f.format().kind())), Optional.of(f.format()),
                    f.frames(), f.metadata(), f.truncation(), Optional.empty(), f::openStream);
        } catch (AudioFileException e) {
            Optional<FileKind> sniffed = sniff(path);
            Optional<FileKind> detected = e.fileKind().or(() -> sniffed);
            return unreadable(name, audioName, sniffed, new ReadError(e.kind(), detected, detail(e, path)));
        } catch (IOException | RuntimeException e) {
            // An I/O failure (permissions, a file removed meanwhile) or a reader bug: a finding, not a crash.
            ReadError err = new ReadError(AudioFileException.Kind.CORRUPT, Optional.empty(),
                    "cannot be read: " + e.getMessage());
            return unreadable(name, audioName, Optional.empty(), err);
        }
    }

    private static Source unreadable(String name, boolean audioName, Optional<FileKind> kind, ReadError err) {
        Optional<String> container = kind.filter(k -> k != FileKind.EMPTY && k != FileKind.NOT_AUDIO)
                .map(Sources::containerName);
        return new Source(name, audioName, container, Optional.empty(), 0, Metadata.EMPTY, Optional.empty(),
                Optional.of(err), () -> {
                    throw new IOException(err.message());
                });
    }

    /** stem-io's message without the path it starts with: the finding names the file itself. */
    private static String detail(AudioFileException e, Path path) {
        String m = String.valueOf(e.getMessage());
        String prefix = path + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    private static Optional<FileKind> sniff(Path path) {
        try {
            return Optional.of(AudioFiles.sniff(path));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * A buffer held in memory. It has no container: its format is nominally a WAV of 64-bit float
     * (what the samples are), and its container is reported as {@code "memory"}.
     */
    public static Source ofStem(Stem stem) {
        AudioFormat format = new AudioFormat(FileKind.WAV, SampleEncoding.FLOAT, stem.sampleRate(),
                stem.channelCount(), 64, 64, 0, 3, false);
        return new Source(stem.name(), true, Optional.of("memory"), Optional.of(format), stem.frames(), Metadata.EMPTY,
                Optional.empty(), Optional.empty(), () -> new BufferStream(stem, format));
    }

    /** The container's name in reports: {@code wav}, {@code rf64}, {@code aiff}, {@code mp3} ... */
    static String containerName(FileKind kind) {
        switch (kind) {
            case AIFC:
                return "aifc";
            case MP4:
                return "m4a";
            default:
                return kind.name().toLowerCase(Locale.ROOT);
        }
    }

    /** The lower-case extension without its dot, or an empty string. */
    public static String extension(String name) {
        Matcher m = EXTENSION.matcher(name);
        return m.find() && m.start() > 0 ? m.group().substring(1).toLowerCase(Locale.ROOT) : "";
    }

    /** The name without its extension ({@code "Song_Bass_120.5bpm"} has none: an extension starts with a letter). */
    public static String baseName(String name) {
        Matcher m = EXTENSION.matcher(name);
        return m.find() && m.start() > 0 ? name.substring(0, m.start()) : name;
    }
}
