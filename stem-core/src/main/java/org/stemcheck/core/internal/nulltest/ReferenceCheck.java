package org.stemcheck.core.internal.nulltest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;

/** {@code mix.reference} (info): which mix the stems were compared with, how deep they null, and whether it carries mix-bus processing. */
final class ReferenceCheck extends MixCheck {

    /** Another mix nulling this much less deep than the reference differs by processing on the mix bus. */
    static final double OTHER_MIX_DB = 20.0;

    ReferenceCheck() {
        super("mix.reference", "the reference mix, the null depth of the stems against it, mix-bus processing");
    }

    /**
     * What the common gain says. The mix louder than the stems is what a mix bus does (makeup gain,
     * limiter drive); the stems louder than the mix is either a mix turned down on its bus or the
     * stems carrying mix-bus processing themselves ({@code level.mixbus-processing}).
     */
    private static String processing(SetAnalysis a) {
        if (!a.mixbusProcessing()) {
            return "no mix-bus processing";
        }
        if (a.commonGainDb() > MixbusJudge.COMMON_GAIN_DB) {
            return String.format(Locale.ROOT, "it carries processing common to every stem: the stems are all about"
                    + " %.1f dB louder than in it (a mix turned down on its bus, or stems exported through the"
                    + " mix-bus chain: see level.mixbus-processing)", a.commonGainDb());
        }
        return String.format(Locale.ROOT,
                "it carries mix-bus processing (%+.1f dB of gain and/or compression common to every stem)", -a.commonGainDb());
    }

    @Override
    List<Finding> judge(CheckContext ctx, SetAnalysis a) {
        String ref = a.reference().name();
        StringBuilder msg = new StringBuilder(String.format(Locale.ROOT,
                "%s is the reference mix%s: the stems null to %.1f dB against it (%.1f dB after gains%s); %s",
                ref, a.given() ? " (as named)" : "", a.plainNullDb(), a.nullDb(), a.passes() > 1 ? " and offsets" : "",
                processing(a)));
        List<String> files = new ArrayList<>(List.of(ref));
        for (Map.Entry<String, Double> e : a.mixDepthsDb().entrySet()) {
            if (!e.getKey().equals(ref)) {
                files.add(e.getKey());
                boolean bus = e.getValue() - a.nullDb() > OTHER_MIX_DB;
                boolean deeper = a.given() && a.nullDb() - e.getValue() > OTHER_MIX_DB;
                double plain = a.mixPlainDepthsDb().getOrDefault(e.getKey(), Double.NaN);
                boolean partial = !bus && !deeper && plain - a.plainNullDb() > OTHER_MIX_DB;
                msg.append(String.format(Locale.ROOT, "; %s nulls to %.1f dB%s", e.getKey(), e.getValue(),
                        bus ? ", so it carries mix-bus processing"
                                : deeper ? ", far deeper: the stems match it better than the named mix"
                                : partial ? String.format(Locale.ROOT, " but only with the stems' gains fitted"
                                        + " (%.1f dB as delivered): it holds some stems at other levels or not at"
                                        + " all, like an instrumental or a TV mix", plain) : ""));
            }
        }
        return List.of(Finding.info(id(), msg.toString())
                .withFiles(files)
                .withMeasurement("null_db", a.plainNullDb())
                .withMeasurement("null_after_gains_db", a.nullDb())
                .withMeasurement("mixbus_processing", a.mixbusProcessing() ? 1 : 0)
                .withMeasurement("common_gain_db", a.commonGainDb())
                .withMeasurement("passes", a.passes())
                .withMeasurement("reference_given", a.given() ? 1 : 0));
    }
}
