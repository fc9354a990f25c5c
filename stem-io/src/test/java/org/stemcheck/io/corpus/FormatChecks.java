package org.stemcheck.io.corpus;

import static org.stemcheck.io.corpus.ExpectedChecks.assertSame;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.assertj.core.api.SoftAssertions;
import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFormat;
import org.stemcheck.io.ChunkInfo;
import org.stemcheck.io.FileKind;
import org.stemcheck.io.SampleEncoding;

/** Format, frame-count and chunk-layout keys of {@code expected}, and the entry's top-level header fields. */
final class FormatChecks {

    private static final int EXTENSIBLE = 0xFFFE;
    private static final Pattern FFPROBE_FRAMES = Pattern.compile("(\\d+) frames");

    private FormatChecks() {
    }

    /** The top-level fields every entry has: format, rate, channels, bits, frames, header frame count. */
    static void checkHeader(CorpusEntry e, AudioFile file, SoftAssertions soft) {
        JsonNode j = e.json();
        AudioFormat f = file.format();
        if (j.hasNonNull("sample_rate")) {
            assertSame(soft, e, "sample_rate", f.sampleRate(), j.get("sample_rate").asDouble());
        }
        if (j.hasNonNull("channels")) {
            assertSame(soft, e, "channels", f.channels(), j.get("channels").asInt());
        }
        if (j.hasNonNull("bits")) {
            assertSame(soft, e, "bits (wBitsPerSample)", headerBits(f), j.get("bits").asInt());
        }
        if (j.hasNonNull("format")) {
            checkFormatName(e, f, j.get("format").asText(), soft);
        }
        if (j.hasNonNull("frames")) {
            assertSame(soft, e, "frames", file.frames(), j.get("frames").asLong());
        }
        JsonNode declared = e.header().path("frames_declared_by_data_chunk");
        if (declared.isNumber()) {
            assertSame(soft, e, "declared frames (data chunk)", file.declaredFrames(), declared.asLong());
        }
    }

    /** {@code wBitsPerSample} as the header states it: the container for EXTENSIBLE, the sample bits otherwise. */
    static int headerBits(AudioFormat f) {
        return f.formatTag() == EXTENSIBLE ? f.bitsPerSample() : f.validBits();
    }

    /** The coding: the format tag, or for EXTENSIBLE the tag its subformat GUID carries. */
    static int codingTag(AudioFormat f) {
        if (f.formatTag() != EXTENSIBLE) {
            return f.formatTag();
        }
        switch (f.encoding()) {
            case FLOAT:
                return 3;
            case ALAW:
                return 6;
            case ULAW:
                return 7;
            default:
                return 1;
        }
    }

    private static void checkFormatName(CorpusEntry e, AudioFormat f, String name, SoftAssertions soft) {
        switch (name) {
            case "pcm":
                assertSame(soft, e, "format tag", f.formatTag(), 1);
                break;
            case "float":
                assertSame(soft, e, "format tag", f.formatTag(), 3);
                break;
            case "alaw":
                assertSame(soft, e, "format tag", f.formatTag(), 6);
                break;
            case "mulaw":
                assertSame(soft, e, "format tag", f.formatTag(), 7);
                break;
            case "extensible":
            case "extensible-other":
                assertSame(soft, e, "format tag", f.formatTag(), EXTENSIBLE);
                String sub = e.header().path("subformat").asText("");
                if (sub.equals("PCM")) {
                    soft.assertThat(ExpectedChecks.isPcm(f)).as("%s: PCM subformat, got %s", e, f.encoding()).isTrue();
                } else if (sub.equals("IEEE_FLOAT")) {
                    assertSame(soft, e, "subformat", f.encoding(), SampleEncoding.FLOAT);
                }
                break;
            default:
                soft.fail("%s: unexpected format name '%s' for a file we read", e, name);
        }
    }

