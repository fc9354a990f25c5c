package org.stemcheck.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.stemcheck.core.Finding;
import org.stemcheck.core.Report;
import org.stemcheck.core.Severity;

/** Small helpers to pick findings out of a report. */
public final class Findings {

    private Findings() {
    }

    /** The findings of one code. */
    public static List<Finding> of(Report r, String code) {
        return r.findings().stream().filter(f -> f.code().equals(code)).toList();
    }

    /** The errors and warnings (what a clean delivery must not have). */
    public static List<Finding> problems(Report r) {
        return r.findings().stream().filter(f -> f.severity() != Severity.INFO).toList();
    }

    /**
     * The warnings and errors whose code starts with {@code prefix} ({@code "level."}): for a test
     * of one family of checks, which need not know what the other families make of its delivery.
     */
    public static List<Finding> problems(Report r, String prefix) {
        return problems(r).stream().filter(f -> f.code().startsWith(prefix)).toList();
    }

    /** No error or warning names a file other than the {@code mixes} and the {@code guilty} stems. */
    public static void nothingOnInnocentStems(Report r, List<String> mixes, String... guilty) {
        Set<String> ok = new HashSet<>(mixes);
        ok.addAll(List.of(guilty));
        assertThat(problems(r)).as("problems").allSatisfy(f -> assertThat(f.files()).isSubsetOf(ok));
    }
}
