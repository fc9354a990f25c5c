package org.stemcheck.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stemcheck.core.testing.Findings.of;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stemcheck.core.testing.Delivery;

/** What a reader worked around in a header reaches the report as an info finding on its file. */
class HeaderWarningsTest {

    @TempDir
    Path tmp;

    /** The WAV with a second 'fmt ' chunk (a copy of the first) inserted just before 'data'. */
    private static byte[] withSecondFmt(byte[] wav) {
        int fmt = indexOf(wav, "fmt ");
        int fmtSize = ByteBuffer.wrap(wav, fmt + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        byte[] chunk = Arrays.copyOfRange(wav, fmt, fmt + 8 + fmtSize + (fmtSize & 1));
        int data = indexOf(wav, "data");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(wav, 0, data);
        out.write(chunk, 0, chunk.length);
        out.write(wav, data, wav.length - data);
        byte[] b = out.toByteArray();
        ByteBuffer.wrap(b, 4, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length - 8);
        return b;
    }

    private static int indexOf(byte[] b, String id) {
        outer:
        for (int i = 12; i + 4 <= b.length; i++) {
            for (int k = 0; k < 4; k++) {
                if (b[i + k] != id.charAt(k)) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException(id);
    }

    @Test
    void aSecondFmtChunkIsAnInfoOnItsFileAndTheFileIsStillChecked() throws IOException {
        Delivery.clean().write(tmp);
        Path bass = tmp.resolve("Song_Bass_120bpm.wav");
        Files.write(bass, withSecondFmt(Files.readAllBytes(bass)));

        Report r = StemSet.from(tmp).run();

        assertThat(of(r, "format.header")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.files()).containsExactly("Song_Bass_120bpm.wav");
            assertThat(f.message()).contains("a second 'fmt ' chunk at byte");
        });
        assertThat(r.passed()).isTrue();
        assertThat(r.measured("Song_Bass_120bpm.wav")).containsKey("peak_dbfs");
    }
}
