package org.stemcheck.core.internal.nulltest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stemcheck.core.Role;
import org.stemcheck.core.StemFile;
import org.stemcheck.core.internal.Input;
import org.stemcheck.dsp.set.NullResult;
import org.stemcheck.dsp.set.NullTest;
import org.stemcheck.dsp.set.NullTests;
import org.stemcheck.dsp.set.StemOffset;
import org.stemcheck.dsp.spectrum.WelchSpectrum;
import org.stemcheck.io.AudioFormat;

/**
 * The set pass: streams every stem and every candidate mix together in aligned blocks into
 * {@link NullTests} (one null test per mix, sharing the stems' share of the work), and keeps the
 * mix the stems null against best.
 *
 * <p>Passes: <b>one</b> for all mixes at once (each file decoded once), when the heap allows
 * (otherwise as many mixes a pass as fit {@link #HEAP_SHARE} of it, {@link #mixesPerPass}); a <b>second</b> one, over the stems and the chosen mix only, when a stem
 * was {@link StemOffset#displaced() displaced}: the displaced stems are moved back by their whole
 * samples while streaming, so that gains, transfers, the residual and its character are measured
 * with every stem in place; the stretches at either end that a moved stem no longer covers are left
 * out. (Shifting in the feed rather than with {@code Setup.alignedTo} moves
 * the residual probe too.) The first pass also has the null tests measure each stem's offset over
 * the first and the second half of the song ({@link Drifts}) for {@code mix.drift}.
 *
 * <p>Reading: the first pass that opens a file hands every block it decodes to that file's
 * {@link FileSink}, if the caller gave one, and reads the file to its end for it, so that the
 * file's per-file measurements need no read of their own. The second, aligned pass decodes the
 * stems and the chosen mix again (it has no sinks). Which files are streamed is {@link #select}'s
 * choice, known before the pass runs. Thread-safe: all state is local to {@link #run}.
 */
public final class SetPass {

    private static final Logger LOG = LoggerFactory.getLogger(SetPass.class);

    /**
     * Share of the heap the null tests of one pass may take; the rest stays for the per-file pass,
     * decoding and the collector's headroom. Measured on the benchmark song (9 files, 2 mixes)
     * under {@code -Xmx256m}: everything but the null tests is under 10 MB live (class histogram
     * after a full collection), so half the heap leaves the collector more than half of it free.
     */
    static final double HEAP_SHARE = 0.5;

    private SetPass() {
    }

    /**
     * How many of {@code mixes} mixes one pass compares: as many as fit {@link #HEAP_SHARE} of
     * {@code maxHeap}, at least one.
     */
    static int mixesPerPass(NullTest.Setup setup, int mixes, long maxHeap) {
        int fit = 1;
        while (fit < Math.min(mixes, NullTests.MAX_MIXES) && setup.estimatedBytes(fit + 1) <= HEAP_SHARE * maxHeap) {
            fit++;
        }
        return fit;
    }

    /**
     * Which files a set pass streams, chosen before it runs (so that the engine knows which files
     * it will read anyway).
     *
     * @param stems    indices of the stems streamed, in delivery order
     * @param mixes    indices of the candidate mixes streamed
     * @param rate     the pass's common rate, the first mix's
     * @param channels the pass's channel count, the first mix's
     * @param given    the name of the mix the caller named as the reference ({@code StemSet.mixdown}),
     *                 if any and if it can be compared: it is then the reference whatever the
     *                 others' null depths (which are still measured and reported)
     * @param spectra  the files (of {@code stems} and {@code mixes}) whose Welch spectrum the pass
     *                 can measure from its own transforms ({@link FileSink#spectrum}): at the
     *                 pass's rate and channels, as long as every mix, and at least one segment long
     */
    public record Selection(List<Integer> stems, List<Integer> mixes, int rate, int channels,
                            Optional<String> given, List<Integer> spectra) {

        public Selection {
            stems = List.copyOf(stems);
            mixes = List.copyOf(mixes);
            spectra = List.copyOf(spectra);
        }

        /** @return every file index the first pass reads: the stems, then the mixes */
        public List<Integer> files() {
            List<Integer> all = new ArrayList<>(stems);
            all.addAll(mixes);
            return List.copyOf(all);
        }
    }

