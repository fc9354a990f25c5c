package org.stemcheck.core.testing;

import java.util.List;

import org.stemcheck.core.Check;
import org.stemcheck.core.CheckContext;
import org.stemcheck.core.Finding;
import org.stemcheck.core.file.Role;

/** A third-party check registered in this module's test META-INF/services, for Checks.discovered(). */
public final class PlugInCheck implements Check {

    @Override
    public String id() {
        return "acme.max-stems";
    }

    @Override
    public String description() {
        return "no more than 3 stems";
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        int n = ctx.files(Role.STEM, Role.FX).size();
        return n <= 3 ? List.of() : List.of(Finding.warning(id(), n + " stems, the studio takes 3"));
    }
}
