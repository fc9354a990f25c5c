package org.stemcheck.io.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.stemcheck.io.AudioFile;
import org.stemcheck.io.AudioFileException;
import org.stemcheck.io.AudioFiles;
import org.stemcheck.io.AudioFormat;

/**
 * Generates the per-file verdict table of docs/formats.md from what the reader really does, and
 * checks that the committed document carries the current table. After a change of verdict,
 * copy {@code stem-io/target/formats-wav-table.md} into docs/formats.md between the markers.
 */
class FormatsTableTest {

    static final String BEGIN = "<!-- BEGIN generated WAV table (FormatsTableTest) -->";
    static final String END = "<!-- END generated WAV table -->";

    @Test
    void docsFormatsMdCarriesTheCurrentWavVerdictTable() throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add("| file | header | peer verdict | our verdict | why we differ |");
        rows.add("| --- | --- | --- | --- | --- |");
        for (CorpusEntry e : CorpusEntry.all()) {
            if (!e.isAiff()) {
                rows.add(row(e));
            }
        }
        String table = BEGIN + "\n" + String.join("\n", rows) + "\n" + END + "\n";
        Files.writeString(Path.of("target", "formats-wav-table.md"), table);

        Path doc = Path.of("..", "docs", "formats.md");
        assertThat(doc).exists();
        assertThat(Files.readString(doc))
                .as("docs/formats.md is stale: copy stem-io/target/formats-wav-table.md into it")
                .contains(table);
    }

    private static String row(CorpusEntry e) {
        String header = e.json().path("format").isNull() ? "-" : String.format(Locale.ROOT, "%s %s Hz %s ch %s bit",
                e.json().path("format").asText(), e.json().path("sample_rate").asText(),
                e.json().path("channels").asText(), e.json().path("bits").asText());
        return "| `" + e.relative() + "` | " + header + " | " + cell(e.peerVerdict()) + " | " + cell(ours(e)) + " | "
                + cell(WavVerdicts.deviation(e).orElse("")) + " |";
    }

    /** What the reader does with the file, in words. */
    static String ours(CorpusEntry e) {
        try {
            AudioFile f = e.isGzip() ? openGzip(e) : AudioFiles.open(e.path());
            AudioFormat a = f.format();
            String read = String.format(Locale.ROOT, "read: %s %s %d Hz %d ch %d/%d bit, %d frames",
                    a.kind().displayName(), a.encoding(), a.sampleRateHz(), a.channels(), a.validBits(),
                    a.bitsPerSample(), f.frames());
            if (f.truncation().isPresent()) {
                read += ", truncated (" + f.truncation().get().claimedFrames() + " declared)";
            }
            if (!f.warnings().isEmpty()) {
                read += "; warns: " + f.warnings().get(0);
            }
            return read;
        } catch (AudioFileException x) {
            String where = e.path().toString() + ": ";
            String message = x.getMessage().startsWith(where) ? x.getMessage().substring(where.length()) : x.getMessage();
            return "refused (" + x.kind() + "): " + message;
        } catch (IOException x) {
            return "I/O error: " + x.getMessage();
        }
    }

    private static AudioFile openGzip(CorpusEntry e) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(e.path()))) {
            return AudioFiles.open(in, e.file());
        }
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
