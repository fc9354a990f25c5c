package org.stemcheck.core.internal.setpass;

import java.util.Arrays;

import org.stemcheck.dsp.nullsum.NullResult;
import org.stemcheck.dsp.nullsum.StemGain;
import org.stemcheck.dsp.nullsum.StemTransfer;

/**
 * Whether a mix carries mix-bus processing: a change the mix applies to every stem alike. The
 * stems' least-squares gains then agree with each other but not with 1 (master fader, makeup
 * gain), or most stems show the same level-dependent gain (a bus compressor or limiter the stems
 * lack). A single stem off is that stem's fault, not the bus's.
 */
public final class MixbusJudge {

    /** A common gain beyond this is processing on the bus (the gain finding's own threshold, FINDINGS.md mix.gain). */
    public static final double COMMON_GAIN_DB = 0.5;

    /** Stems within this of the common gain agree on it: half the smallest gain step a mix engineer rides (1 dB). */
    static final double AGREE_DB = 1.0;

    /** Share of stems that must agree on a common gain or show compression. */
    static final double MAJORITY = 2.0 / 3.0;

    /**
     * A slope below minus this is compression the stem lacks: -0.05 dB/dB is a 1.05:1 ratio over
     * the whole range, a 2:1 glue compressor acting a quarter of the time (dev101's mix bus).
     */
    static final double COMPRESSION_SLOPE = 0.05;

    /**
     * A slope counts only where the stem's gains scatter about it by at most this (standard
     * deviation, dB): a gain that jumps by more than a factor of two from one passage to the next
     * is no gain the mix applied but a part the mix does not hold as the stem has it. Stems that
     * LMMS's {@code rendertracks} renders anew (a synth's random phases, per-track noise) read
     * slopes of -0.1 to -1.1 dB/dB with scatters of 7.7 to 13.2 dB, 11 of 13 of CapDan-TwilightArea's,
     * and made a mix without any processing "compressed"; under a real compressor and limiter
     * (the generated dev101 mixes) the stems scatter 0.8 to 5.5 dB, one quiet stem 7.7.
     */
    static final double COMPRESSION_SPREAD_DB = 6.0;

    /**
     * The stems summed, brought to the mix's level (their common gain taken off), peak at least
     * this much over the mix: a limiter or clipper on the mix bus holds the mix's peaks down
     * (drive or makeup gain in front of it shows as the common gain). 2 dB: more
     * than the true-peak overshoot between sample peaks (up to about 0.7 dB at 4x oversampling,
     * ITU-R BS.1770-4 Annex 2) and a dithered export.
     */
    public static final double OVER_CEILING_DB = 2.0;

    /** A mix peaking at or above this is at a limiter's ceiling (delivery ceilings lie between -3 dBFS and 0). */
    public static final double CEILING_DBFS = -3.0;

    /**
     * The stems null to the mix after gains no deeper than this while it is limited: a plain
     * level difference (the mix turned down, then normalised) nulls far deeper.
     */
    static final double LIMITED_NULL_DB = -40.0;

    /**
     * What was judged.
     *
     * @param processed     the mix carries processing common to every stem
     * @param commonGainDb  the median level error of the stems, dB (0 when not processed)
     * @param limited       the mix is held at a ceiling the stems' sum exceeds
     * @param stemsPeakDbfs the stems' sum at unity gain, sample peak, dBFS (at the mix's level:
     *                      minus {@code commonGainDb})
     * @param mixPeakDbfs   the mix's sample peak, dBFS
     */
    public record Verdict(boolean processed, double commonGainDb, boolean limited, double stemsPeakDbfs,
                          double mixPeakDbfs) {
    }

    private MixbusJudge() {
    }

    /**
     * The verdict on the last pass's gains and transfers.
     *
     * @param last         the last pass
     * @param sharedOffset the offset most stems share against the mix ({@link SharedOffset}):
     *                     latency on the mix bus that was not compensated is a plug-in on it
     */
    static Verdict judge(NullResult last, double sharedOffset) {
        double[] errors = last.gains().gains().stream().filter(StemGain::identifiable)
                .mapToDouble(StemGain::levelErrorDb).filter(Double::isFinite).toArray();
        double stemsPeak = dbfs(last.residual().sumPeak());
        double mixPeak = dbfs(last.residual().mixPeak());
        double median = errors.length == 0 ? 0.0 : median(errors);
        boolean limited = mixPeak >= CEILING_DBFS && stemsPeak - median - mixPeak >= OVER_CEILING_DB
                && last.gains().nullDepthDb() > LIMITED_NULL_DB;
        // One stem alone, or the one stem that sounds (the others silent: a short excerpt): its
        // level against the mix is as much the mix's master fader as the stem's, and is judged as
        // the gain it shares with itself (a majority of one). (A 7 s excerpt of LMMS ZeroSumGame
        // with its master 6 dB up, the sub bass the one stem playing: "Sub is 6.0 dB quieter".)
        boolean alone = errors.length == 1;
        if (errors.length < 2 && !alone) {
            return new Verdict(limited || sharedOffset != 0, 0.0, limited, stemsPeak, mixPeak);
        }
        long agree = Arrays.stream(errors).filter(e -> Math.abs(e - median) <= AGREE_DB).count();
        boolean commonGain = Math.abs(median) > COMMON_GAIN_DB && agree >= MAJORITY * errors.length;
        long compressed = last.transfers().stream().map(StemTransfer::dynamics)
                .filter(d -> d.slope() < -COMPRESSION_SLOPE && d.spreadDb() <= COMPRESSION_SPREAD_DB).count();
        boolean commonCompression = compressed >= MAJORITY * last.transfers().size();
        boolean processed = commonGain || commonCompression || limited || sharedOffset != 0;
        return new Verdict(processed, processed ? median : 0.0, limited, stemsPeak, mixPeak);
    }

    private static double dbfs(double peak) {
        return peak > 0 ? 20 * Math.log10(peak) : Double.NEGATIVE_INFINITY;
    }

    public static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }
}
