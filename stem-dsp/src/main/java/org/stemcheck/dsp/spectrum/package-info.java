/**
 * Spectra: Welch's averaged power spectrum ({@link org.stemcheck.dsp.spectrum.WelchSpectrum}),
 * the bandwidth / cut-off of a spectrum ({@link org.stemcheck.dsp.spectrum.Cutoff}) and band
 * energies (octave, third-octave, user bands).
 */
package org.stemcheck.dsp.spectrum;
