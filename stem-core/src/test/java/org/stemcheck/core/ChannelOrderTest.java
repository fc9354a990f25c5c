package org.stemcheck.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.stemcheck.core.spec.ChannelOrder;
import org.stemcheck.io.AudioFormat;
import org.stemcheck.io.FileKind;
import org.stemcheck.io.SampleEncoding;
import org.stemcheck.core.file.ChannelLayout;

/** The spec's channel order lays out files without a mask, and only those. */
class ChannelOrderTest {

    private static List<String> assumed(ChannelOrder o, int n) {
        return o.assumed(n).speakers();
    }

    @Test
    void filmOrderIsTheFrontsLeftToRightTheSurroundsThenTheLfe() {
        // Avid, Pro Tools Reference Guide: 5.1 film L C R Ls Rs LFE; 7.1 L C R Lss Rss Lsr Rsr LFE
        assertThat(assumed(ChannelOrder.FILM, 6)).containsExactly("L", "C", "R", "Ls", "Rs", "LFE");
        assertThat(assumed(ChannelOrder.FILM, 8)).containsExactly("L", "C", "R", "Lss", "Rss", "Lrs", "Rrs", "LFE");
        assertThat(assumed(ChannelOrder.FILM, 3)).containsExactly("L", "C", "R");
        assertThat(assumed(ChannelOrder.FILM, 2)).containsExactly("L", "R");
        assertThat(ChannelOrder.FILM.assumed(6).name()).isEqualTo("5.1 (L C R Ls Rs LFE)");
        assertThat(ChannelOrder.FILM.assumed(2).name()).isEqualTo("2.0");
    }

    @Test
    void smpteIsTheAssumedOrderAndDtsOnlyReordersFiveOne() {
        for (int n = 1; n <= 9; n++) {
            assertThat(assumed(ChannelOrder.SMPTE, n)).isEqualTo(ChannelLayout.assumed(n).speakers());
        }
        assertThat(assumed(ChannelOrder.DTS, 6)).containsExactly("L", "R", "Ls", "Rs", "C", "LFE");
        assertThat(assumed(ChannelOrder.DTS, 8)).isEqualTo(ChannelLayout.assumed(8).speakers());
    }

    @Test
    void aCustomOrderAppliesToItsChannelCountOnly() {
        ChannelOrder o = ChannelOrder.of(List.of("C", "L", "R", "LFE", "Ls", "Rs"));
        assertThat(assumed(o, 6)).containsExactly("C", "L", "R", "LFE", "Ls", "Rs");
        assertThat(assumed(o, 2)).containsExactly("L", "R");
        ChannelLayout named = ChannelLayout.named("5.1").orElseThrow();
        assertThat(o.arrange(named).speakers()).containsExactly("C", "L", "R", "LFE", "Ls", "Rs");
        assertThat(o.arrange(ChannelLayout.named("7.1").orElseThrow()).speakers())
                .isEqualTo(ChannelLayout.named("7.1").orElseThrow().speakers());
        assertThatThrownBy(() -> ChannelOrder.of(List.of("L", "X"))).hasMessageContaining("unknown speaker X");
        assertThatThrownBy(() -> ChannelOrder.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFileWithAMaskKeepsItsMasksOrder() {
        AudioFormat masked = new AudioFormat(FileKind.WAV, SampleEncoding.PCM_SIGNED, 48_000, 6, 24, 24, 0x3F, 0xFFFE,
                false);
        AudioFormat plain = new AudioFormat(FileKind.WAV, SampleEncoding.PCM_SIGNED, 48_000, 6, 24, 24, 0, 1, false);
        assertThat(ChannelOrder.FILM.layoutOf(masked).speakers()).containsExactly("L", "R", "C", "LFE", "Ls", "Rs");
        assertThat(ChannelOrder.FILM.layoutOf(masked).mask()).isEqualTo(0x3F);
        assertThat(ChannelOrder.FILM.layoutOf(plain).speakers()).containsExactly("L", "C", "R", "Ls", "Rs", "LFE");
        assertThat(ChannelOrder.FILM.layoutOf(plain).mask()).isZero();
    }
}
