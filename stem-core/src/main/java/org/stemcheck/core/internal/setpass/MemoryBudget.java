package org.stemcheck.core.internal.setpass;

import java.util.Locale;

import org.stemcheck.dsp.nullsum.NullSum;
import org.stemcheck.dsp.nullsum.NullSumSetup;

/**
 * The heap a set pass may plan with, from the heap the JVM was given ({@code Runtime.maxMemory()},
 * i.e. {@code -Xmx}), and the plan that fits it ({@link #plan}).
 *
 * <p>What is not the null tests' is reserved first: {@link #BASE} for the JVM's own (classes, the
 * report, the caller) and {@link #PER_FILE} per file the pass streams (the file's queue of blocks
 * to its per-file measurements, its decoder and feed, its accumulators). Of the rest the null
 * tests may hold {@link #SHARE}: their largest arrays are several MiB each, which G1 places in
 * runs of free regions, so the collector needs room beside them (at {@code -Xmx128m} a region is
 * 1 MiB and a 2^19-point transform's array 4 MiB).
 *
 * <p>Immutable.
 *
 * @param maxHeap the heap, bytes
 */
public record MemoryBudget(long maxHeap) {

    static final long MIB = 1L << 20;

    /**
     * Held outside the set pass whatever the delivery: loaded classes, the CLI, the report.
     * Measured on the song of 7 stems and 2 mixes: 10 to 13 MB live besides the null tests
     * (class histograms during the run).
     */
    static final long BASE = 16 * MIB;

    /** Per file the pass streams: 4 queued blocks and the feed's (about 1 MiB stereo), the accumulators. */
    static final long PER_FILE = 3 * MIB / 2;

    /** Share of what is left that the null tests of one pass may hold. */
    static final double SHARE = 0.7;

    /**
     * Offset search ranges tried, widest first, when the heap holds no wider one: the default
     * +/- 2 s down to +/- 0.25 s (a stem that is displaced further still fails to null).
     */
    static final double[] RANGES = {NullSumSetup.DEFAULT_MAX_OFFSET_SECONDS, 1.0, 0.5, 0.25};

    /**
     * The budget of this JVM.
     *
     * @return {@code Runtime.maxMemory()}'s budget
     */
    public static MemoryBudget ofThisJvm() {
        return new MemoryBudget(Runtime.getRuntime().maxMemory());
    }

    /**
     * Bytes the null tests of one pass may hold when {@code files} files are streamed.
     *
     * @param files stems and mixes streamed
     * @return bytes, 0 when the heap is smaller than the reserve
     */
    public long forNullTests(int files) {
        return (long) (SHARE * Math.max(0, maxHeap - BASE - PER_FILE * files));
    }

    /**
     * The smallest heap whose budget holds {@code bytes} of null tests, rounded up to 32 MiB.
     *
     * @param bytes what the null tests hold
     * @param files stems and mixes streamed
     * @return bytes
     */
    static long heapFor(long bytes, int files) {
        long heap = (long) Math.ceil(bytes / SHARE) + BASE + PER_FILE * files;
        long step = 32 * MIB;
        return (heap + step - 1) / step * step;
    }

    /**
     * How the set pass fits this budget: the widest offset range (of {@link #RANGES}, none wider
     * than the setup's) whose null tests fit, exact before compact
     * ({@link NullSum#create(NullSumSetup, int, boolean, java.util.concurrent.Executor, boolean)}),
     * with as many mixes a pass as fit.
     *
     * @param rate     the pass's rate, Hz
     * @param stems    stems compared
     * @param channels channels of the pass
     * @param mixes    candidate mixes
     * @param frames   frames compared (for the drift halves' range)
     * @return the plan; {@link Plan#fits()} false when not even the narrowest compact search of one
     *         mix fits
     */
    public Plan plan(int rate, int stems, int channels, int mixes, long frames) {
        int files = stems + Math.min(mixes, NullSum.MAX_MIXES);
        long budget = forNullTests(files);
        double full = RANGES[0];
        long fullBytes = Drifts.measuring(new NullSumSetup(rate, stems, channels, full), frames)
                .estimatedBytes(Math.min(mixes, NullSum.MAX_MIXES));
        long fullHeap = heapFor(fullBytes, files);
        for (double range : RANGES) {
            if (range * rate < 1) {
                continue;
            }
            NullSumSetup setup = Drifts.measuring(new NullSumSetup(rate, stems, channels, range), frames);
            for (boolean compact : new boolean[] {false, true}) {
                if (compact && !setup.compactOffsetsSave()) {
                    continue;
                }
                if (setup.estimatedBytes(1, false, compact) <= budget) {
                    int perPass = mixesPerPass(setup, mixes, budget, compact);
                    return new Plan(range, compact, perPass, true, maxHeap, fullHeap,
                            setup.estimatedBytes(perPass, false, compact));
                }
            }
        }
        double narrowest = RANGES[RANGES.length - 1];
        NullSumSetup least = Drifts.measuring(new NullSumSetup(rate, stems, channels, narrowest), frames);
        long leastBytes = least.estimatedBytes(1, false, least.compactOffsetsSave());
        return new Plan(narrowest, least.compactOffsetsSave(), 1, false, maxHeap, fullHeap, leastBytes);
    }

    /**
     * How many of {@code mixes} mixes one pass compares: as many as fit {@code budget}, at least one.
     */
    static int mixesPerPass(NullSumSetup setup, int mixes, long budget, boolean compact) {
        int fit = 1;
        while (fit < Math.min(mixes, NullSum.MAX_MIXES) && setup.estimatedBytes(fit + 1, false, compact) <= budget) {
            fit++;
        }
        return fit;
    }

    /**
     * How a set pass runs within the heap.
     *
     * @param rangeSeconds the offset search range, +/- seconds
     * @param compact      whether the offsets' full-rate stage is compact (a shorter loudest hop)
     * @param mixesPerPass mixes compared in one pass (the stems are read once per group)
     * @param fits         false when even the narrowest plan does not fit: the set pass cannot run
     * @param maxHeap      the heap planned with, bytes
     * @param heapForFull  the heap (bytes, rounded up) under which the full plan runs
     * @param bytes        the null tests' estimated peak in this plan, bytes
     */
    public record Plan(double rangeSeconds, boolean compact, int mixesPerPass, boolean fits, long maxHeap,
                       long heapForFull, long bytes) {

        /** @return true when the offset search is narrower than the default */
        public boolean narrowed() {
            return rangeSeconds < RANGES[0];
        }

        /** @return what a user reads: what the heap allowed and what heap gives the full search */
        public String describe() {
            if (!fits) {
                return String.format(Locale.ROOT, "the heap (%s) is too small for the null test even with a"
                                + " +/- %.2f s offset search (it needs about %s); the mix checks were left out",
                        mb(maxHeap), rangeSeconds, mb(bytes));
            }
            return String.format(Locale.ROOT, "the heap (%s) held the null test's offset search only within"
                    + " +/- %s s instead of +/- %s s: a stem displaced by more was not located (it still fails"
                    + " to null)", mb(maxHeap), seconds(rangeSeconds), seconds(RANGES[0]));
        }

        /** @return the {@code -Xmx} option that gives the full null test, e.g. {@code -Xmx416m} */
        public String xmx() {
            return "-Xmx" + (heapForFull + MIB - 1) / MIB + "m";
        }

        private static String mb(long bytes) {
            return (bytes + MIB - 1) / MIB + " MiB";
        }

        private static String seconds(double s) {
            return s == Math.rint(s) ? String.format(Locale.ROOT, "%.0f", s) : String.format(Locale.ROOT, "%s", s);
        }
    }
}
