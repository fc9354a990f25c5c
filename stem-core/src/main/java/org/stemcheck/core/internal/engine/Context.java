package org.stemcheck.core.internal.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.stemcheck.core.CheckContext;
import org.stemcheck.core.DeliverySpec;
import org.stemcheck.core.Measurement;
import org.stemcheck.core.StemFile;

/** The {@link CheckContext} of one run: immutable once built. */
final class Context implements CheckContext {

    private final List<StemFile> files;
    private final DeliverySpec spec;
    private final Optional<StemFile> reference;
    private final Map<String, Map<Measurement, Object>> measured;

    Context(List<StemFile> files, DeliverySpec spec, Optional<StemFile> reference,
            Map<String, Map<Measurement, Object>> measured) {
        this.files = List.copyOf(files);
        this.spec = spec;
        this.reference = reference;
        this.measured = Map.copyOf(measured);
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
    public <R> Optional<R> measurement(StemFile file, Measurement kind, Class<R> type) {
        Object r = measured.getOrDefault(file.name(), Map.of()).get(kind);
        return r == null ? Optional.empty() : Optional.of(type.cast(r));
    }
}
