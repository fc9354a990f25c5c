package org.stemcheck.core.file;

import java.util.Locale;

/** What a file is in a delivery. Its JSON name is the lower-case constant name. */
public enum Role {
    /** A processed submix (Drums, Bass, Vocals ...). */
    STEM,
    /** An effect-return stem (FX, Reverb, Delay, Returns). */
    FX,
    /** The reference mix, found by name ({@code mixdown}, {@code master}, {@code 2mix} ...) or given. */
    MIXDOWN,
    /** Not audio and not pretending to be (a {@code .txt}, {@code .pdf}, {@code .json} ...). */
    OTHER,
    /** Meant as audio (by content or by extension) but not readable as PCM audio. */
    UNREADABLE;

    /**
     * The name used in reports.
     *
     * @return the lower-case constant name: {@code "stem"}, {@code "fx"}, {@code "mixdown"} ...
     */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether this role is part of the stem set proper, which must sum to the mix.
     *
     * @return true for {@link #STEM} and {@link #FX}
     */
    public boolean isStem() {
        return this == STEM || this == FX;
    }
}
