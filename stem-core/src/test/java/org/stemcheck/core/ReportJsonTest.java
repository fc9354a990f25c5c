package org.stemcheck.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.testing.Delivery;
import org.stemcheck.core.testing.Json;
import org.stemcheck.core.testing.SchemaValidator;
import org.stemcheck.io.testing.TestData;

/** Reports written as JSON follow docs/report.schema.json and the key order of FINDINGS.md. */
class ReportJsonTest {

    static SchemaValidator schema;

    @TempDir
    Path dir;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void loadSchema() throws IOException {
        schema = new SchemaValidator((Map<String, Object>) Json.parse(Files.readString(schemaFile())));
    }

    /** docs/report.schema.json, found from the module folder (Maven) or the project root (an IDE). */
    static Path schemaFile() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("docs").resolve("report.schema.json");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/report.schema.json not found above " + Path.of("").toAbsolutePath());
    }

    private static Map<String, Object> validated(Report r) {
        String json = ReportFormat.json().toString(r);
        assertThat(json).doesNotContain("NaN", "Infinity").doesNotContain("\n");
        Object parsed = Json.parse(json);
        assertThat(schema.validate(parsed)).as(json).isEmpty();
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) parsed;
        return m;
    }

    @Test
    void cleanDev101ReportIsValid() {
        Map<String, Object> json = validated(StemSet.from(TestData.require("songs/dev101/clean")).run());
        assertThat((List<?>) json.get("files")).hasSize(10);
        @SuppressWarnings("unchecked")
        Map<String, Object> reference = (Map<String, Object>) json.get("reference");
        assertThat(reference).containsEntry("file", "mixdown_nobus.wav").containsEntry("mixbus_processing", false);
        assertThat(((Number) reference.get("null_db")).doubleValue()).isLessThan(-110.0);
    }

    @Test
    void reportOfAFaultyFolderIsValidAndKeepsTheKeyOrderOfFindingsMd() throws IOException {
        Delivery d = Delivery.clean();
        d.file("Bass").rate = 44_100;
        d.file("Bass").timeReference = 3600L * 44_100;
        d.file("Vocals").bits = 16;
        d.file("Keys").name = "keys final v2 \"really\".wav";
        d.write(dir);
        Files.write(dir.resolve("Song_Lead_120bpm.wav"), BadFilesTest.fakeMp3());
        Files.write(dir.resolve("Song_Empty_120bpm.wav"), new byte[0]);
        BadFilesTest.writeTruncated(dir.resolve("Song_Cut_120bpm.wav"));

        Map<String, Object> json = validated(StemSet.from(dir).run());

        assertThat(json.keySet()).containsExactly("schema", "tool", "delivery", "spec", "files", "reference",
                "findings", "summary");
        @SuppressWarnings("unchecked")
        Map<String, Object> file = ((List<Map<String, Object>>) json.get("files")).get(0);
        assertThat(file.keySet()).containsExactly("file", "role", "label", "title", "bpm", "container", "encoding",
                "sample_rate", "bit_depth", "channels", "layout", "speakers", "frames", "duration_s", "time_reference",
                "peak_dbfs", "true_peak_dbtp", "rms_dbfs", "integrated_lufs", "dc_dbfs", "effective_bits", "bandwidth_hz");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> findings = (List<Map<String, Object>>) json.get("findings");
        assertThat(findings).isNotEmpty();
        assertThat(findings.get(0).keySet()).containsExactly("code", "severity", "files", "message", "measurements",
                "where", "fix");
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) json.get("summary");
        assertThat(summary.keySet()).containsExactly("errors", "warnings", "infos", "passed");
        assertThat(summary.get("passed")).isEqualTo(false);
        assertThat(((Number) summary.get("errors")).intValue()).as("errors among %s", findings).isEqualTo(5);
    }

    @Test
    @SuppressWarnings("unchecked")
    void numbersThatAreNotFiniteAreWrittenAsNullAndStringsAreEscaped() {
        Finding odd = Finding.warning("acme.odd", "a \"quoted\" back\\slash, a tab\t, a bell \u0007 and \u00e9\u2028")
                .withFiles("we\"ird\\name.wav")
                .withMeasurement("nan", Double.NaN)
                .withMeasurement("inf", Double.POSITIVE_INFINITY)
                .withMeasurement("tiny", 1.5e-7)
                .withMeasurement("big", 3.0e20)
                .withWhere(List.of(new Finding.Span(0.5, 1.25)))
                .withFix("none");
        Report.Reference ref = new Report.Reference("mixdown.wav", OptionalDouble.of(Double.NaN), Optional.of(true));
        Report r = Report.of("d", "music", List.of(), Map.of(), Optional.of(ref), List.of(odd));

        Map<String, Object> json = validated(r);

        @SuppressWarnings("unchecked")
        Map<String, Object> f = ((List<Map<String, Object>>) json.get("findings")).get(0);
        assertThat(f.get("message")).isEqualTo(odd.message());
        assertThat((List<Object>) f.get("files")).containsExactly("we\"ird\\name.wav");
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) f.get("measurements");
        assertThat(m).containsEntry("nan", null).containsEntry("inf", null);
        assertThat(((Number) m.get("tiny")).doubleValue()).isEqualTo(1.5e-7);
        assertThat(((Number) m.get("big")).doubleValue()).isEqualTo(3.0e20);
        assertThat(f.get("where").toString()).isEqualTo("[[0.5, 1.25]]");
        @SuppressWarnings("unchecked")
        Map<String, Object> reference = (Map<String, Object>) json.get("reference");
        assertThat(reference).containsEntry("null_db", null).containsEntry("mixbus_processing", true);
    }

    @Test
    void theValidatorRejectsWhatTheSchemaForbids() {
        String good = ReportFormat.json().toString(Report.of("d", "music", List.of(), Map.of(), Optional.empty(), List.of()));
        assertThat(schema.validate(Json.parse(good))).isEmpty();

        List<String> broken = new ArrayList<>();
        broken.add(good.replace("\"reference\":null,", ""));
        broken.add(good.replace("\"errors\":0", "\"errors\":-1"));
        broken.add(good.replace("\"passed\":true", "\"passed\":\"yes\""));
        broken.add(good.replace("\"spec\":\"music\"", "\"spec\":\"music\",\"extra\":1"));
        broken.add(good.replace("\"findings\":[]", "\"findings\":[{\"code\":\"Bad Code\",\"severity\":\"error\","
                + "\"files\":[],\"message\":\"m\",\"measurements\":{},\"where\":[],\"fix\":null}]"));
        for (String b : broken) {
            assertThat(schema.validate(Json.parse(b))).as(b).isNotEmpty();
        }
        assertThatThrownBy(() -> Json.parse(good.replace("\"errors\":0", "\"errors\":NaN")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
