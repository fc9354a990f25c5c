package org.stemcheck.core.nulltest;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

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
