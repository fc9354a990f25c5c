package org.stemcheck.core;

import java.util.List;
import java.util.Objects;

import org.stemcheck.core.nulltest.NullTestResult;
import org.stemcheck.dsp.LoudnessResult;
import org.stemcheck.dsp.NonFiniteSamples;
import org.stemcheck.dsp.TruePeakResult;
import org.stemcheck.dsp.content.ContentDigest;
import org.stemcheck.dsp.content.Fingerprint;
import org.stemcheck.dsp.content.StemFeatures;
import org.stemcheck.dsp.BitDepth;
import org.stemcheck.dsp.ClipRuns;
import org.stemcheck.dsp.LevelTimeline;
import org.stemcheck.dsp.SampleStats;
import org.stemcheck.dsp.StereoCorrelation;
import org.stemcheck.dsp.WelchSpectrum;
import org.stemcheck.core.file.StemFile;

/**
 * What a {@link Check} needs measured before it runs, as a typed key: {@code R} is what
 * {@link CheckContext#measurement(StemFile, Measurement)} returns for it. A file's header (format,
 * metadata, frames, names) is always there and needs no key. Every per-file kind is computed in one
 * streaming pass over each file; {@link #NULL_TEST} is a pass over the whole set against the
 * reference mix, read with {@link CheckContext#nullTest()}.
 *
 * <pre>{@code
 * public Set<Measurement<?>> needs() {
 *     return Set.of(Measurement.TRUE_PEAK);
 * }
 *
 * public List<Finding> run(CheckContext ctx) {
 *     return ctx.readableStems().stream()
 *             .filter(f -> ctx.measurement(f, Measurement.TRUE_PEAK)
 *                     .map(tp -> tp.maxTruePeakDbtp() > -2.0).orElse(false))
 *             .map(f -> Finding.warning("acme.headroom", f.displayLabel() + " peaks above -2 dBTP"))
 *             .toList();
 * }
 * }</pre>
 *
 * <p>The keys are the constants below; they compare by identity. Immutable and thread-safe.
 *
 * @param <R> the result type
 */
public final class Measurement<R> {

    /** Sample peak, RMS and DC offset per channel. */
    public static final Measurement<SampleStats.Result> SAMPLE_STATS =
            new Measurement<>("SAMPLE_STATS", SampleStats.Result.class, true);

    /** Samples that are not numbers (NaN, infinities) in a floating-point file, counted by kind and placed in time. */
    public static final Measurement<NonFiniteSamples.Result> NON_FINITE =
            new Measurement<>("NON_FINITE", NonFiniteSamples.Result.class, true);

    /** Runs of samples at or beyond full scale. */
    public static final Measurement<ClipRuns.Result> CLIP_RUNS =
            new Measurement<>("CLIP_RUNS", ClipRuns.Result.class, true);

    /** Inter-sample (oversampled) peak, ITU-R BS.1770-4 Annex 2. */
    public static final Measurement<TruePeakResult> TRUE_PEAK =
            new Measurement<>("TRUE_PEAK", TruePeakResult.class, true);

    /** Integrated, momentary, short-term loudness and range (ITU-R BS.1770-4, EBU R128). */
    public static final Measurement<LoudnessResult> LOUDNESS =
            new Measurement<>("LOUDNESS", LoudnessResult.class, true);

    /** An averaged (Welch) power spectrum per channel, their mean and the mono fold. */
    public static final Measurement<WelchSpectrum.Result> SPECTRUM =
            new Measurement<>("SPECTRUM", WelchSpectrum.Result.class, true);

    /** The number of bits the samples actually use. */
    public static final Measurement<BitDepth.Result> BIT_DEPTH =
            new Measurement<>("BIT_DEPTH", BitDepth.Result.class, true);

    /**
     * The SHA-256 of the decoded samples in a canonical form, the same whatever the container or
     * word length, as 64 hex digits. Computed only for a check that needs it; to find identical
     * files within a delivery {@link #CONTENT_DIGEST} is about half the cost.
     */
    public static final Measurement<String> CONTENT_HASH = new Measurement<>("CONTENT_HASH", String.class, true);

    /**
     * A 128-bit non-cryptographic digest of the same canonical samples as {@link #CONTENT_HASH}
     * (equal for identical audio, whatever the container; unrelated audio collides with odds of
     * about 2<sup>-128</sup>, but files crafted to collide can).
     */
    public static final Measurement<ContentDigest.Result> CONTENT_DIGEST =
            new Measurement<>("CONTENT_DIGEST", ContentDigest.Result.class, true);

    /** A gain- and polarity-aware summary of the audio, to find copies at another gain or inverted. */
    public static final Measurement<Fingerprint> FINGERPRINT =
            new Measurement<>("FINGERPRINT", Fingerprint.class, true);

    /** Level over time, first and last sound, the last 100 ms. */
    public static final Measurement<LevelTimeline.Result> TIMELINE =
            new Measurement<>("TIMELINE", LevelTimeline.Result.class, true);

    /** Correlation between the channels of a stereo file. */
    public static final Measurement<StereoCorrelation.Result> CORRELATION =
            new Measurement<>("CORRELATION", StereoCorrelation.Result.class, true);

    /** Content features: band shares, spectral centroid, pitch, onsets, width, how often the peak level is reached. */
    public static final Measurement<StemFeatures.Result> FEATURES =
            new Measurement<>("FEATURES", StemFeatures.Result.class, true);

    /**
     * The stems summed against the reference mix: residual, gains, offsets, drift, polarity and
     * what explains what is left. Measured over the set, not per file: read it with
     * {@link CheckContext#nullTest()}.
     */
    public static final Measurement<NullTestResult> NULL_TEST =
            new Measurement<>("NULL_TEST", NullTestResult.class, false);

    private static final List<Measurement<?>> ALL = List.of(SAMPLE_STATS, NON_FINITE, CLIP_RUNS, TRUE_PEAK, LOUDNESS, SPECTRUM,
            BIT_DEPTH, CONTENT_HASH, CONTENT_DIGEST, FINGERPRINT, TIMELINE, CORRELATION, FEATURES, NULL_TEST);

    private final String name;
    private final Class<R> type;
    private final boolean perFile;

    private Measurement(String name, Class<R> type, boolean perFile) {
        this.name = name;
        this.type = type;
        this.perFile = perFile;
    }

    /**
     * Every measurement this build knows, per-file kinds first.
     *
     * @return the keys, immutable
     */
    public static List<Measurement<?>> values() {
        return ALL;
    }

    /**
     * The key's name, as logs and messages print it.
     *
     * @return the constant's name, e.g. {@code "TRUE_PEAK"}
     */
    public String name() {
        return name;
    }

    /**
     * The type of the result.
     *
     * @return e.g. {@code TruePeakResult.class}
     */
    public Class<R> type() {
        return type;
    }

    /**
     * Whether the measurement belongs to one file (read with {@link CheckContext#measurement}) or
     * to the set ({@link #NULL_TEST}).
     *
     * @return true for the per-file kinds
     */
    public boolean perFile() {
        return perFile;
    }

    /**
     * Casts a result of this measurement to its type.
     *
     * @param result a result computed for this key
     * @return the same object, typed
     * @throws ClassCastException when it is not of {@link #type()}
     */
    public R cast(Object result) {
        return type.cast(Objects.requireNonNull(result, "result must not be null"));
    }

    @Override
    public String toString() {
        return name;
    }
}
