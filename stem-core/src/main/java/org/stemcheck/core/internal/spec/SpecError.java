package org.stemcheck.core.internal.spec;

/**
 * A wrong key or value in a spec file: the key's path ({@code stems.expected[2].required}), where
 * it stands, and what is wrong. {@link SpecFiles} prefixes the file's name.
 */
final class SpecError extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final int line;
    private final int column;
    private final String reason;

    SpecError(String path, Json at, String reason) {
        this(path, at.line(), at.column(), reason);
    }

    SpecError(String path, int line, int column, String reason) {
        super(line + ":" + column + ": " + (path.isEmpty() ? "" : path + ": ") + reason);
        this.path = path;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /** The key's path, e.g. {@code stems.expected[2].required}; empty for the file as a whole. */
    String path() {
        return path;
    }

    int line() {
        return line;
    }

    int column() {
        return column;
    }

    String reason() {
        return reason;
    }
}
