package org.stemcheck.dsp.set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** An offset search fed mono downmixes reads what it reads from the channels. */
class OffsetSearchTest {

    private static final double[][][] STEMS = Stems.standard();
    private static final double[][] MIX = Signals.mix(STEMS);
    /** Blocks of the set pass's size (8192), so that a block straddles the decimator's 4096. */
    private static final int BLOCK = 8192;

    /**
     * The drift probe's range (0.1 s: the decimated search) and one too small to decimate
     * (4 ms: one full-rate stage), the drums moved within each.
     */
    @ParameterizedTest
    @CsvSource({"0.1, 240", "0.1, -1000", "0.004, 5", "0.004, -60"})
    void monoDownmixesGiveTheOffsetsOfTheChannels(double range, int delay) {
        double[][][] stems = Stems.with(STEMS, Stems.DRUMS, Stems.map(STEMS[Stems.DRUMS], x -> Signals.delay(x, delay)));
        NullTest.Setup setup = new NullTest.Setup(Signals.RATE, stems.length, MIX.length, range);
        OffsetSearch channels = OffsetSearch.create(setup);
        OffsetSearch mono = OffsetSearch.create(setup);
        int n = MIX[0].length;
        for (int at = 0; at < n; at += BLOCK) {
            int len = Math.min(BLOCK, n - at);
            channels.accept(stems, MIX, at, len);
            double[][] m = new double[stems.length][];
            for (int i = 0; i < stems.length; i++) {
                m[i] = sum(stems[i], at, len);
            }
            mono.acceptMono(m, sum(MIX, at, len), len);
        }

        List<StemOffset> a = channels.offsets();
        List<StemOffset> b = mono.offsets();
        assertThat(b.get(Stems.DRUMS).samples()).isCloseTo(delay, within(0.05));
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).samples()).as("stem %d", i).isCloseTo(a.get(i).samples(), within(1e-6));
            assertThat(b.get(i).coherence()).as("stem %d", i).isCloseTo(a.get(i).coherence(), within(1e-9));
            assertThat(b.get(i).peakRatio()).as("stem %d", i).isCloseTo(a.get(i).peakRatio(), within(1e-6));
            assertThat(b.get(i).confident()).as("stem %d", i).isEqualTo(a.get(i).confident());
        }
    }

    @Test
    void acceptMonoRefusesBlocksOfTheWrongShape() {
        OffsetSearch s = OffsetSearch.create(new NullTest.Setup(48_000, 2, 2, 0.1));
        double[] ok = new double[100];

        assertThatThrownBy(() -> s.acceptMono(new double[][] {ok}, ok, 100)).hasMessageContaining("2 stems");
        assertThatThrownBy(() -> s.acceptMono(new double[][] {ok, new double[50]}, ok, 100))
                .hasMessageContaining("stem 1");
        assertThatThrownBy(() -> s.acceptMono(new double[][] {ok, ok}, new double[50], 100))
                .hasMessageContaining("mix");
    }

    private static double[] sum(double[][] channels, int at, int len) {
        double[] out = new double[len];
        for (double[] ch : channels) {
            for (int t = 0; t < len; t++) {
                out[t] += ch[at + t];
            }
        }
        return out;
    }
}
