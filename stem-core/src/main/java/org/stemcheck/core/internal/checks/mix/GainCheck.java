package org.stemcheck.core.internal.checks.mix;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Explanation;
import org.stemcheck.core.Finding;
import org.stemcheck.core.NullTestResult;
import org.stemcheck.core.StemFile;
import org.stemcheck.core.internal.diagnosis.Thresholds;

/**
 * {@code mix.gain}: a stem louder or quieter than in the mix (least-squares gain, against the
 * gain all stems share when the mix carries mix-bus processing). A stem that lacks its bus
 * processing is left to {@code mix.bus-processing}: its level difference is that processing's.
 * A gain is evidence about a stem only when the stem is what the mix holds
 * ({@link NullTestResult.StemComparison#matchesMix()}); while part of the mix is unexplained
 * (a missing part, other versions of some stems), a small difference is that part's share and
 * is not reported; against a mix with bus processing, whose dynamics scatter the stems' gains,
 * only a stem that stands out of that scatter is.
 */
final class GainCheck extends MixCheck {

    GainCheck() {
        super("mix.gain", "every stem sits at the level it has in the mix");
    }

    @Override
    List<Finding> judge(CheckContext ctx, NullTestResult r) {
        List<Finding> out = new ArrayList<>();
        boolean partUnexplained = r.unexplained() || !r.explanations(Explanation.MissingPart.class).isEmpty()
                || !r.explanations(Explanation.Mismatch.class).isEmpty()
                || r.mixBus().processed() && r.mixBus().commonGainDb() >= STEMS_HOT_DB;
        double scatter = r.mixBus().processed() ? scatterDb(r) : 0.0;
        for (NullTestResult.StemComparison s : r.stems()) {
            NullTestResult.Gain g = s.gain();
            double err = g.levelErrorDb() - r.mixBus().commonGainDb();
            if (!g.identifiable() || !Double.isFinite(err) || Math.abs(err) < Thresholds.GAIN_WARNING_DB
                    || Math.abs(err) < Thresholds.SIGMAS * g.standardErrorDb()
                    || Math.abs(err) < Thresholds.SIGMAS * scatter
                    || partUnexplained && Math.abs(err) < Thresholds.GAIN_UNCERTAIN_DB
                    || !s.matchesMix() || lacking(r, s.file().name()).isPresent()) {
                continue;
            }
            StemFile f = s.file();
            String msg = String.format(Locale.ROOT, "%s is %.1f dB %s than in the mix", f.displayLabel(),
                    Math.abs(err), err > 0 ? "louder" : "quieter");
            Finding x = Math.abs(err) >= Thresholds.GAIN_ERROR_DB
                    ? Finding.error(id(), msg) : Finding.warning(id(), msg);
            out.add(x.withFiles(f.name())
                    .withMeasurement("gain_db", err)
                    .withMeasurement("standard_error_db", g.standardErrorDb())
                    .withMeasurement("scale", g.scale())
                    .withFix(String.format(Locale.ROOT, "re-export %s with its fader as in the mix (%+.1f dB)",
                            f.displayLabel(), -err)));
        }
        return out;
    }

    /**
     * Every stem this much louder than in the mix is either a mix turned down on its bus or stems
     * exported through the mix-bus chain ({@code level.mixbus-processing}, whose makeup-gain
     * witness this is): the chain's limiter then holds the loud stems more than the quiet ones,
     * and their small differences are its doing.
     */
    static final double STEMS_HOT_DB = 4.0;

    /**
     * How far the stems' gains scatter about their median, dB: the median absolute deviation
     * scaled to a standard deviation (1.4826, the normal distribution's ratio). A mix compressor
     * turns each stem down by its own share of the gain reduction, so against such a mix every
     * stem is "off" by a little.
     */
    static double scatterDb(NullTestResult r) {
        double[] err = r.stems().stream().filter(s -> s.gain().identifiable() && s.matchesMix())
                .mapToDouble(s -> s.gain().levelErrorDb()).filter(Double::isFinite).sorted().toArray();
        if (err.length < 3) {
            return 0.0;
        }
        double median = median(err);
        double[] dev = java.util.Arrays.stream(err).map(e -> Math.abs(e - median)).sorted().toArray();
        return 1.4826 * median(dev);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
