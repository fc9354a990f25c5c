/**
 * The stemcheck API: {@code StemSet}, {@code Check}, {@code Finding}, {@code Report}, and the
 * built-in checks. Third-party checks are found with {@code Checks.discovered()}.
 */
module org.stemcheck.core {
    requires transitive org.stemcheck.dsp;
    requires org.slf4j;

    exports org.stemcheck.core;
    exports org.stemcheck.core.file;
    exports org.stemcheck.core.nulltest;
    exports org.stemcheck.core.spec;

    uses org.stemcheck.core.Check;
}
