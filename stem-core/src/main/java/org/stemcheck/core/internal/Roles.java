package org.stemcheck.core.internal;

import java.util.List;
import java.util.Set;

import org.stemcheck.core.DeliverySpec;
import org.stemcheck.core.Role;

/** Gives each input its role from its content, its name and the spec. */
public final class Roles {

    /**
     * Words that mark a reference mix ({@code mixdown.wav}, {@code Song_Mix.wav},
     * {@code Song_2mix.wav}, {@code Film_Printmaster.wav}).
     */
    private static final Set<String> MIX_WORDS = Set.of("mix", "mixdown", "master", "2mix", "printmaster",
            "fullmix", "stereomix", "premaster", "mastered", "mixed");

    private Roles() {
    }

    /**
     * The role of one input.
     *
     * @param explicitMixdown true when the caller named this input as the mixdown
     */
    public static Role of(Input in, Naming.Parsed parsed, DeliverySpec spec, boolean explicitMixdown) {
        if (!in.readable()) {
            boolean claimsAudio = in.audioByExtension() || in.container().isPresent();
            return claimsAudio ? Role.UNREADABLE : Role.OTHER;
        }
        if (explicitMixdown || isMixName(in.name())) {
            return Role.MIXDOWN;
        }
        String label = parsed.label().orElse("");
        if (spec.isFxLabel(label) || Naming.words(label).stream().anyMatch(spec::isFxLabel)) {
            return Role.FX;
        }
        return Role.STEM;
    }

    /** True when a word of the name marks a reference mix. */
    public static boolean isMixName(String name) {
        List<String> words = Naming.words(name);
        return words.stream().anyMatch(MIX_WORDS::contains);
    }
}
