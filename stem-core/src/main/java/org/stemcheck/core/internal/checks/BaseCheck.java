package org.stemcheck.core.internal.checks;

import java.util.List;

import org.stemcheck.core.Check;
import org.stemcheck.core.CheckContext;
import org.stemcheck.core.file.Role;
import org.stemcheck.core.file.StemFile;

/** A built-in check: its id is the one code it emits (the null test's checks extend it too). */
public abstract class BaseCheck implements Check {

    private final String id;
    private final String description;

    protected BaseCheck(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }

    /** Readable stems, effect stems and mixdowns. */
    static List<StemFile> readableAudio(CheckContext ctx) {
        return ctx.files().stream()
                .filter(f -> f.readable() && (f.role().isStem() || f.role() == Role.MIXDOWN)).toList();
    }

    /** "stem" or "stems". */
    static String stems(int n) {
        return n == 1 ? "stem" : "stems";
    }

    /** "the other stem" / "the other 6 stems". */
    static String others(int n) {
        return n == 1 ? "the other stem" : "the other " + n + " stems";
    }

    @Override
    public String toString() {
        return id;
    }
}
