package org.stemcheck.io.corpus;

import static java.util.Map.entry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.assertj.core.api.SoftAssertions;
import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFormat;
import org.stemcheck.io.ChunkInfo;
import org.stemcheck.io.SampleEncoding;

/**
 * Checks every key of an entry's {@code expected} object that states a fact about the audio, the
 * format or the metadata. Keys deliberately not checked are listed in {@link #UNCHECKED} with the
 * reason (and in docs/formats.md); any other unknown key fails the test, so that a new kind of
 * assertion in the corpus is never skipped silently.
 */
final class ExpectedChecks {

    /** Keys we do not check, and why. */
    static final Map<String, String> UNCHECKED = Map.ofEntries(
            entry("note", "prose"),
            entry("defect", "prose describing the defect (the verdict is checked)"),
            entry("defect_or_feature", "prose describing the feature (the verdict is checked)"),
            entry("gem_reports", "prose"),
            entry("is_valid_file", "the verdict itself"),
            entry("cb_size", "cbSize is not exposed; the fields it announces (valid bits, channel mask) are checked"),
            entry("riff_chunk_size_plus_8_equals_file_size", "a property of the peer's writer (round-trip test)"),
            entry("bext_chunk_size_after_rewrite", "a property of the peer's writer (round-trip test)"),
            entry("smpl", "the smpl (sampler) chunk is not read: it has no bearing on stems"),
            entry("cue_1_note", "adtl 'note' texts are not kept (CuePoint keeps id, offset and label)"),
            entry("cue_3_note_utf8", "adtl 'note' texts are not kept (CuePoint keeps id, offset and label)"),
            entry("range_of_cue_3_samples", "adtl 'ltxt' ranges are not kept (CuePoint keeps id, offset and label)"),
            entry("duration_ns", "go-audio's duration (4502 frames' worth) disagrees with its own frame count (4484,"
                    + " which is checked)"),
            entry("ds64_sample_count", "the ds64 sample count is not exposed; frames come from the data size"
                    + " (REAPER writes 0 here)"),
            entry("samples_int32_left_justified", "scipy's int32 view of the as_24bit values, which are checked"),
            entry("after_last_frame", "the peer raises EOFError after the last frame; our stream returns 0 there"),
            entry("equals_note", "prose"));

    /** Keys of the big gzip RF64 entry, checked by Rf64StreamTest in a JVM with a 64 MiB heap. */
    static final Set<String> RF64_STREAM_KEYS = Set.of("ds64", "riff_size_field", "data_size_field",
            "data_size_exceeds_2^31", "audio", "chunks", "bext_after_data");

    private final CorpusEntry entry;
    private final AudioFile file;
    private final AudioFormat f;
    private final Decoded d;
    private final SoftAssertions soft;

    ExpectedChecks(CorpusEntry entry, AudioFile file, Decoded decoded, SoftAssertions soft) {
        this.entry = entry;
        this.file = file;
        this.f = file.format();
        this.d = decoded;
        this.soft = soft;
    }

    /** Checks every key; {@code ownValues} skips sample values (a documented decoding difference). */
    void checkAll(boolean ownValues) {
        for (Map.Entry<String, JsonNode> kv : entry.expected().properties()) {
            String key = kv.getKey();
            if (UNCHECKED.containsKey(key) || (entry.isGzip() && RF64_STREAM_KEYS.contains(key))) {
                continue;
            }
            if (ownValues && SampleChecks.isValueKey(key)) {
                continue;
            }
            if (!FormatChecks.check(key, kv.getValue(), entry, file, soft)
                    && !MetadataChecks.check(key, kv.getValue(), file, soft)
                    && !new SampleChecks(entry, f, d, soft).check(key, kv.getValue())) {
                soft.fail("%s: unhandled expected key '%s' = %s", entry, key, kv.getValue());
            }
        }
    }

    /** Chunk ids in file order. */
    static List<String> chunkIds(AudioFile file) {
        List<String> ids = new ArrayList<>();
        for (ChunkInfo c : file.metadata().chunks()) {
            ids.add(c.id());
        }
        return ids;
    }

    static boolean isPcm(AudioFormat f) {
        return f.encoding() == SampleEncoding.PCM_SIGNED || f.encoding() == SampleEncoding.PCM_UNSIGNED;
    }

    static void assertSame(SoftAssertions soft, CorpusEntry e, String key, Object actual, Object expected) {
        soft.assertThat(actual).as("%s: %s", e, key).isEqualTo(expected);
    }
}
