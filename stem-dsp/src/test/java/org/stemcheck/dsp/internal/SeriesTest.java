package org.stemcheck.dsp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeriesTest {

    /** Across the first chunk's growth and several whole chunks, with a partial last one. */
    private static final int POINTS = 3 * Series.ofFloats().chunkPoints() + 123;

    @Test
    void floatSeriesKeepsEveryValueInOrderAcrossChunks() {
        Series s = Series.ofFloats();
        for (int i = 0; i < POINTS; i++) {
            s.add(i * 0.5f);
        }
        float[] out = s.toFloatArray(-1f, -2f);

        assertThat(s.size()).isEqualTo(POINTS);
        assertThat(out).hasSize(POINTS + 2);
        for (int i = 0; i < POINTS; i++) {
            assertThat(out[i]).as("point %d", i).isEqualTo(i * 0.5f);
        }
        assertThat(out[POINTS]).isEqualTo(-1f);
        assertThat(out[POINTS + 1]).isEqualTo(-2f);
        assertThat(Series.ofFloats().toFloatArray()).isEmpty();
        assertThat(s.get(POINTS - 1)).isEqualTo((POINTS - 1) * 0.5f);
        assertThatThrownBy(s::toDoubleArray).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void doubleSeriesGivesEveryValueByIndexAndAsAnArray() {
        Series s = Series.ofDoubles();
        int n = 4 * s.chunkPoints() + 7;
        for (int i = 0; i < n; i++) {
            s.add(Math.sqrt(i));
        }
        double[] out = s.toDoubleArray();

        assertThat(out).hasSize(n);
        for (int i = 0; i < n; i += 997) {
            assertThat(s.get(i)).isEqualTo(Math.sqrt(i));
            assertThat(out[i]).isEqualTo(Math.sqrt(i));
        }
        assertThat(s.get(n - 1)).isEqualTo(Math.sqrt(n - 1));
        assertThatThrownBy(() -> s.get(n)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(s::toFloatArray).isInstanceOf(IllegalStateException.class);
    }
}
