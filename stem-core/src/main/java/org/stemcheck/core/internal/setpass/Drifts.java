package org.stemcheck.core.internal.setpass;

import java.util.ArrayList;
import java.util.List;

import org.stemcheck.dsp.nullsum.HalfOffsets;
import org.stemcheck.dsp.nullsum.NullSumSetup;
import org.stemcheck.dsp.nullsum.StemOffset;

/**
 * What the set pass asks the null test for to see drift, and how it reads the answer: every
 * stem's offset over the first and the second half of the song ({@link HalfOffsets}, measured by
 * the null test from the streams its own offset search decimates), with a narrow search range
 * ({@link #RANGE_SECONDS}), so that drift shows as a change of offset between the halves.
 */
final class Drifts {

    /** Search range of the partial offsets: drift of 100 ppm over 15 minutes is 90 ms. */
    static final double RANGE_SECONDS = 0.1;

    /** Offsets this close to the edge of the range (share of it) are no answer: the true peak may lie beyond. */
    static final double EDGE = 0.9;

    private Drifts() {
    }

    /**
     * The setup measuring the halves of a song of {@code total} frames: the split in the middle,
     * the range {@link #RANGE_SECONDS}, narrowed for a short song to an eighth of it.
     */
    static NullSumSetup measuring(NullSumSetup setup, long total) {
        int rate = setup.sampleRate();
        return setup.withHalves(Math.max(1, total / 2), range(rate, total));
    }

    private static double range(int rate, long total) {
        return Math.min(RANGE_SECONDS, Math.max(1.0 / rate, total / 8.0 / rate));
    }

    /** Each stem's drift from the halves measured against one mix ({@link #measuring}'s setup). */
    static List<StemDrift> of(List<HalfOffsets> halves, int rate, long total) {
        double rangeSamples = range(rate, total) * rate;
        List<StemDrift> out = new ArrayList<>(halves.size());
        for (HalfOffsets h : halves) {
            StemOffset e = h.first();
            StemOffset l = h.second();
            double span = h.secondCentreSeconds() - h.firstCentreSeconds();
            boolean ok = usable(e, rangeSamples) && usable(l, rangeSamples) && span > 0;
            out.add(new StemDrift(h.stem(), e.samples(), l.samples(), span, ok,
                    Math.max(e.peakWidthSamples(), l.peakWidthSamples())));
        }
        return out;
    }

    private static boolean usable(StemOffset o, double rangeSamples) {
        return o.confident() && Math.abs(o.samples()) < EDGE * rangeSamples;
    }
}
