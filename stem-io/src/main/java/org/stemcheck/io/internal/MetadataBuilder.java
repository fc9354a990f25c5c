package org.stemcheck.io.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.stemcheck.io.Adm;
import org.stemcheck.io.Bext;
import org.stemcheck.io.ChunkInfo;
import org.stemcheck.io.CuePoint;
import org.stemcheck.io.Metadata;

/**
 * Collects metadata during a chunk walk. A one-shot stream adds chunks after the audio while a
 * consumer may already read {@link #snapshot()}, so access is synchronised.
 */
public final class MetadataBuilder {

    private Bext bext;
    private String ixml;
    private Adm adm;
    private final Map<String, String> info = new LinkedHashMap<>();
    private final List<CuePoint> cues = new ArrayList<>();
    private final Map<Long, String> labels = new LinkedHashMap<>();
    private final List<ChunkInfo> chunks = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    public synchronized void chunk(ChunkInfo c) {
        chunks.add(c);
    }

    public synchronized void bext(Bext b) {
        this.bext = b;
    }

    public synchronized boolean hasBext() {
        return bext != null;
    }

    public synchronized void ixml(String xml) {
        this.ixml = xml;
    }

    /** Merges what one ADM chunk ({@code chna} or {@code axml}) holds into what the other gave. */
    public synchronized void adm(Adm part) {
        if (adm == null) {
            adm = part;
            return;
        }
        adm = new Adm(part.hasChna() ? part.tracks() : adm.tracks(),
                part.hasChna() ? part.declaredTracks() : adm.declaredTracks(),
                part.hasAxml() ? part.channelFormats() : adm.channelFormats(),
                part.hasAxml() ? part.channelFormatIds() : adm.channelFormatIds(),
                adm.hasAxml() || part.hasAxml(), adm.hasChna() || part.hasChna(),
                part.hasAxml() ? part.trackUidRefs() : adm.trackUidRefs());
    }

    public synchronized void info(String key, String value) {
        info.putIfAbsent(key, value);
    }

    public synchronized void cue(long id, long sampleOffset) {
        cues.add(new CuePoint(id, sampleOffset, ""));
    }

    public synchronized void label(long cueId, String text) {
        labels.put(cueId, text);
    }

    public synchronized void warn(String warning) {
        warnings.add(warning);
    }

    public synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    public synchronized Metadata snapshot() {
        List<CuePoint> labelled = new ArrayList<>(cues.size());
        for (CuePoint c : cues) {
            labelled.add(new CuePoint(c.id(), c.sampleOffset(), labels.getOrDefault(c.id(), "")));
        }
        return new Metadata(Optional.ofNullable(bext), Optional.ofNullable(ixml), info, labelled, chunks,
                Optional.ofNullable(adm));
    }
}
