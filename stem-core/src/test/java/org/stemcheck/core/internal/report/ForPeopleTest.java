package org.stemcheck.core.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.stemcheck.core.Finding.Span;
import org.stemcheck.core.testing.ProjectFiles;

class ForPeopleTest {

    @Test
    void twentyNullSegmentsWorstFirstBecomeFewStretchesInTimeOrder() {
        // what mix.null hands over: 100 ms segments, worst first, in three runs
        List<Span> worstFirst = new ArrayList<>();
        double[] starts = {62.3, 12.0, 62.4, 12.1, 62.2, 90.0, 12.2, 62.5, 12.3, 62.1};
        for (double s : starts) {
            worstFirst.add(new Span(s, Math.round((s + 0.1) * 10) / 10.0));
        }
        assertThat(ForPeople.spans(worstFirst)).containsExactly(new Span(12.0, 12.4), new Span(62.1, 62.6),
                new Span(90.0, 90.1));
    }

    @Test
    void spansApartByMoreThanTheGapStayApartAndOverlapsMerge() {
        assertThat(ForPeople.spans(List.of(new Span(1.0, 2.0), new Span(2.0 + 2 * ForPeople.MERGE_GAP_S, 3.0))))
                .hasSize(2);
        assertThat(ForPeople.spans(List.of(new Span(1.0, 5.0), new Span(2.0, 3.0)))).containsExactly(new Span(1.0, 5.0));
        assertThat(ForPeople.spans(List.of())).isEmpty();
    }

    @Test
    void textReportShowsMergedStretchesInTimeOrder() {
        String at = ReportText.where(List.of(new Span(30.1, 30.2), new Span(10.0, 10.1), new Span(10.1, 10.2)));
        assertThat(at).isEqualTo("10.000-10.200 s, 30.100-30.200 s");
    }

    @Test
    void measurementsAreNamedInWordsWithTheirUnitAndInternalOnesLeftOut() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("gain_db", 3.01);
        m.put("standard_error_db", 1e-6);
        m.put("scale", 1.41);
        m.put("true_peak_dbtp", 0.3);
        m.put("sample_peak_dbfs", -1.8);
        m.put("offset_samples", 576.0);
        m.put("duration_s", 6.0);
        m.put("files", 4.0);
        assertThat(ForPeople.measurements(m)).containsExactly(
                new ForPeople.Shown("gain", "dB", 3.01),
                new ForPeople.Shown("true peak", "dBTP", 0.3),
                new ForPeople.Shown("sample peak", "dBFS", -1.8),
                new ForPeople.Shown("offset", "samples", 576.0),
                new ForPeople.Shown("duration", "s", 6.0),
                new ForPeople.Shown("files", "", 4.0));
    }

    @Test
    void everyHiddenKeyIsOneTheChecksEmit() throws IOException {
        // a hidden key that no check emits (a typo, a renamed key) would hide nothing
        StringBuilder sources = new StringBuilder();
        try (Stream<Path> files = Files.walk(ProjectFiles.resolve("stem-core/src/main/java"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.append(Files.readString(p));
            }
        }
        assertThat(ForPeople.HIDDEN).allSatisfy(k -> assertThat(sources).contains("withMeasurement(\"" + k + "\""));
    }
}
