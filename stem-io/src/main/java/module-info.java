/**
 * stemcheck's audio file layer: sniffs containers by content, parses WAV/BWF/RF64, AIFF and FLAC
 * headers and metadata, and streams samples in blocks normalised to {@code double}.
 *
 * <p>Readers are pluggable through {@link org.stemcheck.io.spi.AudioReader}; the built-in ones
 * live in unexported packages.
 */
module org.stemcheck.io {
    requires org.slf4j;
    // IXml.parse returns an org.w3c.dom.Document, so users of the API need java.xml too.
    requires transitive java.xml;

    exports org.stemcheck.io;
    exports org.stemcheck.io.spi;

    uses org.stemcheck.io.spi.AudioReader;
}
