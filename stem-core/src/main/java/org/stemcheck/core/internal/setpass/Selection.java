package org.stemcheck.core.internal.setpass;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which files a set pass streams, chosen before it runs (so that the engine knows which files it
 * will read anyway).
 *
 * @param stems    the stems streamed, in delivery order
 * @param mixes    the candidate mixes streamed; the named one first
 * @param rate     the pass's common rate, the first mix's
 * @param channels the pass's channel count, the first mix's
 * @param given    the name of the mix the caller named as the reference ({@code StemSet.mixdown}),
 *                 if any and if it can be compared: it is then the reference whatever the
 *                 others' null depths (which are still measured and reported)
 * @param spectra  the files (of {@code stems} and {@code mixes}) whose Welch spectrum the pass can
 *                 measure from its own transforms ({@link FileSink#spectrum}): at the pass's rate
 *                 and channels, as long as every mix, and at least one segment long
 */
public record Selection(List<PassFile> stems, List<PassFile> mixes, int rate, int channels, Optional<String> given,
                        Set<PassFile> spectra) {

    public Selection {
        stems = List.copyOf(stems);
        mixes = List.copyOf(mixes);
        spectra = Set.copyOf(spectra);
    }

    /** Every file the first pass reads: the stems, then the mixes. */
    public List<PassFile> files() {
        List<PassFile> all = new ArrayList<>(stems);
        all.addAll(mixes);
        return List.copyOf(all);
    }
}
