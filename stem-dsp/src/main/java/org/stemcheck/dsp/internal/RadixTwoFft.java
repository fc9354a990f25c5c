package org.stemcheck.dsp.internal;

/**
 * An in-place iterative radix-2 complex FFT of a power-of-two size on one pair of split rows:
 * bit-reversal permutation, then decimation-in-time butterflies with a precomputed twiddle table
 * (Cooley and Tukey 1965; Van Loan, "Computational Frameworks for the Fast Fourier Transform",
 * SIAM 1992, Algorithm 1.6.2). Used for small transforms, where the row layout of {@link RowFft}
 * does not pay, and inside {@link BluesteinFft}.
 */
final class RadixTwoFft implements ComplexPlan {

    private final int size;
    private final double[] re;
    private final double[] im;
    /** {@code exp(-2 pi i t / size)} for {@code t < size / 2}. */
    private final double[] cos;
    private final double[] sin;
    private final int[] reversed;

    RadixTwoFft(int size) {
        if (size < 1 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("size must be a power of two: " + size);
        }
        this.size = size;
        this.re = new double[size];
        this.im = new double[size];
        this.cos = new double[Math.max(1, size / 2)];
        this.sin = new double[Math.max(1, size / 2)];
        for (int t = 0; t < size / 2; t++) {
            cos[t] = Twiddles.cos(t, size);
            sin[t] = -Twiddles.sin(t, size);
        }
        this.reversed = Twiddles.bitReversal(size);
    }

    @Override
    public int inRows() {
        return 1;
    }

    @Override
    public int inLength() {
        return size;
    }

    @Override
    public double[] inRe(int row) {
        return re;
    }

    @Override
    public double[] inIm(int row) {
        return im;
    }

    @Override
    public void transform() {
        for (int i = 0; i < size; i++) {
            int j = reversed[i];
            if (j > i) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int half = 1, step = size / 2; half < size; half *= 2, step /= 2) {
            for (int start = 0; start < size; start += 2 * half) {
                for (int j = 0; j < half; j++) {
                    int p = start + j;
                    int q = p + half;
                    double wr = cos[j * step];
                    double wi = sin[j * step];
                    double tr = wr * re[q] - wi * im[q];
                    double ti = wr * im[q] + wi * re[q];
                    re[q] = re[p] - tr;
                    im[q] = im[p] - ti;
                    re[p] += tr;
                    im[p] += ti;
                }
            }
        }
    }

    @Override
    public int outRows() {
        return 1;
    }

    @Override
    public int outLength() {
        return size;
    }

    @Override
    public double[] outRe(int row) {
        return re;
    }

    @Override
    public double[] outIm(int row) {
        return im;
    }
}
