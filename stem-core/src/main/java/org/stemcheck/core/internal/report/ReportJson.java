package org.stemcheck.core.internal.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

import org.stemcheck.core.Finding;
import org.stemcheck.core.Report;
import org.stemcheck.core.Severity;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.io.AudioFormat;

/** Writes a {@link Report} as {@code stemcheck-report/1} JSON, keys in the order of FINDINGS.md. */
public final class ReportJson {

    /** The measured per-file fields of FINDINGS.md, in order; {@code null} until measured. */
    public static final List<String> MEASURED_FIELDS = List.of("peak_dbfs", "true_peak_dbtp", "rms_dbfs",
            "integrated_lufs", "dc_dbfs", "effective_bits", "bandwidth_hz");

    private ReportJson() {
    }

    public static void write(Report r, Writer out) throws IOException {
        JsonWriter j = new JsonWriter(out);
        j.beginObject();
        j.name("schema").value(Report.SCHEMA);
        j.name("tool").beginObject().name("name").value("stemcheck").name("version").value(Report.TOOL_VERSION).endObject();
        j.name("delivery").value(r.delivery());
        j.name("spec").value(r.spec());
        j.name("files").beginArray();
        for (StemFile f : r.files()) {
            file(j, f, r.measured(f.name()));
        }
        j.endArray();
        j.name("reference");
        reference(j, r);
        j.name("findings").beginArray();
        for (Finding f : r.findings()) {
            finding(j, f);
        }
        j.endArray();
        j.name("summary").beginObject()
                .name("errors").value(r.count(Severity.ERROR))
                .name("warnings").value(r.count(Severity.WARNING))
                .name("infos").value(r.count(Severity.INFO))
                .name("passed").value(r.passed())
                .endObject();
        j.endObject();
        out.flush();
    }

    private static void file(JsonWriter j, StemFile f, Map<String, Double> measured) throws IOException {
        AudioFormat fmt = f.format().orElse(null);
        j.beginObject();
        j.name("file").value(f.name());
        j.name("role").value(f.role().jsonName());
        j.name("label").value(f.label().orElse(null));
        j.name("title").value(f.title().orElse(null));
        j.name("bpm").value(f.bpm().isPresent() ? (Number) f.bpm().getAsDouble() : null);
        j.name("container").value(f.container().orElse(null));
        j.name("encoding").value(fmt == null ? null : Formats.encodingName(fmt));
        j.name("sample_rate").value(fmt == null ? null : (Number) fmt.sampleRate());
        j.name("bit_depth").value(fmt == null ? null : (Number) fmt.validBits());
        j.name("channels").value(fmt == null ? null : (Number) fmt.channels());
        j.name("layout").value(f.layout().map(l -> l.name()).orElse(null));
        j.name("speakers");
        if (f.layout().isEmpty()) {
            j.nullValue();
        } else {
            j.beginArray();
            for (String s : f.layout().get().speakers()) {
                j.value(s);
            }
            j.endArray();
        }
        j.name("frames").value(fmt == null ? null : (Number) f.frames());
        j.name("duration_s").value(fmt == null ? null : (Number) f.durationSeconds());
        j.name("time_reference").value(f.timeReference().orElse(null));
        for (String key : MEASURED_FIELDS) {
            j.name(key).value(measured.get(key));
        }
        j.endObject();
    }

    private static void reference(JsonWriter j, Report r) throws IOException {
        if (r.reference().isEmpty()) {
            j.nullValue();
            return;
        }
        Report.Reference ref = r.reference().get();
        j.beginObject();
        j.name("file").value(ref.file());
        j.name("null_db").value(ref.nullDb().isPresent() ? (Number) ref.nullDb().getAsDouble() : null);
        j.name("mixbus_processing");
        if (ref.mixbusProcessing().isPresent()) {
            j.value(ref.mixbusProcessing().get());
        } else {
            j.nullValue();
        }
        j.endObject();
    }

    private static void finding(JsonWriter j, Finding f) throws IOException {
        j.beginObject();
        j.name("code").value(f.code());
        j.name("severity").value(Formats.severityName(f.severity()));
        j.name("files").beginArray();
        for (String file : f.files()) {
            j.value(file);
        }
        j.endArray();
        j.name("message").value(f.message());
        j.name("measurements").beginObject();
        for (Map.Entry<String, Double> e : f.measurements().entrySet()) {
            j.name(e.getKey()).value(e.getValue());
        }
        j.endObject();
        j.name("where").beginArray();
        for (Finding.Span s : f.where()) {
            j.beginArray().value(s.startSeconds()).value(s.endSeconds()).endArray();
        }
        j.endArray();
        j.name("fix").value(f.fix().isEmpty() ? null : f.fix());
        j.endObject();
    }
}
