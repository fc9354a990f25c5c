package org.stemcheck.core.internal.checks.mix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.stemcheck.core.internal.report.Formats;
import org.stemcheck.core.nulltest.Residual;
import org.stemcheck.core.nulltest.Segment;

/**
 * When a part no stem carries plays, read from the residual's stretches (100 ms, longer for long
 * files): the spans where it sounds, for the user to find the track in the session ("throughout",
 * or "at 0:05-0:16"). How it plays (in hits or sustained) is not told: a level's swing within a
 * second, or the share of a second near its peak, overlap between the drum tracks left out of the
 * LMMS renders and the generated songs' plucked basses and sung leads, so neither names a kind of
 * part.
 *
 * @param share the share of the compared length in which it sounds, 0..1
 * @param spans where it sounds, seconds from the start of the files, {@code [start, end]} each
 */
record MissingTime(double share, List<double[]> spans) {

    /**
     * A part sounds in a second whose loudest stretch is within this of its own loud level (the
     * 95th percentile of its stretches): 20 dB, well past a note's decay into the next.
     */
    static final double PRESENT_DB = 20.0;

    /** A part that sounds through this share of the length plays throughout: 90 %. */
    static final double THROUGHOUT = 0.9;

    /** Gaps up to this long are inside one span: 2 s (a bar's rest at 120 bpm). */
    static final double GAP_SECONDS = 2.0;

    /** Spans named in a message at most. */
    static final int MAX_SPANS = 3;

    /** Residual levels under this are silence (RMS, full scale 1): -240 dB. */
    private static final double SILENT = 1e-12;

    /**
     * Reads the residual.
     *
     * @param r            the residual
     * @param startSeconds where the compared stretch starts in the files
     * @return empty when the residual has no stretches with sound
     */
    static Optional<MissingTime> of(Residual r, double startSeconds) {
        List<Segment> s = r.segments();
        double[] db = s.stream().mapToDouble(g -> 20 * Math.log10(Math.max(g.residualRms(), SILENT))).toArray();
        if (db.length == 0) {
            return Optional.empty();
        }
        double[] sorted = db.clone();
        Arrays.sort(sorted);
        double loud = sorted[(int) (0.95 * (sorted.length - 1))];
        if (loud <= 20 * Math.log10(SILENT)) {
            return Optional.empty();
        }
        // Seconds, as whole stretches: a second sounds when its loudest stretch is present.
        double stretch = s.get(0).endSeconds() - s.get(0).startSeconds();
        int w = Math.max(1, (int) Math.round(1.0 / stretch));
        List<double[]> spans = new ArrayList<>();
        int present = 0;
        int windows = 0;
        for (int i = 0; i < db.length; i += w) {
            int end = Math.min(db.length, i + w);
            double most = Double.NEGATIVE_INFINITY;
            for (int j = i; j < end; j++) {
                most = Math.max(most, db[j]);
            }
            windows++;
            if (most < loud - PRESENT_DB) {
                continue;
            }
            present++;
            double from = startSeconds + s.get(i).startSeconds();
            double to = startSeconds + s.get(end - 1).endSeconds();
            double[] last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
            if (last != null && from - last[1] <= GAP_SECONDS) {
                last[1] = to;
            } else {
                spans.add(new double[] {from, to});
            }
        }
        return Optional.of(new MissingTime(present / (double) windows, List.copyOf(spans)));
    }

    /** "throughout", or "at 0:12-0:45, 1:30-2:10 and 2 more", for a message. */
    String describe() {
        if (share >= THROUGHOUT) {
            return "throughout";
        }
        List<String> at = spans.stream().limit(MAX_SPANS).map(x -> Formats.minutes(x[0]) + "-" + Formats.minutes(x[1])).toList();
        String more = spans.size() > MAX_SPANS ? String.format(Locale.ROOT, " and %d more", spans.size() - MAX_SPANS) : "";
        return "at " + String.join(", ", at) + more;
    }
}
