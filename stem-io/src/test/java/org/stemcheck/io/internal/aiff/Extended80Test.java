package org.stemcheck.io.internal.aiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stemcheck.io.testing.AiffBuilder.extended;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Extended80Test {

    private static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    @Test
    void decodesTheRatesAsWrittenByRealFiles() {
        // Bytes as found in the COMM chunks of taglib/alaw.aifc and cpython's pluck-*.aiff.
        assertThat(Extended80.decode(hex("400EAC44000000000000"), 0)).isEqualTo(44100.0);
        assertThat(Extended80.decode(hex("400CAC44000000000000"), 0)).isEqualTo(11025.0);
        assertThat(Extended80.decode(hex("400EBB80000000000000"), 0)).isEqualTo(48000.0);
    }

    @Test
    void decodesTheClassicMacintoshRateToTheNearestDouble() {
        // 22254.5454... Hz (the Macintosh 128K rate), as its 64-bit significand gives it.
        long significand = 0xADDD1745D1745D17L;
        double expected = new BigDecimal(new BigInteger(Long.toUnsignedString(significand)))
                .divide(BigDecimal.valueOf(2).pow(63 - 14), MathContext.UNLIMITED).doubleValue();

        double rate = Extended80.decode(extended(0x400D, significand), 0);

        assertThat(rate).isEqualTo(expected);
        assertThat(rate).isBetween(22254.545, 22254.546);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 8000.0, 44100.0, 44100.5, 44056.0 / 1.001, 96000.0, 1e300, 3.5e-300, -48000.0})
    void everyNormalDoubleComesBackExactly(double v) {
        assertThat(Extended80.decode(extended(v), 0)).isEqualTo(v);
    }

    @Test
    void roundsASignificandWiderThanADoubleOnceToNearest() {
        // 2^63 + 2^10 + 1 lies just above the halfway point between two doubles: it must round up.
        long significand = 0x8000000000000401L;
        double v = Extended80.decode(extended(0x403E, significand), 0);
        assertThat(v).isEqualTo(Math.scalb(1.0, 63) + Math.scalb(1.0, 11));
    }

    @Test
    void givesZeroNanAndInfinitiesForTheSpecialEncodings() {
        assertThat(Extended80.decode(extended(0, 0), 0)).isEqualTo(0.0);
        assertThat(Extended80.decode(extended(0x7FFF, 0x8000000000000000L), 0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Extended80.decode(extended(0xFFFF, 0x8000000000000000L), 0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Extended80.decode(extended(0x7FFF, 0xC000000000000000L), 0)).isNaN();
        assertThat(Extended80.decode(extended(0x7FFF, 1), 0)).isNaN();
    }

    @Test
    void givesInfinityBeyondTheDoubleRangeAndZeroBelowIt() {
        assertThat(Extended80.decode(extended(0x7FFE, 0x8000000000000000L), 0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Extended80.decode(extended(0x0001, 0x8000000000000000L), 0)).isEqualTo(0.0);
    }
}
