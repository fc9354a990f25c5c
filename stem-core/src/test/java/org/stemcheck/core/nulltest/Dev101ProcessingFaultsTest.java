package org.stemcheck.core.nulltest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stemcheck.core.testing.Findings.problems;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.DoublePredicate;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Report;
import org.stemcheck.core.StemSet;
import org.stemcheck.core.testing.BusChain;
import org.stemcheck.core.testing.Dev101;
import org.stemcheck.io.testing.Verbose;

/**
 * Processing faults made in code with the test kit's own EQ and compressor ({@link BusChain}) on
 * the clean dev101 delivery: the Drums stem delivered without the bus processing the mix has on
 * it. The mix is re-summed from the stems with the Drums processed; the Drums stem is delivered
 * as it was.
 */
class Dev101ProcessingFaultsTest {

    private static final String DRUMS = Dev101.stem("Drums");
    private static final String MIX = "mixdown.wav";
    private static final double RATE = Dev101.RATE;

    /** The drum bus the mix has and the delivered stem lacks: +1.5 dB low shelf at 80 Hz, +2 dB high shelf at 8 kHz ... */
    static final double LOW_SHELF_HZ = 80;
    static final double LOW_SHELF_DB = 1.5;
    static final double HIGH_SHELF_HZ = 8000;
    static final double HIGH_SHELF_DB = 2.0;
    /** ... and a 3:1 compressor from 4 dB under the drums' 95th-percentile 10 ms level (-21.1 dBFS): the hits, 5 dB at most. */
    static final double COMP_THRESHOLD_DBFS = -25.0;
    static final double COMP_RATIO = 3.0;
    static final double COMP_ATTACK_MS = 10;
    static final double COMP_RELEASE_MS = 120;
    static final double COMP_MAKEUP_DB = 1.0;

    /** The check's thresholds (internal.nulltest.Thresholds): an EQ end is named from half of 0.75 dB; compression from 1 dB. */
    private static final double NAMED_END_DB = 0.375;
    private static final double COMPRESSION_DB = 1.0;

    /** Third-octave centres (IEC 61260-1 base 10) the bus-shape reading averages, as {@code BusShape}. */
    private static final double[] CENTRES = IntStream.rangeClosed(-15, 12).mapToDouble(n -> 1000 * Math.pow(10, n / 10.0)).toArray();

    static Report check(Path dir) {
        Report r = StemSet.from(dir).run();
        r.findings().forEach(f -> Verbose.println("  " + f + " " + f.measurements()));
        return r;
    }

    static double[][] eq(double[][] x) {
        return BusChain.highShelf(BusChain.lowShelf(x, RATE, LOW_SHELF_HZ, LOW_SHELF_DB), RATE, HIGH_SHELF_HZ, HIGH_SHELF_DB);
    }

    static UnaryOperator<double[][]> compressor() {
        return x -> {
            double[] gr = new double[1];
            double[][] y = BusChain.compress(x, RATE, COMP_THRESHOLD_DBFS, COMP_RATIO, COMP_ATTACK_MS, COMP_RELEASE_MS,
                    COMP_MAKEUP_DB, gr);
            Verbose.printf("  drum bus compressor: max gain reduction %.2f dB%n", gr[0]);
            return y;
        };
    }

    /** The two shelves' response averaged over the bands of one end, minus the mids' (250 Hz-4 kHz), dB: what the reading should give. */
    static double expectedEnd(DoublePredicate end) {
        return mean(end) - mean(c -> c >= 250 && c <= 4000);
    }

    private static double mean(DoublePredicate bands) {
        return java.util.Arrays.stream(CENTRES).filter(bands)
                .map(f -> BusChain.shelfResponseDb(RATE, LOW_SHELF_HZ, LOW_SHELF_DB, false, f)
                        + BusChain.shelfResponseDb(RATE, HIGH_SHELF_HZ, HIGH_SHELF_DB, true, f))
                .average().orElseThrow();
    }

    private static final DoublePredicate LOW_END = c -> c >= 31 && c <= 80;
    private static final DoublePredicate HIGH_END = c -> c >= 10_000 && c <= 16_500;

    /** Only the bus finding on Drums and the null it leaves in the mix; nothing on any other file. */
    private static void onlyBusProcessingOnDrums(Report r) {
        assertThat(problems(r)).extracting(Finding::code).containsOnly("mix.bus-processing", "mix.null");
        assertThat(problems(r)).allSatisfy(x -> assertThat(x.files()).containsExactly(
                x.code().equals("mix.null") ? MIX : DRUMS));
    }

