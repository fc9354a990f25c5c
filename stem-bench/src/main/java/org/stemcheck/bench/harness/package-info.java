/**
 * The side-by-side benchmark harness run by {@code scripts/benchmark.sh}: generates long
 * deliveries ({@link org.stemcheck.bench.harness.GenerateDelivery}), decodes them without checking
 * ({@link org.stemcheck.bench.harness.DecodeOnly}), reads peak heap from GC logs
 * ({@link org.stemcheck.bench.harness.GcLog}) and writes the results into
 * {@code docs/benchmarks.md} ({@link org.stemcheck.bench.harness.BenchReport}).
 * Not part of the library.
 */
package org.stemcheck.bench.harness;
