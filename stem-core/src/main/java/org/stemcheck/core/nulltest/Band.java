package org.stemcheck.core.nulltest;

/**
 * One octave band of the residual and of the mix.
 *
 * @param lowHz      the band's lower edge
 * @param centreHz   its centre
 * @param highHz     its upper edge
 * @param residualDb the residual's power in the band, dB re full scale squared
 * @param mixDb      the mix's power in the band, same reference
 */
public record Band(double lowHz, double centreHz, double highHz, double residualDb, double mixDb) {
}
