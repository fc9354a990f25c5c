/**
 * Per-file level accumulators: sample peak, DC, RMS and crest ({@link org.stemcheck.dsp.level.SampleStats}),
 * clip runs, effective bit depth, a level timeline with first/last sound and the tail level, and
 * stereo correlation / dual mono. Each is fed block by block in the one pass over a file.
 */
package org.stemcheck.dsp.level;
