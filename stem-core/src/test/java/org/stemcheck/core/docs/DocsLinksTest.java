package org.stemcheck.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.stemcheck.core.testing.ProjectFiles;

/**
 * Every relative link in {@code README.md} and {@code docs/*.md} resolves: the file exists, and an
 * anchor ({@code findings.md#mixnull}) names a heading of that file, as GitHub makes anchors. Paths
 * the text names in backticks ({@code docs/specs.md}, {@code scripts/reproducible.sh}) exist too.
 * Links to the web are not fetched (no test needs the network).
 */
class DocsLinksTest {

    /** {@code [text](target)} and {@code ![alt](target)}; the target up to a space or the closing parenthesis. */
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern FENCE = Pattern.compile("(?s)```.*?```");
    /** A project path named in backticks. */
    private static final Pattern NAMED_PATH = Pattern.compile("`((?:docs|scripts)/[A-Za-z0-9_./-]+)`");

    static List<Path> pages() throws IOException {
        List<Path> out = new ArrayList<>(List.of(ProjectFiles.resolve("README.md")));
        try (Stream<Path> s = Files.list(ProjectFiles.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
        }
        return out;
    }

    /** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
    static Set<String> anchors(String markdown) {
        Set<String> out = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        Matcher m = HEADING.matcher(FENCE.matcher(markdown).replaceAll(""));
        while (m.find()) {
            String slug = slug(m.group(1));
            int n = seen.merge(slug, 1, Integer::sum) - 1;
            out.add(n == 0 ? slug : slug + "-" + n);
        }
        return out;
    }

    static String slug(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1");   // a link in a heading: its text
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    @Test
    void anchorsAreMadeAsGitHubMakesThem() {
        assertThat(slug("mix.null")).isEqualTo("mixnull");
        assertThat(slug("`level.loudness`")).isEqualTo("levelloudness");
        assertThat(slug("One block, from file to finding")).isEqualTo("one-block-from-file-to-finding");
        assertThat(anchors("# A\n## B\n```\n# not a heading\n```\n## B\n")).containsExactly("a", "b", "b-1");
    }

    @Test
    void everyRelativeLinkResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path page : pages()) {
            String text = Files.readString(page);
            Matcher m = LINK.matcher(FENCE.matcher(text).replaceAll(""));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {   // http:, https:, mailto: ...
                    continue;
                }
                links++;
                String where = ProjectFiles.root().relativize(page) + ": " + target;
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(where + " (no such file)");
                } else if (hash >= 0 && !anchors(Files.readString(resolved)).contains(target.substring(hash + 1))) {
                    broken.add(where + " (no such heading)");
                }
            }
        }
        assertThat(links).as("relative links checked").isGreaterThan(40);
        assertThat(broken).as("broken links in README.md and docs/*.md").isEmpty();
    }

    @Test
    void everyProjectPathNamedInBackticksExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path page : pages()) {
            Matcher m = NAMED_PATH.matcher(Files.readString(page));
            while (m.find()) {
                if (!Files.exists(ProjectFiles.resolve(m.group(1)))) {
                    missing.add(ProjectFiles.root().relativize(page) + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).as("paths named in README.md and docs/*.md that do not exist").isEmpty();
    }
}
