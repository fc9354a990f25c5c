/** JMH benchmarks of stemcheck's kernels. Run: {@code java -jar stem-bench/target/benchmarks.jar}. */
package org.stemcheck.bench;
