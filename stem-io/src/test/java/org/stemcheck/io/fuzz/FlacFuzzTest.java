package org.stemcheck.io.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the FLAC reader (metadata blocks, frame headers, subframes, residuals,
 * the tail scan at open, the MD5 check) through {@code AudioFiles.open}, from a stream and from a
 * file, streaming every sample, with {@link ParserProperty}'s FLAC rules. The seeds
 * ({@link FuzzSeeds#flac()}) are small files from our own encoder covering every subframe type,
 * stereo coding and the metadata the reader parses.
 *
 * <p>In the normal test run Jazzer replays {@code FlacFuzzTestInputs/openAndStream/}; with
 * {@code JAZZER_FUZZ=1} it fuzzes for {@code maxDuration}. See {@code docs/robustness.md}.
 */
class FlacFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void openAndStream(byte[] data) {
        if (data.length > ParserProperty.MAX_INPUT_BYTES) {
            return;
        }
        ParserProperty.check(data);
    }
}
