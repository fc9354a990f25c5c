package org.stemcheck.io.testing;

/**
 * Encodes one subframe (RFC 9639 section 9.2) for the test encoder: CONSTANT, VERBATIM, FIXED
 * (orders 0-4) or LPC (orders 1-32), with wasted bits and a Rice-coded residual in 2^k partitions,
 * 4- or 5-bit parameters and escaped partitions (section 9.2.7). Picks the smallest candidate the
 * settings allow.
 */
final class FlacSubframeEncoder {

    /** An escaped partition's width is a 5-bit number (RFC 9639 section 9.2.7). */
    private static final int MAX_ESCAPE_WIDTH = 31;

    private final FlacWriter.Settings s;

    FlacSubframeEncoder(FlacWriter.Settings s) {
        this.s = s;
    }

    /** The subframe of {@code x[0 .. n)}, samples of {@code bits} bits (one more for a side channel). */
    FlacBits encode(long[] x, int n, int bits) {
        int wasted = 0;
        long[] v = x;
        boolean allEqual = true;
        for (int i = 1; i < n; i++) {
            if (x[i] != x[0]) {
                allEqual = false;
                break;
            }
        }
        if (s.wastedBits && !allEqual) {
            long or = 0;
            for (int i = 0; i < n; i++) {
                or |= x[i];
            }
            wasted = or == 0 ? 0 : Math.min(Long.numberOfTrailingZeros(or), bits - 1);
            if (wasted > 0) {
                v = new long[n];
                for (int i = 0; i < n; i++) {
                    v[i] = x[i] >> wasted;
                }
            }
        }
        int b = bits - wasted;
        FlacBits best = null;
        if (allEqual && s.subframe == FlacWriter.Subframe.AUTO) {
            return header(0, 0).put(x[0], bits).tag("CONSTANT");
        }
        if (s.subframe == FlacWriter.Subframe.AUTO || s.subframe == FlacWriter.Subframe.VERBATIM) {
            best = verbatim(v, n, b, wasted);
        }
        if (s.subframe == FlacWriter.Subframe.AUTO || s.subframe == FlacWriter.Subframe.FIXED) {
            int from = s.fixedOrder >= 0 ? s.fixedOrder : 0;
            int to = s.fixedOrder >= 0 ? s.fixedOrder : 4;
            for (int order = from; order <= to; order++) {
                best = smaller(best, fixed(v, n, b, wasted, order));
            }
        }
        if ((s.subframe == FlacWriter.Subframe.AUTO || s.subframe == FlacWriter.Subframe.LPC) && s.lpcOrder > 0) {
            if (s.subframe == FlacWriter.Subframe.LPC) {
                best = smaller(best, lpc(v, n, b, wasted, s.lpcOrder, true));
            } else {
                for (int order : new int[] {1, 2, 4, 6, 8, 12, 16, 24, 32}) {
                    if (order <= s.lpcOrder) {
                        best = smaller(best, lpc(v, n, b, wasted, order, false));
                    }
                }
            }
        }
        if (best == null) {
            // The forced type cannot code this block (a residual beyond 32 bits): fall back to VERBATIM.
            best = verbatim(v, n, b, wasted);
        }
        return best;
    }

    private static FlacBits smaller(FlacBits a, FlacBits b) {
        if (b == null) {
            return a;
        }
        return a == null || b.length() < a.length() ? b : a;
    }

    /** Subframe header: a zero bit, 6-bit type, wasted-bits flag and its unary count (RFC 9639 sections 9.2.1, 9.2.2). */
    private static FlacBits header(int type, int wasted) {
        FlacBits w = new FlacBits().put(0, 1).put(type, 6);
        if (wasted == 0) {
            return w.put(0, 1);
        }
        return w.put(1, 1).unary(wasted - 1).tag("WASTED");
    }

    private static FlacBits verbatim(long[] v, int n, int bits, int wasted) {
        FlacBits w = header(1, wasted).tag("VERBATIM").tag("BITS" + bits);
        for (int i = 0; i < n; i++) {
            w.put(v[i], bits);
        }
        return w;
    }

    private FlacBits fixed(long[] v, int n, int bits, int wasted, int order) {
        if (order > n) {
            return null;
        }
        long[] res = new long[n];
        for (int i = order; i < n; i++) {
            long p;
            switch (order) {
                case 0: p = 0; break;
                case 1: p = v[i - 1]; break;
                case 2: p = 2 * v[i - 1] - v[i - 2]; break;
                case 3: p = 3 * v[i - 1] - 3 * v[i - 2] + v[i - 3]; break;
                default: p = 4 * v[i - 1] - 6 * v[i - 2] + 4 * v[i - 3] - v[i - 4]; break;
            }
            res[i] = v[i] - p;
        }
        FlacBits w = header(8 + order, wasted).tag("FIXED" + order).tag("BITS" + bits);
        for (int i = 0; i < order; i++) {
            w.put(v[i], bits);
        }
        FlacBits r = residual(res, n, order);
        return r == null ? null : w.append(r);
    }

