package org.stemcheck.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.testing.Delivery;
import org.stemcheck.core.testing.FaultyDelivery;
import org.stemcheck.io.WavWriter;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.file.Role;

/** The HTML report as text: self-contained, escaped, complete, with "not measured" where data is missing. */
class HtmlReportTest {

    @TempDir
    Path dir;

    private static final String NASTY = "Song_<b>Bass<i> & \"Co\"_120bpm.wav";

    @Test
    void pageIsSelfContainedAndLoadsNothing() throws IOException {
        FaultyDelivery d = FaultyDelivery.write(dir);
        String html = ReportFormat.html().toString(d.withPlots(StemSet.from(dir).run()));

        assertThat(html).startsWith("<!DOCTYPE html>").contains("Content-Security-Policy", "default-src 'none'");
        assertThat(html).doesNotContainPattern("(?i)<script|<link|<iframe|<img|@import|url\\((?!#)");
        assertThat(html).doesNotContainPattern("(?i)https?:|//[a-z]");
        assertThat(html).doesNotContain("NaN", "Infinity");
    }

    @Test
    void fileNamesAndMessagesAreEscapedEverywhere() throws IOException {
        double[] s = new double[4800];
        WavWriter.pcm(16).write(dir.resolve(NASTY), 48_000, s, s);
        for (String l : List.of("Drums", "Keys", "Vocals", "Pads")) {
            WavWriter.pcm(24).write(dir.resolve("Song_" + l + "_120bpm.wav"), 48_000, s, s);
        }
        Report r = StemSet.from(dir).run();
        r = r.withPlots(Plots.NONE.withLevel(NASTY, Plots.Series.uniform(0, 0.05, new double[] {-20, -21, -22})));
        String html = ReportFormat.html().toString(r);

        assertThat(html).doesNotContain("<b>Bass<i>", "& \"Co\"");
        assertThat(html).contains("Song_&lt;b&gt;Bass&lt;i&gt; &amp; &quot;Co&quot;_120bpm.wav",
                "Song_<wbr>&lt;b&gt;Bass&lt;i&gt; &amp; &quot;Co&quot;_<wbr>120bpm.<wbr>wav");
        // Every '&' starts an entity: nothing of the name got through raw.
        Matcher amp = Pattern.compile("&(?!amp;|lt;|gt;|quot;|#39;)").matcher(html);
        assertThat(amp.find()).as("a raw & in the page").isFalse();
    }

    @Test
    void verdictCountsFindingsAndTableAreThere() throws IOException {
        FaultyDelivery d = FaultyDelivery.write(dir);
        Report r = StemSet.from(dir).run();
        String html = ReportFormat.html().toString(d.withPlots(r));

        assertThat(r.passed()).isFalse();
        assertThat(html).contains("class=\"verdict failed\"", ">FAILED<");
        assertThat(html).contains("<b>" + r.count(Severity.ERROR) + "</b> error", "<b>" + r.count(Severity.WARNING) + "</b> warning");
        for (Finding f : r.findings()) {
            assertThat(html).contains(f.code());
            if (!f.fix().isEmpty()) {
                assertThat(html).contains("<b>Fix:</b>");
            }
        }
        assertThat(html).contains("format.bit-depth", "format.timecode", "format.length");
        for (StemFile f : r.files()) {
            assertThat(html).contains("<td class=\"name\">" + f.name().replaceAll("([_.-])", "$1<wbr>") + "<br><small>");
        }
        assertThat(html).contains("01:00:00.000", "01:00:00.500", "16-bit stereo");
        // Four plots drawn, none missing: one lane per file for the levels, then three charts.
        assertThat(count(html, "<svg class=\"chart lane\"")).isEqualTo(r.files().size());
        assertThat(count(html, "<svg class=\"chart\"")).isEqualTo(3);
        assertThat(html).doesNotContain("Not measured");
    }

