package org.stemcheck.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.stemcheck.io.AudioFormat;
import org.stemcheck.io.FileKind;
import org.stemcheck.io.SampleEncoding;
import org.stemcheck.core.file.ChannelLayout;

/** Speaker layouts from WAVE_FORMAT_EXTENSIBLE masks, assumed from channel counts, and named in specs. */
class ChannelLayoutTest {

    private static AudioFormat wav(int channels, long mask) {
        return new AudioFormat(FileKind.WAV, SampleEncoding.PCM_SIGNED, 48_000, channels, 24, 24, mask,
                mask == 0 ? 1 : 0xFFFE, false);
    }

    @Test
    void fiveOneFromTheBackOrTheSideBitsIsTheSameFiveOne() {
        ChannelLayout back = ChannelLayout.of(wav(6, 0x3F));
        ChannelLayout side = ChannelLayout.of(wav(6, 0x60F));
        assertThat(back.speakers()).containsExactly("L", "R", "C", "LFE", "Ls", "Rs");
        assertThat(back.name()).isEqualTo("5.1");
        assertThat(back.mask()).isEqualTo(0x3F);
        assertThat(side.sameSpeakers(back)).isTrue();
        assertThat(side.mask()).isEqualTo(0x60F);
        assertThat(ChannelLayout.of(wav(6, 0)).sameSpeakers(back)).as("assumed SMPTE order").isTrue();
    }

    @Test
    void sevenOneFromAMaskIsInWaveOrderAndDiffersFromTheAssumedSmpteOrder() {
        ChannelLayout masked = ChannelLayout.of(wav(8, 0x63F));
        ChannelLayout assumed = ChannelLayout.of(wav(8, 0));
        assertThat(masked.speakers()).containsExactly("L", "R", "C", "LFE", "Lrs", "Rrs", "Lss", "Rss");
        assertThat(assumed.speakers()).containsExactly("L", "R", "C", "LFE", "Lss", "Rss", "Lrs", "Rrs");
        assertThat(assumed.name()).isEqualTo("7.1");
        assertThat(masked.name()).isEqualTo("7.1 (L R C LFE Lrs Rrs Lss Rss)");
        assertThat(masked.sameSpeakers(assumed)).isFalse();
        assertThat(masked.describe()).isEqualTo("7.1 (L R C LFE Lrs Rrs Lss Rss)");
        assertThat(assumed.describe()).isEqualTo("7.1 (L R C LFE Lss Rss Lrs Rrs)");
    }

    @Test
    void aMaskWithTooFewBitsIsIgnoredAndUnknownCountsHaveNumberedChannels() {
        assertThat(ChannelLayout.of(wav(6, 0x3)).speakers()).containsExactly("L", "R", "C", "LFE", "Ls", "Rs");
        ChannelLayout seven = ChannelLayout.of(wav(7, 0));
        assertThat(seven.name()).isEqualTo("7 channels");
        assertThat(seven.speakers()).startsWith("ch1").endsWith("ch7");
        assertThat(ChannelLayout.of(wav(1, 0x4)).speakers()).containsExactly("C");
        assertThat(ChannelLayout.of(wav(1, 0)).name()).isEqualTo("1.0");
    }

    @Test
    void namedLayoutsAndAliases() {
        assertThat(ChannelLayout.named("5.1").orElseThrow().speakers()).containsExactly("L", "R", "C", "LFE", "Ls", "Rs");
        assertThat(ChannelLayout.named(" Stereo ").orElseThrow().name()).isEqualTo("2.0");
        assertThat(ChannelLayout.named("mono").orElseThrow().speakers()).containsExactly("C");
        assertThat(ChannelLayout.named("7.1").orElseThrow().channels()).isEqualTo(8);
        assertThat(ChannelLayout.named("5.2")).isEmpty();
        assertThat(ChannelLayout.names()).allSatisfy(n -> assertThat(ChannelLayout.named(n)).isPresent());
    }

    @Test
    void mirroredPairsAreTheChannelsASwapExchanges() {
        List<int[]> pairs = ChannelLayout.of(wav(6, 0x3F)).mirroredPairs();
        assertThat(pairs).extracting(p -> p[0] + "/" + p[1]).containsExactly("0/1", "4/5");
        assertThat(ChannelLayout.of(wav(8, 0x63F)).mirroredPairs()).extracting(p -> p[0] + "/" + p[1])
                .containsExactly("0/1", "6/7", "4/5");
        assertThat(ChannelLayout.named("mono").orElseThrow().mirroredPairs()).isEmpty();
    }

    @Test
    void aLayoutNeedsANameAndASpeaker() {
        assertThatThrownBy(() -> new ChannelLayout(" ", List.of("C"), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChannelLayout("x", List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChannelLayout.assumed(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
