package org.stemcheck.io.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the WAV reader (RIFF, RIFX, RF64, BW64; fmt, ds64, data and the chunk
 * walk) through {@code AudioFiles.open}, from a stream and from a file, streaming every sample.
 *
 * <p>In the normal test run Jazzer replays the committed inputs in
 * {@code WavFuzzTestInputs/openAndStream/} (seeds and past crashes). With {@code JAZZER_FUZZ=1}
 * it fuzzes for {@code maxDuration}, which only applies then. See {@code docs/robustness.md}.
 */
class WavFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void openAndStream(byte[] data) {
        if (data.length > ParserProperty.MAX_INPUT_BYTES) {
            return;
        }
        ParserProperty.check(data);
    }
}
