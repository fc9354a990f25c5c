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

    /** What was judged. */
    public record Verdict(boolean processed, double commonGainDb) {
    }

    private MixbusJudge() {
    }

    static Verdict judge(NullResult last) {
        double[] errors = last.gains().gains().stream().filter(StemGain::identifiable)
                .mapToDouble(StemGain::levelErrorDb).filter(Double::isFinite).toArray();
        if (errors.length < 2) {
            return new Verdict(false, 0.0);
        }
        double median = median(errors);
        long agree = Arrays.stream(errors).filter(e -> Math.abs(e - median) <= AGREE_DB).count();
        boolean commonGain = Math.abs(median) > COMMON_GAIN_DB && agree >= MAJORITY * errors.length;
        long compressed = last.transfers().stream().map(StemTransfer::dynamics)
                .filter(d -> d.slope() < -COMPRESSION_SLOPE).count();
        boolean commonCompression = compressed >= MAJORITY * last.transfers().size();
        boolean processed = commonGain || commonCompression;
        return new Verdict(processed, processed ? median : 0.0);
    }

    public static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }
}
