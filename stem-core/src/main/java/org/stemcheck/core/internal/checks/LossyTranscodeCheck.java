package org.stemcheck.core.internal.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.internal.analysis.Shelf;
import org.stemcheck.core.internal.analysis.Transcodes;

/**
 * {@code content.lossy-transcode}: a PCM stem whose spectrum shows a codec's low-pass: a brick wall
 * between 15 and 20 kHz with nothing above it, while another file of the delivery (a stem or the
 * mix) without such a wall has content above that frequency, as the shared analysis
 * {@link Transcodes#FOUND} judges.
 */
final class LossyTranscodeCheck extends BaseCheck {

    LossyTranscodeCheck() {
        super("content.lossy-transcode", "no PCM stem went through a lossy codec (codec low-pass)");
    }

    @Override
    public Set<Measurement<?>> needs() {
        return Transcodes.NEEDS;
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        Map<String, Transcodes.Transcoded> found = ctx.analysis(Transcodes.FOUND);
        for (StemFile f : ctx.files()) {
            Transcodes.Transcoded t = found.get(f.name());
            if (t != null) {
                out.add(finding(f, t.wall(), t.other()));
            }
        }
        return out;
    }

    private Finding finding(StemFile f, Shelf wall, Transcodes.Other other) {
        return Finding.warning(id(), String.format(Locale.ROOT,
                        "%s looks transcoded from a lossy codec (MP3/AAC): its spectrum stops dead at %.1f kHz"
                                + " (%s fall within 1 kHz, nothing above) while %s has content up there",
                        f.displayLabel(), wall.hz() / 1000, Measured.db(wall.dropDb()), other.file().displayLabel()))
                .withFiles(f.name())
                .withMeasurement("cutoff_hz", wall.hz())
                .withMeasurement("drop_db", wall.dropDb())
                .withMeasurement("others_above_db", other.aboveDb() - wall.aboveDb())
                .withFix("export " + f.displayLabel() + " again from the session as WAV; if its source was an MP3"
                        + " (a sample, a bounce sent by e-mail), get the original");
    }
}
