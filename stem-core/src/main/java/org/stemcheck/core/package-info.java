/**
 * The stemcheck API.
 *
 * <ul>
 *   <li>{@link org.stemcheck.core.StemSet}: a delivery (a folder or stems in memory), fluent and immutable; {@code run()} gives a {@link org.stemcheck.core.Report}</li>
 *   <li>{@link org.stemcheck.core.spec.DeliverySpec}: what the recipient asked for: presets ({@code music()}, {@code film()}, {@code preset("ebu-r128")}), spec files ({@code load(path)}), every value changeable with {@code toBuilder()}</li>
 *   <li>{@link org.stemcheck.core.Check}, {@link org.stemcheck.core.CheckContext}, {@link org.stemcheck.core.Measurement}: the check SPI; {@link org.stemcheck.core.Checks}: the built-in and discovered checks</li>
 *   <li>{@link org.stemcheck.core.nulltest.NullTestResult}: the null test of the stems against the mix, for a check that needs {@link org.stemcheck.core.Measurement#NULL_TEST}</li>
 *   <li>{@link org.stemcheck.core.Finding}, {@link org.stemcheck.core.Severity}: what a check found</li>
 *   <li>{@link org.stemcheck.core.file.StemFile}, {@link org.stemcheck.core.file.Role}, {@link org.stemcheck.core.file.ChannelLayout}: the files of a delivery, in their own package so that the null test and the spec can name them without depending on the rest of the API; {@link org.stemcheck.core.Stem}: stems held in memory</li>
 * </ul>
 */
package org.stemcheck.core;

import org.stemcheck.core.spec.DeliverySpec;
