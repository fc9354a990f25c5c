/**
 * Content features of a file for telling what a stem holds and how it was processed:
 * {@link org.stemcheck.dsp.features.StemFeatures} (band shares, spectral centroid, a YIN pitch on a
 * decimated signal, onsets, stereo width, and how often the peak level is reached), fed block by
 * block in the one pass over a file, in fixed memory.
 */
package org.stemcheck.dsp.features;
