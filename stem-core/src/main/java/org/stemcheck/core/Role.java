package org.stemcheck.core;

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

    /** The name used in reports: {@code "stem"}, {@code "fx"} ... */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the roles that make up the stem set proper: {@link #STEM} and {@link #FX}. */
    public boolean isStem() {
        return this == STEM || this == FX;
    }
}