    /**
     * The files a set pass would stream: a readable mix and at least two readable stems, at rates
     * convertible to the first mix's and channel counts that fit it. The mix named {@code given}
     * comes first, so that it sets the common format and is never the one left out.
     *
     * @param files  the files, in the order of {@code inputs}
     * @param inputs how to read each file
     * @param given  the name of the mix the caller named as the reference, if any
     * @return the selection, empty when no set pass can run
     */
    public static Optional<Selection> select(List<StemFile> files, List<Input> inputs, Optional<String> given) {
        List<Integer> stems = new ArrayList<>();
        List<Integer> mixes = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            StemFile f = files.get(i);
            if (!f.readable() || !inputs.get(i).readable()) {
                continue;
            }
            if (f.role().isStem()) {
                stems.add(i);
            } else if (f.role() == Role.MIXDOWN) {
                mixes.add(i);
            }
        }
        if (mixes.isEmpty() || stems.size() < 2) {
            return Optional.empty();
        }
        // The named mix sets the common format, so that it is never the one left out.
        given.ifPresent(name -> mixes.sort(java.util.Comparator.comparing(i -> !files.get(i).name().equals(name))));
        StemFile first = files.get(mixes.get(0));
        int rate = (int) Math.round(first.format().orElseThrow().sampleRate());
        int channels = first.format().orElseThrow().channels();
        mixes.removeIf(i -> files.get(i).format().orElseThrow().channels() != channels
                || !Feed.convertible(files.get(i).format().orElseThrow(), rate));
        stems.removeIf(i -> !Feed.fits(files.get(i).format().orElseThrow(), channels)
                || !Feed.convertible(files.get(i).format().orElseThrow(), rate));
        if (mixes.isEmpty()) {
            return Optional.empty();
        }
        if (stems.size() < 2 || stems.size() > NullTest.MAX_STEMS || channels > NullTest.MAX_CHANNELS
                || rate < 1000 || rate > 768_000) {
            LOG.debug("set pass skipped: {} stems of {} channels at {} Hz", stems.size(), channels, rate);
            return Optional.empty();
        }
        Optional<String> named = given.filter(name -> mixes.stream().anyMatch(i -> files.get(i).name().equals(name)));
        return Optional.of(new Selection(stems, mixes, rate, channels, named, spectra(files, stems, mixes, rate, channels)));
    }

    /**
     * The files whose Welch spectrum the pass can measure from its own transforms of exactly their
     * samples: at the pass's rate and channel count (not resampled or upmixed), not truncated, and
     * as long as every mix (so that the pass compares each of their frames and nothing more, in
     * any grouping of the mixes), at least one Welch segment long, at a rate where the null test's
     * frames are Welch's segments.
     */
    private static List<Integer> spectra(List<StemFile> files, List<Integer> stems, List<Integer> mixes, int rate,
                                         int channels) {
        if (!NullTests.welchSized(rate)) {
            return List.of();
        }
        long length = files.get(mixes.get(0)).frames();
        for (int i : mixes) {
            if (!sameShape(files.get(i), rate, channels, length)) {
                return List.of();
            }
        }
        if (length < WelchSpectrum.defaultSize(rate)) {
            return List.of();
        }
        List<Integer> out = new ArrayList<>();
        for (int i : stems) {
            if (sameShape(files.get(i), rate, channels, length)) {
                out.add(i);
            }
        }
        out.addAll(mixes);
        return out;
    }

    private static boolean sameShape(StemFile f, int rate, int channels, long frames) {
        AudioFormat format = f.format().orElseThrow();
        return format.sampleRate() == rate && format.channels() == channels && f.frames() == frames
                && f.truncation().isEmpty();
    }

    /**
     * Runs the set pass when the delivery has a readable mix and at least two readable stems.
     *
     * @param files  the files, in the order of {@code inputs}
     * @param inputs how to read each file
     * @return the analysis, empty when no set pass can run or it failed
     */
    public static Optional<SetAnalysis> run(List<StemFile> files, List<Input> inputs) {
        return select(files, inputs, Optional.empty()).flatMap(s -> run(files, inputs, s, Map.of(), null));
    }

    /**
     * Runs the set pass over a selection, handing each file's decoded blocks to its sink.
     *
     * @param files     the files, in the order of {@code inputs}
     * @param inputs    how to read each file
     * @param selection what {@link #select} chose for these files
     * @param sinks     by file index, where the first pass that reads a file hands its raw blocks
     *                  (it reads such a file to its end, even past the mixes' end); files without
     *                  a sink are read only as far as the pass needs. When the pass fails, a sink
     *                  may hear neither its end nor a failure.
     * @param executor  where the null tests' short-time spectra run beside the calling thread
     *                  ({@link NullTests#create(NullTest.Setup, int, boolean, Executor)}), or null
     *                  to run everything on the calling thread
     * @return the analysis, empty when the pass failed
     */
    public static Optional<SetAnalysis> run(List<StemFile> files, List<Input> inputs, Selection selection,
                                            Map<Integer, ? extends FileSink> sinks, Executor executor) {
        try {
            return Optional.of(new Plan(files, inputs, selection.stems(), selection.mixes(), selection.rate(),
                    selection.channels(), new HashMap<>(sinks), selection.given(), executor).execute());
        } catch (IOException | RuntimeException e) {
            LOG.warn("the set pass failed; the mix checks are left out", e);
            return Optional.empty();
        }
    }

    /** One run's files and common format; {@code sinks} loses each file's sink once a pass has opened it. */
    private record Plan(List<StemFile> files, List<Input> inputs, List<Integer> stems, List<Integer> mixes,
                        int rate, int channels, Map<Integer, FileSink> sinks, Optional<String> given,
                        Executor executor) {

        SetAnalysis execute() throws IOException {
            NullTest.Setup measured = Drifts.measuring(NullTest.Setup.of(rate, stems.size(), channels), total(mixes));
            int perPass = mixesPerPass(measured, mixes.size(),
                    Runtime.getRuntime().maxMemory());
            Map<Integer, NullResult> results = new LinkedHashMap<>();
            Map<Integer, ResidualCharacter> characters = new LinkedHashMap<>();
            Map<Integer, List<StemDrift>> drifts = new LinkedHashMap<>();
            for (int from = 0; from < mixes.size(); from += perPass) {
                List<Integer> some = mixes.subList(from, Math.min(mixes.size(), from + perPass));
                stream(some, new long[stems.size()], results, characters, drifts);
            }
            if (perPass < mixes.size()) {
                LOG.debug("{} mixes compared {} a pass: the heap holds no more", mixes.size(), perPass);
            }
            // 1: the stems as delivered; 2: and again with the displaced ones moved back (however
            // many passes the heap needed for the first comparison: the checks read it as that)
            int passes = 1;
            Optional<Integer> named = given.flatMap(name -> results.keySet().stream()
                    .filter(i -> files.get(i).name().equals(name)).findFirst());
            int best = named.orElseGet(() -> best(results));
            NullResult firstPass = results.get(best);
            NullResult last = firstPass;
            ResidualCharacter character = characters.get(best);
            long[] shifts = shifts(firstPass);
            if (Arrays.stream(shifts).anyMatch(s -> s != 0)) {
                Map<Integer, NullResult> r2 = new LinkedHashMap<>();
                Map<Integer, ResidualCharacter> c2 = new LinkedHashMap<>();
                stream(List.of(best), shifts, r2, c2, null);
                last = r2.get(best);
                character = c2.get(best);
                passes++;
            }
            Map<String, Double> depths = new LinkedHashMap<>();
            Map<String, Double> plainDepths = new LinkedHashMap<>();
            results.forEach((i, r) -> {
                depths.put(files.get(i).name(), r.gains().nullDepthDb());
                plainDepths.put(files.get(i).name(), r.residual().totalDb());
            });
            List<StemFile> stemFiles = stems.stream().map(files::get).toList();
            MixbusJudge.Verdict bus = MixbusJudge.judge(last);
            return new SetAnalysis(files.get(best), stemFiles, firstPass, last, character, depths, plainDepths,
                    bus.processed(), bus.commonGainDb(), passes, bpm(stemFiles), (double) start(shifts) / rate,
                    drifts.getOrDefault(best, List.of()), named.isPresent());
        }

        /** One pass over the stems (moved by {@code shifts}) and the mixes {@code mixIdx}. */
        private void stream(List<Integer> mixIdx, long[] shifts, Map<Integer, NullResult> results,
                            Map<Integer, ResidualCharacter> characters, Map<Integer, List<StemDrift>> drifts)
                throws IOException {
            int s = stems.size();
            int m = mixIdx.size();
            long total = total(mixIdx);
            NullTest.Setup setup = NullTest.Setup.of(rate, s, channels);
            List<FileSink> passSinks = new ArrayList<>();
            for (int k = 0; k < s + m; k++) {
                passSinks.add(sinks.remove(k < s ? stems.get(k) : mixIdx.get(k - s)));
            }
            boolean spectra = passSinks.stream().anyMatch(k -> k != null && k.wantsSpectrum());
            NullTests tests = NullTests.create(drifts == null ? setup : Drifts.measuring(setup, total), m, spectra,
                    executor);
            double[][][] stemBuf = new double[s][channels][Feed.BLOCK];
            double[][][] mixBuf = new double[m][channels][Feed.BLOCK];
            List<Feed> feeds = new ArrayList<>();
            try {
                for (int k = 0; k < s; k++) {
                    feeds.add(Feed.open(inputs.get(stems.get(k)), rate, shifts[k], passSinks.get(k)));
                }
                for (int k = 0; k < m; k++) {
                    feeds.add(Feed.open(inputs.get(mixIdx.get(k)), rate, 0, passSinks.get(s + k)));
                }
                long start = start(shifts);
                long end = total - Math.max(0, Arrays.stream(shifts).max().orElse(0));
                for (long done = 0; done < end; ) {
                    int n = (int) Math.min(Feed.BLOCK, done < start ? start - done : end - done);
                    for (int k = 0; k < s; k++) {
                        feeds.get(k).fill(stemBuf[k], n);
                    }
                    for (int k = 0; k < m; k++) {
                        feeds.get(s + k).fill(mixBuf[k], n);
                    }
                    if (done >= start) {
                        tests.accept(stemBuf, mixBuf, 0, n);
                    }
                    done += n;
                }
                feeds.forEach(Feed::drainToSink);
                if (spectra) {
                    giveSpectra(tests, feeds, passSinks, end, s);
                }
            } finally {
                feeds.forEach(Feed::close);
            }
            for (int k = 0; k < m; k++) {
                NullResult r = tests.result(k);
                results.put(mixIdx.get(k), r);
                characters.put(mixIdx.get(k), ResidualCharacter.of(r));
                if (drifts != null) {
                    drifts.put(mixIdx.get(k), Drifts.of(r.halves(), rate, total));
                }
            }
        }

        /**
         * Hands each sink that wants it its file's Welch spectrum, where the pass compared exactly
         * the file's own frames (the others measure it themselves).
         */
        private static void giveSpectra(NullTests tests, List<Feed> feeds, List<FileSink> passSinks, long compared,
                                        int stems) {
            if (!tests.fileSpectraAreWelch()) {
                return;
            }
            for (int k = 0; k < feeds.size(); k++) {
                FileSink sink = passSinks.get(k);
                if (sink != null && sink.wantsSpectrum() && feeds.get(k).deliveredExactly(compared)) {
                    sink.spectrum(k < stems ? tests.stemSpectrum(k) : tests.mixSpectrum(k - stems));
                }
            }
        }

        /** The frames of the longest of these mixes, at the pass's rate: the frames compared. */
        private long total(List<Integer> mixIdx) {
            long total = 0;
            for (int idx : mixIdx) {
                StemFile f = files.get(idx);
                total = Math.max(total, (long) Math.ceil(f.frames() * rate / f.format().orElseThrow().sampleRate()));
            }
            return total;
        }

        /**
         * The first frame compared: after the alignment, an early stem (negative shift) has no
         * material for the mix's first frames (it was cut before the file's start), as a late one
         * has none for the last frames; those stretches are left out of the comparison, as
         * {@code NullTest.Setup.alignedTo} does.
         */
        static long start(long[] shifts) {
            return Math.max(0, -Arrays.stream(shifts).min().orElse(0));
        }

        /**
         * The mix the stems are a delivery of: the deepest null after gains, except that among
         * the mixes the stems null against after gains (below {@link Thresholds#NULL_WARNING_DB}),
         * the one the stems as delivered (unity gains) null against best wins: an instrumental or
         * TV mix nulls as deep after gains as the full mix, but only by fitting the vocal stems a
         * gain of zero, which would then read as gain errors. NaN counts as the worst.
         */
        static int best(Map<Integer, NullResult> results) {
            int best = -1;
            double depth = Double.POSITIVE_INFINITY;
            for (Map.Entry<Integer, NullResult> e : results.entrySet()) {
                double d = worstIfNaN(e.getValue().gains().nullDepthDb());
                if (best < 0 || d < depth) {
                    best = e.getKey();
                    depth = d;
                }
            }
            if (depth > Thresholds.NULL_WARNING_DB) {
                return best;
            }
            double plain = Double.POSITIVE_INFINITY;
            for (Map.Entry<Integer, NullResult> e : results.entrySet()) {
                double d = worstIfNaN(e.getValue().residual().totalDb());
                if (worstIfNaN(e.getValue().gains().nullDepthDb()) <= Thresholds.NULL_WARNING_DB && d < plain) {
                    best = e.getKey();
                    plain = d;
                }
            }
            return best;
        }

        private static double worstIfNaN(double db) {
            return Double.isNaN(db) ? Double.POSITIVE_INFINITY : db;
        }

        /** Per stem, the whole samples to move it back by: its offset where displaced, else 0. */
        private static long[] shifts(NullResult r) {
            long[] out = new long[r.offsets().size()];
            for (StemOffset o : r.offsets()) {
                out[o.stem()] = o.displaced() ? o.wholeSamples() : 0;
            }
            return out;
        }

        private static OptionalDouble bpm(List<StemFile> stems) {
            return stems.stream().map(StemFile::bpm).filter(OptionalDouble::isPresent)
                    .mapToDouble(OptionalDouble::getAsDouble).findFirst();
        }
    }
}
