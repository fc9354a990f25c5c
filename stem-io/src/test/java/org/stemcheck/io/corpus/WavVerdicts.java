package org.stemcheck.io.corpus;

import java.util.Map;
import java.util.Optional;

import org.stemcheck.io.AudioFileException.Kind;

/**
 * What stem-io's WAV reader does with each corpus file: the peer's verdict, except where we
 * deliberately differ (listed here with the reason, and in docs/formats.md).
 */
final class WavVerdicts {

    /** Our outcome for a file. */
    enum Outcome {
        /** Opens; format, frames and the asserted values are checked. */
        ACCEPT,
        /** Opens as truncated: fewer frames present than declared. */
        PARTIAL,
        /** Throws an AudioFileException of the given kind. */
        REJECT,
        /** Ends with a result or a typed error within the time bound (fuzz files). */
        NO_CRASH
    }

    /**
     * Our verdict.
     *
     * @param outcome    what happens
     * @param kind       for REJECT, the AudioFileException kind
     * @param deviation  why we differ from the peer, empty where we agree
     * @param ownValues  true where the peer's sample values do not apply (a documented decoding
     *                   policy differs); format and frames are still checked
     */
    record Verdict(Outcome outcome, Kind kind, String deviation, boolean ownValues) {

        static Verdict of(Outcome o) {
            return new Verdict(o, null, "", false);
        }

        static Verdict reject(Kind k) {
            return new Verdict(Outcome.REJECT, k, "", false);
        }

        Verdict because(String why) {
            return new Verdict(outcome, kind, why, ownValues);
        }

        Verdict withOwnValues() {
            return new Verdict(outcome, kind, deviation, true);
        }

        boolean deviates() {
            return !deviation.isEmpty();
        }
    }

    private static final String MISSING_PAD = "a missing pad byte after an odd-sized chunk is tolerated with a warning"
            + " when the next bytes are a chunk id (soxi reads it too); the audio is intact";
    private static final String SMPL = "the smpl (sampler loop) chunk is not read: it has no bearing on a stem;"
            + " ffprobe and scipy read the file too";

    /** Where we differ from the peer, or decide where the peer asserts nothing. */
    private static final Map<String, Verdict> OURS = Map.ofEntries(
            Map.entry("formats/rochars-wavefile/4bit-imaadpcm-8kHz-noBext-mono.wav", Verdict.reject(Kind.UNSUPPORTED)
                    .because("IMA ADPCM is not decoded (no stem is delivered as ADPCM); reported as unsupported")),
            Map.entry("formats/taglib/invalid-chunk.wav", Verdict.reject(Kind.CORRUPT)
                    .because("no fmt and no data chunk: TagLib only reads tags from it; there is no audio to read")),
            Map.entry("formats/wavefile-gem/invalid/format_chunk_with_extra_byte_and_missing_padding_byte.wav",
                    Verdict.of(Outcome.ACCEPT).because(MISSING_PAD)),
            Map.entry("formats/wavefile-gem/invalid/format_chunk_extra_bytes_with_odd_size_and_missing_padding_byte.wav",
                    Verdict.of(Outcome.ACCEPT).because(MISSING_PAD)),
            Map.entry("formats/wavefile-gem/invalid/smpl_chunk_empty.wav", Verdict.of(Outcome.ACCEPT).because(SMPL)),
            Map.entry("formats/wavefile-gem/invalid/smpl_chunk_loop_count_too_high.wav", Verdict.of(Outcome.ACCEPT).because(SMPL)),
            Map.entry("formats/wavefile-gem/invalid/smpl_chunk_truncated.wav", Verdict.of(Outcome.ACCEPT)
                    .because(SMPL + "; the smpl chunk after the data runs past the end of the file, which is a warning")),
            Map.entry("formats/wavefile-gem/invalid/smpl_chunk_truncated_sampler_specific_data.wav",
                    Verdict.of(Outcome.ACCEPT).because(SMPL)),
            Map.entry("formats/wavefile-gem/unsupported/extensible_container_size_bigger_than_sample_size.wav",
                    Verdict.of(Outcome.ACCEPT).because("24 valid bits in a 32-bit EXTENSIBLE container are decoded"
                            + " (left-justified, as the format defines)")),
            Map.entry("formats/wavefile-gem/unsupported/unsupported_audio_format.wav", Verdict.of(Outcome.ACCEPT)
                    .because("G.711 A-law is decoded")),
            Map.entry("formats/wavefile-gem/unsupported/unsupported_bits_per_sample.wav", Verdict.reject(Kind.CORRUPT)
                    .because("20-bit PCM would be decoded from 3-byte containers, but this header's block align (4"
                            + " for 2 channels) gives 2 bytes a sample: an inconsistent fmt chunk")),
            Map.entry("formats/scipy/test-8000Hz-le-1ch-1byte-ulaw.wav", Verdict.of(Outcome.ACCEPT)
                    .because("G.711 mu-law is decoded")),
            Map.entry("formats/hound/waveformatextensible-24bit-4byte-48kHz-stereo.wav", Verdict.of(Outcome.ACCEPT)
                    .withOwnValues().because("24 valid bits in a 32-bit EXTENSIBLE container are the top bits"
                            + " (the format's rule); this file stores them in the low bits, so our values differ from"
                            + " hound's (libsndfile and ffmpeg differ too)")),
            Map.entry("formats/libbw64/rect_24bit_nods64.wav", Verdict.of(Outcome.ACCEPT)
                    .because("not asserted by the peer: an RF64 magic without ds64 but with real 32-bit sizes is read"
                            + " with those sizes (as libsndfile does)")),
            Map.entry("formats/libbw64/rect_24bit_bext.wav", Verdict.of(Outcome.ACCEPT)),
            Map.entry("formats/go-audio-wav/32bit.wav", Verdict.of(Outcome.ACCEPT)),
            Map.entry("formats/go-audio-wav/8bit.wav", Verdict.of(Outcome.ACCEPT)));

    private WavVerdicts() {
    }

    static Verdict of(CorpusEntry e) {
        Verdict ours = OURS.get(e.relative());
        return ours != null ? ours : peer(e);
    }

    /** The deviation for the docs, if any. */
    static Optional<String> deviation(CorpusEntry e) {
        Verdict v = of(e);
        return v.deviates() ? Optional.of(v.deviation()) : Optional.empty();
    }

    private static Verdict peer(CorpusEntry e) {
        String p = e.peerVerdict();
        if (p.startsWith("accept-partial")) {
            return Verdict.of(Outcome.PARTIAL);
        }
        if (p.startsWith("accept")) {
            return Verdict.of(Outcome.ACCEPT);
        }
        if (p.startsWith("must not")) {
            return Verdict.of(Outcome.NO_CRASH);
        }
        String container = e.header().path("container").asText("");
        boolean riff = container.equals("RIFF") || container.equals("RIFX") || container.equals("RF64");
        if (e.json().path("bytes").asLong() == 0) {
            return Verdict.reject(Kind.EMPTY);
        }
        String form = e.header().path("form_type").asText("");
        if (!riff || (!form.isEmpty() && !form.equals("WAVE"))) {
            return Verdict.reject(Kind.NOT_AUDIO);
        }
        if (p.startsWith("open ok, readable_format? == false")) {
            // The gem opens these but will not decode them: impossible fields are corrupt for us.
            return Verdict.reject(e.json().path("valid").isNull() ? Kind.CORRUPT : Kind.UNSUPPORTED);
        }
        if (p.startsWith("reject as unsupported")) {
            return Verdict.reject(Kind.UNSUPPORTED);
        }
        return Verdict.reject(Kind.CORRUPT);
    }
}
