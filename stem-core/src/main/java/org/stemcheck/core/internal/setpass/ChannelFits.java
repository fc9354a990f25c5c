package org.stemcheck.core.internal.setpass;

import java.util.ArrayList;
import java.util.List;

import org.stemcheck.dsp.nullsum.GainSolution;
import org.stemcheck.dsp.nullsum.NullResult;
import org.stemcheck.dsp.nullsum.StemGain;

/**
 * What a null test's gains fitted channel by channel say: each stem's level error per channel and
 * the null they leave. Read by the screened result ({@link CleanNull}) and the diagnosis alike.
 */
public final class ChannelFits {

    private ChannelFits() {
    }

    /**
     * Stem {@code i}'s level error per channel of the mix, dB; empty when a channel does not
     * identify it (too quiet there) or the mix is mono.
     */
    public static List<Double> errors(NullResult r, int i) {
        List<Double> out = new ArrayList<>();
        for (GainSolution c : r.channelGains()) {
            StemGain g = c.gains().get(i);
            if (!g.identifiable()) {
                return List.of();
            }
            out.add(g.levelErrorDb());
        }
        return out;
    }

    /** The null with the gains fitted channel by channel, averaged (linear) over the channels; NaN for mono. */
    public static double nullDb(NullResult r) {
        List<GainSolution> ch = r.channelGains();
        if (ch.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (GainSolution c : ch) {
            sum += Math.pow(10, c.nullDepthDb() / 10);
        }
        return 10 * Math.log10(sum / ch.size());
    }
}