    private FlacBits lpc(long[] v, int n, int bits, int wasted, int order, boolean forced) {
        if (order > n) {
            return null;
        }
        double[] a = FlacLpc.coefficients(v, n, order);
        if (a == null) {
            if (!forced) {
                return null;
            }
            a = new double[order];
        }
        int precision = s.lpcPrecision > 0 ? s.lpcPrecision : 15;
        FlacLpc.Quantised q = FlacLpc.quantise(a, precision);
        long[] c = q.coefficients();
        long[] res = new long[n];
        for (int i = order; i < n; i++) {
            long sum = 0;
            for (int j = 0; j < order; j++) {
                sum += c[j] * v[i - 1 - j];
            }
            res[i] = v[i] - (sum >> q.shift());
        }
        FlacBits w = header(32 + order - 1, wasted).tag("LPC" + order).tag("PRECISION" + precision).tag("BITS" + bits);
        for (int i = 0; i < order; i++) {
            w.put(v[i], bits);
        }
        w.put(precision - 1, 4).put(q.shift(), 5);
        for (long cj : c) {
            w.put(cj, precision);
        }
        FlacBits r = residual(res, n, order);
        return r == null ? null : w.append(r);
    }

    /** The coded residual of {@code res[order .. n)} (RFC 9639 section 9.2.7); null when a residual exceeds 32 bits. */
    FlacBits residual(long[] res, int n, int order) {
        long[] folded = new long[n];
        for (int i = order; i < n; i++) {
            long r = res[i];
            if (r < Integer.MIN_VALUE || r > Integer.MAX_VALUE) {
                return null;
            }
            folded[i] = r >= 0 ? r << 1 : ((-r) << 1) - 1;
        }
        FlacBits best = null;
        int fits = 0;
        for (int po = 0; po <= s.maxPartitionOrder; po++) {
            if ((n & ((1 << po) - 1)) != 0 || (n >> po) < order) {
                break;
            }
            fits = po;
            if (po >= s.minPartitionOrder) {
                best = smaller(best, partitioned(res, folded, n, order, po));
            }
        }
        return best != null ? best : partitioned(res, folded, n, order, fits);
    }

    private FlacBits partitioned(long[] res, long[] folded, int n, int order, int po) {
        int partitions = 1 << po;
        int per = n >> po;
        int[] params = new int[partitions];
        boolean five = s.fiveBitRice;
        for (int p = 0; p < partitions; p++) {
            int from = p == 0 ? order : p * per;
            int to = (p + 1) * per;
            params[p] = s.escapeAll && escapeWidth(res, from, to) <= MAX_ESCAPE_WIDTH ? -1 : bestParameter(folded, from, to, res);
            if (params[p] > 14) {
                five = true;
            }
        }
        int paramBits = five ? 5 : 4;
        FlacBits w = new FlacBits().put(five ? 1 : 0, 2).put(po, 4).tag(five ? "RICE5" : "RICE4").tag("PARTITIONS" + po);
        for (int p = 0; p < partitions; p++) {
            int from = p == 0 ? order : p * per;
            int to = (p + 1) * per;
            int k = params[p];
            if (k < 0) {
                int width = escapeWidth(res, from, to);
                w.put((1 << paramBits) - 1, paramBits).put(width, 5).tag("ESCAPE");
                if (width > 0) {
                    for (int i = from; i < to; i++) {
                        w.put(res[i], width);
                    }
                }
            } else {
                w.put(k, paramBits);
                for (int i = from; i < to; i++) {
                    w.unary(folded[i] >>> k);
                    if (k > 0) {
                        w.put(folded[i], k);
                    }
                }
            }
        }
        return w;
    }

    /**
     * The cheapest Rice parameter for the partition, or -1 when escaping is cheaper: the exact
     * cost of the parameters around log2 of the mean folded residual.
     */
    private static int bestParameter(long[] folded, int from, int to, long[] res) {
        int best = -1;
        int width = escapeWidth(res, from, to);
        long bestCost = width > MAX_ESCAPE_WIDTH ? Long.MAX_VALUE : 5 + (long) width * (to - from);
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += folded[i];
        }
        long mean = to > from ? sum / (to - from) : 0;
        int guess = 63 - Long.numberOfLeadingZeros(mean + 1);
        for (int k = Math.max(0, guess - 2); k <= Math.min(30, guess + 1); k++) {
            long cost = 0;
            for (int i = from; i < to && cost < bestCost; i++) {
                cost += (folded[i] >>> k) + 1 + k;
            }
            if (cost < bestCost) {
                bestCost = cost;
                best = k;
            }
        }
        return best;
    }

    /** Bits a two's complement number needs for every residual of the partition (0 when all are zero; up to 32). */
    private static int escapeWidth(long[] res, int from, int to) {
        int width = 0;
        for (int i = from; i < to; i++) {
            long r = res[i];
            long m = r < 0 ? ~r : r;
            width = Math.max(width, 65 - Long.numberOfLeadingZeros(m));
        }
        return width == 1 && allZero(res, from, to) ? 0 : width;
    }

    private static boolean allZero(long[] res, int from, int to) {
        for (int i = from; i < to; i++) {
            if (res[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
