package org.stemcheck.core;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The null test of a delivery: the stems summed and compared with the reference mix, what each
 * stem's level, polarity, offset and drift is against it, what is left over, and what the
 * diagnosis makes of it. Read it in a {@link Check} that {@linkplain Check#needs() needs}
 * {@link Measurement#NULL_TEST}:
 *
 * <pre>{@code
 * List<Finding> found = ctx.nullTest().stream()
 *         .flatMap(n -> n.stems().stream())
 *         .filter(s -> s.gain().identifiable() && Math.abs(s.gain().levelErrorDb()) > 0.2)
 *         .map(s -> Finding.warning("acme.tight-gain", s.file().displayLabel() + " is off by "
 *                 + s.gain().levelErrorDb() + " dB").withFiles(s.file().name()))
 *         .toList();
 * }</pre>
 *
 * <p>Levels in dB relative to the mix: {@code -200} stands for a digital null, {@code NaN} for a
 * level that could not be measured (a silent mix). Immutable.
 *
 * @param mix          the reference mix the stems were compared with
 * @param mixNamed     true when the caller named the mix ({@link StemSet#mixdown}); otherwise it
 *                     was chosen as the mix the stems null against best
 * @param sampleRate   the rate of the comparison, Hz (the mix's; other stems were converted)
 * @param frames       frames compared
 * @param startSeconds where the comparison starts in the mix: 0, or later when a stem that starts
 *                     early was moved back and no longer covers the first stretch; the
 *                     residual's times count from here
 * @param passes       passes over the audio: 1, or 2 when displaced stems were moved back and
 *                     everything measured again
 * @param nullDb       what the stems leave of the mix after their gains and offsets are fitted
 * @param plainNullDb  what they leave as delivered (unity gains; aligned when a second pass ran)
 * @param mixBus       whether the mix carries processing common to every stem
 * @param stems        each stem compared, in delivery order
 * @param otherMixes   the other candidate mixes of the delivery and how the stems null against them
 * @param residual     what is left over after gains and offsets, along time and in frequency
 * @param explanations what the diagnosis attributes the residual to, most important first
 * @param channelNullDb what the stems leave of the mix with their gains fitted channel by channel
 *                     (a stem's pan or balance corrected), dB; {@code NaN} for mono
 * @param routing      per stem and mirrored speaker pair of the mix (L/R, Ls/Rs ...), whether the
 *                     stem's pair lands in the mix as routed or crossed (swapped channels)
 */
public record NullTestResult(StemFile mix, boolean mixNamed, int sampleRate, long frames, double startSeconds,
                             int passes, double nullDb, double plainNullDb, MixBus mixBus,
                             List<StemComparison> stems, List<OtherMix> otherMixes, Residual residual,
                             List<Explanation> explanations, double channelNullDb, List<PairRouting> routing) {

    /**
     * Checks and copies the parts.
     *
     * @param mix          not {@code null}
     * @param mixNamed     as told
     * @param sampleRate   {@code > 0}
     * @param frames       {@code >= 0}
     * @param startSeconds {@code >= 0}
     * @param passes       1 or more
     * @param nullDb       dB or {@code NaN}
     * @param plainNullDb  dB or {@code NaN}
     * @param mixBus       not {@code null}
     * @param stems        not {@code null}; copied
     * @param otherMixes   not {@code null}; copied
     * @param residual     not {@code null}
     * @param explanations not {@code null}; copied
     * @param channelNullDb dB or {@code NaN}
     * @param routing      not {@code null}; copied
     */
    public NullTestResult {
        Objects.requireNonNull(mix, "mix must not be null");
        Objects.requireNonNull(mixBus, "mixBus must not be null");
        Objects.requireNonNull(residual, "residual must not be null");
        stems = List.copyOf(stems);
        otherMixes = List.copyOf(otherMixes);
        explanations = List.copyOf(explanations);
        routing = List.copyOf(routing);
        if (sampleRate <= 0 || frames < 0 || passes < 1) {
            throw new IllegalArgumentException("sampleRate, frames or passes out of range: " + sampleRate + ", "
                    + frames + ", " + passes);
        }
    }

    /**
     * A result without channel-pair routing (the form before it was measured).
     *
     * @param mix           as in the canonical constructor
     * @param mixNamed      as in the canonical constructor
     * @param sampleRate    as in the canonical constructor
     * @param frames        as in the canonical constructor
     * @param startSeconds  as in the canonical constructor
     * @param passes        as in the canonical constructor
     * @param nullDb        as in the canonical constructor
     * @param plainNullDb   as in the canonical constructor
     * @param mixBus        as in the canonical constructor
     * @param stems         as in the canonical constructor
     * @param otherMixes    as in the canonical constructor
     * @param residual      as in the canonical constructor
     * @param explanations  as in the canonical constructor
     * @param channelNullDb as in the canonical constructor
     */
    public NullTestResult(StemFile mix, boolean mixNamed, int sampleRate, long frames, double startSeconds,
                          int passes, double nullDb, double plainNullDb, MixBus mixBus,
                          List<StemComparison> stems, List<OtherMix> otherMixes, Residual residual,
                          List<Explanation> explanations, double channelNullDb) {
        this(mix, mixNamed, sampleRate, frames, startSeconds, passes, nullDb, plainNullDb, mixBus, stems, otherMixes,
                residual, explanations, channelNullDb, List.of());
    }

    /**
     * The same result with this channel-pair routing.
     *
     * @param pairs per stem and pair
     * @return a new result
     */
    public NullTestResult withRouting(List<PairRouting> pairs) {
        return new NullTestResult(mix, mixNamed, sampleRate, frames, startSeconds, passes, nullDb, plainNullDb, mixBus,
                stems, otherMixes, residual, explanations, channelNullDb, pairs);
    }

    /**
     * How one stem's mirrored speaker pair lands in the mix: the least-squares gain of the stem's
     * pair onto the mix's pair as routed ({@code straight}: 1.0 when it is exactly as in the mix)
     * and crossed, left onto right and right onto left ({@code crossed}: 1.0 for a stem whose
     * pair is swapped).
     *
     * @param file     the stem
     * @param left     the pair's left speaker ({@code Ls})
     * @param right    its right speaker ({@code Rs})
     * @param straight the gain as routed; {@code NaN} when the stem's pair is silent
     * @param crossed  the gain crossed; {@code NaN} when the stem's pair is silent
     * @param rmsDbfs  the stem's RMS level in the pair, dBFS
     */
    public record PairRouting(StemFile file, String left, String right, double straight, double crossed,
                              double rmsDbfs) {

        /**
         * The crossed match must reach 0.25 (the stem's pair at -12 dB in the mix's crossed pair)
         * for a swap: a stem far quieter than that in the mix cannot be told swapped from faded.
         */
        public static final double MIN_CROSSED = 0.25;

        /**
         * ...and be at least twice the straight match: a stem with identical or strongly correlated
         * left and right (a mono source in both surrounds) matches both ways and is left alone.
         */
        public static final double DOMINANCE = 2.0;

        /** A pair quieter than -60 dBFS RMS in the stem is not judged: too little to route (dither, a reverb's last tail). */
        public static final double MIN_PAIR_RMS_DBFS = -60.0;

        /**
         * Whether the pair can be judged: a file of two or more channels with sound in the pair.
         *
         * @return true when {@link #swapped()} means something
         */
        public boolean judged() {
            return file.format().map(f -> f.channels() >= 2).orElse(false) && rmsDbfs >= MIN_PAIR_RMS_DBFS
                    && !Double.isNaN(crossed);
        }

        /**
         * Whether the stem's pair is swapped against the mix: judged, its crossed match at least
         * {@link #MIN_CROSSED} and {@link #DOMINANCE} times its straight one.
         *
         * @return true for a swapped pair
         */
        public boolean swapped() {
            return judged() && crossed >= MIN_CROSSED && crossed >= DOMINANCE * Math.abs(straight);
        }

        /**
         * Checks that no part is null.
         *
         * @param file     not {@code null}
         * @param left     not {@code null}
         * @param right    not {@code null}
         * @param straight as measured
         * @param crossed  as measured
         * @param rmsDbfs  as measured
         */
        public PairRouting {
            Objects.requireNonNull(file, "file must not be null");
            Objects.requireNonNull(left, "left must not be null");
            Objects.requireNonNull(right, "right must not be null");
        }
    }

    /**
     * The comparison of one stem.
     *
     * @param file the stem
     * @return its comparison, empty when the stem was not compared (another rate or layout that
     *         could not be converted, unreadable)
     */
    public Optional<StemComparison> stem(StemFile file) {
        return stems.stream().filter(s -> s.file().name().equals(file.name())).findFirst();
    }

    /**
     * The explanations of one kind.
     *
     * @param <E>  the kind
     * @param kind e.g. {@code Explanation.LacksBusProcessing.class}
     * @return those explanations, in order
     */
    public <E extends Explanation> List<E> explanations(Class<E> kind) {
        return explanations.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /**
     * Whether the stems leave a real part of the mix unexplained: the null after gains and
     * offsets is shallower than -50 dB (a 24-bit delivery nulls to about -140 dB; dither, export
     * to integers and resampling stay below -90 dB), against a mix without mix-bus processing
     * (whose residual is that processing), and not only the leftover of a stem's offset by a
     * fraction of a sample.
     *
     * @return true when something is missing or different
     */
    public boolean unexplained() {
        return !mixBus.processed() && !fractionLeft() && Double.isFinite(nullDb) && nullDb > UNEXPLAINED_DB
                && !balanced();
    }

    /**
     * Whether the stems null once their gains are fitted channel by channel while they do not with
     * one gain each: what is left is a stem's pan or balance ({@code mix.gain} names it), nothing
     * missing or different.
     *
     * @return true when {@link #channelNullDb()} is below {@link #UNEXPLAINED_DB} and {@link #nullDb()} is not
     */
    public boolean balanced() {
        return balanced(nullDb, channelNullDb);
    }

    /**
     * The rule of {@link #balanced()}: the stems do not null with one gain each ({@code nullDb} above
     * {@link #UNEXPLAINED_DB}) and fitted channel by channel they null ({@code channelNullDb} below
     * it), or they null at least {@link #PAN_SHARE_DB} deeper so (the pan explains three quarters
     * of the residual or more, and what is left is judged on its own).
     *
     * @param nullDb        the null after one gain per stem, dB
     * @param channelNullDb the null after gains per channel, dB; {@code NaN} for mono
     * @return true when a pan or balance explains the residual, or most of it
     */
    public static boolean balanced(double nullDb, double channelNullDb) {
        return nullDb > UNEXPLAINED_DB
                && (channelNullDb <= UNEXPLAINED_DB || channelNullDb <= nullDb - PAN_SHARE_DB);
    }

    /**
     * Gains fitted per channel that null this much deeper than one gain per stem explain most of
     * the residual: 6 dB, three quarters of its power. Measured on LMMS renders: a bass panned
     * from the centre to 50 % right (pan before its effects, so channel gains cannot null it
     * completely) -12.7 dB with one gain, -22.7 dB per channel; a stem deleted, 0.0 to 0.3 dB
     * deeper per channel.
     */
    public static final double PAN_SHARE_DB = 6.0;

    /** The null depth above which part of the mix counts as unexplained, dB (see {@link #unexplained()}). */
    public static final double UNEXPLAINED_DB = -50.0;

    /** A displaced stem's fraction of a sample beyond this was not undone by a whole-sample move: about -24 dB of residual at 10 kHz at 48 kHz. */
    public static final double FRACTION_LEFT_SAMPLES = 0.05;

    /**
     * Whether a displaced stem was off by a fraction of a sample that the whole-sample alignment
     * of the second pass could not undo ({@link #FRACTION_LEFT_SAMPLES}): what is left is then
     * partly that fraction, not a missing part.
     *
     * @return true when such a stem exists
     */
    public boolean fractionLeft() {
        return stems.stream().map(StemComparison::offset)
                .anyMatch(o -> o.displaced() && Math.abs(o.samples() - o.wholeSamples()) > FRACTION_LEFT_SAMPLES);
    }

    /**
     * Whether the mix carries processing common to every stem (master fader, makeup gain, a bus
     * compressor or limiter the stems lack).
     *
     * @param processed    true when it does
     * @param commonGainDb the gain shared by the stems against the mix (the median level error of
     *                     the stems), dB: positive when the stems are louder than in the mix; 0
     *                     when not processed
     * @param limited      true when the stems summed peak well over a mix that peaks near full
     *                     scale: a limiter or clipper on the mix bus
     * @param stemsPeakDbfs the highest sample of the stems summed at unity gain, dBFS ({@code NaN}
     *                     when unknown)
     * @param mixPeakDbfs  the highest sample of the mix over the same frames, dBFS ({@code NaN}
     *                     when unknown)
     * @param latencySamples how late the mix is against the stems as a whole, samples (0: in
     *                     place): most stems are displaced by the same amount, so the mix is the
     *                     one out of place (a look-ahead limiter or linear-phase EQ on the mix bus
     *                     whose latency was not compensated). The stems' {@link Offset}s are
     *                     given against it
     */
    public record MixBus(boolean processed, double commonGainDb, boolean limited, double stemsPeakDbfs,
                         double mixPeakDbfs, double latencySamples) {

        /**
         * Processing judged from the gains alone (peaks unknown).
         *
         * @param processed    true when the mix carries processing common to every stem
         * @param commonGainDb the gain the stems share against the mix, dB
         */
        public MixBus(boolean processed, double commonGainDb) {
            this(processed, commonGainDb, false, Double.NaN, Double.NaN, 0.0);
        }
    }

    /**
     * One stem against the mix.
     *
     * @param file   the stem
     * @param gain   its least-squares gain into the mix
     * @param offset its time offset against the mix
     * @param drift  how its offset changes along the song, where it was measured
     * @param inMix  the share of the stem's power (at its fitted gain) that reappears in the mix,
     *               band by band, 0..1: near 1 for a stem that is in the mix (EQ and compression
     *               included), near 0 for a stem the mix holds another version of (another take,
     *               another render of a random instrument); 1 when it could not be judged. A gain,
     *               polarity or offset read from a stem below {@link #MIN_IN_MIX} is not evidence
     *               about that stem
     * @param levelDb its level in the mix at its fitted gain, relative to the mix, dB (from the
     *               third-octave bands 31 Hz-16 kHz; {@code NaN} when unknown): how much of the mix
     *               the stem is
     * @param ownCoherence how much of what the mix holds where this stem sits is this stem: its
     *               coherence with its own part of the mix (the mix minus the other stems at their
     *               gains), averaged over the third-octave bands weighted by the stem's power, 0..1;
     *               {@code NaN} when unknown. Near 1 for a stem that is in the mix at any gain;
     *               well under 1 when its part of the mix is mostly something else (content no stem
     *               carries that correlates with it, as a missing vocal with its reverb return): a
     *               gain read then describes that content, not the stem
     */
    public record StemComparison(StemFile file, Gain gain, Offset offset, Optional<Drift> drift, double inMix,
                                 double levelDb, double ownCoherence) {

        /**
         * Below this share of its power in the mix a stem's fitted gain and offset describe chance
         * correlation, not the stem: half, the point where the stem's part in the mix is more
         * something else than the stem.
         */
        public static final double MIN_IN_MIX = 0.5;
        /**
         * Checks that no part is null.
         *
         * @param file   not {@code null}
         * @param gain   not {@code null}
         * @param offset not {@code null}
         * @param drift  not {@code null}
         * @param inMix  0..1
         * @param levelDb dB or {@code NaN}
         * @param ownCoherence 0..1 or {@code NaN}
         */
        public StemComparison {
            Objects.requireNonNull(file, "file must not be null");
            Objects.requireNonNull(gain, "gain must not be null");
            Objects.requireNonNull(offset, "offset must not be null");
            Objects.requireNonNull(drift, "drift must not be null");
        }

        /**
         * Whether the stem as delivered is what the mix holds of it (see {@link #MIN_IN_MIX}):
         * only then are its gain, polarity and offset evidence about it.
         *
         * @return {@code inMix >= MIN_IN_MIX}
         */
        public boolean matchesMix() {
            return !(inMix < MIN_IN_MIX);
        }
    }

    /**
     * The factor that, applied to the stem as delivered, best reproduces the mix together with
     * the other stems' factors (least squares over the whole length).
     *
     * @param scale           the factor: 1 = as in the mix, -1 = polarity inverted
     * @param levelErrorDb    how much louder the stem is than in the mix, {@code -20 log10|scale|}
     *                        (+3 = 3 dB too loud); {@code NaN} when not identifiable
     * @param standardErrorDb one standard error of {@code levelErrorDb}, dB, from the residual
     *                        left after the fit; {@code NaN} when not identifiable
     * @param identifiable    false when the stem is silent or a combination of other stems (a
     *                        duplicate): its share of the mix cannot be told apart
     * @param channelLevelErrorDb per channel, how much louder the stem's channel is than in that
     *                        channel of the mix (the gains fitted channel by channel), dB; a
     *                        difference between channels is a pan or balance other than the mix's;
     *                        empty for mono or when not identifiable
     */
    public record Gain(double scale, double levelErrorDb, double standardErrorDb, boolean identifiable,
                       List<Double> channelLevelErrorDb) {

        /**
         * Copies the list.
         *
         * @param scale               the factor
         * @param levelErrorDb        dB or {@code NaN}
         * @param standardErrorDb     dB or {@code NaN}
         * @param identifiable        as told
         * @param channelLevelErrorDb not {@code null}; copied
         */
        public Gain {
            channelLevelErrorDb = List.copyOf(channelLevelErrorDb);
        }

        /**
         * How far apart the channels' level errors are: the pan or balance difference.
         *
         * @return the largest minus the smallest, dB; 0 for fewer than two finite channels
         */
        public double channelSpreadDb() {
            double[] v = channelLevelErrorDb.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).toArray();
            return v.length < 2 ? 0.0 : java.util.Arrays.stream(v).max().orElseThrow()
                    - java.util.Arrays.stream(v).min().orElseThrow();
        }

        /**
         * Whether the stem is polarity-inverted against the mix.
         *
         * @return {@code scale < 0}
         */
        public boolean inverted() {
            return scale < 0;
        }
    }

    /**
     * A stem's time offset against the mix, from the whitened cross-correlation of the stem with
     * its part of the mix.
     *
     * @param samples          the offset to a fraction of a sample: positive = late, negative = early;
     *                         against the mix less its own latency ({@link MixBus#latencySamples()}),
     *                         that is against the other stems when the mix is the one out of place
     * @param coherence        the height of the whitened correlation peak, 0..1 (1: a pure delay)
     * @param peakRatio        the peak over the next highest one further than 1 ms away; near 1 is
     *                         ambiguous (periodic material)
     * @param peakWidthSamples the peak's width at half height, samples: the resolution the stem's
     *                         spectrum allows
     * @param confident        the offset is a clear answer (coherent and unambiguous)
     * @param displaced        confident, far enough from 0 to be out of place and, for an offset
     *                         of a few samples, significant: a mix that nulls to the stems as
     *                         delivered, gains aside, and no explanation other than the offset
     *                         (a compressed or limited mix, a missing part or another take
     *                         shift a correlation peak by a sample or two)
     */
    public record Offset(double samples, double coherence, double peakRatio, double peakWidthSamples,
                         boolean confident, boolean displaced) {
        /**
         * The offset rounded to whole samples: what to nudge the stem by in a DAW.
         *
         * @return samples; positive = late
         */
        public long wholeSamples() {
            return Math.round(samples);
        }
    }

    /**
     * A stem's offset near the start and near the end of the song: a change is drift (a clock or
     * sample-rate mismatch at export), not a fixed offset.
     *
     * @param earlySamples     offset over the first half, samples (positive: late)
     * @param lateSamples      offset over the second half, samples
     * @param spanSeconds      time between the stem's energy centroids in the two halves
     * @param confident        both offsets are clear answers, away from the edge of the search
     * @param peakWidthSamples the wider of the two correlation peaks, samples
     */
    public record Drift(double earlySamples, double lateSamples, double spanSeconds, boolean confident,
                        double peakWidthSamples) {

        /**
         * The largest drift taken for a clock mismatch: free-running converter clocks differ by
         * tens of ppm (crystals are specified to about +-50 ppm; AES11-2009 grade-2 references to
         * +-10 ppm), so 1000 ppm leaves a wide margin. A larger change between the halves is a
         * correlation peak that jumped, not drift.
         */
        public static final double MAX_PPM = 1000.0;

        /**
         * The least time between the two halves' centroids for drift to be told from the offsets'
         * error: over 1 s a 100 ppm mismatch moves the offset by 4.8 samples at 48 kHz, clear of
         * the 1-sample threshold; over less it moves it by less than a narrowband stem's error.
         */
        public static final double MIN_SPAN_SECONDS = 1.0;

        /**
         * How much the offset grows per second.
         *
         * @param sampleRate the comparison's rate, Hz
         * @return parts per million of the sample rate; positive: the stem runs slow (later and later)
         */
        public double ppm(int sampleRate) {
            return (lateSamples - earlySamples) / (spanSeconds * sampleRate) * 1e6;
        }

        /**
         * Whether this is a drift to report: confident halves, far enough apart in time
         * ({@link #MIN_SPAN_SECONDS}), at a rate a clock can have ({@link #MAX_PPM}).
         *
         * @param sampleRate the comparison's rate, Hz
         * @return true when plausible
         */
        public boolean plausible(int sampleRate) {
            double ppm = ppm(sampleRate);
            return confident && spanSeconds >= MIN_SPAN_SECONDS && Double.isFinite(ppm) && Math.abs(ppm) <= MAX_PPM;
        }
    }

    /**
     * Another candidate mix of the delivery (an instrumental, a TV mix, a mix with bus processing).
     *
     * @param file        the mix
     * @param nullDb      the stems' null against it after gains, dB
     * @param plainNullDb their null against it as delivered (unity gains), dB
     */
    public record OtherMix(StemFile file, double nullDb, double plainNullDb) {
    }

    /**
     * What is left over, {@code sum(stems) - mix}, the stems at unity gain as fed (aligned when a
     * second pass ran).
     *
     * @param segments           the residual along time (100 ms stretches, longer for very long
     *                           files), times from {@link NullTestResult#startSeconds()}
     * @param octaves            the residual's and the mix's power per octave band
     * @param channelCorrelation Pearson's r between the residual's two channels: near 0 for a
     *                           diffuse residual (a reverb), near 1 for a centred one (a bass line);
     *                           {@code NaN} for other than two channels or silence
     */
    public record Residual(List<Segment> segments, List<Band> octaves, double channelCorrelation) {

        /**
         * Copies the lists.
         *
         * @param segments           not {@code null}; copied
         * @param octaves            not {@code null}; copied
         * @param channelCorrelation -1..1 or {@code NaN}
         */
        public Residual {
            segments = List.copyOf(segments);
            octaves = List.copyOf(octaves);
        }

        /** A stretch of mix this far under its loudest (RMS, dB) is near silence: 60 dB, a fade's tail. */
        public static final double QUIET_DB = -60.0;

        /**
         * The worst stretches first, for a report's "where".
         *
         * @param max the most to return, {@code >= 0}
         * @return the segments of highest {@link Segment#relativeDb()}, worst first; stretches of
         *         silent or near-silent mix ({@link #QUIET_DB} under its loudest) left out: a
         *         fade's last tail "unexplained by +43 dB" tells the user nothing
         */
        public List<Segment> worst(int max) {
            double loudest = segments.stream().mapToDouble(Segment::mixRms).max().orElse(0.0);
            double floor = loudest * Math.pow(10, QUIET_DB / 20);
            return segments.stream().filter(s -> !Double.isNaN(s.relativeDb()) && s.mixRms() >= floor)
                    .sorted(Comparator.comparingDouble(Segment::relativeDb).reversed())
                    .limit(max).toList();
        }

        /**
         * The octave band holding most of the residual's power.
         *
         * @return the band; empty when there are none
         */
        public Optional<Band> loudestBand() {
            Band best = null;
            for (Band b : octaves) {
                if (best == null || b.residualDb() > best.residualDb() || Double.isNaN(best.residualDb())) {
                    best = b;
                }
            }
            return Optional.ofNullable(best);
        }

        /**
         * Where the residual's content sits: from the lowest to the highest octave band within
         * {@code withinDb} of the loudest.
         *
         * @param withinDb how far below the loudest band still counts, dB
         * @return {@code [lowHz, highHz]}; empty when there are no bands
         */
        public Optional<double[]> region(double withinDb) {
            Optional<Band> top = loudestBand();
            if (top.isEmpty()) {
                return Optional.empty();
            }
            double lo = Double.NaN;
            double hi = Double.NaN;
            for (Band b : octaves) {
                if (b.residualDb() >= top.get().residualDb() - withinDb) {
                    lo = Double.isNaN(lo) ? b.lowHz() : Math.min(lo, b.lowHz());
                    hi = Double.isNaN(hi) ? b.highHz() : Math.max(hi, b.highHz());
                }
            }
            return Optional.of(new double[] {lo, hi});
        }

        /**
         * The share of the residual's power in the octave bands that end at or below {@code hz}.
         *
         * @param hz the upper edge, Hz
         * @return 0..1, {@code NaN} for a silent residual
         */
        public double shareBelow(double hz) {
            double below = 0;
            double all = 0;
            for (Band b : octaves) {
                double p = Math.pow(10, b.residualDb() / 10);
                if (Double.isFinite(p)) {
                    all += p;
                    if (b.highHz() <= hz * 1.0001) {
                        below += p;
                    }
                }
            }
            return all > 0 ? below / all : Double.NaN;
        }
    }

    /**
     * One stretch of the residual.
     *
     * @param startSeconds from {@link NullTestResult#startSeconds()}
     * @param endSeconds   exclusive
     * @param residualRms  RMS of the residual over all channels (full scale 1.0)
     * @param mixRms       RMS of the mix over the same stretch
     */
    public record Segment(double startSeconds, double endSeconds, double residualRms, double mixRms) {

        /**
         * How well this stretch nulls: the residual relative to the mix.
         *
         * @return dB; -200 for no residual, {@code NaN} where the mix is silent
         */
        public double relativeDb() {
            double r = residualRms * residualRms;
            double m = mixRms * mixRms;
            if (!(m > 0.0)) {
                return Double.NaN;
            }
            return r <= 0.0 ? -200.0 : Math.max(-200.0, 10.0 * Math.log10(r / m));
        }
    }

    /**
     * One octave band of the residual and of the mix.
     *
     * @param lowHz      the band's lower edge
     * @param centreHz   its centre
     * @param highHz     its upper edge
     * @param residualDb the residual's power in the band, dB re full scale squared
     * @param mixDb      the mix's power in the band, same reference
     */
    public record Band(double lowHz, double centreHz, double highHz, double residualDb, double mixDb) {
    }
}