    @Test
    void plotsWithoutDataSayNotMeasuredAndValuesShowADash() throws IOException {
        Delivery.clean().write(dir);
        // Only the checks that need no decoding: the files are not measured, so every value is a dash.
        List<Check> headerOnly = Checks.standard().stream()
                .filter(c -> c.needs().isEmpty()).toList();
        Report r = StemSet.from(dir).check(headerOnly).run();
        String html = ReportFormat.html().toString(r);

        assertThat(r.plots().isEmpty()).isTrue();
        assertThat(count(html, "class=\"missing\">Not measured")).isEqualTo(4);
        assertThat(html).contains(">PASSED<", "No findings");
        assertThat(html).doesNotContain("<svg");
        // peak, true peak, loudness, DC, bandwidth and effective bits of each of the 8 files
        assertThat(count(html, "<td class=\"r\">\u2014</td>")).isEqualTo(6 * r.files().size());
    }

    @Test
    void measurementsSpansAndFixOfAFindingAreShown() {
        Finding f = Finding.error("level.clipping", "Drums clips 12 times")
                .withFiles("Song_Drums_120bpm.wav")
                .withMeasurement("clipped_samples", 12)
                .withMeasurement("peak_dbfs", 0.0412)
                .withWhere(List.of(new Finding.Span(1.25, 1.5), new Finding.Span(61, 62.5)))
                .withFix("lower the drum bus by 1 dB");
        Report r = Report.of("d", "music", List.of(), Map.of(), Optional.empty(), List.of(f));
        String html = ReportFormat.html().toString(r);

        assertThat(html).contains("<dt>clipped</dt><dd>12\u00a0samples</dd>", "<dt>peak</dt><dd>0.0412\u00a0dBFS</dd>");
        assertThat(html).contains("1.25\u00a0s\u20131.5\u00a0s", "1:01.0\u20131:02.5");
        assertThat(html).contains("<b>Fix:</b> lower the drum bus by 1 dB");
    }

    @Test
    void internalMeasurementsAreLeftOutAndSpansShownMergedInTimeOrder() {
        Finding f = Finding.info("mix.reference", "mix.wav is the reference mix")
                .withFiles("mix.wav")
                .withMeasurement("null_db", -85.8)
                .withMeasurement("mixbus_processing", 1)
                .withMeasurement("passes", 2)
                .withMeasurement("reference_given", 0)
                .withMeasurement("standard_error_db", 0.000001368)
                .withWhere(List.of(new Finding.Span(30.2, 30.3), new Finding.Span(10.0, 10.1),
                        new Finding.Span(10.1, 10.2), new Finding.Span(30.1, 30.2)));
        String html = ReportFormat.html().toString(Report.of("d", "music", List.of(), Map.of(), Optional.empty(), List.of(f)));

        assertThat(html).contains("<dt>null</dt><dd>\u221285.8\u00a0dB</dd>")
                .doesNotContain("mixbus_processing", "passes", "reference_given", "standard_error", "0.000001368");
        assertThat(html).contains("10\u00a0s\u201310.2\u00a0s</span>, <span class=\"span\">30.1\u00a0s\u201330.3\u00a0s</span></p>");
        assertThat(ReportFormat.json().toString(Report.of("d", "music", List.of(), Map.of(), Optional.empty(), List.of(f))))
                .as("the JSON report keeps everything").contains("\"passes\"", "\"reference_given\"");
    }

