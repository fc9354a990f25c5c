package org.stemcheck.io.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.stemcheck.io.testing.TestData;

/**
 * One entry of a shared corpus's {@code expected.json} ({@code formats/} or {@code other/}):
 * the file, the peer library's verdict, and the facts it asserts.
 *
 * @param corpus the corpus folder name, {@code formats} or {@code other}
 * @param root   the corpus folder
 * @param json   the entry as written in {@code expected.json}
 */
public record CorpusEntry(String corpus, Path root, JsonNode json) {

    /** Every entry of both corpora, in file order. Skips (or fails under CI) when the data is absent. */
    public static List<CorpusEntry> all() {
        List<CorpusEntry> all = new ArrayList<>();
        for (String corpus : List.of("formats", "other")) {
            Path root = TestData.require(corpus);
            try {
                JsonNode entries = new ObjectMapper().readTree(root.resolve("expected.json").toFile());
                entries.forEach(e -> all.add(new CorpusEntry(corpus, root, e)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    /** The file's path relative to its corpus, as in {@code expected.json}. */
    public String file() {
        return json.path("file").asText();
    }

    /** The file's path relative to the test data root, e.g. {@code formats/hound/pop.wav}. */
    public String relative() {
        return corpus + "/" + file();
    }

    public Path path() {
        return root.resolve(file());
    }

    public String peerVerdict() {
        return json.path("peer_verdict").asText();
    }

    public JsonNode expected() {
        return json.path("expected");
    }

    public JsonNode header() {
        return json.path("header_as_parsed");
    }

    /**
     * True for AIFF / AIFF-C files (container {@code FORM}): those are checked by AiffCorpusTest.
     * The one place that decides which entries belong to the WAV reader.
     */
    public boolean isAiff() {
        return "FORM".equals(header().path("container").asText());
    }

    /** True for the gzip-compressed RF64 file, read in full by a separate-JVM test. */
    public boolean isGzip() {
        return file().endsWith(".gz");
    }

    @Override
    public String toString() {
        return relative();
    }
}
