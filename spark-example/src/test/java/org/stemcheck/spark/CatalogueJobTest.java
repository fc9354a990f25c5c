package org.stemcheck.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.io.WavWriter;

/** The Spark job in local[2]: one JSON line per folder, input order, a missing folder as an error line. */
class CatalogueJobTest {

    @TempDir
    Path tmp;

    private Path delivery(int i, int bassBits) throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("delivery-" + i));
        double[] s = new double[9600];
        for (String label : List.of("Drums", "Keys", "Vocals")) {
            WavWriter.pcm(24).write(dir.resolve("Song_" + label + "_120bpm.wav"), 48_000, s, s);
        }
        WavWriter.pcm(bassBits).write(dir.resolve("Song_Bass_120bpm.wav"), 48_000, s, s);
        return dir;
    }

    @Test
    void eachFolderGivesOneJsonLineInInputOrder() throws IOException {
        List<String> folders = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            folders.add(delivery(i, i == 3 ? 16 : 24).toString());
        }
        folders.add(2, tmp.resolve("missing").toString());

        SparkConf conf = new SparkConf().setAppName("test").setMaster("local[2]").set("spark.ui.enabled", "false");
        List<String> lines;
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            lines = CatalogueJob.check(sc, folders);
        }

        assertThat(lines).hasSize(6);
        for (int k = 0; k < 6; k++) {
            assertThat(lines.get(k)).contains("\"delivery\":" + CatalogueJob.quote(folders.get(k))).doesNotContain("\n");
        }
        assertThat(lines.get(2)).contains("\"error\":", "no such folder");
        assertThat(lines.get(4)).contains("\"passed\":false", "format.bit-depth");
        assertThat(lines.get(0)).contains("\"passed\":true");
    }
}
