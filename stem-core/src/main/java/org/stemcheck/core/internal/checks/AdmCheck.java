package org.stemcheck.core.internal.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.StemFile;
import org.stemcheck.io.Adm;

/**
 * {@code format.adm} (info): an ADM Broadcast WAV file (ITU-R BS.2076 metadata in {@code axml},
 * the BS.2088 {@code chna} track table): which track carries which ADM channel format. A fact for
 * the recipient (an object-based or Atmos-style deliverable), not a problem; the ADM is not
 * validated.
 */
final class AdmCheck extends BaseCheck {

    /** The most tracks named in the message; the rest are counted. */
    static final int LISTED = 16;

    AdmCheck() {
        super("format.adm", "notes ADM Broadcast WAV files and their channel formats");
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (StemFile f : readableAudio(ctx)) {
            f.metadata().adm().ifPresent(adm -> out.add(finding(f, adm)));
        }
        return out;
    }

    private Finding finding(StemFile f, Adm adm) {
        String chunks = adm.hasChna() && adm.hasAxml() ? "axml and chna" : adm.hasChna() ? "chna only" : "axml only";
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(LISTED, adm.tracks().size()); i++) {
            Adm.Track t = adm.tracks().get(i);
            String name = adm.channelFormatOf(t).map(n -> " " + n).orElse("");
            parts.add("track " + t.trackIndex() + name + " (" + t.uid() + ", " + t.trackFormatRef()
                    + (t.packFormatRef().isEmpty() ? "" : ", " + t.packFormatRef()) + ")");
        }
        if (adm.tracks().isEmpty() && !adm.channelFormats().isEmpty()) {
            parts.add("channel formats " + adm.channelFormats().stream().limit(LISTED).collect(Collectors.joining(", ")));
        }
        int more = adm.tracks().size() - LISTED;
        String list = parts.isEmpty() ? "no track is listed" : String.join("; ", parts) + (more > 0 ? "; and " + more
                + " more" : "");
        return Finding.info(id(), f.name() + " is an ADM BWF file (" + chunks + "): " + list)
                .withFiles(f.name())
                .withMeasurement("adm_tracks", adm.tracks().size())
                .withMeasurement("adm_channel_formats", adm.channelFormats().size())
                .withFix("nothing to do if the recipient takes ADM; the ADM metadata itself is not checked");
    }
}
