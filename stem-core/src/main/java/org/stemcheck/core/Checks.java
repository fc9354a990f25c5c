package org.stemcheck.core;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stemcheck.core.internal.checks.FileChecks;
import org.stemcheck.core.internal.checks.mix.MixChecks;

/** The built-in checks, and third-party checks found on the class or module path. */
public final class Checks {

    private static final Logger LOG = LoggerFactory.getLogger(Checks.class);

    private Checks() {
    }

    /**
     * Every built-in check, in the order their findings are reported.
     *
     * @return the checks, immutable; the default of {@link StemSet#run()}
     */
    public static List<Check> standard() {
        return STANDARD;
    }

    private static final List<Check> STANDARD = concat(FileChecks.all(), MixChecks.all());

    private static List<Check> concat(List<Check> a, List<Check> b) {
        List<Check> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /**
     * Checks registered through {@link ServiceLoader} ({@code META-INF/services/org.stemcheck.core.Check}
     * or a module's {@code provides}). Opt-in: {@link StemSet#run()} does not load them unless they are
     * passed to {@link StemSet#check(Iterable)}. Each one found is logged; one that fails to load is
     * logged and left out.
     *
     * @return the plug-in checks in class path order, immutable; loaded anew on every call
     */
    public static List<Check> discovered() {
        List<Check> found = new ArrayList<>();
        ServiceLoader<Check> loader = ServiceLoader.load(Check.class, Checks.class.getClassLoader());
        var it = loader.iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                Check c = it.next();
                LOG.info("check plug-in found: {} ({})", c.id(), c.getClass().getName());
                found.add(c);
            } catch (ServiceConfigurationError e) {
                LOG.warn("a check plug-in could not be loaded; left out: {}", e.getMessage());
            }
        }
        return List.copyOf(found);
    }

    /**
     * The built-in checks followed by the discovered ones.
     *
     * @return {@link #standard()} then {@link #discovered()}, immutable
     */
    public static List<Check> standardAndDiscovered() {
        List<Check> all = new ArrayList<>(standard());
        all.addAll(discovered());
        return List.copyOf(all);
    }
}
