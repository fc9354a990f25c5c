package org.stemcheck.core.internal.setpass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stemcheck.core.file.Role;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.dsp.nullsum.NullSum;
import org.stemcheck.dsp.nullsum.NullSumSetup;
import org.stemcheck.dsp.nullsum.StemOffset;
import org.stemcheck.dsp.WelchSpectrum;
import org.stemcheck.io.AudioFormat;

/**
 * The set pass: streams every stem and every candidate mix together in aligned blocks into
 * {@link NullSum} (one null test per mix, sharing the stems' share of the work), and keeps the
 * mix the stems null against best.
 *
 * <p>Passes: first a <b>screen</b> of every mix at once (each file decoded once, when the heap
 * allows; otherwise as many mixes a pass as fit the budget: {@link MemoryBudget#plan}): the plain
 * residual at unity gain and no offset, the stems' Gram matrix (the least-squares gains) and their
 * dynamics ({@link NullSum#screen}). When the stems null cleanly against the mix they null against
 * best ({@link CleanNull}), nothing the diagnosis measures could change a verdict, and that is all.
 * Otherwise a <b>diagnosis</b> pass over the stems and that mix alone measures everything (offsets,
 * the drift halves ({@link Drifts}), transfers, the residual's spectra), reading the files again
 * (from the page cache, as a rule: the screen has just read them); and a <b>third</b> one, when a
 * stem was {@link StemOffset#displaced() displaced}: the displaced stems are moved back by their
 * whole samples while streaming, so that gains, transfers, the residual and its character are
 * measured with every stem in place; the stretches at either end that a moved stem no longer
 * covers are left out. (Shifting in the feed rather than with {@code Setup.alignedTo} moves the
 * residual probe too.) Then <b>trials</b> of the offsets whose peak was not clear (the mix's latency
 * that some stems witness, a stem that repeats every beat), each a screening pass with the stems
 * so moved (the null after gains alone, as the full pass would measure it to the bit): a trial is
 * kept only when it deepens the null ({@link OffsetTrials}), and only a kept one is measured again
 * in full. The diagnosis of a mix is the same as a full
 * null test of the screen's grouping would have made: the same setup and frames, the same chunks.
 * {@link SetPassRun} runs
 * the passes; this class chooses what they stream and checks that they fit the heap.
 *
 * <p>Reading: the first pass that opens a file hands every block it decodes to that file's
 * {@link PassFile#sink() sink}, if it has one, and reads the file to its end for it, so that the
 * file's per-file measurements need no read of their own. The diagnosis and aligned passes decode
 * the stems and the chosen mix again (without sinks). Which files are streamed is {@link #select}'s
 * choice, known before the pass runs. Thread-safe: all state is local to {@link #run}.
 */
public final class SetPass {

    private static final Logger LOG = LoggerFactory.getLogger(SetPass.class);

    private SetPass() {
    }

    /**
     * How the set pass over {@code selection} fits {@code budget}: the offset range, whether the
     * offsets' full-rate stage is compact, how many mixes a pass compares, or that it cannot run.
     *
     * @param selection what {@link #select} chose
     * @param budget    the heap to plan with ({@link MemoryBudget#ofThisJvm()})
     * @return the plan
     */
    public static MemoryBudget.Plan plan(Selection selection, MemoryBudget budget) {
        return budget.plan(selection.rate(), selection.stems().size(), selection.channels(),
                selection.mixes().size(), total(selection.mixes(), selection.rate()));
    }

    /**
     * The set pass could not run in the heap it was given: it needs more than the budget
     * ({@link MemoryBudget.Plan#fits()}), or the heap ran out while it ran. Its state is all local
     * to the pass, so the run goes on without the null test.
     */
    public static final class HeapTooSmall extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient MemoryBudget.Plan plan;

        /**
         * @param plan    the plan the pass was run with, or found not to fit
         * @param message what the report says
         * @param cause   the {@code OutOfMemoryError}, or null
         */
        public HeapTooSmall(MemoryBudget.Plan plan, String message, Throwable cause) {
            super(message, cause);
            this.plan = plan;
        }

