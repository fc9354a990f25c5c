package org.stemcheck.io.flac;

import java.util.SplittableRandom;

/** Test signals as integer samples {@code [channel][frame]} of a given bit depth, made from a seed. */
final class Signals {

    /** What a signal looks like. */
    enum Kind {
        /** Uniform random over the whole range: incompressible, VERBATIM or escapes. */
        NOISE,
        /** A sine per channel at -1 dBFS, with a little noise: LPC territory. */
        TONE,
        /** Digital silence: CONSTANT subframes. */
        SILENCE,
        /** Alternating full-scale extremes: the largest residuals and side values. */
        EXTREMES,
        /** A tone whose low bits are zero: wasted bits. */
        PADDED,
        /** Left and right equal: a side channel of zeros. */
        DUAL_MONO,
        /** A slow ramp with steps: FIXED predictors do well. */
        RAMP
    }

    private Signals() {
    }

    static int[][] of(Kind kind, int channels, int frames, int bits, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long max = (1L << (bits - 1)) - 1;
        long min = -(1L << (bits - 1));
        int[][] x = new int[channels][frames];
        for (int c = 0; c < channels; c++) {
            double f = 0.002 + 0.01 * c + rnd.nextDouble() * 0.005;
            for (int i = 0; i < frames; i++) {
                long v;
                switch (kind) {
                    case NOISE:
                        v = min + (long) (rnd.nextDouble() * (max - min + 1.0));
                        break;
                    case TONE:
                        v = Math.round(0.89 * max * Math.sin(2 * Math.PI * f * i) + rnd.nextGaussian() * 2);
                        break;
                    case SILENCE:
                        v = 0;
                        break;
                    case EXTREMES:
                        v = ((i + c) & 1) == 0 ? max : min;
                        break;
                    case PADDED:
                        v = Math.round(0.5 * max * Math.sin(2 * Math.PI * f * i)) & ~((1L << Math.min(3, bits - 2)) - 1);
                        break;
                    case DUAL_MONO:
                        v = c == 0 ? Math.round(0.7 * max * Math.sin(2 * Math.PI * 0.003 * i)) : x[0][i];
                        break;
                    default:
                        v = (i / 37) * Math.max(1, max / 1000) % (max + 1) - max / 2;
                        break;
                }
                x[c][i] = (int) Math.max(min, Math.min(max, v));
            }
        }
        return x;
    }
}
