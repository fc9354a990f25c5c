package org.stemcheck.core.internal.delivery;

import java.util.List;
import java.util.Set;

import org.stemcheck.core.spec.DeliverySpec;
import org.stemcheck.core.file.Role;

/** Gives each input its role from its content, its name and the spec. */
public final class Roles {

    /** Whole words that mark a reference mix ({@code Song_Mix.wav}, {@code Master.wav}, a film printmaster {@code Show_PM.wav}). */
    private static final Set<String> MIX_WORDS = Set.of("mix", "master", "mastered", "mixed", "ref", "reference", "pm");

    /** Parts of a name that mark a reference mix wherever they stand ({@code songmixdown.wav}, {@code Film_Printmaster}). */
    private static final List<String> MIX_PARTS = List.of("mixdown", "printmaster", "2mix", "premaster", "stereomix",
            "fullmix");

    private Roles() {
    }

    /**
     * The role of one input.
     *
     * @param explicitMixdown true when the caller named this input as the mixdown
     */
    public static Role of(Source in, Naming.Parsed parsed, DeliverySpec spec, boolean explicitMixdown) {
        if (!in.readable()) {
            boolean claimsAudio = in.audioByExtension() || in.container().isPresent();
            return claimsAudio ? Role.UNREADABLE : Role.OTHER;
        }
        if (explicitMixdown || isMixName(Sources.fileName(in.name()))) {
            return Role.MIXDOWN;
        }
        String label = parsed.label().orElse("");
        if (spec.isFxLabel(label) || Naming.words(label).stream().anyMatch(spec::isFxLabel)) {
            return Role.FX;
        }
        return Role.STEM;
    }

    /** True when the name marks a reference mix. */
    public static boolean isMixName(String name) {
        String flat = Naming.normalised(Sources.baseName(name));
        return MIX_PARTS.stream().anyMatch(flat::contains) || Naming.words(name).stream().anyMatch(MIX_WORDS::contains);
    }
}
