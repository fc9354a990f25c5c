package org.stemcheck.dsp.internal.loudness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stemcheck.dsp.internal.loudness.ChannelRole.CENTER;
import static org.stemcheck.dsp.internal.loudness.ChannelRole.HEIGHT;
import static org.stemcheck.dsp.internal.loudness.ChannelRole.LEFT;
import static org.stemcheck.dsp.internal.loudness.ChannelRole.LEFT_SURROUND;
import static org.stemcheck.dsp.internal.loudness.ChannelRole.LFE;
import static org.stemcheck.dsp.internal.loudness.ChannelRole.OTHER;
import static org.stemcheck.dsp.internal.loudness.ChannelRole.RIGHT;
import static org.stemcheck.dsp.internal.loudness.ChannelRole.RIGHT_SURROUND;
import static org.stemcheck.dsp.internal.loudness.ChannelRole.SIDE_LEFT;
import static org.stemcheck.dsp.internal.loudness.ChannelRole.SIDE_RIGHT;

import org.junit.jupiter.api.Test;

class ChannelLayoutTest {

    @Test
    void extensibleMask0x3fIs51InWaveOrder() {
        assertThat(ChannelLayout.fromMask(0x3F, 6).roles())
                .containsExactly(LEFT, RIGHT, CENTER, LFE, LEFT_SURROUND, RIGHT_SURROUND);
        assertThat(ChannelLayout.fromMask(0x3F, 6).weights()).containsExactly(1, 1, 1, 0, 1.41, 1.41);
    }

    @Test
    void sideSurroundsOf51SideAlsoWeigh1point41() {
        assertThat(ChannelLayout.fromMask(0x60F, 6).roles())
                .containsExactly(LEFT, RIGHT, CENTER, LFE, SIDE_LEFT, SIDE_RIGHT);
        assertThat(ChannelLayout.fromMask(0x60F, 6).weights()).containsExactly(1, 1, 1, 0, 1.41, 1.41);
    }

    @Test
    void moreChannelsThanMaskBitsAreOtherAndExtraBitsAreIgnored() {
        assertThat(ChannelLayout.fromMask(0x4, 2).roles()).containsExactly(CENTER, OTHER);
        assertThat(ChannelLayout.fromMask(0x3F, 2).roles()).containsExactly(LEFT, RIGHT);
        assertThat(ChannelLayout.fromMask(0x1800, 2).roles()).containsExactly(HEIGHT, HEIGHT);
    }

    @Test
    void noMaskGivesTheUsualLayoutForTheCount() {
        assertThat(ChannelLayout.fromMask(0, 1)).isEqualTo(ChannelLayout.mono());
        assertThat(ChannelLayout.fromMask(0, 2)).isEqualTo(ChannelLayout.stereo());
        assertThat(ChannelLayout.fromMask(0, 5).roles())
                .containsExactly(LEFT, RIGHT, CENTER, LEFT_SURROUND, RIGHT_SURROUND);
        assertThat(ChannelLayout.fromMask(0, 6)).isEqualTo(ChannelLayout.surround51());
        assertThat(ChannelLayout.fromMask(0, 7).weights()).containsOnly(1.0);
    }

    @Test
    void rejectsImpossibleChannelCounts() {
        assertThatThrownBy(() -> ChannelLayout.fromMask(0x3, 0)).hasMessageContaining("channels");
        assertThatThrownBy(() -> ChannelLayout.defaultFor(70000)).hasMessageContaining("channels");
        assertThatThrownBy(() -> ChannelLayout.of()).hasMessageContaining("1 ..");
    }
}
