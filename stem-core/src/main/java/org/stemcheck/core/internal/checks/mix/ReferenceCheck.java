package org.stemcheck.core.internal.checks.mix;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.internal.diagnosis.Thresholds;
import org.stemcheck.core.internal.setpass.MixbusJudge;
import org.stemcheck.core.nulltest.MixBus;
import org.stemcheck.core.nulltest.NullTestResult;
import org.stemcheck.core.nulltest.OtherMix;

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
    private static String processing(NullTestResult r) {
        MixBus bus = r.mixBus();
        if (!bus.processed()) {
            return "no mix-bus processing";
        }
        if (bus.commonGainDb() > MixbusJudge.COMMON_GAIN_DB && !bus.limited()) {
            return String.format(Locale.ROOT, "it carries processing common to every stem: the stems are all about"
                    + " %.1f dB louder than in it (its master fader turned down, or the stems exported through the"
                    + " mix-bus chain, which level.mixbus-processing reports when a stem is held at a ceiling)",
                    bus.commonGainDb());
        }
        if (bus.limited()) {
            double atMix = bus.stemsPeakDbfs() - bus.commonGainDb();
            String gain = Math.abs(bus.commonGainDb()) > MixbusJudge.COMMON_GAIN_DB
                    ? String.format(Locale.ROOT, " (with %+.1f dB of gain in front of it)", -bus.commonGainDb()) : "";
            return String.format(Locale.ROOT, "it carries mix-bus processing, a limiter or clipper%s: the stems summed at"
                    + " its level would peak at %+.1f dBFS, it peaks at %+.1f dBFS", gain, atMix, bus.mixPeakDbfs());
        }
        if (bus.latencySamples() != 0 && Math.abs(bus.commonGainDb()) <= MixbusJudge.COMMON_GAIN_DB) {
            return String.format(Locale.ROOT, "it is %d samples %s against every stem (see mix.offset)",
                    Math.abs(Math.round(bus.latencySamples())), bus.latencySamples() > 0 ? "late" : "early");
        }
        return String.format(Locale.ROOT,
                "it carries mix-bus processing (%+.1f dB of gain and/or compression common to every stem)",
                -bus.commonGainDb());
    }

    @Override
    List<Finding> judge(CheckContext ctx, NullTestResult r) {
        String ref = r.mix().name();
        String depth = r.plainNullDb() > Thresholds.NULL_ERROR_DB
                ? String.format(Locale.ROOT, "the stems as delivered do not add up to it (what they leave is %.1f dB"
                        + " against the mix; %.1f dB once each stem's gain%s is fitted)", r.plainNullDb(), r.nullDb(),
                        r.passes() > 1 ? " and offset" : "")
                : String.format(Locale.ROOT, "the stems null to %.1f dB against it (%.1f dB after gains%s)",
                        r.plainNullDb(), r.nullDb(), r.passes() > 1 ? " and offsets" : "");
        StringBuilder msg = new StringBuilder(String.format(Locale.ROOT, "%s is the reference mix%s: %s; %s",
                ref, r.mixNamed() ? " (as named)" : "", depth, processing(r)));
        List<String> files = new ArrayList<>(List.of(ref));
        for (OtherMix o : r.otherMixes()) {
            files.add(o.file().name());
            boolean bus = o.nullDb() - r.nullDb() > OTHER_MIX_DB;
            boolean deeper = r.mixNamed() && r.nullDb() - o.nullDb() > OTHER_MIX_DB;
            double plain = o.plainNullDb();
            boolean partial = !bus && !deeper && plain - r.plainNullDb() > OTHER_MIX_DB;
            msg.append(String.format(Locale.ROOT, "; %s nulls to %.1f dB%s", o.file().name(), o.nullDb(),
                    bus ? ", so it carries mix-bus processing"
                            : deeper ? ", far deeper: the stems match it better than the named mix"
                            : partial ? String.format(Locale.ROOT, " but only with the stems' gains fitted"
                                    + " (%.1f dB as delivered): it holds some stems at other levels or not at"
                                    + " all, like an instrumental or a TV mix", plain) : ""));
        }
        return List.of(Finding.info(id(), msg.toString())
                .withFiles(files)
                .withMeasurement("null_db", r.plainNullDb())
                .withMeasurement("null_after_gains_db", r.nullDb())
                .withMeasurement("mixbus_processing", r.mixBus().processed() ? 1 : 0)
                .withMeasurement("common_gain_db", r.mixBus().commonGainDb())
                .withMeasurement("passes", r.passes())
                .withMeasurement("reference_given", r.mixNamed() ? 1 : 0));
    }
}
