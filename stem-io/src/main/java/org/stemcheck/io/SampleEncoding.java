package org.stemcheck.io;

/** How samples are coded in the data chunk. */
public enum SampleEncoding {
    /** Two's complement integers (WAV 9-64 bits, AIFF all sizes). */
    PCM_SIGNED,
    /** Offset binary integers (WAV 8-bit). */
    PCM_UNSIGNED,
    /** IEEE 754 binary32 or binary64. */
    FLOAT,
    /** ITU-T G.711 A-law, decoded to 16-bit linear. */
    ALAW,
    /** ITU-T G.711 mu-law, decoded to 16-bit linear. */
    ULAW
}
