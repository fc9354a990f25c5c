package org.stemcheck.core.internal.setpass;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.internal.layout.PairRouting;
import org.stemcheck.core.nulltest.NullTestResult;
import org.stemcheck.dsp.nullsum.NullResult;
import org.stemcheck.dsp.nullsum.NullSum;
import org.stemcheck.dsp.nullsum.NullSumSetup;
import org.stemcheck.dsp.nullsum.StemOffset;

/**
 * One run of the {@link SetPass}: the screen of every mix, then, unless the stems null cleanly,
 * the diagnosis of the chosen mix, the pass with the displaced stems moved back and the trials of
 * the offsets that were not clear ({@link OffsetTrials}); each pass
 * streams the files through {@link Feed}s into {@link NullSum}. {@code opened} holds the files a
 * pass has opened (their sinks are used up); {@code memory} how the passes fit the heap;
 * {@code diagnoseAlways} whether a clean delivery is diagnosed too (for tests). Not thread-safe:
 * one run, on the calling thread.
 */
record SetPassRun(Selection selection, Set<PassFile> opened, Executor executor, MemoryBudget.Plan memory,
                  boolean diagnoseAlways) {

    /** The set pass's logger: these are its messages, whichever class writes them. */
    private static final Logger LOG = LoggerFactory.getLogger(SetPass.class);

    /** What a pass over the audio measures. */
    private enum Stage {
        /** The cheap part, every mix: plain residual, gains, dynamics (and the files' spectra). */
        SCREEN,
        /** Everything, against the chosen mix, with the drift halves: the stems as delivered. */
        DIAGNOSIS,
        /** Everything, against the chosen mix, with the displaced stems moved back. */
        ALIGNED,
        /**
         * The cheap part alone, against the chosen mix, with the stems moved as a trial would move
         * them: the null after gains that decides the trial, the same to the bit as an
         * {@link #ALIGNED} pass's (the same setup and chunks: {@link NullSum#screen}).
         */
        TRIAL
    }

    List<PassFile> stems() {
        return selection.stems();
    }

    int rate() {
        return selection.rate();
    }

    SetAnalysis execute() throws IOException {
        List<PassFile> mixes = selection.mixes();
        int perPass = memory.mixesPerPass();
        // 1: the screen, every stem against every mix (grouped as the heap asks), each file
        // read once with its sink: the plain residual, the gains and the dynamics
        Map<PassFile, NullResult> screens = new LinkedHashMap<>();
        Map<PassFile, double[]> levels = new LinkedHashMap<>();
        Map<PassFile, Long> compared = new LinkedHashMap<>();
        Map<PassFile, List<PairRouting.Sums>> routing = new LinkedHashMap<>();
        for (int from = 0; from < mixes.size(); from += perPass) {
            List<PassFile> some = mixes.subList(from, Math.min(mixes.size(), from + perPass));
            long total = total(some);
            NullSum screen = stream(some, new long[stems().size()], total, Stage.SCREEN, routing, null);
            for (int k = 0; k < some.size(); k++) {
                screens.put(some.get(k), screen.result(k));
                levels.put(some.get(k), screen.stemLevelsDb(k));
                compared.put(some.get(k), total);
            }
        }
        if (perPass < mixes.size()) {
            LOG.debug("{} mixes compared {} a pass: the heap holds no more", mixes.size(), perPass);
        }
        Optional<PassFile> named = selection.given().flatMap(name -> screens.keySet().stream()
                .filter(p -> p.info().name().equals(name)).findFirst());
        PassFile best = named.orElseGet(() -> best(screens));
        Map<StemFile, SetAnalysis.Depths> depths = new LinkedHashMap<>();
        screens.forEach((p, r) -> depths.put(p.info(),
                new SetAnalysis.Depths(r.gains().nullDepthDb(), r.residual().totalDb())));
        List<StemFile> stemFiles = stems().stream().map(PassFile::info).toList();
        SetAnalysis.Choice choice = new SetAnalysis.Choice(best.info(), named.isPresent(), depths);
        NullResult screened = screens.get(best);
        MixbusJudge.Verdict plainBus = MixbusJudge.judge(screened, 0.0);
        if (!diagnoseAlways && CleanNull.nullsCleanly(screened, levels.get(best), plainBus)) {
            LOG.debug("the stems null to {} dB against {}: clean, the diagnosis is left out",
                    screened.residual().totalDb(), best.info().name());
            return new SetAnalysis(stemFiles, choice, SetAnalysis.Passes.screened(screened),
                    ResidualCharacter.screened(screened), List.of(), plainBus, 0.0, false,
                    routing.getOrDefault(best, List.of()));
        }
        // 2: the diagnosis, of the chosen mix only: the stems and that mix again (from the page
        // cache), everything measured, over the frames its first comparison covered
        long total = compared.get(best);
        NullSum diagnosis = stream(List.of(best), new long[stems().size()], total, Stage.DIAGNOSIS, routing,
                screened);
        NullResult firstPass = diagnosis.result(0);
        NullResult last = firstPass;
        ResidualCharacter character = ResidualCharacter.of(firstPass);
        List<StemDrift> drifts = Drifts.of(firstPass.halves(), rate(), total);
        // passes, as the checks count them: 1, the stems as delivered; 2, and again with the
        // displaced ones moved back
        int passes = 1;
        int reads = 1;
        double shared = SharedOffset.of(firstPass.offsets());
        long[] shifts = shifts(firstPass, shared);
        if (Arrays.stream(shifts).anyMatch(x -> x != 0)) {
            last = aligned(best, shifts, routing);
            passes = 2;
            reads++;
        }
        // 3: offsets the peaks could not vouch for, each tried with a pass of its own and kept
        // when it deepens the null (OffsetTrials)
        double candidate = shared == 0 ? SharedOffset.candidate(firstPass.offsets()) : 0.0;
        if (candidate != 0) {
            long[] tried = shifts(firstPass, candidate);
            NullResult before = last;
            Optional<NullResult> kept = trial(best, tried, t -> OffsetTrials.deepens(t, before, OffsetTrials.SHARED_GAIN_DB),
                    routing);
            reads += kept.isPresent() ? 2 : 1;
            if (kept.isPresent()) {
                shared = candidate;
                shifts = tried;
                last = kept.get();
                passes = 2;
            }
        }
        List<Integer> confirmed = new ArrayList<>();
        NullResult settled = firstPass;
        for (int i : OffsetTrials.stemCandidates(firstPass, last, levels.get(best), shifts)) {
            long[] tried = shifts.clone();
            tried[i] = firstPass.offsets().get(i).wholeSamples();
            NullResult before = last;
            double levelDb = levels.get(best)[i];
            double commonGainDb = MixbusJudge.judge(before, shared).commonGainDb();
            Optional<NullResult> kept = trial(best, tried,
                    t -> OffsetTrials.keeps(t, before, i, levelDb, commonGainDb), routing);
            reads += kept.isPresent() ? 2 : 1;
            if (kept.isPresent()) {
                confirmed.add(i);
                shifts = tried;
                last = kept.get();
                passes = 2;
                // a move that leaves the stem displaced again went a repetition too far
                StemOffset left = last.offsets().get(i);
                if (OffsetTrials.repetitionTooFar(left, shifts[i])) {
                    long[] closer = shifts.clone();
                    closer[i] = shifts[i] + left.wholeSamples();
                    NullResult far = last;
                    Optional<NullResult> nearer = trial(best, closer, t -> OffsetTrials.asDeep(t, far), routing);
                    reads += nearer.isPresent() ? 2 : 1;
                    if (nearer.isPresent()) {
                        shifts = closer;
                        last = nearer.get();
                        settled = OffsetTrials.settled(settled, i, shifts[i], left, last.offsets().get(i), rate());
                    }
                }
            }
        }
        if (last != firstPass) {
            character = ResidualCharacter.of(last);
        }
        return new SetAnalysis(stemFiles, choice,
                new SetAnalysis.Passes(settled, last, passes, (double) start(shifts) / rate(), confirmed, reads),
                character, drifts, MixbusJudge.judge(last, shared), shared, true, routing.getOrDefault(best, List.of()));
    }

    /**
     * A trial of the stems moved by {@code tried}: the result of a pass with them so moved when
     * {@code keep} accepts it ({@link OffsetTrials}; its channel-pair routing then replaces the
     * mix's in {@code routing}), else empty. What decides (the null after gains, the gains) comes
     * from a screening pass first (residual and gains only, the same to the bit as the full pass's);
     * only a trial that is kept pays for the full pass (offsets, transfers, spectra).
     */
    private Optional<NullResult> trial(PassFile best, long[] tried, Predicate<NullResult> keep,
                                       Map<PassFile, List<PairRouting.Sums>> routing)
            throws IOException {
        NullResult screened = stream(List.of(best), tried, total(List.of(best)), Stage.TRIAL, null, null).result(0);
        if (!keep.test(screened)) {
            return Optional.empty();
        }
        Map<PassFile, List<PairRouting.Sums>> triedRouting = new LinkedHashMap<>();
        NullResult r = aligned(best, tried, triedRouting);
        LOG.debug("a trial pass with the stems moved by {} deepens the null to {} dB", Arrays.toString(tried),
                r.gains().nullDepthDb());
        routing.putAll(triedRouting);
        return Optional.of(r);
    }

    /** A pass over the stems moved by {@code shifts} against the chosen mix alone: everything measured. */
    private NullResult aligned(PassFile best, long[] shifts, Map<PassFile, List<PairRouting.Sums>> routing)
            throws IOException {
        return stream(List.of(best), shifts, total(List.of(best)), Stage.ALIGNED, routing, null).result(0);
    }

    /**
     * One pass over the stems (moved by {@code shifts}) and the mixes {@code some}, comparing
     * {@code total} frames; the first pass to open a file feeds its sink; {@code routing} receives
     * each mix's channel-pair routing of the stems ({@link PairRouting}), replacing an earlier
     * pass's. The {@link Stage#DIAGNOSIS} measures none: it streams the chosen mix's frames of
     * the screen again, unmoved, in the same blocks, so the screen's routing of that mix is what
     * it would measure; nor does a {@link Stage#TRIAL} ({@code routing} may then be null).
     * {@code screened} is, for the diagnosis, the screen's result against the chosen mix: the
     * diagnosis takes its plain residual, gains and dynamics ({@link NullSum#afterScreen}: the
     * same frames in the same chunks, the same bits) instead of summing them again.
     *
     * @return the null sum, fed to the end
     */
    private NullSum stream(List<PassFile> some, long[] shifts, long total, Stage stage,
                           Map<PassFile, List<PairRouting.Sums>> routing, NullResult screened) throws IOException {
        int channels = selection.channels();
        int s = stems().size();
        int m = some.size();
        NullSumSetup setup = new NullSumSetup(rate(), s, channels, memory.rangeSeconds());
        List<PassFile> files = new ArrayList<>(stems());
        files.addAll(some);
        List<FileSink> passSinks = new ArrayList<>();
        for (PassFile p : files) {
            passSinks.add(opened.add(p) ? p.sink() : null);
        }
        boolean spectra = passSinks.stream().anyMatch(k -> k != null && k.wantsSpectrum());
        // the screen cuts its chunks where the diagnosis's halves split, so that both sum alike
        NullSumSetup measured = stage == Stage.ALIGNED || stage == Stage.TRIAL ? setup
                : Drifts.measuring(setup, total);
        NullSum tests = stage == Stage.SCREEN || stage == Stage.TRIAL ? NullSum.screen(measured, m, spectra, executor)
                : stage == Stage.DIAGNOSIS ? NullSum.afterScreen(measured, List.of(screened), spectra, executor,
                        memory.compact())
                : NullSum.create(measured, m, spectra, executor, memory.compact());
        // the screen measured the routing of the diagnosis's frames already (the same blocks, to
        // the bit); a trial needs none
        boolean routes = stage == Stage.SCREEN || stage == Stage.ALIGNED;
        List<PairRouting> pairs = new ArrayList<>();
        for (int k = 0; routes && k < m; k++) {
            pairs.add(new PairRouting(some.get(k).info().layout().orElseThrow(), s));
        }
        List<Feed> feeds = new ArrayList<>();
        long start = start(shifts);
        long end = total - Math.max(0, Arrays.stream(shifts).max().orElse(0));
        // a pass without sinks decodes the next block on the pool while this thread measures
        boolean sinks = passSinks.stream().anyMatch(k -> k != null);
        ReadAhead blocks = null;
        try {
            for (int k = 0; k < s + m; k++) {
                feeds.add(Feed.open(files.get(k).source(), rate(), k < s ? shifts[k] : 0, passSinks.get(k)));
            }
            blocks = new ReadAhead(feeds, s, channels, start, end, sinks ? null : executor);
            long done = 0;
            for (int n = blocks.next(); n > 0; n = blocks.next()) {
                if (done >= start) {
                    double[][][] stemBuf = blocks.stemBlocks();
                    double[][][] mixBuf = blocks.mixBlocks();
                    tests.accept(stemBuf, mixBuf, 0, n);
                    for (int k = 0; k < pairs.size(); k++) {
                        pairs.get(k).accept(stemBuf, mixBuf[k], n);
                    }
                }
                done += n;
            }
            feeds.forEach(Feed::drainToSink);
            if (spectra) {
                giveSpectra(tests, feeds, passSinks, end, s);
            }
        } finally {
            if (blocks != null) {
                blocks.close();
            }
            feeds.forEach(Feed::close);
        }
        for (int k = 0; k < pairs.size(); k++) {
            routing.put(some.get(k), pairs.get(k).result());
        }
        return tests;
    }

    /**
     * Hands each sink that wants it its file's Welch spectrum, where the pass compared exactly
     * the file's own frames (the others measure it themselves).
     */
    private static void giveSpectra(NullSum tests, List<Feed> feeds, List<FileSink> passSinks, long compared,
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
    private long total(List<PassFile> mixes) {
        return SetPass.total(mixes, rate());
    }

    /**
     * The first frame compared: after the alignment, an early stem (negative shift) has no
     * material for the mix's first frames (it was cut before the file's start), as a late one
     * has none for the last frames; those stretches are left out of the comparison, as
     * {@code NullSumSetup.alignedTo} does.
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
    static PassFile best(Map<PassFile, NullResult> results) {
        PassFile best = null;
        double depth = Double.POSITIVE_INFINITY;
        for (Map.Entry<PassFile, NullResult> e : results.entrySet()) {
            double d = worstIfNaN(e.getValue().gains().nullDepthDb());
            if (best == null || d < depth) {
                best = e.getKey();
                depth = d;
            }
        }
        if (depth > NullTestResult.UNEXPLAINED_DB) {
            return best;
        }
        double plain = Double.POSITIVE_INFINITY;
        for (Map.Entry<PassFile, NullResult> e : results.entrySet()) {
            double d = worstIfNaN(e.getValue().residual().totalDb());
            if (worstIfNaN(e.getValue().gains().nullDepthDb()) <= NullTestResult.UNEXPLAINED_DB && d < plain) {
                best = e.getKey();
                plain = d;
            }
        }
        return best;
    }

    private static double worstIfNaN(double db) {
        return Double.isNaN(db) ? Double.POSITIVE_INFINITY : db;
    }

    /**
     * Per stem, the whole samples to move it back by: its offset where displaced, else the
     * offset most stems share ({@code shared}, {@link SharedOffset}: the mix is late, so every
     * stem moves).
     */
    private static long[] shifts(NullResult r, double shared) {
        long whole = Math.round(shared);
        long[] out = new long[r.offsets().size()];
        for (StemOffset o : r.offsets()) {
            out[o.stem()] = o.displaced() ? o.wholeSamples() : whole;
        }
        return out;
    }
}