    @Test
    void aSilentStemHasNoLoudnessLineAndTwoMixesAreDrawnApart() throws IOException {
        double[] tone = new double[48_000 * 5];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = 0.3 * Math.sin(2 * Math.PI * 220 * i / 48_000.0);
        }
        double[] silence = new double[tone.length];
        WavWriter.pcm(24).write(dir.resolve("Song_Keys_120bpm.wav"), 48_000, tone, tone);
        WavWriter.pcm(24).write(dir.resolve("Song_Perc_120bpm.wav"), 48_000, silence, silence);
        WavWriter.pcm(24).write(dir.resolve("mixdown.wav"), 48_000, tone, tone);
        WavWriter.pcm(24).write(dir.resolve("mixdown_instrumental.wav"), 48_000, tone, tone);
        Report r = StemSet.from(dir).run();
        Plots.Series silent = Plots.Series.uniform(0.1, 0.1, new double[] {Double.NaN, Double.NEGATIVE_INFINITY,
                Double.NEGATIVE_INFINITY});
        double[] level = new double[50];
        java.util.Arrays.fill(level, -20);
        level[0] = Double.NaN;
        Plots.Series keys = Plots.Series.uniform(0.1, 0.1, level);
        r = r.withPlots(Plots.NONE.withLoudness("Song_Perc_120bpm.wav", silent).withLoudness("Song_Keys_120bpm.wav", keys)
                .withLoudness("mixdown.wav", keys).withLoudness("mixdown_instrumental.wav", keys));
        String html = ReportFormat.html().toString(r);
        String loudness = html.substring(html.indexOf("<h3>Loudness</h3>"));

