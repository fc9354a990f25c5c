package org.stemcheck.dsp;

import java.util.List;
import java.util.Objects;

/**
 * True peak (ITU-R BS.1770-4 Annex 2) and sample peak of every channel. Silence, or no audio at
 * all, gives {@code -infinity}.
 *
 * @param truePeakDbtp     per channel, dBTP (dB of the oversampled peak re full scale)
 * @param maxTruePeakDbtp  the highest of them
 * @param samplePeakDbfs   per channel, dBFS
 * @param maxSamplePeakDbfs the highest of them
 * @param oversampling     the oversampling factor used
 */
public record TruePeakResult(
        List<Double> truePeakDbtp,
        double maxTruePeakDbtp,
        List<Double> samplePeakDbfs,
        double maxSamplePeakDbfs,
        int oversampling) {

    /**
     * Copies the lists.
     *
     * @param truePeakDbtp      not {@code null}, one value per channel
     * @param maxTruePeakDbtp   dBTP
     * @param samplePeakDbfs    not {@code null}, one value per channel
     * @param maxSamplePeakDbfs dBFS
     * @param oversampling      2 to 32
     */
    public TruePeakResult {
        truePeakDbtp = List.copyOf(Objects.requireNonNull(truePeakDbtp, "truePeakDbtp must not be null"));
        samplePeakDbfs = List.copyOf(Objects.requireNonNull(samplePeakDbfs, "samplePeakDbfs must not be null"));
    }
}
