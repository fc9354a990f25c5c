package org.stemcheck.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.stemcheck.core.internal.delivery.Naming;
import org.stemcheck.core.internal.delivery.Roles;
import org.stemcheck.core.internal.delivery.Source;
import org.stemcheck.core.internal.delivery.Sources;
import org.stemcheck.core.internal.pipeline.Engine;
import org.stemcheck.core.internal.pipeline.Measurements;
import org.stemcheck.core.spec.DeliverySpec;
import org.stemcheck.core.file.StemFile;
import org.stemcheck.core.file.Role;

/**
 * A stem delivery to check: the files of a folder (or buffers in memory), what each one is, the
 * spec they are held to and the checks to run.
 *
 * <pre>{@code
 * Report report = StemSet.from(Path.of("delivery"))
 *         .mixdown("mixdown.wav")            // optional: otherwise found by name
 *         .expect(DeliverySpec.music())      // optional: the default
 *         .check(Checks.standard())          // optional: the default
 *         .without("naming.pattern")
 *         .run();
 * }</pre>
 *
 * <p>Immutable and thread-safe: every builder method returns a new set. Headers are read once, by
 * {@link #from}; {@link #run()} streams each file's samples once, only for the measurements the
 * checks need. {@code run()} never throws for audio problems: an unreadable file is a finding.
 */
public final class StemSet {

    private final String delivery;
    private final Path dir;
    private final List<Source> inputs;
    private final Optional<String> mixdown;
    private final DeliverySpec spec;
    private final List<Check> checks;
    private final Set<String> without;
    private final int threads;
    private final Consumer<Progress> progress;

    private StemSet(String delivery, Path dir, List<Source> inputs, Optional<String> mixdown, DeliverySpec spec,
                    List<Check> checks, Set<String> without, int threads) {
        this(delivery, dir, inputs, mixdown, spec, checks, without, threads, null);
    }

    private StemSet(String delivery, Path dir, List<Source> inputs, Optional<String> mixdown, DeliverySpec spec,
                    List<Check> checks, Set<String> without, int threads, Consumer<Progress> progress) {
        this.progress = progress;
        this.delivery = delivery;
        this.dir = dir;
        this.inputs = List.copyOf(inputs);
        this.mixdown = mixdown;
        this.spec = spec;
        this.checks = List.copyOf(checks);
        this.without = Collections.unmodifiableSet(new LinkedHashSet<>(without));
        this.threads = threads;
    }

    /**
     * A delivery folder: its files and those of its sub-folders (three levels down, as deliveries
     * are laid out: {@code delivery/Stems/*.wav} with the mix at the top), named by their path
     * inside the folder, sorted, each sniffed by content and its header read. Hidden files and
     * folders are left out. Anything that is not a file that can be opened (a folder named like an
     * audio file, a named pipe, a link to nothing) is kept as an unreadable file, so that the
     * report says so. Given a single file instead of a folder, the delivery is that file.
     *
     * @param dir the delivery folder, or one audio file
     * @return the set, held to {@link DeliverySpec#music()} with the standard checks
     * @throws IllegalArgumentException when {@code dir} does not exist
     * @throws java.io.UncheckedIOException when the folder cannot be listed
     */
    public static StemSet from(Path dir) {
        Objects.requireNonNull(dir, "dir must not be null");
        if (!Files.exists(dir)) {
            throw new IllegalArgumentException("no such folder or file: " + dir.toAbsolutePath());
        }
        if (!Files.isDirectory(dir)) {
            Path parent = dir.toAbsolutePath().getParent();
            return new StemSet(dir.toString(), parent, List.of(Sources.ofPath(dir)), Optional.empty(),
                    DeliverySpec.music(), List.of(), Set.of(), defaultThreads());
        }
        return new StemSet(dir.toString(), dir, Sources.discover(dir), Optional.empty(), DeliverySpec.music(),
                List.of(), Set.of(), defaultThreads());
    }

