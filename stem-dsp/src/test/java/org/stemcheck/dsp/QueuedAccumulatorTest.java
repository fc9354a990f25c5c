package org.stemcheck.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

/** An accumulator fed on a pool while the reader goes on: in order, bounded, failures reported, never stuck. */
class QueuedAccumulatorTest {

    /** Records the first sample of the second channel of every block it sees, and the frames. */
    static final class Recorder implements Accumulator<List<Double>> {
        final List<Double> firsts = new ArrayList<>();

        @Override
        public void accept(double[][] block, int offset, int n) {
            firsts.add(block[1][offset]);
            firsts.add((double) n);
        }

        @Override
        public List<Double> result() {
            return List.copyOf(firsts);
        }
    }

    /** Throws on its {@code at}-th block: an exception, or an Error. */
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
    static final class Manual implements Executor {
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

    private static final int FRAMES = 64;

    /** A stereo block whose right channel starts with {@code first}; the left is garbage that must not be mixed in. */
    private static double[][] block(double first) {
        double[][] b = new double[2][FRAMES];
        b[0][0] = -1;
        b[1][0] = first;
        return b;
    }

    @Test
    void blocksReachTheTargetInOrderAcrossPoolThreads() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            QueuedAccumulator<List<Double>> q = QueuedAccumulator.on(pool, new Recorder(), 2, FRAMES);
            double[][] reused = block(0); // the reader reuses its block
            List<Double> expected = new ArrayList<>();
            for (int k = 0; k < 500; k++) {
                reused[1][0] = k;
                q.accept(reused, 0, 1 + k % 7);
                expected.add((double) k);
                expected.add((double) (1 + k % 7));
            }
            assertThat(q.result()).isEqualTo(expected);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBlockLongerThanABufferIsQueuedInPiecesFromItsOffset() {
        Manual pool = new Manual();
        QueuedAccumulator<List<Double>> q = QueuedAccumulator.on(pool, new Recorder(), 2, 10);
        double[][] b = new double[2][40];
        for (int i = 0; i < 40; i++) {
            b[1][i] = i;
        }
        q.accept(b, 5, 25); // frames 5..29: pieces of 10, 10 and 5
        pool.runAll();
        assertThat(q.result()).containsExactly(5.0, 10.0, 15.0, 10.0, 25.0, 5.0);
    }

    @Test
    void theReaderWaitsWhenTheQueueIsFullAndGoesOnOnceBlocksAreFed() throws Exception {
        Manual pool = new Manual();
        Recorder rec = new Recorder();
        QueuedAccumulator<List<Double>> q = QueuedAccumulator.on(pool, rec, 2, FRAMES);
        for (int k = 0; k < QueuedAccumulator.QUEUE_BLOCKS; k++) {
            q.accept(block(k), 0, 10); // fills the queue without waiting: nothing has run yet
        }
        assertThat(rec.firsts).isEmpty();
        Thread reader = new Thread(() -> q.accept(block(99), 0, 10));
        reader.start();
        while (reader.getState() != Thread.State.WAITING && reader.isAlive()) {
            Thread.onSpinWait();
        }
        assertThat(reader.isAlive()).as("the reader waits for a free buffer").isTrue();

        pool.runAll();
        reader.join();
        pool.runAll();

        assertThat(q.result()).containsExactly(0.0, 10.0, 1.0, 10.0, 2.0, 10.0, 3.0, 10.0, 99.0, 10.0);
    }

    @Test
    void aTargetThatThrowsAnErrorNeverBlocksTheReaderAndTheResultSaysWhy() {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            QueuedAccumulator<String> q = QueuedAccumulator.on(pool, new Breaks(3, true), 2, FRAMES);
            for (int k = 0; k < 20 * QueuedAccumulator.QUEUE_BLOCKS; k++) {
                q.accept(block(k), 0, 10); // would wait for ever if a failed drain kept its buffers
            }
            assertThatThrownBy(q::result).isInstanceOf(IllegalStateException.class)
                    .hasCauseInstanceOf(StackOverflowError.class).hasMessageContaining("deep");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anExceptionStopsTheFeedingAndIsReported() {
        Manual pool = new Manual();
        Breaks target = new Breaks(2, false);
        QueuedAccumulator<String> q = QueuedAccumulator.on(pool, target, 2, FRAMES);
        for (int k = 0; k < 3; k++) {
            q.accept(block(k), 0, 10);
        }
        pool.runAll();
        assertThat(target.seen).as("blocks after the failure are dropped").isEqualTo(2);
        assertThatThrownBy(q::await).hasMessageContaining("bug");
    }

    @Test
    void anInterruptedReaderCancelsAndKeepsItsInterrupt() {
        Manual pool = new Manual();
        Recorder rec = new Recorder();
        QueuedAccumulator<List<Double>> q = QueuedAccumulator.on(pool, rec, 2, FRAMES);
        for (int k = 0; k < QueuedAccumulator.QUEUE_BLOCKS; k++) {
            q.accept(block(k), 0, 10);
        }
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> q.accept(block(9), 0, 10)).isInstanceOf(IllegalStateException.class);
        assertThat(Thread.interrupted()).isTrue();
        assertThat(q.cancelled()).isTrue();

        q.accept(block(10), 0, 10); // ignored once cancelled
        pool.runAll();
        assertThat(rec.firsts).as("queued blocks are dropped once cancelled").isEmpty();
    }

    @Test
    void aPoolThatIsShutDownFeedsOnTheReadersThread() {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        pool.shutdown();
        QueuedAccumulator<List<Double>> q = QueuedAccumulator.on(pool, new Recorder(), 2, FRAMES);
        for (int k = 0; k < 3 * QueuedAccumulator.QUEUE_BLOCKS; k++) {
            q.accept(block(k), 0, 1);
        }
        assertThat(q.result()).hasSize(2 * 3 * QueuedAccumulator.QUEUE_BLOCKS);
    }

    @Test
    void argumentsAreChecked() {
        Manual pool = new Manual();
        assertThatThrownBy(() -> QueuedAccumulator.on(pool, new Recorder(), 0, FRAMES))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QueuedAccumulator.on(pool, new Recorder(), 2, 0))
                .isInstanceOf(IllegalArgumentException.class);
        QueuedAccumulator<List<Double>> q = QueuedAccumulator.on(pool, new Recorder(), 2, FRAMES);
        assertThatThrownBy(() -> q.accept(new double[1][FRAMES], 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
