package org.stemcheck.dsp;

import org.stemcheck.dsp.internal.loudness.KWeighting;

/**
 * BS.1770-4 integrated loudness computed the plain way, for comparison: the whole signal filtered
 * (direct form I), each 400 ms block summed afresh, gates applied as equations 5-7 write them.
 * Only for rates where 100 ms is a whole number of frames.
 */
final class DirectLoudness {

    private DirectLoudness() {
    }

    static double integrated(double[][] x, int fs, double[] weights) {
        double[][] y = new double[x.length][];
        for (int c = 0; c < x.length; c++) {
            KWeighting k = KWeighting.forRate(fs);
            y[c] = directForm1(directForm1(x[c], k.first().coefficients()), k.second().coefficients());
        }
        int block = fs * 4 / 10;
        int hop = fs / 10;
        int blocks = (x[0].length - block) / hop + 1;
        double[] z = new double[blocks];
        for (int j = 0; j < blocks; j++) {
            for (int c = 0; c < x.length; c++) {
                double sum = 0;
                for (int i = j * hop; i < j * hop + block; i++) {
                    sum += y[c][i] * y[c][i];
                }
                z[j] += weights[c] * sum / block;
            }
        }
        double mean = gatedMean(z, -70);
        return lufs(gatedMean(z, Math.max(-70, lufs(mean) - 10)));
    }

    private static double gatedMean(double[] z, double gateLufs) {
        double sum = 0;
        int n = 0;
        for (double v : z) {
            if (lufs(v) > gateLufs) {
                sum += v;
                n++;
            }
        }
        return sum / n;
    }

    private static double lufs(double power) {
        return -0.691 + 10 * Math.log10(power);
    }

    private static double[] directForm1(double[] x, double[] c) {
        double[] y = new double[x.length];
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
        for (int i = 0; i < x.length; i++) {
            y[i] = c[0] * x[i] + c[1] * x1 + c[2] * x2 - c[3] * y1 - c[4] * y2;
            x2 = x1;
            x1 = x[i];
            y2 = y1;
            y1 = y[i];
        }
        return y;
    }
}
