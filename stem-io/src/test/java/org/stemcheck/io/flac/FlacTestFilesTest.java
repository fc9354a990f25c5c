package org.stemcheck.io.flac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFileException;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.Checksum;
import org.stemcheck.io.SampleStream;

/**
 * The FLAC decoder testbench of the IETF CELLAR working group (Martijn van Beurden's
 * {@code flac-test-files}, CC0), run where a copy is at hand: {@code -Dstemcheck.flacTestFiles=DIR}
 * names its root (with {@code subset/}, {@code uncommon/} and {@code faulty/}); without it the
 * test is skipped, under CI too, since the set is not part of {@code ../shared}. docs/formats.md
 * says how to get it.
 *
 * <p>What its READMEs ask and what we answer: every {@code subset} file (block sizes 16 to 16384,
 * partition order 8, escapes, wasted bits, LPC order 32, 8 to 24 bits, 1 to 8 channels, variable
 * block sizes old and new, odd rates, extreme metadata) decodes with its MD5 matched. In
 * {@code uncommon}: 32-bit, 768 kHz, 15-bit, block size 65535 and partition order 15 decode;
 * changing rate, channels or depth mid-stream is refused as {@code UNSUPPORTED}; a stream without
 * {@code fLaC} is not a file we read ({@code NOT_AUDIO}). In {@code faulty}: every file is refused
 * (at open or while streaming) except 02, whose STREAMINFO understates the largest frame (we never
 * size a buffer by it, so it decodes), and 10, whose Vorbis comment count overstates its comments
 * (the comments that are there are read, with a warning; the audio is intact).
 */
class FlacTestFilesTest {

    /** System property naming the test bench's root. */
    static final String PROPERTY = "stemcheck.flacTestFiles";

    /** What we do with a file. */
    enum Verdict {
        /** Opens and decodes to its end; the MD5, where stored, matches. */
        READ,
        /** As READ, with a warning. */
        READ_WITH_WARNING,
        /** An AudioFileException at open or while streaming (an MD5 mismatch included). */
        REFUSED,
        /** Refused as UNSUPPORTED. */
        UNSUPPORTED,
        /** Not recognised as FLAC (no fLaC marker). */
        NOT_AUDIO
    }

    /**
     * Without the property there is nothing to run: the parameterized test has no files, silently
     * (a skipped test would be a warning in every build).
     */
    private static void assumeConfigured() {
        String configured = System.getProperty(PROPERTY);
        Assumptions.assumeTrue(configured != null && !configured.isBlank(),
                "the IETF FLAC test bench is not configured: -D" + PROPERTY + "=DIR (see docs/formats.md)");
    }

    static List<Arguments> files() throws IOException {
        assumeConfigured();
        String configured = System.getProperty(PROPERTY);
        Path root = Path.of(configured);
        // asked for by the property and not there: a mistake to report, not a skip
        assertThat(root.resolve("subset")).as("the test bench named by -D%s", PROPERTY).isDirectory();
        List<Arguments> all = new ArrayList<>();
        for (String group : new String[] {"subset", "uncommon", "faulty"}) {
            Path dir = root.resolve(group);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.getFileName().toString().endsWith(".flac")).sorted()
                        .forEach(p -> all.add(Arguments.of(group + "/" + p.getFileName(), p, verdict(group, p))));
            }
        }
        return all;
    }

    /** The verdict from the group and the file's number (the names changed between revisions; the numbers did not). */
    static Verdict verdict(String group, Path p) {
        int number = Integer.parseInt(p.getFileName().toString().substring(0, 2).trim());
        switch (group) {
            case "subset":
                return Verdict.READ;
            case "uncommon":
                if (number <= 4) {
                    return Verdict.UNSUPPORTED;
                }
                return number >= 10 ? Verdict.NOT_AUDIO : Verdict.READ;
            default:
                return number == 2 ? Verdict.READ : number == 10 ? Verdict.READ_WITH_WARNING : Verdict.REFUSED;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void answersAsItsReadmeAsks(String name, Path path, Verdict verdict) throws IOException {
        AudioFile f;
        try {
            f = AudioFiles.open(path);
        } catch (AudioFileException e) {
            switch (verdict) {
                case REFUSED:
                    return;
                case UNSUPPORTED:
                    assertThat(e.kind()).as(e.getMessage()).isEqualTo(AudioFileException.Kind.UNSUPPORTED);
                    return;
                case NOT_AUDIO:
                    assertThat(e.kind()).as(e.getMessage()).isEqualTo(AudioFileException.Kind.NOT_AUDIO);
                    return;
                default:
                    throw new AssertionError(name + " should be read: " + e.getMessage(), e);
            }
        }
        try {
            long frames = drain(f);
            assertThat(frames).as(name).isEqualTo(f.frames());
        } catch (AudioFileException e) {
            if (verdict == Verdict.REFUSED) {
                return;
            }
            if (verdict == Verdict.UNSUPPORTED) {
                assertThat(e.kind()).as(e.getMessage()).isEqualTo(AudioFileException.Kind.UNSUPPORTED);
                return;
            }
            throw new AssertionError(name + " should be read to its end: " + e.getMessage(), e);
        }
        switch (verdict) {
            case READ:
            case READ_WITH_WARNING:
                f.checksum().ifPresent(c -> assertThat(c.status()).as(name).isEqualTo(Checksum.Status.MATCHED));
                if (verdict == Verdict.READ_WITH_WARNING) {
                    assertThat(f.warnings()).as(name).isNotEmpty();
                }
                break;
            default:
                fail(String.format(Locale.ROOT, "%s should be %s but was read: %s, %d frames, warnings %s",
                        name, verdict, f.format(), f.frames(), f.warnings()));
        }
    }

    private static long drain(AudioFile f) throws IOException {
        long n = 0;
        double[][] block = new double[f.format().channels()][4096];
        try (SampleStream s = f.openStream()) {
            for (int got; (got = s.read(block, 0, 4096)) > 0; ) {
                n += got;
            }
        }
        return n;
    }
}
