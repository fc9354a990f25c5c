package org.stemcheck.core.internal.checks.mix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.file.Role;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.internal.delivery.Roles;
import org.stemcheck.core.internal.diagnosis.Thresholds;
import org.stemcheck.core.internal.setpass.MixbusJudge;
import org.stemcheck.core.nulltest.MixBus;
import org.stemcheck.core.nulltest.NullTestResult;
import org.stemcheck.core.nulltest.OtherMix;
import org.stemcheck.dsp.content.StemFeatures;

/**
 * {@code mix.reference} (info): which mix the stems were compared with, how deep they null, and
 * whether it carries mix-bus processing; or, where no file is named as a mix, that the stems were
 * compared with none, and which file is as loud as all the others together (a mix named "Song
 * FINAL v3.wav" is taken for a stem).
 */
final class ReferenceCheck extends MixCheck {

    /** Another mix nulling this much less deep than the reference differs by processing on the mix bus. */
    static final double OTHER_MIX_DB = 20.0;

    /**
     * A file within this much of the power of all the others together, overall and band by band,
     * may be their mix: stems that do not correlate add their powers; a kick and a bass, or a
     * doubled part, add up to 3 dB more.
     */
    static final double MIX_LEVEL_DB = 3.0;

    ReferenceCheck() {
        super("mix.reference", "the reference mix, the null depth of the stems against it, mix-bus processing");
    }

    @Override
    public Set<Measurement<?>> needs() {
        Set<Measurement<?>> all = new LinkedHashSet<>(super.needs());
        all.add(Measurement.FEATURES);
        return Set.copyOf(all);
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        boolean mixNamed = !ctx.files(Role.MIXDOWN).isEmpty()
                || ctx.files().stream().anyMatch(f -> Roles.isMixName(f.name()));
        if (ctx.nullTest().isPresent() || mixNamed) {
            return super.run(ctx);
        }
        List<StemFile> stems = ctx.readableStems();
        if (stems.size() < 2) {
            return List.of();
        }
        String msg = "no file of the delivery is named as a mix (Title_Mix, mixdown, master ...), so the stems were"
                + " not compared with one: no mix.* check ran";
        return List.of(Finding.info(id(), msg + likelyMix(ctx, stems).orElse(""))
                .withFix("add the reference mix bounced with the stems, named as a mix (or name it to stemcheck:"
                        + " StemSet.mixdown, --mixdown on the command line)"));
    }

    /**
     * The file as loud as all the others together, within {@link #MIX_LEVEL_DB}, overall and in
     * every band where they hold a hundredth of their power (a mix holds every stem's content;
     * a bass stem as loud as the rest has nothing of the lead's band), said as a hint.
     */
    private static Optional<String> likelyMix(CheckContext ctx, List<StemFile> stems) {
        int n = stems.size();
        double[][] bands = new double[n][];
        double[] power = new double[n];
        for (int i = 0; i < n; i++) {
            Optional<StemFeatures.Result> r = ctx.measurement(stems.get(i), Measurement.FEATURES);
            if (r.isEmpty() || !Double.isFinite(r.get().rmsDbfs())) {
                return Optional.empty();
            }
            power[i] = Math.pow(10, r.get().rmsDbfs() / 10);
            StemFeatures.Bands b = r.get().bands();
            bands[i] = new double[] {b.sub(), b.low(), b.lowMid(), b.presence(), b.high(), b.air()};
        }
        int c = 0;
        for (int i = 1; i < n; i++) {
            c = power[i] > power[c] ? i : c;
        }
        double others = 0;
        double[] othersIn = new double[bands[c].length];
        for (int i = 0; i < n; i++) {
            if (i != c) {
                others += power[i];
                for (int b = 0; b < othersIn.length; b++) {
                    othersIn[b] += power[i] * bands[i][b];
                }
            }
        }
        double margin = Math.pow(10, -MIX_LEVEL_DB / 10);
        boolean level = n >= 3 && Math.abs(10 * Math.log10(power[c] / others)) <= MIX_LEVEL_DB;
        for (int b = 0; level && b < othersIn.length; b++) {
            level = othersIn[b] < 0.01 * others || power[c] * bands[c][b] >= margin * othersIn[b];
        }
        if (!level) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "; %s is as loud as all the other files together (%.1f dBFS RMS"
                + " against %.1f), band by band: if it is the mix, name it so", stems.get(c).name(),
                10 * Math.log10(power[c]), 10 * Math.log10(others)));
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