    /** Checks a key if it is one of ours; false when the key is not a format key. */
    static boolean check(String key, JsonNode v, CorpusEntry e, AudioFile file, SoftAssertions soft) {
        AudioFormat f = file.format();
        switch (key) {
            case "channels":
                assertSame(soft, e, key, f.channels(), v.asInt());
                return true;
            case "sample_rate":
                assertSame(soft, e, key, f.sampleRate(), v.asDouble());
                return true;
            case "bits":
                // Where valid_bits is asserted too, "bits" is the container; otherwise the sample.
                boolean container = e.expected().has("valid_bits");
                assertSame(soft, e, key, container ? f.bitsPerSample() : f.validBits(), v.asInt());
                return true;
            case "valid_bits":
                assertSame(soft, e, key, f.validBits(), v.asInt());
                return true;
            case "channel_mask":
                long mask = v.isTextual() ? Long.decode(v.asText()) : v.asLong();
                assertSame(soft, e, key, f.channelMask(), mask);
                return true;
            case "format_tag":
                assertSame(soft, e, key, f.formatTag(), v.asInt());
                return true;
            case "format":
                assertSame(soft, e, "format (coding tag)", codingTag(f), v.asInt());
                return true;
            case "subformat":
                assertSame(soft, e, key, ExpectedChecks.isPcm(f) ? "PCM" : f.encoding().name(), v.asText());
                return true;
            case "sample_width_bytes":
            case "container_bytes":
                assertSame(soft, e, key, f.bytesPerSample(), v.asInt());
                return true;
            case "block_align":
                assertSame(soft, e, key, f.bytesPerFrame(), v.asInt());
                return true;
            case "byte_rate":
            case "avg_bytes_per_sec":
                assertSame(soft, e, key, f.sampleRateHz() * f.bytesPerFrame(), v.asLong());
                return true;
            case "comptype":
                soft.assertThat(ExpectedChecks.isPcm(f)).as("%s: comptype %s, got %s", e, v, f.encoding())
                        .isEqualTo("NONE".equals(v.asText()));
                return true;
            case "sample_format":
                assertSame(soft, e, key, f.isFloat() ? "float" : "int", v.asText());
                return true;
            case "dtype":
                checkDtype(e, f, v.asText(), soft);
                return true;
            case "container":
                checkContainer(e, f, v.asText(), soft);
                return true;
            default:
                return frames(key, v, e, file, soft) || chunks(key, v, e, file, soft);
        }
    }

    private static boolean frames(String key, JsonNode v, CorpusEntry e, AudioFile file, SoftAssertions soft) {
        AudioFormat f = file.format();
        switch (key) {
            case "sample_frames":
            case "frames":
            case "readable_sample_frames":
            case "frames_present":
                assertSame(soft, e, key, file.frames(), v.asLong());
                return true;
            case "header_total_sample_frames":
            case "frames_declared":
                assertSame(soft, e, key, file.declaredFrames(), v.asLong());
                soft.assertThat(file.truncation()).as("%s: truncation", e).isPresent();
                return true;
            case "data_size_gt_0":
                soft.assertThat(file.declaredFrames() > 0).as("%s: %s", e, key).isEqualTo(v.asBoolean());
                return true;
            case "samples_total":
                assertSame(soft, e, key, file.frames() * f.channels(), v.asLong());
                return true;
            case "shape":
                assertSame(soft, e, "shape[0]", file.frames(), v.get(0).asLong());
                if (v.size() > 1) {
                    assertSame(soft, e, "shape[1]", f.channels(), v.get(1).asInt());
                }
                return true;
            case "length_ms":
                assertSame(soft, e, key, Math.round(file.frames() * 1000.0 / f.sampleRate()), v.asLong());
                return true;
            case "duration_s":
                soft.assertThat(file.durationSeconds()).as("%s: %s", e, key).isCloseTo(v.asDouble(),
                        org.assertj.core.data.Offset.offset(0.001));
                return true;
            case "bitrate_kbps":
                assertSame(soft, e, key, f.sampleRateHz() * headerBits(f) * f.channels() / 1000, v.asLong());
                return true;
            case "fmt_and_frames":
                Matcher m = FFPROBE_FRAMES.matcher(e.json().path("tool_checks").path("ffprobe").asText());
                soft.assertThat(m.find()).as("%s: ffprobe frame count recorded", e).isTrue();
                assertSame(soft, e, "frames (= ffprobe)", file.frames(), Long.parseLong(m.group(1)));
                return true;
            default:
                return false;
        }
    }

