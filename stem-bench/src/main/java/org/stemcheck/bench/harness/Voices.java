package org.stemcheck.bench.harness;

/**
 * The voices generated deliveries are made of: band-limited noise, tones, transients, and a gate
 * that cuts a voice into phrases separated by digital silence.
 */
final class Voices {

    private Voices() {
    }

    /** One-pole low-pass coefficient for a corner frequency. */
    static double onePole(double hz, int rate) {
        return 1 - Math.exp(-2 * Math.PI * hz / rate);
    }

    /**
     * Decorrelated stereo noise between two corners: the difference of two one-pole low-passes
     * of uniform noise. Each low-pass is a convex combination of its inputs, so the band is
     * bounded by {@code 2 * amplitude}.
     */
    static Voice bandNoise(double lowHz, double highHz, double amplitude, int rate, long seed) {
        double hi = onePole(highHz, rate);
        double lo = onePole(lowHz, rate);
        return new Voice() {
            private final Noise nl = new Noise(seed);
            private final Noise nr = new Noise(seed * 31 + 7);
            private double hl;
            private double ll;
            private double hr;
            private double lr;

            @Override
            public void addTo(double[] left, double[] right, int n) {
                for (int i = 0; i < n; i++) {
                    double xl = nl.next();
                    double xr = nr.next();
                    hl += hi * (xl - hl);
                    ll += lo * (xl - ll);
                    hr += hi * (xr - hr);
                    lr += lo * (xr - lr);
                    left[i] += amplitude * (hl - ll);
                    right[i] += amplitude * (hr - lr);
                }
            }

            @Override
            public double bound() {
                return 2 * amplitude;
            }
        };
    }

    /**
     * Harmonic partials of equal amplitude, panned (0 = left, 1 = right) and with a slow tremolo;
     * sines by complex rotation, renormalised every block.
     */
    static Voice tone(double[] hz, double amplitude, double pan, int rate) {
        return new Voice() {
            private final double[] cr = new double[hz.length];
            private final double[] sr = new double[hz.length];
            private final double[] c = new double[hz.length];
            private final double[] s = new double[hz.length];
            private final double trem = 2 * Math.PI * 0.3 / rate;
            private long t;

            {
                for (int k = 0; k < hz.length; k++) {
                    cr[k] = Math.cos(2 * Math.PI * hz[k] / rate);
                    sr[k] = Math.sin(2 * Math.PI * hz[k] / rate);
                    c[k] = 1;
                }
            }

            @Override
            public void addTo(double[] left, double[] right, int n) {
                double env = 0.7 + 0.3 * Math.sin(trem * t); // one tremolo value a block: cheap and smooth enough
                double gl = amplitude * env * (1 - pan);
                double gr = amplitude * env * pan;
                for (int k = 0; k < hz.length; k++) {
                    double ck = c[k];
                    double sk = s[k];
                    for (int i = 0; i < n; i++) {
                        left[i] += gl * sk;
                        right[i] += gr * sk;
                        double nc = ck * cr[k] - sk * sr[k];
                        sk = sk * cr[k] + ck * sr[k];
                        ck = nc;
                    }
                    double norm = 1 / Math.sqrt(ck * ck + sk * sk);
                    c[k] = ck * norm;
                    s[k] = sk * norm;
                }
                t += n;
            }

            @Override
            public double bound() {
                return amplitude * hz.length;
            }
        };
    }

    /**
     * Transients every {@code period} frames from {@code offset}: an exponentially decaying burst
     * of noise over a low thump, centred.
     */
    static Voice hits(long period, long offset, double decaySeconds, double thumpHz, double amplitude, int rate,
                      long seed) {
        double decay = Math.exp(-1 / (decaySeconds * rate));
        double w = 2 * Math.PI * thumpHz / rate;
        return new Voice() {
            private final Noise noise = new Noise(seed);
            private long untilHit = offset;
            private double env;
            private double c;
            private double s;

            @Override
            public void addTo(double[] left, double[] right, int n) {
                double cw = Math.cos(w);
                double sw = Math.sin(w);
                for (int i = 0; i < n; i++) {
                    if (untilHit-- == 0) {
                        untilHit = period - 1;
                        env = 1;
                        c = 1;
                        s = 0;
                    }
                    double v = amplitude * env * (0.5 * noise.next() + 0.5 * s);
                    left[i] += v;
                    right[i] += v;
                    env *= decay;
                    double nc = c * cw - s * sw;
                    s = s * cw + c * sw;
                    c = nc;
                }
            }

            @Override
            public double bound() {
                return amplitude;
            }
        };
    }

    /**
     * Cuts a voice into sections of {@code sectionFrames}, each on with probability {@code onProbability}
     * (decided by the seed), with 5 ms ramps; off sections are digital silence. The first
     * {@code leadInSections} sections are always silent.
     */
    static Voice gate(Voice voice, long sectionFrames, double onProbability, int leadInSections, int rate, long seed) {
        int ramp = rate / 200;
        return new Voice() {
            private double[] bl = new double[0];
            private double[] br = new double[0];
            private long section = -1;
            private long into;
            private boolean on;

            @Override
            public void addTo(double[] left, double[] right, int n) {
                if (bl.length < n) {
                    bl = new double[n];
                    br = new double[n];
                }
                java.util.Arrays.fill(bl, 0, n, 0);
                java.util.Arrays.fill(br, 0, n, 0);
                voice.addTo(bl, br, n);
                for (int i = 0; i < n; i++) {
                    if (section < 0 || ++into == sectionFrames) {
                        section++;
                        into = 0;
                        on = section >= leadInSections && isOn(section);
                    }
                    if (on) {
                        double g = Math.min(1, Math.min(into, sectionFrames - 1 - into) / (double) ramp);
                        left[i] += g * bl[i];
                        right[i] += g * br[i];
                    }
                }
            }

            private boolean isOn(long index) {
                long h = (index + 1) * 0x9E3779B97F4A7C15L ^ seed;
                h ^= h >>> 31;
                h *= 0xBF58476D1CE4E5B9L;
                h ^= h >>> 29;
                return (h >>> 11) * 0x1p-53 < onProbability;
            }

            @Override
            public double bound() {
                return voice.bound();
            }
        };
    }

    /** Several voices together. */
    static Voice sum(Voice... voices) {
        return new Voice() {
            @Override
            public void addTo(double[] left, double[] right, int n) {
                for (Voice v : voices) {
                    v.addTo(left, right, n);
                }
            }

            @Override
            public double bound() {
                double b = 0;
                for (Voice v : voices) {
                    b += v.bound();
                }
                return b;
            }
        };
    }
}
