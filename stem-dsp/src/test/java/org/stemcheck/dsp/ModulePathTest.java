package org.stemcheck.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * stem-dsp on the module path, as a modular application loads it (the tests otherwise run on the
 * class path): its descriptor names no module the JDK would have to guess from a jar's file name,
 * so it resolves without JTransforms, and it uses JTransforms when the application resolves it.
 */
class ModulePathTest {

    /** The jars and folders of this test run that are modules stem-dsp may meet. */
    private static ModuleFinder finder() {
        List<Path> paths = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            String name = p.toString().replace('\\', '/');
            if (name.endsWith("stem-dsp/target/classes") || name.contains("stem-io") && !name.contains("test")
                    || name.contains("/slf4j-") || name.contains("JTransforms") || name.contains("JLargeArrays")
                    || name.contains("commons-math3")) {
                paths.add(p);
            }
        }
        return ModuleFinder.of(paths.toArray(Path[]::new));
    }

    /** Whether FftThreads, loaded in a layer resolved from {@code roots}, sees JTransforms. */
    private static boolean usesJTransforms(Set<String> roots) throws Exception {
        ModuleLayer boot = ModuleLayer.boot();
        Configuration cf = boot.configuration().resolveAndBind(finder(), ModuleFinder.of(), roots);
        ModuleLayer layer = boot.defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
        Class<?> threads = layer.findLoader("org.stemcheck.dsp").loadClass("org.stemcheck.dsp.FftThreads");
        assertThat(threads.getModule().getName()).isEqualTo("org.stemcheck.dsp");
        // at JTransforms' defaults transforms from 8192 points would go to its pool: "not caller only"
        return !(boolean) threads.getMethod("isCallerOnly").invoke(null);
    }

    @Test
    void resolvesWithoutJTransformsAndRunsOnItsOwnFft() throws Exception {
        assertThat(usesJTransforms(Set.of("org.stemcheck.dsp"))).isFalse();
    }

    @Test
    void usesJTransformsWhereTheApplicationResolvesIt() throws Exception {
        assertThat(usesJTransforms(Set.of("org.stemcheck.dsp", "JTransforms"))).isTrue();
    }
}
