package org.stemcheck.core.internal.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * The null residual over time, split among the causes the diagnosis names, for the report's plot.
 * The diagnosis says <em>which</em> stems leave residual (one lacking its bus compression, one cut
 * short, one mono ...) but not <em>when</em>; this estimates it with one plain model: the residual
 * a stem's fault leaves rises and falls with the stem itself (its level over time), so per
 * stretch {@code t}
 *
 * <pre>
 *   residual power(t) = sum over causes k of  c_k * r_k(t)  +  rest(t),   c_k &gt;= 0
 * </pre>
 *
 * where {@code r_k} is the cause's shape in time (the stem's power; for a stem cut short, the
 * residual after its file ends) and the {@code c_k} are fitted by non-negative least squares over
 * the whole mix. Per stretch a cause gets {@code c_k r_k(t)}, scaled down where the causes
 * together would exceed the residual; what they leave is the rest (unexplained, or content no stem
 * carries when the diagnosis says so). The parts add up to the residual in power at every stretch.
 */
final class ResidualSplit {

    /** Sweeps of coordinate descent for the fit: a handful of causes settle in far fewer. */
    static final int SWEEPS = 200;

    private ResidualSplit() {
    }

    /**
     * Splits the residual.
     *
     * @param residualPower the residual's power (mean square) per stretch
     * @param shapes        per cause, its shape over the same stretches (power, any scale, {@code >= 0};
     *                      non-finite values count as 0)
     * @return per cause then the rest ({@code shapes.size() + 1} arrays), power per stretch
     */
    static List<double[]> split(double[] residualPower, List<double[]> shapes) {
        int n = residualPower.length;
        int k = shapes.size();
        double[][] r = new double[k][];
        for (int j = 0; j < k; j++) {
            r[j] = clean(shapes.get(j), n);
        }
        double[] target = clean(residualPower, n);
        double[] c = fit(target, r);
        List<double[]> parts = new ArrayList<>();
        double[] rest = target.clone();
        double[][] a = new double[k][n];
        for (int t = 0; t < n; t++) {
            double sum = 0;
            for (int j = 0; j < k; j++) {
                a[j][t] = c[j] * r[j][t];
                sum += a[j][t];
            }
            double scale = sum > target[t] && sum > 0 ? target[t] / sum : 1;
            double explained = 0;
            for (int j = 0; j < k; j++) {
                a[j][t] *= scale;
                explained += a[j][t];
            }
            rest[t] = Math.max(0, target[t] - explained);
        }
        for (int j = 0; j < k; j++) {
            parts.add(a[j]);
        }
        parts.add(rest);
        return parts;
    }

    /** Non-negative least squares by cyclic coordinate descent (a few regressors, thousands of rows). */
    static double[] fit(double[] y, double[][] r) {
        int k = r.length;
        double[] c = new double[k];
        double[] norm = new double[k];
        for (int j = 0; j < k; j++) {
            norm[j] = dot(r[j], r[j]);
        }
        double[] fitted = new double[y.length];
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            double moved = 0;
            for (int j = 0; j < k; j++) {
                if (!(norm[j] > 0)) {
                    continue;
                }
                double g = 0;
                for (int t = 0; t < y.length; t++) {
                    g += r[j][t] * (y[t] - fitted[t]);
                }
                double next = Math.max(0, c[j] + g / norm[j]);
                double step = next - c[j];
                if (step != 0) {
                    for (int t = 0; t < y.length; t++) {
                        fitted[t] += step * r[j][t];
                    }
                    moved = Math.max(moved, Math.abs(step) / Math.max(Math.abs(next), Double.MIN_NORMAL));
                    c[j] = next;
                }
            }
            if (moved < 1e-9) {
                break;
            }
        }
        return c;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[] clean(double[] v, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n && i < v.length; i++) {
            out[i] = Double.isFinite(v[i]) && v[i] > 0 ? v[i] : 0;
        }
        return out;
    }
}
