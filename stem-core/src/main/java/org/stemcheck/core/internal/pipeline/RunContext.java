package org.stemcheck.core.internal.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.stemcheck.core.Analysis;
import org.stemcheck.core.CheckContext;
import org.stemcheck.core.nulltest.NullTestResult;
import org.stemcheck.core.spec.DeliverySpec;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.file.StemFile;

/**
 * The {@link CheckContext} of one run: the files and their measurements, fixed once the reading
 * passes are done; the null test's result and the shared analyses, each computed on first use and
 * kept. Thread-safe.
 */
final class RunContext implements CheckContext {

    private final List<StemFile> files;
    private final DeliverySpec spec;
    private final Optional<StemFile> reference;
    private final Map<String, FileResults> measured;
    private final Lazy<Optional<NullTestResult>> nullTest;
    private final Map<Analysis<?>, Lazy<?>> analyses = new ConcurrentHashMap<>();

    /**
     * @param nullTest builds the null test's result from this context (it reads the files'
     *                 measurements and shared analyses); called at most once
     */
    RunContext(List<StemFile> files, DeliverySpec spec, Optional<StemFile> reference,
               Map<String, FileResults> measured, Function<CheckContext, Optional<NullTestResult>> nullTest) {
        this.files = List.copyOf(files);
        this.spec = spec;
        this.reference = reference;
        this.measured = Map.copyOf(measured);
        this.nullTest = new Lazy<>(() -> nullTest.apply(this));
    }

    @Override
    public List<StemFile> files() {
        return files;
    }

    @Override
    public DeliverySpec spec() {
        return spec;
    }

    @Override
    public Optional<StemFile> reference() {
        return reference;
    }

    @Override
    public <R> Optional<R> measurement(StemFile file, Measurement<R> kind) {
        Objects.requireNonNull(file, "file must not be null");
        if (!kind.perFile()) {
            throw new IllegalArgumentException(kind + " is measured over the set: read it with nullTest()");
        }
        FileResults r = measured.get(file.name());
        return r == null ? Optional.empty() : r.get(kind);
    }

    @Override
    public Optional<NullTestResult> nullTest() {
        return nullTest.get();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> R analysis(Analysis<R> analysis) {
        Objects.requireNonNull(analysis, "analysis must not be null");
        Lazy<R> lazy = (Lazy<R>) analyses.computeIfAbsent(analysis, a -> new Lazy<>(() -> analysis.compute(this)));
        return lazy.get();
    }

    /** A value computed once, on first use, by whichever thread asks first; the others wait for it. */
    private static final class Lazy<T> {
        private final java.util.function.Supplier<T> compute;
        private boolean done;
        private boolean computing;
        private T value;
        private RuntimeException failure;

        Lazy(java.util.function.Supplier<T> compute) {
            this.compute = compute;
        }

        synchronized T get() {
            if (!done) {
                if (computing) {
                    throw new IllegalStateException("an analysis asks for itself while it is being computed");
                }
                computing = true;
                try {
                    value = compute.get();
                } catch (RuntimeException e) {
                    failure = e;
                } catch (Error e) {
                    // out of heap, say: not this value's fault, so not kept; the next caller may try again
                    computing = false;
                    throw e;
                }
                done = true;
            }
            if (failure != null) {
                throw failure;
            }
            return value;
        }
    }
}
