package org.stemcheck.core.internal.checks.mix;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.NullTestResult;
import org.stemcheck.core.StemFile;
import org.stemcheck.core.internal.diagnosis.Thresholds;

/**
 * {@code mix.gain}: a stem louder or quieter than in the mix (least-squares gain, against the
 * gain all stems share when the mix carries mix-bus processing). A stem that lacks its bus
 * processing is left to {@code mix.bus-processing}: its level difference is that processing's.
 */
final class GainCheck extends MixCheck {

    GainCheck() {
        super("mix.gain", "every stem sits at the level it has in the mix");
    }

    @Override
    List<Finding> judge(CheckContext ctx, NullTestResult r) {
        List<Finding> out = new ArrayList<>();
        for (NullTestResult.StemComparison s : r.stems()) {
            NullTestResult.Gain g = s.gain();
            double err = g.levelErrorDb() - r.mixBus().commonGainDb();
            if (!g.identifiable() || !Double.isFinite(err) || Math.abs(err) < Thresholds.GAIN_WARNING_DB
                    || Math.abs(err) < Thresholds.SIGMAS * g.standardErrorDb()
                    || lacking(r, s.file().name()).isPresent()) {
                continue;
            }
            StemFile f = s.file();
            boolean uncertain = r.unexplained() && Math.abs(err) < Thresholds.GAIN_UNCERTAIN_DB;
            String msg = String.format(Locale.ROOT, "%s is %.1f dB %s than in the mix%s", f.displayLabel(),
                    Math.abs(err), err > 0 ? "louder" : "quieter",
                    uncertain ? " (uncertain while part of the mix is unexplained: see mix.null)" : "");
            Finding x = Math.abs(err) >= Thresholds.GAIN_ERROR_DB && !uncertain
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
}