    private static boolean chunks(String key, JsonNode v, CorpusEntry e, AudioFile file, SoftAssertions soft) {
        switch (key) {
            case "fmt_chunk_size":
                assertSame(soft, e, key, chunkSize(file, "fmt "), v.asLong());
                return true;
            case "ds64_chunk_size":
                assertSame(soft, e, key, chunkSize(file, "ds64"), v.asLong());
                return true;
            case "bext_chunk_size":
                assertSame(soft, e, key, chunkSize(file, "bext"), v.asLong());
                return true;
            case "data_chunk_size":
            case "data_size_in_ds64":
                assertSame(soft, e, key, chunkSize(file, "data"), v.asLong());
                return true;
            case "bytes_36_40":
                assertSame(soft, e, key, file.metadata().chunks().stream().filter(c -> c.offset() == 36)
                        .map(ChunkInfo::id).findFirst().orElse("(none)"), v.asText());
                return true;
            case "chunks":
                java.util.List<String> want = new java.util.ArrayList<>();
                v.forEach(n -> want.add(n.asText()));
                assertSame(soft, e, key, ExpectedChecks.chunkIds(file), want);
                return true;
            case "has_fact":
            case "has_chna":
            case "has_axml":
            case "has_cue":
                String id = key.substring(4);
                id = id.length() == 3 ? id + " " : id;
                soft.assertThat(ExpectedChecks.chunkIds(file).contains(id)).as("%s: %s", e, key).isEqualTo(v.asBoolean());
                return true;
            default:
                return false;
        }
    }

    static long chunkSize(AudioFile file, String id) {
        return file.metadata().chunks().stream().filter(c -> c.id().equals(id)).mapToLong(ChunkInfo::size)
                .findFirst().orElse(-1);
    }

    private static void checkDtype(CorpusEntry e, AudioFormat f, String dtype, SoftAssertions soft) {
        String t = dtype.toLowerCase(Locale.ROOT);
        if (t.contains("float32") || t.contains("f4")) {
            soft.assertThat(f.isFloat() && f.bitsPerSample() == 32).as("%s: dtype %s vs %s", e, dtype, f).isTrue();
        } else if (t.contains("float64")) {
            soft.assertThat(f.isFloat() && f.bitsPerSample() == 64).as("%s: dtype %s vs %s", e, dtype, f).isTrue();
        } else if (t.equals("uint8")) {
            assertSame(soft, e, "dtype", f.encoding(), SampleEncoding.PCM_UNSIGNED);
        } else if (t.equals("int16")) {
            soft.assertThat(f.encoding() == SampleEncoding.PCM_SIGNED && f.bitsPerSample() == 16)
                    .as("%s: dtype %s vs %s", e, dtype, f).isTrue();
        } else if (t.equals("int32")) {
            soft.assertThat(f.encoding() == SampleEncoding.PCM_SIGNED && f.bitsPerSample() > 16 && f.bitsPerSample() <= 32)
                    .as("%s: dtype %s vs %s", e, dtype, f).isTrue();
        } else {
            soft.fail("%s: unknown dtype %s", e, dtype);
        }
        if (dtype.startsWith(">")) {
            soft.assertThat(f.bigEndian()).as("%s: big-endian dtype", e).isTrue();
        }
    }

    private static void checkContainer(CorpusEntry e, AudioFormat f, String container, SoftAssertions soft) {
        FileKind want = container.startsWith("RIFX") ? FileKind.RIFX
                : container.startsWith("RF64") ? FileKind.RF64
                : container.startsWith("BW64") ? FileKind.BW64
                : FileKind.WAV;
        assertSame(soft, e, "container", f.kind(), want);
    }
}
