package org.stemcheck.core.internal.checks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.file.Role;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.dsp.content.ContentDigest;
import org.stemcheck.dsp.content.Fingerprint;
import org.stemcheck.dsp.content.FingerprintMatch;

/**
 * {@code set.duplicate}: two files carry the same audio. Stems are compared with each other by
 * content digest (bit-identical audio, whatever the container: {@link ContentDigest}, a 128-bit
 * digest, not the SHA-256 of {@link Measurement#CONTENT_HASH}, which costs twice as much and adds
 * nothing within one delivery) and by fingerprint (the same audio at another gain or inverted:
 * {@link Fingerprint#MATCH_CORRELATION}); a stem is also compared with the mixdowns by digest (the
 * mix delivered as a stem). Silent stems are left to {@code level.silent}.
 */
final class DuplicateCheck extends BaseCheck {

    DuplicateCheck() {
        super("set.duplicate", "no two files carry the same audio");
    }

    @Override
    public Set<Measurement<?>> needs() {
        return Set.of(Measurement.SAMPLE_STATS, Measurement.CONTENT_DIGEST,
                Measurement.FINGERPRINT);
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        List<StemFile> stems = ctx.readableStems().stream().filter(f -> !Measured.silent(ctx, f)).toList();
        List<StemFile> mixes = ctx.files(Role.MIXDOWN).stream().filter(StemFile::readable).toList();
        List<Finding> out = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (int i = 0; i < stems.size(); i++) {
            StemFile a = stems.get(i);
            for (int j = i + 1; j < stems.size(); j++) {
                StemFile b = stems.get(j);
                compare(ctx, a, b, true).ifPresent(x -> {
                    out.add(x);
                    reported.add(b.name());
                });
            }
            if (!reported.contains(a.name())) {
                for (StemFile m : mixes) {
                    compare(ctx, a, m, false).ifPresent(out::add);
                }
            }
        }
        return out;
    }

    private Optional<Finding> compare(CheckContext ctx, StemFile a, StemFile b, boolean fingerprints) {
        Optional<ContentDigest.Result> ha = digest(ctx, a);
        Optional<ContentDigest.Result> hb = digest(ctx, b);
        if (ha.isPresent() && ha.equals(hb)) {
            return Optional.of(identical(a, b));
        }
        if (!fingerprints) {
            return Optional.empty();
        }
        Optional<Fingerprint> fa = ctx.measurement(a, Measurement.FINGERPRINT);
        Optional<Fingerprint> fb = ctx.measurement(b, Measurement.FINGERPRINT);
        if (fa.isEmpty() || fb.isEmpty()) {
            return Optional.empty();
        }
        return fa.get().match(fb.get()).map(m -> scaled(a, b, m));
    }

    private static Optional<ContentDigest.Result> digest(CheckContext ctx, StemFile f) {
        return ctx.measurement(f, Measurement.CONTENT_DIGEST);
    }

    private Finding identical(StemFile a, StemFile b) {
        boolean mix = b.role() == Role.MIXDOWN;
        String msg = mix
                ? a.displayLabel() + " holds the same audio as the mix " + b.name() + ": the mix was exported as a stem"
                : a.displayLabel() + " and " + b.displayLabel() + " hold the same audio (bit-identical samples)";
        return Finding.error(id(), msg)
                .withFiles(a.name(), b.name())
                .withMeasurement("gain_db", 0)
                .withFix("export " + (mix ? a.displayLabel() : "the right stem for " + b.displayLabel())
                        + " again from the session; one of the two files is the wrong track");
    }

    private Finding scaled(StemFile a, StemFile b, FingerprintMatch m) {
        String how = String.format(Locale.ROOT, "%s%s", Math.abs(m.gainDb()) < 0.05 ? "at the same level"
                : String.format(Locale.ROOT, "%+.1f dB", m.gainDb()), m.inverted() ? ", polarity inverted" : "");
        return Finding.error(id(), String.format(Locale.ROOT, "%s is a copy of %s (%s; correlation %.3f)",
                        b.displayLabel(), a.displayLabel(), how, Math.abs(m.correlation())))
                .withFiles(a.name(), b.name())
                .withMeasurement("gain_db", m.gainDb())
                .withMeasurement("inverted", m.inverted() ? 1 : 0)
                .withMeasurement("correlation", m.correlation())
                .withFix("export " + b.displayLabel() + " again from its own tracks; it holds the audio of "
                        + a.displayLabel());
    }
}
