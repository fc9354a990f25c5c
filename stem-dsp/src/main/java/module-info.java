/**
 * stemcheck's measurements: the meters of one file, fed block by block in one pass
 * ({@code org.stemcheck.dsp}: loudness, true peak, levels, spectra), what the audio is
 * ({@code org.stemcheck.dsp.content}: content hash, fingerprint, stem features) and the null test
 * of the stems against the mix ({@code org.stemcheck.dsp.nullsum}). Everything else is internal.
 */
module org.stemcheck.dsp {
    requires transitive org.stemcheck.io;
    requires org.slf4j;
    requires JTransforms;

    exports org.stemcheck.dsp;
    exports org.stemcheck.dsp.content;
    exports org.stemcheck.dsp.nullsum;
}
