package org.stemcheck.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this build, as the pom says ({@code 0.1.0-SNAPSHOT} before a release): read from
 * {@code version.properties} beside this class, which the build writes from
 * {@code ${project.version}}.
 */
final class ToolVersion {

    /** What a build that did not filter the resource (an IDE's own compile) reports. */
    static final String UNKNOWN = "unknown";

    private ToolVersion() {
    }

    /** The version, or {@link #UNKNOWN} when the resource is missing or was not filled in. */
    static String read() {
        try (InputStream in = ToolVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties p = new Properties();
            p.load(in);
            String version = p.getProperty("version", "").trim();
            return version.isEmpty() || version.contains("${") ? UNKNOWN : version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the version resource of stem-core", e);
        }
    }
}
