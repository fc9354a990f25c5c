package org.stemcheck.core.nulltest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stemcheck.core.testing.Findings.problems;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Report;
import org.stemcheck.core.testing.Dev101;
import org.stemcheck.core.testing.KeepNullTest;

/**
 * A stem printed without its insert reverb: in the mix its dry part is turned down by the
 * effect's dry/wet and a tail follows it. Fitting the stem a few dB lower leaves as much of its
 * part unexplained as it corrects, so that level is no fader: no {@code mix.gain}, and no finding
 * on any other stem; the residual names the stem as rendered with other effects. A stem
 * whose balance moved keeps its {@code mix.gain} next to an unexplained part: what its own part
 * leaves is its balance.
 */
class InsertEffectTest {

    private static final String VOCALS = Dev101.stem("Vocals");

    /** The dry part's gain in the mix: -2.5 dB, as LMMS's Plate2x2 left the trumpet of ReggaetonTry. */
    private static final double DRY = Math.pow(10, -2.5 / 20);

    @Test
    void aStemWithoutItsInsertReverbIsNoFaderMove(@TempDir Path tmp) throws IOException {
        Path dir = Dev101.cleanWithMixProcessing(tmp, VOCALS, x -> plate(x, 0.25));
        AtomicReference<NullTestResult> result = new AtomicReference<>();
        Report r = KeepNullTest.check(dir, result);

        StemComparison vocals = result.get().stems().stream()
                .filter(s -> s.file().name().equals(VOCALS)).findFirst().orElseThrow();
        // The fit still reads the vocal louder than its dry part in the mix: the evidence is there,
        // it is its interpretation that the check withholds.
        assertThat(vocals.gain().levelErrorDb()).as("fitted level").isGreaterThan(1.0);
        assertThat(result.get().unexplained()).isTrue();
        assertThat(r.findings()).as("findings").noneMatch(f -> f.code().equals("mix.gain"));
        // What is left is the vocal as the mix holds it, through its plate: the residual names the
        // vocal as another render with other effects, and nothing else.
        Finding n = r.findings().stream().filter(f -> f.code().equals("mix.null")).findFirst().orElseThrow();
        assertThat(n.message()).contains("where Vocals carries content").contains("other effects or settings");
        assertThat(r.findings()).noneMatch(f -> f.code().equals("set.missing-stem"));
        assertThat(problems(r)).as("problems").allSatisfy(f ->
                assertThat(f.files()).isSubsetOf(Set.of("mixdown.wav", VOCALS)));
    }

    @Test
    void aStemWithItsBalanceMovedNextToUnexplainedHissIsStillNamed(@TempDir Path tmp) throws IOException {
        // A hiss in the mix that no stem carries (a part of the mix unexplained, 20 dB under it)
        // and GtrKeys exported with its balance moved: left 7 dB down, right 1 dB (the channel gains
        // explain under 6 dB of the residual, so it is judged as a level, as LMMS FinalStep's kick
        // panned 50 %). Its part leaves a residual of its own, the balance, which is no reason to
        // doubt its level.
        Path dir = Dev101.cleanWithMixBus(tmp, m -> withHiss(m, -20.0));
        Path gtr = dir.resolve(Dev101.stem("GtrKeys"));
        double[][] x = Dev101.read(gtr);
        java.nio.file.Files.delete(gtr);
        Dev101.write(gtr, new double[][] {Dev101.times(new double[][] {x[0]}, Math.pow(10, -7.0 / 20))[0],
                Dev101.times(new double[][] {x[1]}, Math.pow(10, -1.0 / 20))[0]});
        AtomicReference<NullTestResult> result = new AtomicReference<>();
        Report r = KeepNullTest.check(dir, result);

        assertThat(result.get().unexplained()).isTrue();
        assertThat(r.findings()).as("findings").anyMatch(f -> f.code().equals("mix.gain")
                && f.files().equals(List.of(Dev101.stem("GtrKeys"))));
        assertThat(problems(r)).as("problems").allSatisfy(f -> assertThat(f.files())
                .isSubsetOf(Set.of("mixdown.wav", Dev101.stem("GtrKeys"))));
        // The hiss beside it is still content no stem carries, read past the balance's own residual
        // (which the per-band fit on GtrKeys takes up): a missing effect at about its level.
        Finding fx = r.findings().stream().filter(f -> f.code().equals("mix.missing-fx")).findFirst().orElseThrow();
        assertThat(fx.measurements().get("residual_db")).isCloseTo(-20.0, org.assertj.core.data.Offset.offset(2.5));
    }

