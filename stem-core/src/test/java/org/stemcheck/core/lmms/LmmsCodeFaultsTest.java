package org.stemcheck.core.lmms;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.Report;
import org.stemcheck.core.StemSet;
import org.stemcheck.core.testing.Dev101;
import org.stemcheck.core.testing.Json;
import org.stemcheck.io.WavWriter;

/**
 * Faults made in code on real material: each clean delivery of the LMMS corpus (real composers'
 * songs, rendered by LMMS; see {@link LmmsCorpusTest}) with its loudest stem changed the way an
 * export goes wrong (left out, 3 dB hot, polarity-inverted, 240 samples late, a DC offset). The
 * expected finding must name that stem (or the mix, for the stem left out) with its number, and
 * nothing may name another stem: the rules of {@link LmmsCorpusTest#judge}, with what the clean
 * render's truth.json allows (its own DC offsets, the excerpt's cut tails).
 *
 * <p>Tagged {@code lmms}: run with {@code -Plmms -Dstemcheck.lmmsCorpus=DIR}; skipped with a
 * message without a corpus.
 */
@Tag("lmms")
class LmmsCodeFaultsTest {

    /** A fader error the checks must give within half a dB (mix.gain's warning threshold). */
    private static final double GAIN_DB = 3.0;

    /** An export start 240 samples late (5.4 ms at 44.1 kHz): a typical plug-in latency left uncompensated. */
    private static final int SHIFT_SAMPLES = 240;

    /** A DC offset of +0.05 (-26 dBFS), far above level.dc-offset's -50 dBFS. */
    private static final double DC = 0.05;

    /**
     * Cases that fail today, with why; a listed case that passes fails, so the list only shrinks.
     * A repeating part (a 16th-note bass-and-beat loop, a gated sub) moved by 240 samples has
     * correlation peaks at every repetition and no clear one: the offset is not placed. A stem
     * that is most of the mix, left out, leaves the rest to take up some of it.
     */
    private static final Map<String, String> KNOWN = Map.of(
            "FinalStep/loudest stem 240 samples late", "a repeating loop: no clear correlation peak",
            "Socceroos/loudest stem left out", "a stereo-wide bass line left out reads as missing reverb");

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> faultsMadeInCodeOnEveryCleanRender() throws IOException {
        String dir = System.getProperty("stemcheck.lmmsCorpus", "");
        Path root = dir.isBlank() ? null : Path.of(dir);
        List<Path> cleans = new ArrayList<>();
        if (root != null && Files.isDirectory(root)) {
            try (Stream<Path> s = Files.list(root)) {
                s.map(p -> p.resolve("clean").resolve("truth.json")).filter(Files::isRegularFile).sorted()
                        .forEach(cleans::add);
            }
        }
        if (cleans.isEmpty()) {
            return LmmsCorpusTest.noCorpus(root);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Path truth : cleans) {
            String song = truth.getParent().getParent().getFileName().toString();
            tests.add(test(song, "loudest stem left out", () -> run(song, truth, "removed", null)));
            tests.add(test(song, "loudest stem +3 dB", () -> run(song, truth, "gain", Dev101.gainDb(GAIN_DB))));
            tests.add(test(song, "loudest stem inverted", () -> run(song, truth, "polarity", Dev101::invert)));
            tests.add(test(song, "loudest stem 240 samples late",
                    () -> run(song, truth, "shift", Dev101.shift(SHIFT_SAMPLES))));
            tests.add(test(song, "loudest stem with DC", () -> run(song, truth, "dc", Dev101.dc(DC))));
        }
        return tests.stream();
    }

    /** One case, held to {@link #KNOWN}. */
    private static DynamicTest test(String song, String what, org.junit.jupiter.api.function.Executable check) {
        String name = song + "/" + what;
        return DynamicTest.dynamicTest(name, () -> {
            String known = KNOWN.get(name);
            if (known == null) {
                check.execute();
                return;
            }
            try {
                check.execute();
            } catch (AssertionError expected) {
                Assumptions.abort("known failure (" + known + "): " + expected.getMessage());
            }
            fail(name + " passes but is listed as a known failure: take it off KNOWN");
        });
    }

    @SuppressWarnings("unchecked")
    private void run(String song, Path truthFile, String fault, UnaryOperator<double[][]> change) throws IOException {
        Map<String, Object> clean = (Map<String, Object>) Json.parse(Files.readString(truthFile));
        Map<String, Object> stems = (Map<String, Object>) clean.get("stems");
        Path src = truthFile.getParent();
        String loudest = loudest(src, stems.keySet());
        Path dir = Files.createDirectories(tmp.resolve(song + "-" + fault));
        try (Stream<Path> s = Files.list(src)) {
            for (Path p : (Iterable<Path>) s.filter(p -> p.toString().endsWith(".wav"))::iterator) {
                if (!p.getFileName().toString().equals(loudest)) {
                    Files.copy(p, dir.resolve(p.getFileName()));
                }
            }
        }
        if (change != null) {
            int rate = (int) Math.round(org.stemcheck.io.AudioFiles.open(src.resolve(loudest)).format().sampleRate());
            WavWriter.float32().write(dir.resolve(loudest), rate, change.apply(Dev101.read(src.resolve(loudest))));
        }
        Map<String, Object> truth = new HashMap<>(clean);
        truth.put("variant", "code-" + fault);
        // As on the corpus's faulted deliveries: mix.null naming only the mix is no false finding.
        List<Object> allowed = new ArrayList<>((List<Object>) clean.getOrDefault("allowed", List.of()));
        allowed.add(Map.of("code", "mix.null", "file", ((Map<String, Object>) clean.get("mix")).get("file")));
        if ("gain".equals(fault)) {
            // 3 dB more can push the stem's own peaks over the true-peak ceiling: true of that file.
            allowed.add(Map.of("code", "level.true-peak", "file", loudest));
        }
        truth.put("allowed", allowed);
        List<String> innocent = new ArrayList<>(stems.keySet());
        innocent.remove(loudest);
        truth.put("innocent_files", innocent);
        truth.put("expected", List.of(expected(fault, loudest)));
        Report report = StemSet.from(dir).run();
        List<String> problems = LmmsCorpusTest.judge(truth, report);
        if (!problems.isEmpty()) {
            fail(String.format("%s, %s on %s:%n  %s%nall findings: %s", song, fault, loudest,
                    String.join("\n  ", problems), report.findings()));
        }
    }

    private static Map<String, Object> expected(String fault, String stem) {
        return new HashMap<>(switch (fault) {
            case "removed" -> Map.of("code", "set.missing-stem");
            case "gain" -> Map.of("code", "mix.gain", "file", stem, "measurement", "gain_db", "value", GAIN_DB,
                    "tolerance", 0.5);
            case "polarity" -> Map.of("code", "mix.polarity", "file", stem);
            case "shift" -> Map.of("code", "mix.offset", "file", stem, "measurement", "offset_samples",
                    "value", SHIFT_SAMPLES, "tolerance", 1.0);
            case "dc" -> Map.of("code", "level.dc-offset", "file", stem);
            default -> throw new IllegalArgumentException(fault);
        });
    }

    /** The stem with the most energy. */
    private static String loudest(Path dir, Iterable<String> stems) throws IOException {
        String best = null;
        double most = -1;
        for (String s : stems) {
            double e = 0;
            for (double[] ch : Dev101.read(dir.resolve(s))) {
                for (double v : ch) {
                    e += v * v;
                }
            }
            if (e > most) {
                most = e;
                best = s;
            }
        }
        return best;
    }
}