        /** @return the plan the pass was run with, or found not to fit */
        public MemoryBudget.Plan plan() {
            return plan;
        }
    }

    /**
     * The files a set pass would stream: a readable mix and at least one readable stem, at rates
     * convertible to the first mix's and channel counts that fit it. The mix named {@code given}
     * comes first, so that it sets the common format and is never the one left out.
     *
     * @param files the delivery's files, in delivery order
     * @param given the name of the mix the caller named as the reference, if any
     * @return the selection, empty when no set pass can run
     */
    public static Optional<Selection> select(List<? extends PassFile> files, Optional<String> given) {
        return choose(files, given).selection();
    }

    /**
     * Why no set pass can run although the delivery has a readable mix and a readable stem (a mono
     * mix beside stereo stems, more stems than a pass takes ...): the mix checks are then left
     * out, and the report must say so.
     *
     * @param files the delivery's files, in delivery order
     * @param given the name of the mix the caller named as the reference, if any
     * @return the reason, in words for the report; empty when a pass can run, or when there is
     *         no mix or no stem to compare (nothing was left out)
     */
    public static Optional<String> whyNot(List<? extends PassFile> files, Optional<String> given) {
        return Optional.ofNullable(choose(files, given).whyNot());
    }

    /** A selection, or why there is none ({@code null} when there is nothing to compare). */
    private record Choice(Optional<Selection> selection, String whyNot) {

        static Choice none(String why) {
            return new Choice(Optional.empty(), why);
        }
    }

    private static Choice choose(List<? extends PassFile> files, Optional<String> given) {
        List<PassFile> stems = new ArrayList<>();
        List<PassFile> mixes = new ArrayList<>();
        for (PassFile p : files) {
            StemFile f = p.info();
            if (!f.readable() || !p.source().readable()) {
                continue;
            }
            if (f.role().isStem()) {
                stems.add(p);
            } else if (f.role() == Role.MIXDOWN) {
                mixes.add(p);
            }
        }
        if (mixes.isEmpty() || stems.isEmpty()) {
            return Choice.none(null);
        }
        // The named mix sets the common format, so that it is never the one left out; otherwise the
        // mix that most stems fit (a mono reference beside a stereo mix of stereo stems is left out,
        // not the stems).
        mixes.sort(Comparator.comparingInt(m -> -fitting(stems, format(m))));
        given.ifPresent(name -> mixes.sort(Comparator.comparing(p -> !p.info().name().equals(name))));
        PassFile lead = mixes.get(0);
        AudioFormat first = format(lead);
        int rate = (int) Math.round(first.sampleRate());
        int channels = first.channels();
        mixes.removeIf(p -> format(p).channels() != channels || !Feed.convertible(format(p), rate));
        int offered = stems.size();
        stems.removeIf(p -> !Feed.fits(format(p), channels) || !Feed.convertible(format(p), rate));
        String mix = lead.info().name();
        if (mixes.isEmpty()) {
            return Choice.none(String.format(Locale.ROOT, "%s runs at %s Hz, a rate no other file can be converted to",
                    mix, first.sampleRate()));
        }
        if (stems.isEmpty()) {
            return Choice.none(String.format(Locale.ROOT, "no stem fits %s (%d channel%s at %d Hz): %s", mix,
                    channels, channels == 1 ? "" : "s", rate, channels == 1 && offered > 0
                            ? "a mono mix cannot hold stems of two or more channels as they are"
                            : "their channels or rates cannot be brought to the mix's"));
        }
        if (stems.size() > NullSumSetup.MAX_STEMS) {
            return Choice.none(String.format(Locale.ROOT, "%d stems, more than the %d one comparison takes",
                    stems.size(), NullSumSetup.MAX_STEMS));
        }
        if (channels > NullSumSetup.MAX_CHANNELS || rate < 1000 || rate > 768_000) {
            LOG.debug("set pass skipped: {} stems of {} channels at {} Hz", stems.size(), channels, rate);
            return Choice.none(String.format(Locale.ROOT, "%s has %d channels at %d Hz, outside what a comparison takes"
                    + " (up to %d channels, 1 to 768 kHz)", mix, channels, rate, NullSumSetup.MAX_CHANNELS));
        }
        Optional<String> named = given.filter(name -> mixes.stream().anyMatch(p -> p.info().name().equals(name)));
        return new Choice(Optional.of(new Selection(stems, mixes, rate, channels, named,
                spectra(stems, mixes, rate, channels))), null);
    }

    /** How many of the stems fit a pass in this mix's format. */
    private static int fitting(List<PassFile> stems, AudioFormat mix) {
        int rate = (int) Math.round(mix.sampleRate());
        return (int) stems.stream().filter(p -> Feed.fits(format(p), mix.channels()) && Feed.convertible(format(p), rate))
                .count();
    }

    private static AudioFormat format(PassFile p) {
        return p.info().format().orElseThrow();
    }

    /**
     * The files whose Welch spectrum the pass can measure from its own transforms of exactly their
     * samples: at the pass's rate and channel count (not resampled or upmixed), not truncated, and
     * as long as every mix (so that the pass compares each of their frames and nothing more, in
     * any grouping of the mixes), at least one Welch segment long, at a rate where the null test's
     * frames are Welch's segments.
     */
    private static Set<PassFile> spectra(List<PassFile> stems, List<PassFile> mixes, int rate, int channels) {
        if (!NullSum.welchSized(rate)) {
            return Set.of();
        }
        long length = mixes.get(0).info().frames();
        for (PassFile p : mixes) {
            if (!sameShape(p.info(), rate, channels, length)) {
                return Set.of();
            }
        }
        if (length < WelchSpectrum.defaultSize(rate)) {
            return Set.of();
        }
        Set<PassFile> out = Collections.newSetFromMap(new IdentityHashMap<>());
        for (PassFile p : stems) {
            if (sameShape(p.info(), rate, channels, length)) {
                out.add(p);
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
     * Runs the set pass when the delivery has a readable mix and at least two readable stems
     * (no sinks, everything on the calling thread).
     *
     * @param files the delivery's files
     * @return the analysis, empty when no set pass can run
     * @throws RuntimeException as {@link #run(Selection, Executor)}
     */
    public static Optional<SetAnalysis> run(List<? extends PassFile> files) {
        return select(files, Optional.empty()).flatMap(s -> run(s, null));
    }

    /**
     * Runs the set pass over a selection, handing each file's decoded blocks to its sink.
     *
     * @param selection what {@link #select} chose; the first pass that reads a file with a sink
     *                  hands it every raw block and reads the file to its end for it (even past the
     *                  mixes' end); files without a sink are read only as far as the pass needs.
     *                  When the pass fails, a sink may hear neither its end nor a failure.
     * @param executor  where the null tests' short-time spectra run beside the calling thread, or
     *                  null to run everything on the calling thread
     * @return the analysis
     * @throws HeapTooSmall         when the heap cannot hold the pass ({@link #plan}) or ran out
     * @throws UncheckedIOException when a file could not be opened
     * @throws RuntimeException     when the pass failed otherwise
     */
    public static Optional<SetAnalysis> run(Selection selection, Executor executor) {
        return run(selection, executor, false);
    }

    /**
     * As {@link #run(Selection, Executor)}; with {@code diagnoseAlways}, the diagnosis runs even
     * when the stems null cleanly (as it did before the screen): for the tests that compare both.
     *
     * @param selection      what {@link #select} chose
     * @param executor       where the null tests' short-time spectra run, or null
     * @param diagnoseAlways whether to diagnose a clean delivery too
     * @return the analysis
     */
    public static Optional<SetAnalysis> run(Selection selection, Executor executor, boolean diagnoseAlways) {
        MemoryBudget.Plan memory = plan(selection, MemoryBudget.ofThisJvm());
        if (!memory.fits()) {
            throw new HeapTooSmall(memory, memory.describe(), null);
        }
        if (memory.narrowed() || memory.compact() || memory.mixesPerPass() < selection.mixes().size()) {
            LOG.debug("set pass within the heap: {}", memory);
        }
        try {
            return Optional.of(new SetPassRun(selection, Collections.newSetFromMap(new IdentityHashMap<>()), executor,
                    memory, diagnoseAlways).execute());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OutOfMemoryError e) {
            // Everything the pass allocated is garbage once this frame is left: the run goes on
            // without the null test, and the report says why instead of losing everything.
            throw ranOut(memory, e);
        } catch (RuntimeException e) {
            // the null tests' spectra run on the pool: their OutOfMemoryError arrives wrapped
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof OutOfMemoryError) {
                    throw ranOut(memory, e);
                }
            }
            throw e;
        }
    }

    private static HeapTooSmall ranOut(MemoryBudget.Plan memory, Throwable cause) {
        return new HeapTooSmall(memory, String.format(java.util.Locale.ROOT,
                "the heap (%d MiB) ran out during the null test; the mix checks were left out",
                memory.maxHeap() >> 20), cause);
    }

    /** The frames of the longest of these mixes, at {@code rate}: the frames compared. */
    static long total(List<PassFile> mixes, int rate) {
        long total = 0;
        for (PassFile p : mixes) {
            StemFile f = p.info();
            total = Math.max(total, (long) Math.ceil(f.frames() * rate / f.format().orElseThrow().sampleRate()));
        }
        return total;
    }
}