    @Test
    void aDiffusePartNoStemCarriesIsAMissingEffectFromThirtyDecibelsUnder(@TempDir Path tmp) throws IOException {
        // Hiss 26 dB under the mix, different in each channel: diffuse, as a reverb return is, and
        // under the -14 dB share at which a centred part is named, over the -30 dB of a diffuse one.
        Path dir = Dev101.cleanWithMixBus(tmp, m -> withHiss(m, -26.0));
        Report r = KeepNullTest.check(dir, new AtomicReference<>());

        Finding fx = r.findings().stream().filter(f -> f.code().equals("mix.missing-fx")).findFirst().orElseThrow();
        assertThat(fx.measurements().get("residual_db")).isCloseTo(-26.0, org.assertj.core.data.Offset.offset(1.5));
        assertThat(problems(r)).as("problems").allSatisfy(f -> assertThat(f.files()).containsExactly("mixdown.wav"));
    }

    /** The mix with white noise {@code db} under its own power added (a fixed seed). */
    private static double[][] withHiss(double[][] mix, double db) {
        double power = 0;
        for (double[] ch : mix) {
            for (double v : ch) {
                power += v * v;
            }
        }
        double rms = Math.sqrt(power / (mix.length * (double) mix[0].length)) * Math.pow(10, db / 20);
        java.util.Random random = new java.util.Random(7);
        double[][] y = new double[mix.length][];
        for (int c = 0; c < mix.length; c++) {
            y[c] = mix[c].clone();
            for (int t = 0; t < y[c].length; t++) {
                y[c][t] += rms * random.nextGaussian();
            }
        }
        return y;
    }

    /**
     * The stem through a plate-like reverb: its dry part at {@link #DRY}, plus a tail from four
     * feedback combs and two all-passes per channel (Schroeder's structure), each channel with its
     * own delays so that the tail is wide, {@code wet} its level.
     */
    static double[][] plate(double[][] x, double wet) {
        int[][] combs = {{1557, 1617, 1491, 1422}, {1277, 1356, 1188, 1116}};
        int[][] passes = {{225, 556}, {341, 441}};
        double[][] y = new double[x.length][];
        for (int c = 0; c < x.length; c++) {
            double[] mono = new double[x[c].length];
            for (double[] ch : x) {
                for (int t = 0; t < mono.length; t++) {
                    mono[t] += ch[t] / x.length;
                }
            }
            double[] tail = new double[mono.length];
            for (int d : combs[c % 2]) {
                double[] buf = new double[d];
                for (int t = 0; t < mono.length; t++) {
                    double out = buf[t % d];
                    buf[t % d] = mono[t] + 0.84 * out;
                    tail[t] += out / 4;
                }
            }
            for (int d : passes[c % 2]) {
                double[] buf = new double[d];
                for (int t = 0; t < tail.length; t++) {
                    double delayed = buf[t % d];
                    double in = tail[t] + 0.5 * delayed;
                    buf[t % d] = in;
                    tail[t] = delayed - 0.5 * in;
                }
            }
            y[c] = new double[x[c].length];
            for (int t = 0; t < y[c].length; t++) {
                y[c][t] = DRY * x[c][t] + wet * tail[t];
            }
        }
        return y;
    }
}
