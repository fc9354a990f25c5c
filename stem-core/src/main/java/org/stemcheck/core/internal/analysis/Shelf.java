package org.stemcheck.core.internal.analysis;

import java.util.Optional;

import org.stemcheck.dsp.Cutoff;
import org.stemcheck.dsp.Spectrum;

/**
 * A brick-wall low-pass in a spectrum: the frequency, within a search range, where the level falls
 * the most between a window below and a window above it. Codecs and resamplers leave such walls
 * (tens of dB within a kHz, then nothing); natural roll-offs of dull sounds fall a few dB per kHz.
 *
 * @param hz         the middle of the fall
 * @param belowDb    mean level (dB per bin) over {@code [hz - REACH, hz - GAP]}
 * @param aboveDb    mean level over {@code [hz + GAP, hz + REACH]}
 * @param highestDb  the highest 500 Hz band level from {@code hz + GAP} up to the Nyquist frequency
 */
public record Shelf(double hz, double belowDb, double aboveDb, double highestDb) {

    /** Gap either side of the wall: 500 Hz, room for a codec's or resampler's transition band. */
    public static final double GAP_HZ = 500.0;

    /** Far edge of the measuring windows from the wall: 1500 Hz (1 kHz windows). */
    public static final double REACH_HZ = 1500.0;

    /** A wall falls more than 40 dB across the gap: {@link Cutoff#STEEP_DROP_DB}, the codecs' brick walls. */
    public static final double STEEP_DROP_DB = Cutoff.STEEP_DROP_DB;

    /** Search step. */
    public static final double STEP_HZ = 100.0;

    /** Bands averaged for {@link #highestDb}. */
    public static final double BAND_HZ = 500.0;

    /** Levels are floored here (below the 32-bit PCM noise floor per bin) so that zeros average. */
    public static final double FLOOR_DB = -220.0;

    /** The fall across the wall. */
    public double dropDb() {
        return belowDb - aboveDb;
    }

    /** Steep, and nothing comes back above it: a brick wall, not a dip. */
    public boolean wall() {
        return dropDb() > STEEP_DROP_DB && belowDb - highestDb > STEEP_DROP_DB;
    }

    /** The steepest fall with its middle in {@code [fromHz, toHz]}; empty when the spectrum has no room. */
    public static Optional<Shelf> find(Spectrum s, double fromHz, double toHz) {
        Shelf best = null;
        double top = Math.min(toHz, s.nyquistHz() - REACH_HZ);
        for (double hz = fromHz; hz <= top; hz += STEP_HZ) {
            Shelf x = new Shelf(hz, mean(s, hz - REACH_HZ, hz - GAP_HZ), mean(s, hz + GAP_HZ, hz + REACH_HZ),
                    highest(s, hz + GAP_HZ));
            if (best == null || x.dropDb() > best.dropDb()) {
                best = x;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Mean level over bins centred in {@code [fromHz, toHz]}. */
    public static double mean(Spectrum s, double fromHz, double toHz) {
        int lo = Math.max(1, (int) Math.ceil(fromHz / s.binHz()));
        int hi = Math.min(s.bins() - 1, (int) Math.floor(toHz / s.binHz()));
        double sum = 0;
        for (int k = lo; k <= hi; k++) {
            sum += Math.max(FLOOR_DB, s.powerDb(k));
        }
        return hi < lo ? FLOOR_DB : sum / (hi - lo + 1);
    }

    private static double highest(Spectrum s, double fromHz) {
        double best = FLOOR_DB;
        for (double hz = fromHz; hz < s.nyquistHz(); hz += BAND_HZ) {
            best = Math.max(best, mean(s, hz, Math.min(hz + BAND_HZ, s.nyquistHz())));
        }
        return best;
    }
}