        assertThat(loudness).contains("No line for Perc: it is silent throughout.", "momentary loudness (400 ms window)");
        assertThat(loudness).contains("Keys", "mixdown.wav (mix)", "mixdown_instrumental.wav (mix)");
        // the two mixes: both black and thick, the second dashed
        Matcher mixes = Pattern.compile("stroke=\"#000000\" stroke-width=\"2.6\"( stroke-dasharray=\"[^\"]+\")?(?! stroke-linecap)")
                .matcher(loudness);
        List<String> dashes = new java.util.ArrayList<>();
        while (mixes.find()) {
            dashes.add(String.valueOf(mixes.group(1)));
        }
        assertThat(dashes).as("mix strokes (line and legend of each mix)")
                .containsExactlyInAnyOrder("null", "null", " stroke-dasharray=\"7 3\"", " stroke-dasharray=\"7 3\"");
    }

    /**
     * The loudness plot starts where the audio does: the momentary loudness from 0.4 s, drawn
     * dotted until the 3 s short-term window is full; a stem silent at the start has no level there.
     */
    @Test
    void theLoudnessPlotStartsWithTheAudioDottedUntilTheShortTermWindowIsFull() throws IOException {
        int rate = 48_000;
        double[] tone = new double[rate * 6];
        double[] late = new double[tone.length];
        int lateFrom = (int) (LATE_SECONDS * rate);
        for (int i = 0; i < tone.length; i++) {
            tone[i] = 0.3 * Math.sin(2 * Math.PI * 220 * i / (double) rate);
            late[i] = i < lateFrom ? 0 : 0.2 * Math.sin(2 * Math.PI * 330 * i / (double) rate);
        }
        double[] mix = new double[tone.length];
        for (int i = 0; i < mix.length; i++) {
            mix[i] = tone[i] + late[i];
        }
        WavWriter.pcm(24).write(dir.resolve("Song_Keys_120bpm.wav"), rate, tone, tone);
        WavWriter.pcm(24).write(dir.resolve("Song_Late_120bpm.wav"), rate, late, late);
        WavWriter.pcm(24).write(dir.resolve("mixdown.wav"), rate, mix, mix);
        Report r = StemSet.from(dir).run();

        Plots.Series keys = r.plots().loudness().get("Song_Keys_120bpm.wav");
        int first = 0;
        while (!Double.isFinite(keys.y(first))) {
            first++;
        }
        assertThat(keys.x(first)).as("first value: the end of the first 400 ms window").isCloseTo(0.4, within(1e-9));
        double steady = keys.y(keys.size() - 1); // short-term, 3 s of the steady tone
        assertThat(keys.y(first + 5)).as("momentary of a steady tone = its short-term").isCloseTo(steady, within(0.2));
        Plots.Series lateLine = r.plots().loudness().get("Song_Late_120bpm.wav");
        for (int i = 0; i < lateLine.size() && lateLine.x(i) <= LATE_SECONDS; i++) {
            assertThat(Double.isFinite(lateLine.y(i))).as("Late at %s s (silent)", lateLine.x(i)).isFalse();
        }

        String html = ReportFormat.html().toString(r);
        String loudness = html.substring(html.indexOf("<h3>Loudness</h3>"));
        loudness = loudness.substring(0, loudness.indexOf("</figure>"));
        assertThat(loudness).contains("class=\"leadin\"", "dotted: momentary (400 ms), until the 3 s window is full");
        // Keys (first stem, palette colour 0): a dotted part from 0.4 s, then the line itself
        String dotted = "stroke=\"" + FIRST_COLOUR + "\" stroke-width=\"2\" stroke-linecap=\"round\" stroke-dasharray=\"";
        Matcher keysDotted = Pattern.compile("<path fill=\"none\" stroke-linejoin=\"round\" " + Pattern.quote(dotted)
                + "[^\"]+\" d=\"M([0-9]+) ").matcher(loudness);
        assertThat(keysDotted.find()).as("a dotted lead-in for Keys").isTrue();
        double end = keys.x(keys.size() - 1);
        assertThat(Double.parseDouble(keysDotted.group(1))).as("it starts at 0.4 s")
                .isCloseTo(PLOT_LEFT + 0.4 / end * PLOT_WIDTH, within(1.0));
        Matcher lateDotted = Pattern.compile("stroke=\"" + SECOND_COLOUR + "\" stroke-width=\"2\" stroke-linecap=\"round\""
                + " stroke-dasharray=\"[^\"]+\" d=\"M([0-9]+) ").matcher(loudness);
        assertThat(lateDotted.find()).as("a dotted lead-in for Late").isTrue();
        assertThat(Double.parseDouble(lateDotted.group(1))).as("Late's line starts after its silence")
                .isGreaterThan(PLOT_LEFT + LATE_SECONDS / end * PLOT_WIDTH);
    }

    /**
     * The null-test plot splits the residual by cause: a lane per stem the diagnosis names, in the
     * stem's own colour and named with what was found, and a grey lane for the rest.
     */
    @Test
    void theNullTestPlotShowsALanePerBlamedStemInItsColourAndTheRestInGrey() throws IOException {
        double[] tone = new double[48_000 * 2];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = 0.3 * Math.sin(2 * Math.PI * 220 * i / 48_000.0);
        }
        WavWriter.pcm(24).write(dir.resolve("Song_Keys_120bpm.wav"), 48_000, tone, tone);
        WavWriter.pcm(24).write(dir.resolve("Song_Bass_120bpm.wav"), 48_000, tone, tone);
        WavWriter.pcm(24).write(dir.resolve("mixdown.wav"), 48_000, tone, tone);
        Report r = StemSet.from(dir).run();
        int n = 20;
        double[] residual = new double[n];
        double[] bass = new double[n];
        double[] rest = new double[n];
        java.util.Arrays.fill(residual, -40);
        java.util.Arrays.fill(bass, -43);
        java.util.Arrays.fill(rest, Double.NEGATIVE_INFINITY);
        Plots.Series mixLevel = Plots.Series.uniform(0.05, 0.1, new double[n]);
        Plots parts = r.plots().withResidual(Plots.Series.uniform(0.05, 0.1, residual), mixLevel)
                .withResidualParts(List.of(
                        new Plots.ResidualPart(Optional.of("Song_Bass_120bpm.wav"), "is 1.8 s shorter",
                                Plots.Series.uniform(0.05, 0.1, bass)),
                        new Plots.ResidualPart(Optional.empty(), "unexplained", Plots.Series.uniform(0.05, 0.1, rest))));
        int bassStyle = r.files().stream().filter(f -> f.role() != Role.MIXDOWN).map(StemFile::name).toList()
                .indexOf("Song_Bass_120bpm.wav");

        String html = ReportFormat.html().toString(r.withPlots(parts));
        String nulltest = html.substring(html.indexOf("<h3>Null test</h3>"));
        nulltest = nulltest.substring(0, nulltest.indexOf("</figure>"));

        assertThat(nulltest).contains("Where the residual comes from", ">Bass: is 1.8 s shorter</text>",
                ">unexplained</text>");
        assertThat(nulltest).as("Bass's lane in Bass's colour")
                .contains("fill=\"" + PALETTE[bassStyle] + "\"");
        assertThat(nulltest).as("the whole residual in grey, apart from every stem")
                .contains("stroke=\"" + NEUTRAL_GREY + "\"");
        assertThat(count(nulltest, "<svg class=\"chart lane\"")).as("one lane per part").isEqualTo(2);

        String without = ReportFormat.html().toString(r.withPlots(parts.withResidualParts(List.of())));
        assertThat(without).doesNotContain("Where the residual comes from", "aria-label=\"Part of the null residual");
    }

    /**
     * The generated faulty delivery's Keys stem is cut off at 4.2 s of 6 s: the diagnosis blames it,
     * and the plot gives it the residual after its end and nothing before, where the stems null.
     */
    @Test
    void aStemCutShortTakesTheResidualAfterItsEndInTheNullTestPlot() throws IOException {
        FaultyDelivery.write(dir);
        Report r = StemSet.from(dir).run();

        List<Plots.ResidualPart> parts = r.plots().residualParts();
        assertThat(parts).as("the diagnosis blames Keys").anySatisfy(p -> assertThat(p.file()).contains("Song_Keys_120bpm.wav"));
        Plots.ResidualPart keys = parts.stream().filter(p -> p.file().equals(Optional.of("Song_Keys_120bpm.wav")))
                .findFirst().orElseThrow();
        assertThat(keys.cause()).contains("shorter");
        Plots.ResidualPart rest = parts.get(parts.size() - 1);
        assertThat(rest.file()).isEmpty();
        Plots.Series residual = r.plots().residual().orElseThrow();
        double keysEnd = r.files().stream().filter(f -> f.name().equals("Song_Keys_120bpm.wav")).findFirst()
                .orElseThrow().durationSeconds();
        double after = 0;
        double keysAfter = 0;
        for (int i = 0; i < residual.size(); i++) {
            double total = Math.pow(10, residual.y(i) / 10);
            double k = Math.pow(10, keys.level().y(i) / 10);
            double other = Math.pow(10, rest.level().y(i) / 10);
            for (Plots.ResidualPart p : parts) {
                if (p != keys && p != rest) {
                    other += Math.pow(10, p.level().y(i) / 10);
                }
            }
            assertThat(k + other).as("the parts add up to the residual at %s s", residual.x(i))
                    .isCloseTo(total, within(1e-6 * total + 1e-30));
            if (residual.x(i) < keysEnd - 0.1) {
                assertThat(k).as("Keys' part before its end, at %s s", residual.x(i)).isEqualTo(0);
            } else if (residual.x(i) > keysEnd + 0.1) {
                after += total;
                keysAfter += k;
            }
        }
        assertThat(keysAfter).as("Keys' share of the residual after its end").isGreaterThan(0.9 * after);

        String html = ReportFormat.html().toString(r);
        assertThat(html).contains(">Keys: " + escaped(keys.cause()) + "</text>");
    }

    private static String escaped(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The charts' colours (Legend): the Okabe-Ito palette without its yellow, and the grey of no file. */
    static final String[] PALETTE = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"};
    static final String NEUTRAL_GREY = "#6B7580";

    /** Where the late stem of the loudness test starts to sound, seconds. */
    static final double LATE_SECONDS = 1.5;
    /** The plot area of every chart: x from 64 to 1080 px of the 1100 px view box (SvgChart). */
    static final double PLOT_LEFT = 64;
    static final double PLOT_WIDTH = 1016;
    /** The first two palette colours (Legend.COLOURS: Okabe-Ito blue and vermillion). */
    static final String FIRST_COLOUR = "#0072B2";
    static final String SECOND_COLOUR = "#D55E00";

    @Test
    void writeHtmlToAPathWritesTheSamePageInUtf8() throws IOException {
        Report r = Report.of("Déjà vu", "music", List.of(), Map.of(), Optional.empty(), List.of());
        Path file = dir.resolve("report.html");
        ReportFormat.html().write(r, file);

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(ReportFormat.html().toString(r)).contains("Déjà vu");
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
