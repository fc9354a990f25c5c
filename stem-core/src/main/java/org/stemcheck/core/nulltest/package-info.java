/**
 * The null test's result, for checks to read: {@link org.stemcheck.core.nulltest.NullTestResult}
 * (from {@link org.stemcheck.core.CheckContext#nullTest()}) and its parts: per stem a
 * {@link org.stemcheck.core.nulltest.StemComparison} ({@link org.stemcheck.core.nulltest.Gain},
 * {@link org.stemcheck.core.nulltest.Offset}, {@link org.stemcheck.core.nulltest.Drift}), the mix
 * bus ({@link org.stemcheck.core.nulltest.MixBus}), what is left over
 * ({@link org.stemcheck.core.nulltest.Residual}, {@link org.stemcheck.core.nulltest.Segment},
 * {@link org.stemcheck.core.nulltest.Band}), the other candidate mixes
 * ({@link org.stemcheck.core.nulltest.OtherMix}), the routing of mirrored speaker pairs
 * ({@link org.stemcheck.core.nulltest.PairRouting}) and what the diagnosis attributes the residual
 * to ({@link org.stemcheck.core.nulltest.Explanation}). All immutable values.
 */
package org.stemcheck.core.nulltest;
