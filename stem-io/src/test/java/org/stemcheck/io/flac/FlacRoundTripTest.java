package org.stemcheck.io.flac;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stemcheck.io.AudioFile;
import org.stemcheck.io.Checksum;
import org.stemcheck.io.FileKind;
import org.stemcheck.io.SampleEncoding;
import org.stemcheck.io.testing.FlacWriter;
import org.stemcheck.io.testing.FlacWriter.Stereo;
import org.stemcheck.io.testing.FlacWriter.Subframe;

/**
 * Signals through our own encoder ({@link FlacWriter}) and back through the reader, from a path
 * and from a stream, must come out bit for bit, with the STREAMINFO MD5 matched: every bit depth
 * 4-32, 1-8 channels, each subframe type and stereo mode, fixed and variable block sizes.
 */
class FlacRoundTripTest {

    @TempDir
    Path dir;

    private Map<String, Integer> roundTrip(FlacWriter w, int rate, int bits, int[][] x, String label) throws IOException {
        FlacWriter.Encoded encoded = w.encodeCounting(rate, bits, x);
        byte[] flac = encoded.bytes();
        for (int pass = 0; pass < 2; pass++) {
            AudioFile f = pass == 0 ? Decoded.fromPath(dir, "rt.flac", flac) : Decoded.fromStream(flac);
            String as = label + (pass == 0 ? " (path)" : " (stream)");
            assertThat(f.format().kind()).as(as).isEqualTo(FileKind.FLAC);
            assertThat(f.format().encoding()).as(as).isEqualTo(SampleEncoding.PCM_SIGNED);
            assertThat(f.format().sampleRate()).as(as).isEqualTo(rate);
            assertThat(f.format().channels()).as(as).isEqualTo(x.length);
            assertThat(f.format().validBits()).as(as).isEqualTo(bits);
            assertThat(f.format().bitsPerSample()).as(as).isEqualTo((bits + 7) / 8 * 8);
            assertThat(f.frames()).as(as).isEqualTo(x[0].length);
            int[][] y = Decoded.samples(f, pass == 0 ? 1000 : 777);
            Decoded.assertSame(y, x, as);
            assertThat(f.checksum()).as(as).hasValueSatisfying(c ->
                    assertThat(c.status()).as(as).isEqualTo(Checksum.Status.MATCHED));
            assertThat(f.truncation()).as(as).isEmpty();
        }
        return encoded.features();
    }

    static List<Arguments> depthsAndChannels() {
        List<Arguments> all = new ArrayList<>();
        for (int bits : new int[] {4, 5, 8, 12, 15, 16, 17, 20, 24, 31, 32}) {
            for (int channels = 1; channels <= 8; channels++) {
                all.add(Arguments.of(bits, channels));
            }
        }
        return all;
    }

    @ParameterizedTest(name = "{0} bit, {1} ch")
    @MethodSource("depthsAndChannels")
    void everyDepthAndChannelCountRoundTrips(int bits, int channels) throws IOException {
        for (Signals.Kind kind : Signals.Kind.values()) {
            int[][] x = Signals.of(kind, channels, 1500, bits, 31L * bits + channels);
            roundTrip(FlacWriter.defaults().blockSize(512), 48000, bits, x, kind + " " + bits + "/" + channels);
        }
    }

    /** Frames per test signal: a few blocks of the writers below. */
    private static final int FRAMES = 3000;
    /** Frames for the large and variable block sizes: more than one of the largest blocks. */
    private static final int LONG_FRAMES = 72_000;

