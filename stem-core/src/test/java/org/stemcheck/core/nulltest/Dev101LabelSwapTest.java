package org.stemcheck.core.nulltest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stemcheck.core.testing.Findings.problems;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.Finding;
import org.stemcheck.core.Report;
import org.stemcheck.core.Severity;
import org.stemcheck.core.testing.Dev101;

/**
 * A label swap made in code: the dev101 Bass and Vocals files exchange names. Each file is a
 * {@code content.label-mismatch} from its own audio, with the mixes present and without them; the
 * audio still sums to the mix, so the null test finds nothing.
 */
class Dev101LabelSwapTest {

    private static final String BASS = Dev101.stem("Bass");
    private static final String VOCALS = Dev101.stem("Vocals");

    @ParameterizedTest(name = "with the mixes: {0}")
    @ValueSource(booleans = {true, false})
    void swappedBassAndVocalsAreEachALabelMismatch(boolean withMix, @TempDir Path tmp) throws IOException {
        Dev101.cleanWithSwappedLabels(tmp, "Bass", "Vocals");
        if (!withMix) {
            Dev101.without(tmp, Dev101.MIXES);
        }
        Report r = Dev101ProcessingFaultsTest.check(tmp);

        Finding bass = one(r, BASS);
        assertThat(bass.message()).startsWith("Bass sounds like a vocal (pitch ").contains("not a bass");
        assertThat(bass.measurements().get("pitch_median_hz")).isGreaterThan(150.0);
        Finding vocals = one(r, VOCALS);
        assertThat(vocals.message()).startsWith("Vocals sounds like a bass (pitch ").contains("not a vocal");
        assertThat(vocals.measurements().get("share_below_300hz")).isGreaterThan(0.6);
        assertThat(problems(r)).extracting(Finding::code).containsOnly("content.label-mismatch");
        assertThat(r.reference().isPresent()).isEqualTo(withMix);
        if (withMix) {
            assertThat(r.reference().orElseThrow().file()).isEqualTo("mixdown_nobus.wav");
            assertThat(r.reference().orElseThrow().nullDb().getAsDouble()).isLessThan(-110);
        }
    }

    private static Finding one(Report r, String file) {
        return assertThat(r.findings()).filteredOn(f -> f.code().equals("content.label-mismatch") && f.files().contains(file))
                .singleElement().satisfies(f -> {
                    assertThat(f.files()).containsExactly(file);
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                }).actual();
    }
}
