package org.stemcheck.core.internal.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.stemcheck.core.Stem;
import org.stemcheck.core.file.StemFile.ReadError;
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
     * How deep {@link #discover} goes: the delivery folder and three levels of sub-folders
     * ({@code delivery/Stems/Drums/Kick.wav}), enough for every layout seen in practice, while a
     * folder that holds a whole catalogue is not read as one delivery by accident.
     */
    public static final int MAX_DEPTH = 4;

    /** Folders never entered: hidden ones ({@code .git}) and the resource forks macOS zips carry. */
    private static final Set<String> SKIPPED_FOLDERS = Set.of("__MACOSX");

    /**
     * The files of a delivery folder and its sub-folders (to {@link #MAX_DEPTH}), sorted by their
     * path relative to the folder ({@code Stems/Song_Bass_120bpm.wav}), each sniffed by content
     * and its header read. Hidden files and folders are left out. What cannot be read as a file is
     * kept as an unreadable entry that says why (a folder named like an audio file, a named pipe or
     * a device, a link that leads nowhere or in a loop, a folder that cannot be entered), so that
     * it becomes a finding instead of being skipped without a word.
     *
     * @throws IllegalArgumentException when {@code dir} is not a folder
     */
    public static List<Source> discover(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a folder: " + dir.toAbsolutePath());
        }
        List<Source> out = new ArrayList<>();
        try {
            Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    if (d.equals(dir)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String name = d.getFileName().toString();
                    if (name.startsWith(".") || SKIPPED_FOLDERS.contains(name)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (AUDIO_EXTENSIONS.contains(extension(name))) {
                        out.add(odd(dir, d, "is a folder, not an audio file", false));
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (f.getFileName().toString().startsWith(".")) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isRegularFile()) {
                        out.add(ofPath(f, relative(dir, f)));
                    } else if (attrs.isDirectory()) {
                        // a folder below the depth limit: its files are not part of the delivery
                        out.add(odd(dir, f, "is a folder " + MAX_DEPTH + " levels down or deeper: not read", false));
                    } else if (Files.isSymbolicLink(f) && !Files.exists(f)) {
                        out.add(odd(dir, f, dangling(f), false));
                    } else {
                        out.add(odd(dir, f, "is not a regular file (" + kind(f) + ")", false));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    if (!f.getFileName().toString().startsWith(".")) {
                        // A folder that cannot be entered may hold stems: whatever its name, it is
                        // an entry meant as audio that was not read (a loop of links is no folder).
                        boolean folder = !(e instanceof java.nio.file.FileSystemLoopException) && Files.isDirectory(f);
                        out.add(folder ? odd(dir, f, LOCKED_FOLDER + reason(e), true)
                                : odd(dir, f, why(f, e), false));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the folder " + dir.toAbsolutePath(), e);
        }
        out.sort(java.util.Comparator.comparing(Source::name));
        return List.copyOf(out);
    }

    /** The path of {@code f} inside the delivery, with forward slashes whatever the platform. */
    public static String relative(Path dir, Path f) {
        Path r = dir.relativize(f);
        StringBuilder b = new StringBuilder();
        for (Path part : r) {
            if (b.length() > 0) {
                b.append('/');
            }
            b.append(part);
        }
        return b.toString();
    }

    /** The last part of a delivery path ({@code Stems/Song_Bass.wav} -> {@code Song_Bass.wav}). */
    public static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /**
     * How the read error of an entry that is no file to open starts ({@link #odd}): the checks
     * say what the entry is instead of calling it corrupt audio.
     */
    public static final String NOT_A_FILE = "not a file: ";

    /** How the reason of a folder that cannot be entered begins (after {@link #NOT_A_FILE}). */
    public static final String LOCKED_FOLDER = "is a folder that cannot be entered: ";

    /**
     * An entry that is not a file the library can open, with the reason; {@code mayHoldAudio} when
     * it counts as audio that was not read whatever its name (a folder that cannot be entered).
     */
    private static Source odd(Path dir, Path f, String why, boolean mayHoldAudio) {
        String name = f.equals(dir) ? String.valueOf(dir.toAbsolutePath().normalize().getFileName()) + "/"
                : relative(dir, f);
        boolean audioName = mayHoldAudio || AUDIO_EXTENSIONS.contains(extension(fileName(name)));
        ReadError err = new ReadError(AudioFileException.Kind.NOT_AUDIO, Optional.empty(), NOT_A_FILE + why);
        return unreadable(name, audioName, Optional.empty(), err);
    }

    /** What kind of special file {@code f} is, for a message. */
    private static String kind(Path f) {
        try {
            Object mode = Files.getAttribute(f, "unix:mode");
            int type = ((Integer) mode) & 0170000;
            switch (type) {
                case 0010000:
                    return "a named pipe";
                case 0020000:
                    return "a character device";
                case 0060000:
                    return "a block device";
                case 0140000:
                    return "a socket";
                default:
                    return "a special file";
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a special file";
        }
    }

    /** A link that cannot be followed: to nothing, or in a loop of links. */
    private static String dangling(Path f) {
        try {
            Path target = Files.readSymbolicLink(f);
            Path resolved = f.resolveSibling(target);
            return Files.isSymbolicLink(resolved) ? "is a link that leads round in a loop of links"
                    : "is a link to something that does not exist (" + target + ")";
        } catch (IOException | UnsupportedOperationException e) {
            return "is a link to something that does not exist";
        }
    }

    /** Why an entry could not be visited: a loop of links, a link to nothing, no permission. */
    private static String why(Path f, IOException e) {
        if (e instanceof java.nio.file.FileSystemLoopException) {
            return "is a link that leads back to a folder above it (a loop)";
        }
        if (Files.isSymbolicLink(f) && !Files.exists(f)) {
            return dangling(f);
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "cannot be read: " + reason(e);
        }
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null
                && fse.getReason().toLowerCase(Locale.ROOT).contains("too many levels")) {
            return "is a link that leads to itself (a loop)";
        }
        return "cannot be read: " + e.getMessage();
    }

    /** Why an entry could not be opened, in words: "permission denied", or the system's message. */
    private static String reason(IOException e) {
        return e instanceof java.nio.file.AccessDeniedException ? "permission denied" : String.valueOf(e.getMessage());
    }

    /** One file: sniffed and its header parsed; a file that cannot be read carries its error. */
    public static Source ofPath(Path path) {
        return ofPath(path, path.getFileName().toString());
    }

    /** One file under the name findings use for it (its path inside the delivery). */
    static Source ofPath(Path path, String name) {
        boolean audioName = AUDIO_EXTENSIONS.contains(extension(fileName(name)));
        try {
            AudioFile f = AudioFiles.open(path);
            return new Source(name, audioName, Optional.of(containerName(f.format().kind())), Optional.of(f.format()),
                    f.frames(), f.metadata(), f.truncation(), Optional.empty(), f.warnings(), f::openStream);
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
