package org.stemcheck.io.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFileException;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.corpus.WavVerdicts.Outcome;
import org.stemcheck.io.corpus.WavVerdicts.Verdict;

/**
 * Every entry of the shared {@code formats/} and {@code other/} corpora against our WAV reader:
 * files we accept are read whole and checked against every fact the peer asserts; files we reject
 * give an {@link AudioFileException} of the expected kind; fuzz files end within a time bound.
 * Our verdicts and where they differ from the peers: {@link WavVerdicts} and docs/formats.md.
 */
class WavCorpusTest {

    /** Generous bound for reading one small corpus file to its end (they read in milliseconds). */
    private static final Duration BOUND = Duration.ofSeconds(10);

    /** The WAV-family entries; AIFF entries are covered by AiffCorpusTest. */
    static List<CorpusEntry> entries() {
        return CorpusEntry.all().stream().filter(e -> !e.isAiff()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void readsAsOurVerdictSays(CorpusEntry e) throws Exception {
        Verdict v = WavVerdicts.of(e);
        switch (v.outcome()) {
            case ACCEPT:
            case PARTIAL:
                accepts(e, v);
                break;
            case REJECT:
                rejects(e, v);
                break;
            case NO_CRASH:
                endsWithinBound(e);
                break;
            default:
                throw new AssertionError(v);
        }
    }

    /**
     * The BWF files of the "other" corpus but the gzip RF64, which keeps its bext after 2.4 GB of
     * audio: Rf64StreamTest reads that one in a small heap.
     */
    static List<CorpusEntry> bwfFilesOfOther() {
        return CorpusEntry.all().stream()
                .filter(e -> e.corpus().equals("other") && e.json().hasNonNull("bext_time_reference"))
                .filter(e -> !e.isGzip())
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bwfFilesOfOther")
    void bextTimeReferenceOfEveryBwfFileInOtherIsTheExpectedOne(CorpusEntry e) throws IOException {
        AudioFile f = AudioFiles.open(e.path());
        assertThat(f.metadata().timeReference()).as(e.toString()).contains(e.json().get("bext_time_reference").asLong());
    }

    private static void accepts(CorpusEntry e, Verdict v) throws Exception {
        AudioFile f = e.isGzip() ? openGzipHeader(e) : AudioFiles.open(e.path());
        SoftAssertions soft = new SoftAssertions();
        FormatChecks.checkHeader(e, f, soft);
        if (v.outcome() == Outcome.PARTIAL) {
            soft.assertThat(f.truncation()).as("%s: truncated", e).isPresent();
        } else {
            soft.assertThat(f.truncation()).as("%s: not truncated", e).isEmpty();
        }
        Decoded d = e.isGzip() ? new Decoded(new double[f.format().channels()][0], 0)
                : assertTimeoutPreemptively(BOUND, () -> Decoded.read(f));
        if (!e.isGzip()) {
            soft.assertThat((long) d.frames()).as("%s: frames delivered", e).isEqualTo(f.frames());
        }
        new ExpectedChecks(e, f, d, soft).checkAll(v.ownValues());
        soft.assertAll();
    }

    /** The 2.4 GB RF64 is only opened here (header); Rf64StreamTest reads it whole in a small heap. */
    private static AudioFile openGzipHeader(CorpusEntry e) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(e.path()), 1 << 16)) {
            return AudioFiles.open(in, e.file());
        }
    }

    private static void rejects(CorpusEntry e, Verdict v) {
        AudioFileException x = catchThrowableOfType(AudioFileException.class, () -> AudioFiles.open(e.path()));
        assertThat(x).as("%s must be refused (%s)", e, e.peerVerdict()).isNotNull();
        assertThat(x.kind()).as("%s: %s", e, x.getMessage()).isEqualTo(v.kind());
        assertThat(x.file()).isEqualTo(e.path().toString());
        assertThat(x.getMessage()).startsWith(e.path().toString() + ": ");
    }

    private static void endsWithinBound(CorpusEntry e) {
        assertTimeoutPreemptively(BOUND, () -> {
            try {
                AudioFile f = AudioFiles.open(e.path());
                Decoded d = Decoded.read(f);
                assertThat((long) d.frames()).isEqualTo(f.frames());
            } catch (AudioFileException expected) {
                assertThat(expected.getMessage()).contains(e.path().toString());
            }
        });
    }
}
