package org.stemcheck.core.internal.pipeline;

import org.stemcheck.core.file.ChannelLayout;
import org.stemcheck.dsp.LoudnessMeter;
import org.stemcheck.io.AudioFormat;

/**
 * The BS.1770 loudness meter of a file as the run lays its channels out. A file whose layout is
 * what its header says (its mask, or SMPTE order without one) is metered as stem-dsp reads the
 * header; a file the spec's channel order lays out otherwise (a 5.1 in film order, L C R Ls Rs LFE)
 * gets the weights of its speakers: ITU-R BS.1770-4 Annex 1, Table 3, front 1.0, surrounds 1.41
 * (+1.5 dB), the LFE left out; speakers the table does not name weigh 1.0, as in stem-dsp.
 */
final class LoudnessWeights {

    /** BS.1770-4 Annex 1, Table 3: the surround channels' weight G (+1.5 dB). */
    static final double SURROUND = 1.41;

    private LoudnessWeights() {
    }

    /** The meter for a file of this format and layout. */
    static LoudnessMeter meter(AudioFormat format, ChannelLayout layout) {
        if (layout.sameSpeakers(ChannelLayout.of(format))) {
            return LoudnessMeter.forFormat(format);
        }
        return LoudnessMeter.withWeights(format.sampleRate(), weights(layout));
    }

    /** One weight per channel of the layout. */
    static double[] weights(ChannelLayout layout) {
        double[] w = new double[layout.channels()];
        for (int c = 0; c < w.length; c++) {
            w[c] = switch (layout.speakers().get(c)) {
                case "LFE" -> 0.0;
                case "Ls", "Rs", "Lss", "Rss", "Lrs", "Rrs" -> SURROUND;
                default -> 1.0;
            };
        }
        return w;
    }
}
