/**
 * stemcheck's measurements: the meters of one file, fed block by block in one pass
 * ({@code org.stemcheck.dsp}: loudness, true peak, levels, spectra), what the audio is
 * ({@code org.stemcheck.dsp.content}: content hash, fingerprint, stem features) and the null test
 * of the stems against the mix ({@code org.stemcheck.dsp.nullsum}). Everything else is internal.
 */
module org.stemcheck.dsp {
    requires transitive org.stemcheck.io;
    requires org.slf4j;
    // No "requires JTransforms": its jar has no Automatic-Module-Name, so that name would be one the
    // JDK guesses from a file name. internal.JTransforms finds it at run time (class path, or module
    // path with --add-modules JTransforms); without it every FFT runs on our own RealFft.

    exports org.stemcheck.dsp;
    exports org.stemcheck.dsp.content;
    exports org.stemcheck.dsp.nullsum;
}
