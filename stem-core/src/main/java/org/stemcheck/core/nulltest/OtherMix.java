package org.stemcheck.core.nulltest;

import org.stemcheck.core.file.StemFile;

/**
 * Another candidate mix of the delivery (an instrumental, a TV mix, a mix with bus processing).
 *
 * @param file        the mix
 * @param nullDb      the stems' null against it after gains, dB
 * @param plainNullDb their null against it as delivered (unity gains), dB
 */
public record OtherMix(StemFile file, double nullDb, double plainNullDb) {
}
