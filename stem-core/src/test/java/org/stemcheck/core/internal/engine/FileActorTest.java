package org.stemcheck.core.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.stemcheck.core.Measurement;
import org.stemcheck.dsp.Accumulator;
import org.stemcheck.io.AudioFormat;
import org.stemcheck.io.FileKind;
import org.stemcheck.io.SampleEncoding;

/** A file's per-file measurements fed from the set pass's reads: in order, bounded, failures kept to the file. */
class FileActorTest {

    private static final AudioFormat STEREO = new AudioFormat(FileKind.WAV, SampleEncoding.FLOAT, 48_000, 2, 64, 64,
            0, 3, false);

    /** Records the first sample of every block it sees, and the frames. */
    static final class Recorder implements Accumulator<List<Double>> {
        final List<Double> firsts = new ArrayList<>();

        @Override
        public void accept(double[][] block, int offset, int n) {
            firsts.add(block[1][offset]);
            firsts.add((double) n);
        }

        @Override
        public List<Double> result() {
            return firsts;
        }
    }

    /** Throws on its {@code k}-th block. */
    static final class Breaks implements Accumulator<String> {
        final int at;
        final boolean error;
        int seen;

        Breaks(int at, boolean error) {
            this.at = at;
            this.error = error;
        }

        @Override
        public void accept(double[][] block, int offset, int n) {
            if (++seen == at) {
                if (error) {
                    throw new StackOverflowError("deep");
                }
                throw new IllegalStateException("bug");
            }
        }

        @Override
        public String result() {
            return "ok";
        }
    }

    /** An executor whose tasks run only when the test says so. */
    static final class Manual implements java.util.concurrent.Executor {
        final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public synchronized void execute(Runnable r) {
            tasks.add(r);
        }

        synchronized Runnable next() {
            return tasks.poll();
        }

        void runAll() {
            for (Runnable r; (r = next()) != null; ) {
                r.run();
            }
        }
    }

    private static FileAnalysis analysis(Accumulator<?> stats, Accumulator<?> peak) {
        MeasurementRegistry reg = MeasurementRegistry.empty()
                .with(Measurement.SAMPLE_STATS, f -> stats, (r, facts) -> { })
                .with(Measurement.TRUE_PEAK, f -> peak, (r, facts) -> { });
        return FileAnalysis.create("Song_Bass_120bpm.wav", STEREO,
                Set.of(Measurement.SAMPLE_STATS, Measurement.TRUE_PEAK), reg);
    }

    /** A stereo block whose right channel starts with {@code first}; the left is garbage the actor must not mix in. */
    private static double[][] block(double first) {
        double[][] b = new double[2][FileAnalysis.BLOCK_FRAMES];
        b[0][0] = -1;
        b[1][0] = first;
        return b;
    }

