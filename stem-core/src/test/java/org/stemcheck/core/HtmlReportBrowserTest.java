package org.stemcheck.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.testing.Chromium;
import org.stemcheck.core.testing.Dev101;
import org.stemcheck.core.testing.FaultyDelivery;

/**
 * The HTML report of a faulty generated delivery, loaded in headless Chromium: it must render
 * without a single console message (no script error, no blocked load) and give a screenshot.
 * The screenshot is kept in {@code target/report.png}; run with
 * {@code -Dstemcheck.updateScreenshot=true} to copy it to {@code docs/img/report.png}.
 */
class HtmlReportBrowserTest {

    /** The committed screenshot must stay small (README image). */
    static final long MAX_SCREENSHOT_BYTES = 500_000;

    @TempDir
    Path dir;

    @Test
    void faultyDeliveryRendersWithoutConsoleErrorsAndGivesAScreenshot() throws IOException {
        Path scratch = Files.createDirectories(Path.of("target", "chromium"));
        Path chromium = Chromium.require(scratch);
        Path delivery = scratch.resolve("Song delivery"); // relative: the page's title shows it as given
        deleteFolder(delivery);
        Files.createDirectories(delivery);
        FaultyDelivery d = FaultyDelivery.write(delivery);
        Report r = d.withPlots(StemSet.from(delivery).run());
        Path page = scratch.resolve("report.html");
        ReportFormat.html().write(r, page);

        Chromium.Run dom = Chromium.load(chromium, page, scratch, "--dump-dom");
        assertThat(dom.console()).as("console messages").isEmpty();
        assertThat(dom.status()).isZero();
        assertThat(dom.stdout()).contains("FAILED", "format.timecode", "Song_Vocals_120bpm.wav", "</svg>");

        Path png = scratch.resolve("report.png");
        Files.deleteIfExists(png);
        Chromium.Run shot = Chromium.load(chromium, page, scratch, "--screenshot=" + png.toAbsolutePath(),
                "--window-size=1280,2400");
        assertThat(shot.console()).as("console messages").isEmpty();
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        assertThat((long) bytes.length).isBetween(20_000L, MAX_SCREENSHOT_BYTES);
        if (Boolean.getBoolean("stemcheck.updateScreenshot")) {
            Path docs = Path.of("..", "docs", "img");
            Files.createDirectories(docs);
            Files.copy(png, docs.resolve("report.png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A real faulty delivery (dev101 without its FX stem), with the plots the engine measured itself. */
    @Test
    void faultyDev101DeliveryRendersEveryPlotWithoutConsoleErrors() throws IOException {
        Path scratch = Files.createDirectories(Path.of("target", "chromium"));
        Path chromium = Chromium.require(scratch);
        Path delivery = Dev101.variant("missing_fx", Files.createDirectory(dir.resolve("missing_fx")));
        Report r = StemSet.from(delivery).run();
        Path page = scratch.resolve("dev101-missing-fx.html");
        ReportFormat.html().write(r, page);

        Chromium.Run dom = Chromium.load(chromium, page, scratch, "--dump-dom");

        assertThat(dom.console()).as("console messages").isEmpty();
        assertThat(dom.status()).isZero();
        assertThat(dom.stdout()).contains("FAILED", "mix.missing-fx", "DistantHarbor_Drums_86bpm.wav");
        assertThat(r.plots().levels()).as("level lanes").containsKeys("DistantHarbor_Drums_86bpm.wav", "mixdown.wav");
        assertThat(r.plots().spectra()).as("spectra").containsKey("DistantHarbor_Drums_86bpm.wav");
        assertThat(r.plots().residual()).as("null residual over time").isPresent();
        assertThat(dom.stdout().split("</svg>", -1).length - 1).as("inline SVG plots").isGreaterThanOrEqualTo(3);
    }

    /** The check above is not vacuous: a page that tries to load something shows console lines. */
    @Test
    void aPageThatTriesToFetchSomethingIsCaughtByTheConsoleScan() throws IOException {
        Path scratch = Files.createDirectories(Path.of("target", "chromium"));
        Path chromium = Chromium.require(scratch);
        String page = ReportFormat.html().toString(Report.of("d", "music", List.of(), Map.of(), Optional.empty(), List.of()))
                .replace("</main>", "<img src=\"http://stemcheck.invalid/x.png\"></main>");
        Path file = dir.resolve("fetching.html");
        Files.writeString(file, page);

        Chromium.Run run = Chromium.load(chromium, file, scratch, "--dump-dom");

        assertThat(run.console()).isNotEmpty().anySatisfy(l -> assertThat(l).contains("Content Security Policy"));
    }

    private static void deleteFolder(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
