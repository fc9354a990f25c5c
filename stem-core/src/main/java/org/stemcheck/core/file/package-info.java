/**
 * What stemcheck knows of each delivered file before any check runs: {@link
 * org.stemcheck.core.file.StemFile} (its path, format, metadata, role and read error), its {@link
 * org.stemcheck.core.file.Role} in the delivery and its {@link
 * org.stemcheck.core.file.ChannelLayout}.
 *
 * <p>The package depends on nothing of stemcheck but {@code org.stemcheck.io}, so that the
 * null test's result ({@code org.stemcheck.core.nulltest}) and the delivery spec ({@code
 * org.stemcheck.core.spec}) can name files and layouts while {@code org.stemcheck.core} names them:
 * the exported packages depend on each other one way only.
 */
package org.stemcheck.core.file;
