package org.stemcheck.dsp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeriesTest {

    /** Across the first chunk's growth and several whole chunks, with a partial last one. */
    private static final int POINTS = 3 * FloatSeries.CHUNK + 123;

    @Test
    void floatSeriesKeepsEveryValueInOrderAcrossChunks() {
        FloatSeries s = new FloatSeries();
        for (int i = 0; i < POINTS; i++) {
            s.add(i * 0.5f);
        }
        float[] out = s.toArray(-1f, -2f);

        assertThat(s.size()).isEqualTo(POINTS);
        assertThat(out).hasSize(POINTS + 2);
        for (int i = 0; i < POINTS; i++) {
            assertThat(out[i]).as("point %d", i).isEqualTo(i * 0.5f);
        }
        assertThat(out[POINTS]).isEqualTo(-1f);
        assertThat(out[POINTS + 1]).isEqualTo(-2f);
        assertThat(new FloatSeries().toArray()).isEmpty();
    }

    @Test
    void doubleSeriesGivesEveryValueByIndexAndAsAnArray() {
        DoubleSeries s = new DoubleSeries();
        int n = 4 * DoubleSeries.CHUNK + 7;
        for (int i = 0; i < n; i++) {
            s.add(Math.sqrt(i));
        }
        double[] out = s.toArray();

        assertThat(out).hasSize(n);
        for (int i = 0; i < n; i += 997) {
            assertThat(s.get(i)).isEqualTo(Math.sqrt(i));
            assertThat(out[i]).isEqualTo(Math.sqrt(i));
        }
        assertThat(s.get(n - 1)).isEqualTo(Math.sqrt(n - 1));
        assertThatThrownBy(() -> s.get(n)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
