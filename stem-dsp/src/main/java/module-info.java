/**
 * stemcheck's measurement kernels: accumulators fed block by block in one pass per file
 * (peak, true peak, loudness, spectra, ...) and the set kernels of the null test.
 */
module org.stemcheck.dsp {
    requires transitive org.stemcheck.io;
    requires org.slf4j;
    requires JTransforms;

    exports org.stemcheck.dsp;
    exports org.stemcheck.dsp.content;
    exports org.stemcheck.dsp.nullsum;
}
