/**
 * The stemcheck API: {@code StemSet}, {@code Check}, {@code Finding}, {@code Report}, and the
 * built-in checks.
 */
module org.stemcheck.core {
    requires transitive org.stemcheck.dsp;
    requires org.slf4j;

    exports org.stemcheck.core;
}
