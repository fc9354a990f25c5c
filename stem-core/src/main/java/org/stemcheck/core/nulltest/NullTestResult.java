package org.stemcheck.core.nulltest;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.spec.Mix;

/**
 * The null test of a delivery: the stems summed and compared with the reference mix, what each
 * stem's level, polarity, offset and drift is against it, what is left over, and what the
 * diagnosis makes of it. Read it in a {@link org.stemcheck.core.Check} that
 * {@linkplain org.stemcheck.core.Check#needs() needs} {@link org.stemcheck.core.Measurement#NULL_TEST}:
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
 * @param mixNamed     true when the caller named the mix
 *                     ({@link org.stemcheck.core.StemSet#mixdown}); otherwise it was chosen as the
 *                     mix the stems null against best
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
        return leavesARest() && !fractionLeft();
    }

    /**
     * As {@link #unexplained()}, whether or not a stem's fraction of a sample is part of what is
     * left: the fraction keeps the residual from being read as missing content, but does not make
     * the other stems' gains evidence (the rest may be other renders of them).
     *
     * @return true when the stems leave a real part of a mix without mix-bus processing unexplained
     */
    public boolean leavesARest() {
        return !mixBus.processed() && Double.isFinite(nullDb) && nullDb > UNEXPLAINED_DB && !balanced();
    }

    /**
     * Whether the stems null, or null far deeper, once their gains are fitted channel by channel
     * while they do not with one gain each: the residual is a stem's pan or balance ({@code mix.gain}
     * names it), or mostly so, and nothing missing or different is read from it.
     *
     * @return {@link #balanced(double, double, boolean)} of {@link #nullDb()}, {@link #channelNullDb()}
     *         and whether a stem's channels need gains {@link #PANNED_DB} apart
     */
    public boolean balanced() {
        return balanced(nullDb, channelNullDb,
                stems.stream().anyMatch(s -> s.gain().channelSpreadDb() >= PANNED_DB));
    }

    /**
     * The rule of {@link #balanced()}: the stems do not null with one gain each ({@code nullDb} above
     * {@link #UNEXPLAINED_DB}) and fitted channel by channel they null ({@code channelNullDb} below
     * it), or they null at least {@link #PAN_SHARE_DB} deeper so (the pan explains three quarters
     * of the residual or more, and what is left is judged on its own), or at least
     * {@link #PANNED_SHARE_DB} deeper while a stem's own channels need gains {@link #PANNED_DB} apart.
     *
     * @param nullDb        the null after one gain per stem, dB
     * @param channelNullDb the null after gains per channel, dB; {@code NaN} for mono
     * @param aStemPanned   whether a stem's channels, each identified, need gains {@link #PANNED_DB}
     *                      or more apart
     * @return true when a pan or balance explains the residual, or most of it
     */
    public static boolean balanced(double nullDb, double channelNullDb, boolean aStemPanned) {
        return nullDb > UNEXPLAINED_DB
                && (channelNullDb <= UNEXPLAINED_DB || channelNullDb <= nullDb - PAN_SHARE_DB
                        || aStemPanned && channelNullDb <= nullDb - PANNED_SHARE_DB);
    }

    /**
     * Where a stem's channels need gains this far apart ({@link #PANNED_DB}), gains fitted per
     * channel that null this much deeper than one gain per stem name the residual a pan: 3 dB,
     * half its power. A noise in every file that no gain removes keeps the per-channel null from
     * falling {@link #PAN_SHARE_DB} under: LMMS ReggaetonTry with its bass's left channel 6 dB down
     * and every file through AAC at 256 kbit/s nulls to -15.7 dB with one gain per stem and to
     * -21.2 dB per channel, the codec's own floor (the same song unpanned through the codec: -21.2
     * dB), and the bass part the pan left was read as a missing reverb return (the pan's residual,
     * opposite in the two channels, cancels in the channel-summed coherence with the bass). A stem
     * left out nulls 0.0 to 0.3 dB deeper per channel, even where another stem's channels take up a
     * wide part of it 7.8 dB apart ({@code GainCheck.PAN_FIT_DB}).
     */
    public static final double PANNED_SHARE_DB = 3.0;

    /** A stem's channels this many dB apart in their fitted gains are a pan or balance: 1 dB, the level error of {@code mix.gain}. */
    public static final double PANNED_DB = 1.0;

    /**
     * Gains fitted per channel that null this much deeper than one gain per stem explain most of
     * the residual: 6 dB, three quarters of its power. Measured on LMMS renders: a bass panned
     * from the centre to 50 % right (pan before its effects, so channel gains cannot null it
     * completely) -12.7 dB with one gain, -22.7 dB per channel; a stem deleted, 0.0 to 0.3 dB
     * deeper per channel.
     */
    public static final double PAN_SHARE_DB = 6.0;

    /**
     * The null depth above which part of the mix counts as unexplained, dB (see {@link #unexplained()}):
     * the default warning threshold of the spec, {@link Mix#NULL_WARNING_DB} (-50 dB), where the
     * number and its source are.
     */
    public static final double UNEXPLAINED_DB = Mix.NULL_WARNING_DB;

    /** A displaced stem's fraction of a sample beyond this was not undone by a whole-sample move: about -24 dB of residual at 10 kHz at 48 kHz. */
    public static final double FRACTION_LEFT_SAMPLES = 0.05;

    /**
     * A stem misaligned by any fraction of a sample leaves at most four times its own power
     * ({@code |1 - e^(-i w d)|^2 <= 4}): +6 dB over its level in the mix.
     */
    public static final double FRACTION_RESIDUAL_DB = 6.0;

    /**
     * Whether a displaced stem was off by a fraction of a sample that the whole-sample alignment
     * of the second pass could not undo ({@link #FRACTION_LEFT_SAMPLES}), and is loud enough for
     * that fraction to leave what is left ({@link #fractionCanLeave}): what is left is then partly
     * that fraction, not a missing part.
     *
     * @return true when such a stem exists
     */
    public boolean fractionLeft() {
        return stems.stream().anyMatch(s -> fractionLeft(s.offset().displaced(), s.offset().samples(), s.offset().wholeSamples())
                && fractionCanLeave(s.levelDb(), nullDb));
    }

    /**
     * Whether an offset keeps a fraction of a sample that a whole-sample move does not undo.
     *
     * @param displaced    whether the stem is displaced at all
     * @param samples      its offset, samples
     * @param wholeSamples the whole samples it was moved by
     * @return true when it is displaced by more than {@link #FRACTION_LEFT_SAMPLES} off a whole sample
     */
    public static boolean fractionLeft(boolean displaced, double samples, double wholeSamples) {
        return displaced && Math.abs(samples - wholeSamples) > FRACTION_LEFT_SAMPLES;
    }

    /**
     * Whether a stem's fraction of a sample can account for a null this shallow: its level in the
     * mix plus {@link #FRACTION_RESIDUAL_DB} reaches the null. A stem 25 dB under the mix whose
     * "offset" was read from another render of it (LMMS Skiessi-Onion rendered with rendertracks:
     * 38.93 samples, against a residual of -7.8 dB) cannot: the rest is not its fraction.
     *
     * @param stemLevelDb the stem's level in the mix, relative to the mix, dB; {@code NaN} when unknown
     * @param nullDb      what is left of the mix, dB
     * @return true when it can, or when either level is unknown
     */
    public static boolean fractionCanLeave(double stemLevelDb, double nullDb) {
        return !(stemLevelDb + FRACTION_RESIDUAL_DB < nullDb);
    }
}