    @Test
    void blocksReachTheAccumulatorsInOrderAcrossPoolThreads() throws Exception {
        Recorder rec = new Recorder();
        Recorder other = new Recorder();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            FileActor actor = new FileActor("f", analysis(rec, other), 2, pool);
            double[][] reused = block(0); // the reader reuses its block, as Feed does
            for (int k = 0; k < 500; k++) {
                reused[1][0] = k;
                actor.accept(reused, 1 + k % 7);
            }
            actor.end();
            FileAnalysis.Outcome o = actor.outcome().get(1, TimeUnit.MINUTES);

            assertThat(actor.finished()).isTrue();
            assertThat(o.failure()).isEmpty();
            List<Double> expected = new ArrayList<>();
            for (int k = 0; k < 500; k++) {
                expected.add((double) k);
                expected.add((double) (1 + k % 7));
            }
            assertThat(rec.firsts).isEqualTo(expected);
            assertThat(other.firsts).isEqualTo(expected);
            assertThat(o.results()).containsKeys(Measurement.SAMPLE_STATS, Measurement.TRUE_PEAK);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theReaderWaitsWhenTheQueueIsFullAndGoesOnOnceBlocksAreFed() throws Exception {
        Manual pool = new Manual();
        Recorder rec = new Recorder();
        FileActor actor = new FileActor("f", analysis(rec, new Recorder()), 2, pool);
        for (int k = 0; k < FileActor.QUEUE_BLOCKS; k++) {
            actor.accept(block(k), 10); // fills the queue without waiting: nothing has run yet
        }
        assertThat(rec.firsts).isEmpty();
        Thread reader = new Thread(() -> actor.accept(block(99), 10));
        reader.start();
        while (reader.getState() != Thread.State.WAITING && reader.isAlive()) {
            Thread.onSpinWait();
        }
        assertThat(reader.isAlive()).as("the reader waits for a free buffer").isTrue();

        pool.runAll();
        reader.join();
        pool.runAll();
        actor.end();
        pool.runAll();

        assertThat(actor.outcome()).isDone();
        assertThat(rec.firsts).containsExactly(0.0, 10.0, 1.0, 10.0, 2.0, 10.0, 3.0, 10.0, 99.0, 10.0);
    }

    @Test
    void aReadFailureIsTheFilesOutcomeAndKeepsWhatWasMeasured() throws Exception {
        Manual pool = new Manual();
        Recorder rec = new Recorder();
        FileActor actor = new FileActor("f", analysis(rec, new Breaks(2, false)), 2, pool);
        actor.accept(block(1), 5);
        actor.accept(block(2), 5);
        actor.fail("unexpected end of data chunk");
        actor.accept(block(3), 5); // ignored: the file ended
        pool.runAll();

        FileAnalysis.Outcome o = actor.outcome().get();
        assertThat(o.failure()).contains("unexpected end of data chunk");
        assertThat(o.results()).containsOnlyKeys(Measurement.SAMPLE_STATS); // the one that threw is left out
        assertThat(rec.firsts).containsExactly(1.0, 5.0, 2.0, 5.0);
    }

    @Test
    void aConsumerThatThrowsAnErrorNeverBlocksTheReader() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            FileActor actor = new FileActor("f", analysis(new Breaks(3, true), new Recorder()), 2, pool);
            for (int k = 0; k < 20 * FileActor.QUEUE_BLOCKS; k++) {
                actor.accept(block(k), 100); // would wait for ever if a failed drain kept its buffers
            }
            actor.end();
            FileAnalysis.Outcome o = actor.outcome().get(1, TimeUnit.MINUTES);

            assertThat(o.results()).isEmpty();
            assertThat(o.failure()).hasValueSatisfying(w -> assertThat(w).startsWith("analysis failed:").contains("deep"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anInterruptedReaderGivesTheFileUpAndKeepsItsInterrupt() {
        Manual pool = new Manual();
        FileActor actor = new FileActor("f", analysis(new Recorder(), new Recorder()), 2, pool);
        for (int k = 0; k < FileActor.QUEUE_BLOCKS; k++) {
            actor.accept(block(k), 10);
        }
        Thread.currentThread().interrupt();
        actor.accept(block(9), 10); // the queue is full: waits, is interrupted, gives up
        boolean interrupted = Thread.interrupted();

        assertThat(interrupted).isTrue();
        assertThat(actor.outcome()).isCancelled();
        assertThat(actor.finished()).isFalse();
        actor.end(); // too late: the owner reads the file another way
        pool.runAll();
        assertThat(actor.finished()).isFalse();
    }

    @Test
    void aPoolThatIsShutDownFeedsOnTheReadersThread() throws ExecutionException, InterruptedException {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        pool.shutdown();
        Recorder rec = new Recorder();
        FileActor actor = new FileActor("f", analysis(rec, new Recorder()), 2, pool);
        for (int k = 0; k < 3 * FileActor.QUEUE_BLOCKS; k++) {
            actor.accept(block(k), 1);
        }
        actor.end();

        assertThat(actor.outcome().get().failure()).isEmpty();
        assertThat(rec.firsts).hasSize(2 * 3 * FileActor.QUEUE_BLOCKS);
    }

    @Test
    void aFileWithNothingToMeasureNeedsNoSamples() {
        FileAnalysis a = FileAnalysis.create("f", STEREO, Set.of(Measurement.LOUDNESS), MeasurementRegistry.empty());
        assertThat(a.wantsSamples()).isFalse();
        assertThat(a.outcome()).isEqualTo(new FileAnalysis.Outcome(java.util.Map.of(), Optional.empty()));
    }
}
