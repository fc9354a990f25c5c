package org.stemcheck.core.internal.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.internal.diagnosis.Thresholds;
import org.stemcheck.core.nulltest.NullTestResult;
import org.stemcheck.dsp.content.StemFeatures;

/**
 * {@code level.mixbus-processing}: the stems went through the mix-bus chain. The sign is a shared
 * limiter ceiling: two or more stems peaking at the same level just under full scale, with at
 * least {@link #MIN_STEMS_HELD} of them held at that level again and again (a flat-topped peak
 * histogram; one when {@link #MIN_STEMS_AT_ONE_HELD} share the ceiling) or, when
 * a reference mix is present, one held and the stems together far louder than the mix (shared
 * makeup gain).
 * One stem at a ceiling is a bus limiter on that stem, which is fine; equal peaks alone can be
 * peak normalisation and are not reported either. Quiet stems seldom reach a mix-bus limiter
 * (only the loud ones are held at its ceiling), so the null test is the second witness: one stem
 * held at a ceiling while every stem sits the same {@link Thresholds#MAKEUP_EXCESS_DB} or more above its
 * level in the mix (the chain's makeup gain, {@code MixBus#commonGainDb()}). It is also the witness
 * against: stems that sum to the mix carry no chain the mix went through once.
 */
final class MixbusProcessingCheck extends BaseCheck {

    /** Limiter ceilings used for delivery lie between -3 dBFS and just below 0 (EBU R128 s1 asks -1 dBTP). */
    static final double CEILING_MIN_DBFS = -3.0;
    static final double CEILING_MAX_DBFS = -0.05;
    /** Stems share a ceiling when their peaks lie within 0.1 dB (a limiter holds its ceiling tighter). */
    static final double CEILING_TOLERANCE_DB = 0.1;
    /** Held at the ceiling: at least 5 of the 100 ms windows reach it (dev101: clean stems 1-2, limited Drums 10) ... */
    static final long MIN_WINDOWS_AT_CEILING = 5;
    /** ... and at least 5 % of them (a long file has a few loud spots by chance) ... */
    static final double MIN_SHARE_AT_CEILING = 0.05;
    /**
     * ... while those windows differ in RMS level by at least 3 dB: louder and softer passages pinned
     * to one peak is gain riding; a steady tone has the same peak everywhere without any limiter.
     */
    static final double MIN_LEVEL_SPREAD_AT_CEILING_DB = 3.0;

    /**
     * Without the makeup witness, at least this many stems of the shared ceiling must be held at
     * it, or {@link #MIN_STEMS_AT_ONE_HELD} must share it: one stem held at its peak is as often a
     * drum sample that repeats bit for bit (LMMS CapDan-TwilightArea's snare: its peak in 12 of
     * 240 windows) beside one other stem whose peak falls within 0.1 dB of it by chance (its bass,
     * held nowhere), which a native render of 13 tracks showed.
     */
    static final int MIN_STEMS_HELD = 2;
    /**
     * ... or this many stems share the ceiling with one held: three peaks within 0.1 dB in the
     * 3 dB of the ceiling range are no chance (a steady stem pinned by a limiter, a held vocal,
     * has no level spread to be counted as held: three stems through one limiter, one held).
     */
    static final int MIN_STEMS_AT_ONE_HELD = 3;

    MixbusProcessingCheck() {
        super("level.mixbus-processing", "the stems do not carry mix-bus processing (a shared limiter ceiling, makeup gain)");
    }

    @Override
    public Set<Measurement<?>> needs() {
        return Set.of(Measurement.FEATURES, Measurement.NULL_TEST);
    }

