package org.stemcheck.core.internal.setpass;

import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.internal.delivery.Source;

/**
 * One file of a delivery as the set pass needs it: what it is, how to read it, and where to hand
 * the blocks it decodes so that the file's own measurements need no read of their own.
 */
public interface PassFile {

    /** What the checks see of the file (role, format, frames ...). */
    StemFile info();

    /** How to open its samples. */
    Source source();

    /**
     * Where the first pass that opens the file hands every block it decodes, reading the file to
     * its end for it; null when nobody wants the blocks (the pass then reads only what it compares).
     */
    FileSink sink();
}