    @Test
    void drumsWithoutTheirBusEqAndCompressorAreBusProcessingOnDrumsOnly(@TempDir Path tmp) throws IOException {
        Report r = check(Dev101.cleanWithMixProcessing(tmp, DRUMS, x -> compressor().apply(eq(x))));

        Finding f = Dev101FaultsTest.only(r, "mix.bus-processing", DRUMS);
        assertThat(f.message()).startsWith("Drums lacks bus processing the mix applies to it: about +")
                .contains("dB low shelf, about +").contains("dB high shelf, ").contains("dB less compression");
        // The high shelf reads its true shape over the same bands; the low end is pulled down by the
        // compressor, which turns the kick (the low bands' loudest content) down most.
        assertThat(f.measurements().get("high_shelf_db")).isCloseTo(expectedEnd(HIGH_END), Offset.offset(0.1));
        assertThat(f.measurements().get("low_shelf_db")).isBetween(NAMED_END_DB, expectedEnd(LOW_END));
        assertThat(f.measurements().get("loud_reduction_db")).isGreaterThan(COMPRESSION_DB);
        onlyBusProcessingOnDrums(r);
    }

    @Test
    void drumsWithoutTheirBusEqAreBusProcessingReadingBothShelves(@TempDir Path tmp) throws IOException {
        Report r = check(Dev101.cleanWithMixProcessing(tmp, DRUMS, Dev101ProcessingFaultsTest::eq));

        Finding f = Dev101FaultsTest.only(r, "mix.bus-processing", DRUMS);
        assertThat(f.measurements().get("low_shelf_db")).isCloseTo(expectedEnd(LOW_END), Offset.offset(0.1));
        assertThat(f.measurements().get("high_shelf_db")).isCloseTo(expectedEnd(HIGH_END), Offset.offset(0.1));
        assertThat(f.message()).contains("low shelf", "high shelf").doesNotContain("compression");
        onlyBusProcessingOnDrums(r);
    }

    @Test
    void drumsWithoutTheirCompressorAreBusProcessingNotAMissingStem(@TempDir Path tmp) throws IOException {
        Report r = check(Dev101.cleanWithMixProcessing(tmp, DRUMS, compressor()));

        Finding f = Dev101FaultsTest.only(r, "mix.bus-processing", DRUMS);
        assertThat(f.message()).contains("less compression").doesNotContain("shelf");
        assertThat(f.measurements().get("loud_reduction_db")).isGreaterThan(COMPRESSION_DB);
        onlyBusProcessingOnDrums(r);
    }

    /**
     * A mix-bus chain of our own: gentle shelves (+1 dB at 90 Hz, +1.5 dB at 12 kHz), a 2:1 glue
     * compressor from -20 dBFS (25 ms / 200 ms, +2 dB makeup) and a look-ahead limiter with 6 dB
     * of drive, a -1 dBFS ceiling (2 ms look-ahead, 60 ms release), as dev101's own mix bus.
     */
    static final double CEILING_DBFS = -1.0;

    static double[][] mixBus(double[][] x) {
        double[][] y = BusChain.highShelf(BusChain.lowShelf(x, RATE, 90, 1.0), RATE, 12_000, 1.5);
        y = BusChain.compress(y, RATE, -20.0, 2.0, 25, 200, 2.0, null);
        return BusChain.limit(y, RATE, 6.0, CEILING_DBFS, 2.0, 60, null);
    }

    @Test
    void everyStemThroughTheMixBusChainShareTheLimiterCeiling(@TempDir Path tmp) throws IOException {
        Report r = check(Dev101.cleanWithEveryStem(tmp, Dev101ProcessingFaultsTest::mixBus));

        Finding f = Dev101FaultsTest.only(r, "level.mixbus-processing", DRUMS);
        assertThat(f.files()).contains(DRUMS, Dev101.stem("Vocals")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(f.measurements().get("ceiling_dbfs")).isCloseTo(CEILING_DBFS, Offset.offset(0.1));
        assertThat(f.message()).contains("peak at one ceiling, -1.0 dBFS", "mix-bus limiter");
        // The null test: every stem carries the same ~8 dB of drive and makeup against the
        // unprocessed mix, which it takes as processing common to every stem (mix.null info, no
        // per-stem gain error) and names both explanations.
        assertThat(problems(r)).extracting(Finding::code).containsOnly("level.mixbus-processing", "level.true-peak");
        assertThat(r.reference()).hasValueSatisfying(ref -> {
            assertThat(ref.file()).isEqualTo("mixdown_nobus.wav");
            assertThat(ref.mixbusProcessing()).contains(true);
        });
        Finding ref = Dev101FaultsTest.only(r, "mix.reference", "mixdown_nobus.wav");
        assertThat(ref.message()).contains("louder than in it", "level.mixbus-processing");
        assertThat(ref.measurements().get("common_gain_db")).isBetween(6.0, 10.0);
    }

    @Test
    void cleanStemsAgainstAMixThroughTheMixBusChainAreNoError(@TempDir Path tmp) throws IOException {
        Report r = check(Dev101.cleanWithMixBus(tmp, Dev101ProcessingFaultsTest::mixBus));

        assertThat(problems(r)).isEmpty();
        assertThat(r.reference()).hasValueSatisfying(ref -> {
            assertThat(ref.file()).isEqualTo(MIX);
            assertThat(ref.mixbusProcessing()).contains(true);
        });
        assertThat(Dev101FaultsTest.only(r, "mix.reference", MIX).message()).contains("it carries mix-bus processing");
    }
}
