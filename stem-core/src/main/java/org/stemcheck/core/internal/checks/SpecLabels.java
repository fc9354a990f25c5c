package org.stemcheck.core.internal.checks;

import java.util.Optional;
import java.util.Set;

import org.stemcheck.core.file.ChannelLayout;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.spec.DeliverySpec;
import org.stemcheck.core.spec.ExpectedStem;

/**
 * What the spec says of one stem by its label: a spec names stems by label ({@code Dialogue}) and
 * a delivery labels them its own way ({@code EP101_DX}); the expected stem whose pattern the label
 * matches bridges the two.
 */
final class SpecLabels {

    private SpecLabels() {
    }

    /** The name of the expected stem the label is, or the label itself. */
    static String specName(DeliverySpec spec, StemFile f) {
        String label = f.displayLabel();
        return spec.stems().expected().stream().filter(e -> e.matches(label)).map(ExpectedStem::name).findFirst()
                .orElse(label);
    }

    /**
     * The layout the spec asks of this stem: its own (by label or expected-stem name), else every
     * stem's; for a file without a speaker mask, in the spec's channel order (a 5.1 in film order
     * is L C R Ls Rs LFE), since that order is what the spec says such a file holds.
     */
    static Optional<ChannelLayout> layoutOf(DeliverySpec spec, StemFile f) {
        Optional<ChannelLayout> named = namedLayoutOf(spec, f);
        boolean noMask = f.layout().map(l -> l.mask() == 0).orElse(false);
        return noMask ? named.map(spec.format().channelOrder()::arrange) : named;
    }

    /** Whether the layout the spec asks of this stem is its own (by label or expected-stem name), not every stem's. */
    static boolean ownLayout(DeliverySpec spec, StemFile f) {
        return spec.format().stemLayouts().containsKey(f.displayLabel())
                || spec.format().stemLayouts().containsKey(specName(spec, f));
    }

    private static Optional<ChannelLayout> namedLayoutOf(DeliverySpec spec, StemFile f) {
        ChannelLayout own = spec.format().stemLayouts().get(f.displayLabel());
        if (own == null) {
            own = spec.format().stemLayouts().get(specName(spec, f));
        }
        return own != null ? Optional.of(own) : spec.format().layout();
    }

    /** Whether a set of labels of the spec names this stem, by its label or its expected-stem name. */
    static boolean listed(Set<String> labels, DeliverySpec spec, StemFile f) {
        return labels.contains(f.displayLabel()) || labels.contains(specName(spec, f));
    }
}
