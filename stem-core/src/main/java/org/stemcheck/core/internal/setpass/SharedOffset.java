package org.stemcheck.core.internal.setpass;

import java.util.List;

import org.stemcheck.dsp.nullsum.StemOffset;

/**
 * The offset most stems share: when two or more stems (one with a clear offset, the others with
 * a clear one or a peak that lands on it), at least two thirds of the stems with a clear offset
 * ({@link #MAJORITY_NUMERATOR} / {@link #MAJORITY_DENOMINATOR}), are displaced by the same amount
 * and no stem is clearly in place,
 * it is the mix that is out of place
 * (latency on its bus that was not compensated: LMMS with a look-ahead limiter on its master puts
 * every stem 220 samples early against the mix), not each of those stems. The second pass moves
 * every stem by it; the diagnosis reports it once, on the mix.
 */
public final class SharedOffset {

    /** Stems within this of one another share an offset (the whole-sample resolution of a DAW's nudge). */
    static final double SAME_SAMPLES = 1.0;

    /** At least this share of the stems with a clear offset must share it: two thirds, as a fraction (4 of 6 exactly). */
    static final int MAJORITY_NUMERATOR = 2;
    static final int MAJORITY_DENOMINATOR = 3;

    /** Fewest stems that must share it. */
    static final int MIN_STEMS = 2;

    /**
     * Where no stem's offset is clear (every audible stem tonal: whitened correlations with side
     * peaks more than half as high as the main one), a candidate needs this many coherent stems
     * within {@link #TONAL_SAME_SAMPLES} of one another at the same displacement, and no clear stem in
     * place: 2. Two stems peaking at one lag by chance are unlikely, and the trial pass with every
     * stem moved must deepen the null. A 7 s excerpt of LMMS ReggaetonTry through a look-ahead
     * limiter on the master (the mix 220 samples late): the bass line at -219.1 samples (coherence
     * 0.61) and the trumpet at -219.9 (0.48), the drum layers silent or 36 dB down; with no
     * candidate, the mix was left 0.7 dB under itself and read "a stem is missing" (an error).
     */
    static final int TONAL_WITNESSES = 2;

    /**
     * Tonal stems agree on a displacement within this many samples: 2. Their peaks are broad (30 to
     * 40 samples wide) and land less exactly: the ReggaetonTry excerpt's bass line and trumpet at
     * -218.94 and -219.97 with every file through AAC 256k.
     */
    static final double TONAL_SAME_SAMPLES = 2.0;

    private SharedOffset() {
    }

    /**
     * The shared offset of the stems against the mix.
     *
     * @param offsets every stem's offset from the first pass
     * @return samples (negative: the stems early, the mix late), the median of the stems sharing
     *         it; 0 when there is none or it is no displacement
     */
    public static double of(List<StemOffset> offsets) {
        return vote(offsets, true);
    }

    /** How many of {@code coherent} lie within {@code within} samples of {@code o}; 0 for none. */
    private static int witnesses(List<StemOffset> coherent, StemOffset o, double within) {
        return o == null ? 0 : (int) coherent.stream().filter(x -> Math.abs(x.samples() - o.samples()) <= within).count();
    }

    /**
     * The offset most stems share, without the vote's two safeguards (two thirds of the clear
     * stems, none clearly in place): a candidate for the mix's latency that only a pass with every
     * stem moved by it can confirm ({@link OffsetTrials}).
     *
     * @param offsets every stem's offset from the first pass
     * @return samples, as {@link #of}; 0 when no displaced offset has {@link #MIN_STEMS} witnesses
     */
    static double candidate(List<StemOffset> offsets) {
        return vote(offsets, false);
    }

    private static double vote(List<StemOffset> offsets, boolean safeguards) {
        List<StemOffset> clear = offsets.stream().filter(StemOffset::confident).toList();
        // A tonal stem's whitened correlation has side peaks nearly as high as its main one (peak
        // ratio under 2: not "clear"), yet its main peak still lands on the mix's latency: a stem
        // whose peak falls within a sample of a clear stem's by chance is unlikely, so those that
        // agree count as witnesses towards MIN_STEMS. The majority is still taken over the clear
        // stems (ambiguous ones that land elsewhere prove nothing: LMMS renders with a limiter on
        // the master have half their stems so).
        List<StemOffset> coherent = offsets.stream()
                .filter(o -> o.coherence() >= StemOffset.CONFIDENT_COHERENCE && Double.isFinite(o.samples())).toList();
        StemOffset best = null;
        int bestClear = 0;
        for (StemOffset o : clear) {
            if (!safeguards && !o.displaced()) {
                continue;
            }
            int n = (int) clear.stream().filter(x -> Math.abs(x.samples() - o.samples()) <= SAME_SAMPLES).count();
            if (n > bestClear) {
                best = o;
                bestClear = n;
            }
        }
        boolean tonal = false;
        if (!safeguards && witnesses(coherent, best, SAME_SAMPLES) < MIN_STEMS
                && clear.stream().noneMatch(x -> Math.abs(x.samples()) <= SAME_SAMPLES)) {
            // No clear stem that others witness (tonal stems, a short excerpt): the coherent stems'
            // own agreement names the candidate, which the trial pass must confirm (TONAL_WITNESSES).
            int most = 0;
            for (StemOffset o : coherent) {
                int n = witnesses(coherent, o, TONAL_SAME_SAMPLES);
                if (Math.abs(o.samples()) > SAME_SAMPLES && n >= TONAL_WITNESSES && n > most) {
                    best = o;
                    most = n;
                    tonal = true;
                }
            }
        }
        StemOffset centre = best;
        double within = tonal ? TONAL_SAME_SAMPLES : SAME_SAMPLES;
        int witnesses = witnesses(coherent, centre, within);
        boolean oneInPlace = clear.stream().anyMatch(x -> Math.abs(x.samples()) <= SAME_SAMPLES);
        boolean majority = bestClear * MAJORITY_DENOMINATOR >= MAJORITY_NUMERATOR * clear.size();
        if (best == null || !(best.displaced() || tonal) || witnesses < MIN_STEMS
                || safeguards && (oneInPlace || !majority)) {
            return 0.0;
        }
        double[] shared = coherent.stream().filter(x -> Math.abs(x.samples() - centre.samples()) <= within)
                .mapToDouble(StemOffset::samples).toArray();
        return MixbusJudge.median(shared);
    }
}
