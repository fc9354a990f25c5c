package org.stemcheck.dsp.nullsum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every stem's energy over a hop, four stems a loop ({@link HopRings#stemEnergies}), is each
 * stem's own ({@link HopRings#stemEnergy}) to the bit, also where the stretch wraps around the
 * rings or runs past what was written: the loudest hop chosen by {@link BestHop} does not move.
 */
class HopRingsTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 9})
    void everyStemsEnergyIsItsOwnToTheBit(int stems) {
        int maxLag = 100;
        HopRings rings = new HopRings(stems, maxLag, 1, 512);
        SplittableRandom r = new SplittableRandom(17L * stems);
        double[] energies = new double[stems];
        int checked = 0;
        for (int block = 0; block < 40; block++) {
            int n = 1 + r.nextInt(90);
            double[][] mono = new double[stems][n];
            double[][] ref = new double[1][n];
            for (double[] m : mono) {
                for (int t = 0; t < n; t++) {
                    m[t] = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-6, 2));
                }
            }
            for (int done = 0; done < n; ) {
                done += rings.take(mono, ref, done, n - done);
                if (rings.hopComplete()) {
                    long start = rings.hopStart();
                    // the hop itself, and a stretch that reaches past what was written
                    for (long t : new long[] {start, start + rings.hop / 2}) {
                        rings.stemEnergies(t, rings.hop, rings.written(), energies);
                        for (int i = 0; i < stems; i++) {
                            assertThat(Double.doubleToRawLongBits(energies[i])).as("stem %d from %d", i, t)
                                    .isEqualTo(Double.doubleToRawLongBits(rings.stemEnergy(i, t, rings.hop,
                                            rings.written())));
                            assertThat(energies[i]).isPositive();
                            checked++;
                        }
                    }
                    rings.advance();
                }
            }
        }
        assertThat(checked).as("hops completed, wrapping the rings").isGreaterThanOrEqualTo(4 * stems);
    }
}
