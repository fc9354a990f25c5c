package org.stemcheck.bench.harness;

/** Uniform white noise in [-1, 1) from xorshift64* (Vigna 2016): a few ns a sample. */
final class Noise {

    private long state;

    Noise(long seed) {
        this.state = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
    }

    double next() {
        state ^= state >>> 12;
        state ^= state << 25;
        state ^= state >>> 27;
        long r = state * 0x2545F4914F6CDD1DL;
        return (r >>> 11) * 0x1p-52 - 1.0;
    }
}