    /**
     * Stems held in memory, named like files ({@code "Song_Bass_120bpm"}); a stem whose name marks
     * a mix ({@code "mixdown"}) is the reference unless {@link #mixdown(String)} names another.
     *
     * @param stems the stems, each with its own name; their samples are not copied
     * @return the set, held to {@link DeliverySpec#music()} with the standard checks
     * @throws IllegalArgumentException when two stems share a name
     */
    public static StemSet of(List<Stem> stems) {
        Objects.requireNonNull(stems, "stems must not be null");
        List<Source> in = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Stem s : stems) {
            Objects.requireNonNull(s, "a stem is null");
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("two stems are named " + s.name());
            }
            in.add(Sources.ofStem(s));
        }
        return new StemSet("(memory)", null, in, Optional.empty(), DeliverySpec.music(), List.of(), Set.of(),
                defaultThreads());
    }

    private static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * The reference mix: a file of the delivery by name (its path inside the delivery, or its
     * file name when only one file has it), or a path (relative to the working folder or to the
     * delivery folder).
     *
     * @param nameOrPath a file name of the delivery ({@code "mixdown.wav"}) or a path
     * @return a new set; this one is unchanged
     * @throws IllegalArgumentException when there is no such file
     */
    public StemSet mixdown(String nameOrPath) {
        Objects.requireNonNull(nameOrPath, "mixdown must not be null");
        if (inputs.stream().anyMatch(i -> i.name().equals(nameOrPath))) {
            return withMixdown(inputs, nameOrPath);
        }
        // the name of a file in a sub-folder ("mixdown.wav" for "Mix/mixdown.wav"), when only one has it
        List<String> same = inputs.stream().map(Source::name)
                .filter(n -> Sources.fileName(n).equals(nameOrPath)).toList();
        if (same.size() == 1) {
            return withMixdown(inputs, same.get(0));
        }
        if (dir == null) {
            throw new IllegalArgumentException("no stem is named " + nameOrPath);
        }
        return mixdown(Path.of(nameOrPath));
    }

    /**
     * The reference mix as a path: a file of the delivery folder, or a file elsewhere, which is
     * added to the delivery.
     *
     * @param file the mix
     * @return a new set; this one is unchanged
     * @throws IllegalArgumentException when there is no such file
     */
    public StemSet mixdown(Path file) {
        Objects.requireNonNull(file, "mixdown must not be null");
        Path p = Files.isRegularFile(file) || dir == null ? file : dir.resolve(file);
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("no such mixdown file: " + file.toAbsolutePath());
        }
        Path abs = p.toAbsolutePath().normalize();
        boolean inside = dir != null && abs.startsWith(dir.toAbsolutePath().normalize());
        String name = inside ? Sources.relative(dir.toAbsolutePath().normalize(), abs) : p.getFileName().toString();
        if (inside && inputs.stream().anyMatch(i -> i.name().equals(name))) {
            return withMixdown(inputs, name);
        }
        if (inputs.stream().anyMatch(i -> i.name().equals(name))) {
            throw new IllegalArgumentException("the mixdown " + p.toAbsolutePath()
                    + " has the name of a file of the delivery; rename or copy it");
        }
        List<Source> more = new ArrayList<>(inputs);
        more.add(Sources.ofPath(p));
        return withMixdown(more, name);
    }

    private StemSet withMixdown(List<Source> in, String name) {
        return new StemSet(delivery, dir, in, Optional.of(name), spec, checks, without, threads, progress);
    }

    /**
     * Holds the delivery to this spec (default {@link DeliverySpec#music()}).
     *
     * @param s what the recipient asked for
     * @return a new set; this one is unchanged
     */
    public StemSet expect(DeliverySpec s) {
        Objects.requireNonNull(s, "spec must not be null");
        return new StemSet(delivery, dir, inputs, mixdown, s, checks, without, threads, progress);
    }

    /**
     * Adds checks. Without any, {@link #run()} runs {@link Checks#standard()}; with some, only
     * those run, so add {@code Checks.standard()} too to keep the built-in ones.
     *
     * @param more the checks to add
     * @return a new set; this one is unchanged
     */
    public StemSet check(Check... more) {
        Objects.requireNonNull(more, "checks must not be null");
        return check(List.of(more));
    }

    /**
     * Adds checks. Without any, {@link #run()} runs {@link Checks#standard()}; with some, only
     * those run.
     *
     * @param more the checks to add, e.g. {@link Checks#standardAndDiscovered()}
     * @return a new set; this one is unchanged
     */
    public StemSet check(Iterable<? extends Check> more) {
        Objects.requireNonNull(more, "checks must not be null");
        List<Check> all = new ArrayList<>(checks);
        for (Check c : more) {
            all.add(Objects.requireNonNull(c, "a check is null"));
        }
        return new StemSet(delivery, dir, inputs, mixdown, spec, all, without, threads, progress);
    }

    /**
     * Leaves out a code: the check of that id is not run, and findings of that code are dropped.
     *
     * @param code a finding code or check id, e.g. {@code naming.pattern}
     * @return a new set; this one is unchanged
     */
    public StemSet without(String code) {
        Objects.requireNonNull(code, "code must not be null");
        Set<String> w = new LinkedHashSet<>(without);
        w.add(code);
        return new StemSet(delivery, dir, inputs, mixdown, spec, checks, w, threads, progress);
    }

    /**
     * Analyses at most {@code n} files at once (default: the number of processors). Each thread
     * holds one file's accumulators and one block buffer.
     *
     * @param n {@code >= 1}
     * @return a new set; this one is unchanged
     * @throws IllegalArgumentException when {@code n} is below 1
     */
    public StemSet threads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + n);
        }
        return new StemSet(delivery, dir, inputs, mixdown, spec, checks, without, n, progress);
    }

    /**
     * Tells {@code listener} how far {@link #run()} has come: about ten times a second while files
     * are read, and whenever the run moves to another stage. It is called from the run's analysis
     * threads, so it must be quick and thread-safe; one that throws is dropped, never the run.
     *
     * <pre>{@code
     * Report report = StemSet.from(dir)
     *         .onProgress(p -> System.err.printf("\r%s: %.0f%%", p.stage(), 100 * p.fraction()))
     *         .run();
     * }</pre>
     *
     * @param listener hears the progress; null for none
     * @return a new set; this one is unchanged
     */
    public StemSet onProgress(Consumer<Progress> listener) {
        return new StemSet(delivery, dir, inputs, mixdown, spec, checks, without, threads, listener);
    }

    /**
     * The spec this set is held to.
     *
     * @return the spec given to {@link #expect}, or {@link DeliverySpec#music()}
     */
    public DeliverySpec spec() {
        return spec;
    }

    /**
     * Every file, as the checks will see it under the current spec and mixdown; no audio is
     * read.
     *
     * @return the files in name order, with their roles, labels and headers; immutable
     */
    public List<StemFile> files() {
        return classified().stream().map(Map.Entry::getKey).toList();
    }

    /** Every file as the checks will see it, with how to read it, in name order. */
    private List<Map.Entry<StemFile, Source>> classified() {
        List<Map.Entry<StemFile, Source>> out = new ArrayList<>(inputs.size());
        for (Source in : inputs) {
            Naming.Parsed parsed = Naming.parse(Sources.fileName(in.name()), spec.naming().pattern());
            Role role = Roles.of(in, parsed, spec, mixdown.map(in.name()::equals).orElse(false));
            // A mix or a non-audio file has no stem label.
            Optional<String> label = role.isStem() || role == Role.UNREADABLE ? parsed.label() : Optional.empty();
            out.add(Map.entry(new StemFile(in.name(), role, label, parsed.title(), parsed.bpm(), parsed.matched(),
                    in.container(), in.format(), in.frames(), in.metadata(), in.truncation(), in.error(), in.warnings(),
                    in.format().map(spec.format().channelOrder()::layoutOf)),
                    in));
        }
        return List.copyOf(out);
    }

    /**
     * Runs the checks: one streaming pass per file for the measurements they need, then the null
     * test against the mix where a check needs it. Never throws for audio problems.
     *
     * @return the report, with its plots
     */
    public Report run() {
        return run(Measurements.standard());
    }

    /** Runs with another measurement registry (tests wire fake accumulators here). */
    Report run(Measurements registry) {
        List<Map.Entry<StemFile, Source>> files = classified();
        Optional<StemFile> reference = files.stream().map(Map.Entry::getKey)
                .filter(f -> f.role() == Role.MIXDOWN && f.readable())
                .filter(f -> mixdown.isEmpty() || mixdown.get().equals(f.name()))
                .findFirst();
        List<Check> toRun = checks.isEmpty() ? Checks.standard() : checks;
        return new Engine(registry, threads).run(new Engine.Run(delivery, spec, files, reference,
                mixdown.isPresent(), toRun, without, progress));
    }
}