    /** One stem and its features. */
    private record Measured(StemFile file, StemFeatures.Result features) {
        double peak() {
            return features.peakDbfs();
        }
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        List<Measured> stems = new ArrayList<>();
        for (StemFile f : ctx.readableStems()) {
            ctx.measurement(f, Measurement.FEATURES)
                    .ifPresent(r -> stems.add(new Measured(f, r)));
        }
        if (ctx.nullTest().filter(MixbusProcessingCheck::sumToTheMix).isPresent()) {
            return List.of();
        }
        List<Measured> ceiling = sharedCeiling(stems);
        if (ceiling.size() < 2) {
            return makeupInEveryStem(ctx, stems);
        }
        List<Measured> held = ceiling.stream().filter(MixbusProcessingCheck::heldAtPeak).toList();
        if (held.isEmpty()) {
            // Peaks that meet without a stem held there are a coincidence or a normalisation, even
            // beside a mix quieter than the stems (its master fader: LMMS Surrender-Main, Arp and
            // KickI at -1.21 and -1.26 dBFS, the mix turned down 5.1 dB into its own limiter).
            return makeupInEveryStem(ctx, stems);
        }
        OptionalDouble excess = makeupExcess(ctx, stems);
        boolean makeup = excess.isPresent() && excess.getAsDouble() > Thresholds.MAKEUP_EXCESS_DB;
        boolean pinned = held.size() >= MIN_STEMS_HELD || ceiling.size() >= MIN_STEMS_AT_ONE_HELD;
        if (!pinned && !makeup) {
            return List.of();
        }
        return List.of(finding(ceiling, held, makeup ? excess : OptionalDouble.empty()));
    }

    /**
     * The null test's witness against: the stems, each at its fitted gain, sum to the reference mix
     * (they null to {@link Thresholds#NULL_WARNING_DB} or deeper), so the mix is a linear mix of
     * them, at most behind a master fader. A mix-bus chain printed into every stem cannot do that
     * against the mix that went through it once (the limiter of the sum is not a sum of the limited
     * stems); whatever ceiling the stems share is their own (a limiter or a normalisation per
     * track), and the mix was made from them as they are.
     */
    private static boolean sumToTheMix(NullTestResult r) {
        return Double.isFinite(r.nullDb()) && r.nullDb() <= Thresholds.NULL_WARNING_DB;
    }

    /**
     * The null test's witness: the mix carries processing common to every stem, the stems at
     * least {@link Thresholds#MAKEUP_EXCESS_DB} louder than in it, and a stem held at a ceiling.
     */
    private List<Finding> makeupInEveryStem(CheckContext ctx, List<Measured> stems) {
        Optional<NullTestResult> r = ctx.nullTest();
        List<Measured> held = stems.stream()
                .filter(m -> m.peak() >= CEILING_MIN_DBFS && m.peak() <= CEILING_MAX_DBFS && heldAtPeak(m)).toList();
        if (r.isEmpty() || held.isEmpty() || !r.get().mixBus().processed()
                || !(r.get().mixBus().commonGainDb() >= Thresholds.MAKEUP_EXCESS_DB)) {
            return List.of();
        }
        double gain = r.get().mixBus().commonGainDb();
        Measured most = held.stream().max((a, b) -> Long.compare(a.features().hopsNearPeak(), b.features().hopsNearPeak()))
                .orElseThrow();
        List<String> files = r.get().stems().stream().map(c -> c.file().name()).toList();
        return List.of(Finding.error(id(), String.format(Locale.ROOT,
                        "every stem is %.1f dB louder than in %s, and %s is held at a ceiling of %.1f dBFS (in %d of %d"
                                + " 100 ms windows): the stems were exported through the mix-bus chain (its makeup gain"
                                + " and limiter)", gain, r.get().mix().name(), most.file().displayLabel(), most.peak(),
                        most.features().hopsNearPeak(), most.features().hops()))
                .withFiles(files)
                .withMeasurement("ceiling_dbfs", most.peak())
                .withMeasurement("stems_over_mix_db", gain)
                .withMeasurement("windows_at_ceiling", most.features().hopsNearPeak())
                .withFix("export the stems again with the mix-bus (master) chain bypassed; mastering applies it once"));
    }

