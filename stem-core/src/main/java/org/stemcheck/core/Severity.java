package org.stemcheck.core;

/** How much a finding matters (see {@code docs/findings.md}). */
public enum Severity {
    /** The recipient cannot use the delivery as it is. */
    ERROR,
    /** Very likely a problem: look at it. */
    WARNING,
    /** A measurement or a fact worth knowing, never a problem by itself. */
    INFO
}
