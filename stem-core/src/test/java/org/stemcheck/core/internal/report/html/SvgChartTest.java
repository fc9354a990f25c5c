package org.stemcheck.core.internal.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.stemcheck.core.Plots.Series;

/** The chart helper: round ticks, thinning to one point per pixel column, floors and gaps, escaping. */
class SvgChartTest {

    @Test
    void linearTicksAreRoundAndCoverTheRange() {
        assertThat(Ticks.linear(-100, 0, 6)).containsExactly(-100.0, -80.0, -60.0, -40.0, -20.0, 0.0);
        assertThat(Ticks.linear(0, 6.5, 10)).containsExactly(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0);
        assertThat(Ticks.linear(0, 0, 5)).isEmpty();
    }

    @Test
    void logTicksAreOneTwoFivePerDecade() {
        assertThat(Ticks.logHertz(20, 24_000)).containsExactly(20.0, 50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0,
                5000.0, 10_000.0, 20_000.0);
    }

    @Test
    void aLongSeriesIsThinnedToAtMostOnePointPerPixelColumnKeepingThePeak() {
        int n = 200_000;
        double[] y = new double[n];
        java.util.Arrays.fill(y, -60);
        y[123_456] = -3; // one short peak must survive the thinning
        String svg = new SvgChart("t", "test", SvgChart.XAxis.SECONDS, "dB", -100, 0, 200)
                .line("a", Series.uniform(0, 1.0 / 48_000, y), 0).render();

        String d = path(svg, 0);
        assertThat(d.split("[ML]").length - 1).isLessThanOrEqualTo(1100);
        // The axis spans -60..0 dB (round ticks around the data); the -3 dB peak sits at y = 14 + 200 * 3 / 60.
        assertThat(d).contains(" 24.0");
    }

    @Test
    void silenceIsDrawnOnTheFloorAndNaNLeavesAGap() {
        double[] y = {-20, Double.NEGATIVE_INFINITY, -20, Double.NaN, -20, -20};
        String svg = new SvgChart("t", "test", SvgChart.XAxis.SECONDS, "dB", -100, 0, 200)
                .line("a", Series.uniform(0, 1, y), 0).render();

        String d = path(svg, 0);
        assertThat(d.chars().filter(c -> c == 'M').count()).as(d).isEqualTo(2);
        assertThat(d).contains(" 214.0"); // the floor: bottom of the plot area
        assertThat(svg).doesNotContain("NaN", "Infinity");
    }

    @Test
    void aSecondEmphasisedSeriesIsDashedSoTwoMixesLookApart() {
        Series s = Series.uniform(0, 1, new double[] {-20, -21, -22});
        String one = new SvgChart("t", "test", SvgChart.XAxis.SECONDS, "dB", -100, 0, 200).emphasised("mix", s).render();
        String two = new SvgChart("t", "test", SvgChart.XAxis.SECONDS, "dB", -100, 0, 200)
                .emphasised("mix", s).emphasised("instrumental", s).render();

        assertThat(one).doesNotContain("stroke-dasharray");
        assertThat(two).contains("stroke=\"#000000\" stroke-width=\"2.6\" stroke-dasharray=\"" + Legend.DASHES[1] + "\"");
    }

    @Test
    void aLeadInIsDottedInTheLinesOwnColourOverABandAndJoinsTheLine() {
        double[] x = {0.4, 1, 2, 3, 4, 5};
        double[] y = {-30, -25, -24, -20, -21, -22};
        String svg = new SvgChart("t", "test", SvgChart.XAxis.SECONDS, "LUFS", -70, 10, 200)
                .leadIn(3, "momentary", "dotted: momentary").line("a", Series.of(x, y), 0)
                .line("b", Series.of(new double[] {3.5, 5}, new double[] {-10, -10}), 0).render();

        assertThat(svg).contains("<rect class=\"leadin\"", ">momentary</text>", ">dotted: momentary</text>");
        String dotted = path(svg, 0);
        String line = path(svg, 1);
        assertThat(svg).contains("stroke=\"" + Legend.COLOURS[0] + "\" stroke-width=\"2\" stroke-linecap=\"round\" stroke-dasharray=\""
                + Legend.LEAD_IN_DASH + "\" d=\"" + dotted + "\"");
        assertThat(dotted.split("[ML]").length - 1).as("0.4 s to 3 s: four points").isEqualTo(4);
        String joint = dotted.substring(dotted.lastIndexOf('L') + 1);
        assertThat(line).as("the line goes on from the dotted part's last point").startsWith("M" + joint);
        // a line that starts after the lead-in is drawn whole, in its own colour, not dotted
        assertThat(svg).contains("stroke=\"" + Legend.COLOURS[1] + "\" stroke-width=\"1.8\" d=\"");
        assertThat(svg).doesNotContain("stroke=\"" + Legend.COLOURS[1] + "\" stroke-width=\"2\"");
    }

    @Test
    void loudnessUnderTheAbsoluteGateIsAGapNotALevelOnTheFloor() {
        double gate = PlotSections.LOUDNESS_FLOOR_LUFS;
        Series s = Series.uniform(0.1, 0.1, new double[] {gate - 20, Double.NEGATIVE_INFINITY, gate + 10, gate, gate - 0.1});

        Series drawn = PlotSections.belowGateAsGap(s);

        assertThat(drawn.y()).containsExactly(Double.NaN, Double.NaN, gate + 10, gate, Double.NaN);
        assertThat(drawn.x()).containsExactly(s.x());
    }

    @Test
    void legendTextIsEscaped() {
        String svg = new SvgChart("t", "a <b> & \"c\"", SvgChart.XAxis.LOG_HERTZ, "dB", -100, 0, 200)
                .line("x<y & \"z\"", Series.of(new double[] {100, 1000}, new double[] {-10, -20}), 0).render();

        assertThat(svg).contains("x&lt;y &amp; &quot;z&quot;", "a &lt;b&gt; &amp; &quot;c&quot;")
                .doesNotContain("x<y", "<b>");
    }

    private static String path(String svg, int index) {
        Matcher m = Pattern.compile("<path [^>]* d=\"([^\"]*)\"").matcher(svg);
        for (int i = 0; i <= index; i++) {
            assertThat(m.find()).isTrue();
        }
        return m.group(1);
    }
}
