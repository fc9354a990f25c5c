/**
 * Loudness and true-peak internals (ITU-R BS.1770-4, EBU Tech 3341/3342): channel positions and
 * their weights, filter design, the 10 ms cell engine, gating, the oversampling interpolator. Not
 * exported; the API is {@code org.stemcheck.dsp.LoudnessMeter} and
 * {@code org.stemcheck.dsp.TruePeakMeter}.
 */
package org.stemcheck.dsp.internal.loudness;