    static List<Arguments> codings() {
        List<Arguments> all = new ArrayList<>();
        FlacWriter base = FlacWriter.defaults().blockSize(1024);
        all.add(Arguments.of("verbatim", base.subframe(Subframe.VERBATIM), "VERBATIM", FRAMES));
        for (int order = 0; order <= 4; order++) {
            all.add(Arguments.of("fixed order " + order, base.subframe(Subframe.FIXED).fixedOrder(order), "FIXED" + order, FRAMES));
        }
        for (int order : new int[] {1, 2, 3, 8, 12, 31, 32}) {
            all.add(Arguments.of("lpc order " + order, base.subframe(Subframe.LPC).lpcOrder(order), "LPC" + order, FRAMES));
        }
        for (int precision : new int[] {1, 2, 7, 15}) {
            all.add(Arguments.of("lpc precision " + precision,
                    base.subframe(Subframe.LPC).lpcOrder(8).lpcPrecision(precision), "PRECISION" + precision, FRAMES));
        }
        for (Stereo mode : new Stereo[] {Stereo.INDEPENDENT, Stereo.LEFT_SIDE, Stereo.SIDE_RIGHT, Stereo.MID_SIDE}) {
            all.add(Arguments.of("stereo " + mode, base.stereo(mode), mode.name(), FRAMES));
        }
        all.add(Arguments.of("stereo chosen per frame", base.stereo(Stereo.AUTO), "CONSTANT", FRAMES));
        all.add(Arguments.of("5-bit rice", base.fiveBitRice(true), "RICE5", FRAMES));
        all.add(Arguments.of("escaped partitions", base.escapeAll(true), "ESCAPE", FRAMES));
        all.add(Arguments.of("partition order 0", base.maxPartitionOrder(0), "PARTITIONS0", FRAMES));
        all.add(Arguments.of("partition order 8", base.maxPartitionOrder(8).subframe(Subframe.FIXED), "PARTITIONS8", FRAMES));
        all.add(Arguments.of("wasted bits", base.wastedBits(true), "WASTED", FRAMES));
        all.add(Arguments.of("rate and depth from STREAMINFO", base.headerCodes(false), "INDEPENDENT", FRAMES));
        all.add(Arguments.of("block size 16", FlacWriter.defaults().blockSize(16), "FIXED0", FRAMES));
        all.add(Arguments.of("block size 192", FlacWriter.defaults().blockSize(192), "VERBATIM", FRAMES));
        all.add(Arguments.of("block size 257", FlacWriter.defaults().blockSize(257), "VERBATIM", FRAMES));
        all.add(Arguments.of("block size 4608", FlacWriter.defaults().blockSize(4608), "VERBATIM", FRAMES));
        all.add(Arguments.of("block size 65535", FlacWriter.defaults().blockSize(65535), "LPC8", LONG_FRAMES));
        all.add(Arguments.of("variable block sizes", FlacWriter.defaults().variableBlockSizes(4096, 16, 1000, 65535, 255, 256),
                "LPC8", LONG_FRAMES));
        all.add(Arguments.of("partition order 15 in blocks of 32768",
                FlacWriter.defaults().blockSize(32768).partitionOrder(15).subframe(Subframe.FIXED).fixedOrder(0),
                "PARTITIONS15", LONG_FRAMES));
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codings")
    void everyCodingRoundTripsAtSeveralDepths(String what, FlacWriter w, String feature, int frames) throws IOException {
        Map<String, Integer> seen = new TreeMap<>();
        boolean longer = frames > FRAMES;
        int[] depths = longer ? new int[] {16, 32} : new int[] {8, 16, 24, 32};
        Signals.Kind[] kinds = longer ? new Signals.Kind[] {Signals.Kind.TONE, Signals.Kind.EXTREMES} : Signals.Kind.values();
        for (int bits : depths) {
            for (Signals.Kind kind : kinds) {
                int[][] x = Signals.of(kind, 2, frames, bits, bits * 7L + kind.ordinal());
                roundTrip(w, 44100, bits, x, what + ", " + kind + ", " + bits + " bit")
                        .forEach((k, v) -> seen.merge(k, v, Integer::sum));
            }
        }
        assertThat(seen).as("what the frames of '%s' hold", what).containsKey(feature);
    }

    @Test
    void oddRatesAreCodedInTheHeaderOrTakenFromStreamInfo() throws IOException {
        for (int rate : new int[] {1, 8000, 11025, 22050, 35467, 39000, 44100, 88200, 96000, 134560, 192000, 255000,
            384000, 705600, 768000, 1_048_575}) {
            int[][] x = Signals.of(Signals.Kind.TONE, 2, 3000, 24, rate);
            roundTrip(FlacWriter.defaults().blockSize(1152), rate, 24, x, rate + " Hz");
        }
    }

    @Test
    void aFileWithoutSamplesOpensWithNone() throws IOException {
        int[][] x = new int[2][0];
        roundTrip(FlacWriter.defaults(), 48000, 24, x, "empty");
    }

    @Test
    void aThirtyTwoBitSideChannelNeedsThirtyThreeBits() throws IOException {
        // Left at the most positive value and right at the most negative: side = 2^32 - 1, which
        // only a 33-bit subframe holds (RFC 9639 section 9.1.3).
        int[][] x = new int[2][4096];
        java.util.Arrays.fill(x[0], Integer.MAX_VALUE);
        java.util.Arrays.fill(x[1], Integer.MIN_VALUE);
        for (Stereo mode : new Stereo[] {Stereo.LEFT_SIDE, Stereo.SIDE_RIGHT, Stereo.MID_SIDE}) {
            assertThat(roundTrip(FlacWriter.defaults().stereo(mode).subframe(Subframe.VERBATIM), 48000, 32, x, "side " + mode))
                    .containsKeys("BITS33", mode.name());
            assertThat(roundTrip(FlacWriter.defaults().stereo(mode).subframe(Subframe.LPC).lpcOrder(32), 48000, 32,
                    Signals.of(Signals.Kind.TONE, 2, 5000, 32, 1), "lpc side " + mode)).containsKeys("LPC32", "BITS33");
        }
    }
}
