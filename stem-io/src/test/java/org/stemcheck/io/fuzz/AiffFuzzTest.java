package org.stemcheck.io.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the AIFF/AIFF-C reader through {@code AudioFiles.open}, from a stream
 * and from a file, streaming every sample. The entry point is the same as {@link WavFuzzTest}'s;
 * the seed corpus (small valid AIFF and AIFF-C files, {@link FuzzSeeds#aiff()}) steers the fuzzer
 * into the AIFF reader.
 *
 * <p>In the normal test run Jazzer replays {@code AiffFuzzTestInputs/openAndStream/}; with
 * {@code JAZZER_FUZZ=1} it fuzzes for {@code maxDuration}. See {@code docs/robustness.md}.
 */
class AiffFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void openAndStream(byte[] data) {
        if (data.length > ParserProperty.MAX_INPUT_BYTES) {
            return;
        }
        ParserProperty.check(data);
    }
}
