package org.stemcheck.examples.snippets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * What users copy and what gets published says the version that exists: README's Maven snippets,
 * the BOM's version and its list of modules, and the BOM's metadata, which it repeats from the
 * parent pom because it has no parent.
 */
class PublishingTest {

    private static final Pattern STEMCHECK_VERSION = Pattern.compile(
            "<groupId>org\\.stemcheck</groupId>\\s*<artifactId>([\\w-]+)</artifactId>\\s*<version>([^<]+)</version>");

    @Test
    void readmesDependencySnippetsNameThePomsVersion() throws IOException {
        String version = projectVersion();
        Matcher m = STEMCHECK_VERSION.matcher(Files.readString(root().resolve("README.md")));
        List<String> artifacts = new ArrayList<>();
        while (m.find()) {
            artifacts.add(m.group(1));
            assertThat(m.group(2)).as("README's version of %s", m.group(1)).isEqualTo(version);
        }
        assertThat(artifacts).as("README's Maven snippets").contains("stem-core", "stemcheck-bom");
    }

    @Test
    void theBomHasTheReactorsVersionAndManagesEveryPublishedModule() throws IOException {
        String bom = Files.readString(root().resolve("stemcheck-bom/pom.xml"));
        assertThat(bom).doesNotContain("<parent>");
        assertThat(tag(withoutDependencyManagement(bom), "version")).isEqualTo(projectVersion());

        TreeSet<String> managed = new TreeSet<>();
        Matcher m = Pattern.compile("<artifactId>([\\w-]+)</artifactId>\\s*<version>\\$\\{project\\.version}</version>")
                .matcher(bom);
        while (m.find()) {
            managed.add(m.group(1));
        }
        assertThat(managed).isEqualTo(publishedJarModules());
    }

    @Test
    void theBomRepeatsTheParentsMetadata() throws IOException {
        String parent = Files.readString(root().resolve("pom.xml"));
        String bom = Files.readString(root().resolve("stemcheck-bom/pom.xml"));
        for (String element : List.of("url", "inceptionYear", "organization", "developers", "scm", "issueManagement")) {
            assertThat(normalised(block(bom, element))).as(element).isEqualTo(normalised(block(parent, element)));
        }
        assertThat(normalised(block(bom, "licenses").replaceAll("(?s)<comments>.*?</comments>", "")))
                .isEqualTo(normalised(block(parent, "licenses").replaceAll("(?s)<comments>.*?</comments>", "")));
    }

    /** The modules of the reactor (and of its profiles) that are jars and do not skip deploy. */
    private static TreeSet<String> publishedJarModules() throws IOException {
        TreeSet<String> published = new TreeSet<>();
        Matcher m = Pattern.compile("<module>([\\w-]+)</module>").matcher(Files.readString(root().resolve("pom.xml")));
        while (m.find()) {
            String pom = Files.readString(root().resolve(m.group(1)).resolve("pom.xml"));
            boolean jar = !pom.contains("<packaging>");
            boolean skipped = pom.contains("<maven.deploy.skip>true</maven.deploy.skip>");
            if (jar && !skipped) {
                published.add(tag(pom.substring(pom.indexOf("</parent>")), "artifactId"));
            }
        }
        assertThat(published).contains("stem-io", "stem-core");
        return published;
    }

    private static String projectVersion() {
        String version = System.getProperty("stemcheck.projectVersion");
        assumeTrue(version != null, "the build passes the pom's version in stemcheck.projectVersion");
        return version;
    }

    private static String withoutDependencyManagement(String pom) {
        return pom.replaceAll("(?s)<dependencyManagement>.*</dependencyManagement>", "")
                .replaceAll("(?s)<profiles>.*</profiles>", "");
    }

    private static String tag(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml.replaceAll("(?s)<!--.*?-->", ""));
        assertThat(m.find()).as("<%s>", name).isTrue();
        return m.group(1).trim();
    }

    /** The first {@code <name ...>...</name>} element, attributes left out. */
    private static String block(String xml, String name) {
        Matcher m = Pattern.compile("(?s)<" + name + "(\\s[^>]*)?>(.*?)</" + name + ">")
                .matcher(xml.replaceAll("(?s)<!--.*?-->", ""));
        assertThat(m.find()).as("<%s>", name).isTrue();
        return m.group(2);
    }

    private static String normalised(String xml) {
        return xml.replaceAll("\\s+", " ").trim();
    }

    /** The project folder (tests run from a module folder under Maven, from the root in an IDE). */
    private static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("stemcheck-bom/pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("the project folder is not above " + Path.of("").toAbsolutePath());
    }
}