    /** The largest group of stems whose peaks lie within the tolerance below the group's top, in the ceiling range. */
    static List<Measured> sharedCeiling(List<Measured> stems) {
        List<Measured> inRange = stems.stream()
                .filter(m -> m.peak() >= CEILING_MIN_DBFS && m.peak() <= CEILING_MAX_DBFS).toList();
        List<Measured> best = List.of();
        for (Measured top : inRange) {
            List<Measured> group = inRange.stream()
                    .filter(m -> m.peak() <= top.peak() && m.peak() >= top.peak() - CEILING_TOLERANCE_DB).toList();
            if (group.size() > best.size()) {
                best = group;
            }
        }
        return best;
    }

    /**
     * Held at its peak: enough windows reach it, at levels far enough apart, each with a peak of its
     * own. Windows whose peaks are one drum sample again, sample for sample, count once: LMMS
     * Skiessi-C64's kick and snare, each one sample replayed and normalised alike, reached their
     * peaks (0.03 dB apart) in 32 and 37 of 322 windows, 32 of them identical in each.
     */
    static boolean heldAtPeak(Measured m) {
        long at = m.features().hopsNearPeakDistinct();
        return at >= MIN_WINDOWS_AT_CEILING && at >= MIN_SHARE_AT_CEILING * m.features().hops()
                && m.features().nearPeakLevelSpreadDb() >= MIN_LEVEL_SPREAD_AT_CEILING_DB;
    }

    /** How much louder (dB) the stems' summed power is than the reference mix's, when there is one. */
    private static OptionalDouble makeupExcess(CheckContext ctx, List<Measured> stems) {
        Optional<StemFeatures.Result> mix = ctx.reference()
                .flatMap(ref -> ctx.measurement(ref, Measurement.FEATURES));
        if (mix.isEmpty() || !Double.isFinite(mix.get().rmsDbfs()) || stems.isEmpty()) {
            return OptionalDouble.empty();
        }
        double power = 0;
        for (Measured m : stems) {
            if (Double.isFinite(m.features().rmsDbfs())) {
                power += Math.pow(10, m.features().rmsDbfs() / 10);
            }
        }
        return power > 0 ? OptionalDouble.of(10 * Math.log10(power) - mix.get().rmsDbfs()) : OptionalDouble.empty();
    }

    private Finding finding(List<Measured> ceiling, List<Measured> held, OptionalDouble excess) {
        double level = ceiling.stream().mapToDouble(Measured::peak).max().orElseThrow();
        StringBuilder msg = new StringBuilder(String.format(Locale.ROOT, "%s peak at one ceiling, %.1f dBFS (within %.1f dB)",
                names(ceiling), level, CEILING_TOLERANCE_DB));
        Measured most = held.stream().max((a, b) -> Long.compare(a.features().hopsNearPeak(), b.features().hopsNearPeak()))
                .orElse(null);
        if (most != null) {
            msg.append(String.format(Locale.ROOT, "; %s reaches it in %d of %d 100 ms windows", most.file().displayLabel(),
                    most.features().hopsNearPeak(), most.features().hops()));
        }
        excess.ifPresent(e -> msg.append(String.format(Locale.ROOT, "; together the stems are %.1f dB louder than the mix", e)));
        msg.append(": they were exported through the mix-bus limiter");
        Finding f = Finding.error(id(), msg.toString())
                .withFiles(ceiling.stream().map(m -> m.file().name()).toList())
                .withMeasurement("ceiling_dbfs", level)
                .withMeasurement("stems_at_ceiling", ceiling.size())
                .withMeasurement("windows_at_ceiling", most == null ? 0 : most.features().hopsNearPeak())
                .withFix("export the stems again with the mix-bus (master) chain bypassed; mastering applies it once");
        return excess.isPresent() ? f.withMeasurement("stems_over_mix_db", excess.getAsDouble()) : f;
    }

    /** "Drums and Vocals", "Drums, Bass and Vocals". */
    private static String names(List<Measured> ms) {
        List<String> n = ms.stream().map(m -> m.file().displayLabel()).toList();
        if (n.size() == 1) {
            return n.get(0);
        }
        return String.join(", ", n.subList(0, n.size() - 1)) + " and " + n.get(n.size() - 1);
    }
}
