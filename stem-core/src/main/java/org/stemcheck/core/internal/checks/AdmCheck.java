package org.stemcheck.core.internal.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.io.Adm;

/**
 * {@code format.adm}: an ADM Broadcast WAV file (ITU-R BS.2076 metadata in {@code axml}, the
 * BS.2088 {@code chna} track table): which track carries which ADM channel format (an info, a fact
 * for the recipient of an object-based or Atmos-style deliverable), and the structural faults a
 * recipient's ADM renderer trips over, each a warning on the file:
 *
 * <ul>
 *   <li>the {@code chna}'s {@code numTracks} is not the file's channel count;</li>
 *   <li>a {@code chna} entry names a track beyond the file's channels;</li>
 *   <li>a channel of the file has no {@code chna} entry (no ADM metadata says what it is);</li>
 *   <li>one audioTrackUID is given to two entries (a UID names one track; BS.2088-1 allows one
 *       track several UIDs, objects that take turns on it, so a repeated track index alone is
 *       not a fault);</li>
 *   <li>the {@code axml} refers to an audioTrackUID ({@code audioTrackUIDRef}) that the
 *       {@code chna} does not list, so no track carries it.</li>
 * </ul>
 *
 * The rest of the ADM (the whole BS.2076 model, common definitions) is not validated.
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
            f.metadata().adm().ifPresent(adm -> {
                out.add(finding(f, adm));
                out.addAll(structure(f, adm));
            });
        }
        return out;
    }

    /** The structural faults of the chna table against the file and the axml. */
    private List<Finding> structure(StemFile f, Adm adm) {
        List<Finding> out = new ArrayList<>();
        if (!adm.hasChna()) {
            return out;
        }
        int channels = f.format().orElseThrow().channels();
        if (adm.declaredTracks() != channels) {
            out.add(fault(f, String.format(Locale.ROOT, "%s: its chna chunk declares %d track%s (numTracks), the"
                            + " file has %d channel%s", f.name(), adm.declaredTracks(),
                            adm.declaredTracks() == 1 ? "" : "s", channels, channels == 1 ? "" : "s"),
                    "write the ADM again from the session so that chna counts the file's tracks")
                    .withMeasurement("chna_tracks", adm.declaredTracks())
                    .withMeasurement("channels", channels));
        }
        TreeSet<Integer> beyond = new TreeSet<>();
        TreeSet<Integer> covered = new TreeSet<>();
        Map<String, List<Integer>> byUid = new LinkedHashMap<>();
        for (Adm.Track t : adm.tracks()) {
            if (t.trackIndex() > channels) {
                beyond.add(t.trackIndex());
            } else {
                covered.add(t.trackIndex());
            }
            byUid.computeIfAbsent(t.uid(), k -> new ArrayList<>()).add(t.trackIndex());
        }
        if (!beyond.isEmpty()) {
            out.add(fault(f, String.format(Locale.ROOT, "%s: its chna table names track%s %s, beyond the file's %d"
                                    + " channel%s", f.name(), beyond.size() == 1 ? "" : "s", list(beyond), channels,
                            channels == 1 ? "" : "s"),
                    "write the ADM again so that each chna entry names one of the file's tracks")
                    .withMeasurement("tracks_beyond", beyond.size()));
        }
        TreeSet<Integer> bare = new TreeSet<>();
        for (int c = 1; c <= channels && adm.tracks().size() < Adm.MAX_ENTRIES; c++) {
            if (!covered.contains(c)) {
                bare.add(c);
            }
        }
        if (!bare.isEmpty() && !adm.tracks().isEmpty()) {
            out.add(fault(f, String.format(Locale.ROOT, "%s: track%s %s of its %d ha%s no chna entry: no ADM metadata"
                                    + " says what %s", f.name(), bare.size() == 1 ? "" : "s", list(bare), channels,
                            bare.size() == 1 ? "s" : "ve", bare.size() == 1 ? "it carries" : "they carry"),
                    "write the ADM again with an audioTrackUID for every track (or leave the unused tracks out)")
                    .withMeasurement("tracks_without_entry", bare.size()));
        }
        for (Map.Entry<String, List<Integer>> e : byUid.entrySet()) {
            if (e.getValue().size() > 1 && !e.getKey().isEmpty()) {
                out.add(fault(f, String.format(Locale.ROOT, "%s: its chna table gives audioTrackUID %s to %d entries"
                                        + " (tracks %s): a UID names one track", f.name(), e.getKey(),
                                e.getValue().size(), list(e.getValue())),
                        "write the ADM again so that each audioTrackUID is unique"));
            }
        }
        if (adm.hasAxml()) {
            TreeSet<String> missing = new TreeSet<>();
            for (String ref : adm.trackUidRefs()) {
                if (!byUid.containsKey(ref)) {
                    missing.add(ref);
                }
            }
            if (!missing.isEmpty()) {
                out.add(fault(f, String.format(Locale.ROOT, "%s: its axml refers to audioTrackUID%s %s, which the"
                                        + " chna table does not list: no track carries %s", f.name(),
                                missing.size() == 1 ? "" : "s", list(missing), missing.size() == 1 ? "it" : "them"),
                        "write the ADM again so that every audioTrackUIDRef of the axml has its chna entry")
                        .withMeasurement("missing_track_uids", missing.size()));
            }
        }
        return out;
    }

    private Finding fault(StemFile f, String message, String fix) {
        return Finding.warning(id(), message).withFiles(f.name()).withFix(fix);
    }

    /** At most {@link #LISTED} items, then how many more. */
    private static String list(java.util.Collection<?> items) {
        String head = items.stream().limit(LISTED).map(String::valueOf).collect(Collectors.joining(", "));
        return items.size() > LISTED ? head + " and " + (items.size() - LISTED) + " more" : head;
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
