package org.stemcheck.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.testing.Delivery;
import org.stemcheck.core.testing.LogCapture;

/** A run tells its listener how far it has come, and a listener that throws costs nothing but itself. */
class ProgressTest {

    @TempDir
    Path tmp;

    @Test
    void theListenerHearsTheAudioReadGrowAndTheStageChange() throws IOException {
        Delivery d = Delivery.clean();
        for (String l : Delivery.LABELS) {
            d.file(l).seconds = 3.0;
        }
        d.file("mix").seconds = 3.0;
        d.write(tmp);
        List<Progress> heard = new CopyOnWriteArrayList<>();

        Report r = StemSet.from(tmp).threads(1).onProgress(heard::add).run();

        assertThat(r.files()).hasSize(8);
        assertThat(heard).isNotEmpty();
        Progress last = heard.get(heard.size() - 1);
        assertThat(last.stage()).isEqualTo(Progress.Stage.CHECKING);
        assertThat(last.files()).isEqualTo(8);
        assertThat(last.filesDone()).isEqualTo(8);
        assertThat(last.seconds()).isEqualTo(24.0);
        assertThat(last.fraction()).isEqualTo(1.0);
        assertThat(last.delivery()).isEqualTo(tmp.toString());
        double before = -1;
        for (Progress p : heard) {
            assertThat(p.secondsDone()).isGreaterThanOrEqualTo(before).isLessThanOrEqualTo(p.seconds());
            before = p.secondsDone();
        }
    }

    @Test
    void aListenerThatThrowsIsDroppedAndTheReportIsTheSame() throws Exception {
        Delivery.clean().write(tmp);
        Report quiet = StemSet.from(tmp).run();

        LogCapture.Logged<Report> logged = LogCapture.of(() -> StemSet.from(tmp).onProgress(p -> {
            throw new IllegalStateException("display broke");
        }).run());
        Report r = logged.value();

        assertThat(logged.log()).contains("the progress listener failed; no more progress for " + tmp,
                "IllegalStateException: display broke");
        assertThat(ReportFormat.json().toString(r)).isEqualTo(ReportFormat.json().toString(quiet));
    }
}
